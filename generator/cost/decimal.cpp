#include "cost/decimal.h"

#include <cctype>
#include <cstdint>
#include <vector>
#include <cmath>
#include <cstdlib>

namespace costsite::cost {
namespace {

using Backend = boost::multiprecision::cpp_dec_float_50;

// Digits kept after the leading one when printing or rounding (boost's
// scientific precision, so 41 significant digits): fewer than the 50 carried,
// so the last-digit error of inexact quotients (1/730, 1/3600) never shows.
constexpr int kCleanDigits = 40;
constexpr int kMaxExponent = 1000;

bool IsPlainNumber(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  size_t digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    size_t start = i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i == start || i - start > 4) return false;
    if (std::atoi(std::string(t.substr(start, i - start)).c_str()) > kMaxExponent) return false;
  }
  return i == t.size();
}

// 10^n, exact. Building it from the text "1e…" on every rounding was a
// large part of formatting a figure; the common range is made once.
const Backend& Pow10(int n) {
  constexpr int kCached = 80;
  static const std::vector<Backend> table = [] {
    std::vector<Backend> t;
    for (int i = -kCached; i <= kCached; ++i) t.emplace_back("1e" + std::to_string(i));
    return t;
  }();
  if (n >= -kCached && n <= kCached) return table[n + kCached];
  thread_local Backend other;
  other = Backend("1e" + std::to_string(n));
  return other;
}

// 0.5, made once: converting from a double on every rounding showed up.
const Backend& Half() {
  static const Backend half("0.5");
  return half;
}

// The fast path of printing and rounding: most figures have few significant
// digits (0.34 × 730 is 248.2), and boost's str() is slow. True when
// |v| = digits × 10^exponent with digits below 10^18 and no trailing zero.
bool ShortDigits(const Backend& v, uint64_t* digits, int* exponent) {
  if (v == 0) return false;
  int k = 17 - static_cast<int>(v.backend().order());
  Backend scaled = boost::multiprecision::abs(v) * Pow10(k);
  if (scaled >= Pow10(18) || boost::multiprecision::floor(scaled) != scaled) return false;
  uint64_t d = scaled.convert_to<uint64_t>();
  int e = -k;
  while (d != 0 && d % 10 == 0) d /= 10, ++e;
  if (d == 0) return false;
  *digits = d;
  *exponent = e;
  return true;
}

// `v` rounded half up (in magnitude) to kCleanDigits + 1 significant digits,
// so 11.4999…9 (an artefact of dividing by 730) becomes 11.5. By arithmetic,
// not by printing and parsing: scaling by a power of ten is exact in a
// decimal float, and the scaled value's integer part has those digits.
Backend Clean(const Backend& v) {
  if (v == 0) return v;
  int k = kCleanDigits - static_cast<int>(v.backend().order());
  Backend r = boost::multiprecision::floor(boost::multiprecision::abs(v) * Pow10(k) + Half()) * Pow10(-k);
  return v < 0 ? Backend(-r) : r;
}

// Splits boost's scientific text "-2.4820e+02" into sign, digits "24820" and exponent 2.
void SplitScientific(const std::string& s, bool* negative, std::string* digits, int* exponent) {
  size_t i = 0;
  *negative = !s.empty() && s[0] == '-';
  if (*negative) ++i;
  digits->clear();
  for (; i < s.size() && s[i] != 'e'; ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digits->push_back(s[i]);
  }
  *exponent = i < s.size() ? std::atoi(s.c_str() + i + 1) : 0;
}

}  // namespace

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  if (text.empty() || text.size() > 200 || !IsPlainNumber(text)) return std::nullopt;
  std::string s(text);
  if (s[0] == '+') s.erase(0, 1);
  return Decimal(Backend(s));
}

