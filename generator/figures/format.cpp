#include "figures/format.h"

#include <algorithm>
#include <memory>
#include <vector>

#include <charconv>
#include <cmath>
#include <optional>

#include "figures/number_text.h"
#include "figures/strings.h"
#include "figures/unit_words.h"

namespace costsite::figures {

using cost::Decimal;
using cost::Interval;

namespace {

bool IsCurrencyCode(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// Decimals that show `sig` significant digits of `a` (> 0), never dropping
// integer digits: (3.757, 3) -> 2, (2054794.5, 3) -> 0, (0.00135, 3) -> 5.
int SignificantDecimals(const Decimal& a, int sig) {
  if (a >= Decimal(1)) {
    int digits = 0;
    for (Decimal x = a; x >= Decimal(1) && digits < 60; x /= Decimal(10)) ++digits;
    return std::max(0, sig - digits);
  }
  int zeros = 0;
  for (Decimal x = a * Decimal(10); x < Decimal(1) && zeros < 60; x *= Decimal(10)) ++zeros;
  return zeros + sig;
}

// The fraction digits a number is shown with: at least `min`, at most `max`
// (trailing zeros beyond `min` are dropped).
struct Fraction {
  int min = 0, max = 0;
  friend bool operator==(const Fraction&, const Fraction&) = default;
};

// The display policy for a non-integer of magnitude `a`, one rule per kind
// of number (docs/authoring.md, "How figures are shown").
Fraction FractionForMagnitude(const Decimal& a, NumberKind kind) {
  switch (kind) {
    case NumberKind::kMoney:
      if (a >= Decimal(1000)) return {0, 0};
      if (a >= Decimal(1)) return {2, 2};
      return {2, std::max(2, SignificantDecimals(a, 3))};
    case NumberKind::kPercent:
      if (a >= Decimal(1)) return {0, 1};
      return {0, SignificantDecimals(a, 2)};
    case NumberKind::kMultiplier:
      return {0, a >= Decimal(1) ? std::min(2, SignificantDecimals(a, 3)) : SignificantDecimals(a, 2)};
    case NumberKind::kCount:
      break;
  }
  return {0, SignificantDecimals(a, 3)};
}

// FractionForMagnitude of `a` as it is shown: 999.995 USD rounds to 1,000.00,
// which is shown by the rule of 1,000 ("$1,000"), not with cents. Money from
// 1 to 1,000 is the one band whose decimals are not trimmed, so its upper
// edge is the one place rounding can change what is shown; elsewhere the
// trailing zeros a rounding up leaves are dropped ("0.10", "10"). A
// comparison, not a rounding: this runs for every number a build prints.
Fraction FractionShown(const Decimal& a, NumberKind kind) {
  static const Decimal kRoundsToThousand = *Decimal::Parse("999.995"), kThousand(1000);
  if (kind == NumberKind::kMoney && a >= kRoundsToThousand && a < kThousand) return {0, 0};
  return FractionForMagnitude(a, kind);
}

// True when `v` rounded to `decimals` reads as another value than it is in a
// way that misleads: a non-zero amount as 0, a percentage short of 100 % (or
// above it) as exactly 100, a ratio as one more than a tenth away from it
// (0.0071 as "0.01×": a ratio is read as a proportion, not to a cent).
// True when `shown`, what `v` rounds to, is more than a tenth of `v` away from it.
bool TenthOff(const Decimal& v, const Decimal& shown) { return ((shown - v).Abs() * Decimal(10)) > v.Abs(); }

bool MisreadAt(const Decimal& v, int decimals, NumberKind kind) {
  if (v.IsZero()) return false;
  const Decimal shown = v.RoundHalfAwayFromZero(decimals);
  if (shown.IsZero()) return true;
  if (kind == NumberKind::kMultiplier) return TenthOff(v, shown);
  return kind == NumberKind::kPercent && shown.Abs() == Decimal(100) && v.Abs() != Decimal(100);
}

// `fraction` with as many more decimals as `v` needs not to be misread
// (MisreadAt): "0.0004", "99.95%".
Fraction KeepApart(const Decimal& v, Fraction fraction, NumberKind kind) {
  if (!MisreadAt(v, fraction.max, kind)) return fraction;
  if (v.RoundHalfAwayFromZero(fraction.max).IsZero())  // its own significant digits, as the policy shows it
    return {fraction.min, std::max(fraction.max, FractionForMagnitude(v.Abs(), kind).max)};
  int decimals = fraction.max + 1;
  while (decimals < 10 && MisreadAt(v, decimals, kind)) ++decimals;
  return {fraction.min, decimals};
}

Fraction FractionFor(const Decimal& v, const NumberStyle& style) {
  // precision=N sets the decimals, except that a non-zero amount is never
  // shown as zero, nor 99.95 % as 100 %: it keeps the digits it needs
  // ("$0.0004" at precision=2), as a table's cell does.
  if (style.precision) return KeepApart(v, {*style.precision, *style.precision}, style.kind);
  // A whole value shows no ".00"; 15 significant digits drop the residue a
  // unit conversion leaves (800 USD/day from a monthly amount).
  if (v.IsZero() || v.IsInteger() || v.RoundSignificant(15).IsInteger()) return {0, 0};
  return KeepApart(v, FractionShown(v.Abs(), style.kind), style.kind);
}

// The decimals `v` shows with `f`, its trailing zeros dropped down to f.min.
int ShownDecimals(const Decimal& v, Fraction f) {
  const Decimal shown = v.RoundHalfAwayFromZero(f.max);
  int d = f.min;
  while (d < f.max && shown.RoundHalfAwayFromZero(d) != shown) ++d;
  return d;
}

// Both ends of a range take the rule of the larger one ("US$608–1,217", not
// "US$608.33–1,217"), except an end that rule would show more than a tenth
// off, which keeps its own ("US$0.004–12.50", "US$0.50–1,500", not
// "US$0–12.50" or "US$1–1,500").
void RangeFractions(const Interval& v, const NumberStyle& style, Fraction* lo, Fraction* hi) {
  *lo = FractionFor(v.lo, style);
  *hi = FractionFor(v.hi, style);
  if (style.precision || v.IsPoint()) return;
  bool whole = v.lo.RoundSignificant(15).IsInteger() && v.hi.RoundSignificant(15).IsInteger();
  Decimal big = cost::Max(v.lo.Abs(), v.hi.Abs());
  Fraction shared = whole ? Fraction{0, 0} : FractionShown(big, style.kind);
  const Decimal unit = Decimal::PowerOfTen(-shared.max);
  for (auto [end, f] : {std::pair<const Decimal*, Fraction*>{&v.lo, lo}, {&v.hi, hi}}) {
    const Decimal a = end->Abs();
    // Off by more than a tenth: |end| < 10 × unit holds every such end, and
    // the comparison spares most ranges a rounding.
    bool misread = !a.IsZero() && a < unit * Decimal(10) && TenthOff(*end, end->RoundHalfAwayFromZero(shared.max));
    if (!misread) *f = KeepApart(*end, shared, style.kind);
  }
  // Both ends with as many decimals ("4.15–4.20×", "53.0–61.2 kW", not
  // "4.15–4.2×"), where an end's trailing zeros would be dropped.
  const int both = std::max(ShownDecimals(v.lo, *lo), ShownDecimals(v.hi, *hi));
  lo->min = std::min(both, lo->max);
  hi->min = std::min(both, hi->max);
}

// The digits of a number in `style` with `fraction`; `symbol` adds the
// currency or percent sign.
DigitRule RuleFor(const NumberStyle& style, Fraction fraction, bool symbol) {
  DigitRule rule;
  rule.compact = style.compact;
  // Compact means three significant digits, except for a percentage: it
  // has no thousands to shorten, and three digits would show 99.95 % as
  // 100 %; it keeps its own rule, which never does.
  rule.significant3 = style.compact && !style.precision && style.kind != NumberKind::kPercent;
  rule.min_fraction = fraction.min;
  rule.max_fraction = fraction.max;
  if (symbol && style.percent) rule.percent = true;
  else if (symbol && IsCurrencyCode(style.currency)) rule.currency = style.currency;
  return rule;
}

std::string Run(const NumberStyle& style, Fraction fraction, bool symbol, std::string_view lang, const Decimal& v) {
  return NumberText(v.ToString(), RuleFor(style, fraction, symbol), LocaleDataFor(lang));
}

// Splits "a b=c" into words with their offsets.
struct Word {
  std::string_view text;
  size_t offset;
};
std::vector<Word> Words(std::string_view text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back({text.substr(start, i - start), start});
  }
  return out;
}

}  // namespace

bool ParseFormatOptions(std::string_view text, FormatOptions* out, OptionError* err) {
  for (const Word& w : Words(text)) {
    size_t eq = w.text.find('=');
    std::string_view key = w.text.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : w.text.substr(eq + 1);
    size_t value_at = w.offset + (eq == std::string_view::npos ? 0 : eq + 1);
    auto fail = [&](std::string message, size_t at, size_t len) {
      *err = {std::move(message), at, std::max<size_t>(len, 1)};
      return false;
    };
    bool flag = eq == std::string_view::npos;
    if (key == "percent" && flag) {
      out->percent = true;
    } else if (key == "compact" && flag) {
      out->compact = true;
    } else if (key == "plain" && flag) {
      out->plain = true;
    } else if (key == "currency" && !flag) {
      if (!IsCurrencyCode(value))
        return fail("currency must be an ISO 4217 code such as CNY, not '" + std::string(value) + "'",
                    value_at, value.size());
      out->currency = value;
    } else if (key == "unit" && !flag) {
      if (value.empty()) return fail("unit= needs a unit, e.g. unit=USD/h", w.offset, w.text.size());
      out->unit = value;
    } else if (key == "precision" && !flag) {
      int n = -1;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || p != value.data() + value.size() || n < 0 || n > 10)
        return fail("precision must be a number of decimals from 0 to 10, not '" + std::string(value) + "'",
                    value_at, value.size());
      out->precision = n;
    } else if (key == "range" && !flag) {
      if (value == "dash") out->range = RangeStyle::kDash;
      else if (value == "mid") out->range = RangeStyle::kMid;
      else if (value == "lo") out->range = RangeStyle::kLo;
      else if (value == "hi") out->range = RangeStyle::kHi;
      else
        return fail("range must be dash, mid, lo or hi, not '" + std::string(value) + "'", value_at,
                    value.size());
    } else if (key == "per" && !flag) {
      if (value != "none") return fail("per only takes 'none'", value_at, value.size());
      out->per = false;
    } else {
      return fail("unknown format option '" + std::string(w.text) +
                      "' (expected currency=, unit=, precision=, percent, compact, range=, plain "
                      "or per=none)",
                  w.offset, w.text.size());
    }
  }
  return true;
}

