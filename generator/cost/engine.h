// The evaluator behind cost::Evaluate: resolves names to figures of models and
// scenarios, memoises each figure once per (model, scenario), detects cycles,
// and evaluates formula trees with dimensional analysis. Internal to the cost stage.
#ifndef COSTSITE_COST_ENGINE_H_
#define COSTSITE_COST_ENGINE_H_

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "base/diagnostics.h"
#include "base/heap_optional.h"
#include "cost/evaluation.h"
#include "cost/formula.h"
#include "cost/inputs.h"
#include "cost/prices.h"
#include "cost/units.h"

namespace costsite::cost {

/// A value during evaluation: canonical bases, its dimension, and the unit it
/// is best shown in (the one it was written in, when known).
struct Value {
  bool is_bool = false;
  bool flag = false;
  Interval v;
  Dimension dim;
  std::optional<Unit> display;
};

/// The unit of `v` as messages name it: its written unit, else the canonical
/// one; "a number" when it has none.
std::string UnitText(const Value& v);
/// `unit` as it is shown: money written with a number in front of its
/// currency ("1000 USD/month") in the currency's own unit ("USD/month").
Unit ShownUnit(const Unit& unit);
/// The unit `v` is best shown in: its written unit (ShownUnit), else the canonical one.
Unit DisplayUnit(const Value& v);
/// `v` converted into `unit` (REQUIRES: same dimension).
Interval InUnit(const Value& v, const Unit& unit);
Interval InUnit(const Interval& v, const Unit& unit);
/// A unit for a product or quotient `dim` that neither operand's written
/// unit gives, keeping the "per" time they were written with: 1M queries/month
/// × 1,500 tokens/query is "tokens/month", not the canonical "tokens/h".
std::optional<Unit> PerTimeUnit(const Dimension& dim, const Value& a, const Value& b, const UnitTable& units);
/// The factor that makes quantity × factor × price read in `cost`'s unit when
/// their times differ ("730 h/month" for a count × USD/h costed per month);
/// nullopt when none is needed or the times are not one "per" each.
std::optional<Figure> TimeFactor(const Unit& quantity, const Unit& price, const Unit& cost,
                                 const UnitTable& units);
/// The step that re-expresses `value` (in `from`) in `to` when the two differ
/// in their "per" time only ("USD/day" to "USD/month"); nullopt otherwise.
std::optional<ConversionUse> TimeConversion(const Interval& value, const Unit& from, const Unit& to,
                                            const UnitTable& units);

/// What one formula used, in first-use order.
struct Trace {
  Explanation explain;
  /// `in`'s name, label and scenario with the value `v`.
  void AddInput(InputUse in, const Value& v);
  void AddInput(const InputUse& in);
  void AddPrice(const Shared<PriceUse>& p);
  void AddFx(const FxUse& fx);
  /// Notes that `v` (shown in `from`) is now shown in `to`, when that
  /// changes its "per" time.
  void AddConversion(const Value& v, const Unit& from, const Unit& to, const UnitTable& units);
  void Absorb(const Explanation& other);  // prices and fx of a referenced figure

