// The genai-prices catalog (npm @pydantic/genai-prices, its data.json): each
// model's price keys become entries `MODEL.PART` (input, output, …) whose
// variants are the cache prices; `{base, tiers}` become `tiers:`; start-date
// constraints become dated values; time-of-day constraints become variants
// with `hours:`. docs/pricing.md, "Importing price catalogs", has the table.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <map>
#include <optional>

#include "base/calendar.h"
#include "cost/decimal.h"
#include "cost/decimal_text.h"
#include "imports/imports.h"
#include "imports/json_read.h"

namespace costsite::imports {
namespace {

using cost::Located;

// One row per genai-prices price key: the entry part and variant it becomes.
struct KeyRule {
  std::string_view key, part, variant, unit;
};
constexpr KeyRule kKeys[] = {
    {"input_mtok", "input", "on_demand", "USD/1M tokens"},
    {"cache_read_mtok", "input", "cached", "USD/1M tokens"},
    {"cache_write_mtok", "input", "cache_write", "USD/1M tokens"},
    {"cache_write_1h_mtok", "input", "cache_write_1h", "USD/1M tokens"},
    {"output_mtok", "output", "on_demand", "USD/1M tokens"},
    {"input_audio_mtok", "input_audio", "on_demand", "USD/1M tokens"},
    {"cache_audio_read_mtok", "input_audio", "cached", "USD/1M tokens"},
    {"output_audio_mtok", "output_audio", "on_demand", "USD/1M tokens"},
    {"input_image_mtok", "input_image", "on_demand", "USD/1M tokens"},
    {"cache_image_read_mtok", "input_image", "cached", "USD/1M tokens"},
    {"output_image_mtok", "output_image", "on_demand", "USD/1M tokens"},
    {"input_video_mtok", "input_video", "on_demand", "USD/1M tokens"},
    {"output_video_mtok", "output_video", "on_demand", "USD/1M tokens"},
    {"output_reasoning_mtok", "output_reasoning", "on_demand", "USD/1M tokens"},
    {"output_citation_mtok", "output_citation", "on_demand", "USD/1M tokens"},
    {"requests_kcount", "requests", "on_demand", "USD/1000 requests"},
    {"web_searches_kcount", "web_searches", "on_demand", "USD/1000 requests"},
    {"storage_searches_kcount", "storage_searches", "on_demand", "USD/1000 requests"},
    {"input_text_messages_kcount", "input_text_messages", "on_demand", "USD/1000 requests"},
    {"audio_hours", "audio", "on_demand", "USD/h"},
    {"input_audio_hours", "input_audio_time", "on_demand", "USD/h"},
};

const KeyRule* RuleFor(std::string_view key) {
  for (const KeyRule& r : kKeys)
    if (r.key == key) return &r;
  return nullptr;
}

Located Text(std::string text) { return Located{std::move(text), {}, {}}; }

// A price as the catalog gives it: a number, or a base and tiers (each
// `start` exclusive: a request of more input tokens than `start` pays `price`,
// 200000.5 tokens too, so it becomes `above: start`, not `from: start + 1`).
struct CatalogStep {
  std::string from, price;
  bool above = false;
  bool operator==(const CatalogStep&) const = default;
};
struct CatalogPrice {
  std::string plain;               // when not tiered
  std::vector<CatalogStep> steps;  // the base `from: 0`, then each tier `above:` its start
};

class GenaiReader {
 public:
  GenaiReader(const std::string& path, std::string_view text, const std::string& today, Diagnostics& diags)
      : path_(path), text_(text), today_(today), diags_(diags) {}

  std::vector<cost::PriceList> Run() {
    JsonValue root;
    if (!ParseJson(path_, text_, &root, diags_)) return {};
    if (!root.IsArray()) return Fail(root, "the genai-prices data is a JSON array of providers"), std::vector<cost::PriceList>{};
    std::vector<cost::PriceList> lists;
    for (const JsonValue& p : root.items) {
      if (auto list = Provider(p)) lists.push_back(std::move(*list));
    }
    if (diags_.HasErrors()) return {};
    return lists;
  }

 private:
  void Fail(const JsonValue& at, const std::string& message) {
    diags_.Error({path_, at.line, at.col}, message, text_, 1, "bad-catalog");
  }
  void Warn(const JsonValue& at, const std::string& message) {
    diags_.Warning({path_, at.line, at.col}, message, text_, 1, "not-imported");
  }
  const std::string* StringOf(const JsonValue& obj, std::string_view key, bool required) {
    const JsonValue* v = obj.Get(key);
    if (v && v->IsString()) return &v->text;
    if (v || required) Fail(v ? *v : obj, "expected `" + std::string(key) + "` as a string");
    return nullptr;
  }