NumberStyle StyleOf(const cost::Unit& unit, const FormatOptions& opt) {
  NumberStyle s;
  bool money = unit.dim.IsMoney();
  s.kind = money ? NumberKind::kMoney
           : unit.text == "%" ? NumberKind::kPercent
           : unit.text == "x" ? NumberKind::kMultiplier
                              : NumberKind::kCount;
  s.currency = opt.plain || !money ? std::string() : unit.dim.currency;
  s.percent = unit.text == "%" && !opt.plain;
  s.precision = opt.precision;
  s.compact = opt.compact;
  return s;
}

std::string FormatNumber(const Decimal& v, const NumberStyle& style, std::string_view lang) {
  return Run(style, FractionFor(v, style), true, lang, v);
}

// The power of ten of `a`'s leading digit; REQUIRES a > 0.
int MagnitudeOf(const Decimal& a) {
  int m = static_cast<int>(std::floor(std::log10(a.ToDouble())));
  while (m > -400 && a < Decimal::PowerOfTen(m)) --m;  // the double's logarithm may be one off
  while (m < 400 && !(a < Decimal::PowerOfTen(m + 1))) ++m;
  return m;
}

// A compact range, both ends in the step of the larger and with as many
// decimals ("$4.21K–5.10K", "US$0.88万–1.27万", not "$4.21K–5.1K" or
// "US$8,800–1.27万"); nullopt when an end would read more than a tenth off
// in that step, or is zero, and the ends are shown each by its own rule.
std::optional<std::string> CompactRange(const Interval& v, const NumberStyle& style, std::string_view lang,
                                        bool symbol_first) {
  const Decimal big = cost::Max(v.lo.Abs(), v.hi.Abs());
  if (v.lo.IsZero() || v.hi.IsZero()) return std::nullopt;
  const int magnitude = MagnitudeOf(big.RoundSignificant(3));
  const LocaleData& locale = LocaleDataFor(lang);
  const int shift = CompactShift(locale, magnitude);
  const int places = 2 - (magnitude - shift);  // three significant digits of the larger end, in the step
  int decimals = 0;
  for (const Decimal* end : {&v.lo, &v.hi}) {
    if (TenthOff(*end, end->RoundHalfAwayFromZero(places - shift))) return std::nullopt;
    const Decimal scaled = *end * Decimal::PowerOfTen(-shift);
    decimals = std::max(decimals, ShownDecimals(scaled, {0, std::max(places, 0)}));
  }
  auto text = [&](const Decimal& x, bool symbol) {
    DigitRule rule = RuleFor(style, {decimals, places}, symbol);
    rule.significant3 = false;
    rule.compact_magnitude = magnitude;
    return NumberText(x.ToString(), rule, locale);
  };
  const std::string lo_full = text(v.lo, true), hi_full = text(v.hi, true);
  if (lo_full == hi_full) return lo_full;
  const bool negative = v.lo.IsNegative() || v.hi.IsNegative();
  return text(v.lo, symbol_first) + (negative ? " \u2013 " : "\u2013") + text(v.hi, !symbol_first);
}

