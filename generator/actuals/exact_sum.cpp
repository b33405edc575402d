#include "actuals/exact_sum.h"

#include <string>

namespace costsite::actuals {

namespace {

constexpr int kScale = 18;
constexpr int kMaxIntDigits = 19;

}  // namespace

std::optional<Amount> ParseAmount(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  __int128 v = 0;
  int int_digits = 0, frac_digits = 0;
  bool simple = true;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    v = v * 10 + (text[i++] - '0');
    if (++int_digits > kMaxIntDigits) simple = false;
    if (!simple) break;
  }
  if (simple && i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (++frac_digits > kScale) {
        simple = false;
        break;
      }
      v = v * 10 + (text[i++] - '0');
    }
  }
  if (simple && i == text.size() && int_digits + frac_digits > 0) {
    for (int k = frac_digits; k < kScale; ++k) v *= 10;
    Amount a;
    a.scaled = negative ? -v : v;
    a.fits = true;
    return a;
  }
  // Exponents, long fractions and huge numbers: the exact, slower way.
  auto d = cost::Decimal::Parse(text);
  if (!d || !d->IsFinite()) return std::nullopt;
  Amount a;
  a.wide = *d;
  return a;
}

void ExactSum::Add(const Amount& a) {
  if (a.fits) {
    __int128 sum;
    if (!__builtin_add_overflow(scaled_, a.scaled, &sum)) {
      scaled_ = sum;
      return;
    }
    wide_ = wide_.value_or(cost::Decimal(0)) + FromScaled(a.scaled);
    return;
  }
  wide_ = wide_.value_or(cost::Decimal(0)) + *a.wide;
}

cost::Decimal ExactSum::Value() const {
  cost::Decimal v = FromScaled(scaled_);
  if (wide_) v += *wide_;
  return v;
}

cost::Decimal FromScaled(__int128 v) {
  bool negative = v < 0;
  unsigned __int128 u = negative ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  } while (u != 0);
  if (digits.size() <= static_cast<size_t>(kScale)) digits.insert(0, kScale + 1 - digits.size(), '0');
  digits.insert(digits.size() - kScale, ".");
  if (negative) digits.insert(0, "-");
  return *cost::Decimal::Parse(digits);
}

}  // namespace costsite::actuals
