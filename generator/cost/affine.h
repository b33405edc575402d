// Affine forms: where a range's uncertainty comes from. A range that depends
// on uncertain inputs is kept as
//
//   centre + Σ coefᵢ·εᵢ + error·η,   every εᵢ and η in [−1, 1],
//
// with one noise symbol εᵢ per named uncertain input (a ranged price value, a
// range written in a formula) and η standing for fresh, uncorrelated noise
// that non-linear steps add. Sums, differences and products by a number are
// exact, so a range that appears in two figures cancels in their difference.
// Internal to the cost stage: everything else sees Interval's lo and hi.
#ifndef COSTSITE_COST_AFFINE_H_
#define COSTSITE_COST_AFFINE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cost/decimal.h"

namespace costsite::cost {

/// One named uncertain input. Two symbols are the same input when their
/// names are equal; the hash only orders and compares them quickly.
struct NoiseSymbol {
  uint64_t hash = 0;
  std::string name;
};
using Symbol = std::shared_ptr<const NoiseSymbol>;

/// A symbol for the input named `name`.
Symbol MakeSymbol(std::string name);
/// Orders symbols (by hash, then name); equal names compare equal.
int CompareSymbols(const Symbol& a, const Symbol& b);

struct AffineTerm {
  Symbol symbol;
  Decimal coef;  // never zero
};

/// An immutable affine form; terms sorted by symbol, each symbol once.
struct AffineForm {
  Decimal centre;
  std::vector<AffineTerm> terms;
  Decimal error;  // >= 0

  /// Σ |coefᵢ| + error: the form ranges over centre ± Radius().
  Decimal Radius() const;
};

/// ka·a + kb·b + shift, merging the terms of shared symbols.
AffineForm Combine(const AffineForm& a, const Decimal& ka, const AffineForm& b, const Decimal& kb,
                   const Decimal& shift = Decimal(0));
/// a·k for a number k.
AffineForm Scale(const AffineForm& a, const Decimal& k);
/// a·b: the linear part is exact, rad(a)·rad(b) goes to the error term.
AffineForm Multiply(const AffineForm& a, const AffineForm& b);
/// 1/a, by the min-range linearisation of 1/y over [lo, hi], an interval
/// that holds a's value and not zero (REQUIRES: lo > 0 or hi < 0).
AffineForm Reciprocal(const AffineForm& a, const Decimal& lo, const Decimal& hi);
/// The least and greatest of a/b over every value of the noise symbols (the
/// errors of a and b taken as two more, independent symbols): a quotient of
/// two affine functions is monotone along each symbol, so this is the exact
/// range of the forms' quotient. nullopt when b can be zero over the symbols'
/// ranges, or when the two have more than `kMaxQuotientSymbols` symbols.
std::optional<std::pair<Decimal, Decimal>> QuotientRange(const AffineForm& a, const AffineForm& b);
constexpr size_t kMaxQuotientSymbols = 64;
/// c when b = c·a term by term, with no error term in either (so b/a is
/// exactly c); nullopt otherwise.
std::optional<Decimal> ProportionOf(const AffineForm& b, const AffineForm& a);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_AFFINE_H_
