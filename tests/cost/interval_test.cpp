#include "cost/interval.h"

#include "cost/affine.h"

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

// Ranges that remember the uncertain inputs they come from (affine forms).
// Every expected bound below is worked by hand; the comments show how.

Decimal D(const char* text) { return *Decimal::Parse(text); }
Interval R(const char* lo, const char* hi) { return {D(lo), D(hi)}; }
// One uncertain input named `name`: equal names are the same input.
Interval U(const char* lo, const char* hi, const char* name) { return Uncertain(R(lo, hi), name); }

TEST_CASE("Correlated and uncorrelated ranges: sums, differences, products, ratios", "[cost][interval]") {
  struct Case {
    const char* what;
    Interval got;
    Interval want;
  };
  Interval a = U("10", "20", "a");        // 15 + 5·εa
  Interval a_again = U("10", "20", "a");  // the same input, made again
  Interval b = U("1", "3", "b");          // 2 + 1·εb
  Interval c = U("10", "20", "c");        // like a, but another input
  Interval plain = R("10", "20");         // no input named: fresh noise each time
  Case cases[] = {
      // Sums: correlation does not narrow a sum of same-signed terms.
      {"a + a", a + a_again, R("20", "40")},
      {"a + b", a + b, R("11", "23")},
      {"a + c", a + c, R("20", "40")},
      // Differences: the same input cancels, others do not.
      {"a - a", a - a_again, R("0", "0")},
      {"a - c", a - c, R("-10", "10")},
      {"plain - plain", plain - plain, R("-10", "10")},
      {"(a + b) - a", (a + b) - a, R("1", "3")},                 // plain: [-9, 13]
      {"(a + [0, 2]) - a", (a + R("0", "2")) - a, R("0", "2")},  // an untracked range stays
      {"3a - 2a", a * Interval(D("3")) - a * Interval(D("2")), R("10", "20")},  // plain: [-10, 40]
      // Products: a·a and a·b keep the interval bounds (225 ± 175 and 30 ± 30 are wider).
      {"a * a", a * a_again, R("100", "400")},
      {"a * b", a * b, R("10", "60")},
      // Ratios.
      {"a / a", *Divide(a, a_again), R("1", "1")},
      {"a / 4a", *Divide(a, a * Interval(D("4"))), R("0.25", "0.25")},
      // A quotient of affine forms is monotone along each input, so its range
      // is found exactly: a/c runs from 10/20 to 20/10 (as interval division),
      {"a / c", *Divide(a, c), R("0.5", "2")},
      // and (a + b)/a = 1 + b/a from 1 + 1/20 to 1 + 3/10, where interval
      // division gives [11, 23] / [10, 20] = [0.55, 2.3].
      {"(a + b) / a", *Divide(a + b, a), R("1.05", "1.3")},
      // ((a + 50) / a: the change of a scenario adding 50 to a ranged total)
      {"(a + 50) / a", *Divide(a + Interval(D("50")), a), R("3.5", "6")},
      // A number over a range: 30/[10, 20].
      {"30 / a", *Divide(Interval(D("30")), a), R("1.5", "3")},
  };
  for (const Case& c : cases) {
    INFO(c.what << " = [" << c.got.lo.ToString() << ", " << c.got.hi.ToString() << "]");
    CHECK(c.got == c.want);
  }
  CHECK((a - a_again).IsPoint());
  CHECK(a == plain);  // equality is on the ends only
}

// Equal ends to the 50 digits' last few (a quotient is rounded there).
bool Near(const Interval& v, const char* lo, const char* hi) { return v.lo.NearlyEquals(D(lo)) && v.hi.NearlyEquals(D(hi)); }

