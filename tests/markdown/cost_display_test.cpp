// How `cost …` blocks read: whole words, one precision along a column or a
// row, and the units and nouns as the numbers beside them are shown.
#include "markdown/cost_nodes.h"

#include "tests/markdown/cost_test_fixture.h"
#include "tests/test_util.h"

namespace costsite::markdown {
namespace {

bool Has(const std::string& html, const std::string& part) {
  return WithoutPopovers(html).find(part) != std::string::npos;
}

std::string Block(const std::string& info) { return "```" + info + "\n```\n"; }

cost::Evaluation Evaluate(const std::vector<std::pair<std::string, std::string>>& files, Diagnostics* diags) {
  cost::Inputs inputs;
  for (const auto& [path, text] : files) pricing::ParsePricingFile(path, text, &inputs, *diags);
  return cost::Evaluate(std::move(inputs), cost::Options{}, *diags);
}

constexpr const char* kLlmYaml = R"(provider: llm
name: {zh: 某模型厂商, en: LLM Vendor}
currency: USD
date: 2025-05-20
prices:
  - id: chat.input
    label: {zh: 对话模型输入, en: Chat model input}
    unit: USD/1M tokens
    price: 3.00
    variants: {cached: 0.30}
  - id: chat.output
    label: {zh: 对话模型输出, en: Chat model output}
    unit: USD/1M tokens
    price: 15.00
    variants: {cached: 7.50}
  - id: embed
    label: {zh: 向量化, en: Embeddings}
    unit: USD/1M tokens
    price: 0.0035
)";

constexpr const char* kSeatsYaml = R"(model: seats
title: {zh: 席位成本, en: Seat cost}
unit: USD/month
params:
  seats: {value: 100 USD/month, label: {zh: 席位费, en: Seat fees}}
  gpus: {value: 1 gpu, label: {zh: GPU 数量, en: GPU count}}
  budget: {value: 50 USD/month, label: {zh: 预算, en: Budget}}
items:
  seat: {label: {zh: 席位, en: Seats}, formula: seats}
  single: {label: {zh: 单卡, en: Single GPU}, quantity: gpus, price: 1 USD/h}
scenarios:
  y2024: {label: {zh: 2024 年末价格, en: End-2024 prices}}
  small: {label: {zh: 小, en: Small}, params: {seats: 40 USD/month, gpus: 0.4 gpu}}
  mid: {label: {zh: 中, en: Mid}, params: {seats: 64 USD/month, gpus: 0.64 gpu}}
  tiny: {label: {zh: 微, en: Tiny}, params: {seats: 33.3 USD/month, gpus: 0.33 gpu}}
rules:
  over_budget:
    when: total > budget
    condition: {zh: 预计支出超过预算, en: the estimate is over the budget}
    label: {zh: 超预算, en: Over budget}
    recommend: {zh: 减少席位, en: Cut seats}
)";

TEST_CASE("cost prices: a column of prices has its column's decimals and keeps its own") {
  Diagnostics diags;
  cost::Evaluation eval = Evaluate({{"pricing/llm.yaml", kLlmYaml}}, &diags);
  REQUIRE_FALSE(diags.HasErrors());
  std::string html = RenderCost(eval, Block("cost prices provider=llm"), "en", &diags).html;
  INFO(html);
  // The list writes 3.00 and 15.00: not "3" beside "0.30".
  CHECK(Has(html, "<td class=\"num\">3.00</td><td class=\"num\">0.30</td>"));
  CHECK(Has(html, "<td class=\"num\">15.00</td><td class=\"num\">7.50</td>"));
  CHECK(Has(html, "<td class=\"num\">0.0035</td>"));
}

TEST_CASE("cost compare: the change in % and the ratio read in one precision along the row") {
  Diagnostics diags;
  cost::Evaluation eval = Evaluate({{"pricing/seats.yaml", kSeatsYaml}}, &diags);
  REQUIRE_FALSE(diags.HasErrors());
  std::string html =
      RenderCost(eval, Block("cost compare model=seats scenarios=base,small,mid,tiny figures=seat"), "en", &diags).html;
  INFO(html);
  CHECK(Has(html, "<td class=\"num\">0.40×</td><td class=\"num\">0.64×</td><td class=\"num\">0.33×</td>"));
  CHECK(Has(html, "<td class=\"num\">-60.0%</td><td class=\"num\">-36.0%</td><td class=\"num\">-66.7%</td>"));
}

TEST_CASE("cost compare in zh: a label starting with a digit is set apart from the Chinese around it") {
  Diagnostics diags;
  cost::Evaluation eval = Evaluate({{"pricing/seats.yaml", kSeatsYaml}}, &diags);
  REQUIRE_FALSE(diags.HasErrors());
  std::string html =
      RenderCost(eval, Block("cost compare model=seats scenarios=y2024,small figures=seat"), "zh", &diags).html;
  INFO(html);
  CHECK(Has(html, "<th scope=\"row\">相对 2024 年末价格的变化</th>"));
  CHECK(Has(html, "<th scope=\"row\">相对 2024 年末价格的变化率</th>"));
  CHECK(Has(html, "<th scope=\"row\">与 2024 年末价格之比</th>"));
}

TEST_CASE("cost params is captioned in the plural and cost rules gives the condition as the reason") {
  Diagnostics diags;
  cost::Evaluation eval = Evaluate({{"pricing/seats.yaml", kSeatsYaml}}, &diags);
  REQUIRE_FALSE(diags.HasErrors());
  const std::string md = Block("cost params model=seats") + "\n" + Block("cost rules model=seats");
  std::string en = RenderCost(eval, md, "en", &diags).html;
  INFO(en);
  CHECK(Has(en, "<caption>Seat cost (Parameters)</caption>"));
  CHECK(Has(en, "<th scope=\"col\">Parameter</th>"));
  CHECK(Has(en, "<li><strong>Over budget</strong>: Cut seats <span class=\"rule-when\" title=\"total &gt; budget\">"
                "(because the estimate is over the budget)</span></li>"));
  std::string zh = RenderCost(eval, md, "zh", &diags).html;
  INFO(zh);
  CHECK(Has(zh, "<caption>席位成本（参数）</caption>"));
  CHECK(Has(zh, "<li><strong>超预算</strong>：减少席位<span class=\"rule-when\" title=\"total &gt; budget\">"
                "（原因：预计支出超过预算）</span></li>"));
}

TEST_CASE("cost table: a quantity of one reads in the singular") {
  Diagnostics diags;
  cost::Evaluation eval = Evaluate({{"pricing/seats.yaml", kSeatsYaml}}, &diags);
  REQUIRE_FALSE(diags.HasErrors());
  std::string en = RenderCost(eval, Block("cost table model=seats"), "en", &diags).html;
  INFO(en);
  CHECK(Has(en, ">1 GPU</span></span> × 730 h/<wbr>month</td>"));
  CHECK_FALSE(Has(en, "1 GPUs"));
}

TEST_CASE("cost table in zh: a unit breaks only at its slash") {
  Diagnostics diags;
  cost::Evaluation eval = Evaluate({{"pricing/seats.yaml", kSeatsYaml}}, &diags);
  REQUIRE_FALSE(diags.HasErrors());
  std::string zh = RenderCost(eval, Block("cost table model=seats"), "zh", &diags).html;
  INFO(zh);
  CHECK(Has(zh, ">1 块 GPU</span></span> × 730 小时/<wbr>月</td><td class=\"num\">US$1/<wbr>小时</td>"));
  CHECK(Has(zh, "费用（美元/<wbr>月）"));
}

}  // namespace
}  // namespace costsite::markdown
