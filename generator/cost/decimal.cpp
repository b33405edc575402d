#include "cost/decimal.h"

#include <cctype>
#include <cstdlib>

namespace costsite::cost {
namespace {

using Backend = boost::multiprecision::cpp_dec_float_50;

// Digits kept when printing or rounding: fewer than the 50 carried, so the
// last-digit error of inexact quotients (1/730, 1/3600) never shows.
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

Backend Pow10(int n) { return Backend("1e" + std::to_string(n)); }

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
  SplitScientific(v_.str(kCleanDigits, std::ios_base::scientific), &negative, &digits, &exponent);
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
  // Clean first: 11.4999…9 (an artefact of dividing by 730) must round as 11.5.
  Backend clean(v_.str(kCleanDigits, std::ios_base::scientific));
  Backend scaled = boost::multiprecision::abs(clean) * Pow10(digits);
  Backend rounded = boost::multiprecision::floor(scaled + Backend("0.5")) / Pow10(digits);
  return Decimal(clean < 0 ? Backend(-rounded) : rounded);
}

Decimal Decimal::RoundSignificant(int digits) const {
  if (!IsFinite() || v_ == 0) return *this;
  bool negative;
  std::string ds;
  int exponent;
  SplitScientific(v_.str(kCleanDigits, std::ios_base::scientific), &negative, &ds, &exponent);
  return RoundHalfAwayFromZero(digits - 1 - exponent);
}

double Decimal::ToDouble() const { return v_.convert_to<double>(); }
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
