// Affine forms: where a range's uncertainty comes from. A range that depends
// on uncertain inputs is kept as
//
//   centre + Σ coefᵢ·εᵢ + error·η,   every εᵢ and η in [−1, 1],
//
// with one noise symbol εᵢ per named uncertain input (a ranged price value, a
// range written in a formula) and η standing for fresh, uncorrelated noise
// that non-linear steps add. Sums, differences and products by a number are
// exact, so a range that appears in two figures cancels in their difference.
// A product of two ranges keeps its part ε₁·ε₂ as a symbol of its own (a
// product of inputs, in [−1, 1] too), so that `gpus * price` in two
// scenarios cancels as well: a scenario at 0.9 times the base case costs
// 10 % less over the whole range, not "between 32 % less and 20 % more".
// A form of such products is a polynomial of degree one in each input, whose
// least and greatest values are at the corners of the inputs' ranges; those
// are what Range and QuotientRange find.
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

struct NoiseSymbol;
using Symbol = std::shared_ptr<const NoiseSymbol>;

/// One named uncertain input, or a product of several. Two symbols are the
/// same when their names are equal; the hash only orders and compares them
/// quickly. A product's name is its inputs' names in symbol order, joined
/// by kProductSeparator, so it is made again from its name alone (results
/// held in a file keep names only).
struct NoiseSymbol {
  uint64_t hash = 0;
  std::string name;
  std::vector<Symbol> factors;  // a product's inputs, in symbol order; empty for an input
};
inline constexpr char kProductSeparator = '\x1f';

/// A symbol for the input named `name` (a product's when the name joins
/// several with kProductSeparator).
Symbol MakeSymbol(std::string name);
/// Orders symbols (by hash, then name); equal names compare equal.
int CompareSymbols(const Symbol& a, const Symbol& b);
/// CompareSymbols as an ordering for sorts and merges.
struct SymbolLess {
  bool operator()(const Symbol& a, const Symbol& b) const { return CompareSymbols(a, b) < 0; }
};

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

/// Terms in any order, a symbol perhaps several times, sorted by symbol with
/// each symbol's coefficients added and the terms that come to zero left out.
std::vector<AffineTerm> MergedTerms(std::vector<AffineTerm> terms);
/// ka·a + kb·b + shift, merging the terms of shared symbols.
AffineForm Combine(const AffineForm& a, const Decimal& ka, const AffineForm& b, const Decimal& kb,
                   const Decimal& shift = Decimal(0));
/// a·k for a number k.
AffineForm Scale(const AffineForm& a, const Decimal& k);
/// a·b: the linear part is exact; each product of two different inputs' terms
/// is a term of their product symbol, a square's lies in [0, coef]; what
/// multiplies an error term, a product of more than kMaxFactors inputs and
/// products past kMaxProductTerms go to the error term.
AffineForm Multiply(const AffineForm& a, const AffineForm& b);
constexpr size_t kMaxFactors = 4;
constexpr size_t kMaxProductTerms = 64;
/// The least and greatest value of the form over every value of its symbols:
/// centre ± Radius() when it has no product, else found at the corners of
/// its inputs' ranges, exact for up to kMaxCornerInputs inputs.
std::pair<Decimal, Decimal> Range(const AffineForm& f);
constexpr size_t kMaxCornerInputs = 12;
/// 1/a, by the min-range linearisation of 1/y over [lo, hi], an interval
/// that holds a's value and not zero (REQUIRES: lo > 0 or hi < 0).
AffineForm Reciprocal(const AffineForm& a, const Decimal& lo, const Decimal& hi);
/// The least and greatest of a/b over every value of the noise symbols (the
/// errors of a and b taken as two more, independent symbols): a quotient of
/// two affine functions is monotone along each symbol, so this is the exact
/// range of the forms' quotient. With products of inputs, a and b are of
/// degree one in each input, so the quotient is still monotone along each and
/// its range is found at the corners (up to kMaxCornerInputs inputs; past
/// that, each product is taken as an input of its own, which holds every
/// value too). nullopt when b can be zero over the symbols' ranges, or when
/// the two have more than `kMaxQuotientSymbols` symbols.
std::optional<std::pair<Decimal, Decimal>> QuotientRange(const AffineForm& a, const AffineForm& b);
constexpr size_t kMaxQuotientSymbols = 64;
/// c when b = c·a term by term, with no error term in either (so b/a is
/// exactly c); nullopt otherwise.
std::optional<Decimal> ProportionOf(const AffineForm& b, const AffineForm& a);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_AFFINE_H_