 private:
  // What was added, once there is much of it: a total of N items adds N
  // inputs, and looking each up in the list was quadratic.
  bool NewInput(const std::string& name);  // true, and remembered, when not added yet
  std::unordered_set<std::string> input_names_;
  std::unordered_set<std::string> price_keys_;
};

/// Which formula of a model is evaluated, to name the ranges written in it:
/// each is one uncertain input, shared by every scenario that evaluates the
/// same formula.
struct Origin {
  std::string_view id;        // the param, item, figure or rule
  std::string_view part;      // "quantity", "price", "when"…; "" for the whole
  std::string_view scenario;  // the scenario that overrides the param; "" for a shared formula
};

/// One formula being evaluated: where it is, in which model and scenario.
struct Scope {
  size_t model = 0;
  std::string scenario;
  const Located* src = nullptr;
  Trace* trace = nullptr;
  Origin origin;
};

/// The name of the uncertain input a range written in a formula is:
/// "model|param[scenario]@offset" for a scenario's override of a param,
/// "model|item.quantity@offset" for an item's quantity, and so on.
std::string RangeSource(const std::string& model, const Origin& o, size_t offset);

/// Every formula of `d`, scenarios', rules' and expectations' included.
std::vector<const Located*> FormulasOf(const ModelDef& d);

/// Models 0…n-1 joined into the groups that evaluate together (models that
/// read each other, directly or not).
class ModelGroups {
 public:
  explicit ModelGroups(size_t n);
  void Join(size_t a, size_t b);
  /// The groups of the models `keep` holds (every model when empty), each
  /// one's indices ascending, ordered by their first model.
  std::vector<std::vector<size_t>> Groups(const std::vector<char>& keep = {});

 private:
  size_t Root(size_t m);
  std::vector<size_t> parent_;
};

class Engine {
 public:
  Engine(const UnitTable& units, const PriceBook& prices, const Options& options,
         std::vector<const ModelDef*> models, const Evaluation* prior, Diagnostics& diags);
  /// An engine for a group of the models `checked` holds (see Groups): the
  /// checks its constructor ran are not reported again, nor the formulas
  /// it failed to parse (Groups keeps only those). REQUIRES: `checked`
  /// outlives this engine and is not changed while it works.
  Engine(const Engine& checked, std::vector<const ModelDef*> models, Diagnostics& diags);

  /// The models in groups that evaluate independently: no formula of one
  /// group names a model of another. Each group's indices ascend; groups are
  /// ordered by their first model. Parses (and reports) every formula, and
  /// frees each model's parses once it knows what the model reads.
  std::vector<std::vector<size_t>> Groups();

  /// Builds the result of model `m` in `scenario` ("" = base).
  ModelResult Build(size_t m, const std::string& scenario);
  /// The ids of the models that some other model's formulas name.
  std::set<std::string> ReadByOthers();
  /// The other models that model m's formulas name (those ReadByOthers counts).
  std::vector<std::string> Reads(size_t m) { return ModelsRead(m); }
  /// The prices ("aws/p4d.24xlarge") that model m's formulas and scenarios
  /// name, sorted: a change of any other price leaves its results as they are.
  std::vector<std::string> PricesRead(size_t m);
  /// Drops what was memoised for model `m`. REQUIRES: no model still to be
  /// built reads it (see ReadByOthers).
  void Forget(size_t m);
  /// Drops what was memoised for model `m` in `scenario` (not its base
  /// case): a figure read again is computed again, so this is always safe,
  /// and it keeps the memo to one scenario at a time.
  void ForgetScenario(size_t m, const std::string& scenario);
  size_t model_count() const { return models_.size(); }
  const ModelDef& model(size_t m) const { return *defs_[m]; }
  /// Frees what checking model m made (its names, indexes and unit; model(m)
  /// stays): once the engine of m's group has evaluated it, this engine reads
  /// them no more. At one model per report, the checking engine's models
  /// were 42 MB of the peak at 50,000 reports. Safe from several threads for
  /// distinct models.
  void ReleaseChecked(size_t m);

