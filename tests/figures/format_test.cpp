// Localised formatting of figures: currencies, ranges, percent, compact, precision.
#include "figures/format.h"
#include "figures/plain.h"

#include <catch2/catch.hpp>

#include "figures/strings.h"
#include "figures/tables.h"
#include "figures/unit_words.h"

#include "tests/figures/words_fixture.h"

namespace costsite::figures {
namespace {

using cost::Decimal;
using cost::Interval;

Decimal D(const char* s) { return *Decimal::Parse(s); }

cost::Unit U(const char* text) {
  static const cost::UnitTable table;
  cost::UnitError err;
  auto u = cost::ParseUnit(text, table, &err);
  REQUIRE(u);
  return *u;
}

cost::Figure Fig(const char* lo, const char* hi, const char* unit) {
  cost::Figure f;
  f.id = "x";
  f.value = Interval(D(lo), D(hi));
  f.unit = U(unit);
  return f;
}

cost::Figure Money(const char* lo, const char* hi, const char* currency, const char* per) {
  return Fig(lo, hi, (std::string(currency) + (std::string(per).empty() ? "" : "/" + std::string(per))).c_str());
}

cost::Figure Plain(const char* v, const char* unit) { return Fig(v, v, unit); }

std::string Fmt(const cost::Figure& f, std::string_view options, std::string_view lang) {
  FormatOptions opt;
  OptionError err;
  REQUIRE(ParseFormatOptions(options, &opt, &err));
  return FormatFigure(f, opt, testing::SpeakerFor(lang));
}

TEST_CASE("Money follows the page's locale and the rounding rule") {
  struct Case {
    const char *lo, *hi, *currency, *per, *options, *lang, *want;
  };
  const Case cases[] = {
      // Cents from 1 to 1,000; whole units above; a whole amount has no ".00".
      {"1257.3", "1257.3", "USD", "h", "", "en", "$1,257/h"},
      {"1257.3", "1257.3", "USD", "h", "", "zh", "US$1,257/小时"},
      {"16.4", "16.4", "USD", "h", "", "zh", "US$16.40/小时"},
      {"16.4", "16.4", "USD", "h", "", "en", "$16.40/h"},
      {"40", "40", "USD", "month", "", "zh", "US$40/月"},
      {"219", "219", "USD", "month", "", "en", "$219/month"},
      {"124073.284", "124073.284", "CNY", "month", "", "zh", "¥124,073/月"},
      {"124073.284", "124073.284", "CNY", "month", "", "en", "CN¥124,073/month"},
      {"52670000", "52670000", "USD", "", "", "zh", "US$52,670,000"},
      {"2000", "3500", "CNY", "month", "", "zh", "¥2,000–3,500/月"},
      {"50000", "80000", "CNY", "month", "", "zh", "¥50,000–80,000/月"},
      {"2000", "3500", "CNY", "month", "precision=2", "zh", "¥2,000.00–3,500.00/月"},
      {"2000", "3500", "USD", "month", "range=mid", "en", "$2,750/month"},
      {"2000", "3500", "USD", "month", "range=lo", "en", "$2,000/month"},
      {"2000", "3500", "USD", "month", "range=hi", "en", "$3,500/month"},
      {"248.205", "248.205", "USD", "month", "", "en", "$248.21/month"},  // half away from zero
      {"-248.205", "-248.205", "USD", "month", "", "en", "-$248.21/month"},
      {"1.25", "1.25", "USD", "h", "precision=1", "en", "$1.3/h"},
      // Below one unit: three significant digits, never shown as zero.
      {"0.00135", "0.00135", "USD", "", "", "en", "$0.00135"},
      {"0.00135", "0.00135", "USD", "", "", "zh", "US$0.00135"},
      {"0.0117", "0.0117", "USD", "", "", "en", "$0.0117"},
      {"0.5", "0.5", "USD", "h", "", "en", "$0.50/h"},
      {"0.0001", "0.0001", "USD", "", "", "en", "$0.0001"},
      {"0", "0", "USD", "month", "", "en", "$0/month"},
      // Both ends of a range take the larger end's rule; an end that rule would show as 0 keeps its digits,
      {"608.33", "1217", "USD", "month", "", "zh", "US$608–1,217/月"},
      {"912.5", "1521", "USD", "month", "", "en", "$913–1,521/month"},
      {"16.4", "20", "USD", "h", "", "en", "$16.40–20.00/h"},
      {"0.004", "12.5", "USD", "", "", "en", "$0.004–12.50"},
      // ... as does an end it would show more than a tenth off.
      {"0.5", "1500", "USD", "", "", "en", "$0.50–1,500"},
      {"1.4", "1500", "USD", "", "", "zh", "US$1.40–1,500"},
      {"5.5", "1500", "USD", "", "", "en", "$6–1,500"},
      {"12.4", "1500", "USD", "", "", "en", "$12–1,500"},
      {"1000000000000", "1000000000000", "USD", "", "", "en", "$1,000,000,000,000"},
      // An amount that rounds up to 1,000 is shown by the rule of 1,000, not with cents.
      {"999.995", "999.995", "USD", "", "", "en", "$1,000"},
      {"999.4", "999.4", "USD", "", "", "en", "$999.40"},
      {"500.5", "999.996", "USD", "month", "", "zh", "US$501–1,000/月"},
      // Compact: three significant digits, the same in both languages.
      {"17232.4", "17232.4", "USD", "month", "compact", "zh", "US$1.72万/月"},
      {"17232.4", "17232.4", "USD", "month", "compact", "en", "$17.2K/month"},
      {"103000000", "103000000", "USD", "", "compact", "zh", "US$1.03亿"},
      {"103000000", "103000000", "USD", "", "compact", "en", "$103M"},
      {"250000000", "250000000", "CNY", "year", "compact", "zh", "¥2.5亿/年"},
      {"2500000", "2500000", "USD", "year", "compact", "en", "$2.5M/year"},
      {"3200000000", "3200000000", "USD", "", "compact", "en", "$3.2B"},
      // A compact range: both ends in the larger end's step, with as many decimals.
      {"4210", "5100", "USD", "", "compact", "en", "$4.21K–5.10K"},
      {"8800", "12700", "USD", "", "compact", "zh", "US$0.88万–1.27万"},
      {"8800", "12700", "USD", "", "compact", "en", "$8.8K–12.7K"},
      {"1500", "2000", "USD", "", "compact", "zh", "US$1,500–2,000"},
      {"-1310", "80", "USD", "", "compact", "en", "-$1.31K – 0.08K"},
      {"12", "12700", "USD", "", "compact", "en", "$12–12.7K"},
      {"17232.4", "17232.4", "USD", "month", "per=none", "en", "$17,232"},
      {"17232.4", "17232.4", "USD", "month", "plain", "en", "17,232"},
      {"0.15", "0.15", "USD", "1M tokens", "", "zh", "US$0.15/百万 token"},
      {"0.15", "0.15", "USD", "1M tokens", "", "en", "$0.15/1M tokens"},
      {"0.005", "0.005", "USD", "1000 requests", "", "zh", "US$0.005/千次请求"},
      {"0.023", "0.023", "USD", "GB/month", "", "zh", "US$0.023/GB/月"},
  };
  for (const Case& c : cases) {
    INFO(c.lo << "–" << c.hi << " " << c.currency << "/" << c.per << " [" << c.options << "] " << c.lang);
    CHECK(Fmt(Money(c.lo, c.hi, c.currency, c.per), c.options, c.lang) == c.want);
  }
}

TEST_CASE("Counts read with their nouns: measure words in zh, plurals in en") {
  struct Case {
    const char *value, *unit, *zh, *en;
  };
  const Case cases[] = {
      {"32", "gpus", "32 块 GPU", "32 GPUs"},
      {"1", "gpus", "1 块 GPU", "1 GPU"},
      {"20000", "questions", "20,000 个问题", "20,000 questions"},
      {"40", "sessions", "40 个会话", "40 sessions"},
      {"11.16", "instances", "11.2 个实例", "11.2 instances"},
      {"3.757", "months", "3.76 个月", "3.76 months"},
      {"12", "months", "12 个月", "12 months"},
      {"1", "month", "1 个月", "1 month"},
      {"0.08", "months", "0.08 个月", "0.08 months"},
      {"730", "h", "730 小时", "730 h"},
      {"3", "days", "3 天", "3 days"},
      {"2054794.521", "tokens/h", "2,054,795 token/小时", "2,054,795 tokens/h"},
      {"12", "requests/s", "12 次请求/秒", "12 requests/s"},
      {"4.1234", "GB", "4.12 GB", "4.12 GB"},
      {"100000", "calls/month", "100,000 次调用/月", "100,000 calls/month"},
      {"1024", "dims", "1,024 维", "1,024 dimensions"},
      {"7.8", "x", "7.8×", "7.8×"},
      {"0.4", "x", "0.4×", "0.4×"},
      {"1234.56789", "", "1,235", "1,235"},
      {"0.0123456", "", "0.0123", "0.0123"},
      // Products: the last term counts, the others name what is counted.
      {"16", "gpus*h", "16 GPU·小时", "16 GPU·h"},
      {"1", "gpu*hour", "1 GPU·小时", "1 GPU-hour"},
      {"200", "GB*months", "200 GB·月", "200 GB-months"},
      {"3", "nodes*days/month", "3 节点·天/月", "3 node-days/month"},
      // A scale before a counted unit reads as a number word, in either number.
      {"0.72", "1M tokens", "0.72 百万 token", "0.72 million tokens"},
      {"1", "1M tokens", "1 百万 token", "1 million tokens"},
      {"2.5", "1k requests", "2.5 千次请求", "2.5 thousand requests"},
  };
  for (const Case& c : cases) {
    INFO(c.value << " " << c.unit);
    CHECK(Fmt(Plain(c.value, c.unit), "", "zh") == c.zh);
    CHECK(Fmt(Plain(c.value, c.unit), "", "en") == c.en);
  }
}

TEST_CASE("per=none drops the per-time part of a count as of money") {
  CHECK(Fmt(Plain("100000", "calls/month"), "per=none", "zh") == "100,000 次调用");
  CHECK(Fmt(Plain("100000", "calls/month"), "per=none", "en") == "100,000 calls");
  CHECK(Fmt(Plain("100", "GB/month"), "per=none", "zh") == "100 GB");
  CHECK(Fmt(Plain("12", "requests/s"), "per=none", "en") == "12 requests");
  CHECK(Fmt(Plain("730", "h"), "per=none", "zh") == "730 小时");
  CHECK(Fmt(Money("248.2", "248.2", "USD", "month"), "per=none", "zh") == "US$248.20");
}

TEST_CASE("Plain text (eval, diagnostics) follows the money rule at 0.1 too") {
  // Three significant digits below 0.1, two decimals from 0.1 up: a value
  // that rounds up to 0.1 is 0.10, as pages show it.
  CHECK(PlainNumber(*cost::Decimal::Parse("0.09995"), true) == "0.10");
  CHECK(PlainNumber(*cost::Decimal::Parse("0.0999"), true) == "0.0999");
  CHECK(PlainNumber(*cost::Decimal::Parse("0.0035"), true) == "0.0035");
  CHECK(PlainNumber(*cost::Decimal::Parse("-0.09996"), true) == "-0.10");
  CHECK(PlainNumber(*cost::Decimal::Parse("248.2"), true) == "248.20");
}

TEST_CASE("Percents: one decimal at most, never zero unless zero") {
  CHECK(Fmt(Plain("83.2", "%"), "", "zh") == "83.2%");
  CHECK(Fmt(Plain("74.427", "%"), "", "en") == "74.4%");
  CHECK(Fmt(Plain("50", "%"), "", "en") == "50%");
  CHECK(Fmt(Plain("5.04", "%"), "", "en") == "5%");
  CHECK(Fmt(Plain("0.042", "%"), "", "en") == "0.042%");
  CHECK(Fmt(Fig("50", "75", "%"), "", "zh") == "50–75%");
  CHECK(Fmt(Fig("10", "20", "%"), "", "en") == "10–20%");
}

TEST_CASE("precision=N never shows a non-zero amount as zero") {
  // As a table's cell keeps the digits a tiny amount needs, so does an inline figure.
  CHECK(Fmt(Money("0.0004", "0.0004", "USD", "month"), "precision=2", "en") == "$0.0004/month");
  CHECK(Fmt(Money("0.0004", "0.0004", "USD", "month"), "precision=2", "zh") == "US$0.0004/月");
  CHECK(Fmt(Money("0.0004", "0.0004", "USD", "month"), "precision=0", "en") == "$0.0004/month");
  CHECK(Fmt(Money("0.004", "12.5", "USD", ""), "precision=1", "en") == "$0.004–12.5");
  CHECK(Fmt(Plain("0.0004", "gpus"), "precision=1", "en") == "0.0004 GPUs");
  // Zero stays zero, and a value N shows as non-zero keeps exactly N decimals.
  CHECK(Fmt(Money("0", "0", "USD", "month"), "precision=2", "en") == "$0.00/month");
  CHECK(Fmt(Money("0.006", "0.006", "USD", "month"), "precision=2", "en") == "$0.01/month");
}

TEST_CASE("A percentage short of 100 is never shown as 100") {
  CHECK(Fmt(Plain("99.95", "%"), "", "en") == "99.95%");
  CHECK(Fmt(Plain("99.95", "%"), "", "zh") == "99.95%");
  CHECK(Fmt(Plain("99.999", "%"), "", "en") == "99.999%");
  // compact shortens thousands; a percentage has none, and keeps its rule.
  CHECK(Fmt(Plain("99.95", "%"), "compact", "en") == "99.95%");
  CHECK(Fmt(Plain("99.996", "%"), "compact", "zh") == "99.996%");
  CHECK(Fmt(Plain("74.427", "%"), "compact", "en") == "74.4%");
  CHECK(Fmt(Plain("100.04", "%"), "", "en") == "100.04%");
  CHECK(Fmt(Plain("99.95", "%"), "precision=0", "en") == "99.95%");
  CHECK(Fmt(Fig("99.9", "99.95", "%"), "", "en") == "99.9–99.95%");
  CHECK(Fmt(Plain("100", "%"), "", "en") == "100%");
  CHECK(Fmt(Plain("99.94", "%"), "", "en") == "99.9%");
}

TEST_CASE("A ratio is never shown more than a tenth away from its value") {
  // 73.60 / 10,377.73 at a column's two decimals read "0.01×", 41 % above it.
  CHECK(Fmt(Plain("0.0070921", "x"), "precision=2", "en") == "0.007×");
  CHECK(Fmt(Plain("0.0070921", "x"), "", "en") == "0.0071×");
  CHECK(Fmt(Plain("0.4", "x"), "precision=2", "en") == "0.40×");
  CHECK(Fmt(Plain("0.064", "x"), "precision=2", "zh") == "0.06×");  // 6 % off: kept to the column
  CHECK(Fmt(Plain("0.04", "x"), "precision=1", "zh") == "0.04×");
}

TEST_CASE("Both ends of a range show as many decimals") {
  CHECK(Fmt(Fig("4.15", "4.2", "x"), "", "en") == "4.15–4.20×");
  CHECK(Fmt(Fig("1.3333", "1.6", "x"), "", "en") == "1.33–1.60×");
  CHECK(Fmt(Fig("53", "61.2", "GB"), "", "en") == "53.0–61.2 GB");
  CHECK(Fmt(Fig("-53", "-52.6", "%"), "", "en") == "-53.0 – -52.6%");
  CHECK(Fmt(Fig("2", "8", "gpus"), "", "en") == "2–8 GPUs");
  CHECK(Fmt(Money("0.004", "12.5", "USD", ""), "", "en") == "$0.004–12.50");
  CHECK(Fmt(Money("608.333", "1217", "USD", ""), "", "en") == "$608–1,217");
}

TEST_CASE("An English count takes the singular when its number reads 1 as shown") {
  CHECK(Fmt(Plain("1.0004", "gpus"), "", "en") == "1 GPU");
  CHECK(Fmt(Plain("0.9996", "gpus"), "", "en") == "1 GPU");
  CHECK(Fmt(Plain("1.0004", "gpus"), "", "zh") == "1 块 GPU");
  CHECK(Fmt(Plain("1.0000001", "months"), "", "en") == "1 month");
  CHECK(Fmt(Plain("1.0004", "gpus"), "precision=1", "en") == "1.0 GPUs");
  CHECK(Fmt(Plain("1.0004", "gpus"), "precision=0", "en") == "1 GPU");
  CHECK(Fmt(Fig("1", "2", "gpus"), "", "en") == "1–2 GPUs");
  CHECK(Fmt(Fig("1.0001", "1.0002", "gpus"), "", "en") == "1 GPU");
  CHECK(Fmt(Plain("1.05", "gpus"), "", "en") == "1.05 GPUs");
  CHECK(Fmt(Plain("1.0004", "gpus*h"), "", "en") == "1 GPU·h");
  CHECK(Fmt(Plain("1.0004", "gpu*hours"), "", "en") == "1 GPU-hour");
}

TEST_CASE("Compact numbers below a step keep the thousands separator") {
  CHECK(Fmt(Money("999.995", "999.995", "USD", ""), "compact", "zh") == "US$1,000");
  CHECK(Fmt(Money("999.995", "999.995", "USD", ""), "compact", "en") == "$1K");
  CHECK(Fmt(Money("4321", "4321", "CNY", "month"), "compact", "zh") == "¥4,320/月");
  CHECK(Fmt(Money("12345", "12345", "CNY", "month"), "compact", "zh") == "¥1.23万/月");
}

TEST_CASE("Booleans read as words") {
  cost::Figure b;
  b.is_bool = true;
  b.bool_value = true;
  CHECK(Fmt(b, "", "zh") == "是");
  CHECK(Fmt(b, "", "en") == "yes");
}

TEST_CASE("A range whose ends round alike shows one number") {
  CHECK(Fmt(Money("10.001", "10.004", "USD", "h"), "", "en") == "$10.00/h");
}

TEST_CASE("zh and en show a figure with the same significant digits") {
  const char* values[] = {"0.00135", "0.0117", "16.4", "248.205", "1257.3", "124073.284", "52670000"};
  for (const char* v : values) {
    auto digits = [](std::string s) {
      std::string d;
      for (char c : s)
        if (c >= '0' && c <= '9') d += c;
      return d;
    };
    INFO(v);
    CHECK(digits(Fmt(Money(v, v, "USD", "month"), "", "zh")) == digits(Fmt(Money(v, v, "USD", "month"), "", "en")));
  }
}

TEST_CASE("Prices keep the digits their list states") {
  CHECK(FormatPrice(Interval(D("0.0035")), U("USD/1M tokens"), "en") == "$0.0035/1M tokens");
  CHECK(FormatPrice(Interval(D("4.1")), U("USD/h"), "zh") == "US$4.10/小时");
  CHECK(FormatPrice(Interval(D("0.17")), U("USD/h"), "en") == "$0.17/h");
  CHECK(FormatPrice(Interval(D("25"), D("50")), U("USD/month"), "zh") == "US$25–50/月");
  CHECK(PriceUnitHeader(U("USD/GB/month"), "zh") == "美元/GB/月");
  CHECK(PriceUnitHeader(U("USD/h"), "en") == "USD/h");
}

TEST_CASE("A column of a duration names its unit, a count of things names them in its label") {
  CHECK(UnitHeader(Plain("1.5", "months"), testing::SpeakerFor("zh")) == "个月");
  CHECK(UnitHeader(Plain("1.5", "months"), testing::SpeakerFor("en")) == "months");
  CHECK(UnitHeader(Plain("3", "days"), testing::SpeakerFor("zh")) == "天");
  CHECK(UnitHeader(Plain("32", "gpus"), testing::SpeakerFor("zh")).empty());
  CHECK(UnitHeader(Money("10", "10", "USD", "month"), testing::SpeakerFor("zh")) == "美元/月");
}

TEST_CASE("Exchange rates read in the page's language") {
  cost::FxUse fx{"USD", "CNY", D("7.088"), "2025-01-01", ""};
  CHECK(FormatFx(fx, "zh") == "US$1 = ¥7.088");
  CHECK(FormatFx(fx, "en") == "$1 = CN¥7.088");
}

TEST_CASE("Format options report the offending word and its offset") {
  struct Case {
    const char* text;
    const char* message;
    size_t offset, length;
  };
  const Case cases[] = {
      {"precison=2", "unknown format option 'precison=2' (expected currency=, unit=, precision=, percent, compact, "
                     "range=, plain or per=none)", 0, 10},
      {"compact precision=x", "precision must be a number of decimals from 0 to 10, not 'x'", 18, 1},
      {"currency=yuan", "currency must be an ISO 4217 code such as CNY, not 'yuan'", 9, 4},
      {"range=middle", "range must be dash, mid, lo or hi, not 'middle'", 6, 6},
      {"per=month", "per only takes 'none'", 4, 5},
      {"percent=1", "unknown format option 'percent=1' (expected currency=, unit=, precision=, percent, compact, "
                    "range=, plain or per=none)", 0, 9},
  };
  for (const Case& c : cases) {
    FormatOptions opt;
    OptionError err;
    INFO(c.text);
    CHECK_FALSE(ParseFormatOptions(c.text, &opt, &err));
    CHECK(err.message == c.message);
    CHECK(err.offset == c.offset);
    CHECK(err.length == c.length);
  }
  FormatOptions opt;
  OptionError err;
  REQUIRE(ParseFormatOptions("  currency=CNY unit=CNY/h precision=3 percent compact range=lo plain per=none", &opt, &err));
  CHECK(opt.currency == "CNY");
  CHECK(opt.unit == "CNY/h");
  CHECK(opt.precision == 3);
  CHECK(opt.percent);
  CHECK(opt.compact);
  CHECK(opt.range == RangeStyle::kLo);
  CHECK(opt.plain);
  CHECK_FALSE(opt.per);
}

TEST_CASE("Unit words after a slash are localised term by term") {
  CHECK(PerUnitText("1M tokens", "zh") == "百万 token");
  CHECK(PerUnitText("1k requests", "zh") == "千次请求");
  CHECK(PerUnitText("GB/month", "zh") == "GB/月");
  CHECK(PerUnitText("GB/month", "en") == "GB/month");
  CHECK(PerUnitText("h", "zh") == "小时");
  CHECK(PerUnitText("gpu", "zh") == "GPU");
}

TEST_CASE("A count written as digits before a unit word reads as the language counts") {
  CHECK(PerUnitText("100000 calls", "en") == "100,000 calls");
  CHECK(PerUnitText("100000 calls", "zh") == "10 万次调用");
  CHECK(PerUnitText("10000 calls", "zh") == "万次调用");
  CHECK(PerUnitText("2048 tokens", "en") == "2,048 tokens");
  CHECK(PerUnitText("2048 tokens", "zh") == "2,048 token");
  CHECK(PerUnitText("500 requests", "en") == "500 requests");
  CHECK(PerUnitText("100000000 tokens", "zh") == "亿 token");
  CHECK(PerUnitText("250000000 tokens", "zh") == "25,000 万 token");
  CHECK(PerUnitText("300000000 tokens", "zh") == "3 亿 token");
  CHECK(FormatPrice(Interval(D("2000"), D("8000")), U("CNY/100000 calls"), "en") == "CN¥2,000–8,000/100,000 calls");
  CHECK(FormatPrice(Interval(D("2000"), D("8000")), U("CNY/100000 calls"), "zh") == "¥2,000–8,000/10 万次调用");
}

}  // namespace
}  // namespace costsite::figures
