#include "cost/affine.h"

#include <algorithm>

namespace costsite::cost {

Symbol MakeSymbol(std::string name) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a: stable across runs, so terms sort the same way
  for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
  return std::make_shared<const NoiseSymbol>(NoiseSymbol{h, std::move(name)});
}

int CompareSymbols(const Symbol& a, const Symbol& b) {
  if (a == b) return 0;
  if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
  return a->name.compare(b->name);
}

Decimal AffineForm::Radius() const {
  Decimal r = error;
  for (const AffineTerm& t : terms) r += t.coef.Abs();
  return r;
}

AffineForm Combine(const AffineForm& a, const Decimal& ka, const AffineForm& b, const Decimal& kb,
                   const Decimal& shift) {
  AffineForm out;
  out.centre = a.centre * ka + b.centre * kb + shift;
  out.error = a.error * ka.Abs() + b.error * kb.Abs();
  out.terms.reserve(a.terms.size() + b.terms.size());
  auto push = [&](const Symbol& s, Decimal coef) {
    if (!coef.IsZero()) out.terms.push_back({s, std::move(coef)});
  };
  size_t i = 0, j = 0;
  while (i < a.terms.size() || j < b.terms.size()) {
    int order = i == a.terms.size()   ? 1
                : j == b.terms.size() ? -1
                                      : CompareSymbols(a.terms[i].symbol, b.terms[j].symbol);
    if (order < 0) {
      push(a.terms[i].symbol, a.terms[i].coef * ka), ++i;
    } else if (order > 0) {
      push(b.terms[j].symbol, b.terms[j].coef * kb), ++j;
    } else {  // the same input in both: its coefficients add, and may cancel
      push(a.terms[i].symbol, a.terms[i].coef * ka + b.terms[j].coef * kb), ++i, ++j;
    }
  }
  return out;
}

AffineForm Scale(const AffineForm& a, const Decimal& k) { return Combine(a, k, AffineForm{}, Decimal(0)); }

AffineForm Multiply(const AffineForm& a, const AffineForm& b) {
  // (a0 + α)(b0 + β) = a0·b0 + a0·β + b0·α + α·β, with |α·β| <= rad(a)·rad(b).
  AffineForm out = Combine(a, b.centre, b, a.centre, -(a.centre * b.centre));
  out.error += a.Radius() * b.Radius();
  return out;
}

AffineForm Reciprocal(const AffineForm& a, const Decimal& lo, const Decimal& hi) {
  if (hi.IsNegative()) return Scale(Reciprocal(Scale(a, Decimal(-1)), -hi, -lo), Decimal(-1));
  // Over [lo, hi] with 0 < lo, 1/y - α·y with α = -1/hi² (the slope at hi)
  // falls from 1/lo + lo/hi² to 2/hi; its midpoint and half-width are the
  // constant and the error of the approximation α·y + ζ ± δ.
  Decimal alpha = -(Decimal(1) / (hi * hi));
  Decimal high = Decimal(1) / lo - alpha * lo;
  Decimal low = Decimal(2) / hi;
  AffineForm out = Scale(a, alpha);
  out.centre += (high + low) / Decimal(2);
  out.error += (high - low) / Decimal(2);
  return out;
}

namespace {

// One noise symbol's coefficients in a quotient's numerator and denominator.
struct Pair {
  Decimal num, den;
};

// The t at which a0 - t·b0 + side·Σ|numᵢ - t·denᵢ| is zero (side -1: the
// least value of the quotient, +1: the greatest). The function falls
// strictly with t (b0 > Σ|denᵢ|) and is linear between the points
// numᵢ/denᵢ: find the piece where it changes sign, then solve that piece.
Decimal RootOf(const Decimal& a0, const Decimal& b0, const std::vector<Pair>& pairs, int side) {
  auto at = [&](const Decimal& t) {
    Decimal v = a0 - t * b0;
    for (const Pair& p : pairs) v += (p.num - t * p.den).Abs() * Decimal(side);
    return v;
  };
  std::vector<Decimal> breaks;
  for (const Pair& p : pairs)
    if (!p.den.IsZero()) breaks.push_back(p.num / p.den);
  std::sort(breaks.begin(), breaks.end());
  const Decimal* below = nullptr;  // the last break where the function is >= 0
  const Decimal* above = nullptr;  // the first where it is < 0
  for (const Decimal& t : breaks) {
    if (at(t).IsNegative()) {
      above = &t;
      break;
    }
    below = &t;
  }
  Decimal inside = below && above ? (*below + *above) / Decimal(2)
                   : below        ? *below + Decimal(1)
                   : above        ? *above - Decimal(1)
                                  : Decimal(0);
  Decimal num = a0, den = b0;  // the piece through `inside`: num - t·den
  for (const Pair& p : pairs) {
    bool negative = (p.num - inside * p.den).IsNegative();
    Decimal sign(negative ? -side : side);
    num += sign * p.num;
    den += sign * p.den;
  }
  return num / den;
}

}  // namespace

std::optional<std::pair<Decimal, Decimal>> QuotientRange(const AffineForm& a, const AffineForm& b) {
  if (a.terms.size() + b.terms.size() + 2 > kMaxQuotientSymbols) return std::nullopt;
  std::vector<Pair> pairs;
  size_t i = 0, j = 0;
  while (i < a.terms.size() || j < b.terms.size()) {
    int order = i == a.terms.size()   ? 1
                : j == b.terms.size() ? -1
                                      : CompareSymbols(a.terms[i].symbol, b.terms[j].symbol);
    if (order < 0) pairs.push_back({a.terms[i++].coef, Decimal(0)});
    else if (order > 0) pairs.push_back({Decimal(0), b.terms[j++].coef});
    else pairs.push_back({a.terms[i++].coef, b.terms[j++].coef});
  }
  if (!a.error.IsZero()) pairs.push_back({a.error, Decimal(0)});
  if (!b.error.IsZero()) pairs.push_back({Decimal(0), b.error});
  Decimal spread;  // how far b strays from its centre
  for (const Pair& p : pairs) spread += p.den.Abs();
  Decimal a0 = a.centre, b0 = b.centre;
  if (b0 - spread <= Decimal(0)) {  // b < 0 throughout, or b can be zero
    if (b0 + spread >= Decimal(0)) return std::nullopt;
    a0 = -a0, b0 = -b0;  // a/b = (-a)/(-b)
    for (Pair& p : pairs) p.num = -p.num, p.den = -p.den;
  }
  return std::make_pair(RootOf(a0, b0, pairs, -1), RootOf(a0, b0, pairs, 1));
}

std::optional<Decimal> ProportionOf(const AffineForm& b, const AffineForm& a) {
  if (!a.error.IsZero() || !b.error.IsZero() || a.terms.empty() || a.terms.size() != b.terms.size()) {
    return std::nullopt;
  }
  Decimal c = b.terms[0].coef / a.terms[0].coef;
  if (!b.centre.NearlyEquals(a.centre * c)) return std::nullopt;
  for (size_t i = 0; i < a.terms.size(); ++i) {
    if (CompareSymbols(a.terms[i].symbol, b.terms[i].symbol) != 0) return std::nullopt;
    if (!b.terms[i].coef.NearlyEquals(a.terms[i].coef * c)) return std::nullopt;
  }
  return c;
}

}  // namespace costsite::cost
