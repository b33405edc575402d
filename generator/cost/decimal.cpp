#include "cost/decimal.h"
#include "cost/decimal_text.h"

#include "base/spill.h"

#include <boost/core/nvp.hpp>
#include <boost/multiprecision/cpp_dec_float.hpp>

#include <array>
#include <new>
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
// The significant digits a sum keeps exactly (of the 73 or more boost holds).
constexpr int kFullDigits = 50;
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

// boost keeps a cpp_dec_float as limbs of eight decimal digits, most
// significant first (|v| = sum of limb[i] x 10^(exp - 8i), limb[0] not zero),
// and shows them only through serialize(). Printing and rounding read them
// there: a loop over ten integers, where multiplying by a power of ten (a
// 50-digit product) and boost's str() were a third of rendering a page of
// figures (callgrind, the benchmark's corpus with cost content).
constexpr int kLimbDigits = 8;
constexpr uint32_t kLimbBase = 100000000;
constexpr size_t kMaxLimbs = 16;

struct Limbs {
  std::array<uint32_t, kMaxLimbs> limb{};
  size_t count = 0;  // limbs boost keeps (10 for 50 digits)
  int exp = 0;       // of limb[0], a multiple of 8
  bool neg = false;
  int fpclass = 0;   // boost's own fields, carried back unchanged
  int32_t prec = 0;
};

// An archive for serialize() that reads a value's fields into Limbs or, with
// kWrite, sets them from it.
template <bool kWrite>
class LimbArchive {
 public:
  explicit LimbArchive(Limbs* l) : l_(l) {}
  template <class T>
  LimbArchive& operator&(const boost::serialization::nvp<T>& field) {
    T& v = field.value();
    switch (field.name()[0]) {
      case 'd':  // digit
        if (digits_ < kMaxLimbs) Move(&l_->limb[digits_], &v);
        ++digits_;
        break;
      case 'e': Move(&l_->exp, &v); break;       // exponent
      case 's': Move(&l_->neg, &v); break;       // sign
      case 'c': Move(&l_->fpclass, &v); break;   // class-type
      case 'p': Move(&l_->prec, &v); break;      // precision
    }
    return *this;
  }
  size_t digits() const { return digits_; }

 private:
  template <class A, class B>
  static void Move(A* ours, B* theirs) {
    if constexpr (kWrite) *theirs = static_cast<B>(*ours);
    else *ours = static_cast<A>(*theirs);
  }
  Limbs* l_;
  size_t digits_ = 0;
};

// False for zero, infinities and NaN, which take boost's own paths.
bool Read(const Backend& v, Limbs* out) {
  if (v == 0 || !boost::multiprecision::isfinite(v)) return false;
  LimbArchive<false> ar(out);
  // serialize() is not const; reading changes nothing.
  const_cast<Backend::backend_type&>(v.backend()).serialize(ar, 0);
  out->count = ar.digits();
  if (out->count > kMaxLimbs) std::abort();  // cpp_dec_float_50 keeps 10
  return true;
}

Backend Write(const Limbs& l) {
  Backend v(1);  // finite, of boost's own precision: every field is then set
  LimbArchive<true> ar(const_cast<Limbs*>(&l));
  v.backend().serialize(ar, 0);
  return v;
}

int DigitCount(uint32_t x) {
  int n = 1;
  while (x >= 10) x /= 10, ++n;
  return n;
}

size_t LastNonZero(const Limbs& l) {
  size_t j = l.count - 1;
  while (j > 0 && l.limb[j] == 0) --j;
  return j;
}

// The fast path of printing and rounding: most figures have few significant
// digits (0.34 x 730 is 248.2). True when |v| = digits x 10^exponent with
// digits below 10^18 and no trailing zero.
bool ShortDigits(const Limbs& l, uint64_t* digits, int* exponent) {
  size_t j = LastNonZero(l);
  // Limbs 0 to 4 hold at least 1 + 3 x 8 + 1 significant digits: too many.
  if (j > 3) return false;
  unsigned __int128 m = 0;
  for (size_t i = 0; i <= j; ++i) m = m * kLimbBase + l.limb[i];
  int e = l.exp - kLimbDigits * static_cast<int>(j);
  while (m % 10 == 0) m /= 10, ++e;
  if (m >= static_cast<unsigned __int128>(1000000000000000000ULL)) return false;
  *digits = static_cast<uint64_t>(m);
  *exponent = e;
  return true;
}

