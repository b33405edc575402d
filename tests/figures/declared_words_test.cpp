// Words a site declares reach every display of a figure or a price: a
// declared count unit reads with its measure word and plural, a declared
// variant label heads its price table column, a rule shows its condition.
#include <catch2/catch.hpp>

#include "cost/evaluate.h"
#include "figures/format.h"
#include "figures/tables.h"
#include "pricing/pricing.h"
#include "tests/figures/words_fixture.h"

namespace costsite::figures {
namespace {

cost::Evaluation Load(Diagnostics& diags) {
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/units.yaml",
                            "units:\n"
                            "  gpu: {aliases: [gpus], zh: 加速卡, measure: 张, en: [accelerator, accelerators]}\n"
                            "  retrieval: {aliases: [retrievals], zh: 检索, measure: 次, en: [retrieval, retrievals]}\n",
                            &inputs, diags);
  pricing::ParsePricingFile("pricing/cloud.yaml",
                            "provider: cloud\ncurrency: USD\n"
                            "variant_labels: {spot_avg: {zh: 竞价均价, en: \"Spot, averaged\"}}\n"
                            "prices:\n  - {id: vm, unit: USD/h, price: 2, variants: {spot_avg: 0.5}}\n",
                            &inputs, diags);
  pricing::ParsePricingFile("pricing/m.yaml",
                            "model: m\nunit: USD/month\nparams:\n  cards: {value: 32 gpus}\n"
                            "  one: {value: 1 retrieval}\n"
                            "items:\n  vm: {formula: 100 USD/month}\n"
                            "rules:\n  big:\n    when: total > 10 USD/month\n"
                            "    condition: {zh: 月度总计超过 10 美元, en: the monthly total is above 10 USD}\n",
                            &inputs, diags);
  return cost::Evaluate(std::move(inputs), {}, diags);
}

TEST_CASE("A declared count unit reads with its measure word and plural", "[figures][declare]") {
  Diagnostics diags;
  cost::Evaluation eval = Load(diags);
  std::string errors;
  for (const auto& d : diags.Sorted()) errors += FormatDiagnostic(d);
  INFO(errors);
  REQUIRE_FALSE(diags.HasErrors());
  const cost::ModelResult* m = eval.Find("m");
  REQUIRE(m);
  CHECK(FormatFigure(*m->Find("cards"), {}, testing::SpeakerFor("zh")) == "32 张加速卡");
  CHECK(FormatFigure(*m->Find("cards"), {}, testing::SpeakerFor("en")) == "32 accelerators");
  CHECK(FormatFigure(*m->Find("one"), {}, testing::SpeakerFor("zh")) == "1 次检索");
  CHECK(FormatFigure(*m->Find("one"), {}, testing::SpeakerFor("en")) == "1 retrieval");
  // The params table shows the same words.
  PagePopovers ids;
  CHECK(ParamsTable(*m, testing::SpeakerFor("en"), &ids).find("32 accelerators") != std::string::npos);
}

TEST_CASE("A declared variant label heads its price table column", "[figures][declare]") {
  Diagnostics diags;
  cost::Evaluation eval = Load(diags);
  const cost::ProviderView* p = eval.FindProvider("cloud");
  REQUIRE(p);
  SourceList sources;
  std::string zh = PriceTable(*p, {}, testing::SpeakerFor("zh"), &sources);
  std::string en = PriceTable(*p, {}, testing::SpeakerFor("en"), &sources);
  CHECK(zh.find(">竞价均价</th>") != std::string::npos);
  CHECK(en.find(">Spot, averaged</th>") != std::string::npos);
  CHECK(en.find("spot_avg") == std::string::npos);
  CHECK(en.find("Spot (average)") == std::string::npos);  // the built-in name gives way
}

TEST_CASE("A rule shows its condition sentence, not its formula", "[figures][declare]") {
  Diagnostics diags;
  cost::Evaluation eval = Load(diags);
  std::string en = RulesList(*eval.Find("m"), testing::SpeakerFor("en"));
  CHECK(en.find(">(because the monthly total is above 10 USD)</span>") != std::string::npos);
  CHECK(en.find("<code") == std::string::npos);
  CHECK(RulesList(*eval.Find("m"), testing::SpeakerFor("zh")).find(">（原因：月度总计超过 10 美元）</span>") != std::string::npos);
}

}  // namespace
}  // namespace costsite::figures
