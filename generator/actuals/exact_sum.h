// Exact sums of decimal amounts. Amounts of up to 18 decimals and 19 integer
// digits (every amount a bill holds) are added as 128-bit integers scaled by
// 10^18, which is exact and fast; any other amount, and a sum that would
// overflow, goes to an exact Decimal instead. Internal to the actuals stage.
#ifndef COSTSITE_ACTUALS_EXACT_SUM_H_
#define COSTSITE_ACTUALS_EXACT_SUM_H_

#include <optional>
#include <string_view>

#include "cost/decimal.h"

namespace costsite::actuals {

/// A parsed amount: scaled by 10^18 when it fits, else only as a Decimal.
struct Amount {
  __int128 scaled = 0;
  bool fits = false;                  // `scaled` holds it exactly
  std::optional<cost::Decimal> wide;  // when it does not fit
};

/// Parses "-12.5", "0.000001", "1e-3"; nullopt if `text` is not a number.
std::optional<Amount> ParseAmount(std::string_view text);

class ExactSum {
 public:
  void Add(const Amount& a);
  /// The exact sum.
  cost::Decimal Value() const;

 private:
  __int128 scaled_ = 0;
  std::optional<cost::Decimal> wide_;
};

/// `v` / 10^18 as an exact Decimal.
cost::Decimal FromScaled(__int128 v);

}  // namespace costsite::actuals

#endif  // COSTSITE_ACTUALS_EXACT_SUM_H_
