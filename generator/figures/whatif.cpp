#include "figures/whatif.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "cost/evaluate.h"
#include "cost/inputs.h"
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

// A fragment of the request ({"id": "1", "kind": …}, FragmentsJson).
Fragment FragmentFrom(const json& spec) {
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
  return f;
}

// An inline figure fragment's reference and options ("inference[spot].total precision=0").
bool FigureOf(const Fragment& f, const cost::Evaluation& ev, FigureRef* ref, FormatOptions* opt, std::string* error) {
  OptionError oerr;
  size_t space = f.figure.find(' ');
  if (!ParseFormatOptions(space == std::string::npos ? "" : std::string_view(f.figure).substr(space), opt, &oerr)) {
    *error = oerr.message;
    return false;
  }
  return ParseFigureRef(f.figure.substr(0, space), ev, ref, error);
}

// A fragment of the page (figures/fragments.h) rendered with `ev`, as the
// build rendered it; "" with `error` set when what it shows did not evaluate.
// With `picks`, what shows a model's base case alone shows the picked scenario.
std::string RenderFragment(Fragment f, const cost::Evaluation& ev, const Picks& picks, const Speaker& lang,
                           std::string* error) {
  ApplyPicks(&f, ev, picks);
  PagePopovers ids("", f.popovers);
  SourceList sources;
  if (f.kind == "task" || f.kind == "progress") return MarkFragment(ChecklistElement(f, ev, lang, error), f.id);
  if (f.kind != "figure") return MarkFragment(DirectiveElement(f, ev, lang, &sources, &ids, error), f.id);
  FormatOptions opt;
  FigureRef ref;
  cost::Figure fig;
  if (!FigureOf(f, ev, &ref, &opt, error)) return "";
  const std::string shown = ref.ToString();  // data-fig names what the page wrote
  if (ref.scenario.empty() && picks.count(ref.model)) ref.scenario = picks.at(ref.model);
  if (!ResolveFigure(ev, ref, opt, &fig, error)) return "";
  return MarkFragment(FigureElement(fig, opt, lang, &ids), f.id, shown);
}

// What a request says besides its sets, read once.
struct PageRequest {
  std::vector<std::string> langs;
  std::string fallback = "zh";
  UiWords words;
  std::vector<Fragment> fragments;
  std::vector<std::string> errors;  // malformed fragments
};

// Reads `request`'s languages, words and fragments, and gives the figures
// stage its locale data.
PageRequest ReadRequest(const json& request) {
  PageRequest page;
  // value() returns a copy: kept in a named object while it is iterated.
  const json locales = request.value("locales", json::object());
  for (const auto& [lang, data] : locales.items()) {
    LocaleData d;
    if (LocaleFrom(data, &d)) SetLocaleData(lang, std::move(d));
  }
  const json word_tables = request.value("words", json::object());
  for (const auto& [lang, table] : word_tables.items())
    for (const auto& [key, text] : table.items()) page.words[lang][key] = text.get<std::string>();
  page.fallback = request.value("fallback", std::string("zh"));
  const json lang_list = request.value("langs", json::array());
  for (const json& l : lang_list) page.langs.push_back(l.get<std::string>());
  const json fragments = request.value("fragments", json::array());
  for (const json& spec : fragments) {
    if (!spec.is_object() || !spec.value("id", json()).is_string()) {
      page.errors.push_back("a fragment is not {\"id\": \"N\", …}");
      continue;
    }
    page.fragments.push_back(FragmentFrom(spec));
  }
  return page;
}

// [["model.param", "800 QPS"], …] as `--set`s.
std::vector<cost::ParamSet> SetsFrom(const json& list) {
  std::vector<cost::ParamSet> sets;
  if (!list.is_array()) return sets;
  for (const json& s : list) {
    if (!s.is_array() || s.size() != 2 || !s[0].is_string() || !s[1].is_string()) continue;
    cost::ParamSet set;
    set.target.text = s[0].get<std::string>();
    set.target.pos() = {"--set", 1, 1};
    set.value.text = s[1].get<std::string>();
    set.value.pos() = {"--set", 1, static_cast<int>(set.target.text.size()) + 2};
    sets.push_back(std::move(set));
  }
  return sets;
}

void AddErrors(const Diagnostics& diags, json* errors) {
  for (const Diagnostic& d : diags.Sorted()) {
    if (d.severity != Severity::kError) continue;
    errors->push_back(d.pos.path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " +
                      d.message);
  }
}


