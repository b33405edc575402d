#include "cost/evaluate.h"

#include <set>

#include "base/large_stack.h"

#include "cost/engine.h"
#include "cost/evaluation_data.h"

namespace costsite::cost {
namespace {

void EvaluateModels(Engine& engine, std::vector<ModelResult>* out) {
  // The memoised figures of a model no other model reads are dropped once
  // its results are built: they are most of an evaluation's memory (about a
  // kilobyte a figure, with its trace), and a large site has many models.
  std::set<std::string> read = engine.ReadByOthers();
  for (size_t m = 0; m < engine.model_count(); ++m) {
    out->push_back(engine.Build(m, ""));
    for (const auto& sc : engine.model(m).scenarios) out->push_back(engine.Build(m, sc.id));
    if (!read.count(engine.model(m).id)) engine.Forget(m);
  }
}

}  // namespace

Evaluation Evaluate(Inputs inputs, const Options& options, Diagnostics& diags) {
  auto core = std::make_shared<EvaluationCore>(std::move(inputs), options);
  core->prices = std::make_unique<PriceBook>(core->inputs, core->units, diags);
  core->providers = core->prices->Views();
  auto data = std::make_shared<EvaluationData>();
  data->core = core;
  {
    std::vector<const ModelDef*> models;
    for (const auto& m : core->inputs.models) models.push_back(&m);
    Engine engine(core->units, *core->prices, core->options, std::move(models), nullptr, diags);
    RunOnLargeStack([&] { EvaluateModels(engine, &data->results); });
  }
  // The results hold copies of what pages show; the definitions are not read
  // again (the prices and rates are, by EvaluateExtra's inline models).
  std::vector<ModelDef>().swap(core->inputs.models);
  return Evaluation(std::move(data));
}

Evaluation EvaluateExtra(const Evaluation& base, ModelDef model, Diagnostics& diags) {
  const auto& prior = base.data();
  auto data = std::make_shared<EvaluationData>(*prior);
  auto def = std::make_shared<const ModelDef>(std::move(model));
  data->extra.push_back(def);
  const EvaluationCore& core = *data->core;
  Engine engine(core.units, *core.prices, core.options, {def.get()}, &base, diags);
  RunOnLargeStack([&] { EvaluateModels(engine, &data->results); });
  return Evaluation(std::move(data));
}

}  // namespace costsite::cost
