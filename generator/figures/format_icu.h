// The native build's source of locale data (number symbols, currency symbols
// and names, compact notation steps): ICU, read once per language. The
// WebAssembly what-if engine gets the same data from the page instead.
#ifndef COSTSITE_FIGURES_FORMAT_ICU_H_
#define COSTSITE_FIGURES_FORMAT_ICU_H_

#include <string>
#include <string_view>
#include <vector>

#include "figures/number_text.h"

namespace costsite::figures {

/// `lang`'s locale data from ICU (zh is zh-CN, en is en-US), with the
/// currencies `codes` (every common ISO currency when empty).
LocaleData IcuLocaleData(std::string_view lang, const std::vector<std::string>& codes = {});

/// The same number written by ICU's own formatter (for tests: NumberText
/// must agree with it).
std::string IcuNumberText(std::string_view decimal, const DigitRule& rule, std::string_view lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_FORMAT_ICU_H_