 private:
  enum class State { kPending, kBusy, kDone, kFailed };
  struct Entry {
    State state = State::kPending;
    Value value;
    // Shared with the figures made of this entry (ToFigure): a figure and its
    // share, an item's cost and the explanations of every scenario that does
    // not change it hold one value, not a copy each.
    SharedValue<Explanation> explain;
    std::optional<Value> quantity;
    SharedValue<Explanation> quantity_explain;
    SharedOptional<PriceUse> unit_price;
    std::optional<Figure> factor;  // see TimeFactor
    bool undefined = false;        // a share of a total that is zero: no number
    std::optional<InputRange> input;  // an adjustable param's bounds (CheckInput)
  };
  enum class Kind { kParam, kItem, kFigure };
  // A param, item or figure of a model by its id.
  struct Name {
    std::string_view id;  // the definition's own: the record is freed first (ReleaseChecked)
    Kind kind;
    uint32_t index;  // in the definition's params, items or figures
  };
  // Every model of a site is checked before the first evaluates (one per
  // report: 50,000 at once), so what is held per model is kept small: the
  // total's unit shared (InternUnit) rather than 184 bytes inline, the names
  // in one sorted array of the definition's ids rather than a tree node and
  // a copy each, and its date read from the definition (AsOf).
  struct Model {
    const ModelDef* def = nullptr;
    std::shared_ptr<const Unit> total_unit;  // null: the model declares no unit
    // Sorted by id, for FindName; made only for a model of more than
    // kScannedNames (a small model's definition is scanned: an array of
    // names was 160 bytes of every record, with a model per report).
    std::vector<Name> names;
    static constexpr size_t kScannedNames = 16;
    /// The param, item or figure named `id`: the first of its params, items
    /// and figures (a later one of the same id is reported by Check).
    std::optional<Name> FindName(std::string_view id) const {
      if (!names.empty()) {
        auto it = std::lower_bound(names.begin(), names.end(), id,
                                   [](const Name& n, std::string_view key) { return n.id < key; });
        if (it != names.end() && it->id == id) return *it;
        return std::nullopt;
      }
      if (id == "total" || id == "subtotal" || id == "share") return std::nullopt;  // never a name (Check)
      for (size_t i = 0; i < def->params.size(); ++i)
        if (def->params[i].id == id) return Name{def->params[i].id, Kind::kParam, static_cast<uint32_t>(i)};
      for (size_t i = 0; i < def->items.size(); ++i)
        if (def->items[i].id() == id) return Name{def->items[i].id(), Kind::kItem, static_cast<uint32_t>(i)};
      for (size_t i = 0; i < def->figures.size(); ++i)
        if (def->figures[i].id() == id) return Name{def->figures[i].id(), Kind::kFigure, static_cast<uint32_t>(i)};
      return std::nullopt;
    }
    // Indexes of `def` made once (Check), so that a lookup does not scan it;
    // on the heap only for a model with grouped items or scenarios (two
    // empty maps were 96 of a record's 192 bytes).
    struct Indexes {
      std::map<std::string, std::vector<size_t>, std::less<>> group_items;  // in item order
      std::map<std::string, std::vector<size_t>, std::less<>> scenarios;    // by id, in order
    };
    HeapOptional<Indexes> indexes;
    /// The items of group `g`, in item order; null when none.
    const std::vector<size_t>* GroupItems(std::string_view g) const {
      if (!indexes) return nullptr;
      auto it = indexes->group_items.find(g);
      return it == indexes->group_items.end() ? nullptr : &it->second;
    }
    /// The places in def->scenarios of scenario `id`, in order; null when none.
    const std::vector<size_t>* ScenarioPlaces(std::string_view id) const {
      if (!indexes) return nullptr;
      auto it = indexes->scenarios.find(id);
      return it == indexes->scenarios.end() ? nullptr : &it->second;
    }
    SharedList<ScenarioInfo> scenario_infos;
    std::optional<std::vector<std::string>> reads;  // ModelsRead, once computed
  };
  // A sum of items twice over: with their inputs (a shared input cancels, so
  // the sum may be narrower than its items' ends add up to), and the sums of
  // their ends alone, from which the ends of every other item are one
  // subtraction away.
  struct ItemSum {
    Interval sum;
    Decimal lo_ends, hi_ends;
  };
  // What the shares of a model in one scenario are computed from, summed
  // once rather than once per share.
  struct ShareBasis {
    bool ok = false;
    bool any_negative = false;
    ItemSum all;                                            // every item
    std::map<std::string, ItemSum, std::less<>> by_group;  // each group's items
  };
  enum class Lookup { kFound, kFailed, kUnknown };

