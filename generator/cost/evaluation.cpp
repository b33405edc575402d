#include "cost/evaluation.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "cost/engine.h"
#include "cost/evaluation_data.h"
#include "cost/inputs_json.h"

namespace costsite::cost {

Shared<Unit> InternUnit(Unit unit) {
  // By text, then every field: two units of one text differ in their scale
  // or words only across sites (serve after an edit of `units:`). Entries are
  // weak: a unit no result holds any more is freed, and its slot reused.
  static std::mutex mutex;
  static std::unordered_map<std::string, std::vector<std::weak_ptr<const Unit>>> table;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slots = table[unit.text];
  std::weak_ptr<const Unit>* free_slot = nullptr;
  for (auto& slot : slots) {
    std::shared_ptr<const Unit> held = slot.lock();
    if (!held) {
      free_slot = &slot;
      continue;
    }
    if (held->scale == unit.scale && held->dim == unit.dim && held->declared == unit.declared)
      return Shared<Unit>(std::move(held));
  }
  auto made = std::make_shared<const Unit>(std::move(unit));
  if (free_slot) {
    *free_slot = made;
  } else {
    slots.push_back(made);
  }
  return Shared<Unit>(std::move(made));
}

SharedValue<Explanation> ShareExplanation(Explanation e) {
  if (e.formula.empty() || !e.inputs.empty() || !e.prices.empty() || !e.fx.empty() || !e.conversions.empty())
    return SharedValue<Explanation>(std::move(e));
  static std::mutex mutex;
  static std::unordered_map<std::string, std::weak_ptr<const Explanation>> table;
  std::lock_guard<std::mutex> lock(mutex);
  std::weak_ptr<const Explanation>& slot = table[e.formula];
  if (std::shared_ptr<const Explanation> held = slot.lock()) return SharedValue<Explanation>(std::move(held));
  auto made = std::make_shared<const Explanation>(std::move(e));
  slot = made;
  return SharedValue<Explanation>(std::move(made));
}

std::string Figure::Per() const {
  if (!IsMoney()) return {};
  return SplitMoneyUnit(unit->text).second;
}

const Figure* ModelResult::Find(std::string_view id) const {
  for (const auto& f : params) {
    if (f.id == id) return &f;
  }
  for (const auto& i : items) {
    if (i.cost.id == id) return &i.cost;
  }
  for (const auto& g : groups) {
    if (g.subtotal.id == id) return &g.subtotal;
  }
  for (const auto& f : shares) {
    if (f.id == id) return &f;
  }
  if (total && id == "total") return &*total;
  for (const auto& f : figures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

std::vector<const Figure*> ModelResult::AllFigures() const {
  std::vector<const Figure*> out;
  for (const auto& f : params) out.push_back(&f);
  for (const auto& i : items) out.push_back(&i.cost);
  for (const auto& g : groups) out.push_back(&g.subtotal);
  for (const auto& f : shares) out.push_back(&f);
  if (total) out.push_back(&*total);
  for (const auto& f : figures) out.push_back(&f);
  return out;
}

Evaluation::Evaluation() {
  Diagnostics ignored;
  auto core = std::make_shared<EvaluationCore>(Inputs{}, Options{});
  core->prices = std::make_unique<PriceBook>(core->inputs, core->units, ignored);
  auto data = std::make_shared<EvaluationData>();
  data->core = std::move(core);
  data_ = std::move(data);
}

namespace {

// FNV-1a over length-prefixed fields, so ("ab", "c") and ("a", "bc") differ.
class Hasher {
 public:
  void Add(std::string_view s) {
    Add(static_cast<uint64_t>(s.size()));
    for (unsigned char c : s) h_ = (h_ ^ c) * 1099511628211ull;
  }
  void Add(uint64_t v) {
    for (int i = 0; i < 8; ++i, v >>= 8) h_ = (h_ ^ (v & 0xFF)) * 1099511628211ull;
  }
  void Add(bool b) { Add(static_cast<uint64_t>(b)); }
  void Add(const LineCol& p) {
    Add(static_cast<uint64_t>(p.line));
    Add(static_cast<uint64_t>(p.col));
  }
  void Add(const SourcePos& p) {
    Add(p.path);
    Add(static_cast<uint64_t>(p.line));
    Add(static_cast<uint64_t>(p.col));
  }
  void Add(const LocalizedText& t) {
    Add(static_cast<uint64_t>(t.size()));
    for (const auto& [lang, text] : t) Add(lang), Add(text);
  }
  void Add(const Interval& v) {
    Add(v.lo.ToString());
    Add(v.hi.ToString());
  }
  void Add(const Unit& u) {
    Add(u.text);
    Add(u.scale.ToString());
    Add(u.dim.currency);
    for (int e : u.dim.exp) Add(static_cast<uint64_t>(e));
    for (const auto& [kind, e] : u.dim.kinds) Add(kind), Add(static_cast<uint64_t>(e));
  }
  void Add(const PriceUse& p) {
    for (const std::string* s : {&p.id, &p.variant, &p.date, &p.since, &p.source}) Add(*s);
    Add(p.value);
    Add(p.unit);
    Add(p.provider_name);
    Add(p.label);
    Add(p.variant_label);
  }
  void Add(const FxUse& x) {
    for (const std::string* s : {&x.base, &x.quote, &x.date, &x.source}) Add(*s);
    Add(x.rate.ToString());
  }
  void Add(const InputUse& in) {
    Add(in.name);
    Add(in.label);
    Add(in.scenario->id);
    Add(in.scenario->label);
    Add(in.share);
    Add(in.is_bool);
    Add(in.bool_value);
    Add(in.value);
    Add(in.unit);
  }
  void Add(const Figure& f) {
    Add(f.id);
    Add(f.explain->formula);
    Add(f.unit);
    Add(f.label);
    Add(f.value);
    Add(f.is_bool);
    Add(f.bool_value);
    Add(f.pos);
    Add(static_cast<uint64_t>(f.explain->inputs.size()));
    for (const InputUse& in : f.explain->inputs) Add(in);
    Add(static_cast<uint64_t>(f.explain->prices.size()));
    for (const PriceUse& p : f.explain->prices) Add(p);
    for (const FxUse& fx : f.explain->fx) Add(fx);
    for (const ConversionUse& c : f.explain->conversions) Add(c);
  }
  void Add(const ConversionUse& c) {
    Add(c.from_value);
    Add(c.from);
    Add(c.factor);
    Add(c.factor_unit);
    Add(c.to_value);
    Add(c.to);
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 14695981039346656037ull;
};

// Orders results by model, then scenario, then place: the first of equal
// keys is the one a scan would find.
std::pair<std::string_view, std::string_view> KeyOf(const ResultList& results, uint32_t i) {
  return {results.model(i), results.scenario(i)};
}

}  // namespace

Evaluation::Evaluation(std::shared_ptr<const EvaluationData> data) : data_(std::move(data)) {
  // Read without the results, which may be in a file.
  const ResultList& results = data_->results;
  std::vector<uint32_t> index(results.size());
  for (size_t i = 0; i < index.size(); ++i) index[i] = static_cast<uint32_t>(i);
  std::stable_sort(index.begin(), index.end(),
                   [&](uint32_t a, uint32_t b) { return KeyOf(results, a) < KeyOf(results, b); });
  index_ = std::make_shared<const std::vector<uint32_t>>(std::move(index));
}

size_t Evaluation::PlaceOf(std::string_view model, std::string_view scenario) const {
  const ResultList& results = data_->results;
  if (!index_) return results.size();  // the empty evaluation
  std::pair<std::string_view, std::string_view> key{model, scenario};
  auto it = std::lower_bound(index_->begin(), index_->end(), key,
                             [&](uint32_t i, const auto& k) { return KeyOf(results, i) < k; });
  return it != index_->end() && KeyOf(results, *it) == key ? *it : results.size();
}

const ModelResult* Evaluation::Find(std::string_view model, std::string_view scenario) const {
  size_t at = PlaceOf(model, scenario);
  return at == data_->results.size() ? nullptr : &data_->results[at];
}

bool Evaluation::HasInputs() const { return data_ && data_->core && !data_->core->inputs.models.empty(); }

std::string Evaluation::WhatIfInputs(const std::vector<std::string>& models) const {
  if (!data_ || !data_->core || (!HasInputs() && data_->extra.empty())) return "";
  std::vector<const ModelDef*> extra;
  for (const auto& m : data_->extra) extra.push_back(m.get());
  return InputsToJson(InputsFor(data_->core->inputs, models, extra), data_->core->options);
}

const std::string& Evaluation::AsOf() const {
  static const std::string kNone;
  return data_ && data_->core ? data_->core->options.as_of : kNone;
}

uint64_t Fingerprint(const ModelResult& r) {
  Hasher h;
  for (const std::string* s : {&r.model, &r.scenario, &r.as_of, &r.source_line}) h.Add(*s);
  h.Add(r.title);
  h.Add(r.pos);
  h.Add(static_cast<uint64_t>(r.params.size()));
  for (const Figure& f : r.params) h.Add(f);
  h.Add(static_cast<uint64_t>(r.inputs.size()));
  for (const InputRange& in : r.inputs) {
    h.Add(in.param), h.Add(Interval(in.min, in.max)), h.Add(in.step.has_value());
    if (in.step) h.Add(Interval(*in.step));
  }
  h.Add(static_cast<uint64_t>(r.items.size()));
  for (const LineItem& i : r.items) {
    h.Add(i.id), h.Add(i.label), h.Add(i.group), h.Add(i.cost), h.Add(Interval(i.share));
    h.Add(i.quantity.has_value());
    if (i.quantity) h.Add(*i.quantity);
    h.Add(i.unit_price.has_value());
    if (i.unit_price) h.Add(*i.unit_price);
    h.Add(i.factor.has_value());
    if (i.factor) h.Add(*i.factor);
  }
  h.Add(static_cast<uint64_t>(r.groups.size()));
  for (const Group& g : r.groups) h.Add(g.id), h.Add(g.label), h.Add(g.subtotal), h.Add(Interval(g.share));
  h.Add(r.total.has_value());
  if (r.total) h.Add(*r.total);
  h.Add(static_cast<uint64_t>(r.figures.size()));
  for (const Figure& f : r.figures) h.Add(f);
  h.Add(static_cast<uint64_t>(r.rules.size()));
  for (const RuleResult& rule : r.rules) {
    h.Add(rule.id), h.Add(rule.label), h.Add(rule.recommendation), h.Add(rule.holds), h.Add(rule.when), h.Add(rule.pos), h.Add(rule.condition);
    h.Add(rule.measured.has_value());
    if (rule.measured) h.Add(*rule.measured);
  }
  h.Add(static_cast<uint64_t>(r.expectations.size()));
  for (const ExpectationResult& x : r.expectations) {
    h.Add(x.figure), h.Add(x.stated_text), h.Add(x.stated), h.Add(x.computed), h.Add(x.unit);
    h.Add(x.ok), h.Add(x.known_discrepancy), h.Add(x.source), h.Add(x.note), h.Add(x.pos);
  }
  h.Add(static_cast<uint64_t>(r.scenarios.size()));
  for (const ScenarioInfo& sc : r.scenarios) h.Add(sc.id), h.Add(sc.label);
  h.Add(static_cast<uint64_t>(r.shares.size()));
  for (const Figure& f : r.shares) h.Add(f);
  for (const std::string& u : r.uses) h.Add(u);
  return h.value();
}

const ProviderView* Evaluation::FindProvider(std::string_view id) const {
  for (const auto& p : data_->core->providers) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const ResultList& Evaluation::results() const { return data_->results; }
const std::vector<ProviderView>& Evaluation::providers() const { return data_->core->providers; }

const std::vector<UnitNames>& Evaluation::declared_units() const {
  static const std::vector<UnitNames> kNone;
  const DeclaredUnits& d = data_->core->declared_units;
  return d ? *d : kNone;
}

const PriceShape* DatedPrice::ShapeOf(std::string_view variant) const {
  for (const auto& [name, shape] : shapes)
    if (name == variant) return &shape;
  return nullptr;
}

const LocalizedText* ProviderView::VariantLabel(std::string_view variant) const {
  for (const auto& [name, label] : variant_labels)
    if (name == variant) return &label;
  return nullptr;
}

bool Evaluation::Reexpress(const Figure& f, const ModelResult& in, std::string_view unit_text,
                           Figure* out, std::string* error) const {
  const EvaluationCore& core = *data_->core;
  if (f.is_bool) {
    *error = "'" + f.id + "' is true/false and has no unit";
    return false;
  }
  UnitError uerr;
  const Unit* from = &*f.unit;
  auto to = ParseUnit(unit_text, core.units, &uerr);
  if (!to) {
    *error = uerr.message;
    return false;
  }
  Interval canonical = f.value * Interval(from->scale);
  Dimension dim = from->dim;
  std::optional<FxUse> fx;
  if (dim.IsMoney() && to->dim.IsMoney() && dim.currency != to->dim.currency) {
    std::string date = in.as_of.empty() ? core.options.as_of : in.as_of;
    if (date.empty()) date = core.options.today;
    Decimal factor;
    FxUse used;
    if (!core.prices->Rate(dim.currency, to->dim.currency, date, &factor, &used, error)) return false;
    fx = used;
    std::optional<Decimal> power = factor.Pow(static_cast<int64_t>(dim.exp[kMoney]));
    if (!power) {
      *error = "cannot convert " + f.unit->text + " to " + to->text +
               ": the exchange rate cannot be raised to that power";
      return false;
    }
    canonical = canonical * Interval(*power);
    dim.currency = to->dim.currency;
  }
  if (dim != to->dim) {
    *error = "unit mismatch: cannot express " + f.unit->text + " in " + to->text;
    return false;
  }
  Figure copy = f;
  copy.value = *Divide(canonical, Interval(to->scale));
  copy.unit = *to;
  // The time step comes after the currency one: 1,500 CNY/day × 30.4 day/month.
  std::optional<Unit> shown = f.unit;
  if (fx) {
    auto [currency, per] = SplitMoneyUnit(f.unit->text);
    shown = ParseUnit(to->dim.currency + (per.empty() ? "" : "/" + per), core.units, nullptr);
  }
  if (shown && shown->dim == to->dim) {
    if (auto c = TimeConversion(*Divide(canonical, Interval(shown->scale)), *shown, *to, core.units)) {
      // Shown in the unit its last step converted from (a daily fee made
      // monthly, asked for per day): that step is undone, not walked back.
      std::vector<ConversionUse>& steps = copy.explain.Edit().conversions;
      if (!steps.empty() && steps.back().from->text == to->text && steps.back().to->text == shown->text &&
          steps.back().from->scale == to->scale)
        steps.pop_back();
      else
        steps.push_back(std::move(*c));
    }
  }
  if (fx && std::find(copy.explain->fx.begin(), copy.explain->fx.end(), *fx) == copy.explain->fx.end())
    copy.explain.Edit().fx.push_back(*fx);
  *out = std::move(copy);
  return true;
}

}  // namespace costsite::cost
