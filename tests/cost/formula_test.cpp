#include "cost/formula.h"

#include <catch2/catch.hpp>

namespace costsite::cost {
namespace {

std::unique_ptr<Node> Parse(std::string_view text, FormulaError* err = nullptr) {
  static const UnitTable table;
  return ParseFormula(text, table, err);
}

TEST_CASE("Numbers take suffixes and units", "[cost][formula]") {
  auto n = Parse("0.023 USD/GB/month");
  REQUIRE(n);
  CHECK(n->kind == NodeKind::kNumber);
  CHECK(n->unit.text == "USD/GB/month");
  CHECK(n->length == 18);
  CHECK(Parse("1.5M")->number.ToString() == "1500000");
  CHECK(Parse("20%")->unit.text == "%");
  CHECK(Parse("1B")->number.ToString() == "1000000000");
  CHECK(Parse("1 B")->unit.text == "B");
  CHECK(Parse("10GB")->unit.text == "GB");
  CHECK(Parse("2.5 USD/1M tokens")->unit.text == "USD/1M tokens");
  CHECK(Parse("50k tokens/day")->number.ToString() == "50000");
}

TEST_CASE("Numbers in scientific notation", "[cost][formula]") {
  auto n = Parse("2e8 tokens");
  REQUIRE(n);
  CHECK(n->number.ToString() == "200000000");
  CHECK(n->unit.text == "tokens");
  CHECK(Parse("1.5E-3 USD")->number.ToString() == "0.0015");
  CHECK(Parse("3e+2")->number.ToString() == "300");
  CHECK(Parse("2e6k")->number.ToString() == "2000000000");  // a scale suffix still applies
  // An 'e' without digits after it is not an exponent: "2 eur" is a number and a word.
  FormulaError err;
  CHECK_FALSE(Parse("2e tokens", &err));
  CHECK(err.message == "unknown unit 'e'");
}

TEST_CASE("A unit stops at an operator set off by spaces", "[cost][formula]") {
  auto n = Parse("10000 calls / calls");
  REQUIRE(n);
  CHECK(n->kind == NodeKind::kBinary);
  CHECK(n->args[0]->unit.text == "calls");
  CHECK(n->args[1]->kind == NodeKind::kName);
  auto m = Parse("1500 CNY/month / 3");
  CHECK(m->args[0]->unit.text == "CNY/month");
}

TEST_CASE("Precedence, ranges and offsets", "[cost][formula]") {
  auto n = Parse("a + b * c ^ 2");
  REQUIRE(n);
  CHECK(n->op == "+");
  CHECK(n->args[1]->op == "*");
  CHECK(n->args[1]->args[1]->op == "^");
  CHECK(n->args[1]->args[1]->offset == 8);
  auto r = Parse("500 to 1500 CNY/month");
  REQUIRE(r->kind == NodeKind::kRange);
  CHECK(r->args[0]->unit.text == "CNY/month");  // the lower end takes the upper end's unit
  auto negative = Parse("-5 to 10 USD");  // a negative lower end too (it was "a number and USD")
  REQUIRE(negative->args[0]->kind == NodeKind::kNegate);
  CHECK(negative->args[0]->args[0]->unit.text == "USD");
  auto both = Parse("-10 to -5 USD");
  CHECK(both->args[0]->args[0]->unit.text == "USD");
  auto sum = Parse("2 - 5 to 10 USD");  // an expression keeps its own units (none): an error when evaluated
  CHECK_FALSE(sum->args[0]->args[1]->has_unit);
  auto c = Parse("share(gpu) > 50%");
  CHECK(c->kind == NodeKind::kCompare);
  CHECK(c->args[0]->kind == NodeKind::kCall);
  auto s = Parse("track_usage[spot].total");
  CHECK(s->name == "track_usage.total");
  CHECK(s->scenario == "spot");
  auto p = Parse("@openai/gpt-4o.input:batch * 2");
  CHECK(p->args[0]->name == "openai/gpt-4o.input");
  CHECK(p->args[0]->variant == "batch");
  auto f = Parse("fx(total, CNY)");
  CHECK(f->args[1]->kind == NodeKind::kUnitArg);
  CHECK(f->args[1]->unit.dim.currency == "CNY");
}

TEST_CASE("Malformed formulas give exact messages at the offending token", "[cost][formula]") {
  struct Case {
    const char* text;
    size_t offset;
    size_t length;
    const char* message;
  } cases[] = {
      {"730 hr", 4, 2, "unknown unit 'hr' (did you mean 'h'?)"},
      {"2 mo", 2, 2, "unknown unit 'mo' (did you mean 'month'?)"},
      {"5 RMB", 2, 3, "unknown currency 'RMB' (did you mean 'CNY'?)"},
      {"5 ABC", 2, 3, "unknown currency 'ABC'"},
      {"1.2.3 h", 0, 5, "malformed number '1.2.3'"},
      {"250,000 * 4", 0, 7, "malformed number: thousands separators are not allowed"},
      {"a # b", 2, 1, "unexpected character '#'"},
      {"(a + b", 6, 1, "expected ')' at the end of the formula"},
      {"a +", 3, 1, "expected a value at the end of the formula"},
      {"a b", 2, 1, "unexpected 'b': expected an operator"},
      {"foo(1)", 0, 3, "unknown function 'foo'"},
      {"@aws", 0, 4, "malformed price reference '@aws': write @provider/entry or @provider/entry:variant"},
      {"", 0, 1, "empty formula"},
      {"max(1 2)", 6, 1, "expected ',' or ')', found '2'"},
      {"convert(x, hr)", 11, 2, "unknown unit 'hr' (did you mean 'h'?)"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    FormulaError err;
    CHECK(Parse(c.text, &err) == nullptr);
    CHECK(err.message == c.message);
    CHECK(err.offset == c.offset);
    CHECK(err.length == c.length);
  }
}

TEST_CASE("Deep nesting is a diagnostic, not a stack overflow", "[cost][formula]") {
  std::string deep = std::string(5000, '(') + "1" + std::string(5000, ')');
  FormulaError err;
  CHECK(Parse(deep, &err) == nullptr);
  CHECK(err.message == "formula nested too deeply (more than 200 levels)");
  std::string minus(5000, '-');
  CHECK(Parse(minus + "1", &err) == nullptr);
  CHECK(err.message == "formula nested too deeply (more than 200 levels)");
  CHECK(Parse(std::string(50, '(') + "1" + std::string(50, ')')) != nullptr);
  std::string chain = "1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  CHECK(Parse(chain, &err) == nullptr);
  CHECK(err.message == "formula too long (more than 1000 operations in a chain)");
}

TEST_CASE("References are collected in order", "[cost][formula]") {
  auto n = Parse("a * @aws/x + m.total");
  std::vector<const Node*> refs;
  CollectReferences(*n, &refs);
  REQUIRE(refs.size() == 3);
  CHECK(refs[0]->name == "a");
  CHECK(refs[1]->name == "aws/x");
  CHECK(refs[2]->name == "m.total");
}

TEST_CASE("A price may be named by the provider's own name in quotes", "[cost][formula]") {
  auto n = Parse("2 * @openrouter/\"meta-llama/Llama-3-70B:free\".input:cached - 1");
  REQUIRE(n);
  std::vector<const Node*> refs;
  CollectReferences(*n, &refs);
  REQUIRE(refs.size() == 1);
  CHECK(refs[0]->name == "openrouter/\"meta-llama/Llama-3-70B:free\".input");
  CHECK(refs[0]->variant == "cached");
  auto plain = Parse("@deepseek/\"deepseek-chat\"");
  REQUIRE(plain);
  CollectReferences(*plain, &refs);
  CHECK(refs.back()->name == "deepseek/\"deepseek-chat\"");
  CHECK(refs.back()->variant.empty());
  FormulaError err;
  CHECK(Parse("1 + @openrouter/\"meta-llama", &err) == nullptr);
  CHECK(err.message == "unclosed quoted name in price reference: write @provider/\"NAME\"");
  CHECK(err.offset == 4);
  CHECK(Parse("@openrouter/\"\"", &err) == nullptr);
  CHECK(err.message == "empty quoted name in price reference");
}

}  // namespace
}  // namespace costsite::cost
