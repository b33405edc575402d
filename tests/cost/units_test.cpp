#include "cost/units.h"

#include <catch2/catch.hpp>

namespace costsite::cost {
namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

TEST_CASE("Units convert to canonical bases", "[cost][units]") {
  UnitTable table;
  struct Case {
    const char* unit;
    const char* scale;
  } cases[] = {
      {"h", "1"},          {"hours", "1"},        {"day", "24"},          {"week", "168"},
      {"month", "730"},    {"year", "8760"},      {"B", "1"},             {"bit", "0.125"},
      {"kB", "1000"},      {"GB", "1000000000"},  {"TB", "1000000000000"}, {"KiB", "1024"},
      {"GiB", "1073741824"}, {"%", "0.01"},        {"tokens", "1"},        {"1M tokens", "1000000"},
      {"1k tokens", "1000"}, {"10000 requests", "10000"}, {"gpus", "1"},   {"GB*h", "1000000000"},
  };
  for (const auto& c : cases) {
    INFO(c.unit);
    UnitError err;
    auto u = ParseUnit(c.unit, table, &err);
    REQUIRE(u.has_value());
    CHECK(u->scale.ToString() == c.scale);
  }
  CHECK(ParseUnit("s", table, nullptr)->scale.NearlyEquals(Decimal(1) / Decimal(3600)));
  CHECK(ParseUnit("min", table, nullptr)->scale.NearlyEquals(Decimal(1) / Decimal(60)));
}

TEST_CASE("Month length is a site option", "[cost][units]") {
  UnitTable table(720);
  CHECK(ParseUnit("month", table, nullptr)->scale.ToString() == "720");
  CHECK(ParseUnit("year", table, nullptr)->scale.ToString() == "8640");
}

TEST_CASE("Unit expressions carry dimensions", "[cost][units]") {
  UnitTable table;
  auto u = ParseUnit("USD/1M tokens", table, nullptr);
  REQUIRE(u);
  CHECK(u->dim.exp[kMoney] == 1);
  CHECK(u->dim.exp[kTokens] == -1);
  CHECK(u->dim.currency == "USD");
  CHECK(u->scale.ToString() == "0.000001");
  CHECK(u->text == "USD/1M tokens");
  auto g = ParseUnit("USD/GB/month", table, nullptr);
  CHECK(g->scale.NearlyEquals(Decimal(1) / (D("1e9") * Decimal(730))));
  CHECK(FormatDimension(g->dim) == "USD/h*B");
  CHECK(FormatDimension(ParseUnit("requests/s", table, nullptr)->dim) == "requests/h");
  CHECK(ParseUnit("", table, nullptr)->dim.IsNone());
  CHECK(ParseUnit("h^2", table, nullptr)->dim.exp[kTime] == 2);
}

TEST_CASE("A currency code that is none names the one meant", "[cost][units]") {
  CHECK(UnknownCurrencyMessage("usd") == "unknown currency 'usd' (did you mean 'USD'?)");
  CHECK(UnknownCurrencyMessage("Cny") == "unknown currency 'Cny' (did you mean 'CNY'?)");
  CHECK(UnknownCurrencyMessage("RMB") == "unknown currency 'RMB' (did you mean 'CNY'?)");
  CHECK(UnknownCurrencyMessage("yuan") == "unknown currency 'yuan' (did you mean 'CNY'?)");
  CHECK(UnknownCurrencyMessage("ABC") == "unknown currency 'ABC'");
  CHECK(UnknownCurrencyMessage("hours") == "unknown currency 'hours'");  // a unit, not a currency
}

TEST_CASE("Currency codes are those of ISO 4217, new and withdrawn", "[cost][units]") {
  // Added to the list lately: ZWG (2024), VED (2021), XCG (2025), SLE (2022),
  // and the funds codes a bill in a Latin American currency may name.
  for (const char* code : {"ZWG", "VED", "XCG", "SLE", "VES", "STN", "MRU", "UYW", "CLF", "XDR", "USD", "CNY"}) {
    INFO(code);
    CHECK(IsCurrencyCode(code));
  }
  // Withdrawn, but on the bills of their time: HRK (2023), CUC (2021), ZWL,
  // SLL, ANG, and those replaced in 2018.
  for (const char* code : {"HRK", "CUC", "ZWL", "SLL", "ANG", "VEF", "MRO", "STD"}) {
    INFO(code);
    CHECK(IsCurrencyCode(code));
  }
  // XTS is for testing, XXX "no currency", XBC a bond market's unit that no
  // bill is in (and a typo of ABC would be taken for); the others are no code.
  for (const char* code : {"XTS", "XXX", "XBC", "ABC", "US", "USDD", "usd", "EUR1"}) {
    INFO(code);
    CHECK_FALSE(IsCurrencyCode(code));
  }
  CHECK(IsCurrencyCodeText("ZWG/month"));
  CHECK(UnknownCurrencyMessage("zwg") == "unknown currency 'zwg' (did you mean 'ZWG'?)");
}

TEST_CASE("Unit errors point inside the text", "[cost][units]") {
  UnitTable table;
  struct Case {
    const char* text;
    size_t offset;
    const char* message;
  } cases[] = {
      {"USD/hr", 4, "unknown unit 'hr' (did you mean 'h'?)"},
      {"ABC/month", 0, "unknown currency 'ABC'"},
      // Common spellings that are not costsite's, and near misses.
      {"USD/mo", 4, "unknown unit 'mo' (did you mean 'month'?)"},
      {"RMB/GB/month", 0, "unknown currency 'RMB' (did you mean 'CNY'?)"},
      {"yuan/month", 0, "unknown currency 'yuan' (did you mean 'CNY'?)"},
      {"US$/h", 0, "unknown currency 'US$' (did you mean 'USD'?)"},
      {"$/h", 0, "unknown currency '$' (did you mean 'USD'?)"},
      {"usd/h", 0, "unknown currency 'usd' (did you mean 'USD'?)"},
      {"USD/1M tokns", 7, "unknown unit 'tokns' (did you mean 'tokens'?)"},
      {"USD/requets", 4, "unknown unit 'requets' (did you mean 'requests'?)"},
      {"USD/", 4, "expected a unit name"},
      {"USD CNY", 4, "expected '*' or '/' in unit 'USD CNY'"},
      {"USD*CNY", 0, "a unit cannot mix two currencies"},
      {"h^x", 2, "expected a whole exponent after '^'"},
      // A zero scale has no inverse: 0s^-4 would divide by zero (found by the formula fuzzer).
      {"0s^-4", 0, "a unit's scale cannot be 0"},
      {"USD/.0 h", 4, "a unit's scale cannot be 0"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    UnitError err;
    CHECK_FALSE(ParseUnit(c.text, table, &err).has_value());
    CHECK(err.message == c.message);
    CHECK(err.offset == c.offset);
  }
}

TEST_CASE("Currency codes and money units", "[cost][units]") {
  CHECK(IsCurrencyCode("USD"));
  CHECK(IsCurrencyCode("CNY"));
  CHECK_FALSE(IsCurrencyCode("GPU"));
  CHECK_FALSE(IsCurrencyCode("usd"));
  CHECK(SplitMoneyUnit("USD/1M tokens") == std::make_pair(std::string("USD"), std::string("1M tokens")));
  CHECK(SplitMoneyUnit("CNY/month") == std::make_pair(std::string("CNY"), std::string("month")));
  CHECK(SplitMoneyUnit("USD") == std::make_pair(std::string("USD"), std::string("")));
  CHECK(SplitMoneyUnit("GB").first.empty());
  CHECK_FALSE(Multiply(ParseUnit("USD", UnitTable(), nullptr)->dim,
                       ParseUnit("CNY", UnitTable(), nullptr)->dim).has_value());
}

}  // namespace
}  // namespace costsite::cost
