// The words the figures stage writes itself (table headers, unit names, the
// provenance labels) in each page language. Kept as data, one row per key, so
// a new language is a new column and a test can check none is missing.
#ifndef COSTSITE_FIGURES_STRINGS_H_
#define COSTSITE_FIGURES_STRINGS_H_

#include <string>
#include <string_view>

namespace costsite::figures {

/// The text for `key` in `lang` (English when the language has none, the key
/// itself when the key is unknown).
std::string UiText(std::string_view key, std::string_view lang);

/// A price variant's name in `lang` ("按需", "On-demand"); the id when unknown.
std::string VariantLabel(std::string_view variant, std::string_view lang);

/// True for languages written without spaces between a number and its unit word.
bool IsCjk(std::string_view lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_STRINGS_H_
