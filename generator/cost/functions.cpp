// Built-in functions of the formula language and the power operator.
#include <algorithm>

#include "cost/engine.h"

namespace costsite::cost {
namespace {

bool Arity(const Node& n, size_t lo, size_t hi, std::string* error) {
  size_t got = n.args.size();
  if (got >= lo && got <= hi) return true;
  std::string want = lo == hi ? std::to_string(lo)
                     : hi > 100 ? "at least " + std::to_string(lo)
                                : std::to_string(lo) + " or " + std::to_string(hi);
  *error = n.name + "() takes " + want + " argument" + (want == "1" ? "" : "s") + ", got " +
           std::to_string(got);
  return false;
}

// x^n for a whole n, keeping the interval tight for even powers.
std::optional<Interval> IntPow(const Interval& x, int64_t n) {
  if (n < 0) {
    auto p = IntPow(x, -n);
    if (!p) return std::nullopt;
    return Divide(Interval(Decimal(1)), *p);
  }
  if (n == 1) return x;  // keeps the inputs it comes from
  auto a = x.lo.Pow(n), b = x.hi.Pow(n);
  if (!a || !b) return std::nullopt;
  if (n % 2 == 1 || !x.lo.IsNegative()) return Interval(Min(*a, *b), Max(*a, *b));
  if (!x.hi.IsNegative() && !x.hi.IsZero()) return Interval(Decimal(0), Max(*a, *b));
  return Interval(Min(*a, *b), Max(*a, *b));
}

Interval Abs(const Interval& x) {
  if (!x.lo.IsNegative()) return x;
  if (x.hi.IsNegative() || x.hi.IsZero()) return -x;
  return {Decimal(0), Max(-x.lo, x.hi)};
}

}  // namespace

Interval Engine::Named(const Interval& result, const Node& n, const Scope& s, std::string_view step,
                       std::span<const Interval* const> args) {
  if (result.IsPoint() || result.form) return result;
  std::string formula = RangeSource(models_[s.model]->def->id, s.origin, n.offset);
  std::string place = formula + "{" + s.scenario + "}";
  if (step.empty()) return Derived(result, place, {}, place);
  return Derived(result, step, args, place, formula);
}

std::optional<Value> Engine::EvalPower(const Node& n, Scope& s, const Value& b, const Value& e) {
  if (!e.dim.IsNone() || !e.v.IsPoint()) {
    Fail(*n.args[1], s, "the exponent must be a single plain number", "unit-mismatch");
    return std::nullopt;
  }
  Value out = b;
  out.display.reset();
  std::optional<Interval> v;
  if (auto k = e.v.lo.ToInt()) {
    v = IntPow(b.v, *k);
    out.dim = Power(b.dim, static_cast<int>(*k));
    if (b.display && b.display->text == "%" && *k == 1) out.display = b.display;
  } else if (!b.dim.IsNone()) {
    Fail(*n.args[1], s, "a value with a unit can only be raised to a whole power", "unit-mismatch");
    return std::nullopt;
  } else if (b.v.lo <= Decimal(0)) {
    Fail(*n.args[0], s, "a fractional power needs a positive base", "malformed-formula");
    return std::nullopt;
  } else {
    auto x = b.v.lo.Pow(e.v.lo), y = b.v.hi.Pow(e.v.lo);
    if (x && y) v = Interval(Min(*x, *y), Max(*x, *y));
  }
  if (!v) {
    Fail(n, s, b.v.Contains(Decimal(0)) ? "division by zero" : "number too large", "division-by-zero");
    return std::nullopt;
  }
  const Interval* of[] = {&b.v};
  out.v = Named(*v, n, s, "^" + e.v.lo.ToString(), of);
  return out;
}

std::optional<Value> Engine::Fx(const Node& at, Scope& s, const Value& v, const std::string& to) {
  if (!v.dim.IsMoney()) {
    Fail(at, s, "fx() needs an amount of money, not " + UnitText(v), "unit-mismatch");
    return std::nullopt;
  }
  if (v.dim.currency == to) return v;
  Decimal factor;
  FxUse used;
  std::string error;
  if (!prices_.Rate(v.dim.currency, to, DateOf(s.model, s.scenario), &factor, &used, &error)) {
    // Nothing pinned and no rate at all: the message names no date.
    if (AsOf(s.model, s.scenario).empty()) prices_.Rate(v.dim.currency, to, "", &factor, &used, &error);
    if (const std::string* file = prices_.UnparsedRatesFile())
      FollowsFrom(*s.src, at.offset, at.length, error, *file);
    else
      Fail(at, s, error, "missing-rate");
    return std::nullopt;
  }
  auto f = Decimal(factor).Pow(static_cast<int64_t>(v.dim.exp[kMoney]));
  Value out = v;
  out.v = v.v * Interval(*f);
  out.dim.currency = to;
  out.display.reset();
  if (v.display) {
    auto [currency, per] = SplitMoneyUnit(v.display->text);
    if (currency == v.dim.currency) {
      auto unit = ParseUnit(to + (per.empty() ? "" : "/" + per), units_, nullptr);
      if (unit && unit->dim == out.dim) out.display = *unit;
    }
  }
  if (s.trace) s.trace->AddFx(used);
  return out;
}

// fx, convert, ceil and floor: their second argument is a unit.
std::optional<Value> Engine::EvalUnitCall(const Node& n, Scope& s) {
  std::string error;
  bool rounding = n.name == "ceil" || n.name == "floor";
  if (!Arity(n, rounding ? 1 : 2, 2, &error)) {
    Fail(n, s, error, "malformed-formula");
    return std::nullopt;
  }
  auto x = Eval(*n.args[0], s);
  if (!x || !Number(n, s, *x, n.name + "()")) return std::nullopt;
  if (n.args.size() == 1) {  // ceil(x), floor(x)
    if (!x->dim.IsNone()) {
      Fail(n, s, n.name + "() of " + UnitText(*x) + " needs a unit to round in: " + n.name + "(x, unit)",
           "unit-mismatch");
      return std::nullopt;
    }
    const Interval arg = x->v;
    const Interval* of[] = {&arg};
    x->v = Named(n.name == "ceil" ? Interval(arg.lo.Ceil(), arg.hi.Ceil()) : Interval(arg.lo.Floor(), arg.hi.Floor()),
                 n, s, n.name, of);
    if (x->display && x->display->text == "%") x->display.reset();
    return x;
  }
  const Node& arg = *n.args[1];
  const Unit& unit = arg.unit;
  if (n.name == "fx") {
    bool currency = unit.dim.IsMoney() && unit.dim.exp[kMoney] == 1 && unit.text == unit.dim.currency;
    if (!currency) {
      Fail(arg, s, "fx() needs a currency code, not '" + unit.text + "'", "unknown-currency");
      return std::nullopt;
    }
    return Fx(n, s, *x, unit.dim.currency);
  }
  if (n.name == "convert" && x->dim.IsMoney() && unit.dim.IsMoney() && x->dim.currency != unit.dim.currency) {
    x = Fx(n, s, *x, unit.dim.currency);
    if (!x) return std::nullopt;
  }
  if (x->dim != unit.dim) {
    Fail(n, s, "unit mismatch: cannot express " + UnitText(*x) + " in " + unit.text, "unit-mismatch");
    return std::nullopt;
  }
  if (rounding) {
    Interval in = InUnit(*x, unit);
    const Interval arg = x->v;
    const Interval* of[] = {&arg};
    in = n.name == "ceil" ? Interval(in.lo.Ceil(), in.hi.Ceil()) : Interval(in.lo.Floor(), in.hi.Floor());
    x->v = Named(in * Interval(unit.scale), n, s, n.name + "/" + unit.scale.ToString(), of);
    x->display = unit;
    return x;
  }
  ShowIn(unit, &*x, s.trace);
  return x;
}

std::optional<Value> Engine::EvalTiered(const Node& n, Scope& s) {
  std::string error;
  if (!Arity(n, 2, 2, &error)) return Fail(n, s, error, "malformed-formula"), std::nullopt;
  const Node& ref = *n.args[0];
  if (ref.kind != NodeKind::kPrice) {
    Fail(ref, s, "tiered() needs a price reference first: tiered(@provider/entry, quantity)", "malformed-formula");
    return std::nullopt;
  }
  PriceFound found;
  if (!ResolvePrice(ref, s, &found)) return std::nullopt;
  auto q = Eval(*n.args[1], s);
  if (!q || !Number(*n.args[1], s, *q, "tiered()")) return std::nullopt;
  if (s.trace) s.trace->AddPrice(Shared<PriceUse>(found.use));
  Value out;
  const auto& tiers = found.use->shape->tiers;
  if (!tiers) {  // a variant without tiers (a scenario's pick): quantity × price
    auto dim = Multiply(q->dim, found.dim);
    if (!dim) return Fail(n, s, "cannot multiply " + UnitText(*q) + " by the price", "unit-mismatch"), std::nullopt;
    out.v = q->v * found.value;
    out.dim = *dim;
    return out;
  }
  if (q->dim != tiers->by.dim) {
    Fail(*n.args[1], s,
         "tiered(@" + found.use->id + ", …) needs a quantity in " + tiers->by.text + " (its tiers are by " +
             tiers->by.text + "), not " + UnitText(*q),
         "unit-mismatch");
    return std::nullopt;
  }
  if (q->v.lo.IsNegative()) {
    Fail(*n.args[1], s, "tiered() of a negative quantity", "malformed-formula");
    return std::nullopt;
  }
  Interval in_by = *Divide(q->v, Interval(tiers->by.scale));
  // A charge names its price by where the call is: the tiers are not in the name.
  const Interval* of[] = {&q->v};
  out.v = Named(TieredCharge(*tiers, in_by) * Interval(found.unit.scale * tiers->by.scale), n, s, "", of);
  out.dim = *Multiply(found.dim, tiers->by.dim);
  return out;
}

std::optional<Value> Engine::EvalCall(const Node& n, Scope& s) {
  const std::string& f = n.name;
  std::string error;
  if (f == "fx" || f == "convert" || f == "ceil" || f == "floor") return EvalUnitCall(n, s);
  if (f == "tiered") return EvalTiered(n, s);
  if (f == "actual") return EvalActual(n, s);
  if (f == "if") {
    if (!Arity(n, 3, 3, &error)) return Fail(n, s, error, "malformed-formula"), std::nullopt;
    auto c = Eval(*n.args[0], s);
    if (!c) return std::nullopt;
    if (!c->is_bool) {
      Fail(*n.args[0], s, "the condition of if() must be a comparison (true or false)", "type-mismatch");
      return std::nullopt;
    }
    return Eval(*n.args[c->flag ? 1 : 2], s);
  }
  if (f == "share") {
    if (!Arity(n, 1, 1, &error)) return Fail(n, s, error, "malformed-formula"), std::nullopt;
    const Node& a = *n.args[0];
    const Entry* e = nullptr;
    Lookup found = a.kind == NodeKind::kName && a.scenario.empty()
                       ? Get(s.model, s.scenario, "share." + a.name, &s, &a, &e)
                       : Lookup::kUnknown;
    if (found == Lookup::kFailed) return std::nullopt;
    if (found == Lookup::kUnknown) {
      Fail(a, s, "share() needs an item or a group of a model with a total", "unknown-reference");
      return std::nullopt;
    }
    if (e->undefined) {
      Fail(a, s, "share(" + a.name + ") is undefined: the total of model '" + models_[s.model]->def->id + "' is zero",
           "undefined-share");
      return std::nullopt;
    }
    if (s.trace) {
      InputUse in = NameInput("share(" + a.name + ")", s.model, a.name, "");
      if (in.label.empty()) in.label = LabelOf(s.model, "subtotal." + a.name);  // a group
      in.share = true;
      s.trace->AddInput(std::move(in), e->value);
    }
    return e->value;
  }
  std::vector<Value> args;
  for (const auto& a : n.args) {
    auto v = Eval(*a, s);
    if (!v || !Number(*a, s, *v, f + "()")) return std::nullopt;
    args.push_back(std::move(*v));
  }
  return EvalMath(n, s, args);
}

std::optional<Value> Engine::EvalMath(const Node& n, Scope& s, std::vector<Value>& args) {
  const std::string& f = n.name;
  std::string error;
  bool many = f == "min" || f == "max" || f == "sum" || f == "npv";
  if (!Arity(n, f == "npv" ? 2 : 1, many ? 1000 : f == "round" ? 2 : 1, &error)) {
    Fail(n, s, error, "malformed-formula");
    return std::nullopt;
  }
  Value out = args[0];
  std::string step = f;  // what the result is a function of, besides the arguments
  auto named = [&](Value v) {
    std::vector<const Interval*> of;
    for (const Value& a : args) of.push_back(&a.v);
    v.v = Named(v.v, n, s, step, of);
    return v;
  };
  if (f == "min" || f == "max" || f == "sum") {
    for (size_t i = 1; i < args.size(); ++i) {
      if (!Same(*n.args[i], s, out, args[i], f == "sum" ? "add" : "compare")) return std::nullopt;
      const Interval& b = args[i].v;
      if (f == "sum") out.v = out.v + b;
      if (f == "min") out.v = Interval(Min(out.v.lo, b.lo), Min(out.v.hi, b.hi));
      if (f == "max") out.v = Interval(Max(out.v.lo, b.lo), Max(out.v.hi, b.hi));
      if (!out.display) out.display = args[i].display;
    }
    if (f != "npv") return named(std::move(out));
  }
  if (f == "abs") out.v = Abs(out.v);
  if (f == "lo") out.v = Interval(out.v.lo);
  if (f == "hi") out.v = Interval(out.v.hi);
  if (f == "mid") out.v = Interval(out.v.Mid());
  if (f == "sqrt") {
    bool even = std::all_of(out.dim.exp.begin(), out.dim.exp.end(), [](int e) { return e % 2 == 0; }) &&
                std::all_of(out.dim.kinds.begin(), out.dim.kinds.end(), [](const auto& k) { return k.second % 2 == 0; });
    if (!even || out.v.lo.IsNegative()) {
      Fail(n, s, even ? "sqrt() of a negative number" : "sqrt() of " + UnitText(out) + " has no unit",
           even ? "malformed-formula" : "unit-mismatch");
      return std::nullopt;
    }
    for (int& e : out.dim.exp) e /= 2;
    for (auto& k : out.dim.kinds) k.second /= 2;
    if (!out.dim.IsMoney()) out.dim.currency.clear();
    out.v = Interval(out.v.lo.Sqrt(), out.v.hi.Sqrt());
    out.display.reset();
  }
  if (f == "round") {
    int digits = 0;
    if (args.size() == 2) {
      auto d = args[1].v.lo.ToInt();
      if (!args[1].dim.IsNone() || !args[1].v.IsPoint() || !d || *d < -50 || *d > 50) {
        Fail(*n.args[1], s, "round() needs a whole number of digits", "malformed-formula");
        return std::nullopt;
      }
      digits = static_cast<int>(*d);
    }
    Unit unit = out.display.value_or(Unit{Decimal(1), out.dim, "", {}});
    out.v = Round(InUnit(out, unit), digits) * Interval(unit.scale);
    step += "/" + unit.scale.ToString();
  }
  if (f == "npv") {
    const Value& rate = args[0];
    if (!rate.dim.IsNone() || rate.v.lo <= Decimal(-1)) {
      Fail(*n.args[0], s, "npv() needs a plain rate above -100%", "unit-mismatch");
      return std::nullopt;
    }
    out = args[1];
    Interval factor = Interval(Decimal(1)) + rate.v, growth = factor;
    for (size_t i = 2; i < args.size(); ++i) {
      if (!Same(*n.args[i], s, out, args[i], "add")) return std::nullopt;
      out.v = out.v + *Divide(args[i].v, growth);
      growth = growth * factor;
    }
  }
  return named(std::move(out));
}

}  // namespace costsite::cost
