#include "figures/whatif.h"

#include <nlohmann/json.hpp>

#include "cost/evaluate.h"
#include "cost/inputs_json.h"
#include "figures/format.h"
#include "figures/plain.h"

namespace costsite::figures {
namespace {

using nlohmann::json;

json AffixJson(const Affixes& a) { return json::array({a.pos_prefix, a.pos_suffix, a.neg_prefix, a.neg_suffix}); }
Affixes AffixFrom(const json& j) {
  Affixes a;
  if (!j.is_array() || j.size() != 4) return a;
  a.pos_prefix = j[0].get<std::string>();
  a.pos_suffix = j[1].get<std::string>();
  a.neg_prefix = j[2].get<std::string>();
  a.neg_suffix = j[3].get<std::string>();
  return a;
}

json LocaleToJson(const LocaleData& d) {
  json currency = json::object(), names = json::object(), compact = json::array();
  for (const auto& [code, a] : d.currency) currency[code] = AffixJson(a);
  for (const auto& [code, name] : d.currency_name) names[code] = name;
  for (const CompactStep& s : d.compact) compact.push_back(json::array({s.shift, s.suffix}));
  return {{"decimal", d.decimal}, {"group", d.group}, {"plain", AffixJson(d.plain)},
          {"percent", AffixJson(d.percent)}, {"currency", currency}, {"currency_name", names},
          {"compact", compact}};
}

bool LocaleFrom(const json& j, LocaleData* d) {
  if (!j.is_object()) return false;
  *d = LocaleData();
  d->decimal = j.value("decimal", ".");
  d->group = j.value("group", ",");
  d->plain = AffixFrom(j.value("plain", json()));
  d->percent = AffixFrom(j.value("percent", json()));
  const json currency = j.value("currency", json::object()), names = j.value("currency_name", json::object()),
             compact = j.value("compact", json::array());
  for (const auto& [code, a] : currency.items()) d->currency[code] = AffixFrom(a);
  for (const auto& [code, n] : names.items()) d->currency_name[code] = n.get<std::string>();
  for (const json& s : compact)
    d->compact.push_back({s[0].get<int>(), s[1].get<std::string>()});
  return true;
}

}  // namespace

std::string LocaleDataJson(const LocaleData& data) { return LocaleToJson(data).dump(); }

bool LocaleDataFromJson(std::string_view text, LocaleData* data) {
  json j = json::parse(text, nullptr, false);
  return !j.is_discarded() && LocaleFrom(j, data);
}

std::string WhatIfRun(std::string_view inputs_text, std::string_view request_text) {
  json out = {{"errors", json::array()}, {"results", json::array()}};
  cost::Inputs inputs;
  cost::Options options;
  std::string error;
  json request = json::parse(request_text, nullptr, false);
  if (request.is_discarded() || !request.is_object()) {
    out["errors"].push_back("the what-if request is not a JSON object");
    return out.dump();
  }
  if (!cost::InputsFromJson(inputs_text, &inputs, &options, &error)) {
    out["errors"].push_back(error);
    return out.dump();
  }
  // value() returns a copy: kept in a named object while it is iterated.
  const json locales = request.value("locales", json::object());
  for (const auto& [lang, data] : locales.items()) {
    LocaleData d;
    if (LocaleFrom(data, &d)) SetLocaleData(lang, std::move(d));
  }
  UiWords words;
  const json word_tables = request.value("words", json::object());
  for (const auto& [lang, table] : word_tables.items())
    for (const auto& [key, text] : table.items()) words[lang][key] = text.get<std::string>();
  std::vector<std::string> langs;
  const json lang_list = request.value("langs", json::array()), set_list = request.value("sets", json::array());
  for (const json& l : lang_list) langs.push_back(l.get<std::string>());
  for (const json& s : set_list) {
    cost::ParamSet set;
    set.target.text = s[0].get<std::string>();
    set.target.pos = {"--set", 1, 1};
    set.value.text = s[1].get<std::string>();
    set.value.pos = {"--set", 1, static_cast<int>(set.target.text.size()) + 2};
    options.sets.push_back(std::move(set));
  }
  Diagnostics diags;
  cost::Evaluation ev = cost::Evaluate(std::move(inputs), options, diags, 1);
  for (const Diagnostic& d : diags.Sorted()) {
    if (d.severity != Severity::kError) continue;
    out["errors"].push_back(d.pos.path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) +
                            ": " + d.message);
  }
  for (const cost::ModelResult& r : ev.results()) {
    json figs = json::array();
    for (const cost::Figure* f : r.AllFigures()) {
      json fj = {{"id", f->id}, {"plain", PlainFigure(*f)}};
      for (const std::string& lang : langs) fj[lang] = FormatFigure(*f, {}, Speaker{lang, &words, "zh"});
      figs.push_back(std::move(fj));
    }
    json rules = json::array();
    for (const auto& rule : r.rules) rules.push_back({{"id", rule.id}, {"holds", rule.holds}});
    out["results"].push_back({{"model", r.model}, {"scenario", r.scenario}, {"figures", figs}, {"rules", rules}});
  }
  return out.dump();
}

}  // namespace costsite::figures
