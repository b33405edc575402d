#include "cost/affine.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <iterator>
#include <span>
#include <string_view>

namespace costsite::cost {

namespace {

uint64_t HashOf(std::string_view name) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a: stable across runs, so terms sort the same way
  for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The inputs of `s`: its factors, or itself.
std::span<const Symbol> InputsOf(const Symbol& s) { return s->factors.empty() ? std::span(&s, 1) : std::span(s->factors); }

// The symbol of the product of `inputs` (in symbol order, two or more).
Symbol ProductSymbol(std::vector<Symbol> inputs) {
  std::string name;
  for (const Symbol& f : inputs) {
    if (!name.empty()) name += kProductSeparator;
    name += f->name;
  }
  uint64_t h = HashOf(name);
  return std::make_shared<const NoiseSymbol>(NoiseSymbol{h, std::move(name), std::move(inputs)});
}

}  // namespace

Symbol MakeSymbol(std::string name) {
  if (name.find(kProductSeparator) == std::string::npos)
    return std::make_shared<const NoiseSymbol>(NoiseSymbol{HashOf(name), std::move(name), {}});
  std::vector<Symbol> inputs;
  for (size_t at = 0; at <= name.size();) {
    size_t end = std::min(name.find(kProductSeparator, at), name.size());
    inputs.push_back(MakeSymbol(name.substr(at, end - at)));
    at = end + 1;
  }
  std::sort(inputs.begin(), inputs.end(), SymbolLess());
  return ProductSymbol(std::move(inputs));
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

std::vector<AffineTerm> MergedTerms(std::vector<AffineTerm> terms) {
  std::stable_sort(terms.begin(), terms.end(),
                   [](const AffineTerm& x, const AffineTerm& y) { return SymbolLess()(x.symbol, y.symbol); });
  std::vector<AffineTerm> merged;
  for (AffineTerm& t : terms) {
    if (!merged.empty() && CompareSymbols(merged.back().symbol, t.symbol) == 0) merged.back().coef += t.coef;
    else merged.push_back(std::move(t));
  }
  std::erase_if(merged, [](const AffineTerm& t) { return t.coef.IsZero(); });
  return merged;
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
  // (a0 + α)(b0 + β) = a0·b0 + a0·β + b0·α + α·β, with α = Σ aᵢεᵢ + ea·η.
  AffineForm out = Combine(a, b.centre, b, a.centre, -(a.centre * b.centre));
  Decimal ra = a.Radius() - a.error, rb = b.Radius() - b.error;  // Σ |aᵢ|, Σ |bⱼ|
  out.error += a.error * (rb + b.error) + b.error * ra;          // the parts of α·β with an η
  if (a.terms.size() * b.terms.size() > kMaxProductTerms) {
    out.error += ra * rb;
    return out;
  }
  // Σ aᵢ·bⱼ·εᵢεⱼ: a product of different inputs is a symbol of its own; a
  // square εᵢ² is in [0, 1], so aᵢ·bᵢ·εᵢ² is aᵢbᵢ/2 ± |aᵢbᵢ|/2; any other
  // (an input twice among more, too many inputs) is only bounded.
  static const Decimal kHalf = *Decimal::Parse("0.5");
  AffineForm products;
  for (const AffineTerm& x : a.terms) {
    for (const AffineTerm& y : b.terms) {
      Decimal coef = x.coef * y.coef;
      if (CompareSymbols(x.symbol, y.symbol) == 0) {
        Decimal half = coef * kHalf;
        products.error += half.Abs();
        products.centre += half;
        continue;
      }
      std::span<const Symbol> p = InputsOf(x.symbol), q = InputsOf(y.symbol);
      std::vector<Symbol> inputs;
      inputs.reserve(p.size() + q.size());
      std::merge(p.begin(), p.end(), q.begin(), q.end(), std::back_inserter(inputs), SymbolLess());
      bool repeated = std::adjacent_find(inputs.begin(), inputs.end(), [](const Symbol& l, const Symbol& r) {
                        return CompareSymbols(l, r) == 0;
                      }) != inputs.end();
      if (repeated || inputs.size() > kMaxFactors) products.error += coef.Abs();
      else products.terms.push_back({ProductSymbol(std::move(inputs)), std::move(coef)});
    }
  }
  products.terms = MergedTerms(std::move(products.terms));  // εᵢεⱼ and εⱼεᵢ are one symbol
  return Combine(out, Decimal(1), products, Decimal(1));
}

namespace {

// The inputs of a form's terms, each term as the set of them it multiplies
// (a bit per input): nullopt when no term is a product (the form is affine)
// or when there are more than kMaxCornerInputs inputs.
struct Corners {
  size_t inputs = 0;
  std::vector<uint32_t> masks;  // per term of each form, in order
};
std::optional<Corners> CornersOf(std::initializer_list<const AffineForm*> forms) {
  bool product = false;
  std::vector<Symbol> inputs;
  for (const AffineForm* f : forms)
    for (const AffineTerm& t : f->terms) {
      product = product || !t.symbol->factors.empty();
      for (const Symbol& s : InputsOf(t.symbol)) inputs.push_back(s);
    }
  if (!product) return std::nullopt;
  const SymbolLess less;
  std::sort(inputs.begin(), inputs.end(), less);
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const Symbol& l, const Symbol& r) { return CompareSymbols(l, r) == 0; }),
               inputs.end());
  if (inputs.size() > kMaxCornerInputs) return std::nullopt;
  Corners out;
  out.inputs = inputs.size();
  for (const AffineForm* f : forms)
    for (const AffineTerm& t : f->terms) {
      uint32_t mask = 0;
      for (const Symbol& s : InputsOf(t.symbol))
        mask |= 1u << (std::lower_bound(inputs.begin(), inputs.end(), s, less) - inputs.begin());
      out.masks.push_back(mask);
    }
  return out;
}

