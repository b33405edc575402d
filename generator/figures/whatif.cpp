#include "figures/whatif.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "cost/evaluate.h"
#include "cost/inputs_json.h"
#include "cost/prices.h"
#include "figures/format.h"
#include "figures/fragments.h"
#include "figures/lookup.h"
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

std::vector<std::string> Strings(const json& j) {
  std::vector<std::string> out;
  if (j.is_array())
    for (const json& s : j)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

// The request's "picks": model -> the scenario a reader picked.
using Picks = std::map<std::string, std::string>;

// `ref` ("model.rule") naming the picked scenario's rule when it names the
// model's base case.
std::string PickedRef(const std::string& ref, const cost::Evaluation& ev, const Picks& picks) {
  FigureRef r;
  std::string error;
  if (picks.empty() || !ParseFigureRef(ref, ev, &r, &error) || !r.scenario.empty() || !picks.count(r.model))
    return ref;
  r.scenario = picks.at(r.model);
  return r.ToString();
}

// With a picked scenario, what shows a model's base case alone (an inline
// figure, a table, a breakdown, a checklist's rule) shows that scenario;
// comparisons of several scenarios stay as they are.
void ApplyPicks(Fragment* f, const cost::Evaluation& ev, const Picks& picks) {
  auto pick = picks.find(f->model);
  if (pick != picks.end() && f->scenarios.size() == 1 && f->scenarios[0].empty()) f->scenarios[0] = pick->second;
  for (ChecklistItem& item : f->items)
    if (item.binding) item.rule = PickedRef(item.rule, ev, picks);
}

// A fragment of the page (figures/fragments.h) rendered with `ev`, as the
// build rendered it; "" with `error` set when what it shows did not evaluate.
std::string RenderFragment(const json& spec, const cost::Evaluation& ev, const Picks& picks, const Speaker& lang,
                           std::string* error) {
  Fragment f;
  f.id = std::atoi(spec.value("id", std::string("0")).c_str());
  f.kind = spec.value("kind", std::string());
  f.figure = spec.value("figure", std::string());
  f.model = spec.value("model", std::string());
  f.scenarios = Strings(spec.value("scenarios", json()));
  f.figures = Strings(spec.value("figures", json()));
  f.chart = spec.value("chart", std::string());
  f.chart_id = spec.value("chart_id", std::string());
  f.by_group = spec.value("by_group", false);
  f.format = spec.value("format", std::string());
  f.popovers = spec.value("popovers", 0);
  for (const json& i : spec.value("items", json::array()))
    if (i.is_array() && i.size() == 3 && i[0].is_string() && i[1].is_string() && i[2].is_boolean())
      f.items.push_back({i[0].get<std::string>().empty() ? '\0' : i[0].get<std::string>()[0],
                         i[1].get<std::string>(), i[2].get<bool>()});
  ApplyPicks(&f, ev, picks);
  PopoverIds ids("", f.popovers);
  SourceList sources;
  if (f.kind == "task" || f.kind == "progress") return MarkFragment(ChecklistElement(f, ev, lang, error), f.id);
  if (f.kind != "figure") return MarkFragment(DirectiveElement(f, ev, lang, &sources, &ids, error), f.id);
  FormatOptions opt;
  OptionError oerr;
  size_t space = f.figure.find(' ');
  FigureRef ref;
  cost::Figure fig;
  if (!ParseFormatOptions(space == std::string::npos ? "" : std::string_view(f.figure).substr(space), &opt, &oerr)) {
    *error = oerr.message;
    return "";
  }
  if (!ParseFigureRef(f.figure.substr(0, space), ev, &ref, error)) return "";
  const std::string shown = ref.ToString();  // data-fig names what the page wrote
  if (ref.scenario.empty() && picks.count(ref.model)) ref.scenario = picks.at(ref.model);
  if (!ResolveFigure(ev, ref, opt, &fig, error)) return "";
  return MarkFragment(FigureElement(fig, opt, lang, &ids), f.id, shown);
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
  const std::string fallback = request.value("fallback", std::string("zh"));
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
  // "as_of" (a `cost inputs` date field): {"MODEL": "YYYY-MM-DD"}, the
  // model's prices and rates as of that date, as if it said `as_of:`.
  const json as_of = request.value("as_of", json::object());
  for (const auto& [model, date] : as_of.items()) {
    const std::string id = model;  // a structured binding is not captured (g++12)
    auto def = std::find_if(inputs.models.begin(), inputs.models.end(), [&id](const auto& m) { return m.id == id; });
    if (!date.is_string() || !cost::IsIsoDate(date.get<std::string>()) || def == inputs.models.end()) {
      out["errors"].push_back("the as-of date " + date.dump() + " of '" + model + "' is not a date of a model");
      return out.dump();
    }
    def->as_of = date.get<std::string>();
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
      for (const std::string& lang : langs) fj[lang] = FormatFigure(*f, {}, Speaker{lang, &words, fallback});
      figs.push_back(std::move(fj));
    }
    json rules = json::array();
    for (const auto& rule : r.rules) rules.push_back({{"id", rule.id}, {"holds", rule.holds}});
    out["results"].push_back({{"model", r.model}, {"scenario", r.scenario}, {"figures", figs}, {"rules", rules}});
  }
  Picks picks;
  const json pick_list = request.value("picks", json::object());
  for (const auto& [model, scenario] : pick_list.items()) {
    std::string error;
    if (!scenario.is_string() || scenario.get<std::string>().empty()) continue;
    if (FindResult(ev, model, scenario.get<std::string>(), &error)) picks[model] = scenario.get<std::string>();
    else out["errors"].push_back(error);
  }
  // The page's elements, in the page's language (the first of `langs`).
  const json fragments = request.value("fragments", json::array());
  if (!fragments.empty() && !langs.empty()) {
    out["fragments"] = json::array();
    const Speaker lang{langs.front(), &words, fallback};
    for (const json& spec : fragments) {
      if (!spec.is_object() || !spec.value("id", json()).is_string()) {
        out["errors"].push_back("a fragment is not {\"id\": \"N\", …}");
        continue;
      }
      std::string error;
      std::string html = RenderFragment(spec, ev, picks, lang, &error);
      if (html.empty()) {
        out["errors"].push_back("fragment " + spec.value("id", std::string()) + ": " + error);
        continue;
      }
      out["fragments"].push_back({{"id", spec.value("id", std::string())}, {"html", html}});
    }
  }
  return out.dump();
}

std::string FragmentsJson(const std::vector<Fragment>& fragments) {
  json out = json::array();
  for (const Fragment& f : fragments) {
    json j = {{"id", std::to_string(f.id)}, {"kind", f.kind}, {"popovers", f.popovers}};
    if (!f.figure.empty()) j["figure"] = f.figure;
    if (!f.model.empty()) j["model"] = f.model, j["scenarios"] = f.scenarios;
    if (!f.figures.empty()) j["figures"] = f.figures;
    if (!f.chart.empty()) j["chart"] = f.chart;
    if (!f.chart_id.empty()) j["chart_id"] = f.chart_id;
    if (f.by_group) j["by_group"] = true;
    if (!f.format.empty()) j["format"] = f.format;
    for (const ChecklistItem& i : f.items)
      j["items"].push_back(json::array({i.binding ? std::string(1, i.binding) : "", i.rule, i.checked}));
    out.push_back(std::move(j));
  }
  return out.dump();
}

}  // namespace costsite::figures