// `l` rounded half up (in magnitude) to `significant` digits: by default
// kCleanDigits + 1, so 11.4999...9 (an artefact of dividing by 730) becomes 11.5.
Limbs Clean(Limbs l, int significant = kCleanDigits + 1) {
  const int kept_after_first = significant - DigitCount(l.limb[0]);  // 33 to 40 by default
  size_t c = 1 + static_cast<size_t>(kept_after_first / kLimbDigits);     // the limb the cut falls in
  if (c >= l.count) return l;
  uint32_t unit = 1;  // of the last kept digit, in limb c (10^8 when the cut is at its start)
  for (int i = kept_after_first % kLimbDigits; i < kLimbDigits; ++i) unit *= 10;
  const uint32_t below = l.limb[c] % unit;
  const bool up = below >= unit / 2;
  l.limb[c] -= below;
  for (size_t i = c + 1; i < l.count; ++i) l.limb[i] = 0;
  if (!up) return l;
  uint64_t carry = unit;
  for (size_t i = c + 1; i-- > 0 && carry;) {
    uint64_t sum = l.limb[i] + carry;
    l.limb[i] = static_cast<uint32_t>(sum % kLimbBase);
    carry = sum / kLimbBase;
  }
  if (carry) {  // 99999999.9... became 100000000: one limb more to the left
    l.limb.fill(0);
    l.limb[0] = 1;
    l.exp += kLimbDigits;
  }
  return l;
}

// `digits` x 10^exponent with the sign of `neg`, `like` giving boost's fields.
Backend FromShort(uint64_t digits, int exponent, bool neg, const Limbs& like) {
  int shift = ((exponent % kLimbDigits) + kLimbDigits) % kLimbDigits;
  unsigned __int128 m = digits;
  for (int i = 0; i < shift; ++i) m *= 10;
  uint32_t parts[4];
  int n = 0;
  for (; m != 0; m /= kLimbBase) parts[n++] = static_cast<uint32_t>(m % kLimbBase);
  Limbs l = like;
  l.limb.fill(0);
  for (int i = 0; i < n; ++i) l.limb[static_cast<size_t>(i)] = parts[n - 1 - i];
  l.exp = exponent - shift + kLimbDigits * (n - 1);
  l.neg = neg;
  return Write(l);
}

// The significant digits of `l` (no trailing zero) and the exponent of the first.
void DigitsOf(const Limbs& l, std::string* digits, int* exponent) {
  size_t j = LastNonZero(l);
  *digits = std::to_string(l.limb[0]);
  *exponent = l.exp + static_cast<int>(digits->size()) - 1;
  for (size_t i = 1; i <= j; ++i) {  // eight digits each, leading zeros kept
    char buf[kLimbDigits];
    uint32_t x = l.limb[i];
    for (int k = kLimbDigits - 1; k >= 0; --k, x /= 10) buf[k] = static_cast<char>('0' + x % 10);
    digits->append(buf, kLimbDigits);
  }
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

}  // namespace

// The bytes of a Decimal as the boost number they hold: every constructor
// makes one there (placement new), the destructor ends it.
struct DecimalAccess {
  static_assert(sizeof(Backend) == Decimal::kSize && alignof(Backend) == Decimal::kAlign,
                "Decimal::kSize and kAlign must be the boost number's size and alignment");
  static Backend& V(Decimal& d) { return *std::launder(reinterpret_cast<Backend*>(d.rep_)); }
  static const Backend& V(const Decimal& d) {
    return *std::launder(reinterpret_cast<const Backend*>(d.rep_));
  }
  static Decimal Make(const Backend& v) {
    Decimal d;
    V(d) = v;
    return d;
  }
};

namespace {
Backend& V(Decimal& d) { return DecimalAccess::V(d); }
const Backend& V(const Decimal& d) { return DecimalAccess::V(d); }
Decimal Make(const Backend& v) { return DecimalAccess::Make(v); }
}  // namespace

Decimal::Decimal() { new (rep_) Backend(); }
Decimal::Decimal(int64_t v) { new (rep_) Backend(v); }
Decimal::Decimal(const Decimal& o) { new (rep_) Backend(V(o)); }
Decimal& Decimal::operator=(const Decimal& o) {
  V(*this) = V(o);
  return *this;
}
Decimal::~Decimal() { V(*this).~Backend(); }