  void Check(size_t m);
  void CheckScenarioVariant(size_t m, const ScenarioDef& sc);
  // Every reference in `formulas` (parsed once each), in order.
  std::vector<const Node*> ReferencesIn(const std::vector<const Located*>& formulas);
  // Every variant name the entries have at any date, sorted.
  std::vector<std::string> VariantNames(const std::vector<const CompiledEntry*>& entries) const;
  // Figure `id` of model m in `scenario`; kUnknown when m has no such figure.
  Lookup Get(size_t m, const std::string& scenario, const std::string& id, const Scope* from,
             const Node* at, const Entry** out);
  bool Compute(size_t m, const std::string& scenario, const std::string& id, Entry* e);
  /// An adjustable parameter (`input:`): its bounds are single values in its
  /// unit, min <= max, and `v` (the author's or a `--set` value at `src`) lies
  /// between them.
  bool CheckInput(size_t m, const ParamDef& p, const Located& src, const Value& v, Entry* e);
  bool ComputeItem(size_t m, const std::string& scenario, const ItemDef& item, Entry* e);
  bool ComputeSum(size_t m, const std::string& scenario, const std::string& group, Entry* e);
  bool ComputeShare(size_t m, const std::string& scenario, const std::string& of, Entry* e);
  bool HasFigure(size_t m, std::string_view id) const;
  /// The date model m's prices and rates are pinned to in `scenario`: the
  /// scenario's `as_of`, else the model's, else the site's; "" = none.
  std::string AsOf(size_t m, const std::string& scenario) const;
  /// AsOf, or today when nothing is pinned: the date prices are looked up on.
  std::string DateOf(size_t m, const std::string& scenario) const;
  /// The first scenario of model m named `id`; nullptr if none.
  const ScenarioDef* FindScenario(size_t m, const std::string& id) const;
  const ShareBasis& Basis(size_t m, const std::string& scenario);
  /// What the items of `all` but those of `part` add up to.
  static Interval RestOf(const ItemSum& all, const ItemSum& part);
  // The other models (of this evaluation or the prior one) that m's formulas name.
  std::vector<std::string> ModelsRead(size_t m);
  std::vector<std::string> ReadFromFormulas(size_t m);
  std::optional<Value> EvalLocated(const Located& src, size_t m, const std::string& scenario,
                                   Trace* trace, Origin origin);
  bool CheckDeclared(const Located& unit_src, const Located& at, Value* v, Trace* trace);
  /// Shows `v` in `unit`, noting in `trace` a change of its "per" time.
  void ShowIn(const Unit& unit, Value* v, Trace* trace) const;
  /// The label model m declares for figure `id` (a param, item, figure,
  /// group subtotal, or its title for "total"); empty when none.
  LocalizedText LabelOf(size_t m, std::string_view id) const;
  /// An input naming figure `id` of model m, read in `scenario`.
  InputUse NameInput(std::string name, size_t m, std::string_view id, const std::string& scenario) const;
  // The left side of rule `rule`'s comparison in model m, for RuleResult::measured.
  std::optional<Figure> Measured(const RuleDef& rule, size_t m, const std::string& scenario);
  std::optional<ExpectationResult> CheckExpectation(size_t m, const std::string& scenario,
                                                    const ExpectationDef& x);

