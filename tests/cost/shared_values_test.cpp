// Values the evaluation shares instead of copying: prices, units and the
// explanations of params given as numbers.
#include <catch2/catch.hpp>

#include "tests/cost/evaluate_fixture.h"

namespace costsite::cost {

TEST_CASE("A price read by many models on one date is one shared value", "[cost][evaluate]") {
  const char* a = "model: a\nunit: USD/month\nitems:\n  gpu: {formula: \"2 * 730 h/month * @aws/c5.2xlarge\"}\n";
  const char* b = "model: b\nunit: USD/month\nitems:\n  gpu: {quantity: 3, price: \"@aws/c5.2xlarge\"}\n";
  auto run = Eval({{"pricing/a.yaml", a}, {"pricing/b.yaml", b}});
  INFO(run->Errors());
  REQUIRE(run->Errors().empty());
  const ModelResult* ra = run->ev.Find("a");
  const ModelResult* rb = run->ev.Find("b");
  REQUIRE((ra && rb && ra->total && rb->total));
  const auto& item_a = ra->items.at(0).cost.explain->prices;
  const auto& total_a = ra->total->explain->prices;
  const auto& item_b = rb->items.at(0).cost.explain->prices;
  REQUIRE((item_a.size() == 1 && total_a.size() == 1 && item_b.size() == 1));
  CHECK(item_a[0]->id == "aws/c5.2xlarge");
  // The item, the total that absorbs it, another model and its unit price: one value.
  CHECK(item_a[0].ptr() == total_a[0].ptr());
  CHECK(item_a[0].ptr() == item_b[0].ptr());
  REQUIRE(rb->items.at(0).unit_price);
  CHECK(&*rb->items.at(0).unit_price == item_b[0].ptr().get());
  CHECK(run->Show("b", "total") == "744.60 USD/month");  // 3 × 0.34 USD/h × 730 h/month
  // Units too: both totals, and the inputs of a's total, hold one "USD/month".
  CHECK(ra->total->unit.ptr() == rb->total->unit.ptr());
  REQUIRE(ra->total->explain->inputs.size() == 1);
  CHECK(ra->total->explain->inputs[0].unit.ptr() == ra->total->unit.ptr());
}

TEST_CASE("Interned units are one value per distinct unit", "[cost][evaluate]") {
  UnitTable units;
  auto parse = [&](const char* text) { return *ParseUnit(text, units, nullptr); };
  Shared<Unit> a = InternUnit(parse("USD/month")), b = InternUnit(parse("USD/month"));
  CHECK(a.ptr() == b.ptr());
  CHECK(a->text == "USD/month");
  Shared<Unit> day = InternUnit(parse("USD/day"));
  CHECK(day.ptr() != a.ptr());
  // Same text, other words: a site that declares the unit's names.
  Unit declared = parse("USD/month");
  declared.declared = std::make_shared<const std::vector<UnitNames>>();
  Shared<Unit> c = InternUnit(declared);
  CHECK(c.ptr() != a.ptr());
  CHECK(c->declared == declared.declared);
}

TEST_CASE("A param given as a number shares its explanation with every other of that text", "[cost][evaluate]") {
  const char* a = "model: a\nunit: USD/month\nparams:\n  gpus: {value: 3}\n  hours: {value: 730 h/month}\n"
                  "  both: {value: gpus * 2}\nitems:\n  gpu: {formula: \"gpus * hours * @aws/c5.2xlarge\"}\n";
  const char* b = "model: b\nunit: USD/month\nparams:\n  gpus: {value: 3}\n  hours: {value: 720 h/month}\n"
                  "  both: {value: gpus * 2}\nitems:\n  gpu: {formula: \"gpus * hours * @aws/c5.2xlarge\"}\n";
  auto run = Eval({{"pricing/a.yaml", a}, {"pricing/b.yaml", b}});
  INFO(run->Errors());
  REQUIRE(run->Errors().empty());
  const ModelResult* ra = run->ev.Find("a");
  const ModelResult* rb = run->ev.Find("b");
  REQUIRE((ra && rb && ra->params.size() == 3 && rb->params.size() == 3));
  const Explanation &gpus_a = ra->params[0].explain, &gpus_b = rb->params[0].explain;
  CHECK(gpus_a.formula == "3");
  CHECK(&gpus_a == &gpus_b);  // one "3" for both models
  const Explanation &hours_a = ra->params[1].explain, &hours_b = rb->params[1].explain;
  CHECK(hours_a.formula == "730 h/month");
  CHECK(hours_b.formula == "720 h/month");
  CHECK(&hours_a != &hours_b);
  // A formula that reads something is its own: its inputs are its model's.
  const Explanation &both_a = ra->params[2].explain, &both_b = rb->params[2].explain;
  REQUIRE(both_a.inputs.size() == 1);
  CHECK(&both_a != &both_b);
  CHECK(run->Show("a", "total") == "744.60 USD/month");  // 3 × 730 h/month × 0.34 USD/h
  CHECK(run->Show("b", "total") == "734.40 USD/month");  // 3 × 720 h/month × 0.34 USD/h
}

}  // namespace costsite::cost
