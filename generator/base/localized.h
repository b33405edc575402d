// Text given per language, as in YAML `{zh: 月度总计, en: Monthly total}`.
#ifndef COSTSITE_BASE_LOCALIZED_H_
#define COSTSITE_BASE_LOCALIZED_H_

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace costsite {

/// Language code ("zh", "en") to text. A label is written once and then
/// copied into every figure, price use and table row that shows it, so its
/// copies share one immutable map: a copy is a pointer, and a change makes
/// the changed copy its own map first (copy on write).
///
/// The map is an array of (language, text) pairs sorted by language, read
/// like a std::map: a text has two or three languages, and a tree node per
/// language made a two-language text 256 bytes in four allocations, where
/// the array takes 176 in two (every model's title is one, held until its
/// model is evaluated).
class LocalizedText {
 public:
  using value_type = std::pair<std::string, std::string>;
  using Map = std::vector<value_type>;
  using const_iterator = Map::const_iterator;
  using iterator = Map::const_iterator;

 private:
  // The first pair whose language is not before `lang`.
  static Map::iterator LowerBound(Map& m, std::string_view lang) {
    return std::lower_bound(m.begin(), m.end(), lang,
                            [](const value_type& v, std::string_view key) { return v.first < key; });
  }
  static Map::const_iterator LowerBound(const Map& m, std::string_view lang) {
    return std::lower_bound(m.begin(), m.end(), lang,
                            [](const value_type& v, std::string_view key) { return v.first < key; });
  }

 public:

  LocalizedText() = default;
  /// As a std::map is made from them: sorted by language, the first text of
  /// a language kept.
  LocalizedText(std::initializer_list<value_type> texts) {
    for (const value_type& t : texts) emplace(t.first, t.second);
  }

  const_iterator begin() const { return Get().begin(); }
  const_iterator end() const { return Get().end(); }
  const_iterator find(std::string_view lang) const {
    const Map& m = Get();
    auto it = LowerBound(m, lang);
    return it != m.end() && it->first == lang ? it : m.end();
  }
  bool contains(std::string_view lang) const { return find(lang) != end(); }
  size_t count(std::string_view lang) const { return contains(lang) ? 1 : 0; }
  const std::string& at(std::string_view lang) const { return find(lang)->second; }
  bool empty() const { return Get().empty(); }
  size_t size() const { return Get().size(); }

  std::string& operator[](std::string_view lang) {
    Map& m = Mutable();
    auto it = LowerBound(m, lang);
    if (it == m.end() || it->first != lang) it = m.emplace(it, std::string(lang), std::string());
    return it->second;
  }
  /// Adds `text` for `lang` unless it has one; false (and the text it has) then.
  std::pair<const_iterator, bool> emplace(std::string_view lang, std::string text) {
    if (auto it = find(lang); it != end()) return {it, false};
    Map& m = Mutable();
    const_iterator it = m.emplace(LowerBound(m, lang), std::string(lang), std::move(text));
    return {it, true};
  }
  /// Sets `text` for `lang`; true when it had none.
  std::pair<const_iterator, bool> insert_or_assign(std::string_view lang, std::string text) {
    Map& m = Mutable();
    auto it = LowerBound(m, lang);
    if (it != m.end() && it->first == lang) {
      it->second = std::move(text);
      return {const_iterator(it), false};
    }
    return {const_iterator(m.emplace(it, std::string(lang), std::move(text))), true};
  }
  size_t erase(std::string_view lang) {
    if (!contains(lang)) return 0;
    Map& m = Mutable();
    m.erase(LowerBound(m, lang));
    if (m.empty()) map_.reset();
    return 1;
  }
  void clear() { map_.reset(); }
  /// Makes this text share one map with every other interned text of the
  /// same words: a label written alike in many models ("GPUs", "Hours a
  /// month") is held once. Thread-safe. An interned map is never changed in
  /// place (the table holds it too, so a change copies it first).
  LocalizedText& Intern();
  /// Drops the interned texts that nothing but the table holds any more
  /// (those of definitions already freed): the table otherwise keeps each
  /// until it has doubled. Thread-safe.
  static void DropUnusedInterned();
  /// How many texts the intern table holds.
  static size_t InternedCount();

  friend bool operator==(const LocalizedText& a, const LocalizedText& b) {
    return a.map_ == b.map_ || a.Get() == b.Get();
  }

 private:
  const Map& Get() const {
    static const Map kEmpty;
    return map_ ? *map_ : kEmpty;
  }
  Map& Mutable() {
    if (!map_) map_ = std::make_shared<Map>();
    else if (map_.use_count() > 1) map_ = std::make_shared<Map>(*map_);
    return *map_;
  }
  std::shared_ptr<Map> map_;  // null: no text in any language
};

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