// Σ coefᵢ·Πεⱼ at the corner where the inputs in `corner` are −1 and the
// others +1, for the terms [first, first + terms.size()) of `masks`.
Decimal AtCorner(const std::vector<AffineTerm>& terms, const uint32_t* masks, uint32_t corner) {
  Decimal v;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (std::popcount(masks[i] & corner) % 2) v -= terms[i].coef;
    else v += terms[i].coef;
  }
  return v;
}

}  // namespace

std::pair<Decimal, Decimal> Range(const AffineForm& f) {
  std::optional<Corners> c = CornersOf({&f});
  if (!c) {
    Decimal r = f.Radius();
    return {f.centre - r, f.centre + r};
  }
  // Each corner in doubles first; then exactly, only the corners within
  // rounding of the least and the greatest (nearly always one each).
  const uint32_t n = 1u << c->inputs;
  std::vector<double> coef(f.terms.size());
  double scale = 0;
  for (size_t i = 0; i < f.terms.size(); ++i) coef[i] = f.terms[i].coef.ToDouble(), scale += std::abs(coef[i]);
  std::vector<double> at(n);
  for (uint32_t k = 0; k < n; ++k) {
    double v = 0;
    for (size_t i = 0; i < coef.size(); ++i) v += std::popcount(c->masks[i] & k) % 2 ? -coef[i] : coef[i];
    at[k] = v;
  }
  const auto [low, high] = std::minmax_element(at.begin(), at.end());
  const double slack = scale * 1e-9;
  std::optional<Decimal> lo, hi;
  for (uint32_t k = 0; k < n; ++k) {
    if (at[k] > *low + slack && at[k] < *high - slack) continue;
    Decimal v = AtCorner(f.terms, c->masks.data(), k);
    if (at[k] <= *low + slack && (!lo || v < *lo)) lo = v;
    if (at[k] >= *high - slack && (!hi || v > *hi)) hi = v;
  }
  return {f.centre + *lo - f.error, f.centre + *hi + f.error};
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
  if (std::optional<Corners> c = CornersOf({&a, &b})) {
    // At each corner the numerator is na ± ea and the denominator nb ± eb,
    // of one sign throughout: the quotient's least and greatest there are
    // at the numerator's ends over one or the other end of the denominator.
    const auto [b_lo, b_hi] = Range(b);
    if (b_lo <= Decimal(0) && b_hi >= Decimal(0)) return std::nullopt;
    std::optional<Decimal> lo, hi;
    for (uint32_t k = 0; k < (1u << c->inputs); ++k) {
      Decimal na = a.centre + AtCorner(a.terms, c->masks.data(), k);
      Decimal nb = b.centre + AtCorner(b.terms, c->masks.data() + a.terms.size(), k);
      for (const Decimal& num : {na - a.error, na + a.error})
        for (const Decimal& den : {nb - b.error, nb + b.error}) {
          Decimal q = num / den;
          if (!lo || q < *lo) lo = q;
          if (!hi || q > *hi) hi = q;
        }
    }
    return std::make_pair(*lo, *hi);
  }
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
