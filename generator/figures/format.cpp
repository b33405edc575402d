#include "figures/format.h"

#include <map>
#include <memory>
#include <vector>

#include <unicode/currunit.h>
#include <unicode/measunit.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <charconv>

#include "figures/strings.h"

namespace costsite::figures {

namespace number = icu::number;
using cost::Decimal;
using cost::Interval;

namespace {

bool IsCurrencyCode(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// zh pages follow mainland conventions (zh-CN): ¥ for CNY, US$ for USD.
icu::Locale LocaleFor(std::string_view lang) {
  if (lang == "zh") return icu::Locale("zh", "CN");
  if (lang == "en") return icu::Locale("en", "US");
  return icu::Locale(std::string(lang).c_str());
}

bool BelowOne(const Decimal& v) { return v.Abs() < Decimal(1); }

// Decimals a non-money value is shown with: up to 3, or 3 significant digits below 1.
number::Precision DefaultPrecision(const Decimal& magnitude, bool money) {
  if (money) return number::Precision::fixedFraction(2);
  if (BelowOne(magnitude) && !magnitude.IsZero()) return number::Precision::maxSignificantDigits(3);
  return number::Precision::maxFraction(3);
}

number::LocalizedNumberFormatter MakeFormatter(const NumberStyle& style, const Decimal& magnitude,
                                               bool symbol, std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  auto f = number::NumberFormatter::withLocale(LocaleFor(lang)).roundingMode(UNUM_ROUND_HALFUP);
  if (style.precision) {
    f = f.precision(number::Precision::fixedFraction(*style.precision));
  } else if (style.percent && !style.compact) {
    f = f.precision(number::Precision::maxFraction(1));
  } else if (!style.compact) {
    f = f.precision(DefaultPrecision(magnitude, style.money));
  }
  if (style.compact) f = f.notation(number::Notation::compactShort());
  if (symbol && !style.currency.empty()) {
    icu::UnicodeString code = icu::UnicodeString::fromUTF8(style.currency);
    icu::CurrencyUnit unit(code.getTerminatedBuffer(), status);
    if (U_SUCCESS(status)) f = f.unit(unit).unitWidth(UNUM_UNIT_WIDTH_SHORT);
  }
  if (symbol && style.percent) f = f.unit(icu::MeasureUnit::getPercent());
  return f;
}

// Building an ICU formatter costs far more than using one, and a site formats
// thousands of figures with a handful of styles: keep them per thread (ICU
// formatters are immutable, but a thread-local cache needs no lock).
const number::LocalizedNumberFormatter& Formatter(const NumberStyle& style, const Decimal& magnitude,
                                                  bool symbol, std::string_view lang) {
  // Looked up for every number of every page: a few fields and a linear
  // search of the handful of styles a thread has seen, no key string built.
  struct Entry {
    std::string lang, currency;
    int flags, precision;
    number::LocalizedNumberFormatter formatter;
  };
  int precision_class = style.money ? 0 : (BelowOne(magnitude) && !magnitude.IsZero()) ? 1 : 2;
  int flags = (style.percent ? 1 : 0) | (style.money ? 2 : 0) | (style.compact ? 4 : 0) | (symbol ? 8 : 0) |
              (precision_class << 4);
  int precision = style.precision ? *style.precision : -1;
  thread_local std::vector<std::unique_ptr<Entry>> cache;
  for (const auto& e : cache)
    if (e->flags == flags && e->precision == precision && e->lang == lang && e->currency == style.currency)
      return e->formatter;
  cache.push_back(std::make_unique<Entry>(
      Entry{std::string(lang), style.currency, flags, precision, MakeFormatter(style, magnitude, symbol, lang)}));
  return cache.back()->formatter;
}

std::string Run(const number::LocalizedNumberFormatter& f, const Decimal& v) {
  UErrorCode status = U_ZERO_ERROR;
  std::string text = v.ToString();
  number::FormattedNumber n = f.formatDecimal(icu::StringPiece(text.data(), text.size()), status);
  if (U_FAILURE(status)) return text;
  std::string out;
  n.toString(status).toUTF8String(out);
  return U_SUCCESS(status) ? out : text;
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

NumberStyle StyleOf(const cost::Figure& f, const FormatOptions& opt) {
  NumberStyle s;
  s.money = !f.currency.empty();
  s.currency = opt.plain ? std::string() : f.currency;
  s.percent = f.unit == "%" && !opt.plain;
  s.precision = opt.precision;
  s.compact = opt.compact;
  return s;
}

std::string FormatNumber(const Decimal& v, const NumberStyle& style, std::string_view lang) {
  return Run(Formatter(style, v, true, lang), v);
}

std::string FormatInterval(const Interval& v, const NumberStyle& style, RangeStyle range,
                           std::string_view lang) {
  if (range == RangeStyle::kLo) return FormatNumber(v.lo, style, lang);
  if (range == RangeStyle::kHi) return FormatNumber(v.hi, style, lang);
  if (range == RangeStyle::kMid || v.IsPoint()) return FormatNumber(v.IsPoint() ? v.lo : v.Mid(), style, lang);
  Decimal magnitude = cost::Max(v.lo.Abs(), v.hi.Abs());
  // The currency symbol leads, the percent sign trails: write each once.
  bool symbol_first = !style.currency.empty();
  std::string lo = Run(Formatter(style, magnitude, symbol_first, lang), v.lo);
  std::string hi = Run(Formatter(style, magnitude, !symbol_first, lang), v.hi);
  std::string lo_full = Run(Formatter(style, magnitude, true, lang), v.lo);
  std::string hi_full = Run(Formatter(style, magnitude, true, lang), v.hi);
  if (lo_full == hi_full) return lo_full;  // both ends round to the same figure
  // A spaced dash keeps "−5 – 10" from reading as a subtraction.
  bool negative = v.lo.IsNegative() || v.hi.IsNegative();
  return lo + (negative ? " \u2013 " : "\u2013") + hi;
}

cost::Interval Displayed(const Interval& v, const NumberStyle& style) {
  int digits = style.precision ? *style.precision : style.money ? 2 : style.percent ? 1 : 3;
  return cost::Round(v, digits);
}

std::string FormatFigure(const cost::Figure& f, const FormatOptions& opt, std::string_view lang) {
  if (f.is_bool) return UiText(f.bool_value ? "yes" : "no", lang);
  NumberStyle style = StyleOf(f, opt);
  std::string text = FormatInterval(f.value, style, opt.range, lang);
  if (opt.plain) return text;
  if (!f.currency.empty()) {
    if (opt.per && !f.per.empty()) text += "/" + LocalizeUnit(f.per, lang);
  } else if (!f.unit.empty() && f.unit != "%") {
    text += " " + LocalizeUnit(f.unit, lang);
  }
  return text;
}

}  // namespace costsite::figures
