// The state behind an Evaluation, shared between an Evaluation and those
// EvaluateExtra derives from it. Internal to the cost stage.
#ifndef COSTSITE_COST_EVALUATION_DATA_H_
#define COSTSITE_COST_EVALUATION_DATA_H_

#include <memory>
#include <vector>

#include "cost/evaluation.h"
#include "cost/inputs.h"
#include "cost/prices.h"
#include "cost/units.h"

namespace costsite::cost {

/// Inputs and what was compiled from them; never changes once built.
struct EvaluationCore {
  EvaluationCore(Inputs in, const Options& opts)
      : inputs(std::move(in)), options(opts), units(opts.month_hours) {}
  Inputs inputs;
  Options options;
  UnitTable units;             // with the declared units (DeclareUnits)
  DeclaredUnits declared_units;  // null when the site declares none
  std::unique_ptr<PriceBook> prices;  // points into `inputs`
  std::vector<ProviderView> providers;
};

struct EvaluationData {
  std::shared_ptr<const EvaluationCore> core;
  ResultList results;  // shared with the evaluation Reevaluate made it from, for the models it kept
  std::vector<std::shared_ptr<const ModelDef>> extra;  // inline models evaluated later
};

}  // namespace costsite::cost

#endif  // COSTSITE_COST_EVALUATION_DATA_H_