TEST_CASE("Products of ranges cancel between scenarios that share them", "[cost][interval]") {
  // 4 to 8 GPUs at 2 to 3 USD/h, 730 h/month; a scenario at 0.9 times the
  // price. Worked by hand: base from 4·2·730 = 5,840 to 8·3·730 = 17,520,
  // the scenario 0.9 times each, so it saves 0.1·base: 584 to 1,752, exactly
  // 10 %. A product's part ε₁·ε₂ not kept as a symbol made the change
  // [-3,066, 876] and the ratio [0.68, 1.2].
  const Interval gpus = U("4", "8", "m.gpus"), price = U("2", "3", "m.price");
  const Interval hours(D("730")), discount(D("0.9"));
  const Interval base = gpus * price * hours;
  const Interval spot = gpus * (price * discount) * hours;  // multiplied in another order
  CHECK(base == R("5840", "17520"));
  CHECK(spot == R("5256", "15768"));
  CHECK(spot - base == R("-1752", "-584"));
  CHECK(Near(*Divide(spot, base), "0.9", "0.9"));
  CHECK(Near(*Divide(spot - base, base), "-0.1", "-0.1"));

  // Another price in the scenario (1 to 1.5 USD/h): the change is
  // gpus·(new - old)·730, least at 8·(1 - 3)·730 = -11,680, greatest at
  // 4·(1.5 - 2)·730 = -1,460: a saving throughout.
  const Interval cheaper = gpus * U("1", "1.5", "m.spot_price") * hours;
  CHECK(cheaper - base == R("-11680", "-1460"));

  // Three ranged inputs (hours 600 to 730 a month) and a scenario at 0.8:
  // the change is -0.2·base, from -0.2·8·3·730 = -3,504 to -0.2·4·2·600 = -960.
  const Interval used = U("600", "730", "m.hours");
  const Interval three = gpus * price * used;
  const Interval three_spot = gpus * price * used * Interval(D("0.8"));
  CHECK(three == R("4800", "17520"));
  CHECK(three_spot - three == R("-3504", "-960"));
  CHECK(Near(*Divide(three_spot, three), "0.8", "0.8"));

  // A difference of products, sampled: g·p - g·q over g in [4, 8], p in
  // [2, 3], q in [1, 1.5] is held, and its ends are reached.
  const Interval diff = gpus * price - gpus * U("1", "1.5", "m.spot_price");
  CHECK(diff == R("2", "16"));  // 4·(2 - 1.5) to 8·(3 - 1)
  for (int i = 0; i <= 8; ++i)
    for (int j = 0; j <= 8; ++j)
      for (int k = 0; k <= 8; ++k) {
        Decimal g = D("4") + Decimal(i) / Decimal(2), p = D("2") + Decimal(j) / Decimal(8);
        Decimal q = D("1") + Decimal(k) / Decimal(16);
        CHECK(diff.Contains(g * p - g * q));
      }
}

TEST_CASE("A product's symbol is made again from its name", "[cost][interval]") {
  // Results held in a temporary file keep the symbols' names only.
  const Interval product = U("4", "8", "m.gpus") * U("2", "3", "m.price");
  REQUIRE(product.form);
  const AffineTerm* joint = nullptr;
  for (const AffineTerm& t : product.form->terms)
    if (!t.symbol->factors.empty()) joint = &t;
  REQUIRE(joint);
  CHECK(joint->symbol->factors.size() == 2);
  CHECK(joint->coef == D("1"));  // (6 + 2ε₁)(2.5 + 0.5ε₂) = 15 + 5ε₁ + 3ε₂ + 1·ε₁ε₂
  const Symbol again = MakeSymbol(joint->symbol->name);
  CHECK(CompareSymbols(again, joint->symbol) == 0);
  REQUIRE(again->factors.size() == 2);
  CHECK(CompareSymbols(again->factors[0], joint->symbol->factors[0]) == 0);
  CHECK(CompareSymbols(again->factors[1], MakeSymbol("m.gpus")) * CompareSymbols(again->factors[1], MakeSymbol("m.price")) == 0);
}

