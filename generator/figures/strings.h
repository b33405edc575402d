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

/// A unit expression in `lang`, term by term: "1M tokens" -> "百万 tokens",
/// "month" -> "月", "requests/s" -> "次请求/秒". Unknown words stay as written.
std::string LocalizeUnit(std::string_view unit, std::string_view lang);

/// True for languages written without spaces between a number and its unit word.
bool IsCjk(std::string_view lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_STRINGS_H_
