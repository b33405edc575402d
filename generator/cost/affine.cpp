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