// Samples x over its range and checks that f(x) stays inside `range`.
template <typename F>
void CheckEncloses(const Interval& range, const F& f, const Decimal& lo, const Decimal& hi) {
  for (int k = 0; k <= 40; ++k) {
    Decimal x = lo + (hi - lo) * Decimal(k) / Decimal(40);
    Decimal y = f(x);
    INFO("x = " << x.ToString() << ", f(x) = " << y.ToString());
    CHECK(range.Contains(y));
  }
}

TEST_CASE("Non-monotone functions of a correlated range are still enclosed", "[cost][interval]") {
  // x = 5 + 3·ε over [2, 8]: x·(10 - x) = (5 + 3ε)(5 - 3ε) = 25 - 9ε², and
  // ε² is in [0, 1]: [16, 25], the true range (plain: [2, 8]·[2, 8] = [4, 64];
  // with ε² taken as any number in [-1, 1], [16, 34]).
  Interval x = U("2", "8", "x");
  Interval y = x * (Interval(D("10")) - x);
  CHECK(y == R("16", "25"));
  CheckEncloses(y, [](const Decimal& v) { return v * (Decimal(10) - v); }, D("2"), D("8"));
  // z = 0.5 + 0.5·ε over [0, 1]: z·z = 0.25 + 0.5·ε + 0.25·ε², so z - z·z =
  // 0.25 - 0.25·ε² = [0, 0.25], the true range (plain: [-1, 1]).
  Interval z = U("0", "1", "z");
  Interval w = z - z * z;
  CHECK(w == R("0", "0.25"));
  CheckEncloses(w, [](const Decimal& v) { return v - v * v; }, D("0"), D("1"));
  // (x + 1)/(x - 1) over x in [2, 8]: decreasing, so exactly [9/7, 3]
  // (plain: [3, 9] / [1, 7] = [3/7, 9]).
  Interval q = *Divide(x + Interval(D("1")), x - Interval(D("1")));
  CHECK(q.lo.NearlyEquals(Decimal(9) / Decimal(7)));
  CHECK(q.hi.NearlyEquals(Decimal(3)));
  CheckEncloses(q, [](const Decimal& v) { return (v + Decimal(1)) / (v - Decimal(1)); }, D("2"), D("8"));
}

TEST_CASE("IntervalEnds keeps the ends an explanation shows, not the inputs", "[cost][interval]") {
  const IntervalEnds point(Interval(Decimal::Parse("1095.5").value()));
  CHECK(point.lo() == *Decimal::Parse("1095.5"));
  CHECK(point.hi() == point.lo());
  CHECK(Interval(point) == Interval(*Decimal::Parse("1095.5")));

  const Interval ranged = Uncertain(I(500, 1500), "m|gpus@0");
  REQUIRE(ranged.form);
  const IntervalEnds ends(ranged);
  CHECK(ends.lo() == Decimal(500));
  CHECK(ends.hi() == Decimal(1500));
  const Interval back = ends;
  CHECK(back == I(500, 1500));
  CHECK_FALSE(back.form);  // shown only: it cancels with nothing
  CHECK(sizeof(IntervalEnds) < sizeof(Interval));

  // Copies own their upper end: a copy, an assignment over a point and a
  // self-assignment keep both ends; a moved range reads the same.
  IntervalEnds copy(ends);
  CHECK(copy.hi() == Decimal(1500));
  IntervalEnds assigned = point;
  assigned = ends;
  CHECK(Interval(assigned) == I(500, 1500));
  const IntervalEnds& same = assigned;
  assigned = same;
  CHECK(Interval(assigned) == I(500, 1500));
  assigned = point;
  CHECK(Interval(assigned) == Interval(*Decimal::Parse("1095.5")));
  CHECK(Interval(copy) == I(500, 1500));
  IntervalEnds moved(std::move(copy));
  CHECK(Interval(moved) == I(500, 1500));
}

}  // namespace
}  // namespace costsite::cost
