// The seam between the FOCUS export and the cost engine: the formulas'
// actual(…) calls are listed, the export is read once grouped by every
// column they select on (and the charge month), and each call's exact sums
// cross to the engine as values.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <system_error>

#include "actuals/actuals.h"
#include "base/parallel.h"
#include "cost/evaluate.h"
#include "cost/spend.h"
#include "cost/units.h"
#include "load/site_loader.h"

namespace costsite::load {
namespace fs = std::filesystem;

namespace {

void SumSelections(const actuals::Totals& totals, const std::vector<std::string>& columns,
                   std::vector<cost::ActualFigure>* figures) {
  for (cost::ActualFigure& fig : *figures) {
    std::set<uint32_t> used;  // the files with lines in this selection: its sources
    std::map<std::string, cost::ActualSum> by_currency;
    for (const actuals::GroupTotal& g : totals.groups) {
      bool match = true;
      for (const auto& [column, value] : fig.selection.filters) {
        size_t at = std::find(columns.begin(), columns.end(), column) - columns.begin();
        if (g.key[at] != value) {
          match = false;
          break;
        }
      }
      if (!match) continue;
      fig.known = true;
      // The charge month of the line's charge day, in UTC ("2024-10-01"):
      // the month `costsite actuals --period` and `cost actuals` count it in.
      if (!fig.selection.period.empty() && g.key.back().substr(0, 7) != fig.selection.period) continue;
      cost::ActualSum& sum = by_currency[g.currency];
      sum.currency = g.currency;
      sum.total = sum.total + g.total;
      sum.lines += g.lines;
      used.insert(g.files.begin(), g.files.end());
    }
    // A selection with no line names every file read (it is an error of its own).
    fig.files.clear();
    for (size_t i = 0; i < totals.files.size(); ++i)
      if (used.empty() || used.count(static_cast<uint32_t>(i)))
        fig.files += (fig.files.empty() ? "" : ", ") + totals.files[i];
    for (auto& entry : by_currency) fig.totals.push_back(std::move(entry.second));
  }
}

}  // namespace

cost::Evaluation LoadPricingWithActuals(const fs::path& root, pricing::Options options, Diagnostics* diags,
                                        int threads, pricing::ParseCache* cache, std::vector<cost::Rate>* rates) {
  Diagnostics parse;
  // A build that holds its results in a file puts the models' texts away too.
  cost::Inputs inputs = pricing::ReadPricing(PricingDir(root), parse, threads, cache, options.spill_results);
  if (rates) *rates = inputs.rates;
  diags->Merge(parse);
  std::vector<cost::ActualSelection> selections = cost::ActualSelections(inputs);
  std::error_code ec;
  if (!selections.empty() && fs::is_directory(ActualsDir(root), ec)) {
    // One read per measure the calls sum (a line holds each in its own
    // column), grouped by every column they select on and the charge day in
    // UTC: a start written with an offset (2024-10-01T00:00:00+08:00) is in
    // the month its UTC time falls in, not the one its text names.
    std::map<std::string, std::vector<cost::ActualSelection>> by_measure;
    for (cost::ActualSelection& sel : selections) by_measure[sel.measure].push_back(std::move(sel));
    options.actuals_loaded = true;
    for (auto& [measure, list] : by_measure) {
      std::set<std::string> used;
      for (const cost::ActualSelection& sel : list)
        for (const auto& f : sel.filters) used.insert(f.first);
      actuals::Query query;
      query.group_by.assign(used.begin(), used.end());
      query.by_day = true;
      query.measure = actuals::MeasureNamed(measure.empty() ? "BilledCost" : measure).value_or(actuals::Measure::kBilledCost);
      Diagnostics read;
      actuals::Totals totals = actuals::LoadActuals(ActualsDir(root), query, read);
      bool loaded = !read.HasErrors() && !totals.files.empty();
      options.actuals_loaded = options.actuals_loaded && loaded;
      options.actuals_reported = options.actuals_reported || read.HasErrors();
      diags->Merge(read);
      std::vector<cost::ActualFigure> figures;
      for (cost::ActualSelection& sel : list) figures.push_back({std::move(sel), false, {}, ""});
      if (loaded) SumSelections(totals, std::vector<std::string>(used.begin(), used.end()), &figures);
      for (cost::ActualFigure& f : figures) options.actuals.push_back(std::move(f));
      if (!loaded) break;  // the same files fail the same way for every measure
    }
  }
  return cost::Evaluate(std::move(inputs), options, *diags, ThreadCount(threads));
}

namespace {

// Whether the export can answer `q`: a known measure and known columns
// (any column, when some file's header did not read: that file may have it,
// and reading the files reports what is wrong with it).
bool Answerable(const cost::SpendQuery& q, const std::vector<std::string>& columns, bool any_column) {
  if (!actuals::MeasureNamed(q.measure) || q.group_by.empty()) return false;
  if (!q.currency.empty() && !cost::IsCurrencyCode(q.currency)) return false;
  for (const std::string& g : q.group_by) {
    std::string_view column = g.rfind("tag:", 0) == 0 ? std::string_view("Tags") : std::string_view(g);
    if (g == "tag:" || (!any_column && !actuals::HasColumn(columns, column))) return false;
  }
  return true;
}

// Adds what `read` found that `diags` does not hold yet: the formulas'
// actual() calls read the same files first, and a mistake is told once.
void MergeNew(const Diagnostics& read, Diagnostics* diags) {
  std::vector<Diagnostic> found = read.Sorted();
  if (found.empty()) return;
  std::set<std::tuple<std::string, int, int, std::string>> told;
  for (const Diagnostic& d : diags->Sorted()) told.emplace(d.pos.path, d.pos.line, d.pos.col, d.message);
  for (Diagnostic& d : found)
    if (!told.count({d.pos.path, d.pos.line, d.pos.col, d.message})) diags->Add(std::move(d));
}

// One query's rows and daily series, summed again from the groups of a read
// grouped by every column the pass's queries use (`columns`) and the day.
cost::SpendResult Project(const cost::SpendQuery& q, const std::vector<std::string>& columns,
                          const actuals::Totals& totals) {
  std::vector<size_t> at;
  for (const std::string& g : q.group_by) at.push_back(std::find(columns.begin(), columns.end(), g) - columns.begin());
  std::map<std::tuple<std::string, std::vector<std::string>>, cost::SpendRow> rows;
  std::map<std::tuple<std::string, std::vector<std::string>, std::string>, cost::SpendRow> days;
  for (const actuals::GroupTotal& g : totals.groups) {
    const std::string& day = g.key.back();
    if (!q.period.empty() && day.substr(0, 7) != q.period) continue;
    std::vector<std::string> key;
    for (size_t i : at) key.push_back(g.key[i]);
    cost::SpendRow& row = rows[{g.currency, key}];
    row.key = key, row.currency = g.currency, row.total += g.total, row.lines += g.lines;
    cost::SpendRow& point = days[{day, key, g.currency}];
    point.key = key, point.day = day, point.currency = g.currency, point.total += g.total, point.lines += g.lines;
  }
  cost::SpendResult out;
  out.query = q;
  for (auto& entry : rows) out.rows.push_back(std::move(entry.second));
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const cost::SpendRow& a, const cost::SpendRow& b) {
    if (a.currency != b.currency) return a.currency < b.currency;
    return a.total > b.total;
  });
  for (auto& entry : days) out.days.push_back(std::move(entry.second));
  return out;
}

}  // namespace

