#include "cost/evaluate.h"

#include <atomic>
#include <set>

#include "base/large_stack.h"
#include "base/suggest.h"
#include "base/today.h"
#include "base/parallel.h"

#include "cost/engine.h"
#include "cost/evaluation_data.h"
#include "cost/prices.h"

namespace costsite::cost {
namespace {

void EvaluateModels(Engine& engine, std::vector<ModelResult>* out) {
  // The memoised figures of a model no other model reads are dropped once
  // its results are built: they are most of an evaluation's memory (about a
  // kilobyte a figure, with its trace), and a large site has many models.
  std::set<std::string> read = engine.ReadByOthers();
  for (size_t m = 0; m < engine.model_count(); ++m) {
    out->push_back(engine.Build(m, ""));
    for (const auto& sc : engine.model(m).scenarios) {
      out->push_back(engine.Build(m, sc.id));
      engine.ForgetScenario(m, sc.id);
    }
    if (!read.count(engine.model(m).id)) engine.Forget(m);
  }
}

// Evaluates the groups of `engine` (Engine::Groups) on `threads` threads, one
// engine per group, and returns the results in model order as one engine
// would have made them.
std::vector<ModelResult> EvaluateGroups(Engine& engine, const std::vector<std::vector<size_t>>& groups,
                                        int threads, Diagnostics& diags) {
  std::vector<std::vector<ModelResult>> per_model(engine.model_count());
  std::atomic<size_t> next{0};
  ParallelFor(static_cast<size_t>(threads), threads, [&](size_t, int) {
    RunOnLargeStack([&] {
      for (size_t g; (g = next.fetch_add(1)) < groups.size();) {
        std::vector<const ModelDef*> defs;
        for (size_t m : groups[g]) defs.push_back(&engine.model(m));
        Engine group(engine, std::move(defs), diags);
        std::vector<ModelResult> results;
        EvaluateModels(group, &results);
        // Each model's base case, then its scenarios, in the group's order.
        size_t at = 0;
        for (size_t k = 0; k < groups[g].size(); ++k) {
          size_t count = 1 + group.model(k).scenarios.size();
          auto& mine = per_model[groups[g][k]];
          for (size_t i = 0; i < count && at < results.size(); ++i) mine.push_back(std::move(results[at++]));
        }
      }
    });
  });
  std::vector<ModelResult> out;
  for (auto& results : per_model)
    for (ModelResult& r : results) out.push_back(std::move(r));
  return out;
}

// Adds the site's count units (`units:`) to the table before any unit is
// parsed. A spelling that already names a built-in unit of another kind, or a
// currency, would change what formulas mean, so it is an error at its place.
void DeclareUnits(EvaluationCore* core, Diagnostics& diags) {
  if (core->inputs.units.empty()) return;
  auto names = std::make_shared<std::vector<UnitNames>>();
  for (const UnitDecl& d : core->inputs.units) names->push_back(d.names);
  core->declared_units = names;
  std::set<std::string, std::less<>> seen;
  for (const UnitDecl& d : core->inputs.units) {
    const std::string kind = d.distinct ? d.keys.front().text : std::string();
    for (const Located& key : d.keys) {
      std::string message;
      if (!seen.insert(key.text).second) {
        message = "unit '" + key.text + "' is declared twice";
      } else if (IsCurrencyCode(key.text)) {
        message = "'" + key.text + "' is a currency code and cannot name a count unit";
      } else if (!core->units.DeclareCount(key.text, names, kind)) {
        message = "'" + key.text + "' is a built-in unit that is not a count; choose another name";
      }
      if (!message.empty()) ReportAt(diags, key, 0, key.text.size(), message, "unit-collision");
    }
  }
}

// Puts each `--set` value in place of the parameter's own. A model id may
// hold dots, so "a.b.c" is model "a.b" + parameter "c" or model "a" +
// parameter "b.c", whichever exists.
void ApplyParamSets(Inputs* inputs, const std::vector<ParamSet>& sets, Diagnostics& diags) {
  for (const ParamSet& set : sets) {
    const std::string& target = set.target.text;
    ParamDef* found = nullptr;
    ModelDef* model = nullptr;
    for (size_t dot = target.find('.'); dot != std::string::npos && !found; dot = target.find('.', dot + 1)) {
      for (ModelDef& m : inputs->models) {
        if (m.id != target.substr(0, dot)) continue;
        model = &m;
        for (ParamDef& p : m.params)
          if (p.id == target.substr(dot + 1)) found = &p;
      }
    }
    if (found) {
      found->value = set.value;
      continue;
    }
    std::string message;
    if (model) {
      std::vector<std::string> ids;
      for (const ParamDef& p : model->params) ids.push_back(p.id);
      std::string typed = target.substr(model->id.size() + 1);
      message = "model '" + model->id + "' has no parameter '" + typed + "'" + DidYouMean(typed, ids);
    } else {
      std::vector<std::string> ids;
      for (const ModelDef& m : inputs->models) ids.push_back(m.id);
      std::string typed = target.substr(0, target.find('.'));
      message = target.find('.') == std::string::npos
                    ? "expected MODEL.PARAMETER=VALUE, got '" + target + "'"
                    : "unknown model '" + typed + "'" + DidYouMean(typed, ids);
    }
    ReportAt(diags, set.target, 0, target.size(), message, "unknown-reference");
  }
}

}  // namespace

Evaluation Evaluate(Inputs inputs, const Options& given, Diagnostics& diags, int threads) {
  // Without a pinned date, prices are those in force today: a value dated
  // in the future does not become current before its day.
  Options options = given;
  std::string error;
  if (options.today.empty() && !Today(&options.today, &error)) diags.Error({"COSTSITE_TODAY", 0, 0}, error);
  ApplyParamSets(&inputs, options.sets, diags);
  auto core = std::make_shared<EvaluationCore>(std::move(inputs), options);
  DeclareUnits(core.get(), diags);
  core->prices = std::make_unique<PriceBook>(core->inputs, core->units, diags);
  core->providers = core->prices->Views();
  auto data = std::make_shared<EvaluationData>();
  data->core = core;
  {
    std::vector<const ModelDef*> models;
    for (const auto& m : core->inputs.models) models.push_back(&m);
    Engine engine(core->units, *core->prices, core->options, std::move(models), nullptr, diags);
    // A site of many independent models (one per report, say) evaluates on
    // every core; models that read each other stay in one group.
    std::vector<std::vector<size_t>> groups;
    if (threads > 1 && engine.model_count() > 1) RunOnLargeStack([&] { groups = engine.Groups(); });
    if (groups.size() > 1) data->results = EvaluateGroups(engine, groups, threads, diags);
    else RunOnLargeStack([&] { EvaluateModels(engine, &data->results); });
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
