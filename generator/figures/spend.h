// Actual spend from the site's FOCUS export as a page shows it: a table of
// groups with their shares of the total, and a chart of spend over time.
// The sums arrive as values (cost/spend.h); only this file makes words.
#ifndef COSTSITE_FIGURES_SPEND_H_
#define COSTSITE_FIGURES_SPEND_H_

#include <optional>
#include <string>
#include <vector>

#include "cost/evaluation.h"
#include "cost/spend.h"
#include "figures/charts.h"
#include "figures/format.h"
#include "figures/strings.h"

namespace costsite::figures {

/// One row of a spend table: a group, or the groups `top` left out.
struct SpendLine {
  std::vector<std::string> key;   // empty for the "other" row
  int64_t others = 0;             // groups folded into the "other" row (0 for a group)
  cost::Decimal total;            // exact
  std::optional<cost::Decimal> share;  // percent of the total, to 0.1, the rows adding up to 100; none when the total is not positive
};

/// The rows of `r` (one currency), largest first; with `top` > 0 only the
/// `top` largest and an "other" row; shares rounded so they add up to 100.0.
std::vector<SpendLine> SpendLines(const cost::SpendResult& r, int top);

/// The exact sum of every row of `r`.
cost::Decimal SpendTotal(const cost::SpendResult& r);

/// `r` split by billing currency (a sum is never taken across currencies), by code.
std::vector<cost::SpendResult> SpendByCurrency(const cost::SpendResult& r);

/// `<table class="cost-actuals">` of `r` (one currency): a column per group
/// column, the amount and the share, a total row; money to the cent
/// (`opt.precision` overrides). `name_currency`: the caption names the
/// currency (one table of several).
/// `providers` (the price lists'), when given, name a ProviderName group by
/// the provider whose id or English name it is, in the page's language
/// ("Alibaba Cloud" on a zh page: 阿里云).
std::string SpendTable(const cost::SpendResult& r, int top, const Speaker& lang, const FormatOptions& opt = {},
                       bool name_currency = false, const std::vector<cost::ProviderView>* providers = nullptr);

/// Spend per day (or, `monthly`, per month) of `r` (one currency), a line per
/// group (the `top` largest and "other" when `top` > 0).
ChartSpec SpendChart(const cost::SpendResult& r, bool monthly, int top, const Speaker& lang, std::string id,
                     bool name_currency = false, const std::vector<cost::ProviderView>* providers = nullptr);

/// The chart's data as a table: a row per day or month, a column per line.
std::string SpendSeriesTable(const ChartSpec& chart, bool monthly, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_SPEND_H_