bool operator==(const Decimal& a, const Decimal& b) { return V(a) == V(b); }
std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  return V(a) < V(b)   ? std::strong_ordering::less
         : V(b) < V(a) ? std::strong_ordering::greater
                       : std::strong_ordering::equal;
}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  if (text.empty() || text.size() > 200 || !IsPlainNumber(text)) return std::nullopt;
  std::string s(text);
  if (s[0] == '+') s.erase(0, 1);
  return Make(Backend(s));
}

namespace {

// `l` in plain notation at `significant` digits at most.
std::string PlainText(const Limbs& l, int significant) {
  std::string digits;
  int exponent;
  if (uint64_t d; ShortDigits(l, &d, &exponent)) {
    digits = std::to_string(d);
    exponent += static_cast<int>(digits.size()) - 1;  // of the leading digit, as in scientific notation
  } else {
    DigitsOf(Clean(l, significant), &digits, &exponent);
  }
  std::string out;
  int n = static_cast<int>(digits.size());
  if (exponent < 0) {
    out = "0." + std::string(-exponent - 1, '0') + digits;
  } else if (exponent + 1 >= n) {
    out = digits + std::string(exponent + 1 - n, '0');
  } else {
    out = digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
  }
  return l.neg ? "-" + out : out;
}

}  // namespace

std::string Decimal::ToString() const {
  if (!IsFinite()) return "nan";
  Limbs l;
  if (!Read(V(*this), &l)) return "0";
  return PlainText(l, kCleanDigits + 1);
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
  Limbs l;
  if (!IsFinite() || !Read(V(*this), &l)) return *this;
  uint64_t d;
  int exponent;
  // Clean first: 11.4999...9 (an artefact of dividing by 730) must round as 11.5.
  const bool short_digits = ShortDigits(l, &d, &exponent);
  const Limbs clean = short_digits ? l : Clean(l);
  if (short_digits || ShortDigits(clean, &d, &exponent)) {
    // Exact in at most 18 digits: integer arithmetic rounds it. `drop`
    // digits go; half of 10^drop or more rounds up.
    int drop = -digits - exponent;
    if (drop <= 0) return short_digits ? *this : Make(Write(clean));
    if (drop >= 19) return Decimal(0);  // d < 10^18 < half of 10^drop
    uint64_t unit = 1;
    for (int i = 0; i < drop; ++i) unit *= 10;
    uint64_t q = d / unit + (d % unit >= unit / 2 ? 1 : 0);
    if (q == 0) return Decimal(0);
    return Make(FromShort(q, exponent + drop, l.neg, l));
  }
  const Backend c = Write(clean);
  Backend scaled = boost::multiprecision::abs(c) * Pow10(digits);
  Backend rounded = boost::multiprecision::floor(scaled + Half()) * Pow10(-digits);
  return Make(l.neg ? Backend(-rounded) : rounded);
}

Decimal Decimal::RoundSignificant(int digits) const {
  Limbs l;
  if (!IsFinite() || !Read(V(*this), &l)) return *this;
  // The exponent of the leading digit once printed (41 significant digits).
  const Limbs clean = Clean(l);
  const int exponent = clean.exp + DigitCount(clean.limb[0]) - 1;
  return RoundHalfAwayFromZero(digits - 1 - exponent);
}

double Decimal::ToDouble() const {
  // boost's convert_to<double> prints the number and reads it back through a
  // stringstream: a tenth of a build when the drift checks compared every
  // typed number with every figure. The limbs give the mantissa directly;
  // scaling it by a power of ten costs an ulp or two, which charts and the
  // 0.5 % heuristic of the drift checks never see.
  if (!IsFinite()) return V(*this).convert_to<double>();
  if (V(*this) == 0) return 0.0;
  double mantissa = 0;
  int exponent = 0;
  V(*this).backend().extract_parts(mantissa, exponent);
  if (exponent > 308 || exponent < -307) return V(*this).convert_to<double>();
  static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  int e = exponent < 0 ? -exponent : exponent;
  double scale = e <= 22 ? kPow10[e] : std::pow(10.0, e);
  return exponent < 0 ? mantissa / scale : mantissa * scale;
}
Decimal Decimal::PowerOfTen(int n) { return Make(Pow10(n)); }

