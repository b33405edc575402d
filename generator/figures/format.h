// Figures as a reader of the page's language expects them, with ICU doing the
// locale work: "¥2,000–3,500/月", "US$1.7万/月", "$1,257.30/h", "83.2%".
// Exact decimals are handed to ICU as strings, so no binary floating point
// touches a displayed number.
#ifndef COSTSITE_FIGURES_FORMAT_H_
#define COSTSITE_FIGURES_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>

#include "cost/evaluation.h"

namespace costsite::figures {

/// How an interval is shown.
enum class RangeStyle { kDash, kMid, kLo, kHi };

/// Display options of an inline figure, as written after its name.
struct FormatOptions {
  std::string currency;          // currency=CNY: convert; "" = the figure's own
  std::string unit;              // unit=USD/h: re-express; "" = the figure's own
  std::optional<int> precision;  // precision=N decimals; nullopt = display policy
  bool percent = false;          // percent: a ratio shown as %
  bool compact = false;          // compact: 万/亿 in zh, K/M/B in en
  RangeStyle range = RangeStyle::kDash;
  bool plain = false;  // plain: the number only
  bool per = true;     // per=none: drop "/month"
};

/// A problem in an option list: message and the byte span it is about.
struct OptionError {
  std::string message;
  size_t offset = 0;
  size_t length = 1;
};

/// Parses space-separated options ("currency=CNY precision=1 compact"); on
/// error fills `err` (offset within `text`) and returns false.
bool ParseFormatOptions(std::string_view text, FormatOptions* out, OptionError* err);

/// How a bare number is shown.
struct NumberStyle {
  std::string currency;          // ISO code: shown with its symbol for the locale
  bool percent = false;          // the value is in percent: append the sign
  bool money = false;            // two decimals by default
  std::optional<int> precision;  // decimals
  bool compact = false;
};

/// One number in `lang` ("1,257.30", "US$1.7万").
std::string FormatNumber(const cost::Decimal& v, const NumberStyle& style, std::string_view lang);

/// An interval in `lang`: "¥2,000–3,500" (currency once, en dash), or one end
/// or the midpoint by `range`.
std::string FormatInterval(const cost::Interval& v, const NumberStyle& style, RangeStyle range,
                           std::string_view lang);

/// The figure's value with its unit in `lang`, by `opt` (conversions already
/// applied): "¥2,000–3,500/月", "4.1 GB", "是".
std::string FormatFigure(const cost::Figure& f, const FormatOptions& opt, std::string_view lang);

/// The number style a figure is shown in by default.
NumberStyle StyleOf(const cost::Figure& f, const FormatOptions& opt = {});

/// The interval `v` rounded as `style` shows it (for "figures are rounded").
cost::Interval Displayed(const cost::Interval& v, const NumberStyle& style);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_FORMAT_H_
