#include "cost/interval.h"

#include <algorithm>
#include <array>

namespace costsite::cost {

Decimal Interval::Mid() const { return (lo + hi) / Decimal(2); }

Interval operator+(const Interval& a, const Interval& b) { return {a.lo + b.lo, a.hi + b.hi}; }
Interval operator-(const Interval& a, const Interval& b) { return {a.lo - b.hi, a.hi - b.lo}; }
Interval operator-(const Interval& a) { return {-a.hi, -a.lo}; }

Interval operator*(const Interval& a, const Interval& b) {
  if (a.IsPoint() && b.IsPoint()) return Interval(a.lo * b.lo);
  std::array<Decimal, 4> c = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return {*std::min_element(c.begin(), c.end()), *std::max_element(c.begin(), c.end())};
}

std::optional<Interval> Divide(const Interval& a, const Interval& b) {
  if (b.Contains(Decimal(0))) return std::nullopt;
  if (a.IsPoint() && b.IsPoint()) return Interval(a.lo / b.lo);
  std::array<Decimal, 4> c = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
  return Interval(*std::min_element(c.begin(), c.end()), *std::max_element(c.begin(), c.end()));
}

Interval Hull(const Interval& a, const Interval& b) {
  return {Min(a.lo, b.lo), Max(a.hi, b.hi)};
}

Interval Round(const Interval& a, int digits) {
  return {a.lo.RoundHalfAwayFromZero(digits), a.hi.RoundHalfAwayFromZero(digits)};
}

}  // namespace costsite::cost