namespace {

// The forms AppendExact writes, in its first byte.
enum ExactTag : char { kZero = 0, kLimbs = 1, kNegLimbs = 2, kOther = 3 };

// The limbs AppendExact wrote after its tag `tag`, from `in[*at]`.
bool ReadLimbs(char tag, std::string_view in, size_t* at, Limbs* out);

}  // namespace

// The limbs boost keeps, up to the last that is not zero (a short decimal
// such as 1.5 is one limb), with their exponent and boost's precision field:
// Write sets every field, so the value read back is equal to the last digit.
void Decimal::AppendExact(std::string* out) const {
  Limbs l;
  if (!Read(V(*this), &l)) {
    if (V(*this) == 0) {
      out->push_back(kZero);
      return;
    }
    const std::string text = V(*this).str(0, std::ios_base::scientific);  // inf, -inf, nan
    out->push_back(kOther);
    AppendVarint(text.size(), out);
    out->append(text);
    return;
  }
  out->push_back(l.neg ? kNegLimbs : kLimbs);
  AppendVarint(ZigZag(l.exp), out);
  AppendVarint(static_cast<uint64_t>(l.prec), out);
  AppendVarint(static_cast<uint64_t>(l.fpclass), out);
  const size_t used = LastNonZero(l) + 1;
  AppendVarint(used, out);
  AppendVarint(l.count, out);
  for (size_t i = 0; i < used; ++i) AppendVarint(l.limb[i], out);
}

bool Decimal::ReadExact(std::string_view in, size_t* at, Decimal* out) {
  if (*at >= in.size()) return false;
  const char tag = in[(*at)++];
  if (tag == kZero) {
    *out = Decimal(0);
    return true;
  }
  uint64_t v = 0;
  if (tag == kOther) {
    if (!ReadVarint(in, at, &v) || v > in.size() - *at) return false;
    *out = Make(Backend(std::string(in.substr(*at, v))));
    *at += v;
    return true;
  }
  Limbs l;
  if (!ReadLimbs(tag, in, at, &l)) return false;
  *out = Make(Write(l));
  return true;
}

std::string ToFullString(const Decimal& d) {
  if (!d.IsFinite()) return "nan";
  if (d.IsZero()) return "0";
  // The limbs are private to Decimal; AppendExact hands them over whole.
  std::string exact;
  d.AppendExact(&exact);
  size_t at = 1;
  Limbs l;
  if (!ReadLimbs(exact[0], exact, &at, &l)) return d.ToString();
  return PlainText(l, kFullDigits);
}

namespace {

bool ReadLimbs(char tag, std::string_view in, size_t* at, Limbs* out) {
  if (tag != kLimbs && tag != kNegLimbs) return false;
  Limbs& l = *out;
  l.neg = tag == kNegLimbs;
  uint64_t v = 0, exp = 0, prec = 0, fpclass = 0, used = 0, count = 0;
  if (!ReadVarint(in, at, &exp) || !ReadVarint(in, at, &prec) || !ReadVarint(in, at, &fpclass) ||
      !ReadVarint(in, at, &used) || !ReadVarint(in, at, &count) || used > count || count > kMaxLimbs)
    return false;
  l.exp = static_cast<int>(UnZigZag(exp));
  l.prec = static_cast<int32_t>(prec);
  l.fpclass = static_cast<int>(fpclass);
  l.count = count;
  for (size_t i = 0; i < used; ++i) {
    if (!ReadVarint(in, at, &v)) return false;
    l.limb[i] = static_cast<uint32_t>(v);
  }
  return true;
}

}  // namespace

Decimal Decimal::Abs() const { return Make(Backend(boost::multiprecision::abs(V(*this)))); }
// At the value's 41 significant digits, as it prints and compares: 22M
// tokens a month over 1M a month carries an error in the 50th digit
// (22.000…01), which the whole number above must not see.
Decimal Decimal::Ceil() const {
  const Decimal clean = IsZero() ? *this : RoundSignificant(kCleanDigits + 1);
  return Make(Backend(boost::multiprecision::ceil(V(clean))));
}
Decimal Decimal::Floor() const {
  const Decimal clean = IsZero() ? *this : RoundSignificant(kCleanDigits + 1);
  return Make(Backend(boost::multiprecision::floor(V(clean))));
}
Decimal Decimal::Sqrt() const { return Make(Backend(boost::multiprecision::sqrt(V(*this)))); }

