#include "cost/decimal.h"

#include <catch2/catch.hpp>

namespace costsite::cost {
namespace {

Decimal D(const char* s) { return *Decimal::Parse(s); }

TEST_CASE("Decimal parses exactly and prints plain notation", "[cost][decimal]") {
  CHECK(D("0.023").ToString() == "0.023");
  CHECK(D("-12.500").ToString() == "-12.5");
  CHECK(D("1.5e3").ToString() == "1500");
  CHECK(D("0.000001").ToString() == "0.000001");
  CHECK(D("+7").ToString() == "7");
  CHECK(Decimal(0).ToString() == "0");
  for (const char* bad : {"", "1,000", "1.2.3", "abc", "1e", ".", "-", "1e99999"}) {
    INFO(bad);
    CHECK_FALSE(Decimal::Parse(bad).has_value());
  }
}

TEST_CASE("Decimal arithmetic has no binary artefacts", "[cost][decimal]") {
  CHECK(D("0.1") + D("0.2") == D("0.3"));
  CHECK((D("0.34") * Decimal(730)).ToString() == "248.2");
  CHECK((D("500") * D("0.023")).ToFixed(2) == "11.50");
  CHECK((Decimal(250000) * Decimal(4096) * Decimal(4) / D("1e9")).ToString() == "4.096");
  CHECK((D("30.44") / Decimal(8) * Decimal(2)).ToFixed(2) == "7.61");
  // 1/730 is inexact; printing and rounding must not show it.
  CHECK((D("11.5") / Decimal(730) * Decimal(730)).ToString() == "11.5");
  CHECK((D("11.5") / Decimal(730) * Decimal(730)).RoundHalfAwayFromZero(0).ToString() == "12");
}

TEST_CASE("Decimal rounds half away from zero", "[cost][decimal]") {
  struct Case {
    const char* in;
    int digits;
    const char* out;
  } cases[] = {
      {"2.345", 2, "2.35"}, {"-2.345", 2, "-2.35"}, {"0.125", 2, "0.13"},  {"2.5", 0, "3"},
      {"-2.5", 0, "-3"},    {"2.4999", 0, "2"},     {"1234.5", -2, "1200"}, {"0.005", 2, "0.01"},
  };
  for (const auto& c : cases) {
    INFO(c.in << " to " << c.digits);
    CHECK(D(c.in).RoundHalfAwayFromZero(c.digits).ToString() == c.out);
  }
  CHECK(D("248.2").ToFixed(2) == "248.20");
  CHECK(D("0.0012345").RoundSignificant(3).ToString() == "0.00123");
}

TEST_CASE("Decimal powers, roots, ceil and floor", "[cost][decimal]") {
  CHECK(D("1.01").Pow(2)->ToString() == "1.0201");
  CHECK(Decimal(2).Pow(-2)->ToString() == "0.25");
  CHECK_FALSE(Decimal(0).Pow(-1).has_value());
  CHECK(Decimal(4).Pow(D("0.5"))->RoundHalfAwayFromZero(10).ToString() == "2");
  CHECK_FALSE(Decimal(-4).Pow(D("0.5")).has_value());
  CHECK(Decimal(9).Sqrt().ToString() == "3");
  CHECK(D("2.1").Ceil().ToString() == "3");
  CHECK(D("-2.1").Ceil().ToString() == "-2");
  CHECK(D("-2.1").Floor().ToString() == "-3");
  CHECK(D("3.0").ToInt() == 3);
  CHECK_FALSE(D("3.5").ToInt().has_value());
  CHECK(D("0.5").ToDouble() == 0.5);
}

}  // namespace
}  // namespace costsite::cost
