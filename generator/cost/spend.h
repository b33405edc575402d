// Actual spend as a page shows it: what a `cost actuals` block asks of the
// site's FOCUS billing export, and the exact sums that answer it. The load
// stage reads the export once for every block of every page and fills a
// SpendData; the Markdown stage checks each block against it and the figures
// stage formats it. Plain values: nothing here reads a file.
#ifndef COSTSITE_COST_SPEND_H_
#define COSTSITE_COST_SPEND_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "cost/decimal.h"

namespace costsite::cost {

/// What one `cost actuals group=ServiceName measure=EffectiveCost period=2024-10` sums.
struct SpendQuery {
  std::vector<std::string> group_by;  // FOCUS columns or "tag:KEY", as written
  std::string measure = "BilledCost";
  std::string period;    // "YYYY-MM"; "" = every line
  std::string currency;  // "" = as billed; else every line converted at its charge day's rate
  friend bool operator==(const SpendQuery&, const SpendQuery&) = default;
  // Not a defaulted <=>: the libc++ of the WebAssembly build has no <=> for vector.
  friend bool operator<(const SpendQuery& a, const SpendQuery& b) {
    return std::tie(a.group_by, a.measure, a.period, a.currency) <
           std::tie(b.group_by, b.measure, b.period, b.currency);
  }
};

/// One group's exact sum in one currency (and, in a series, one charge day).
struct SpendRow {
  std::vector<std::string> key;  // one value per SpendQuery::group_by ("" when a tag is absent)
  std::string day;               // "YYYY-MM-DD" in SpendResult::days; "" in rows
  std::string currency;
  Decimal total;
  int64_t lines = 0;
};

/// The answer to one query.
struct SpendResult {
  SpendQuery query;
  std::vector<SpendRow> rows;  // by currency, then total (largest first), then key
  std::vector<SpendRow> days;  // by day, then key: the series for a chart
};

/// Everything the pages' `cost actuals` blocks asked for.
struct SpendData {
  bool loaded = false;               // an export was found and read without errors
  bool reported = false;             // it was read with errors, reported at their lines
  std::vector<std::string> columns;  // the export's header columns (any file's)
  std::vector<std::string> months;   // "YYYY-MM" of the charge periods present, sorted
  std::string files;                 // the export's files, as diagnostics name them
  std::vector<SpendResult> results;  // one per valid query, sorted by query

  /// The answer to `q`; nullptr when it was not asked or could not be read.
  const SpendResult* Find(const SpendQuery& q) const;
};

/// The query of a fenced block's info string "cost actuals group=a,b
/// measure=M period=P …"; false for any other block. Arguments are not
/// checked here (the Markdown stage reports them with their columns).
bool ParseSpendInfo(std::string_view info, SpendQuery* out);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_SPEND_H_
