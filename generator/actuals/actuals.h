// The actuals stage: reads FOCUS 1.0 billing exports (CSV, or CSV in gzip)
// under a site's actuals/ folder and sums one cost measure per group,
// exactly. Lines are streamed; memory grows with the number of groups, never
// with the number of lines. ParseFocus is pure (a stream in, sums out); only
// LoadActuals touches the disk.
#ifndef COSTSITE_ACTUALS_ACTUALS_H_
#define COSTSITE_ACTUALS_ACTUALS_H_

#include <cstdint>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "cost/decimal.h"

namespace costsite::actuals {

/// The FOCUS cost measures a report can sum.
enum class Measure { kBilledCost, kEffectiveCost, kListCost, kContractedCost };

/// "BilledCost" -> kBilledCost; nullopt for any other name.
std::optional<Measure> MeasureNamed(std::string_view name);
/// The FOCUS column name of `m`.
std::string_view MeasureName(Measure m);
/// Every measure's column name, in FOCUS order (for help and suggestions).
std::vector<std::string> MeasureNames();

/// The FOCUS 1.0 name of a column that another FOCUS version or a
/// provider's export names otherwise ("Region" -> "RegionId", "Provider" and
/// 1.3's "ServiceProviderName" -> "ProviderName", "AmortizedCost" ->
/// "EffectiveCost"), or that a SQL engine wrote in other letters' case
/// ("billedcost", "BILLEDCOST" -> "BilledCost"); "" for any other name.
std::string_view CurrentColumnName(std::string_view name);

/// One exchange rate: 1 `base` = `rate` `quote`, in force from `date` (YYYY-MM-DD).
struct FxRate {
  std::string base, quote, date;
  cost::Decimal rate;
};

/// What to sum and how to group it.
struct Query {
  std::vector<std::string> group_by;    // FOCUS column names or "tag:KEY"; empty = one group
  Measure measure = Measure::kBilledCost;
  std::string period;                   // "YYYY-MM": lines whose ChargePeriodStart falls in it; "" = all
  std::string currency;                 // "" = each line's BillingCurrency; else converted to it
  std::vector<FxRate> rates;            // used when `currency` is set: the newest on or before a line's date
  bool by_day = false;                  // also group by charge day: a last key value "YYYY-MM-DD"
};

/// One group's exact total in one currency.
struct GroupTotal {
  std::vector<std::string> key;  // one value per Query::group_by ("" when a tag is absent), then the day with by_day
  std::string currency;
  cost::Decimal total;           // the exact sum of the group's lines
  int64_t lines = 0;             // lines summed (empty measures included)
  int64_t empty_lines = 0;       // of those, lines whose measure was empty: they add nothing
  std::vector<uint32_t> files;   // indexes into Totals::files of the files with lines here, ascending
};

/// What a query found.
struct Totals {
  std::vector<GroupTotal> groups;  // by currency, then total (largest first), then key
  std::vector<GroupTotal> sums;    // one per currency: every group together (key empty)
  std::vector<std::string> files;  // read, as shown in diagnostics
  int64_t lines_read = 0;          // data lines read (header excluded)
  int64_t lines_selected = 0;      // of those, lines in the period
};

/// Sums lines into groups, file after file. Not thread-safe.
class Accumulator {
 public:
  explicit Accumulator(Query query);
  ~Accumulator();
  Accumulator(const Accumulator&) = delete;
  Accumulator& operator=(const Accumulator&) = delete;

  /// Reads one FOCUS CSV from `in` (`path` names it in diagnostics). Every
  /// malformed line is an error; false if this file had any.
  bool ParseFocus(const std::string& path, std::istream& in, Diagnostics& diags);
  /// The totals so far, converted to the query's currency when it has one.
  Totals Finish(Diagnostics& diags) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The columns any export file's header names (and their FOCUS names),
/// sorted (only the header line of each file is read); empty when `dir`
/// holds no export. A file without one of them reads it as empty.
/// `*unreadable` (when given) is set when some file's header does not read
/// (UTF-16 text, another separator, a cut gzip stream) or is not FOCUS's (no
/// ChargePeriodStart: a provider's own export): its columns are unknown, and
/// LoadActuals reports why.
std::vector<std::string> ExportColumns(const std::filesystem::path& dir, Diagnostics& diags,
                                       bool* unreadable = nullptr);
/// Whether `columns` (ExportColumns) holds `name`, as written or by the FOCUS
/// name it stands for (CurrentColumnName): how LoadActuals finds it.
bool HasColumn(const std::vector<std::string>& columns, std::string_view name);

/// Reads every *.csv and *.csv.gz file below `dir` in sorted path order
/// (paths in diagnostics start with `dir`'s last component) and sums them.
Totals LoadActuals(const std::filesystem::path& dir, const Query& query, Diagnostics& diags);

}  // namespace costsite::actuals

#endif  // COSTSITE_ACTUALS_ACTUALS_H_
