// Price lists and exchange rates.
#include <set>

#include "cost/units.h"
#include "pricing/pricing.h"
#include "pricing/yaml_read.h"

namespace costsite::pricing {
namespace {

void ReadVariants(YamlFile& f, const YamlNode& node, cost::PriceValue* out) {
  if (!f.ExpectMap(node, "variants")) return;
  f.CheckKeys(node, {}, "variants");  // reports duplicates only; every key is a variant name
  for (const auto& kv : node) {
    std::string name = f.Id(kv.first, "variant name", false);
    if (name == "on_demand") {
      f.Error(kv.first, "'on_demand' is the plain price; write it as `price:`", "duplicate-id");
      continue;
    }
    if (kv.second.IsMap()) {  // `off_peak: {price: 50% of on_demand, hours: 16:30-00:30}`
      const std::string what = "variant '" + name + "'";
      f.CheckKeys(kv.second, {"price", "hours"}, what);
      if (!kv.second["price"]) {
        f.Error(kv.first, what + " needs a `price:`", "missing-key");
        continue;
      }
      out->variants.emplace_back(name, f.Text(kv.second["price"], what));
      if (kv.second["hours"]) out->hours.emplace_back(name, f.Text(kv.second["hours"], "hours"));
      continue;
    }
    out->variants.emplace_back(name, f.Text(kv.second, "variant '" + name + "'"));
  }
}

// `tiers: {basis: whole, by: tokens, steps: [{from: 0, price: 1.25}, {from: 200k, price: 2.5}]}`;
// the values are checked where units are known (cost/prices.cpp).
void ReadTiers(YamlFile& f, const YamlNode& node, cost::PriceValue* out) {
  if (!f.ExpectMap(node, "tiers")) return;
  f.CheckKeys(node, {"basis", "by", "steps"}, "tiers");
  cost::TiersDef t;
  for (const char* key : {"basis", "by", "steps"}) {
    if (!node[key]) {
      f.Error(node, std::string("tiers need `") + key + ":`", "missing-key");
      return;
    }
  }
  t.basis = f.Text(node["basis"], "basis");
  t.by = f.Text(node["by"], "by");
  t.where = t.basis;
  if (!f.ExpectList(node["steps"], "steps")) return;
  for (const auto& step : node["steps"]) {
    if (!f.ExpectMap(step, "a tier")) return;
    f.CheckKeys(step, {"from", "above", "price"}, "a tier");
    if (step["from"] && step["above"]) {
      f.Error(step["above"], "a tier starts `from:` a quantity or `above:` it, not both", "duplicate-key");
      return;
    }
    const bool above = static_cast<bool>(step["above"]);
    if ((!step["from"] && !above) || !step["price"]) {
      f.Error(step, "a tier needs `from:` (or `above:`) and `price:`", "missing-key");
      return;
    }
    t.steps.push_back({f.Text(step[above ? "above" : "from"], above ? "above" : "from"),
                       f.Text(step["price"], "price"), above});
  }
  if (t.steps.empty()) {
    f.Error(node["steps"], "tiers need at least one step", "missing-key");
    return;
  }
  out->tiers = std::move(t);
}

// The dates and inheritance of one value (an entry's own, or a history
// value): `since:` is the date it is in force from; `checked:` the date it
// was read; `date:` (older files) means both.
void ReadValueDates(YamlFile& f, const YamlNode& node, cost::PriceValue* v) {
  if (node["date"] && node["since"]) {
    f.Error(node["since"], "give `since:` (in force from) or `date:` (in force from and read on), not both",
            "duplicate-key");
  }
  if (node["date"]) v->date = v->checked = f.Date(node["date"]);
  if (node["since"]) v->date = f.Date(node["since"]);
  if (node["checked"]) v->checked = f.Date(node["checked"]);
  if (const YamlNode& in = node["inherit"]; in) {
    v->inherit_given = true;
    if (in.IsSequence()) {
      for (const auto& name : in) {
        std::string id = f.Id(name, "variant name", false);
        if (!id.empty()) v->inherit.push_back(f.Text(name, "variant name"));
      }
    } else if (in.IsScalar()) {
      v->inherit_all = f.Bool(in, "`inherit:` (or a list of the variants inherited, `[spot]`)");
    } else {
      f.Error(in, "`inherit:` is `true`, or a list of the variants inherited (`[spot]`)", "malformed-yaml");
    }
  }
  for (const char* key : {"since", "date", "price"}) {
    if (node[key] && node[key].IsScalar()) {
      v->where = f.Text(node[key], key);
      break;
    }
  }
}

void ReadHistory(YamlFile& f, const YamlNode& node, cost::PriceEntry* e) {
  if (!f.ExpectList(node, "history")) return;
  for (const auto& h : node) {
    if (!f.ExpectMap(h, "a history value")) continue;
    f.CheckKeys(h, {"date", "since", "checked", "price", "tiers", "variants", "inherit"}, "a history value");
    cost::PriceValue v;
    ReadValueDates(f, h, &v);
    // With only `checked:` it is in force always, before every dated value:
    // a catalog's price that has no start date (docs/pricing.md, "Importing").
    if (!h["date"] && !h["since"] && !h["checked"])
      f.Error(h, "a history value needs `since:` (or `date:`)", "missing-key");
    if (h["price"]) v.price = f.Text(h["price"], "price");
    if (h["tiers"]) ReadTiers(f, h["tiers"], &v);
    if (h["price"] && h["tiers"]) f.Error(h["tiers"], "give `price:` or `tiers:`, not both", "bad-value");
    if (h["variants"]) ReadVariants(f, h["variants"], &v);
    if (v.price.empty() && !v.tiers && v.variants.empty()) f.Error(h, "a history value needs a price", "missing-key");
    e->history.push_back(std::move(v));
  }
}

void ReadEntry(YamlFile& f, const YamlNode& node, cost::PriceList* list) {
  if (!f.ExpectMap(node, "a price")) return;
  f.CheckKeys(node,
              {"id", "label", "unit", "price", "tiers", "variants", "date", "since", "checked", "inherit", "source",
               "history", "note", "original"},
              "a price");
  cost::PriceEntry e;
  if (!node["id"]) {
    f.Error(node, "a price needs an id", "missing-key");
    return;
  }
  e.id = f.Id(node["id"], "price id", true);
  e.where = f.Text(node["id"], "id");
  if (node["label"]) e.label = f.Localized(node["label"], "label");
  if (node["unit"]) e.unit = f.Text(node["unit"], "unit");
  if (node["price"]) e.current.price = f.Text(node["price"], "price");
  if (node["tiers"]) ReadTiers(f, node["tiers"], &e.current);
  if (node["price"] && node["tiers"]) f.Error(node["tiers"], "give `price:` or `tiers:`, not both", "bad-value");
  if (node["variants"]) ReadVariants(f, node["variants"], &e.current);
  ReadValueDates(f, node, &e.current);
  if (e.current.where.empty()) e.current.where = e.where;
  if (node["source"]) e.source = f.Scalar(node["source"], "source");
  if (node["history"]) ReadHistory(f, node["history"], &e);
  if (node["note"]) e.note = f.Localized(node["note"], "note");
  if (node["original"]) e.original = f.Text(node["original"], "original");
  if (e.current.price.empty() && !e.current.tiers && e.current.variants.empty()) {
    f.Error(node["id"], "price '" + e.id + "' has no price", "missing-key");
    return;
  }
  list->entries.push_back(std::move(e));
}

// `variant_labels: {spot_avg: {zh: 竞价（均价）, en: Spot (average)}}`.
void ReadVariantLabels(YamlFile& f, const YamlNode& node, cost::PriceList* list) {
  if (!f.ExpectMap(node, "variant_labels")) return;
  f.CheckKeys(node, {}, "variant_labels");  // repeated names only
  for (const auto& kv : node) {
    std::string name = f.Id(kv.first, "variant name", false);
    LocalizedText label = f.Localized(kv.second, "variant label");
    if (!name.empty() && !label.empty()) list->variant_labels.emplace_back(name, std::move(label));
  }
}

}  // namespace

void ReadPriceListNode(YamlFile& f, const YamlNode& root, cost::PriceList* out) {
  f.CheckKeys(root,
              {"provider", "name", "currency", "source", "region", "date", "checked", "prices", "variant_labels"},
              "a price list");
  out->provider = f.Id(root["provider"], "provider id", true);
  out->where = f.At(f.Pos(root["provider"]), out->provider);
  if (root["name"]) out->name = f.Localized(root["name"], "name");
  if (root["currency"]) {
    out->currency = f.Scalar(root["currency"], "currency");
    if (!cost::IsCurrencyCode(out->currency)) {
      f.Error(root["currency"], cost::UnknownCurrencyMessage(out->currency), "unknown-currency");
    }
  }
  if (root["source"]) out->source = f.Scalar(root["source"], "source");
  if (root["region"]) out->region = f.Scalar(root["region"], "region");
  // A provider's `date:` is the date its prices were read (`checked:` says
  // so by name); it never limits the dates on which they are in force.
  if (root["date"] && root["checked"])
    f.Error(root["checked"], "give `checked:` or `date:` (the date the prices were read), not both", "duplicate-key");
  if (root["date"]) out->date = f.Date(root["date"]);
  if (root["checked"]) out->date = f.Date(root["checked"]);
  if (root["variant_labels"]) ReadVariantLabels(f, root["variant_labels"], out);
  if (root["prices"] && f.ExpectList(root["prices"], "prices")) {
    for (const auto& p : root["prices"]) ReadEntry(f, p, out);
  }
}

void ReadRatesNode(YamlFile& f, const YamlNode& root, std::vector<cost::Rate>* out) {
  f.CheckKeys(root, {"rates"}, "a rates file");
  if (!f.ExpectList(root["rates"], "rates")) return;
  for (const auto& r : root["rates"]) {
    if (!f.ExpectMap(r, "a rate")) continue;
    f.CheckKeys(r, {"base", "quote", "rate", "date", "source"}, "a rate");
    bool complete = true;
    for (const char* key : {"base", "quote", "rate", "date"}) {
      if (!r[key]) {
        f.Error(r, std::string("a rate needs `") + key + "`", "missing-key");
        complete = false;
      }
    }
    if (!complete) continue;
    cost::Rate rate;
    rate.base = f.Scalar(r["base"], "base");
    rate.quote = f.Scalar(r["quote"], "quote");
    if (!r["rate"].IsScalar()) {  // `rate:` with no value: reported here, once, at its place
      f.Text(r["rate"], "rate");
      continue;
    }
    rate.rate = f.Text(r["rate"], "rate");
    rate.date = f.Date(r["date"]);
    if (r["source"]) rate.source = f.Scalar(r["source"], "source");
    rate.where = f.Text(r["base"], "base");
    out->push_back(std::move(rate));
  }
}

bool ParsePriceList(const std::string& path, std::string_view text, cost::PriceList* out,
                    Diagnostics& diags) {
  Diagnostics local;
  YamlFile f(path, text, local);
  f.Guard([&] {
    YamlNode loaded;
    if (!f.Load(&loaded)) return;
    const YamlNode& root = loaded;
    if (!root.IsMap() || !root["provider"]) {
      f.Error(SourcePos{path, 1, 1}, "a price list needs a top-level `provider:`", "missing-key");
      return;
    }
    ReadPriceListNode(f, root, out);
  });
  diags.Merge(local);
  return !local.HasErrors();
}

bool ParseRates(const std::string& path, std::string_view text, std::vector<cost::Rate>* out,
                Diagnostics& diags) {
  Diagnostics local;
  YamlFile f(path, text, local);
  f.Guard([&] {
    YamlNode loaded;
    if (!f.Load(&loaded)) return;
    const YamlNode& root = loaded;
    if (!root.IsMap() || !root["rates"]) {
      f.Error(SourcePos{path, 1, 1}, "a rates file needs a top-level `rates:`", "missing-key");
      return;
    }
    ReadRatesNode(f, root, out);
  });
  diags.Merge(local);
  return !local.HasErrors();
}

}  // namespace costsite::pricing
