// The seam between the FOCUS export and the cost engine: the formulas'
// actual(…) calls are listed, the export is read once grouped by every
// column they select on (and the charge month), and each call's exact sums
// cross to the engine as values.
#include <algorithm>
#include <map>
#include <set>
#include <system_error>

#include "actuals/actuals.h"
#include "base/parallel.h"
#include "cost/evaluate.h"
#include "load/site_loader.h"

namespace costsite::load {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMonthColumn = "ChargePeriodStart";

void SumSelections(const actuals::Totals& totals, const std::vector<std::string>& columns,
                   std::vector<cost::ActualFigure>* figures) {
  std::string files;
  for (const std::string& f : totals.files) files += (files.empty() ? "" : ", ") + f;
  for (cost::ActualFigure& fig : *figures) {
    fig.files = files;
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
      // The charge month: the first seven characters of an ISO 8601 start.
      if (!fig.selection.period.empty() && g.key.back().substr(0, 7) != fig.selection.period) continue;
      cost::ActualSum& sum = by_currency[g.currency];
      sum.currency = g.currency;
      sum.total = sum.total + g.total;
      sum.lines += g.lines;
    }
    for (auto& entry : by_currency) fig.totals.push_back(std::move(entry.second));
  }
}

}  // namespace

cost::Evaluation LoadPricingWithActuals(const fs::path& root, pricing::Options options, Diagnostics* diags,
                                        int threads, pricing::ParseCache* cache) {
  Diagnostics parse;
  cost::Inputs inputs = pricing::ReadPricing(PricingDir(root), parse, threads, cache);
  diags->Merge(parse);
  std::vector<cost::ActualSelection> selections = cost::ActualSelections(inputs);
  std::error_code ec;
  if (!selections.empty() && fs::is_directory(ActualsDir(root), ec)) {
    std::set<std::string> used;
    for (const cost::ActualSelection& sel : selections)
      for (const auto& f : sel.filters) used.insert(f.first);
    actuals::Query query;
    query.group_by.assign(used.begin(), used.end());
    query.group_by.emplace_back(kMonthColumn);
    Diagnostics read;
    actuals::Totals totals = actuals::LoadActuals(ActualsDir(root), query, read);
    options.actuals_loaded = !read.HasErrors() && !totals.files.empty();
    diags->Merge(read);
    for (cost::ActualSelection& sel : selections) options.actuals.push_back({std::move(sel), false, {}, ""});
    if (options.actuals_loaded) {
      std::vector<std::string> columns(used.begin(), used.end());
      SumSelections(totals, columns, &options.actuals);
    }
  }
  return cost::Evaluate(std::move(inputs), options, *diags, ThreadCount(threads));
}

}  // namespace costsite::load
