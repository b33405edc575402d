// SpendData lookups and the info-string reading shared by the load stage
// (which reads the export for the queries) and the Markdown stage.
#include "cost/spend.h"

#include <algorithm>

namespace costsite::cost {

const SpendResult* SpendData::Find(const SpendQuery& q) const {
  auto it = std::lower_bound(results.begin(), results.end(), q,
                             [](const SpendResult& r, const SpendQuery& k) { return r.query < k; });
  return it != results.end() && it->query == q ? &*it : nullptr;
}

bool ParseSpendInfo(std::string_view info, SpendQuery* out) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < info.size()) {
    while (i < info.size() && (info[i] == ' ' || info[i] == '\t')) ++i;
    size_t start = i;
    while (i < info.size() && info[i] != ' ' && info[i] != '\t') ++i;
    if (i > start) words.push_back(info.substr(start, i - start));
  }
  if (words.size() < 2 || words[0] != "cost" || words[1] != "actuals") return false;
  *out = SpendQuery();
  for (size_t w = 2; w < words.size(); ++w) {
    size_t eq = words[w].find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = words[w].substr(0, eq), value = words[w].substr(eq + 1);
    if (key == "measure") out->measure = value;
    if (key == "period") out->period = value;
    if (key == "currency") out->currency = value;
    if (key != "group") continue;
    size_t from = 0;
    while (from <= value.size()) {
      size_t comma = value.find(',', from);
      std::string_view item = value.substr(from, comma == std::string_view::npos ? value.npos : comma - from);
      if (!item.empty()) out->group_by.emplace_back(item);
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
  }
  return true;
}

}  // namespace costsite::cost
