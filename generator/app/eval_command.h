// `costsite eval [MODEL[.FIGURE]] [--scenario S] [--json] [--explain]`: prints
// evaluated figures with their units, for people and for scripts.
#ifndef COSTSITE_APP_EVAL_COMMAND_H_
#define COSTSITE_APP_EVAL_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace costsite {

struct EvalRequest {
  std::string source_dir = ".";  // the site: site.yaml and pricing/
  std::string target;            // "" = every model, "model" or "model.figure"
  std::string scenario;          // "" = base case
  bool json = false;             // the schema in docs/cost-engine.md
  bool explain = false;          // formulas, inputs, prices and rates
  std::vector<std::string> sets; // "MODEL.PARAM=VALUE", each as given after --set
  std::string as_of;             // YYYY-MM-DD: prices and rates as of that date; "" = the site's as_of
};

/// Evaluates the site's models and prints `req.target` to `out`; 0 on success,
/// 1 when the inputs have errors or the target does not exist (see `diags`).
int RunEval(const EvalRequest& req, std::ostream& out, Diagnostics& diags);

}  // namespace costsite

#endif  // COSTSITE_APP_EVAL_COMMAND_H_