std::string FormatInterval(const Interval& v, const NumberStyle& style, RangeStyle range,
                           std::string_view lang) {
  if (range == RangeStyle::kLo) return FormatNumber(v.lo, style, lang);
  if (range == RangeStyle::kHi) return FormatNumber(v.hi, style, lang);
  if (range == RangeStyle::kMid || v.IsPoint()) return FormatNumber(v.IsPoint() ? v.lo : v.Mid(), style, lang);
  // The currency symbol leads, the percent sign trails: write each once.
  bool symbol_first = !style.currency.empty();
  if (style.compact && !style.precision && style.kind != NumberKind::kPercent)
    if (std::optional<std::string> text = CompactRange(v, style, lang, symbol_first)) return *text;
  Fraction flo, fhi;
  RangeFractions(v, style, &flo, &fhi);
  std::string lo = Run(style, flo, symbol_first, lang, v.lo);
  std::string hi = Run(style, fhi, !symbol_first, lang, v.hi);
  std::string lo_full = Run(style, flo, true, lang, v.lo);
  std::string hi_full = Run(style, fhi, true, lang, v.hi);
  if (lo_full == hi_full) return lo_full;  // both ends round to the same figure
  // A spaced dash keeps "−5 – 10" from reading as a subtraction.
  bool negative = v.lo.IsNegative() || v.hi.IsNegative();
  return lo + (negative ? " \u2013 " : "\u2013") + hi;
}