// The request's "picks" ({"MODEL": "SCENARIO"}; "" = the base case) that
// name a scenario of `ev`; the others are errors.
Picks PicksFrom(const json& list, const cost::Evaluation& ev, json* errors) {
  Picks picks;
  if (!list.is_object()) return picks;
  for (const auto& [model, scenario] : list.items()) {
    std::string error;
    if (!scenario.is_string() || scenario.get<std::string>().empty()) continue;
    if (FindResult(ev, model, scenario.get<std::string>(), &error)) picks[model] = scenario.get<std::string>();
    else errors->push_back(error);
  }
  return picks;
}

// "as_of" (a `cost inputs` date field): {"MODEL": "YYYY-MM-DD"}, the
// model's prices and rates as of that date, as if it said `as_of:`.
bool ApplyAsOf(const json& as_of, cost::Inputs* inputs, std::string* error) {
  if (!as_of.is_object()) return true;
  for (const auto& [model, date] : as_of.items()) {
    const std::string id = model;  // a structured binding is not captured (g++12)
    auto def = std::find_if(inputs->models.begin(), inputs->models.end(), [&id](const auto& m) { return m.id == id; });
    if (!date.is_string() || !cost::IsIsoDate(date.get<std::string>()) || def == inputs->models.end()) {
      *error = "the as-of date " + date.dump() + " of '" + id + "' is not a date of a model";
      return false;
    }
    def->as_of = date.get<std::string>();
  }
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
  PageRequest page = ReadRequest(request);
  options.sets = SetsFrom(request.value("sets", json::array()));
  std::string as_of_error;
  if (!ApplyAsOf(request.value("as_of", json::object()), &inputs, &as_of_error)) {
    out["errors"].push_back(as_of_error);
    return out.dump();
  }
  Diagnostics diags;
  cost::Evaluation ev = cost::Evaluate(std::move(inputs), options, diags, 1);
  AddErrors(diags, &out["errors"]);
  for (const cost::ModelResult& r : ev.results()) {
    json figs = json::array();
    for (const cost::Figure* f : r.AllFigures()) {
      json fj = {{"id", f->id}, {"plain", PlainFigure(*f)}};
      for (const std::string& lang : page.langs)
        fj[lang] = FormatFigure(*f, {}, Speaker{lang, &page.words, page.fallback});
      figs.push_back(std::move(fj));
    }
    json rules = json::array();
    for (const auto& rule : r.rules) rules.push_back({{"id", rule.id}, {"holds", rule.holds}});
    out["results"].push_back({{"model", r.model}, {"scenario", r.scenario}, {"figures", figs}, {"rules", rules}});
  }
  Picks picks = PicksFrom(request.value("picks", json::object()), ev, &out["errors"]);
  // The page's elements, in the page's language (the first of `langs`).
  for (const std::string& e : page.errors) out["errors"].push_back(e);
  if (!request.value("fragments", json::array()).empty() && !page.langs.empty()) {
    out["fragments"] = json::array();
    const Speaker lang{page.langs.front(), &page.words, page.fallback};
    for (const Fragment& f : page.fragments) {
      std::string error;
      std::string html = RenderFragment(f, ev, picks, lang, &error);
      if (html.empty()) {
        out["errors"].push_back("fragment " + std::to_string(f.id) + ": " + error);
        continue;
      }
      out["fragments"].push_back({{"id", std::to_string(f.id)}, {"html", html}});
    }
  }
  return out.dump();
}

// The page between changes: its data read once, the last evaluation, and
// what each of its elements shows now.
struct WhatIfSession::State {
  cost::Inputs inputs;    // as the page carries them, without sets
  cost::Options options;  // their options, without sets
  PageRequest page;
  std::vector<std::string> models;  // per fragment: the model it shows ("" = unknown: always rendered)
  std::vector<std::string> shown;   // per fragment: the HTML the page shows (the build's, or the last sent)
  cost::Evaluation last;
  bool last_ok = false;  // `last` reported no error (ReevaluateSets may start from it)
  json as_of = json::object();  // the dates `last` was evaluated with ({} = the build's)
  Picks picks;                  // the scenarios `shown` shows
};

WhatIfSession::WhatIfSession() = default;
WhatIfSession::~WhatIfSession() = default;

