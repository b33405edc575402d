// Numbers written out for a language from an exact decimal string, without
// ICU: the locale's symbols are data (LocaleData), the logic is here. The
// native build fills LocaleData from ICU (format_icu.cpp), the WebAssembly
// what-if engine receives the same data from the page, and both format with
// this code, so a figure recomputed in the reader's browser is the build's
// figure byte for byte.
#ifndef COSTSITE_FIGURES_NUMBER_TEXT_H_
#define COSTSITE_FIGURES_NUMBER_TEXT_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costsite::figures {

/// What is written around the digits of a positive and of a negative number.
struct Affixes {
  std::string pos_prefix, pos_suffix, neg_prefix = "-", neg_suffix;
  friend bool operator==(const Affixes&, const Affixes&) = default;
};

/// One step of compact notation: a number whose leading digit is at
/// 10^magnitude is divided by 10^shift and followed by `suffix` ("万", "K").
struct CompactStep {
  int shift = 0;
  std::string suffix;
  friend bool operator==(const CompactStep&, const CompactStep&) = default;
};

/// A language's number symbols: what ICU knows about the locale, as data.
struct LocaleData {
  std::string decimal = ".", group = ",";
  Affixes plain, percent;
  std::map<std::string, Affixes, std::less<>> currency;  // by ISO code
  std::map<std::string, std::string, std::less<>> currency_name;  // ISO code -> long name (column headers)
  std::vector<CompactStep> compact;  // by magnitude 0, 1, …; the last applies above
  friend bool operator==(const LocaleData&, const LocaleData&) = default;
};

/// How the digits are chosen.
struct DigitRule {
  int min_fraction = 0, max_fraction = 0;
  bool significant3 = false;  // compact without a precision: 3 significant digits at most
  bool compact = false;
  // With compact: >= 0 scales by the step of a number whose leading digit
  // is at 10^compact_magnitude, whatever this one's is (a range's ends
  // share their larger end's step: "$4.21K–5.10K", "0.88万–1.27万").
  int compact_magnitude = -1;
  std::string currency;  // "" = none
  bool percent = false;
};

/// `decimal` ("-1234.5678", as Decimal::ToString writes it) by `rule`, rounding
/// half away from zero, as ICU's number formatter writes it for `locale`.
std::string NumberText(std::string_view decimal, const DigitRule& rule, const LocaleData& locale);

/// The power of ten compact notation divides a number whose leading digit
/// is at 10^magnitude by (3 for "K", 4 for "万"; 0 below the first step).
int CompactShift(const LocaleData& locale, int magnitude);

/// The locale data of a language. The native build reads it from ICU; the
/// what-if engine is given it (SetLocaleData) before it formats.
const LocaleData& LocaleDataFor(std::string_view lang);
void SetLocaleData(std::string_view lang, LocaleData data);

/// Affixes for `code` in `locale`, or the plain ones with the code before the
/// digits when the locale data lacks it.
const Affixes& CurrencyAffixes(const LocaleData& locale, std::string_view code);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_NUMBER_TEXT_H_