int DefaultDecimals(const Decimal& v, const NumberStyle& style) { return FractionFor(v, style).max; }

NumberStyle ColumnStyle(NumberStyle style, const std::vector<Interval>& values) {
  if (style.precision || style.compact) return style;
  Decimal max(0);
  bool whole = true;
  for (const Interval& v : values) {
    max = cost::Max(max, cost::Max(v.lo.Abs(), v.hi.Abs()));
    whole = whole && v.lo.RoundSignificant(15).IsInteger() && v.hi.RoundSignificant(15).IsInteger();
  }
  style.precision = whole || max.IsZero() ? 0 : FractionShown(max, style.kind).max;
  return style;
}

NumberStyle ColumnCell(const NumberStyle& column, const Interval& value) {
  if (!column.precision) return column;
  const Decimal unit = Decimal::PowerOfTen(-*column.precision);
  for (const Decimal& e : {value.lo, value.hi}) {
    const Decimal a = e.Abs();
    if (!a.IsZero() && a + a < unit) {  // |e| < unit / 2
      NumberStyle own = column;
      own.precision.reset();
      return own;
    }
  }
  return column;
}

cost::Interval Displayed(const Interval& v, const NumberStyle& style) {
  Fraction flo, fhi;
  RangeFractions(v, style, &flo, &fhi);
  return Interval(v.lo.RoundHalfAwayFromZero(flo.max), v.hi.RoundHalfAwayFromZero(fhi.max));
}

std::string UnitText(const cost::Unit& unit, const Interval& value, std::string_view lang) {
  if (unit.dim.IsMoney()) return PerUnitText(cost::SplitMoneyUnit(unit.text).second, lang, unit.declared.get());
  if (unit.text == "%") return "%";
  return CountUnitText(unit.text, value.IsPoint() && value.lo == Decimal(1), lang, unit.declared.get());
}