std::string WhatIfSession::Open(std::string_view inputs_text, std::string_view request_text) {
  json out = {{"errors", json::array()}};
  state_.reset();
  auto state = std::make_unique<State>();
  std::string error;
  json request = json::parse(request_text, nullptr, false);
  if (request.is_discarded() || !request.is_object()) {
    out["errors"].push_back("the what-if request is not a JSON object");
    return out.dump();
  }
  if (!cost::InputsFromJson(inputs_text, &state->inputs, &state->options, &error)) {
    out["errors"].push_back(error);
    return out.dump();
  }
  state->page = ReadRequest(request);
  for (const std::string& e : state->page.errors) out["errors"].push_back(e);
  if (state->page.langs.empty()) out["errors"].push_back("the what-if request names no language");
  Diagnostics diags;
  state->last = cost::Evaluate(state->inputs, state->options, diags, 1);
  AddErrors(diags, &out["errors"]);
  for (const Fragment& f : state->page.fragments) {
    FigureRef ref;
    FormatOptions opt;
    std::string ignored;
    if (f.kind != "figure") state->models.push_back(f.model);
    else state->models.push_back(FigureOf(f, state->last, &ref, &opt, &ignored) ? ref.model : std::string());
  }
  // What the page shows: the build's elements, which these equal (the
  // browser test checks it), so that an answer holds only what changed.
  if (state->page.langs.empty()) return out.dump();
  const Speaker lang{state->page.langs.front(), &state->page.words, state->page.fallback};
  for (const Fragment& f : state->page.fragments) {
    std::string why;
    state->shown.push_back(RenderFragment(f, state->last, Picks{}, lang, &why));
    if (state->shown.back().empty()) out["errors"].push_back("fragment " + std::to_string(f.id) + ": " + why);
  }
  state->last_ok = out["errors"].empty();
  state_ = std::move(state);
  return out.dump();
}

std::string WhatIfSession::Update(std::string_view change_text) {
  json out = {{"errors", json::array()}, {"fragments", json::array()}, {"rebuilt", json::array()}};
  if (!state_) {
    out["errors"].push_back("the what-if engine has no page open");
    return out.dump();
  }
  State& s = *state_;
  json change = json::parse(change_text, nullptr, false);
  if (change.is_array()) change = {{"sets", change}};
  if (change.is_discarded() || !change.is_object() || !change.value("sets", json::array()).is_array()) {
    out["errors"].push_back("the what-if change is not {\"sets\": [...], \"picks\": {...}, \"as_of\": {...}}");
    return out.dump();
  }
  cost::Options options = s.options;
  options.sets = SetsFrom(change.value("sets", json::array()));
  const json as_of = change.value("as_of", json::object());
  Diagnostics diags;
  cost::ReevaluateStats stats;
  if (s.last_ok && as_of == s.as_of) {
    cost::Inputs inputs = s.inputs;
    std::string error;
    ApplyAsOf(as_of, &inputs, &error);  // the same dates as `last`'s, checked then
    s.last = cost::ReevaluateSets(s.last, std::move(inputs), options, diags, &stats);
  } else {
    // Another date changes what every price reads: everything again.
    stats.full = true;
    for (const cost::ModelDef& m : s.inputs.models) stats.rebuilt.insert(m.id);
    cost::Inputs inputs = s.inputs;
    std::string error;
    if (!ApplyAsOf(as_of, &inputs, &error)) {
      out["errors"].push_back(error);
      s.last_ok = false;
      return out.dump();
    }
    s.last = cost::Evaluate(std::move(inputs), options, diags, 1);
    s.as_of = as_of;
  }
  AddErrors(diags, &out["errors"]);
  for (const std::string& m : stats.rebuilt) out["rebuilt"].push_back(m);
  const Picks picks = PicksFrom(change.value("picks", json::object()), s.last, &out["errors"]);
  // Only the elements of the models built again can change, unless another
  // scenario is picked: then every element is rendered again.
  const bool all = stats.full || picks != s.picks;
  const Speaker lang{s.page.langs.front(), &s.page.words, s.page.fallback};
  std::vector<std::pair<size_t, std::string>> changed;
  for (size_t i = 0; i < s.page.fragments.size(); ++i) {
    if (!all && !s.models[i].empty() && !stats.rebuilt.count(s.models[i])) continue;
    const Fragment& f = s.page.fragments[i];
    std::string error;
    std::string html = RenderFragment(f, s.last, picks, lang, &error);
    if (html.empty()) out["errors"].push_back("fragment " + std::to_string(f.id) + ": " + error);
    else if (html != s.shown[i]) changed.push_back({i, std::move(html)});
  }
  // A page applies none of an answer with errors: the next change then
  // evaluates and renders everything again.
  s.last_ok = out["errors"].empty();
  if (!s.last_ok) return out.dump();
  s.picks = picks;
  for (auto& [i, html] : changed) {
    out["fragments"].push_back({{"id", std::to_string(s.page.fragments[i].id)}, {"html", html}});
    s.shown[i] = std::move(html);
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
