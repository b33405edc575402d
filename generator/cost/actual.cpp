// actual(…): spend from the site's FOCUS billing export, used like a price.
// The cost stage does not read the export (the actuals stage links after it);
// it lists what the formulas select, and load/ hands back each selection's
// exact sums in Options::actuals.
#include <algorithm>

#include "cost/engine.h"
#include "cost/formula_lexer.h"

namespace costsite::cost {
namespace {

ActualSelection SelectionOf(const std::vector<SelectArg>& args) {
  ActualSelection sel;
  for (const SelectArg& a : args) {
    if (a.key == "period")
      sel.period = a.value;
    else if (a.key == "measure")
      sel.measure = a.value == "BilledCost" ? "" : a.value;
    else
      sel.filters.emplace_back(a.key, a.value);
  }
  std::sort(sel.filters.begin(), sel.filters.end());
  return sel;
}

void Scan(const Located& src, std::vector<ActualSelection>* out) {
  if (src.text.find("actual") == std::string::npos) return;
  std::vector<Token> toks;
  FormulaError err;
  if (!Lex(src.text, &toks, &err)) return;
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (toks[i].kind != Tok::kWord || toks[i].text != "actual") continue;
    if (toks[i + 1].kind != Tok::kOp || toks[i + 1].text != "(") continue;
    size_t pos = i + 2;
    std::vector<SelectArg> args;
    if (ParseSelectArgs(src.text, toks, &pos, &args, &err)) out->push_back(SelectionOf(args));
  }
}

}  // namespace

std::vector<ActualSelection> ActualSelections(const Inputs& inputs) {
  std::vector<ActualSelection> out;
  for (const ModelDef& d : inputs.models) {
    for (const auto& p : d.params) Scan(p.value, &out);
    for (const auto& i : d.items) {
      Scan(i.quantity, &out);
      Scan(i.price, &out);
      Scan(i.formula, &out);
    }
    for (const auto& f : d.figures) Scan(f.formula, &out);
    for (const auto& r : d.rules) Scan(r.when, &out);
    for (const auto& sc : d.scenarios)
      for (const auto& p : sc.params) Scan(p.value, &out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<Value> Engine::EvalActual(const Node& n, Scope& s) {
  std::vector<SelectArg> args;
  for (const auto& a : n.args) args.push_back({a->name, a->text, a->offset, a->length});
  ActualSelection sel = SelectionOf(args);
  if (!options_.actuals_loaded) {
    // An export whose files had errors: those errors are the one mistake.
    if (!options_.actuals_reported)
      Fail(n, s, "actual() needs a FOCUS billing export: the site's actuals/ folder holds none that loaded",
           "no-actuals");
    return std::nullopt;
  }
  auto it = std::find_if(options_.actuals.begin(), options_.actuals.end(),
                         [&](const ActualFigure& f) { return f.selection == sel; });
  if (it == options_.actuals.end() || !it->known) {
    std::string what;
    for (const auto& [column, value] : sel.filters) {
      what += (what.empty() ? "" : ", ") + column + "=\"" + value + "\"";
    }
    Fail(n, s, "actual() names nothing in the FOCUS export: no line has " + (what.empty() ? "a charge" : what),
         "unknown-actual");
    return std::nullopt;
  }
  const ActualFigure& found = *it;
  // A month of spend is money per month; the whole export is an amount.
  auto unit_of = [&](const std::string& currency) {
    return ParseUnit(currency + (sel.period.empty() ? "" : "/month"), units_, nullptr);
  };
  std::optional<Value> out;
  // Several currencies are summed in the model's (that of its total), else
  // in the first by code; an empty month is 0 in that currency, else USD.
  Value first;
  first.dim.currency = found.totals.empty() ? "USD" : found.totals.front().currency;
  std::string target = found.totals.size() == 1 ? first.dim.currency : ModelCurrency(s, first);
  if (found.totals.empty()) {
    Report(*s.src, n.offset, n.length, "actual() finds no spend in period " + sel.period + ": it counts as 0",
           "empty-actual", Severity::kWarning);
  }
  std::vector<ActualSum> totals = found.totals;
  if (totals.empty()) totals.push_back({target, Decimal(0), 0});
  for (const ActualSum& sum : totals) {
    const std::string& currency = sum.currency;
    const Decimal& total = sum.total;
    auto unit = unit_of(currency);
    if (!unit) {
      Fail(n, s, "actual() sums spend in '" + currency + "', which is not a known currency", "unknown-currency");
      return std::nullopt;
    }
    Value v;
    v.v = Interval(total * unit->scale);
    v.dim = unit->dim;
    v.display = *unit;
    if (s.trace) {
      PriceUse use;
      use.id = s.src->text.substr(n.offset, n.length);
      // Lines in several currencies: one use per currency, told apart by it.
      if (totals.size() > 1) use.variant = currency;
      use.value = Interval(total);
      use.unit = *unit;
      use.date = sel.period;
      use.source = found.files;
      use.actual = true;
      use.lines = sum.lines;
      use.actual_filters = sel.filters;
      use.actual_measure = sel.measure;
      s.trace->AddPrice(use);
    }
    if (currency != target) {
      auto converted = Fx(n, s, v, target);
      if (!converted) return std::nullopt;
      v = *converted;
    }
    if (!out) {
      out = v;
    } else {
      out->v = out->v + v.v;
    }
  }
  return out;
}

}  // namespace costsite::cost