  std::optional<cost::PriceList> Provider(const JsonValue& p) {
    if (!p.IsObject()) return Fail(p, "a provider is a JSON object"), std::nullopt;
    const std::string* id = StringOf(p, "id", true);
    const std::string* name = StringOf(p, "name", false);
    const JsonValue* models = p.Get("models");
    if (!id) return std::nullopt;
    if (!models || !models->IsArray()) return Fail(p, "provider '" + *id + "' needs a `models` array"), std::nullopt;
    cost::PriceList list;
    list.provider = IdFor(*id);
    list.where = Text(*id);
    if (name) list.name = LocalizedText{{"en", *name}, {"zh", *name}};
    list.currency = "USD";
    list.date = today_;
    if (const JsonValue* urls = p.Get("pricing_urls"); urls && urls->IsArray() && !urls->items.empty() &&
                                                       urls->items[0].IsString()) {
      list.source = urls->items[0].text;
    }
    provider_ = *id;
    ids_.clear();
    labels_.clear();
    for (const JsonValue& m : models->items) Model(m, &list);
    for (auto& [variant, label] : labels_) list.variant_labels.emplace_back(variant, label);
    return list;
  }

  // "00:30:00Z" -> minutes after midnight UTC; nullopt when not on a minute.
  std::optional<int> Minutes(const std::string& t) {
    if (t.size() < 9 || t[2] != ':' || t[5] != ':') return std::nullopt;
    for (size_t k : {0, 1, 3, 4, 6, 7})
      if (!std::isdigit(static_cast<unsigned char>(t[k]))) return std::nullopt;
    if (t.substr(6, 2) != "00") return std::nullopt;
    int minutes = std::stoi(t.substr(0, 2)) * 60 + std::stoi(t.substr(3, 2));
    std::string_view zone = std::string_view(t).substr(8);
    if (zone != "Z") {
      if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
      int off = std::stoi(std::string(zone.substr(1, 2))) * 60 + std::stoi(std::string(zone.substr(4, 2)));
      minutes -= zone[0] == '+' ? off : -off;
    }
    return ((minutes % 1440) + 1440) % 1440;
  }

  std::optional<CatalogPrice> Price(const JsonValue& v, const std::string& what) {
    CatalogPrice out;
    auto number = [&](const JsonValue& n) -> std::optional<std::string> {
      std::string d = n.IsNumber() ? PlainDecimal(n.text) : "";
      if (d.empty() || d[0] == '-') {
        Fail(n, what + " is not a non-negative number");
        return std::nullopt;
      }
      return d;
    };
    if (v.IsNumber()) {
      auto d = number(v);
      if (!d) return std::nullopt;
      out.plain = *d;
      return out;
    }
    const JsonValue* base = v.IsObject() ? v.Get("base") : nullptr;
    const JsonValue* tiers = v.IsObject() ? v.Get("tiers") : nullptr;
    if (!base || !tiers || !tiers->IsArray()) {
      Fail(v, what + " is a number or {base, tiers}");
      return std::nullopt;
    }
    auto b = number(*base);
    if (!b) return std::nullopt;
    out.steps.push_back({"0", *b, false});
    std::vector<std::pair<cost::Decimal, std::string>> sorted;
    for (const JsonValue& t : tiers->items) {
      const JsonValue* start = t.Get("start");
      const JsonValue* price = t.Get("price");
      auto s = start && start->IsNumber() ? cost::Decimal::Parse(PlainDecimal(start->text)) : std::nullopt;
      if (!s || !price || s->IsNegative()) {
        Fail(t, what + ": a tier is {start: a number of tokens, price}");
        return std::nullopt;
      }
      auto p = number(*price);
      if (!p) return std::nullopt;
      sorted.emplace_back(*s, *p);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [start, price] : sorted) out.steps.push_back({PlainDecimal(start.ToString()), price, true});
    return out;
  }

