// Exact decimal numbers for money and quantities: 50 significant digits, so
// 0.34 × 730 is exactly 248.2 and no binary floating-point artefact reaches a
// displayed figure.
#ifndef COSTSITE_COST_DECIMAL_H_
#define COSTSITE_COST_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace costsite::cost {

/// An exact decimal number (boost's cpp_dec_float_50) with value semantics.
///
/// The boost number is held as bytes of its size and handled only in
/// decimal.cpp: its header and the boost.math it pulls in are a third of
/// the text of every file that includes this one, and about three seconds of
/// compiling each of them. Every operation is a call into decimal.cpp, as
/// all but the comparisons were before.
class Decimal {
 public:
  Decimal();  // zero
  Decimal(int64_t v);  // NOLINT: implicit so `Decimal x = 0` reads well
  Decimal(const Decimal& o);
  Decimal& operator=(const Decimal& o);
  ~Decimal();

  /// Parses plain or exponent notation ("12", "-0.023", "1.5e3"); nullopt if malformed.
  static std::optional<Decimal> Parse(std::string_view text);

  /// Plain decimal notation with trailing zeros trimmed ("248.2", "0.000001");
  /// at most 41 significant digits so quotients such as 1/730 print cleanly.
  std::string ToString() const;
  /// Exactly `digits` decimals after rounding half away from zero ("248.20").
  std::string ToFixed(int digits) const;
  /// 10^n, exact.
  static Decimal PowerOfTen(int n);
  /// Rounds half away from zero to `digits` decimals (negative: tens, hundreds…).
  Decimal RoundHalfAwayFromZero(int digits) const;
  /// Rounds half away from zero to `digits` significant digits.
  Decimal RoundSignificant(int digits) const;
  /// Appends the exact value in a compact binary form that ReadExact reads
  /// back to an equal value (every digit boost keeps, not only those printed):
  /// a build holds its models' results in a temporary file this way.
  void AppendExact(std::string* out) const;
  /// Reads a value AppendExact wrote at `in[*at]`, moving `*at` past it;
  /// false on bytes it did not write.
  static bool ReadExact(std::string_view in, size_t* at, Decimal* out);
  /// Nearest double, for charts only.
  double ToDouble() const;

  Decimal Abs() const;
  /// The whole number above or below, of the value at its 41 significant
  /// digits (as it prints): a quotient's last-digit error never moves it.
  Decimal Ceil() const;
  Decimal Floor() const;
  Decimal Sqrt() const;  // REQUIRES: *this >= 0
  /// `*this` raised to an integer power; nullopt for 0 to a negative power.
  std::optional<Decimal> Pow(int64_t exponent) const;
  /// `*this` raised to any power; nullopt unless the base is positive (or the
  /// exponent is an integer, then as above).
  std::optional<Decimal> Pow(const Decimal& exponent) const;
  bool IsZero() const;
  bool IsNegative() const;
  bool IsInteger() const;
  /// False after an overflow (infinity or not-a-number).
  bool IsFinite() const;
  /// The value as an integer if it is one and fits; nullopt otherwise.
  std::optional<int64_t> ToInt() const;
  /// True when the two differ by no more than 1e-40 relative to the larger,
  /// which absorbs the rounding of inexact quotients such as 1/730.
  bool NearlyEquals(const Decimal& other) const;

  Decimal operator-() const;
  Decimal& operator+=(const Decimal& o);
  Decimal& operator-=(const Decimal& o);
  Decimal& operator*=(const Decimal& o);
  /// REQUIRES: `o` is not zero.
  Decimal& operator/=(const Decimal& o);
  friend Decimal operator+(Decimal a, const Decimal& b) { return a += b; }
  friend Decimal operator-(Decimal a, const Decimal& b) { return a -= b; }
  friend Decimal operator*(Decimal a, const Decimal& b) { return a *= b; }
  friend Decimal operator/(Decimal a, const Decimal& b) { return a /= b; }
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

 private:
  friend struct DecimalAccess;  // decimal.cpp's view of the bytes as the boost number
  // sizeof and alignof of cpp_dec_float_50 (nine 32-bit limbs, the exponent,
  // sign, class and precision), checked where it is known (decimal.cpp).
  static constexpr size_t kSize = 56, kAlign = 4;
  alignas(kAlign) unsigned char rep_[kSize];
};

/// The smaller and larger of two decimals.
inline const Decimal& Min(const Decimal& a, const Decimal& b) { return b < a ? b : a; }
inline const Decimal& Max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }

}  // namespace costsite::cost

#endif  // COSTSITE_COST_DECIMAL_H_
