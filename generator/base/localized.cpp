#include "base/localized.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace costsite {

namespace {

// The interned maps by their texts. The table holds its maps, so no holder
// ever sees a use count of 1 and changes one in place (Mutable copies).
struct InternTable {
  std::mutex mutex;
  std::unordered_map<std::string, std::shared_ptr<LocalizedText::Map>> maps;
  size_t prune_at = 4096;

  // Drops the maps only the table holds: nothing else can reach them, so
  // none is being read or copied. REQUIRES: `mutex` held.
  void Prune() {
    std::erase_if(maps, [](const auto& entry) { return entry.second.use_count() == 1; });
    prune_at = std::max<size_t>(4096, 2 * maps.size());
  }
};

InternTable& Table() {
  static InternTable table;
  return table;
}

}  // namespace

void LocalizedText::DropUnusedInterned() {
  InternTable& t = Table();
  std::lock_guard<std::mutex> lock(t.mutex);
  t.Prune();
}

size_t LocalizedText::InternedCount() {
  InternTable& t = Table();
  std::lock_guard<std::mutex> lock(t.mutex);
  return t.maps.size();
}

LocalizedText& LocalizedText::Intern() {
  if (!map_) return *this;
  std::string key;  // every language and its text, each ended by a NUL
  for (const auto& [lang, text] : *map_) {
    key += lang;
    key += '\0';
    key += text;
    key += '\0';
  }
  // When the table has doubled since it was last pruned, the maps only it
  // holds are dropped.
  InternTable& t = Table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto [it, added] = t.maps.try_emplace(std::move(key), map_);
  if (!added) {
    map_ = it->second;
    return *this;
  }
  if (t.maps.size() >= t.prune_at) t.Prune();
  return *this;
}

}  // namespace costsite