  // The share of `base`'s steps that gives `v`'s: "10% of on_demand"; "" when
  // no one share does. A share that is no short decimal (4/15 of Gemini
  // Flash-8B's input tiers) is written to the 50 significant digits the
  // engine carries, so every tier, and every amount of it, still prints
  // exactly (0.0375 × 26.66…67% is 0.01).
  static std::string PercentOf(const CatalogPrice& v, const CatalogPrice& base) {
    if (v.steps.size() != base.steps.size() || base.steps.empty()) return "";
    auto b0 = cost::Decimal::Parse(base.steps[0].price);
    auto v0 = cost::Decimal::Parse(v.steps[0].price);
    if (!b0 || !v0 || b0->IsZero()) return "";
    const cost::Decimal exact = *v0 * cost::Decimal(100) / *b0;
    auto gives = [&](const cost::Decimal& pct, bool nearly) {
      for (size_t k = 0; k < v.steps.size(); ++k) {
        auto bk = cost::Decimal::Parse(base.steps[k].price);
        auto vk = cost::Decimal::Parse(v.steps[k].price);
        if (v.steps[k].from != base.steps[k].from || v.steps[k].above != base.steps[k].above || !bk || !vk) return false;
        const cost::Decimal got = *bk * pct / cost::Decimal(100);
        if (nearly ? !got.NearlyEquals(*vk) : got != *vk) return false;
      }
      return true;
    };
    cost::Decimal pct = exact.RoundHalfAwayFromZero(6);
    if (!gives(pct, false)) {
      // Every digit the engine carries (50), not the 41 a value prints
      // with: a tier times the share then prints exactly ("0.004", not
      // "0.0040…01" with the share's 41st digit in it).
      auto printed = cost::Decimal::Parse(cost::ToFullString(exact));
      if (!printed || !gives(*printed, true)) return "";
      pct = *printed;
    }
    return PlainDecimal(cost::ToFullString(pct)) + "% of on_demand";
  }

  struct Window {
    size_t index;
    std::string hours, tag;  // "00:30-16:30", "h0030_1630"
    const JsonValue* prices;
  };
  struct Segment {
    size_t index;
    std::string since;  // "" = always
    const JsonValue* prices;
  };

  void Model(const JsonValue& m, cost::PriceList* list);
  std::vector<Segment> InForce(const std::vector<Segment>& dated, const JsonValue* first, const std::string& model);
  void AddPart(const JsonValue& m, const std::string& model, const std::string& part,
               const std::vector<Segment>& segments, const std::vector<Window>& windows, cost::PriceList* list);
  void SetPrice(const JsonValue& m, const std::string& model, const std::string& part, const std::string& variant,
                const CatalogPrice& price, const CatalogPrice* base, const std::string& hours, cost::PriceValue* v);

