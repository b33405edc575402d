// Totals, subtotals and shares of a model, and the assembly of a ModelResult
// from memoised figures.
#include <algorithm>
#include <map>
#include <set>

#include "cost/engine.h"

namespace costsite::cost {
namespace {

Figure ToFigure(const std::string& id, const LocalizedText& label, const Value& v,
                const SharedValue<Explanation>& explain, const SourcePos& pos) {
  Figure f;
  f.id = id;
  f.label = label;
  f.explain = explain;
  f.pos = {pos.line, pos.col};
  if (v.is_bool) {
    f.is_bool = true;
    f.bool_value = v.flag;
    return f;
  }
  f.unit = InternUnit(DisplayUnit(v));
  f.value = InUnit(v, f.unit);
  return f;
}

// Decimals the stated value was written with, as a number shows them: 24000
// -> 0, 0.0117 -> 4 (15 significant digits drop a unit conversion's residue).
int WrittenDecimals(const Decimal& v) {
  std::string t = v.RoundSignificant(15).ToString();
  size_t dot = t.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
}

// Decimals that show `v` with at least two significant digits.
int TwoSignificant(const Decimal& v) {
  if (v.IsZero()) return 0;
  int decimals = 1;
  for (Decimal a = v.Abs(); a < Decimal(10) && decimals < 40; a *= Decimal(10)) ++decimals;
  return decimals - 1;
}

// Without a tolerance, a computed figure matches a stated one when it rounds
// to the stated digits: "24000 USD/month" holds for 24,000.40 but "35" does not
// for 30. Comparing at least two significant digits keeps a stated 0 from
// matching any small amount.
bool MatchesAsWritten(const Decimal& computed, const Decimal& stated) {
  int d = std::max({WrittenDecimals(stated), TwoSignificant(stated), TwoSignificant(computed)});
  return computed.RoundHalfAwayFromZero(d) == stated.RoundHalfAwayFromZero(d);
}

// Ids of item groups: declared ones first, then the others in item order.
std::vector<std::string> GroupIds(const ModelDef& d) {
  std::set<std::string_view> used, listed;
  for (const auto& it : d.items) used.insert(it.group.get());
  std::vector<std::string> out;
  for (const auto& g : d.groups) {
    if (used.count(g.id)) out.push_back(g.id), listed.insert(g.id);
  }
  for (const auto& it : d.items) {
    if (!it.group.empty() && listed.insert(it.group.get()).second) out.push_back(it.group);
  }
  return out;
}

}  // namespace

bool Engine::ComputeSum(size_t m, const std::string& scenario, const std::string& group, Entry* e) {
  const Model& model = *models_[m];
  const ModelDef& d = *model.def;
  bool ok = true, first = true;
  Value sum;
  std::vector<Interval> parts;
  Trace trace;
  static const std::vector<size_t> kNone;
  const std::vector<size_t>* in_group = model.GroupItems(group);
  const std::vector<size_t>& members = in_group ? *in_group : kNone;
  for (size_t k = 0, n = group.empty() ? d.items.size() : members.size(); k < n; ++k) {
    const size_t index = group.empty() ? k : members[k];
    const ItemDef& item = d.items[index];
    if (auto name = model.FindName(item.id()); !name || name->kind != Kind::kItem || name->index != index) {
      ok = false;  // its id names something else first: a duplicate, reported by Check
      continue;
    }
    const Entry* ie = nullptr;
    if (Get(m, scenario, item.id(), nullptr, nullptr, &ie) != Lookup::kFound) {
      ok = false;
      continue;
    }
    const Dimension& want = model.total_unit ? model.total_unit->dim : first ? ie->value.dim : sum.dim;
    if (ie->value.dim != want) {
      std::string expected = model.total_unit ? model.total_unit->text : UnitText(sum);
      Report(item.where, 0, item.id().size(),
             "unit mismatch: item '" + item.id() + "' gives " + UnitText(ie->value) + ", " +
                 (model.total_unit ? "the total is in " : "its group is in ") + expected,
             "unit-mismatch");
      ok = false;
      continue;
    }
    if (first) sum = ie->value, first = false;
    parts.push_back(ie->value.v);
    trace.explain.formula += (trace.explain.formula.empty() ? "" : " + ") + item.id();
    trace.AddInput(NameInput(item.id(), m, item.id(), ""), ie->value);
    trace.Absorb(ie->explain);
  }
  if (!ok) return false;
  if (!first) sum.v = Sum(parts);
  if (first && model.total_unit) sum.dim = model.total_unit->dim;
  if (model.total_unit && model.total_unit->dim == sum.dim) sum.display = *model.total_unit;
  e->value = std::move(sum);
  e->explain = std::move(trace.explain);
  return true;
}

const Engine::ShareBasis& Engine::Basis(size_t m, const std::string& scenario) {
  auto [it, added] = share_basis_.try_emplace({m, scenario});
  ShareBasis& b = it->second;
  if (!added) return b;
  const ModelDef& d = *models_[m]->def;
  std::vector<Interval> all;
  std::map<std::string, std::vector<Interval>, std::less<>> by_group;
  for (const auto& item : d.items) {
    const Entry* ie = nullptr;
    if (Get(m, scenario, item.id(), nullptr, nullptr, &ie) != Lookup::kFound) return b;
    all.push_back(ie->value.v);
    if (!item.group.empty()) by_group[item.group].push_back(ie->value.v);
    b.any_negative = b.any_negative || ie->value.v.lo.IsNegative();
  }
  auto sum_of = [](const std::vector<Interval>& parts) {
    ItemSum s{Sum(parts), Decimal(0), Decimal(0)};
    for (const Interval& p : parts) s.lo_ends = s.lo_ends + p.lo, s.hi_ends = s.hi_ends + p.hi;
    return s;
  };
  b.all = sum_of(all);
  for (const auto& [group, parts] : by_group) b.by_group.emplace(group, sum_of(parts));
  b.ok = true;
  return b;
}

// What the items but `part` add up to, as narrow as the two sums allow: the
// sum with inputs less the part (their shared inputs cancel), and the ends of
// the other items added up. Each holds every value the rest can take, so both
// together do. Subtracting the part's ends from the sum's ends instead would
// pair the part's least value with the total's least, which need not come
// together: a cache hit ratio that lowers the uncached input raises the
// cached one.
Interval Engine::RestOf(const ItemSum& all, const ItemSum& part) {
  Interval with_inputs = all.sum - part.sum;
  Decimal lo = Max(with_inputs.lo, all.lo_ends - part.lo_ends);
  Decimal hi = Min(with_inputs.hi, all.hi_ends - part.hi_ends);
  if (hi < lo) return Ends(with_inputs);  // only residues of inexact quotients part them
  return Interval(lo, hi);
}

bool Engine::ComputeShare(size_t m, const std::string& scenario, const std::string& of, Entry* e) {
  const Model& model = *models_[m];
  const ModelDef& d = *model.def;
  const Entry* total = nullptr;
  if (Get(m, scenario, "total", nullptr, nullptr, &total) != Lookup::kFound) return false;
  std::optional<Name> named = model.FindName(of);
  bool is_item = named && named->kind == Kind::kItem;
  const ShareBasis& basis = Basis(m, scenario);
  if (!basis.ok) return false;
  // The rest is everything but the part: one subtraction per share instead
  // of a sum over the other items, which made a model's shares quadratic.
  ItemSum part_sum{Interval(Decimal(0)), Decimal(0), Decimal(0)};
  if (is_item) {
    const Entry* ie = nullptr;
    if (Get(m, scenario, of, nullptr, nullptr, &ie) != Lookup::kFound) return false;
    part_sum = ItemSum{ie->value.v, ie->value.v.lo, ie->value.v.hi};
  } else if (auto g = basis.by_group.find(of); g != basis.by_group.end()) {
    part_sum = g->second;
  }
  const Interval& part = part_sum.sum;
  Interval rest = RestOf(basis.all, part_sum);
  bool any_negative = basis.any_negative;
  // part / (part + rest) grows with part and shrinks with rest, which keeps the
  // range of a share within [0, 1] for non-negative items.
  Interval share;
  Interval low_den = part.lo + rest.hi, high_den = part.hi + rest.lo;
  if (total->value.v.IsPoint() && total->value.v.lo.IsZero()) {
    // Zero is a valid total (a free model, no use): its shares are not
    // numbers, which only a formula that reads one has to be told.
    e->undefined = true;
    e->value = Value{false, false, Interval(Decimal(0)), Dimension{}, *units_.Find("%")};
    Explanation explain;
    explain.formula = of + " / total";
    e->explain = std::move(explain);
    return true;
  }
  if (!any_negative && !low_den.lo.IsZero() && !high_den.lo.IsZero()) {
    share = Interval(part.lo / low_den.lo, part.hi / high_den.lo);
    // The ends above pair the part's least value with the rest's greatest,
    // as if they were unrelated. When the part and the total read the same
    // ranged inputs (storage and its replication both grow with the data
    // stored), the quotient of their forms holds the share too, and may be
    // far narrower: a part that is always a sixth of the total is 1/6, not
    // 9.1-28.6 %, and a rule `share(a) > 10%` on it holds.
    if (part.form && total->value.v.form)
      if (auto q = Divide(part, total->value.v)) {
        Decimal lo = Max(share.lo, q->lo), hi = Min(share.hi, q->hi);
        if (lo <= hi) {
          Interval narrowed(std::move(lo), std::move(hi));
          if (!narrowed.IsPoint()) narrowed.form = q->form;
          share = std::move(narrowed);
        }
      }
  } else if (auto q = Divide(part, total->value.v)) {
    share = *q;
  } else {
    Report(d.where, 0, d.id.size(), "division by zero: the total of model '" + d.id + "' is zero",
           "division-by-zero");
    return false;
  }
  e->value = Value{false, false, share, Dimension{}, *units_.Find("%")};
  Trace trace;
  trace.explain.formula = of + " / total";
  Value part_value = total->value;
  part_value.v = part;
  trace.AddInput(NameInput(of, m, is_item ? of : "subtotal." + of, ""), part_value);
  trace.AddInput(NameInput("total", m, "total", ""), total->value);
  e->explain = std::move(trace.explain);
  return true;
}

std::optional<Figure> Engine::Measured(const RuleDef& rule, size_t m, const std::string& scenario) {
  const Node* node = Parsed(rule.when);
  if (!node || node->kind != NodeKind::kCompare || node->args.empty()) return std::nullopt;
  Scope s{m, scenario, &rule.when, nullptr, {rule.id, "when", ""}};
  std::optional<Value> left = Eval(*node->args[0], s);  // memoised figures: evaluated already
  if (!left || left->is_bool) return std::nullopt;
  return ToFigure(rule.id, rule.condition, *left, {}, rule.when.pos());
}

ModelResult Engine::Build(size_t m, const std::string& scenario) {
  const Model& model = *models_[m];
  const ModelDef& d = *model.def;
  ModelResult r;
  r.model = d.id;
  r.scenario = scenario;
  r.title = d.title;
  r.as_of = AsOf(m, scenario);
  r.pos = d.where.pos();
  r.source_line = d.where.line();
  r.uses = SharedList<std::string>(ModelsRead(m));
  r.scenarios = model.scenario_infos;
  const Entry* e = nullptr;
  auto get = [&](const std::string& id) { return Get(m, scenario, id, nullptr, nullptr, &e) == Lookup::kFound; };
  // Results stay in memory for the whole build: no vector keeps spare room.
  r.params.reserve(d.params.size());
  r.items.reserve(d.items.size());
  r.figures.reserve(d.figures.size());
  if (model.total_unit) r.shares.reserve(d.items.size() + d.groups.size());
  std::vector<InputRange> inputs;
  for (const auto& p : d.params) {
    if (!get(p.id)) continue;
    r.params.push_back(ToFigure(p.id, p.label, e->value, e->explain, p.value.pos()));
    if (scenario.empty() && e->input) inputs.push_back(*e->input);
  }
  r.inputs = SharedList<InputRange>(std::move(inputs));
  for (const auto& item : d.items) {
    if (!get(item.id())) continue;
    LineItem li{item.id(),    item.label, item.group,
                std::nullopt, e->unit_price, std::nullopt,
                ToFigure(item.id(), item.label, e->value, e->explain, item.where.pos()), Interval()};
    if (e->factor) {
      Figure factor = *e->factor;
      factor.id = item.id() + ".factor", factor.pos = {item.quantity->line_no, item.quantity->col_no};
      li.factor = std::move(factor);
    }
    if (e->quantity) {
      li.quantity = ToFigure(item.id() + ".quantity", item.label, *e->quantity, e->quantity_explain,
                             item.quantity->pos());
    }
    if (model.total_unit && get("share." + item.id()) && !e->undefined) {
      li.share = e->value.v;
      r.shares.push_back(ToFigure("share." + item.id(), item.label, e->value, e->explain, item.where.pos()));
    }
    r.items.push_back(std::move(li));
  }
  std::map<std::string_view, const LocalizedText*> labels;  // the last declaration wins
  for (const auto& gd : d.groups) labels[gd.id] = &gd.label;
  for (const auto& g : GroupIds(d)) {
    LocalizedText label;
    if (auto l = labels.find(g); l != labels.end()) label = *l->second;
    if (!get("subtotal." + g)) continue;
    Group group{g, label, ToFigure("subtotal." + g, label, e->value, e->explain, d.where.pos()), Interval()};
    if (model.total_unit && get("share." + g) && !e->undefined) {
      group.share = e->value.v;
      r.shares.push_back(ToFigure("share." + g, label, e->value, e->explain, d.where.pos()));
    }
    r.groups.push_back(std::move(group));
  }
  if (model.total_unit && get("total")) {
    r.total = ToFigure("total", d.title, e->value, e->explain, d.unit.pos());
  }
  for (const auto& f : d.figures) {
    if (get(f.id())) r.figures.push_back(ToFigure(f.id(), f.label, e->value, e->explain, f.where.pos()));
  }
  for (const auto& rule : d.rules) {
    auto v = EvalLocated(rule.when, m, scenario, nullptr, {rule.id, "when", ""});
    if (!v) continue;
    if (!v->is_bool) {
      Report(rule.when, 0, rule.when.text.size(),
             "the condition of rule '" + rule.id + "' must be a comparison (true or false)", "type-mismatch");
      continue;
    }
    r.rules.push_back({rule.id, rule.label, rule.recommend, v->flag, rule.when.text, rule.when.pos(), rule.condition,
                       Measured(rule, m, scenario)});
  }
  std::vector<ExpectationResult> expectations;
  for (const auto& x : d.expectations) {
    if (auto res = CheckExpectation(m, scenario, x)) expectations.push_back(std::move(*res));
  }
  r.expectations = SharedList<ExpectationResult>(std::move(expectations));
  return r;
}

std::set<std::string> Engine::ReadByOthers() {
  std::set<std::string> out;
  for (size_t m = 0; m < models_.size(); ++m)
    for (std::string& id : ModelsRead(m)) out.insert(std::move(id));
  return out;
}

void Engine::Forget(size_t m) {
  memo_.erase(memo_.lower_bound(std::make_tuple(m, std::string(), std::string())),
              memo_.lower_bound(std::make_tuple(m + 1, std::string(), std::string())));
  share_basis_.erase(share_basis_.lower_bound({m, std::string()}), share_basis_.lower_bound({m + 1, std::string()}));
}

void Engine::ForgetScenario(size_t m, const std::string& scenario) {
  if (scenario.empty()) return;
  auto from = memo_.lower_bound(std::make_tuple(m, scenario, std::string()));
  auto to = from;
  while (to != memo_.end() && std::get<0>(to->first) == m && std::get<1>(to->first) == scenario) ++to;
  memo_.erase(from, to);
  share_basis_.erase({m, scenario});
}

std::vector<std::string> Engine::ModelsRead(size_t m) {
  // Once per model: every result of the model (one per scenario) lists it.
  if (!models_[m]->reads) models_[m]->reads = ReadFromFormulas(m);
  return *models_[m]->reads;
}

// Every formula of `d`, scenarios', rules' and expectations' included.
std::vector<const Located*> FormulasOf(const ModelDef& d) {
  std::vector<const Located*> formulas;
  for (const auto& p : d.params) {
    formulas.push_back(&p.value);
    if (p.input) formulas.insert(formulas.end(), {&p.input->min, &p.input->max, &p.input->step});
  }
  for (const auto& i : d.items) formulas.insert(formulas.end(), {&i.quantity.get(), &i.price.get(), &i.formula});
  for (const auto& f : d.figures) formulas.push_back(&f.formula);
  for (const auto& sc : d.scenarios)
    for (const auto& p : sc.params) formulas.push_back(&p.value);
  for (const auto& rule : d.rules) formulas.push_back(&rule.when);
  for (const auto& x : d.expectations) formulas.insert(formulas.end(), {&x.figure, &x.stated, &x.tolerance});
  return formulas;
}

std::vector<std::string> Engine::PricesRead(size_t m) {
  const ModelDef& d = *models_[m]->def;
  std::set<std::string> out;
  for (const Node* ref : ReferencesIn(FormulasOf(d)))
    if (ref->kind == NodeKind::kPrice) out.insert(ref->name.substr(ref->name.starts_with('@') ? 1 : 0));
  // A scenario's variant choice names a price too (it is reported when
  // the price is missing, even if no formula reads it).
  for (const auto& sc : d.scenarios)
    for (const VariantChoice& c : sc.variants) out.insert(c.price.substr(c.price.starts_with('@') ? 1 : 0));
  return {out.begin(), out.end()};
}

std::vector<std::string> Engine::ReadFromFormulas(size_t m) {
  // Read from the formulas rather than recorded while evaluating, so a model
  // named only in a branch `if` did not take still counts.
  const ModelDef& d = *models_[m]->def;
  std::vector<const Located*> formulas = FormulasOf(d);
  std::set<std::string> out;
  for (const Node* ref : ReferencesIn(formulas)) {
    if (ref->kind != NodeKind::kName || (ref->scenario.empty() && HasFigure(m, ref->name))) continue;
    // As EvalName resolves it: the first prefix ending at a dot that names a model.
    for (size_t dot = ref->name.find('.'); dot != std::string::npos; dot = ref->name.find('.', dot + 1)) {
      std::string model = ref->name.substr(0, dot);
      if (!model_index_.count(model) && !(prior_ && prior_->Find(model))) continue;
      if (model != d.id) out.insert(model);
      break;
    }
  }
  return {out.begin(), out.end()};
}

std::optional<ExpectationResult> Engine::CheckExpectation(size_t m, const std::string& scenario,
                                                          const ExpectationDef& x) {
  // Named by place, as an expectation has no id of its own.
  std::string id = "expectation#" + std::to_string(&x - models_[m]->def->expectations.data());
  auto computed = EvalLocated(x.figure, m, scenario, nullptr, {id, "figure", ""});
  auto stated = EvalLocated(x.stated, m, scenario, nullptr, {id, "stated", ""});
  if (!computed || !stated) return std::nullopt;
  if (computed->is_bool || stated->is_bool || computed->dim != stated->dim) {
    Report(x.stated, 0, x.stated.text.size(),
           "unit mismatch: '" + x.figure.text + "' is in " + UnitText(*computed) + ", stated " +
               UnitText(*stated),
           "unit-mismatch");
    return std::nullopt;
  }
  ExpectationResult r;
  r.figure = x.figure.text;
  r.stated_text = x.stated.text;
  r.unit = DisplayUnit(*stated);
  const Unit& unit = r.unit;
  r.stated = InUnit(Ends(stated->v), unit);
  r.computed = InUnit(Ends(computed->v), unit);
  r.known_discrepancy = x.known_discrepancy;
  r.source = x.source;
  r.note = x.note;
  r.pos = x.figure.pos();
  auto within = [&](const Decimal& c, const Decimal& s, const Decimal& tol) {
    return (c - s).Abs() <= tol || c.NearlyEquals(s);
  };
  if (x.tolerance.empty()) {
    r.ok = MatchesAsWritten(r.computed.lo, r.stated.lo) && MatchesAsWritten(r.computed.hi, r.stated.hi);
    return r;
  }
  const Node* tn = Parsed(x.tolerance);
  auto tol = EvalLocated(x.tolerance, m, scenario, nullptr, {id, "tolerance", ""});
  if (!tn || !tol) return std::nullopt;
  bool relative = tn->kind == NodeKind::kNumber && tn->has_unit && tn->unit.text == "%";
  // A plain number (such as 0) is an amount in the stated unit.
  bool plain = tn->kind == NodeKind::kNumber && !tn->has_unit;
  if (plain) {
    tol->v = tol->v * Interval(unit.scale);
    tol->dim = stated->dim;
  }
  if (!relative && (tol->is_bool || tol->dim != stated->dim)) {
    Report(x.tolerance, 0, x.tolerance.text.size(),
           "unit mismatch: tolerance in " + (tol->is_bool ? "true/false" : UnitText(*tol)) +
               ", stated " + UnitText(*stated) + " (write a percentage or a quantity in the stated unit)",
           "unit-mismatch");
    return std::nullopt;
  }
  Interval abs_tol = relative ? tol->v : InUnit(*tol, unit);
  auto tol_for = [&](const Decimal& s) { return relative ? abs_tol.hi * s.Abs() : abs_tol.hi; };
  r.ok = within(r.computed.lo, r.stated.lo, tol_for(r.stated.lo)) &&
         within(r.computed.hi, r.stated.hi, tol_for(r.stated.hi));
  return r;
}

}  // namespace costsite::cost
