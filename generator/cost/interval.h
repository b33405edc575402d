// Closed intervals of decimals, so that "500 to 1500 CNY/month" flows through
// every formula and totals of ranged items are ranges. A plain number is the
// interval [x, x].
//
// A range also remembers the named uncertain inputs it comes from (an affine
// form, cost/affine.h), so that the same input in two figures cancels in their
// difference: total - total is 0, and a saving between two scenarios that
// share a ranged item is exact. What is shown is [lo, hi], the intersection
// of the plain interval result and the affine form's range: both hold every
// possible value, so the intersection does, and it is never wider than plain
// interval arithmetic alone.
#ifndef COSTSITE_COST_INTERVAL_H_
#define COSTSITE_COST_INTERVAL_H_

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "cost/decimal.h"

namespace costsite::cost {

struct AffineForm;

/// [lo, hi] with lo <= hi.
struct Interval {
  Decimal lo;
  Decimal hi;
  /// The inputs the range depends on; null for a point and for a range that
  /// tracks none (then it is as independent of everything as a fresh input).
  std::shared_ptr<const AffineForm> form;

  Interval() = default;
  Interval(Decimal point) : lo(point), hi(point) {}  // NOLINT: a number is a point interval
  Interval(Decimal low, Decimal high) : lo(std::move(low)), hi(std::move(high)) {}

  bool IsPoint() const { return lo == hi; }
  bool Contains(const Decimal& x) const { return lo <= x && x <= hi; }
  /// The midpoint (lo + hi) / 2.
  Decimal Mid() const;
  /// Equal ends; where the uncertainty comes from does not matter.
  friend bool operator==(const Interval& a, const Interval& b) { return a.lo == b.lo && a.hi == b.hi; }
};

/// The same ends, naming no inputs: for a copy that is only shown (an input
/// listed in an explanation), so a large form is not copied for each.
inline Interval Ends(const Interval& a) { return Interval(a.lo, a.hi); }

/// An interval's ends as an explanation shows them (an input's value, the
/// steps of a conversion): no uncertain inputs, and one number when the ends
/// are equal, as nearly all are. An explanation holds several per figure, and
/// a whole Interval (two numbers and a form) was 128 bytes; this is 64, the
/// upper end owned alone (a copy of a range copies it), so that a conversion's
/// three (ConversionUse) fit jemalloc's 256-byte class.
class IntervalEnds {
 public:
  IntervalEnds() = default;
  IntervalEnds(const Interval& v)  // NOLINT: implicit, as the value it shows
      : lo_(v.lo), hi_(v.IsPoint() ? nullptr : std::make_unique<const Decimal>(v.hi)) {}
  IntervalEnds(const IntervalEnds& o) : lo_(o.lo_), hi_(o.hi_ ? std::make_unique<const Decimal>(*o.hi_) : nullptr) {}
  IntervalEnds(IntervalEnds&&) noexcept = default;
  IntervalEnds& operator=(const IntervalEnds& o) {
    if (this != &o) *this = IntervalEnds(o);
    return *this;
  }
  IntervalEnds& operator=(IntervalEnds&&) noexcept = default;
  operator Interval() const { return hi_ ? Interval(lo_, *hi_) : Interval(lo_); }  // NOLINT: reads as the value
  const Decimal& lo() const { return lo_; }
  const Decimal& hi() const { return hi_ ? *hi_ : lo_; }

 private:
  Decimal lo_;
  std::unique_ptr<const Decimal> hi_;  // null for a point
};

/// [lo, hi] as one uncertain input named `source` ("@aws/x:spot@2025-01-01",
/// "model|param@0"): every range made from it shares its uncertainty. A point
/// is returned as it is.
Interval Uncertain(const Interval& range, std::string source);

/// `result`, a range a step that is not linear made of `args` (`ceil`, `min`,
/// `round`, `sqrt`, a tiered charge…), as an uncertain input of its own, so
/// that a figure holding it cancels with itself (`nodes - nodes` is 0, and
/// `total / total` is 1 for `total = nodes × rate`). Its name is `step` with
/// the arguments' forms and the result's ends when every argument is a number
/// or exact in named inputs: the same step of the same inputs is one value,
/// so the figure of two scenarios that compute it alike is one input too.
/// An argument whose form has a rounding error (a quotient of ranges) names
/// it too when `formula` is given, the step's place in the model's formulas
/// whatever the scenario: that formula of the same inputs in two scenarios
/// is one value. Otherwise (an argument with fresh noise) the name is
/// `place`, where and in which scenario the step is, which no other value
/// has. A point, or a range that already names its inputs, is returned as it is.
Interval Derived(Interval result, std::string_view step, std::span<const Interval* const> args,
                 std::string_view place, std::string_view formula = {});

Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);
Interval operator-(const Interval& a);
Interval operator*(const Interval& a, const Interval& b);
/// a / b; nullopt when b contains zero.
std::optional<Interval> Divide(const Interval& a, const Interval& b);
/// The sum of every part, in one pass (however many inputs they name).
Interval Sum(const std::vector<Interval>& parts);
/// The smallest interval holding both.
Interval Hull(const Interval& a, const Interval& b);
/// Each end rounded half away from zero to `digits` decimals.
Interval Round(const Interval& a, int digits);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_INTERVAL_H_