  const std::string& path_;
  std::string_view text_;
  const std::string& today_;
  Diagnostics& diags_;
  std::string provider_;
  std::map<std::string, int> ids_;  // costsite ids given in this provider
  std::map<std::string, LocalizedText> labels_;
};

LocalizedText VariantLabel(const std::string& variant, const std::string& hours) {
  static const std::map<std::string, std::pair<std::string, std::string>> kWords = {
      {"on_demand", {"", ""}},
      {"cached", {"缓存读取", "Cached"}},
      {"cache_write", {"缓存写入", "Cache write"}},
      {"cache_write_1h", {"缓存写入（1 小时）", "Cache write (1 h)"}},
  };
  const auto& [zh, en] = kWords.at(variant);
  if (hours.empty()) return LocalizedText{{"zh", zh}, {"en", en}};
  std::string window = hours.substr(0, 5) + "–" + hours.substr(6);
  return LocalizedText{{"zh", (zh.empty() ? "" : zh + "，") + "UTC " + window},
                       {"en", (en.empty() ? "" : en + ", ") + window + " UTC"}};
}

void GenaiReader::SetPrice(const JsonValue& m, const std::string& model, const std::string& part,
                           const std::string& variant, const CatalogPrice& price, const CatalogPrice* base,
                           const std::string& hours, cost::PriceValue* v) {
  if (variant == "on_demand" && hours.empty()) {
    if (price.steps.empty()) {
      v->price = Text(price.plain);
    } else {
      cost::TiersDef t;
      t.basis = Text("whole");
      t.by = Text("tokens");
      for (const CatalogStep& s : price.steps) t.steps.push_back({Text(s.from), Text(s.price), s.above});
      v->tiers = std::move(t);
    }
    return;
  }
  std::string text = price.plain;
  if (!price.steps.empty()) {
    text = base ? PercentOf(price, *base) : "";
    if (text.empty()) {
      Warn(m, "model '" + provider_ + "/" + model + "': the tiered " + variant + (hours.empty() ? "" : " " + hours) +
                  " price of '" + part + "' is not one share of the on-demand tiers; costsite variants have no "
                  "tiers of their own, so it is not imported");
      return;
    }
  }
  std::string name = variant == "on_demand" ? "" : variant;
  if (!hours.empty()) {
    std::string tag = "h" + hours.substr(0, 2) + hours.substr(3, 2) + "_" + hours.substr(6, 2) + hours.substr(9, 2);
    name = name.empty() ? tag : name + "_" + tag;
    v->hours.emplace_back(name, Text(hours));
  }
  v->variants.emplace_back(name, Text(text));
  if (name != "cached") labels_.emplace(name, VariantLabel(variant, hours));
}

void GenaiReader::AddPart(const JsonValue& m, const std::string& model, const std::string& part,
                          const std::vector<Segment>& segments,
                          const std::vector<Window>& windows, cost::PriceList* list) {
  std::vector<cost::PriceValue> values;  // by segment, oldest first
  for (const Segment& seg : segments) {
    cost::PriceValue v;
    v.date = seg.since;
    std::optional<CatalogPrice> base;
    for (const KeyRule& r : kKeys) {
      if (r.part != part) continue;
      const JsonValue* json = seg.prices->Get(r.key);
      if (!json) continue;
      auto price = Price(*json, "model '" + model + "' price");
      if (!price) return;
      if (r.variant == "on_demand") base = price;
      SetPrice(m, model, part, std::string(r.variant), *price, base ? &*base : nullptr, "", &v);
    }
    for (const Window& w : windows) {
      if (w.index < seg.index) continue;  // never reached once this segment's value is in force
      for (const KeyRule& r : kKeys) {
        if (r.part != part) continue;
        const JsonValue* json = w.prices->Get(r.key);
        if (!json) continue;
        auto price = Price(*json, "model '" + model + "' price");
        if (!price) return;
        // A percentage is always of this value's own on-demand price.
        SetPrice(m, model, part, std::string(r.variant), *price, base ? &*base : nullptr, w.hours, &v);
      }
    }
    if (v.price.empty() && !v.tiers && v.variants.empty()) {
      if (!values.empty()) {
        Warn(m, "model '" + provider_ + "/" + model + "': from " + seg.since + " the catalog gives no '" + part +
                    "' price; a costsite price cannot end, so the older value stays in force");
      }
      continue;
    }
    values.push_back(std::move(v));
  }
  if (values.empty()) return;
  // The catalog's set in force gives every price of its time; a cache price
  // the set before gave and this one does not is not offered any more.
  for (size_t k = 1; k < values.size(); ++k) {
    for (const auto& variant : values[k - 1].variants) {
      const std::string& name = variant.first;
      auto given = [&](const auto& v) { return v.first == name; };
      if (std::none_of(values[k].variants.begin(), values[k].variants.end(), given)) values[k].inherit_given = true;
    }
  }
  cost::PriceEntry e;
  std::string stem = IdFor(model);
  int& seen = ids_[stem + "." + part];
  e.id = stem + (seen++ ? "-" + std::to_string(seen) : "") + "." + part;
  e.original = Text(model);
  for (const KeyRule& r : kKeys)
    if (r.part == part) e.unit = Text(std::string(r.unit));
  e.current = std::move(values.back());
  values.pop_back();
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    if (it->date.empty()) it->checked = today_;  // in force always: `checked:` alone says so
    e.history.push_back(std::move(*it));
  }
  list->entries.push_back(std::move(e));
}

// Which set is in force from when, as the catalog chooses: on a day, the
// last set in its order whose constraint holds (no constraint, or a start
// date on or before the day); before every start date with no set without
// one, the first set. So an unconstrained set listed after a dated one is in
// force always, and a start date listed before an earlier one is never
// reached. Each run of days with one set in force becomes one segment; a set
// never in force is a warning.
std::vector<GenaiReader::Segment> GenaiReader::InForce(const std::vector<Segment>& dated, const JsonValue* first,
                                                       const std::string& model) {
  if (!first) return {};
  std::vector<std::string> days{""};  // "" = before every start date
  for (const Segment& s : dated)
    if (!s.since.empty()) days.push_back(s.since);
  std::sort(days.begin() + 1, days.end());
  days.erase(std::unique(days.begin() + 1, days.end()), days.end());
  std::vector<Segment> out;
  std::set<size_t> used;
  for (const std::string& day : days) {
    const Segment* chosen = nullptr;
    for (const Segment& s : dated)
      if (s.since.empty() || (!day.empty() && s.since <= day)) chosen = &s;
    Segment seg = chosen ? Segment{chosen->index, day, chosen->prices} : Segment{0, day, first->Get("prices")};
    used.insert(seg.index);
    if (!out.empty() && out.back().index == seg.index) continue;
    out.push_back(seg);
  }
  for (const Segment& s : dated) {
    if (used.count(s.index)) continue;
    Warn(*s.prices, "model '" + provider_ + "/" + model + "': the prices " +
                        (s.since.empty() ? "without a constraint" : "from " + s.since) +
                        " are never in force (on every day they hold, a set later in the catalog's order is "
                        "chosen); not imported");
  }
  return out;
}

void GenaiReader::Model(const JsonValue& m, cost::PriceList* list) {
  if (!m.IsObject()) return Fail(m, "a model is a JSON object");
  const std::string* id = StringOf(m, "id", true);
  const JsonValue* prices = m.Get("prices");
  if (!id) return;
  if (!prices) return Fail(m, "model '" + *id + "' has no `prices`");
  std::vector<Segment> segments;
  std::vector<Window> windows;
  std::vector<const JsonValue*> sets;
  if (prices->IsObject()) {
    segments.push_back({0, "", prices});
    sets.push_back(prices);
  } else if (prices->IsArray()) {
    std::vector<Segment> dated;  // the sets without a constraint ("") or from a start date, in the catalog's order
    for (size_t k = 0; k < prices->items.size(); ++k) {
      const JsonValue& c = prices->items[k];
      const JsonValue* set = c.Get("prices");
      if (!set || !set->IsObject()) return Fail(c, "model '" + *id + "': a conditional price needs `prices`");
      sets.push_back(set);
      const JsonValue* con = c.Get("constraint");
      if (!con) {
        dated.push_back({k, "", set});
        continue;
      }
      const std::string* start = StringOf(*con, "start_date", false);
      const std::string* from = StringOf(*con, "start_time", false);
      const std::string* to = StringOf(*con, "end_time", false);
      if (start) {
        if (!IsIsoDay(*start)) {
          Warn(c, "model '" + provider_ + "/" + *id + "': start date '" + *start + "' is not a day (YYYY-MM-DD); not imported");
          continue;
        }
        dated.push_back({k, *start, set});
      } else if (from && to) {
        auto a = Minutes(*from), b = Minutes(*to);
        if (!a || !b) {
          Warn(c, "model '" + provider_ + "/" + *id + "': the time of day " + *from + "–" + *to +
                      " is not on whole minutes; not imported");
          continue;
        }
        char hours[12];
        std::snprintf(hours, sizeof hours, "%02d:%02d-%02d:%02d", *a / 60, *a % 60, *b / 60, *b % 60);
        // A later set of the same window is chosen wherever this one would be.
        std::erase_if(windows, [&](const Window& w) { return w.hours == hours; });
        windows.push_back({k, hours, "", set});
      } else {
        Warn(*con, "model '" + provider_ + "/" + *id + "': a constraint costsite does not know; not imported");
      }
    }
    segments = InForce(dated, prices->items.empty() ? nullptr : &prices->items[0], *id);
  } else {
    return Fail(*prices, "model '" + *id + "': `prices` is an object or an array");
  }
  if (segments.empty()) return Warn(m, "model '" + provider_ + "/" + *id + "' has no prices; not imported");
  std::vector<std::string> parts;
  std::set<std::string> warned;
  for (const JsonValue* set : sets) {
    for (const JsonMember& member : set->members) {
      const std::string& key = member.key;
      const KeyRule* r = RuleFor(key);
      if (!r) {
        if (!warned.insert(key).second) continue;
        JsonValue at;  // the key's place
        at.line = member.line;
        at.col = member.col;
        Warn(at, "model '" + provider_ + "/" + *id + "': price '" + key + "' has no costsite unit; not imported");
        continue;
      }
      if (std::find(parts.begin(), parts.end(), r->part) == parts.end()) parts.emplace_back(r->part);
    }
  }
  std::sort(parts.begin(), parts.end(), [](const std::string& a, const std::string& b) {
    auto rank = [](const std::string& p) {
      for (size_t k = 0; k < std::size(kKeys); ++k)
        if (kKeys[k].part == p) return k;
      return std::size(kKeys);
    };
    return rank(a) < rank(b);
  });
  for (const std::string& part : parts) AddPart(m, *id, part, segments, windows, list);
}

}  // namespace

std::vector<cost::PriceList> ParseGenaiPrices(const std::string& path, std::string_view text,
                                              const std::string& today, Diagnostics& diags) {
  return GenaiReader(path, text, today, diags).Run();
}

}  // namespace costsite::imports
