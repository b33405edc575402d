// Text given per language, as in YAML `{zh: 月度总计, en: Monthly total}`.
#ifndef COSTSITE_BASE_LOCALIZED_H_
#define COSTSITE_BASE_LOCALIZED_H_

#include <map>
#include <string>
#include <string_view>

namespace costsite {

/// Language code ("zh", "en") to text.
using LocalizedText = std::map<std::string, std::string, std::less<>>;

/// The text for `lang`, else for `fallback`, else any text, else "".
inline const std::string& Pick(const LocalizedText& t, std::string_view lang,
                               std::string_view fallback = {}) {
  static const std::string kEmpty;
  if (auto it = t.find(lang); it != t.end()) return it->second;
  if (auto it = t.find(fallback); it != t.end()) return it->second;
  return t.empty() ? kEmpty : t.begin()->second;
}

}  // namespace costsite

#endif  // COSTSITE_BASE_LOCALIZED_H_
