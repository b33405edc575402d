#include "cost/interval.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "cost/affine.h"

namespace costsite::cost {
namespace {

// The form of `x`: its own, or, for a range that tracks no inputs, its
// midpoint with its half-width as fresh noise.
AffineForm FormOf(const Interval& x) {
  if (x.form) return *x.form;
  AffineForm f;
  f.centre = x.lo;
  if (!x.IsPoint()) {
    f.centre = x.Mid();
    f.error = x.hi - f.centre;
  }
  return f;
}

// `plain` narrowed to the range of `form`, keeping the form when it still
// names an input. A form whose inputs all cancelled is an exact number.
// `also`, when given, is one more range known to hold the value.
Interval Tighten(Interval plain, AffineForm form, const std::optional<std::pair<Decimal, Decimal>>& also = {}) {
  if (form.terms.empty() && form.error.IsZero()) return Interval(form.centre);
  auto [low, high] = Range(form);
  Decimal lo = Max(plain.lo, low), hi = Min(plain.hi, high);
  if (also) lo = Max(lo, also->first), hi = Min(hi, also->second);
  if (hi < lo) lo = hi = (lo + hi) / Decimal(2);  // both hold the value: they differ by rounding only
  Interval out(std::move(lo), std::move(hi));
  if (!out.IsPoint() && !form.terms.empty()) out.form = std::make_shared<const AffineForm>(std::move(form));
  return out;
}

bool Tracked(const Interval& a, const Interval& b) { return a.form || b.form; }

}  // namespace

Decimal Interval::Mid() const {
  static const Decimal kHalf = *Decimal::Parse("0.5");  // exact, and a product is cheaper than a quotient
  return (lo + hi) * kHalf;
}

Interval Uncertain(const Interval& range, std::string source) {
  if (range.IsPoint()) return range;
  AffineForm f;
  f.centre = range.Mid();
  f.terms.push_back({MakeSymbol(std::move(source)), range.hi - f.centre});
  Interval out(range.lo, range.hi);
  out.form = std::make_shared<const AffineForm>(std::move(f));
  return out;
}

Interval Derived(Interval result, std::string_view step, std::span<const Interval* const> args,
                 std::string_view place, std::string_view formula) {
  if (result.IsPoint() || result.form) return result;
  std::string name(step);
  name += '(';
  bool rounded = false;  // an argument's form has a rounding error term
  for (const Interval* a : args) {
    if (a != args.front()) name += ';';
    if (a->IsPoint()) {
      name += a->lo.ToString();
      continue;
    }
    if (!a->form || (!a->form->error.IsZero() && formula.empty())) {  // fresh noise: this step's result is its own
      name = place;
      name += '(';
      break;
    }
    name += a->form->centre.ToString();
    for (const AffineTerm& t : a->form->terms) {
      name += ' ';
      for (char c : t.symbol->name) name += c == kProductSeparator ? '*' : c;  // one symbol, not a product
      name += ':' + t.coef.ToString();
    }
    if (!a->form->error.IsZero()) {
      // The error of a linearised quotient or product is no fresh input: it
      // is what the same formula leaves of the same inputs, so one formula
      // with arguments of the same form (the error's size too) in two
      // scenarios computed one value. Named with the formula's place, not
      // only the step: another formula may linearise to the same form.
      name += " ~" + a->form->error.ToString();
      rounded = true;
    }
  }
  name += ")=" + result.lo.ToString() + ".." + result.hi.ToString();
  if (rounded) name = std::string(formula) + "|" + name;
  return Uncertain(result, std::move(name));
}

Interval operator+(const Interval& a, const Interval& b) {
  Interval plain(a.lo + b.lo, a.hi + b.hi);
  if (!Tracked(a, b)) return plain;
  return Tighten(std::move(plain), Combine(FormOf(a), Decimal(1), FormOf(b), Decimal(1)));
}

Interval operator-(const Interval& a, const Interval& b) {
  Interval plain(a.lo - b.hi, a.hi - b.lo);
  if (!Tracked(a, b)) return plain;
  return Tighten(std::move(plain), Combine(FormOf(a), Decimal(1), FormOf(b), Decimal(-1)));
}

Interval operator-(const Interval& a) {
  Interval out(-a.hi, -a.lo);
  if (a.form) out.form = std::make_shared<const AffineForm>(Scale(*a.form, Decimal(-1)));
  return out;
}

Interval operator*(const Interval& a, const Interval& b) {
  if (a.IsPoint() && b.IsPoint()) return Interval(a.lo * b.lo);
  std::array<Decimal, 4> c = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  Interval plain(*std::min_element(c.begin(), c.end()), *std::max_element(c.begin(), c.end()));
  if (!Tracked(a, b)) return plain;
  if (a.IsPoint()) return Tighten(std::move(plain), Scale(FormOf(b), a.lo));
  if (b.IsPoint()) return Tighten(std::move(plain), Scale(FormOf(a), b.lo));
  return Tighten(std::move(plain), Multiply(FormOf(a), FormOf(b)));
}

std::optional<Interval> Divide(const Interval& a, const Interval& b) {
  if (b.Contains(Decimal(0))) return std::nullopt;
  if (a.IsPoint() && b.IsPoint()) return Interval(a.lo / b.lo);
  std::array<Decimal, 4> c = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
  Interval plain(*std::min_element(c.begin(), c.end()), *std::max_element(c.begin(), c.end()));
  if (!Tracked(a, b)) return plain;
  if (b.IsPoint()) return Tighten(std::move(plain), Scale(FormOf(a), Decimal(1) / b.lo));
  if (a.form && b.form) {
    if (auto k = ProportionOf(*a.form, *b.form)) return Interval(*k);  // (k·b) / b
  }
  // The form carried on is a linearisation (sound, so later steps keep the
  // inputs' correlation); the range shown is, in addition, narrowed to the
  // exact range of the two forms' quotient.
  AffineForm num = FormOf(a), den = FormOf(b);
  AffineForm inverse = Reciprocal(den, b.lo, b.hi);
  AffineForm q = a.IsPoint() ? Scale(inverse, a.lo) : Multiply(num, inverse);
  return Tighten(std::move(plain), std::move(q), QuotientRange(num, den));
}

Interval Sum(const std::vector<Interval>& parts) {
  Interval plain(Decimal(0));
  bool tracked = false;
  for (const Interval& p : parts) {
    plain.lo += p.lo, plain.hi += p.hi;
    tracked = tracked || p.form;
  }
  if (!tracked) return plain;
  // One merge of every part's terms: adding the parts one by one would copy
  // the growing list of terms once per part.
  AffineForm sum;
  for (const Interval& p : parts) {
    AffineForm f = FormOf(p);
    sum.centre += f.centre;
    sum.error += f.error;
    sum.terms.insert(sum.terms.end(), std::make_move_iterator(f.terms.begin()), std::make_move_iterator(f.terms.end()));
  }
  sum.terms = MergedTerms(std::move(sum.terms));
  return Tighten(std::move(plain), std::move(sum));
}

Interval Hull(const Interval& a, const Interval& b) {
  return {Min(a.lo, b.lo), Max(a.hi, b.hi)};
}

Interval Round(const Interval& a, int digits) {
  return {a.lo.RoundHalfAwayFromZero(digits), a.hi.RoundHalfAwayFromZero(digits)};
}

}  // namespace costsite::cost