  // Formula evaluation (eval.cpp).
  std::optional<Value> Eval(const Node& n, Scope& s);
  std::optional<Value> EvalName(const Node& n, Scope& s);
  std::optional<Value> EvalPrice(const Node& n, Scope& s);
  /// The price `n` (a kPrice node) names, in the variant its scenario picks,
  /// in force at the model's date; false after reporting.
  bool ResolvePrice(const Node& n, Scope& s, PriceFound* out);
  /// tiered(@price, quantity): the charge for the quantity under the price's tiers.
  std::optional<Value> EvalTiered(const Node& n, Scope& s);
  /// actual(column="value", …, period=YYYY-MM): the export's spend, from options_.actuals (actual.cpp).
  std::optional<Value> EvalActual(const Node& n, Scope& s);
  std::optional<Value> EvalBinary(const Node& n, Scope& s);
  /// Applies binary node `n` to its evaluated left operand and its right one.
  std::optional<Value> CombineBinary(const Node& n, Scope& s, Value left);
  std::optional<Value> EvalCompare(const Node& n, Scope& s);
  std::optional<Value> EvalRange(const Node& n, Scope& s);
  std::optional<Value> EvalPower(const Node& n, Scope& s, const Value& base, const Value& exponent);
  std::optional<Value> EvalCall(const Node& n, Scope& s);
  std::optional<Value> EvalMath(const Node& n, Scope& s, std::vector<Value>& args);
  std::optional<Value> EvalUnitCall(const Node& n, Scope& s);
  /// `result` of call `n` (a step that is not linear) of `args`, as an input
  /// of its own (Derived): named by its arguments, else by its place and scenario.
  Interval Named(const Interval& result, const Node& n, const Scope& s, std::string_view step,
                 std::span<const Interval* const> args);
  std::optional<Value> Number(const Node& n, Scope& s, const Value& v, std::string_view what);
  bool Same(const Node& at, Scope& s, const Value& a, const Value& b, std::string_view verb);
  std::optional<Value> Fx(const Node& at, Scope& s, const Value& v, const std::string& currency);
  std::optional<Value> FromPrior(const Node& n, Scope& s, std::string_view model,
                                 std::string_view scenario, std::string_view figure);
  /// The currency a conversion hint names: the one of the model's total
  /// (`unit:`), else `fallback`'s.
  std::string ModelCurrency(const Scope& s, const Value& fallback) const;
  void Fail(const Node& at, const Scope& s, std::string message, std::string code);
  void Report(const Located& src, size_t offset, size_t length, std::string message,
              std::string code, Severity severity = Severity::kError);
  /// Reports an unknown reference to provider or model `id`: an error, or a
  /// note when `id`'s file is not YAML (its syntax error is the mistake).
  void ReportUnknown(const Located& src, size_t offset, size_t length, std::string message,
                     std::string_view id);
  /// Reports `message` as a note that follows from the syntax error in `file`.
  void FollowsFrom(const Located& src, size_t offset, size_t length, const std::string& message,
                   const std::string& file);
  const Node* Parsed(const Located& src);

  const UnitTable& units_;
  const PriceBook& prices_;
  const Options& options_;
  // Each by a pointer, so that ReleaseChecked frees the whole record (424
  // bytes, 21 MB at 50,000 models, held to the end of the evaluation when
  // the records were inline); null once released.
  std::vector<std::unique_ptr<Model>> models_;
  std::vector<const ModelDef*> defs_;  // models_[m]->def, kept when it is released
  std::map<std::string, size_t, std::less<>> model_index_;
  const Evaluation* prior_;
  Diagnostics& diags_;
  std::map<std::tuple<size_t, std::string, std::string>, Entry> memo_;
  std::map<std::pair<size_t, std::string>, ShareBasis> share_basis_;
  std::vector<std::tuple<size_t, std::string, std::string>> stack_;
  std::map<const Located*, std::unique_ptr<Node>> parsed_;
  const std::map<const Located*, std::unique_ptr<Node>>* shared_parsed_ = nullptr;  // read-only, of `checked`: its failed parses
  bool quiet_ = false;  // constructing from an engine that already reported its checks
  std::set<std::tuple<std::string, int, int, std::string>> reported_;
};

}  // namespace costsite::cost

#endif  // COSTSITE_COST_ENGINE_H_
