#include "cost/decimal.h"
#include "cost/decimal_text.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

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
  // Inexact quotients print with 41 significant digits, rounded.
  CHECK((Decimal(1) / Decimal(3)).ToString() == "0." + std::string(41, '3'));
  CHECK((Decimal(2) / Decimal(3)).ToString() == "0." + std::string(40, '6') + "7");
  CHECK((Decimal(-200) / Decimal(3)).ToString() == "-66." + std::string(38, '6') + "7");
  CHECK((Decimal(2) / Decimal(3)).RoundHalfAwayFromZero(4).ToString() == "0.6667");
  CHECK((D("248.2") / Decimal(730) * Decimal(730)).ToFixed(2) == "248.20");
}

TEST_CASE("A quotient is the same whether its divisor's inverse was kept or made anew", "[cost][decimal]") {
  // Division keeps the last few divisors' inverses per thread: each quotient
  // below, made on this thread while twenty divisors come and go, equals the
  // one a fresh thread makes, to the last of the 50 digits.
  std::vector<Decimal> divisors, numerators;
  for (const char* d : {"730", "3", "0.0000125", "-7", "1000000", "8760", "1e-9", "24", "12", "60", "3600",
                        "0.9", "1.1", "7", "-3", "17.5", "99", "1e12", "0.5", "365.25"})
    divisors.push_back(D(d));
  for (const char* n : {"1", "2", "-5", "0", "248.2", "1e30", "0.3333", "3", "-7"}) numerators.push_back(D(n));
  std::vector<Decimal> fresh;
  for (const Decimal& d : divisors) {
    for (const Decimal& n : numerators) {
      Decimal q;
      std::thread([&] { q = n / d; }).join();
      fresh.push_back(q);
    }
  }
  for (int round = 0; round < 3; ++round) {
    size_t k = 0;
    for (const Decimal& d : divisors)
      for (const Decimal& n : numerators) {
        INFO(n.ToString() << " / " << d.ToString() << ", round " << round);
        CHECK(n / d == fresh[k++]);
        CHECK(n / d == fresh[k - 1]);  // the divisor's inverse now kept
      }
  }
  // Equal magnitudes divide to exactly one, and exact quotients are exact.
  CHECK(D("3") / D("3") == Decimal(1));
  CHECK(D("-7") / D("7") == Decimal(-1));
  CHECK((D("1") / D("8")).ToString() == "0.125");
  CHECK((D("1825") / D("730")).ToString() == "2.5");
  CHECK((Decimal(0) / D("730")).IsZero());
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

// An independent oracle for printing and rounding: plain decimal strings
// handled digit by digit, as on paper.
struct Digits {
  bool negative = false;
  std::string digits;  // no leading zeros ("" is zero)
  int exponent = 0;    // value = digits × 10^exponent
};

std::string Plain(Digits d) {
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back(), ++d.exponent;
  if (d.digits.empty()) return "0";
  std::string out;
  int n = static_cast<int>(d.digits.size());
  if (d.exponent >= 0) {
    out = d.digits + std::string(d.exponent, '0');
  } else if (-d.exponent < n) {
    out = d.digits.substr(0, n + d.exponent) + "." + d.digits.substr(n + d.exponent);
  } else {
    out = "0." + std::string(-d.exponent - n, '0') + d.digits;
  }
  return (d.negative ? "-" : "") + out;
}

Digits RoundOnPaper(Digits d, int decimals) {
  int drop = -decimals - d.exponent;
  if (drop <= 0) return d;
  int n = static_cast<int>(d.digits.size());
  if (drop > n) return {false, "", 0};
  bool up = d.digits[n - drop] >= '5';
  std::string kept = d.digits.substr(0, n - drop);
  if (up) {
    int i = static_cast<int>(kept.size()) - 1;
    for (; i >= 0 && kept[i] == '9'; --i) kept[i] = '0';
    if (i < 0) kept.insert(kept.begin(), '1'); else ++kept[i];
  }
  size_t first = kept.find_first_not_of('0');
  if (first == std::string::npos) return {false, "", 0};
  return {d.negative, kept.substr(first), -decimals};
}

TEST_CASE("Printing and rounding agree with rounding on paper, short and long numbers", "[cost][decimal]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    Digits d;
    d.negative = rng() % 2;
    int n = 1 + static_cast<int>(rng() % 30);  // up to 30 digits: both sides of the 18-digit fast path
    d.digits = std::string(1, static_cast<char>('1' + rng() % 9));
    for (int i = 1; i < n; ++i) d.digits += static_cast<char>('0' + rng() % 10);
    d.exponent = static_cast<int>(rng() % 40) - 30;
    std::string text = Plain(d);
    INFO(text);
    Decimal v = D(text.c_str());
    CHECK(v.ToString() == text);
    int decimals = static_cast<int>(rng() % 16) - 4;
    INFO("to " << decimals << " decimals");
    CHECK(v.RoundHalfAwayFromZero(decimals).ToString() == Plain(RoundOnPaper(d, decimals)));
  }
}

