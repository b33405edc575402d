#include "cost/evaluation.h"

#include "cost/evaluation_data.h"

namespace costsite::cost {

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

std::string ResultKey(std::string_view model, std::string_view scenario) {
  std::string key(model);
  key += '\0';
  key += scenario;
  return key;
}

}  // namespace

Evaluation::Evaluation(std::shared_ptr<const EvaluationData> data) : data_(std::move(data)) {
  auto index = std::make_shared<std::unordered_map<std::string, size_t>>();
  for (size_t i = 0; i < data_->results.size(); ++i) {
    const ModelResult& r = data_->results[i];
    index->emplace(ResultKey(r.model, r.scenario), i);  // the first wins, as a scan would
  }
  index_ = std::move(index);
}

const ModelResult* Evaluation::Find(std::string_view model, std::string_view scenario) const {
  if (!index_) return nullptr;  // the empty evaluation
  auto it = index_->find(ResultKey(model, scenario));
  return it == index_->end() ? nullptr : &data_->results[it->second];
}

const ProviderView* Evaluation::FindProvider(std::string_view id) const {
  for (const auto& p : data_->core->providers) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const std::vector<ModelResult>& Evaluation::results() const { return data_->results; }
const std::vector<ProviderView>& Evaluation::providers() const { return data_->core->providers; }

bool Evaluation::Reexpress(const Figure& f, std::string_view model, std::string_view unit_text,
                           Figure* out, std::string* error) const {
  const EvaluationCore& core = *data_->core;
  if (f.is_bool) {
    *error = "'" + f.id + "' is true/false and has no unit";
    return false;
  }
  UnitError uerr;
  auto from = ParseUnit(f.unit, core.units, &uerr);
  auto to = ParseUnit(unit_text, core.units, &uerr);
  if (!from || !to) {
    *error = uerr.message;
    return false;
  }
  Interval canonical = f.value * Interval(from->scale);
  Dimension dim = from->dim;
  std::string fx;
  if (dim.IsMoney() && to->dim.IsMoney() && dim.currency != to->dim.currency) {
    const ModelResult* r = Find(model);
    std::string date = r ? r->as_of : core.options.as_of;
    Decimal factor;
    if (!core.prices->Rate(dim.currency, to->dim.currency, date, &factor, &fx, error)) return false;
    canonical = canonical * Interval(*factor.Pow(static_cast<int64_t>(dim.exp[kMoney])));
    dim.currency = to->dim.currency;
  }
  if (dim != to->dim) {
    *error = "unit mismatch: cannot express " + f.unit + " in " + to->text;
    return false;
  }
  Figure copy = f;
  copy.value = *Divide(canonical, Interval(to->scale));
  copy.unit = to->text;
  auto [currency, per] = SplitMoneyUnit(copy.unit);
  copy.currency = dim.IsMoney() ? (currency.empty() ? dim.currency : currency) : "";
  copy.per = dim.IsMoney() ? per : "";
  if (!fx.empty()) copy.explain.fx.push_back(fx);
  *out = std::move(copy);
  return true;
}

std::string FormatNumber(const Decimal& value, bool money) {
  // Below 1e-20 is the residue of a cancellation (-100 + 110 / 1.1), not a figure.
  Decimal v = value.Abs() < *Decimal::Parse("1e-20") ? Decimal(0) : value;
  Decimal a = v.Abs();
  if (money) {
    if (a.IsZero() || a >= *Decimal::Parse("0.1")) return v.ToFixed(2);
    return v.RoundSignificant(3).ToString();
  }
  if (a.IsZero() || a >= Decimal(1)) return v.RoundHalfAwayFromZero(3).ToString();
  return v.RoundSignificant(3).ToString();
}

std::string FormatValue(const Interval& v, bool money) {
  std::string lo = FormatNumber(v.lo, money);
  if (v.IsPoint()) return lo;
  std::string hi = FormatNumber(v.hi, money);
  return lo == hi ? lo : lo + " – " + hi;
}

std::string FormatFigure(const Figure& f) {
  if (f.is_bool) return f.bool_value ? "true" : "false";
  std::string text = FormatValue(f.value, !f.currency.empty());
  if (f.unit.empty()) return text;
  return f.unit == "%" ? text + "%" : text + " " + f.unit;
}

}  // namespace costsite::cost
