// Importing again: values are only ever added (docs/pricing.md, "Importing
// price catalogs"), so `costsite diff` shows what the provider changed.
#include <algorithm>
#include <map>

#include "imports/imports.h"

namespace costsite::imports {
namespace {

// What a value says, without when it was read: two values that say the same
// are one value.
std::string Content(const cost::PriceValue& v) {
  std::string out = "price=" + v.price.text + ";";
  if (v.tiers) {
    out += "tiers=" + v.tiers->basis.text + "/" + v.tiers->by.text;
    for (const cost::TierStepDef& step : v.tiers->steps)
      out += std::string(step.above ? ",>" : ",") + step.from.text + ":" + step.price.text;
    out += ";";
  }
  std::vector<std::string> parts;
  for (const auto& [name, value] : v.variants) parts.push_back("v:" + name + "=" + value.text);
  for (const auto& [name, hours] : v.hours) parts.push_back("h:" + name + "=" + hours.text);
  std::sort(parts.begin(), parts.end());
  for (const std::string& p : parts) out += p + ";";
  out += v.inherit_all ? "inherit" : "";
  for (const auto& i : v.inherit) out += ",inherit:" + i.text;
  return out;
}

// Every value of `e`, own first.
std::vector<cost::PriceValue*> Values(cost::PriceEntry& e) {
  std::vector<cost::PriceValue*> all{&e.current};
  for (auto& h : e.history) all.push_back(&h);
  return all;
}

// The date a value of `e` is in force from, as DateValues decides it.
std::string NewestDate(const std::vector<cost::PriceValue>& values) {
  std::string newest;
  for (const auto& v : values) newest = std::max(newest, v.date);
  return newest;
}

// Puts the values back: the newest is the entry's own, the rest its history,
// newest first. A value in force always keeps that meaning by its `checked:`.
void Arrange(std::vector<cost::PriceValue> values, const std::string& read_on, cost::PriceEntry* e) {
  std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.date > b.date; });
  for (size_t k = 1; k < values.size(); ++k)
    if (values[k].date.empty() && values[k].checked.empty()) values[k].checked = read_on;
  e->current = std::move(values[0]);
  e->history.assign(std::make_move_iterator(values.begin() + 1), std::make_move_iterator(values.end()));
}

}  // namespace

MergeCounts MergePriceList(const cost::PriceList& fresh, const std::string& today, const std::string& path,
                           cost::PriceList* into, Diagnostics& diags) {
  MergeCounts counts;
  const std::string read_before = into->date;
  bool changed = false;
  std::vector<std::pair<size_t, std::vector<cost::PriceValue>>> rewrites;  // entry -> its new values
  for (const cost::PriceEntry& f : fresh.entries) {
    auto it = std::find_if(into->entries.begin(), into->entries.end(),
                           [&](const cost::PriceEntry& e) { return e.id == f.id; });
    if (it == into->entries.end()) {
      into->entries.push_back(f);
      ++counts.entries_added;
      changed = true;
      continue;
    }
    std::vector<cost::PriceValue> known;
    for (cost::PriceValue* v : Values(*it)) known.push_back(*v);
    std::vector<cost::PriceValue> incoming{f.current};
    incoming.insert(incoming.end(), f.history.begin(), f.history.end());
    const std::string in_force = NewestDate(incoming);  // what the catalog says holds now
    size_t added = 0;
    for (cost::PriceValue v : incoming) {
      auto same_date = std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.date == v.date; });
      if (same_date == known.end()) {
        known.push_back(std::move(v));
        ++added;
        continue;
      }
      if (Content(*same_date) == Content(v)) continue;
      if (v.date != in_force || v.date > today) {
        diags.Warning({path, 0, 0},
                      "price '" + f.id + "': the catalog rewrote the value in force " +
                          (v.date.empty() ? std::string("always") : "from " + v.date) +
                          "; the recorded one is kept (importing never changes a value)",
                      {}, 1, "history-rewritten");
        continue;
      }
      // The provider changed the price in force now: it is a new value from today.
      auto today_value = std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.date == today; });
      v.date = today;
      v.checked.clear();
      if (today_value != known.end()) {
        if (Content(*today_value) != Content(v))
          diags.Warning({path, 0, 0}, "price '" + f.id + "' already has another value from " + today + "; it is kept",
                        {}, 1, "history-rewritten");
        continue;
      }
      known.push_back(std::move(v));
      ++added;
    }
    if (added == 0) {
      ++counts.unchanged;
      continue;
    }
    counts.values_added += static_cast<int>(added);
    changed = true;
    rewrites.emplace_back(static_cast<size_t>(it - into->entries.begin()), std::move(known));
  }
  if (!changed) return counts;
  for (const auto& label : fresh.variant_labels) {
    bool known = std::any_of(into->variant_labels.begin(), into->variant_labels.end(),
                             [&](const auto& l) { return l.first == label.first; });
    if (!known) into->variant_labels.push_back(label);
  }
  // Values read before keep their date of reading; the list is read today.
  for (cost::PriceEntry& e : into->entries)
    for (cost::PriceValue* v : Values(e))
      if (v->checked.empty() && !read_before.empty() && read_before != today) v->checked = read_before;
  for (auto& [index, values] : rewrites) {
    for (auto& v : values)
      if (v.checked.empty() && v.date != today && !read_before.empty() && read_before != today) v.checked = read_before;
    Arrange(std::move(values), read_before.empty() ? today : read_before, &into->entries[index]);
  }
  into->date = today;
  return counts;
}

}  // namespace costsite::imports
