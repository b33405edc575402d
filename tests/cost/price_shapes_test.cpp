// Price shapes: tiers (whole and marginal), a variant as a percentage of
// another resolved at the date in force, a time-of-day window; their errors,
// and their words in popovers in each language.
#include <catch2/catch.hpp>

#include "cost/evaluate.h"
#include "figures/plain.h"
#include "figures/provenance.h"
#include "figures/tables.h"
#include "pricing/pricing.h"
#include "tests/cost/evaluate_fixture.h"
#include "tests/figures/words_fixture.h"

namespace costsite::cost {
namespace {

constexpr const char* kLlm = R"y(provider: llm
name: {zh: 某模型, en: SomeLLM}
currency: USD
date: 2025-06-01
prices:
  - id: pro.input
    unit: USD/1M tokens
    tiers:
      basis: whole
      by: tokens
      steps:
        - {from: 0, price: 1.25}
        - {from: 200k, price: 2.50}
    variants:
      batch: 50% of on_demand
  - id: chat
    unit: USD/1M tokens
    price: 4
    variants:
      batch: 50% of on_demand
      off_peak: {price: 25% of on_demand, hours: 16:30-00:30}
    history:
      - {date: 2024-01-01, price: 6, variants: {batch: 40% of on_demand}}
  - id: storage
    unit: USD/GB/month
    tiers:
      basis: marginal
      by: TB
      steps:
        - {from: 0, price: 0.023}
        - {from: 50, price: 0.022}
        - {from: 500, price: 0.021}
)y";

const char* const kLlmForTables = kLlm;

// The engine's run (tests/cost/evaluate_fixture.h), read in its one model `m`.
struct ShapesRun : Run {
  const Figure* Get(std::string_view figure) const {
    const ModelResult* r = ev.Find("m", "");
    return r ? r->Find(figure) : nullptr;
  }
  std::string Show(std::string_view figure) const { return Run::Show("m", figure); }
};

std::unique_ptr<ShapesRun> Eval(const std::string& prices, const std::string& model) {
  auto run = std::make_unique<ShapesRun>();
  Inputs inputs;
  pricing::ParsePricingFile("pricing/llm.yaml", prices, &inputs, run->diags);
  if (!model.empty()) pricing::ParsePricingFile("pricing/m.yaml", model, &inputs, run->diags);
  run->ev = Evaluate(std::move(inputs), {}, run->diags);
  return run;
}

TEST_CASE("A price's unit without a currency is the provider's currency per that unit", "[cost][shapes]") {
  // "GB/month" is USD per GB per month, as "USD/GB/month" reads; "1M tokens"
  // USD per million tokens; "h" USD per hour.
  auto run = Eval(R"y(provider: p
currency: USD
date: 2025-01-01
prices:
  - {id: store, unit: GB/month, price: 0.023}
  - {id: store_full, unit: USD/GB/month, price: 0.023}
  - {id: tok, unit: 1M tokens, price: 2.5}
  - {id: vm, unit: h, price: 0.5}
)y",
                  R"y(model: m
params:
  stored: 3.5 TB
figures:
  short: {formula: stored * @p/store}
  full: {formula: stored * @p/store_full}
  tokens: {formula: 4M tokens * @p/tok}
  month: {formula: 730 h * @p/vm}
)y");
  INFO(run->Errors());
  CHECK_FALSE(run->diags.HasErrors());
  CHECK(run->Show("short") == "80.50 USD/month");
  CHECK(run->Show("full") == "80.50 USD/month");
  CHECK(run->Show("tokens") == "10.00 USD");
  CHECK(run->Show("month") == "365.00 USD");
}

TEST_CASE("Whole tiers charge all of a request at the tier its size falls in", "[cost][shapes]") {
  auto r = Eval(kLlm, R"y(model: m
figures:
  short: {formula: "tiered(@llm/pro.input, 120k tokens)", unit: USD}
  edge: {formula: "tiered(@llm/pro.input, 200k tokens)", unit: USD}
  long: {formula: "tiered(@llm/pro.input, 300k tokens)", unit: USD}
  batch: {formula: "tiered(@llm/pro.input:batch, 400k tokens)", unit: USD}
  span: {formula: "tiered(@llm/pro.input, 100k to 300k tokens)", unit: USD}
)y");
  INFO(r->Errors());
  REQUIRE_FALSE(r->diags.HasErrors());
  CHECK(r->Show("short") == "0.15 USD");   // 120,000 x 1.25 / 1M
  CHECK(r->Show("edge") == "0.50 USD");    // 200,000 x 2.50 / 1M: `from` is inclusive
  CHECK(r->Show("long") == "0.75 USD");    // 300,000 x 2.50 / 1M, not 200k x 1.25 + 100k x 2.50
  CHECK(r->Show("batch") == "0.50 USD");  // 50% of 400,000 x 2.50 / 1M
  // 100k..300k: lowest 100k x 1.25 = 0.125, highest 300k x 2.50 = 0.75.
  CHECK(r->Get("span")->value == Interval(*Decimal::Parse("0.125"), *Decimal::Parse("0.75")));
}

