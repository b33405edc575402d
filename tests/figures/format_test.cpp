// Localised formatting of figures: currencies, ranges, percent, compact, precision.
#include "figures/format.h"

#include <catch2/catch.hpp>

#include "figures/strings.h"

namespace costsite::figures {
namespace {

using cost::Decimal;
using cost::Interval;

Decimal D(const char* s) { return *Decimal::Parse(s); }

cost::Figure Money(const char* lo, const char* hi, const char* currency, const char* per) {
  cost::Figure f;
  f.id = "total";
  f.value = Interval(D(lo), D(hi));
  f.currency = currency;
  f.per = per;
  f.unit = std::string(currency) + (std::string(per).empty() ? "" : "/" + std::string(per));
  return f;
}

cost::Figure Plain(const char* v, const char* unit) {
  cost::Figure f;
  f.id = "x";
  f.value = Interval(D(v));
  f.unit = unit;
  return f;
}

std::string Fmt(const cost::Figure& f, std::string_view options, std::string_view lang) {
  FormatOptions opt;
  OptionError err;
  REQUIRE(ParseFormatOptions(options, &opt, &err));
  return FormatFigure(f, opt, lang);
}

TEST_CASE("Money figures follow the page's locale") {
  struct Case {
    const char *lo, *hi, *currency, *per, *options, *lang, *want;
  };
  const Case cases[] = {
      {"1257.3", "1257.3", "USD", "h", "", "en", "$1,257.30/h"},
      {"1257.3", "1257.3", "USD", "h", "", "zh", "US$1,257.30/小时"},
      {"124073.284", "124073.284", "CNY", "month", "", "zh", "¥124,073.28/月"},
      {"124073.284", "124073.284", "CNY", "month", "", "en", "CN¥124,073.28/month"},
      {"2000", "3500", "CNY", "month", "", "zh", "¥2,000.00–3,500.00/月"},
      {"2000", "3500", "CNY", "month", "precision=0", "zh", "¥2,000–3,500/月"},
      {"2000", "3500", "USD", "month", "precision=0", "en", "$2,000–3,500/month"},
      {"2000", "3500", "USD", "month", "range=mid precision=0", "en", "$2,750/month"},
      {"2000", "3500", "USD", "month", "range=lo precision=0", "en", "$2,000/month"},
      {"2000", "3500", "USD", "month", "range=hi precision=0", "en", "$3,500/month"},
      {"17232.4", "17232.4", "USD", "month", "compact", "zh", "US$1.7万/月"},
      {"17232.4", "17232.4", "USD", "month", "compact", "en", "$17K/month"},
      {"250000000", "250000000", "CNY", "year", "compact", "zh", "¥2.5亿/年"},
      {"2500000", "2500000", "USD", "year", "compact", "en", "$2.5M/year"},
      {"3200000000", "3200000000", "USD", "", "compact", "en", "$3.2B"},
      {"17232.4", "17232.4", "USD", "month", "per=none", "en", "$17,232.40"},
      {"17232.4", "17232.4", "USD", "month", "plain", "en", "17,232.40"},
      {"0.15", "0.15", "USD", "1M tokens", "", "zh", "US$0.15/百万 tokens"},
      {"0.15", "0.15", "USD", "1M tokens", "", "en", "$0.15/1M tokens"},
      {"248.205", "248.205", "USD", "month", "", "en", "$248.21/month"},  // half away from zero
      {"-248.205", "-248.205", "USD", "month", "", "en", "-$248.21/month"},
      {"1.25", "1.25", "USD", "h", "precision=1", "en", "$1.3/h"},
  };
  for (const Case& c : cases) {
    INFO(c.lo << " " << c.currency << "/" << c.per << " [" << c.options << "] " << c.lang);
    CHECK(Fmt(Money(c.lo, c.hi, c.currency, c.per), c.options, c.lang) == c.want);
  }
}

TEST_CASE("Other figures: units, percent, booleans") {
  CHECK(Fmt(Plain("4.1234", "GB"), "precision=1", "en") == "4.1 GB");
  CHECK(Fmt(Plain("730", "h"), "", "zh") == "730 小时");
  CHECK(Fmt(Plain("730", "h"), "", "en") == "730 h");
  CHECK(Fmt(Plain("83.2", "%"), "", "zh") == "83.2%");
  CHECK(Fmt(Plain("0.0123456", ""), "", "en") == "0.0123");
  CHECK(Fmt(Plain("1234.56789", ""), "", "en") == "1,234.568");
  CHECK(Fmt(Plain("12", "requests/s"), "", "zh") == "12 次请求/秒");
  cost::Figure ranged = Plain("10", "%");
  ranged.value = Interval(D("10"), D("20"));
  CHECK(Fmt(ranged, "", "en") == "10–20%");
  cost::Figure b;
  b.is_bool = true;
  b.bool_value = true;
  CHECK(Fmt(b, "", "zh") == "是");
  CHECK(Fmt(b, "", "en") == "yes");
}

TEST_CASE("A range whose ends round alike shows one number") {
  CHECK(Fmt(Money("10.001", "10.004", "USD", "h"), "", "en") == "$10.00/h");
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

TEST_CASE("Unit words are localised term by term") {
  CHECK(LocalizeUnit("1M tokens", "zh") == "百万 tokens");
  CHECK(LocalizeUnit("1k requests", "zh") == "千次请求");
  CHECK(LocalizeUnit("GB/month", "zh") == "GB/月");
  CHECK(LocalizeUnit("GB/month", "en") == "GB/month");
  CHECK(LocalizeUnit("USD/h", "zh") == "USD/小时");
}

}  // namespace
}  // namespace costsite::figures
