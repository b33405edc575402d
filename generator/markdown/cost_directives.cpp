// `cost …` fenced blocks, each kind rendered by the figures stage once its
// directive is parsed and checked (cost_directive.h): tables, lists,
// comparisons, charts, price lists, inline models, budgets and actual spend
// (`cost inputs` is in cost_inputs_block.cpp).
#include <algorithm>

#include "cost/evaluate.h"
#include "cost/spend.h"
#include "cost/units.h"
#include "base/suggest.h"
#include "figures/charts.h"
#include "figures/lookup.h"
#include "figures/plain.h"
#include "figures/spend.h"
#include "figures/tables.h"
#include "markdown/cmark_util.h"
#include "markdown/cost_directive.h"
#include "markdown/cost_expand.h"
#include "pricing/pricing.h"

namespace costsite::markdown {

namespace {

std::string Compare(PageExpansion& page, const Directive& d) {
  std::vector<const cost::ModelResult*> results;
  if (!Results(page, d, &results)) return "";
  std::vector<std::string> ids = DefaultFigures(*results.front());
  if (auto f = d.args.find("figures"); f != d.args.end()) {
    ids = Split(f->second.value);
    int col = f->second.value_col;
    for (const std::string& id : ids) {
      if (!results.front()->Find(id)) {
        std::vector<std::string> all;
        for (const auto* g : results.front()->AllFigures()) all.push_back(g->id);
        std::string s = Suggest(id, all);
        page.Error(d.line, col, "unknown figure '" + results.front()->model + "." + id + "'" +
                                    (s.empty() ? "" : " (did you mean '" + s + "'?)"),
                   static_cast<int>(id.size()), "unknown-figure");
        return "";
      }
      col += static_cast<int>(id.size()) + 1;
    }
  }
  figures::Fragment f;
  f.kind = "compare";
  f.figures = std::move(ids);
  return Element(page, d, std::move(f), results);
}

// `cost chart type=history price=provider/entry`: the entry's dated values.
std::string HistoryChart(PageExpansion& page, const Directive& d, const std::string& id) {
  auto price = d.args.find("price");
  if (price == d.args.end()) {
    page.Error(d.line, d.name_col, "'cost chart type=history' needs price=PROVIDER/ENTRY", static_cast<int>(d.name.size()),
               "bad-directive-argument");
    return "";
  }
  const Arg& p = price->second;
  size_t slash = p.value.find('/');
  const cost::ProviderView* view = slash == std::string::npos ? nullptr : page.eval->FindProvider(p.value.substr(0, slash));
  const cost::PriceEntryView* entry = nullptr;
  if (view)
    for (const auto& e : view->entries)
      if (e.id == p.value.substr(slash + 1)) entry = &e;
  if (!entry) {
    page.Error(d.line, p.value_col, "unknown price '" + p.value + "' (expected provider/entry)",
               static_cast<int>(p.value.size()), "unknown-price");
    return "";
  }
  figures::SourceList scratch;
  figures::SourceList* sources = page.Sources() ? page.Sources() : &scratch;
  const figures::Speaker lang = page.ctx.Speaker();
  return figures::ChartFigure(figures::HistoryChart(*view, *entry, lang, id),
                              figures::PriceHistoryTable(*view, *entry, lang, sources), lang);
}

// `cost chart type=stacked model=m [scenarios=…] [by=item|group]`.
std::string StackedChart(PageExpansion& page, const Directive& d, const std::string& id) {
  std::vector<const cost::ModelResult*> results;
  if (!Results(page, d, &results)) return "";
  bool by_group = !results.front()->groups.empty();
  if (auto by = d.args.find("by"); by != d.args.end()) {
    if (by->second.value != "item" && by->second.value != "group") {
      page.Error(d.line, by->second.value_col, "by must be item or group, not '" + by->second.value + "'",
                 static_cast<int>(by->second.value.size()), "bad-directive-argument");
      return "";
    }
    by_group = by->second.value == "group";
  }
  std::vector<std::string> ids;
  for (const auto* r : results)
    for (const auto& it : r->items) {
      if (it.cost.value.lo < cost::Decimal(0)) {
        page.Error(d.line, d.name_col, "a stacked chart cannot show the negative item '" + r->model + "." + it.id + "'",
                   static_cast<int>(d.name.size()), "bad-directive-argument");
        return "";
      }
      std::string fig = by_group && !it.group.empty() ? "subtotal." + it.group : it.id;
      if (std::find(ids.begin(), ids.end(), fig) == ids.end()) ids.push_back(fig);
    }
  if (results.front()->total) ids.push_back("total");
  figures::Fragment f;
  f.kind = "chart";
  f.chart = "stacked";
  f.chart_id = id;
  f.by_group = by_group;
  f.figures = std::move(ids);
  return Element(page, d, std::move(f), results);
}

std::string Chart(PageExpansion& page, const Directive& d) {
  const Arg& type = d.args.at("type");
  std::string id = "cost-chart-" + std::to_string(++page.charts);
  if (type.value == "history") return HistoryChart(page, d, id);
  if (type.value != "breakdown" && type.value != "compare" && type.value != "range" && type.value != "stacked") {
    page.Error(d.line, type.value_col,
               "chart type must be breakdown, compare, range, stacked or history, not '" + type.value + "'",
               static_cast<int>(type.value.size()), "bad-directive-argument");
    return "";
  }
  if (!d.args.count("model")) {
    page.Error(d.line, d.name_col, "'cost chart type=" + type.value + "' needs model=", static_cast<int>(d.name.size()),
               "bad-directive-argument");
    return "";
  }
  if (type.value == "stacked") return StackedChart(page, d, id);
  figures::Fragment f;
  f.kind = "chart";
  f.chart = type.value;
  f.chart_id = id;
  if (type.value == "breakdown") {
    const cost::ModelResult* r = Result(page, d);
    if (!r) return "";
    return Element(page, d, std::move(f), {r});
  }
  std::vector<const cost::ModelResult*> results;
  if (!Results(page, d, &results)) return "";
  std::vector<std::string> ids = DefaultFigures(*results.front());
  std::string figure = ids.empty() ? "total" : ids.front();
  if (auto f = d.args.find("figure"); f != d.args.end()) figure = f->second.value;
  if (!results.front()->Find(figure)) {
    page.Error(d.line, d.name_col, "unknown figure '" + results.front()->model + "." + figure + "'",
               static_cast<int>(d.name.size()), "unknown-figure");
    return "";
  }
  f.figures = {figure};
  return Element(page, d, std::move(f), results);
}

std::string Prices(PageExpansion& page, const Directive& d) {
  const Arg& p = d.args.at("provider");
  const cost::ProviderView* view = page.eval->FindProvider(p.value);
  if (!view) {
    std::vector<std::string> ids;
    for (const auto& v : page.eval->providers()) ids.push_back(v.id);
    std::string s = Suggest(p.value, ids);
    page.Error(d.line, p.value_col, "unknown provider '" + p.value + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"),
               static_cast<int>(p.value.size()), "unknown-provider");
    return "";
  }
  std::vector<std::string> entries;
  if (auto e = d.args.find("entries"); e != d.args.end()) {
    entries = Split(e->second.value);
    int col = e->second.value_col;
    for (const std::string& id : entries) {
      bool found = std::any_of(view->entries.begin(), view->entries.end(), [&](const auto& x) { return x.id == id; });
      if (!found) {
        page.Error(d.line, col, "unknown price '" + p.value + "/" + id + "'", static_cast<int>(id.size()), "unknown-price");
        return "";
      }
      col += static_cast<int>(id.size()) + 1;
    }
  }
  figures::SourceList scratch;
  return figures::PriceTable(*view, entries, page.ctx.Speaker(), page.Sources() ? page.Sources() : &scratch);
}

// `cost model`: the block's YAML is a model evaluated against the site's
// prices; the page's later figures and directives can use it.
std::string InlineModel(PageExpansion& page, const Directive& d, cmark_node* block) {
  auto id_arg = d.args.find("id");
  std::string id = id_arg == d.args.end() ? "page" : id_arg->second.value;
  cost::ModelDef def;
  std::string yaml = Literal(block);
  int first_line = d.line + page.line_offset + 1;
  if (!pricing::ParseInlineModel(page.path, yaml, first_line, id, &def, *page.diags)) return "";
  // The site keeps its models' definitions only when one is adjustable.
  const bool site_defs = page.eval->HasInputs();
  cost::Evaluation extended = cost::EvaluateExtra(*page.eval, std::move(def), *page.diags);
  page.local.emplace(std::move(extended));
  page.eval = &*page.local;
  // A page with inputs carries this definition in its what-if data.
  if (CostOutput* out = page.ctx.out) out->evaluation = *page.local;
  const cost::ModelResult* r = page.eval->Find(id);
  if (!r) return "";
  // The site's models it reads are the page's too (for the unused-model check).
  for (const std::string& input : r->uses) page.Ref("input", input, d.line, d.name_col);
  if (page.whatif && !site_defs && !r->uses.empty())
    page.diags->Add({Severity::kWarning, page.Pos(d.line, d.name_col),
                     "model '" + id + "' reads the site's model '" + r->uses[0] +
                         "', whose definition the page's what-if data cannot carry (no model of the site has "
                         "an `input:`): after a reader's change its figures cannot be evaluated again",
                     std::string(page.Line(d.line)), static_cast<int>(d.name.size()), "whatif-stale-model"});
  // A table the what-if engine renders again (a fragment on a page with inputs).
  figures::Fragment f;
  f.kind = "table";
  return Element(page, d, std::move(f), {r});
}

// `cost budget model=m budget=b estimate=e actual=a`: three figures of one
// model in one unit, each against the budget.
std::string Budget(PageExpansion& page, const Directive& d, const cost::ModelResult& r) {
  const cost::Figure* budget = nullptr;
  std::string ids[3];
  int i = 0;
  for (const char* key : {"budget", "estimate", "actual"}) {
    const Arg& a = d.args.at(key);
    const cost::Figure* f = r.Find(a.value);
    if (!f) {
      std::vector<std::string> all;
      for (const auto* g : r.AllFigures()) all.push_back(g->id);
      std::string s = Suggest(a.value, all);
      page.Error(d.line, a.value_col, "unknown figure '" + r.model + "." + a.value + "'" +
                                          (s.empty() ? "" : " (did you mean '" + s + "'?)"),
                 static_cast<int>(a.value.size()), "unknown-figure");
      return "";
    }
    if (!budget) budget = f;
    if (f->is_bool || f->unit->dim != budget->unit->dim) {
      page.Error(d.line, a.value_col, "'cost budget' compares figures in one unit: '" + a.value + "' is in " +
                                          (f->is_bool ? "true/false" : f->unit->text) + ", the budget in " + budget->unit->text,
                 static_cast<int>(a.value.size()), "unit-mismatch");
      return "";
    }
    ids[i++] = a.value;
  }
  // A budget gate on real spend: the actual over the budget by more than
  // warn_above= is a warning (an error under check --strict), fail_above= an error.
  const cost::Figure& actual = *r.Find(ids[2]);
  for (const char* key : {"warn_above", "fail_above"}) {
    auto it = d.args.find(key);
    if (it == d.args.end()) continue;
    const Arg& a = it->second;
    std::string_view text = a.value;
    auto limit = text.size() > 1 && text.back() == '%' ? cost::Decimal::Parse(text.substr(0, text.size() - 1))
                                                      : std::nullopt;
    if (!limit || limit->IsNegative()) {
      page.Error(d.line, a.value_col, std::string(key) + " must be a percentage such as 10%, not '" + a.value + "'",
                 static_cast<int>(a.value.size()), "bad-directive-argument");
      return "";
    }
    if (!budget->value.lo.IsNegative() && !budget->value.lo.IsZero()) {
      cost::Interval ceiling = budget->value * cost::Interval(cost::Decimal(1) + *limit / cost::Decimal(100));
      if (actual.value.lo > ceiling.hi) {
        cost::Decimal over = (actual.value.lo / budget->value.hi - cost::Decimal(1)) * cost::Decimal(100);
        std::string message = "actual spend " + r.model + "." + ids[2] + " = " + figures::PlainFigure(actual) +
                              " is over the budget " + r.model + "." + ids[0] + " = " + figures::PlainFigure(*budget) +
                              " by " + over.RoundHalfAwayFromZero(1).ToFixed(1) + "%, more than " + a.value;
        bool error = std::string_view(key) == "fail_above";
        page.diags->Add({error ? Severity::kError : Severity::kWarning, page.Pos(d.line, a.col), std::move(message),
                         std::string(page.Line(d.line)), static_cast<int>(a.value.size()) + static_cast<int>(a.value_col - a.col),
                         "over-budget"});
      }
    }
  }
  figures::Fragment f;
  f.kind = "budget";
  f.figures = {ids[0], ids[1], ids[2]};
  return Element(page, d, std::move(f), {&r});
}

// `cost actuals group=COL[,COL|tag:KEY] [measure=M] [period=YYYY-MM] [top=N]
// [chart=daily|monthly]`: the FOCUS export's spend by group, as the load
// stage summed it for this block (cost::SpendData), or its spend over time.
std::string Actuals(PageExpansion& page, const Directive& d) {
  const cost::SpendData* data = page.ctx.spend;
  const int name_span = static_cast<int>(d.name.size());
  if (!data || !data->loaded) {
    // An export whose files had errors: those errors are the one mistake.
    if (!data || !data->reported)
      page.Error(d.line, d.name_col,
                 "'cost actuals' needs a FOCUS billing export: the site's actuals/ folder holds none that loaded",
                 name_span, "no-actuals");
    return "";
  }
  cost::SpendQuery q;
  const Arg& group = d.args.at("group");
  q.group_by = Split(group.value);
  if (q.group_by.empty()) {
    page.Error(d.line, group.value_col, "group= names no column", 1, "bad-directive-argument");
    return "";
  }
  int col = group.value_col;
  for (const std::string& g : q.group_by) {
    size_t at = group.value.find(g, static_cast<size_t>(col - group.value_col));
    col = group.value_col + static_cast<int>(at);
    std::string column = g.rfind("tag:", 0) == 0 ? "Tags" : g;
    if (g == "tag:" || !std::binary_search(data->columns.begin(), data->columns.end(), column)) {
      std::string s = Suggest(g, data->columns);
      page.Error(d.line, col,
                 g == "tag:" ? "tag: needs a key, as in tag:team"
                             : "unknown column '" + column + "': the FOCUS export has no such column" +
                                   (s.empty() ? "" : " (did you mean '" + s + "'?)"),
                 static_cast<int>(g.size()), "unknown-column");
      return "";
    }
    col += static_cast<int>(g.size()) + 1;
  }
  if (auto m = d.args.find("measure"); m != d.args.end()) {
    q.measure = m->second.value;
    static const char* kMeasures[] = {"BilledCost", "EffectiveCost", "ListCost", "ContractedCost"};
    if (std::find(std::begin(kMeasures), std::end(kMeasures), q.measure) == std::end(kMeasures)) {
      page.Error(d.line, m->second.value_col,
                 "unknown measure '" + q.measure + "' (expected BilledCost, EffectiveCost, ListCost or ContractedCost)",
                 std::max<int>(1, static_cast<int>(q.measure.size())), "unknown-measure");
      return "";
    }
  }
  if (auto p = d.args.find("period"); p != d.args.end()) {
    q.period = p->second.value;
    if (!std::binary_search(data->months.begin(), data->months.end(), q.period)) {
      std::string months;
      for (const std::string& m : data->months) months += (months.empty() ? "" : ", ") + m;
      page.Error(d.line, p->second.value_col,
                 "no line of the FOCUS export is charged in period '" + q.period + "' (it holds " + months + ")",
                 std::max<int>(1, static_cast<int>(q.period.size())), "unknown-period");
      return "";
    }
  }
  if (auto c = d.args.find("currency"); c != d.args.end()) {
    q.currency = c->second.value;
    if (!cost::IsCurrencyCode(q.currency)) {
      page.Error(d.line, c->second.value_col, cost::UnknownCurrencyMessage(q.currency),
                 std::max<int>(1, static_cast<int>(q.currency.size())), "unknown-currency");
      return "";
    }
  }
  int top = 0;
  if (auto t = d.args.find("top"); t != d.args.end()) {
    auto n = cost::Decimal::Parse(t->second.value);
    std::optional<int64_t> whole = n ? n->ToInt() : std::nullopt;
    if (!whole || *whole < 1 || *whole > 1000) {
      page.Error(d.line, t->second.value_col, "top must be a whole number from 1 to 1000, not '" + t->second.value + "'",
                 std::max<int>(1, static_cast<int>(t->second.value.size())), "bad-directive-argument");
      return "";
    }
    top = static_cast<int>(*whole);
  }
  const cost::SpendResult* r = data->Find(q);
  if (!r) {
    page.Error(d.line, d.name_col, "the FOCUS export was read before this block was written: build again", name_span,
               "no-actuals");
    return "";
  }
  const figures::Speaker lang = page.ctx.Speaker();
  const std::vector<cost::ProviderView>* providers = page.eval ? &page.eval->providers() : nullptr;
  // Lines in several billing currencies without currency=: a table (or chart) per currency.
  const std::vector<cost::SpendResult> parts = figures::SpendByCurrency(*r);
  const bool several = parts.size() > 1;
  auto chart = d.args.find("chart");
  if (chart == d.args.end()) {
    if (!several) return figures::SpendTable(*r, top, lang, d.format, false, providers);
    std::string html;
    for (const cost::SpendResult& part : parts) html += figures::SpendTable(part, top, lang, d.format, true, providers);
    return html;
  }
  if (chart->second.value != "daily" && chart->second.value != "monthly") {
    page.Error(d.line, chart->second.value_col, "chart must be daily or monthly, not '" + chart->second.value + "'",
               std::max<int>(1, static_cast<int>(chart->second.value.size())), "bad-directive-argument");
    return "";
  }
  const bool monthly = chart->second.value == "monthly";
  std::string html;
  for (const cost::SpendResult& part : several ? parts : std::vector<cost::SpendResult>{*r}) {
    figures::ChartSpec spec =
        figures::SpendChart(part, monthly, top, lang, "cost-chart-" + std::to_string(++page.charts), several, providers);
    html += figures::ChartFigure(spec, figures::SpendSeriesTable(spec, monthly, lang), lang);
  }
  return html;
}

}  // namespace

std::string ExpandDirective(PageExpansion& page, cmark_node* block) {
  Directive d;
  if (!ParseDirective(page, block, &d)) return "";
  std::string target;
  for (const auto& [k, v] : d.args) target += (target.empty() ? "" : " ") + k + "=" + v.value;
  page.Ref(d.name, target, d.line, d.name_col);
  if (d.name == "model") return InlineModel(page, d, block);
  if (d.name == "compare") return Compare(page, d);
  if (d.name == "chart") return Chart(page, d);
  if (d.name == "prices") return Prices(page, d);
  if (d.name == "actuals") return Actuals(page, d);
  const cost::ModelResult* r = Result(page, d);
  if (!r) return "";
  if (d.name == "budget") return Budget(page, d, *r);
  if (d.name == "inputs") return InputsBlock(page, d, *r);
  // One model result's table or list (table, params, rules, expectations).
  figures::Fragment f;
  f.kind = d.name;
  return Element(page, d, std::move(f), {r});
}

}  // namespace costsite::markdown