TEST_CASE("A tier above its threshold starts just after it: an average that is no whole number pays it", "[cost][shapes]") {
  const std::string prices = R"y(provider: llm
currency: USD
date: 2025-06-01
prices:
  - id: long.input
    unit: USD/1M tokens
    tiers:
      basis: whole
      by: tokens
      steps: [{from: 0, price: 1}, {above: 200000, price: 2}]
  - id: both
    unit: USD/1M tokens
    tiers: {basis: whole, by: tokens, steps: [{from: 0, price: 1}, {from: 5, price: 2}, {above: 5, price: 3}]}
)y";
  auto r = Eval(prices, R"y(model: m
figures:
  at: {formula: "tiered(@llm/long.input, 200000 tokens)", unit: USD}
  half_over: {formula: "tiered(@llm/long.input, 200000.5 tokens)", unit: USD}
  span: {formula: "tiered(@llm/long.input, 100000 to 200000 tokens)", unit: USD}
  over: {formula: "tiered(@llm/long.input, 200000 to 300000 tokens)", unit: USD}
  five: {formula: "tiered(@llm/both, 5 tokens) / (5 tokens)", unit: USD/1M tokens}
  more: {formula: "tiered(@llm/both, 5.1 tokens) / (5.1 tokens)", unit: USD/1M tokens}
  thirds: {formula: "tiered(@llm/long.input, 200000 tokens / 3 * 3)", unit: USD}
  cached: {formula: "tiered(@llm/long.input, 300000 tokens * (1 - 1/3))", unit: USD}
  five_thirds: {formula: "tiered(@llm/both, 5 tokens / 3 * 3) / (5 tokens)", unit: USD/1M tokens}
)y");
  INFO(r->Errors());
  REQUIRE_FALSE(r->diags.HasErrors());
  CHECK(r->Get("at")->value == Interval(*Decimal::Parse("0.2")));             // 200,000 x 1 / 1M: not above
  CHECK(r->Get("half_over")->value == Interval(*Decimal::Parse("0.400001")));  // 200,000.5 x 2 / 1M
  // Up to the threshold itself the first tier: 0.1 to 0.2, no jump inside.
  CHECK(r->Get("span")->value == Interval(*Decimal::Parse("0.1"), *Decimal::Parse("0.2")));
  // From the threshold: 0.2 at it, just above 0.4, up to 0.6.
  CHECK(r->Get("over")->value == Interval(*Decimal::Parse("0.2"), *Decimal::Parse("0.6")));
  CHECK(r->Show("five") == "2.00 USD/1M tokens");  // `from: 5`, not yet `above: 5`
  CHECK(r->Show("more") == "3.00 USD/1M tokens");
  // A quantity within rounding of a threshold is at it, either side: a
  // quotient's residue (200,000.000…01 tokens) is not above 200,000, and
  // 4.999…9 tokens has reached `from: 5`.
  CHECK(r->Show("thirds") == "0.20 USD");
  CHECK(r->Show("cached") == "0.20 USD");
  CHECK(r->Show("five_thirds") == "2.00 USD/1M tokens");
  // `from:` and `above:` together, or a first tier `above:`, are errors at their place.
  auto both = Eval(R"y(provider: llm
currency: USD
date: 2025-06-01
prices:
  - id: a
    unit: USD/1M tokens
    tiers: {basis: whole, by: tokens, steps: [{from: 0, price: 1}, {from: 5, above: 5, price: 2}]}
  - id: b
    unit: USD/1M tokens
    tiers: {basis: whole, by: tokens, steps: [{above: 0, price: 1}]}
  - id: c
    unit: USD/1M tokens
    tiers: {basis: whole, by: tokens, steps: [{from: 0, price: 1}, {above: 5, price: 2}, {above: 5, price: 3}]}
)y", "");
  const std::string errors = both->Errors();
  CHECK(errors.find("pricing/llm.yaml:7:85: error: a tier starts `from:` a quantity or `above:` it, not both") != std::string::npos);
  CHECK(errors.find("pricing/llm.yaml:10:55: error: the first tier starts from 0 (`from: 0`)") != std::string::npos);
  CHECK(errors.find("pricing/llm.yaml:13:98: error: tier thresholds must rise: 5 is not above 5") != std::string::npos);
}