std::vector<cost::SpendQuery> SpendQueries(const std::vector<content::Page>& pages) {
  std::vector<cost::SpendQuery> out;
  for (const content::Page& page : pages)
    for (const content::PageSource& src : page.sources)
      for (const std::string& info : src.actuals_fences())
        if (cost::SpendQuery q; cost::ParseSpendInfo(info, &q)) out.push_back(std::move(q));
  return out;
}

cost::SpendData LoadSpend(const fs::path& root, std::vector<cost::SpendQuery> queries,
                          const std::vector<cost::Rate>& rates, Diagnostics* diags) {
  cost::SpendData data;
  std::error_code ec;
  if (queries.empty() || !fs::is_directory(ActualsDir(root), ec)) return data;
  Diagnostics read;
  bool unreadable = false;
  data.columns = actuals::ExportColumns(ActualsDir(root), read, &unreadable);
  if (data.columns.empty() && !unreadable) return data;
  std::sort(queries.begin(), queries.end());
  queries.erase(std::unique(queries.begin(), queries.end()), queries.end());
  // One read per measure (a line holds each measure in its own column); each
  // groups by the union of its queries' columns and by charge day.
  std::map<std::pair<std::string, std::string>, std::vector<const cost::SpendQuery*>> by_measure;
  for (const cost::SpendQuery& q : queries)
    if (Answerable(q, data.columns, unreadable)) by_measure[{q.measure, q.currency}].push_back(&q);
  std::vector<actuals::FxRate> fx;
  for (const cost::Rate& r : rates)
    if (auto v = cost::Decimal::Parse(r.rate.text); v && !v->IsNegative() && !v->IsZero())
      fx.push_back({r.base, r.quote, r.date, *v});
  bool ok = true;
  std::set<std::string> months;
  for (const auto& [measure, list] : by_measure) {
    std::set<std::string> used;
    for (const cost::SpendQuery* q : list) used.insert(q->group_by.begin(), q->group_by.end());
    actuals::Query query;
    query.group_by.assign(used.begin(), used.end());
    query.measure = *actuals::MeasureNamed(measure.first);
    query.currency = measure.second;
    if (!query.currency.empty()) query.rates = fx;
    query.by_day = true;
    actuals::Totals totals = actuals::LoadActuals(ActualsDir(root), query, read);
    ok = ok && !read.HasErrors() && !totals.files.empty();
    if (!ok) break;
    data.files.clear();
    for (const std::string& f : totals.files) data.files += (data.files.empty() ? "" : ", ") + f;
    for (const actuals::GroupTotal& g : totals.groups) months.insert(g.key.back().substr(0, 7));
    for (const cost::SpendQuery* q : list) data.results.push_back(Project(*q, query.group_by, totals));
  }
  MergeNew(read, diags);
  data.loaded = ok;
  data.reported = read.HasErrors();
  data.months.assign(months.begin(), months.end());
  std::sort(data.results.begin(), data.results.end(),
            [](const cost::SpendResult& a, const cost::SpendResult& b) { return a.query < b.query; });
  return data;
}

}  // namespace costsite::load
