// Entry points of the cost engine: evaluate every model of the pricing inputs
// in its base case and in each scenario.
#ifndef COSTSITE_COST_EVALUATE_H_
#define COSTSITE_COST_EVALUATE_H_

#include <set>
#include <string>

#include "base/diagnostics.h"
#include "cost/evaluation.h"
#include "cost/inputs.h"

namespace costsite::cost {

/// Evaluates every model of `inputs` (base case, then each scenario, in
/// declared order); every problem goes to `diags`, and figures that failed are
/// left out of the results. Groups of models that do not read each other
/// evaluate on up to `threads` threads; the result does not depend on it.
Evaluation Evaluate(Inputs inputs, const Options& options, Diagnostics& diags, int threads = 1);

/// Evaluates one more model (an inline model of a page) against `base`'s
/// prices, rates and models. The result holds `base`'s results followed by the
/// new model's; `base` is unchanged.
Evaluation EvaluateExtra(const Evaluation& base, ModelDef model, Diagnostics& diags);

/// What Reevaluate did.
struct ReevaluateStats {
  bool full = false;          // every model was evaluated (the inputs could not be compared)
  std::set<std::string> rebuilt;  // ids of the models built again (all of them when `full`)
};

/// Evaluate(inputs, options, diags, threads) for a site whose pricing files
/// changed since `previous` was evaluated from them, reusing what did not
/// change: only the models defined in `changed_files` (paths as in
/// diagnostics), the models that read a price whose entry differs, and the
/// models that read any of those, directly or through others, are built
/// again; the other models' results are shared with `previous` (not
/// copied), which they equal. Everything is evaluated when the two cannot
/// be compared that way: models added, removed or reordered, a price list
/// added, removed or changed outside its entries, an entry added or removed,
/// rates or units changed, a file that did not parse, another date or
/// parameter sets.
/// REQUIRES: evaluating `previous` reported nothing about the models kept
/// (their diagnostics are not reported again).
Evaluation Reevaluate(const Evaluation& previous, Inputs inputs, const std::set<std::string>& changed_files,
                      const Options& options, Diagnostics& diags, int threads, ReevaluateStats* stats);

/// Evaluate(inputs, options, diags) for the same `inputs` (without sets
/// applied) that `previous` was evaluated from, with other parameter sets
/// (`options.sets`, e.g. a what-if reader's values): only the models whose
/// sets differ from `previous`'s and the models that read those, directly or
/// through others, are built again; the others' results are copied. Models
/// added, removed or reordered, or another date, evaluate everything.
/// REQUIRES: evaluating `previous` reported no error (its diagnostics about
/// the models kept are not reported again).
Evaluation ReevaluateSets(const Evaluation& previous, Inputs inputs, const Options& options, Diagnostics& diags,
                          ReevaluateStats* stats);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_EVALUATE_H_
