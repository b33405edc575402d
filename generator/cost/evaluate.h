// Entry points of the cost engine: evaluate every model of the pricing inputs
// in its base case and in each scenario.
#ifndef COSTSITE_COST_EVALUATE_H_
#define COSTSITE_COST_EVALUATE_H_

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

}  // namespace costsite::cost

#endif  // COSTSITE_COST_EVALUATE_H_