std::optional<Decimal> Decimal::Pow(int64_t exponent) const {
  if (exponent < -10000 || exponent > 10000) return std::nullopt;
  if (V(*this) == 0 && exponent < 0) return std::nullopt;
  Decimal r = Make(Backend(boost::multiprecision::pow(V(*this), static_cast<int>(exponent))));
  if (!r.IsFinite()) return std::nullopt;
  return r;
}

std::optional<Decimal> Decimal::Pow(const Decimal& exponent) const {
  if (auto n = exponent.ToInt()) return Pow(*n);
  if (V(*this) <= 0) return std::nullopt;
  Decimal r = Make(Backend(boost::multiprecision::exp(V(exponent) * boost::multiprecision::log(V(*this)))));
  if (!r.IsFinite()) return std::nullopt;
  return r;
}

bool Decimal::IsZero() const { return V(*this) == 0; }
bool Decimal::IsNegative() const { return V(*this) < 0; }
bool Decimal::IsInteger() const {
  Limbs l;
  if (!IsFinite()) return false;
  // Limbs end at multiples of 8 digits: the last one not zero ends at or
  // left of the point exactly when the value is whole.
  return !Read(V(*this), &l) || l.exp - kLimbDigits * static_cast<int>(LastNonZero(l)) >= 0;
}
bool Decimal::IsFinite() const {
  return !boost::multiprecision::isinf(V(*this)) && !boost::multiprecision::isnan(V(*this));
}

std::optional<int64_t> Decimal::ToInt() const {
  if (!IsInteger() || boost::multiprecision::abs(V(*this)) > Backend("1e18")) return std::nullopt;
  return V(*this).convert_to<int64_t>();
}

bool Decimal::NearlyEquals(const Decimal& other) const {
  if (V(*this) == V(other)) return true;
  Backend scale = boost::multiprecision::abs(V(*this));
  Backend b = boost::multiprecision::abs(V(other));
  if (b > scale) scale = b;
  return boost::multiprecision::abs(V(*this) - V(other)) <= scale * Backend("1e-40");
}

Decimal Decimal::operator-() const { return Make(Backend(-V(*this))); }
Decimal& Decimal::operator+=(const Decimal& o) { V(*this) += V(o); return *this; }
Decimal& Decimal::operator-=(const Decimal& o) { V(*this) -= V(o); return *this; }
Decimal& Decimal::operator*=(const Decimal& o) { V(*this) *= V(o); return *this; }
namespace {

// The inverse of `d` as cpp_dec_float's division makes it, from a small
// cache per thread. Its division multiplies by the divisor's inverse, made
// afresh each time by Newton steps of 50-digit products (about 6,000
// instructions), and a site divides by a few numbers very often: a unit's
// scale (730 hours a month, a million tokens) for every figure and input
// shown in that unit. REQUIRES: d finite and not zero.
Backend InverseOf(const Backend& d) {
  constexpr size_t kSlots = 8;
  struct Slot {
    Backend divisor, inverse;
  };
  thread_local std::array<Slot, kSlots> slots;
  thread_local size_t used = 0, next = 0;
  for (size_t i = 0; i < used; ++i)
    if (slots[i].divisor == d) return slots[i].inverse;
  Backend inverse = d;
  inverse.backend().calculate_inv();
  slots[next] = {d, inverse};  // the oldest goes
  next = (next + 1) % kSlots;
  used = std::max(used, next == 0 ? kSlots : next);
  return inverse;
}

}  // namespace

Decimal& Decimal::operator/=(const Decimal& o) {
  // What cpp_dec_float's operator/= does, with the divisor's inverse taken
  // from InverseOf: equal magnitudes give exactly ±1, anything else is this
  // times the inverse, so every quotient is the same to the last digit.
  // Zero, infinite and not-a-number operands take boost's own path.
  if (o.IsZero() || !o.IsFinite() || !IsFinite()) {
    V(*this) /= V(o);
    return *this;
  }
  const bool same_sign = (V(*this) < 0) == (V(o) < 0);
  if (same_sign ? V(*this) == V(o) : V(*this) == -V(o)) {
    V(*this) = same_sign ? 1 : -1;
    return *this;
  }
  V(*this) *= InverseOf(V(o));
  return *this;
}

}  // namespace costsite::cost