TEST_CASE("Marginal tiers charge each slice at its own price", "[cost][shapes]") {
  auto r = Eval(kLlm, R"y(model: m
figures:
  small: {formula: "tiered(@llm/storage, 10 TB)", unit: USD/month}
  big: {formula: "tiered(@llm/storage, 600 TB)", unit: USD/month}
)y");
  INFO(r->Errors());
  REQUIRE_FALSE(r->diags.HasErrors());
  CHECK(r->Show("small") == "230.00 USD/month");  // 10,000 GB x 0.023
  // 50,000 x 0.023 + 450,000 x 0.022 + 100,000 x 0.021 = 1,150 + 9,900 + 2,100.
  CHECK(r->Show("big") == "13150.00 USD/month");
}

TEST_CASE("A percentage of another variant is resolved at the date in force", "[cost][shapes]") {
  auto now = Eval(kLlm, R"y(model: m
figures:
  b: {formula: "1M tokens * @llm/chat:batch", unit: USD}
  off: {formula: "1M tokens * @llm/chat:off_peak", unit: USD}
)y");
  INFO(now->Errors());
  REQUIRE_FALSE(now->diags.HasErrors());
  CHECK(now->Show("b") == "2.00 USD");    // 50% of 4
  CHECK(now->Show("off") == "1.00 USD");  // 25% of 4
  auto then = Eval(kLlm, R"y(model: m
as_of: 2024-06-01
figures:
  b: {formula: "1M tokens * @llm/chat:batch", unit: USD}
)y");
  INFO(then->Errors());
  CHECK(then->Show("b") == "2.40 USD");  // 40% of the 2024 price, 6

  const PriceUse& use = now->Get("b")->explain->prices.at(0);
  CHECK(figures::PlainPriceShape(use.shape) == "50% of on_demand");
  const PriceUse& off = now->Get("off")->explain->prices.at(0);
  CHECK(figures::PlainPriceShape(off.shape) == "25% of on_demand; hours 16:30-00:30 UTC");
}

TEST_CASE("Price shapes read in popovers in each language", "[cost][shapes][figures]") {
  auto r = Eval(kLlm, R"y(model: m
figures:
  off: {formula: "1M tokens * @llm/chat:off_peak", unit: USD, label: {zh: 错峰, en: Off-peak}}
  long: {formula: "tiered(@llm/pro.input, 300k tokens)", unit: USD, label: {zh: 长提示, en: Long prompt}}
)y");
  REQUIRE_FALSE(r->diags.HasErrors());
  std::string en = figures::ProvenanceHtml(*r->Get("off"), testing::SpeakerFor("en"));
  std::string zh = figures::ProvenanceHtml(*r->Get("off"), testing::SpeakerFor("zh"));
  INFO(en << "\n" << zh);
  CHECK(en.find("(25% of on-demand; 16:30–00:30 UTC)") != std::string::npos);
  CHECK(zh.find("（按需的 25%；UTC 16:30–00:30）") != std::string::npos);
  std::string tiers_en = figures::ProvenanceHtml(*r->Get("long"), testing::SpeakerFor("en"));
  INFO(tiers_en);
  CHECK(tiers_en.find("from 200,000 tokens: $2.50/1M tokens; all of it at the tier its size falls in") !=
        std::string::npos);
}

