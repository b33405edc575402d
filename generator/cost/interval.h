// Closed intervals of decimals, so that "500 to 1500 CNY/month" flows through
// every formula and totals of ranged items are ranges. A plain number is the
// interval [x, x].
#ifndef COSTSITE_COST_INTERVAL_H_
#define COSTSITE_COST_INTERVAL_H_

#include <optional>

#include "cost/decimal.h"

namespace costsite::cost {

/// [lo, hi] with lo <= hi.
struct Interval {
  Decimal lo;
  Decimal hi;

  Interval() = default;
  Interval(Decimal point) : lo(point), hi(point) {}  // NOLINT: a number is a point interval
  Interval(Decimal low, Decimal high) : lo(std::move(low)), hi(std::move(high)) {}

  bool IsPoint() const { return lo == hi; }
  bool Contains(const Decimal& x) const { return lo <= x && x <= hi; }
  /// The midpoint (lo + hi) / 2.
  Decimal Mid() const;
  friend bool operator==(const Interval&, const Interval&) = default;
};

Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);
Interval operator-(const Interval& a);
Interval operator*(const Interval& a, const Interval& b);
/// a / b; nullopt when b contains zero.
std::optional<Interval> Divide(const Interval& a, const Interval& b);
/// The smallest interval holding both.
Interval Hull(const Interval& a, const Interval& b);
/// Each end rounded half away from zero to `digits` decimals.
Interval Round(const Interval& a, int digits);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_INTERVAL_H_
