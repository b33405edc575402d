#include "cost/interval.h"

#include <catch2/catch.hpp>

namespace costsite::cost {
namespace {

Interval I(int lo, int hi) { return {Decimal(lo), Decimal(hi)}; }

TEST_CASE("Interval arithmetic over signs", "[cost][interval]") {
  struct Case {
    Interval a, b;
    char op;
    Interval want;
  } cases[] = {
      {I(1, 2), I(3, 4), '+', I(4, 6)},       {I(-2, 1), I(3, 4), '+', I(1, 5)},
      {I(1, 2), I(3, 4), '-', I(-3, -1)},     {I(-2, 1), I(-1, 3), '-', I(-5, 2)},
      {I(1, 2), I(3, 4), '*', I(3, 8)},       {I(-2, 1), I(3, 4), '*', I(-8, 4)},
      {I(-2, -1), I(-4, -3), '*', I(3, 8)},   {I(-2, 3), I(-4, 5), '*', I(-12, 15)},
      {I(6, 12), I(2, 3), '/', I(2, 6)},      {I(-12, 6), I(2, 3), '/', I(-6, 3)},
      {I(6, 12), I(-3, -2), '/', I(-6, -2)},  {I(5, 5), I(2, 2), '*', I(10, 10)},
  };
  for (const auto& c : cases) {
    INFO("[" << c.a.lo.ToString() << ", " << c.a.hi.ToString() << "] " << c.op << " ["
              << c.b.lo.ToString() << ", " << c.b.hi.ToString() << "]");
    Interval got = c.op == '+'   ? c.a + c.b
                   : c.op == '-' ? c.a - c.b
                   : c.op == '*' ? c.a * c.b
                                 : *Divide(c.a, c.b);
    CHECK(got == c.want);
  }
}

TEST_CASE("Dividing by a range containing zero is refused", "[cost][interval]") {
  CHECK_FALSE(Divide(I(1, 2), I(-1, 1)).has_value());
  CHECK_FALSE(Divide(I(1, 2), I(0, 3)).has_value());
  CHECK_FALSE(Divide(I(1, 2), I(0, 0)).has_value());
  CHECK(Divide(I(1, 2), I(1, 1)).has_value());
}

TEST_CASE("Interval helpers", "[cost][interval]") {
  CHECK(-I(1, 2) == I(-2, -1));
  CHECK(Hull(I(1, 2), I(5, 6)) == I(1, 6));
  CHECK(I(500, 1500).Mid().ToString() == "1000");
  CHECK(Interval(Decimal(3)).IsPoint());
  CHECK(Round(Interval(*Decimal::Parse("1.005"), *Decimal::Parse("2.994")), 2) ==
        Interval(*Decimal::Parse("1.01"), *Decimal::Parse("2.99")));
}

}  // namespace
}  // namespace costsite::cost