TEST_CASE("Bad price shapes are errors at their place", "[cost][shapes]") {
  struct Case {
    std::string prices, model, expected;
  };
  const std::string head = "provider: llm\ncurrency: USD\ndate: 2025-06-01\nprices:\n";
  const std::vector<Case> cases = {
      {head + "  - id: a\n    unit: USD/1M tokens\n    price: 4\n    variants: {batch: 50% of on_demnd}\n", "",
       "pricing/llm.yaml:8:30: error: variant 'batch' is a percentage of 'on_demnd', which price 'a' does not "
       "give as a price (did you mean 'on_demand'?)"},
      {head + "  - id: a\n    unit: USD/1M tokens\n    price: 4\n    variants: {off: {price: 3, hours: 25:00-01:00}}\n",
       "", "pricing/llm.yaml:8:39: error: malformed hours '25:00-01:00': write a window in UTC as HH:MM-HH:MM"},
      {head + "  - id: a\n    unit: USD/1M tokens\n    tiers: {basis: all, by: tokens, steps: [{from: 0, price: 1}]}\n",
       "", "pricing/llm.yaml:7:20: error: unknown tier basis 'all'"},
      {head + "  - id: a\n    unit: USD/1M tokens\n    tiers: {basis: whole, by: tokens, steps: [{from: 0, price: 1}, "
              "{from: 0, price: 2}]}\n",
       "", "pricing/llm.yaml:7:75: error: tier thresholds must rise: 0 is not above 0"},
      // A wrong first tier does not make the next one "first" too.
      {head + "  - id: a\n    unit: USD/1M tokens\n    tiers: {basis: whole, by: tokens, steps: [{from: 10, price: 1}, "
              "{from: 5, price: 2}]}\n",
       "", "pricing/llm.yaml:7:54: error: the first tier starts from 0"},
      {head + "  - id: a\n    unit: USD/1M tokens\n    tiers: {basis: whole, by: tokens, steps: [{from: 10, price: 1}, "
              "{from: 5, price: 2}]}\n",
       "", "pricing/llm.yaml:7:76: error: tier thresholds must rise: 5 is not above 10"},
      {head + "  - id: a\n    unit: USD/1M tokens\n    tiers: {basis: whole, by: tokns, steps: [{from: 0, price: 1}]}\n",
       "", "pricing/llm.yaml:7:31: error: unknown unit 'tokns'"},
      {kLlm, "model: m\nfigures:\n  x: {formula: \"1M tokens * @llm/pro.input\", unit: USD}\n",
       "pricing/m.yaml:3:29: error: price '@llm/pro.input' is priced in tiers by tokens: write "
       "tiered(@llm/pro.input, quantity)"},
      {kLlm, "model: m\nfigures:\n  x: {formula: \"tiered(@llm/pro.input, 3 GB)\", unit: USD}\n",
       "pricing/m.yaml:3:40: error: tiered(@llm/pro.input, …) needs a quantity in tokens (its tiers are by tokens), "
       "not GB"},
  };
  for (const Case& c : cases) {
    auto r = Eval(c.prices, c.model);
    std::string errors = r->Errors();
    INFO(errors);
    CHECK(errors.find(c.expected) != std::string::npos);
  }
}

}  // namespace
}  // namespace costsite::cost

namespace costsite::figures {
namespace {

TEST_CASE("Price tables show each shape under its value, in each language", "[cost][shapes][figures]") {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/llm.yaml", cost::kLlmForTables, &inputs, diags);
  cost::Evaluation ev = cost::Evaluate(std::move(inputs), {}, diags);
  const cost::ProviderView* view = ev.FindProvider("llm");
  REQUIRE(view);
  REQUIRE(view->entries.size() == 3);
  CHECK(view->entries[1].shapes.size() == 2);
  CHECK(view->entries[1].dated.back().shapes.size() == 2);
  SourceList sources;
  std::string en = PriceTable(*view, {}, testing::SpeakerFor("en"), &sources);
  std::string zh = PriceTable(*view, {}, testing::SpeakerFor("zh"), &sources);
  INFO(en << "\n" << zh);
  // 2 in a column beside 0.625: with the column's cents, as the list would write it.
  CHECK(en.find("<td class=\"num\">2.00<br><small class=\"price-shape\">50% of on-demand</small>") != std::string::npos);
  CHECK(zh.find("按需的 50%") != std::string::npos);
  CHECK(en.find("from 200,000 tokens: 2.50; all of it at the tier its size falls in") != std::string::npos);
  CHECK(en.find("16:30–00:30 UTC") != std::string::npos);
}

TEST_CASE("Two statements of one figure read apart by their sources in the audit table", "[figures][tables]") {
  auto run = cost::EvalModel(R"y(model: m
unit: USD/month
items:
  gpu: {formula: 2200 to 3200 USD/month, label: {en: GPU, zh: GPU}}
expectations:
  - {figure: total, stated: 2200 to 3200 USD/month, tolerance: 1%, source: {en: the table, zh: 成本表}}
  - {figure: total, stated: 2000 to 3500 USD/month, tolerance: 1%, known_discrepancy: true,
     source: {en: the heading, zh: 标题}}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  PagePopovers ids;
  const std::string en = ExpectationsTable(*run->ev.Find("m"), testing::SpeakerFor("en"), &ids);
  INFO(en);
  CHECK(en.find("<th scope=\"row\">Total (the table)</th>") != std::string::npos);
  CHECK(en.find("<th scope=\"row\">Total (the heading)</th>") != std::string::npos);
  const std::string zh = ExpectationsTable(*run->ev.Find("m"), testing::SpeakerFor("zh"), &ids);
  CHECK(zh.find("<th scope=\"row\">合计（成本表）</th>") != std::string::npos);
}

}  // namespace
}  // namespace costsite::figures