// Rounds `d` on paper to `n` significant digits.
Digits RoundSignificantOnPaper(const Digits& d, int n) {
  int lead = d.exponent + static_cast<int>(d.digits.size()) - 1;  // exponent of the first digit
  return RoundOnPaper(d, n - 1 - lead);
}

TEST_CASE("Long numbers print 41 significant digits rounded half up, wherever the cut falls", "[cost][decimal]") {
  // 42 to 50 digits, shifted so the first digit falls at every place of the
  // eight-digit groups the number is kept in; runs of nines carry.
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    Digits d;
    d.negative = rng() % 2;
    int n = 42 + static_cast<int>(rng() % 9);
    d.digits = std::string(1, static_cast<char>('1' + rng() % 9));
    const bool nines = round % 5 == 0;
    for (int i = 1; i < n; ++i) d.digits += nines && i < 44 ? '9' : static_cast<char>('0' + rng() % 10);
    if (nines) d.digits[0] = '9';
    d.exponent = static_cast<int>(rng() % 60) - 50;
    std::string text = Plain(d);
    INFO(text);
    Decimal v = D(text.c_str());
    CHECK(v.ToString() == Plain(RoundSignificantOnPaper(d, 41)));
    CHECK(v.IsInteger() == (text.find('.') == std::string::npos));
    CHECK(v.RoundSignificant(15).ToString() == Plain(RoundSignificantOnPaper(RoundSignificantOnPaper(d, 41), 15)));
  }
  CHECK(D("0.99999999999999999999999999999999999999999999").ToString() == "1");
  CHECK(D("99999999.999999999999999999999999999999999999").ToString() == "100000000");
  CHECK(D("123456789012345678").IsInteger());
  CHECK_FALSE(D("1234567890123456.78").IsInteger());
  CHECK(D("1e30").IsInteger());
  CHECK_FALSE(D("1e-30").IsInteger());
}

TEST_CASE("Rounding carries and vanishes where it should", "[cost][decimal]") {
  struct Case {
    const char* in;
    int digits;
    const char* out;
  } cases[] = {
      {"9.995", 2, "10"},  {"999.5", 0, "1000"}, {"0.0004", 2, "0"},    {"1e-25", 2, "0"},
      {"-0.5", 0, "-1"},   {"123456789012345678", -17, "100000000000000000"},
      {"0.000000000000000000045", 20, "0.00000000000000000005"},
  };
  for (const auto& c : cases) {
    INFO(c.in << " to " << c.digits);
    CHECK(D(c.in).RoundHalfAwayFromZero(c.digits).ToString() == c.out);
  }
  CHECK(D("98765").RoundSignificant(2).ToString() == "99000");
  CHECK(D("-0.00098765").RoundSignificant(1).ToString() == "-0.001");
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

TEST_CASE("ToDouble is within two ulps of the correctly rounded double", "[cost][decimal]") {
  for (const char* text : {"0.5", "248.2", "-17232.4", "1", "0.000001", "123456789012345678901234567890",
                           "1e-30", "3.14159265358979323846264338327950288", "-0.023", "1e300", "9.99e-300",
                           "730", "1825", "0.1", "12345.6789"}) {
    INFO(text);
    double expected = std::strtod(text, nullptr);
    double got = D(text).ToDouble();
    CHECK(std::fabs(got - expected) <= 2 * std::fabs(std::nextafter(expected, 0.0) - expected));
  }
  CHECK(Decimal(0).ToDouble() == 0.0);
  CHECK((Decimal(1) / Decimal(3)).ToDouble() == Approx(1.0 / 3));
}

TEST_CASE("ToFullString prints a sum's 50 significant digits, where ToString stops at 41", "[cost][decimal]") {
  auto d = [](const char* text) { return *Decimal::Parse(text); };
  const Decimal sum = d("12345678901.5") + d("1.1102230246251565E-16");  // 44 significant digits
  CHECK(sum.ToString() == "12345678901.500000000000000111022302462516");
  CHECK(ToFullString(sum) == "12345678901.50000000000000011102230246251565");
  CHECK(ToFullString(-sum) == "-12345678901.50000000000000011102230246251565");
  CHECK(ToFullString(d("1e20") + d("1e-25")) == "100000000000000000000.0000000000000000000000001");
  // 61 digits: the 50 first are kept, rounded half up after the 50th.
  CHECK(ToFullString(d("1e30") + d("1e-30")) == "1000000000000000000000000000000");
  CHECK(ToFullString(d("0.55555555555555555555555555555555555555555555555555")) ==
        "0.55555555555555555555555555555555555555555555555555");
  CHECK(ToFullString(d("0.555555555555555555555555555555555555555555555555555")) ==
        "0.55555555555555555555555555555555555555555555555556");
  // Short values take the same path as ToString.
  CHECK(ToFullString(d("248.2")) == "248.2");
  CHECK(ToFullString(d("-0.000001")) == "-0.000001");
  CHECK(ToFullString(Decimal(0)) == "0");
}

}  // namespace
}  // namespace costsite::cost
