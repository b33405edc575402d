// A report's headline figure on the home page: found by its reference,
// converted to the display currency at its model's date, or reported.
#include "render/headlines.h"

#include "tests/figures/words_fixture.h"
#include "tests/markdown/cost_test_fixture.h"

namespace costsite::render {
namespace {

TEST_CASE("A money headline is converted to the display currency, with the rate used") {
  cost::Evaluation eval = markdown::FixtureEvaluation();
  Headline h;
  std::string error;
  REQUIRE(ResolveHeadline("inference.total", eval, "CNY", &h, &error));
  CHECK(h.model == "inference");
  CHECK(h.figure.unit->text == "CNY/month");
  REQUIRE(h.fx);
  CHECK(h.fx->base == "USD");
  CHECK(h.fx->quote == "CNY");
  CHECK(h.fx->rate.ToString() == "7.2");
  CHECK(h.fx->date == "2025-01-01");
  Headline own;
  REQUIRE(ResolveHeadline("inference.total", eval, "", &own, &error));  // no display currency: its own
  CHECK(own.figure.unit->text == "USD/month");
  CHECK_FALSE(own.fx);
  CHECK(h.figure.value.lo.NearlyEquals(own.figure.value.lo * h.fx->rate));
  Headline same;
  REQUIRE(ResolveHeadline("inference[spot].total", eval, "USD", &same, &error));  // already USD
  CHECK_FALSE(same.fx);
  CHECK(same.result->scenario == "spot");
}

TEST_CASE("A headline that is not money keeps its unit, and one that names nothing is an error") {
  cost::Evaluation eval = markdown::FixtureEvaluation();
  Headline h;
  std::string error;
  REQUIRE(ResolveHeadline("inference.data", eval, "CNY", &h, &error));
  CHECK(h.figure.unit->text == "GB");
  CHECK_FALSE(h.fx);
  CHECK_FALSE(ResolveHeadline("inference.totl", eval, "CNY", &h, &error));
  CHECK(error == "unknown figure 'inference.totl' (did you mean 'total'?)");
  CHECK_FALSE(ResolveHeadline("nothing.total", eval, "", &h, &error));
  CHECK(error.rfind("unknown model 'nothing'", 0) == 0);
}

TEST_CASE("A total's headline is called by its model's title and scenario") {
  cost::Evaluation eval = markdown::FixtureEvaluation();
  figures::Speaker en{"en", &testing::BuiltinWordsForTest(), "en"};
  figures::Speaker zh{"zh", &testing::BuiltinWordsForTest(), "en"};
  Headline h;
  std::string error;
  REQUIRE(ResolveHeadline("inference.total", eval, "", &h, &error));
  CHECK(HeadlineLabel(h, en) == "Monthly inference cost");
  REQUIRE(ResolveHeadline("inference[spot].total", eval, "", &h, &error));
  CHECK(HeadlineLabel(h, zh) == "推理服务月度成本（Spot 实例）");
  REQUIRE(ResolveHeadline("inference.data", eval, "", &h, &error));
  CHECK(HeadlineLabel(h, en) == "Data");
}

}  // namespace
}  // namespace costsite::render
