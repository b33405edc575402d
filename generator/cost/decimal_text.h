// Every digit of an exact sum: Decimal::ToString stops at 41 significant
// digits so that quotients (1/730) print cleanly, which cuts a sum of
// amounts written with exponents or long fractions short. Kept beside
// decimal.h, which nearly every file includes; the actuals command is its user.
#ifndef COSTSITE_COST_DECIMAL_TEXT_H_
#define COSTSITE_COST_DECIMAL_TEXT_H_

#include <string>

#include "cost/decimal.h"

namespace costsite::cost {

/// Plain notation, trailing zeros trimmed, as ToString, with up to 50
/// significant digits (rounded half up after the 50th): the digits a sum
/// of decimals keeps exactly. "12345678901.50000000000000011102230246251565".
std::string ToFullString(const Decimal& d);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_DECIMAL_TEXT_H_
