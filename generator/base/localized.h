// Text given per language, as in YAML `{zh: 月度总计, en: Monthly total}`.
#ifndef COSTSITE_BASE_LOCALIZED_H_
#define COSTSITE_BASE_LOCALIZED_H_

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace costsite {

/// Language code ("zh", "en") to text. A label is written once and then
/// copied into every figure, price use and table row that shows it, so its
/// copies share one immutable map: a copy is a pointer, and a change makes
/// the changed copy its own map first (copy on write).
class LocalizedText {
 public:
  using Map = std::map<std::string, std::string, std::less<>>;
  using value_type = Map::value_type;
  using const_iterator = Map::const_iterator;
  using iterator = Map::const_iterator;

  LocalizedText() = default;
  LocalizedText(std::initializer_list<value_type> texts)
      : map_(texts.size() == 0 ? nullptr : std::make_shared<Map>(texts)) {}

  const_iterator begin() const { return Get().begin(); }
  const_iterator end() const { return Get().end(); }
  const_iterator find(std::string_view lang) const { return Get().find(lang); }
  bool contains(std::string_view lang) const { return Get().find(lang) != Get().end(); }
  size_t count(std::string_view lang) const { return contains(lang) ? 1 : 0; }
  const std::string& at(std::string_view lang) const { return Get().find(lang)->second; }
  bool empty() const { return Get().empty(); }
  size_t size() const { return Get().size(); }

  std::string& operator[](std::string_view lang) {
    Map& m = Mutable();
    auto it = m.find(lang);
    if (it == m.end()) it = m.emplace(std::string(lang), std::string()).first;
    return it->second;
  }
  template <typename... Args>
  std::pair<const_iterator, bool> emplace(Args&&... args) {
    auto [it, added] = Mutable().emplace(std::forward<Args>(args)...);
    return {it, added};
  }
  template <typename... Args>
  std::pair<const_iterator, bool> insert_or_assign(Args&&... args) {
    auto [it, added] = Mutable().insert_or_assign(std::forward<Args>(args)...);
    return {it, added};
  }
  size_t erase(std::string_view lang) {
    if (!contains(lang)) return 0;
    Map& m = Mutable();
    m.erase(m.find(lang));
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