std::string Decimal::ToString() const {
  if (!IsFinite()) return "nan";
  if (v_ == 0) return "0";
  bool negative;
  std::string digits;
  int exponent;
  uint64_t d;
  if (ShortDigits(v_, &d, &exponent) || ShortDigits(Clean(v_), &d, &exponent)) {
    negative = v_ < 0;
    digits = std::to_string(d);
    exponent += static_cast<int>(digits.size()) - 1;  // of the leading digit, as in scientific notation
  } else {
    SplitScientific(v_.str(kCleanDigits, std::ios_base::scientific), &negative, &digits, &exponent);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (digits == "0") return "0";
  std::string out;
  int n = static_cast<int>(digits.size());
  if (exponent < 0) {
    out = "0." + std::string(-exponent - 1, '0') + digits;
  } else if (exponent + 1 >= n) {
    out = digits + std::string(exponent + 1 - n, '0');
  } else {
    out = digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
  }
  return negative ? "-" + out : out;
}

std::string Decimal::ToFixed(int digits) const {
  std::string s = RoundHalfAwayFromZero(digits).ToString();
  if (digits <= 0) return s;
  size_t dot = s.find('.');
  if (dot == std::string::npos) {
    s += ".";
    dot = s.size() - 1;
  }
  size_t have = s.size() - dot - 1;
  if (have < static_cast<size_t>(digits)) s += std::string(digits - have, '0');
  return s;
}

Decimal Decimal::RoundHalfAwayFromZero(int digits) const {
  if (!IsFinite() || v_ == 0) return *this;
  uint64_t d;
  int exponent;
  // Clean first: 11.4999…9 (an artefact of dividing by 730) must round as 11.5.
  bool short_digits = ShortDigits(v_, &d, &exponent);
  Backend clean = short_digits ? v_ : Clean(v_);
  if (short_digits || ShortDigits(clean, &d, &exponent)) {
    // Exact in at most 18 digits: integer arithmetic rounds it. `drop`
    // digits go; half of 10^drop or more rounds up.
    int drop = -digits - exponent;
    if (drop <= 0) return Decimal(clean);
    if (drop >= 19) return Decimal(0);  // d < 10^18 < half of 10^drop
    uint64_t unit = 1;
    for (int i = 0; i < drop; ++i) unit *= 10;
    uint64_t q = d / unit + (d % unit >= unit / 2 ? 1 : 0);
    Backend rounded = Backend(q) * Pow10(exponent + drop);
    return Decimal(v_ < 0 ? Backend(-rounded) : rounded);
  }
  Backend scaled = boost::multiprecision::abs(clean) * Pow10(digits);
  Backend rounded = boost::multiprecision::floor(scaled + Half()) * Pow10(-digits);
  return Decimal(clean < 0 ? Backend(-rounded) : rounded);
}

Decimal Decimal::RoundSignificant(int digits) const {
  if (!IsFinite() || v_ == 0) return *this;
  bool negative;
  std::string ds;
  int exponent;
  if (uint64_t d; ShortDigits(v_, &d, &exponent)) {
    for (; d >= 10; d /= 10) ++exponent;  // of the leading digit
  } else {
    SplitScientific(v_.str(kCleanDigits, std::ios_base::scientific), &negative, &ds, &exponent);
  }
  return RoundHalfAwayFromZero(digits - 1 - exponent);
}

double Decimal::ToDouble() const {
  // boost's convert_to<double> prints the number and reads it back through a
  // stringstream: a tenth of a build when the drift checks compared every
  // typed number with every figure. The limbs give the mantissa directly;
  // scaling it by a power of ten costs an ulp or two, which charts and the
  // 0.5 % heuristic of the drift checks never see.
  if (!IsFinite()) return v_.convert_to<double>();
  if (v_ == 0) return 0.0;
  double mantissa = 0;
  int exponent = 0;
  v_.backend().extract_parts(mantissa, exponent);
  if (exponent > 308 || exponent < -307) return v_.convert_to<double>();
  static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  int e = exponent < 0 ? -exponent : exponent;
  double scale = e <= 22 ? kPow10[e] : std::pow(10.0, e);
  return exponent < 0 ? mantissa / scale : mantissa * scale;
}
Decimal Decimal::Abs() const { return Decimal(Backend(boost::multiprecision::abs(v_))); }
Decimal Decimal::Ceil() const { return Decimal(Backend(boost::multiprecision::ceil(v_))); }
Decimal Decimal::Floor() const { return Decimal(Backend(boost::multiprecision::floor(v_))); }
Decimal Decimal::Sqrt() const { return Decimal(Backend(boost::multiprecision::sqrt(v_))); }

std::optional<Decimal> Decimal::Pow(int64_t exponent) const {
  if (exponent < -10000 || exponent > 10000) return std::nullopt;
  if (v_ == 0 && exponent < 0) return std::nullopt;
  Decimal r(Backend(boost::multiprecision::pow(v_, static_cast<int>(exponent))));
  if (!r.IsFinite()) return std::nullopt;
  return r;
}

std::optional<Decimal> Decimal::Pow(const Decimal& exponent) const {
  if (auto n = exponent.ToInt()) return Pow(*n);
  if (v_ <= 0) return std::nullopt;
  Decimal r(Backend(boost::multiprecision::exp(exponent.v_ * boost::multiprecision::log(v_))));
  if (!r.IsFinite()) return std::nullopt;
  return r;
}

bool Decimal::IsZero() const { return v_ == 0; }
bool Decimal::IsNegative() const { return v_ < 0; }
bool Decimal::IsInteger() const { return IsFinite() && boost::multiprecision::floor(v_) == v_; }
bool Decimal::IsFinite() const {
  return !boost::multiprecision::isinf(v_) && !boost::multiprecision::isnan(v_);
}

std::optional<int64_t> Decimal::ToInt() const {
  if (!IsInteger() || boost::multiprecision::abs(v_) > Backend("1e18")) return std::nullopt;
  return v_.convert_to<int64_t>();
}

bool Decimal::NearlyEquals(const Decimal& other) const {
  if (v_ == other.v_) return true;
  Backend scale = boost::multiprecision::abs(v_);
  Backend b = boost::multiprecision::abs(other.v_);
  if (b > scale) scale = b;
  return boost::multiprecision::abs(v_ - other.v_) <= scale * Backend("1e-40");
}

Decimal Decimal::operator-() const { return Decimal(Backend(-v_)); }
Decimal& Decimal::operator+=(const Decimal& o) { v_ += o.v_; return *this; }
Decimal& Decimal::operator-=(const Decimal& o) { v_ -= o.v_; return *this; }
Decimal& Decimal::operator*=(const Decimal& o) { v_ *= o.v_; return *this; }
Decimal& Decimal::operator/=(const Decimal& o) { v_ /= o.v_; return *this; }

}  // namespace costsite::cost