std::string FormatAmount(const Interval& v, const cost::Unit& unit, const FormatOptions& opt,
                         std::string_view lang) {
  NumberStyle style = StyleOf(unit, opt);
  std::string text = FormatInterval(v, style, opt.range, lang);
  if (opt.plain) return text;
  if (unit.dim.IsMoney()) {
    std::string per = cost::SplitMoneyUnit(unit.text).second;
    if (opt.per && !per.empty()) text += "/" + PerUnitText(per, lang, unit.declared.get());
  } else if (unit.text != "%" && !unit.text.empty()) {
    Interval shown = opt.range == RangeStyle::kLo ? Interval(v.lo)
                     : opt.range == RangeStyle::kHi ? Interval(v.hi)
                     : opt.range == RangeStyle::kMid ? Interval(v.Mid())
                                                     : v;
    // per=none drops the "/month" of a count as of money: the text around
    // says "每月下载" or "a month" ("100 GB/month" -> "100 GB").
    std::string_view counted = unit.text;
    if (!opt.per) counted = counted.substr(0, counted.find('/'));
    // The noun follows the number as shown: 1.0004 GPUs read "1 GPU", a
    // precision=1 "1.0 GPUs" and a range "1–2 GPUs" the plural.
    const Interval as_shown = Displayed(shown, style);
    const bool one = as_shown.IsPoint() && as_shown.lo == Decimal(1) && FractionFor(shown.lo, style).min == 0;
    std::string words = CountUnitText(counted, one, lang, unit.declared.get());
    if (!words.empty()) text += (SpacedUnit(words) ? " " : "") + words;
  }
  return text;
}

std::string FormatFigure(const cost::Figure& f, const FormatOptions& opt, const Speaker& lang) {
  if (f.is_bool) return UiText(f.bool_value ? "yes" : "no", lang);
  return FormatAmount(f.value, f.unit, opt, lang);
}

std::string FormatInput(const cost::InputUse& in, const Speaker& lang) {
  if (in.is_bool) return UiText(in.bool_value ? "yes" : "no", lang);
  return FormatAmount(in.value, in.unit, {}, lang);
}

namespace {

// A price is shown as its list states it: digits beyond the rounding rule's
// are kept ("US$0.0035"), never rounded away.
FormatOptions PriceOptions(const Interval& v, const cost::Unit& unit) {
  FormatOptions opt;
  if (!unit.dim.IsMoney()) return opt;
  int written = 0;
  for (const Decimal& end : {v.lo, v.hi}) {
    std::string t = end.ToString();
    size_t dot = t.find('.');
    if (dot != std::string::npos) written = std::max(written, static_cast<int>(t.size() - dot - 1));
  }
  if (written > 2) opt.precision = written;
  return opt;
}

}  // namespace

std::string FormatPrice(const Interval& v, const cost::Unit& unit, std::string_view lang, int column_decimals) {
  FormatOptions opt = PriceOptions(v, unit);
  if (unit.dim.IsMoney() && column_decimals > opt.precision.value_or(0)) opt.precision = column_decimals;
  return FormatAmount(v, unit, opt, lang);
}

std::string FormatPriceNumber(const Interval& v, const cost::Unit& unit, std::string_view lang, int column_decimals) {
  FormatOptions opt = PriceOptions(v, unit);
  opt.plain = true;
  if (unit.dim.IsMoney() && column_decimals > opt.precision.value_or(0)) opt.precision = column_decimals;
  return FormatAmount(v, unit, opt, lang);
}

int PriceColumnDecimals(const std::vector<Interval>& prices) {
  Decimal max(0);
  bool whole = true;
  for (const Interval& v : prices) {
    max = cost::Max(max, cost::Max(v.lo.Abs(), v.hi.Abs()));
    whole = whole && v.lo.IsInteger() && v.hi.IsInteger();
  }
  return whole ? 0 : FractionForMagnitude(max, NumberKind::kMoney).min;
}

std::string CurrencyName(std::string_view code, std::string_view lang) {
  if (!IsCjk(lang)) return std::string(code);
  const LocaleData& data = LocaleDataFor(lang);
  auto it = data.currency_name.find(code);
  return it == data.currency_name.end() || it->second.empty() ? std::string(code) : it->second;
}

std::string PriceUnitHeader(const cost::Unit& unit, std::string_view lang) {
  if (!unit.dim.IsMoney()) return UnitText(unit, Interval(Decimal(2)), lang);
  std::string per = PerUnitText(cost::SplitMoneyUnit(unit.text).second, lang, unit.declared.get());
  std::string currency = CurrencyName(unit.dim.currency, lang);
  return per.empty() ? currency : currency + "/" + per;
}

std::string FormatFx(const cost::FxUse& fx, std::string_view lang) {
  NumberStyle base;
  base.currency = fx.base;
  base.kind = NumberKind::kMoney;
  NumberStyle quote;
  quote.currency = fx.quote;
  quote.kind = NumberKind::kMoney;
  std::string rate = fx.rate.ToString();
  size_t dot = rate.find('.');
  quote.precision = dot == std::string::npos ? 0 : static_cast<int>(rate.size() - dot - 1);
  return FormatNumber(Decimal(1), base, lang) + " = " + FormatNumber(fx.rate, quote, lang);
}

}  // namespace costsite::figures
