// `costsite actuals`: exact totals of a site's FOCUS billing exports
// (actuals/), per group, as text or JSON (docs/commands.md,
// docs/schema/actuals.schema.json).
#ifndef COSTSITE_APP_ACTUALS_COMMAND_H_
#define COSTSITE_APP_ACTUALS_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace costsite {

struct ActualsRequest {
  std::string source_dir = ".";        // the site: actuals/, and pricing/ for exchange rates
  std::vector<std::string> group_by;   // FOCUS columns or "tag:KEY"
  std::string measure = "BilledCost";  // BilledCost, EffectiveCost, ListCost or ContractedCost
  std::string period;                  // "YYYY-MM"; "" = every line
  std::string currency;                // "" = each line's own; else converted at pricing/ rates
  bool json = false;
};

/// Sums the site's actuals and prints them to `out`; 0 on success, 1 when the
/// inputs have errors (see `diags`), 2 for a bad request (also in `diags`).
int RunActuals(const ActualsRequest& req, std::ostream& out, Diagnostics& diags);

}  // namespace costsite

#endif  // COSTSITE_APP_ACTUALS_COMMAND_H_
