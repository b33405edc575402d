#include "base/localized.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace costsite {

LocalizedText& LocalizedText::Intern() {
  if (!map_) return *this;
  std::string key;  // every language and its text, each ended by a NUL
  for (const auto& [lang, text] : *map_) {
    key += lang;
    key += '\0';
    key += text;
    key += '\0';
  }
  // The table holds its maps, so no holder ever sees a use count of 1 and
  // changes one in place (Mutable copies). When it has doubled since it was
  // last pruned, the maps only it holds are dropped: nothing else can reach
  // them, so none is being read or copied.
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<Map>> table;
  static size_t prune_at = 4096;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, added] = table.try_emplace(std::move(key), map_);
  if (!added) {
    map_ = it->second;
    return *this;
  }
  if (table.size() >= prune_at) {
    std::erase_if(table, [](const auto& entry) { return entry.second.use_count() == 1; });
    prune_at = std::max<size_t>(4096, 2 * table.size());
  }
  return *this;
}

}  // namespace costsite
