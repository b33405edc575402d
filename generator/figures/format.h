// Figures as a reader of the page's language expects them, with ICU doing the
// locale work: "¥2,000–3,500/月", "US$1.7万/月", "$1,257.30/h", "83.2%",
// "32 块 GPU" / "32 GPUs", "3.8 个月". The one display policy of the site
// (docs/authoring.md, "How figures are shown"): significant digits decide the
// decimals, so an amount is never shown as zero unless it is zero and a round
// value shows no ".00". Exact decimals are handed to ICU as strings, so no
// binary floating point touches a displayed number.
#ifndef COSTSITE_FIGURES_FORMAT_H_
#define COSTSITE_FIGURES_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/strings.h"

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

/// What kind of number a value is; each kind has one rounding rule.
enum class NumberKind {
  kCount,       // counts, durations, data: 3 significant digits, the whole integer part
  kMoney,       // cents from 1 to 1,000, whole units above, 3 significant digits below 1
  kPercent,     // one decimal at most, 2 significant digits below 1 %
  kMultiplier,  // 3 significant digits, two decimals at most: "0.4×", "12.5×"
};

/// How a bare number is shown.
struct NumberStyle {
  std::string currency;          // ISO code: shown with its symbol for the locale
  bool percent = false;          // append the percent sign
  NumberKind kind = NumberKind::kCount;
  std::optional<int> precision;  // decimals, overriding the kind's rule
  bool compact = false;          // 万/亿 in zh, K/M/B in en, 3 significant digits
};

/// One number in `lang` ("1,257.30", "US$1.7万").
std::string FormatNumber(const cost::Decimal& v, const NumberStyle& style, std::string_view lang);

/// An interval in `lang`: "¥2,000–3,500" (currency once, en dash), or one end
/// or the midpoint by `range`.
std::string FormatInterval(const cost::Interval& v, const NumberStyle& style, RangeStyle range,
                           std::string_view lang);

/// `v` in `unit` for `lang`, by `opt` (conversions already applied):
/// "¥2,000–3,500/月", "4.1 GB", "32 块 GPU", "3.8 months", "7.8×".
std::string FormatAmount(const cost::Interval& v, const cost::Unit& unit, const FormatOptions& opt,
                         std::string_view lang);

/// The figure's value with its unit (FormatAmount), or "是"/"yes".
std::string FormatFigure(const cost::Figure& f, const FormatOptions& opt, const Speaker& lang);

/// A formula input as FormatFigure shows it.
std::string FormatInput(const cost::InputUse& in, const Speaker& lang);

/// A price as a reader reads it: "US$4.10/小时", "$0.005/1,000 requests";
/// with at least `column_decimals` decimals (PriceColumnDecimals).
std::string FormatPrice(const cost::Interval& v, const cost::Unit& unit, std::string_view lang,
                        int column_decimals = 0);

/// The number of a price alone, digits as written: "4.10", "0.005"; with at
/// least `column_decimals` decimals (PriceColumnDecimals).
std::string FormatPriceNumber(const cost::Interval& v, const cost::Unit& unit, std::string_view lang,
                              int column_decimals = 0);

/// The decimals every price of a column of amounts of money shows at least,
/// so the column lines up as a price list writes it ("3.00" beside "0.30",
/// "15.00" beside "7.50"): the cents of the money rule when any price has a
/// fraction, none for a column of whole amounts or from 1,000 up. A price
/// written with more digits keeps them ("0.0035").
int PriceColumnDecimals(const std::vector<cost::Interval>& prices);

/// A price's unit for a column: "美元/小时", "USD/h", "美元/千次请求".
std::string PriceUnitHeader(const cost::Unit& unit, std::string_view lang);

/// A currency as a column header names it: "美元" in zh, "USD" in en.
std::string CurrencyName(std::string_view code, std::string_view lang);

/// An exchange rate: "US$1 = ¥7.088" (its date and source are told beside it).
std::string FormatFx(const cost::FxUse& fx, std::string_view lang);

/// The number style a value in `unit` is shown in by default.
NumberStyle StyleOf(const cost::Unit& unit, const FormatOptions& opt = {});
inline NumberStyle StyleOf(const cost::Figure& f, const FormatOptions& opt = {}) { return StyleOf(f.unit, opt); }

/// The unit after a number or in a column header, for `lang`: "块 GPU",
/// "个月", "GPUs", "GB/月"; money units give their per part ("月").
std::string UnitText(const cost::Unit& unit, const cost::Interval& value, std::string_view lang);

/// The decimals `v` is shown with by the display policy (at most).
int DefaultDecimals(const cost::Decimal& v, const NumberStyle& style);

/// One precision for a column of `values`: the decimals its largest value is
/// shown with, so the column lines up and adds up; a cell that would round a
/// non-zero amount to 0 keeps its own significant digits (see ColumnCell).
NumberStyle ColumnStyle(NumberStyle style, const std::vector<cost::Interval>& values);

/// The style for one cell of a ColumnStyle column.
NumberStyle ColumnCell(const NumberStyle& column, const cost::Interval& value);

/// The interval `v` rounded as `style` shows it (for "figures are rounded").
cost::Interval Displayed(const cost::Interval& v, const NumberStyle& style);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_FORMAT_H_
