#include "markdown/cost_directive.h"

#include "base/suggest.h"
#include "figures/format.h"
#include "figures/lookup.h"
#include "markdown/cmark_util.h"

namespace costsite::markdown {

namespace {

// Arguments each directive takes; the first listed are required. `format`:
// it also takes the inline figures' precision= and compact.
struct Spec {
  std::string_view name;
  std::vector<std::string_view> required, optional;
  bool format = false;
};
const std::vector<Spec>& Specs() {
  static const std::vector<Spec> kSpecs = {
      {"table", {"model"}, {"scenario"}, true},
      {"compare", {"model", "scenarios"}, {"figures"}, true},
      {"prices", {"provider"}, {"entries"}},
      {"params", {"model"}, {"scenario"}},
      {"chart", {"type"}, {"model", "scenarios", "scenario", "figure", "by", "price"}},
      {"rules", {"model"}, {"scenario"}},
      {"expectations", {"model"}, {"scenario"}},
      {"model", {}, {"id"}},
      {"budget", {"model", "budget", "estimate", "actual"}, {"scenario", "warn_above", "fail_above"}, true},
      {"actuals", {"group"}, {"measure", "period", "currency", "top", "chart"}, true},
      {"inputs", {"model"}, {"params", "scenarios", "as_of"}},
  };
  return kSpecs;
}

bool IsFormatWord(std::string_view word) { return word == "compact" || word.rfind("precision=", 0) == 0; }

// The directive's precision= and compact, checked as an inline figure's
// options are; false after reporting at the word's column.
bool ParseFormatWords(PageExpansion& page, const Spec& spec, Directive* d) {
  for (const FormatWord& w : d->format_words) {
    if (!spec.format) {
      std::string key = w.text.substr(0, w.text.find('='));
      page.Error(d->line, w.col, "'cost " + d->name + "' does not take " + key + " (only cost table, cost compare, cost budget and cost actuals do)",
                 static_cast<int>(key.size()), "bad-directive-argument");
      return false;
    }
    figures::OptionError err;
    if (!figures::ParseFormatOptions(w.text, &d->format, &err)) {
      page.Error(d->line, w.col + static_cast<int>(err.offset), err.message, static_cast<int>(err.length),
                 "unknown-format-option");
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> Split(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool ParseDirective(PageExpansion& page, cmark_node* block, Directive* d) {
  std::string info = cmark_node_get_fence_info(block);
  d->line = page.LineOf(block);
  std::string_view line_text = page.Line(d->line);
  size_t at = line_text.find(info);
  int base_col = at == std::string_view::npos ? cmark_node_get_start_column(block) : static_cast<int>(at) + 1;
  d->width = static_cast<int>(info.size());
  size_t i = 4;  // after "cost"
  bool first = true;
  while (i < info.size()) {
    while (i < info.size() && info[i] == ' ') ++i;
    size_t start = i;
    while (i < info.size() && info[i] != ' ') ++i;
    if (i == start) break;
    std::string word = info.substr(start, i - start);
    int col = base_col + static_cast<int>(start);
    if (first) {
      d->name = word, d->name_col = col, first = false;
      continue;
    }
    if (IsFormatWord(word)) {
      d->format_words.push_back({word, col});
      continue;
    }
    size_t eq = word.find('=');
    if (eq == std::string::npos || eq == 0) {
      page.Error(d->line, col, "expected key=value in 'cost " + d->name + "', got '" + word + "'",
                 static_cast<int>(word.size()), "bad-directive-argument");
      return false;
    }
    d->args[word.substr(0, eq)] = {word.substr(eq + 1), col, col + static_cast<int>(eq) + 1};
  }
  auto spec = std::find_if(Specs().begin(), Specs().end(), [&](const Spec& s) { return s.name == d->name; });
  if (spec == Specs().end()) {
    page.Error(d->line, d->name.empty() ? base_col : d->name_col,
               "unknown cost directive '" + d->name +
                   "' (expected table, compare, prices, params, chart, rules, expectations, model, budget, actuals or inputs)",
               std::max<int>(1, static_cast<int>(d->name.size())), "unknown-directive");
    return false;
  }
  for (const auto& [key, arg] : d->args) {
    bool known = std::count(spec->required.begin(), spec->required.end(), key) +
                 std::count(spec->optional.begin(), spec->optional.end(), key);
    if (!known) {
      std::string allowed;
      for (auto list : {&spec->required, &spec->optional})
        for (auto k : *list) allowed += (allowed.empty() ? "" : ", ") + std::string(k) + "=";
      if (spec->format) allowed += ", precision=, compact";
      page.Error(d->line, arg.col, "unknown argument '" + key + "' for 'cost " + d->name + "' (expected " + allowed + ")",
                 static_cast<int>(key.size()), "bad-directive-argument");
      return false;
    }
  }
  for (auto key : spec->required) {
    if (!d->args.count(std::string(key))) {
      page.Error(d->line, d->name_col, "'cost " + d->name + "' needs " + std::string(key) + "=",
                 static_cast<int>(d->name.size()), "bad-directive-argument");
      return false;
    }
  }
  return ParseFormatWords(page, *spec, d);
}

const cost::ModelResult* Result(PageExpansion& page, const Directive& d, std::string_view scenario_key) {
  const Arg& model = d.args.at("model");
  auto sc = d.args.find(std::string(scenario_key));
  std::string scenario = sc == d.args.end() ? "" : sc->second.value;
  std::string err;
  const cost::ModelResult* r = figures::FindResult(*page.eval, model.value, "", &err);
  if (!r) {
    page.Error(d.line, model.value_col, err, static_cast<int>(model.value.size()), "unknown-model");
    return nullptr;
  }
  if (scenario.empty()) return r;
  r = figures::FindResult(*page.eval, model.value, scenario, &err);
  if (!r) page.Error(d.line, sc->second.value_col, err, static_cast<int>(scenario.size()), "unknown-scenario");
  return r;
}

bool Results(PageExpansion& page, const Directive& d, std::vector<const cost::ModelResult*>* out) {
  const cost::ModelResult* base = Result(page, d, "");
  if (!base) return false;
  auto sc = d.args.find("scenarios");
  if (sc == d.args.end()) {
    out->push_back(base);
    for (const auto& s : base->scenarios)
      if (const auto* r = page.eval->Find(base->model, s.id)) out->push_back(r);
    return true;
  }
  int col = sc->second.value_col;
  for (const std::string& id : Split(sc->second.value)) {
    const cost::ModelResult* r = id == "base" && !page.eval->Find(base->model, id) ? base : nullptr;
    std::string err;
    if (!r) r = figures::FindResult(*page.eval, base->model, id, &err);
    if (!r) {
      page.Error(d.line, col, err, static_cast<int>(id.size()), "unknown-scenario");
      return false;
    }
    out->push_back(r);
    col += static_cast<int>(id.size()) + 1;
  }
  return !out->empty();
}

std::vector<std::string> DefaultFigures(const cost::ModelResult& r) {
  if (r.total) return {"total"};
  std::vector<std::string> out;
  for (const auto& f : r.figures) out.push_back(f.id);
  return out;
}

std::string Element(PageExpansion& page, const Directive& d, figures::Fragment f,
                    const std::vector<const cost::ModelResult*>& results) {
  f.model = results.front()->model;
  for (const cost::ModelResult* r : results) f.scenarios.push_back(r->scenario);
  for (const FormatWord& w : d.format_words) f.format += (f.format.empty() ? "" : " ") + w.text;
  f.popovers = page.popovers.count();
  figures::SourceList scratch;
  std::string error;
  std::string html = figures::DirectiveElement(f, *page.eval, page.ctx.Speaker(),
                                               page.Sources() ? page.Sources() : &scratch, &page.popovers, &error);
  if (html.empty()) {
    page.Error(d.line, d.name_col, error, static_cast<int>(d.name.size()), "bad-directive-argument");
    return "";
  }
  return page.AsFragment(std::move(f), std::move(html));
}

}  // namespace costsite::markdown
