// `cost …` blocks: each directive's HTML and the diagnostics for bad arguments.
#include "markdown/cost_nodes.h"

#include "tests/markdown/cost_test_fixture.h"
#include "tests/test_util.h"

namespace costsite::markdown {
namespace {

// Looks at the page as it reads, without the figures' popovers.
bool Has(const std::string& html, const std::string& part) {
  return WithoutPopovers(html).find(part) != std::string::npos;
}

std::string Block(const std::string& info) { return "```" + info + "\n```\n"; }

TEST_CASE("cost table: items, groups, total, share, ranges, units in headers") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost table model=inference"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Monthly inference cost\">"));
  CHECK(Has(html, "<caption>Monthly inference cost</caption>"));
  // English units may break after a slash on narrow screens.
  CHECK(Has(html, "<th scope=\"col\" class=\"num\">Cost (USD/<wbr>month)</th>"));
  CHECK(Has(html, "<th scope=\"col\" class=\"num\">Share (%)</th>"));
  CHECK(Has(html, "<tr><th scope=\"row\">GPU instances</th>"));
  CHECK(Has(html, ">730 h/<wbr>month</span></span>"));
  CHECK(Has(html, "$32.77/<wbr>h <time class=\"date\" datetime=\"2025-01-15\">2025-01-15</time>"));
  // One precision down the cost column: its largest amount is over 1,000, so whole dollars.
  CHECK(Has(html, ">23,922</span></span></td><td class=\"num\">98.7–99.5</td>"));
  // 11.50 of 24,033.60–24,233.60 is 0.047–0.048 %: not shown as 0.0.
  CHECK(Has(html, ">12</span></span></td><td class=\"num\">0.047–0.048</td>"));
  CHECK(Has(html, "<tr class=\"subtotal\"><th scope=\"row\">Subtotal: Compute</th>"));
  CHECK(Has(html, ">100–300</span></span>"));
  CHECK(Has(html, "<tfoot><tr class=\"total\"><th scope=\"row\">Total</th>"));
  CHECK(Has(html, ">24,034–24,234</span></span>"));
  CHECK_FALSE(Has(html, "scope=\"row\" scope"));
  CHECK_FALSE(Has(html, "table-note"));  // 23,922 + 12 + 100 = 24,034
}

TEST_CASE("cost table in zh, with a scenario") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost table model=inference scenario=spot"), "zh", &diags).html;
  CHECK(Has(html, "<caption>推理服务月度成本（Spot 实例）</caption>"));
  CHECK(Has(html, "费用（美元/<wbr>月）"));
  CHECK(Has(html, ">7,176</span></span>"));
}

TEST_CASE("cost compare: columns per scenario with change, percent and ratio") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost compare model=inference scenarios=base,spot figures=gpu"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK(Has(html, "<th scope=\"col\" class=\"num\">Base case</th><th scope=\"col\" class=\"num\">Spot instances</th>"));
  CHECK(Has(html, "<th scope=\"row\">GPU instances (USD/month)</th>"));
  CHECK(Has(html, "<th scope=\"row\">Change vs Base case</th><td class=\"num\">—</td><td class=\"num\">-16,746</td>"));
  CHECK(Has(html, "<td class=\"num\">-70%</td>"));
  CHECK(Has(html, "<th scope=\"row\">Ratio to Base case</th><td class=\"num\">—</td><td class=\"num\">0.3×</td>"));
}

TEST_CASE("cost compare: an input two columns share cancels, independent ranges give every change") {
  // The base total is 100 to 300 (one ranged parameter). `more` adds 50 to
  // it: +50 exactly, 1.17 to 1.5 times (350/300 and 150/100). `requote`
  // writes the range again, a second, independent input: the change runs
  // from 100 - 300 to 300 - 100, the ratio from 100/300 to 300/100.
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/support.yaml", R"(model: support
unit: USD/month
params:
  quote: 100 to 300 USD/month
  extra: 0 USD/month
items:
  support: {formula: quote + extra}
scenarios:
  more: {label: {en: More}, params: {extra: 50 USD/month}}
  requote: {label: {en: Requoted}, params: {quote: 100 to 300 USD/month}}
)", &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  std::string html =
      RenderCost(eval, Block("cost compare model=support scenarios=base,more,requote figures=total"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(Has(html, "<th scope=\"row\">Change vs Base case</th><td class=\"num\">—</td><td class=\"num\">+50</td>"
                  "<td class=\"num\">-200 – 200</td>"));
  // One precision along the row, as in a column: 1.50 beside 1.17.
  CHECK(Has(html, "<th scope=\"row\">Ratio to Base case</th><td class=\"num\">—</td><td class=\"num\">1.17–1.50×</td>"
                  "<td class=\"num\">0.33–3.00×</td>"));
}

TEST_CASE("cost budget: budget, estimate and actual with their variance in amount and percent, in both languages") {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/ops.yaml", R"(model: ops
title: {en: Operations, zh: 运维}
unit: USD/month
params:
  n: 4
items:
  hosting: {formula: n * 250 USD/month}
figures:
  budget: {formula: 1000 USD/month, unit: USD/month}
  spent: {formula: 1150 USD/month, unit: USD/month}
  nodes: {formula: n, unit: count}
)", &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  std::string html =
      RenderCost(eval, Block("cost budget model=ops budget=budget estimate=total actual=spent"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(Has(html, "<caption>Operations: Budget, estimate and actual spend</caption>"));
  CHECK(Has(html, "<th scope=\"col\" class=\"num\">Amount (USD/month)</th>"));
  CHECK(Has(html, "<tr><th scope=\"row\">Budget</th>"));
  CHECK(Has(html, ">1,000</span></span></td><td class=\"num\">—</td><td class=\"num\">—</td></tr>"));
  // The estimate (the total, 4 × 250) meets the budget; the actual is 150 (15%) over it.
  CHECK(Has(html, "<tr><th scope=\"row\">Estimate</th>"));
  CHECK(Has(html, "<tr><th scope=\"row\">Actual spend</th>"));
  CHECK(Has(html, ">1,150</span></span></td><td class=\"num\">+150</td><td class=\"num\">+15%</td></tr>"));
  std::string zh =
      RenderCost(eval, Block("cost budget model=ops budget=budget estimate=total actual=spent"), "zh", &diags).html;
  CHECK(Has(zh, "<caption>运维：预算、估算与实际支出</caption>"));
  CHECK(Has(zh, "<tr><th scope=\"row\">实际支出</th>"));
  CHECK(Has(zh, "金额（美元/月）"));

  Diagnostics bad;
  RenderCost(eval, Block("cost budget model=ops budget=budget estimate=total actual=nodes"), "en", &bad);
  CHECK(AllDiagnostics(bad).find("'cost budget' compares figures in one unit: 'nodes' is in count, the budget in USD/month") !=
        std::string::npos);
  Diagnostics missing;
  RenderCost(eval, Block("cost budget model=ops budget=budget estimate=total actual=spnet"), "en", &missing);
  CHECK(AllDiagnostics(missing).find("unknown figure 'ops.spnet' (did you mean 'spent'?)") != std::string::npos);
}

TEST_CASE("cost budget: the percent column is in one precision") {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/ops.yaml", R"(model: ops
unit: USD/month
items:
  hosting: {formula: 900 USD/month}
figures:
  budget: {formula: 1000 USD/month, unit: USD/month}
  spent: {formula: 1276 USD/month, unit: USD/month}
)", &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  std::string html =
      RenderCost(eval, Block("cost budget model=ops budget=budget estimate=total actual=spent"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  // -10% and +27.6% in one column read -10.0% and +27.6%.
  CHECK(Has(html, "10.0%</td></tr>"));
  CHECK_FALSE(Has(html, "10%</td></tr>"));
  CHECK(Has(html, ">+27.6%</td></tr>"));
}

TEST_CASE("cost budget warn_above= and fail_above=: a budget gate on actual spend") {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/ops.yaml", R"(model: ops
unit: USD/month
items:
  hosting: {formula: 1000 USD/month}
figures:
  budget: {formula: 1000 USD/month, unit: USD/month}
  spent: {formula: 1150 USD/month, unit: USD/month}
)", &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  REQUIRE_FALSE(diags.HasErrors());
  const std::string base = "cost budget model=ops budget=budget estimate=total actual=spent ";
  Diagnostics under;  // 15% over, within 20%
  RenderCost(eval, Block(base + "warn_above=20%"), "en", &under);
  CHECK(under.Sorted().empty());
  Diagnostics warn;
  RenderCost(eval, Block(base + "warn_above=10%"), "en", &warn);
  REQUIRE(warn.Sorted().size() == 1);
  CHECK(warn.Sorted()[0].severity == Severity::kWarning);
  CHECK(warn.Sorted()[0].code == "over-budget");
  CHECK(warn.Sorted()[0].pos.col == 68);  // at warn_above=
  CHECK(warn.Sorted()[0].message ==
        "actual spend ops.spent = 1150.00 USD/month is over the budget ops.budget = 1000.00 USD/month by 15.0%, "
        "more than 10%");
  Diagnostics fail;
  RenderCost(eval, Block(base + "fail_above=10%"), "en", &fail);
  REQUIRE(fail.Sorted().size() == 1);
  CHECK(fail.Sorted()[0].severity == Severity::kError);
  Diagnostics bad;
  RenderCost(eval, Block(base + "warn_above=ten"), "en", &bad);
  CHECK(AllDiagnostics(bad).find("warn_above must be a percentage such as 10%, not 'ten'") != std::string::npos);
}

TEST_CASE("cost compare and cost prices say which date each column and price holds at") {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/llm.yaml", R"(provider: llm
name: {en: Model API, zh: 模型服务}
currency: USD
prices:
  - id: chat
    label: {en: Chat, zh: 对话}
    unit: USD/1M tokens
    price: 2.00
    since: 2025-07-01
    checked: 2025-08-10
    history:
      - {date: 2025-01-01, price: 3.00}
)", &inputs, diags);
  pricing::ParsePricingFile("pricing/api.yaml", R"(model: api
unit: USD/month
as_of: 2025-09-01
items:
  chat: {quantity: 100M tokens/month, price: "@llm/chat"}
scenarios:
  before: {label: {en: Before the cut, zh: 降价前}, as_of: 2025-03-01}
)", &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  std::string en = RenderCost(eval, Block("cost compare model=api scenarios=base,before figures=total") + "\n" +
                                        Block("cost prices provider=llm"), "en", &diags).html;
  INFO(en << AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(Has(en, "Before the cut<br><span class=\"as-of\">prices as of <time datetime=\"2025-03-01\">2025-03-01</time></span>"));
  CHECK(Has(en, "<th scope=\"row\">Change vs Base case</th><td class=\"num\">—</td><td class=\"num\">+100</td>"));  // $3 before the cut, $2 after
  CHECK(Has(en, "<td>in force from <time datetime=\"2025-07-01\">2025-07-01</time>, checked <time datetime=\"2025-08-10\">"
                "2025-08-10</time></td>"));
  std::string zh = RenderCost(eval, Block("cost compare model=api scenarios=base,before figures=total"), "zh", &diags).html;
  INFO(zh);
  CHECK(Has(zh, "降价前<br><span class=\"as-of\">按 <time datetime=\"2025-03-01\">2025-03-01</time> 的价格</span>"));
}

TEST_CASE("cost prices, params, rules, expectations") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string md = Block("cost prices provider=aws entries=p4d.24xlarge") + "\n" + Block("cost params model=inference") +
                   "\n" + Block("cost rules model=inference") + "\n" + Block("cost expectations model=inference");
  std::string html = RenderCost(eval, md, "zh", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, "<caption>亚马逊云科技（us-east-1）</caption>"));
  CHECK(Has(html, "<th scope=\"col\" class=\"num\">按需</th><th scope=\"col\" class=\"num\">竞价</th>"));
  CHECK(Has(html, "<td class=\"unit\">美元/小时</td><td class=\"num\">32.77</td><td class=\"num\">9.83</td>"));
  CHECK(Has(html, "<a href=\"https://aws.amazon.com/ec2/pricing/on-demand/\">aws.amazon.com</a>"));
  CHECK_FALSE(Has(html, "<th scope=\"row\">S3 标准存储</th>"));
  CHECK(Has(html, "<th scope=\"row\">运行时长</th>"));
  CHECK(Has(html, "<li><strong>GPU 占比超过一半</strong>：评估 Spot 与量化"));
  CHECK_FALSE(Has(html, "很便宜"));
  CHECK(Has(html, "<tr class=\"status-ok\"><th scope=\"row\">合计</th><td class=\"num\">US$24,000/月</td>"));  // within 1%
  CHECK(Has(html, "<td class=\"status\">一致</td><td>原文 §3</td><td class=\"note\">原文漏算了运维</td>"));
}

TEST_CASE("cost prices: a variant an entry does not list is a dash with words for screen readers") {
  cost::Evaluation eval = FixtureEvaluation();
  for (const auto& [lang, words] : {std::pair<std::string, std::string>{"zh", "未列出"}, {"en", "not listed"}}) {
    Diagnostics diags;
    std::string html = RenderCost(eval, Block("cost prices provider=aws"), lang, &diags).html;
    INFO(html << AllDiagnostics(diags));
    CHECK_FALSE(diags.HasErrors());
    // S3 has no spot price: its spot cell says so, it is not left empty.
    const size_t s3 = html.find("<th scope=\"row\">" + std::string(lang == "zh" ? "S3 标准存储" : "S3 Standard"));
    REQUIRE(s3 != std::string::npos);
    const std::string row = html.substr(s3, html.find("</tr>", s3) - s3);
    CHECK(Has(row, "<td class=\"num\"><span aria-hidden=\"true\">—</span><span class=\"vh\">" + words +
                       "</span></td>"));
    CHECK_FALSE(Has(html, "<td class=\"num\"></td>"));
  }
}

TEST_CASE("cost model: an inline model evaluated against the site's prices") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string md = "Estimate: `=page.total`.\n\n```cost model\ntitle: {zh: 试算, en: Estimate}\nunit: USD/month\n"
                   "items:\n  gpu: {formula: 100 h/month * @aws/p4d.24xlarge, label: {zh: GPU, en: GPU}}\n```\n";
  std::string html = RenderCost(eval, md, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, ">$3,277/month</span></span>"));
  CHECK(Has(html, "<caption>Estimate</caption>"));
}

TEST_CASE("cost table: a model of formulas alone has no quantity or unit price columns") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string md = "```cost model\ntitle: {zh: 试算, en: Estimate}\nunit: USD/month\nitems:\n"
                   "  gpu: {formula: 100 h/month * @aws/p4d.24xlarge, label: {zh: GPU, en: GPU}}\n"
                   "  ops: {formula: 200 USD/month, label: {zh: 运维, en: Operations}}\n```\n";
  std::string html = RenderCost(eval, md, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\" class=\"num\">Cost (USD/<wbr>month)</th>"));
  CHECK_FALSE(Has(html, ">Quantity</th>"));
  CHECK_FALSE(Has(html, "by-formula"));
  CHECK(Has(html, "<tfoot><tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">"));
}

// Rows a reader checks by hand: 2 × 730 × 1.006 = 1,468.76; 60M tokens × $2.50/1M = 150.
constexpr const char* kCloudYaml = R"(provider: cloud
name: {zh: 示例云, en: Example Cloud}
currency: USD
source: https://example.com/pricing
date: 2025-02-01
prices:
  - id: vm
    label: {zh: 虚拟机, en: Virtual machine}
    unit: USD/h
    price: 1.006
  - id: llm.input
    label: {zh: 模型输入, en: Model input}
    unit: USD/1M tokens
    price: 2.50
  - id: gpu
    label: {zh: GPU, en: GPU}
    unit: USD/h
    price: 2.50
)";

constexpr const char* kServiceYaml = R"(model: service
title: {zh: 服务月度成本, en: Monthly service cost}
unit: USD/month
params:
  instances: {value: 2 instances, label: {zh: 实例数, en: Instances}}
  tokens: {value: 60000000 tokens/month, label: {zh: 每月输入, en: Input per month}}
  queries: {value: 1M queries/month, label: {zh: 每月查询, en: Queries per month}}
  per_query: {value: 1500 tokens/query, label: {zh: 每次查询输出, en: Output per query}}
items:
  vm:
    label: {zh: 虚拟机, en: Virtual machines}
    quantity: instances
    price: "@cloud/vm"
  llm:
    label: {zh: 模型输入, en: Model input}
    quantity: tokens
    price: "@cloud/llm.input"
  output:
    label: {zh: 模型输出, en: Model output}
    quantity: queries * per_query
    price: "@cloud/llm.input"
  support:
    label: {zh: 支持服务, en: Support}
    formula: 10% * (vm + llm)
)";

// A per-day quantity of a per-hour price: a month is 730 / 24 = 30.416… days.
constexpr const char* kDailyYaml = R"(model: daily
title: {zh: 日用量, en: Daily use}
unit: USD/month
params:
  gpu_hours: {value: 24 h/day, label: {zh: GPU 时长, en: GPU hours}}
items:
  gpu:
    label: {zh: GPU, en: GPU}
    quantity: gpu_hours
    price: "@cloud/gpu"
  standby:
    label: {zh: 备用, en: Standby}
    quantity: 1 h/day
    price: "@cloud/gpu"
)";

// A model that costs nothing this month.
constexpr const char* kFreeYaml = R"(model: free
title: {zh: 闲置, en: Idle}
unit: USD/month
params:
  hours: {value: 0 h/month, label: {zh: 运行时长, en: Hours run}}
items:
  gpu:
    label: {zh: GPU, en: GPU}
    quantity: hours
    price: "@cloud/gpu"
)";

cost::Evaluation ServiceEvaluation() {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/cloud.yaml", kCloudYaml, &inputs, diags);
  pricing::ParsePricingFile("pricing/service.yaml", kServiceYaml, &inputs, diags);
  pricing::ParsePricingFile("pricing/daily.yaml", kDailyYaml, &inputs, diags);
  pricing::ParsePricingFile("pricing/free.yaml", kFreeYaml, &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  for (const auto& d : diags.Sorted()) UNSCOPED_INFO(FormatDiagnostic(d));
  REQUIRE_FALSE(diags.HasErrors());
  return eval;
}

TEST_CASE("cost table rows read quantity × unit price = cost, in zh") {
  cost::Evaluation eval = ServiceEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost table model=service"), "zh", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  // A unit may break after its slash, never inside a word ("百万").
  CHECK(Has(html, "费用（美元/<wbr>月）"));
  // The hours a per-hour price runs for in a month are shown, not hidden in the cost.
  CHECK(Has(html, ">2 个实例</span></span> × 730 小时/<wbr>月</td><td class=\"num\">US$1.006/<wbr>小时 <time"));
  CHECK(Has(html, ">1,469</span></span>"));
  // A monthly token quantity stays per month.
  CHECK(Has(html, ">60,000,000 token/<wbr>月</span></span></td><td class=\"num\">US$2.50/<wbr>百万 token <time"));
  CHECK(Has(html, ">150</span></span>"));
  // A quantity derived from per-month operands is per month too, not per hour:
  // 1M queries/month × 1,500 tokens/query = 1,500,000,000 tokens/month; × $2.50/1M = $3,750.
  CHECK(Has(html, ">1,500,000,000 token/<wbr>月</span></span></td><td class=\"num\">US$2.50/<wbr>百万 token <time"));
  CHECK(Has(html, ">3,750</span></span>"));
  // A formula item says so instead of leaving two cells empty.
  CHECK(Has(html, "<th scope=\"row\">支持服务</th><td class=\"num by-formula\" colspan=\"2\">按公式计算</td>"));
  CHECK_FALSE(Has(html, "<td class=\"num\"></td><td class=\"num\"></td>"));
}

TEST_CASE("cost table rows read quantity × unit price = cost, in en") {
  cost::Evaluation eval = ServiceEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost table model=service"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK(Has(html, ">2 instances</span></span> × 730 h/<wbr>month</td><td class=\"num\">$1.006/<wbr>h <time"));
  CHECK(Has(html, ">60,000,000 tokens/<wbr>month</span></span></td>"));
  CHECK(Has(html, "<td class=\"num by-formula\" colspan=\"2\">computed</td>"));
  // 1,468.76 + 150 + 3,750 + 161.876 (10% of the first two) = 5,530.636: whole dollars down the column.
  CHECK(Has(html, ">1,469</span></span>"));
  CHECK(Has(html, ">5,531</span></span>"));
}

TEST_CASE("cost table: a row's factor has the digits that multiply out to its cost") {
  cost::Evaluation eval = ServiceEvaluation();
  for (const char* lang : {"zh", "en"}) {
    Diagnostics diags;
    std::string html = RenderCost(eval, Block("cost table model=daily"), lang, &diags).html;
    INFO(html << AllDiagnostics(diags));
    // 24 × 30.4 × 2.50 = 1,824, not the 1,825 shown; 24 × 30.42 × 2.50 = 1,825.2 is.
    CHECK(Has(html, ">1,825</span>"));
    const std::string factor = std::string(lang) == "zh" ? " × 30.42 天/<wbr>月</td>" : " × 30.42 days/<wbr>month</td>";
    CHECK(Has(html, factor));
    // The standby row (1 × 30.4 × 2.50 = 76, as shown) would do with 30.4; one
    // factor reads alike in every row of the table.
    CHECK(html.find(factor, html.find(factor) + 1) != std::string::npos);
    CHECK_FALSE(Has(html, " × 30.4 "));
  }
}

TEST_CASE("cost table: a total of zero is shown, without a share column") {
  cost::Evaluation eval = ServiceEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost table model=free"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, "<tfoot><tr class=\"total\"><th scope=\"row\">Total</th>"));
  CHECK_FALSE(Has(html, "Share"));
}

TEST_CASE("cost table and cost compare take precision= and compact") {
  cost::Evaluation eval = ServiceEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost table model=service precision=2"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, ">1,468.76</span></span>"));
  CHECK(Has(html, ">161.88</span></span>"));
  CHECK(Has(html, ">5,530.64</span></span>"));
  std::string zh = RenderCost(eval, Block("cost table model=service compact"), "zh", &diags).html;
  std::string en = RenderCost(FixtureEvaluation(), Block("cost table model=inference compact"), "en", &diags).html;
  std::string compare =
      RenderCost(FixtureEvaluation(), Block("cost compare model=inference scenarios=base,spot compact"), "zh", &diags)
          .html;
  INFO(zh << "\n" << en << "\n" << compare);
  // Three significant digits, 万 in zh and K in en, as inline figures with compact.
  // Below 万, digits are grouped as everywhere on the page.
  CHECK(Has(zh, ">1,470</span></span>"));
  CHECK(Has(zh, ">5,530</span></span>"));
  CHECK(Has(en, ">23.9K</span></span>"));
  // A range: both ends in one step with as many decimals.
  CHECK(Has(en, ">24.0K–24.2K</span></span>"));
  CHECK(Has(compare, ">2.40万–2.42万</span></span>"));
  CHECK(Has(compare, "<td class=\"num\">-1.67万</td>"));
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("cost chart type=stacked and type=history") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string stacked = RenderCost(eval, Block("cost chart model=inference type=stacked scenarios=base,spot by=item"),
                                   "en", &diags).html;
  INFO(stacked);
  // A legend entry and a segment per item, both layouts, and the data table with every item and the total.
  CHECK(Has(stacked, "<rect class=\"chart-swatch chart-series-2\""));
  CHECK(Has(stacked, "class=\"chart-legend-label\" x="));
  CHECK(Has(stacked, "<title>Spot instances · GPU instances: $7,176/month</title></rect>"));
  CHECK(Has(stacked, "<svg class=\"chart chart-narrow\""));
  CHECK(Has(stacked, "<th scope=\"row\">Object storage"));
  std::string history = RenderCost(eval, Block("cost chart type=history price=aws/p4d.24xlarge"), "zh", &diags).html;
  INFO(history);
  CHECK(Has(history, "<figcaption>价格变化：p4d.24xlarge 实例</figcaption>"));
  CHECK(Has(history, "<title>按需 2024-06-01：US$40.96/小时</title></circle>"));
  CHECK(Has(history, "<time datetime=\"2024-06-01\">2024-06-01</time>"));
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("A history chart's prices in the Sources list keep the date they were read apart from the date in force") {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/aliyun.yaml", R"(provider: aliyun
currency: CNY
date: 2025-06-01
prices:
  - id: gn7i
    unit: CNY/h
    price: 34.74
    since: 2025-03-01
    history:
      - {since: 2024-01-01, price: 38.20}
)", &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  REQUIRE_FALSE(diags.HasErrors());
  CostOutput out;
  std::string html = RenderCost(eval, Block("cost chart type=history price=aliyun/gn7i"), "en", &diags, &out).html;
  INFO(html << AllDiagnostics(diags));
  std::vector<std::pair<std::string, std::string>> dates;  // in force from, read on
  for (const cost::PriceUse& p : out.sources.items()) dates.emplace_back(p.since, p.date);
  CHECK(dates == std::vector<std::pair<std::string, std::string>>{{"2024-01-01", "2025-06-01"},
                                                                   {"2025-03-01", "2025-06-01"}});
}

TEST_CASE("The Sources list keeps a scenario's earlier price beside the current one") {
  // One entry read on one day, in force from two dates: a scenario's `as_of` used the older.
  cost::PriceUse now;
  now.id = "aliyun/gn7i";
  now.variant = "on_demand";
  now.date = "2025-06-01";
  now.since = "2025-03-01";
  cost::PriceUse then = now;
  then.since = "2024-01-01";
  figures::SourceList list;
  list.Add(now);
  list.Add(then);
  list.Add(now);
  REQUIRE(list.items().size() == 2);
  CHECK(list.items()[1].since == "2024-01-01");
}

TEST_CASE("A chart's value labels share one precision, as a table column does") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string chart = RenderCost(eval, Block("cost chart model=inference type=breakdown"), "en", &diags).html;
  INFO(chart);
  // $23,922.10 and $11.50 side by side: whole dollars for both, not "$11.50" beside "$23,922".
  CHECK(Has(chart, ">$23,922/month<"));
  CHECK(Has(chart, ">$12/month<"));
  CHECK_FALSE(Has(chart, "$11.50/month"));
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("Bad directives are reported on the fence line") {
  cost::Evaluation eval = FixtureEvaluation();
  struct Case {
    std::string md, want;
  };
  const Case cases[] = {
      {Block("cost tabel model=inference"),
       "content/page.md:1:9: error: unknown cost directive 'tabel' (expected table, compare, prices, params, chart, "
       "rules, expectations, model, budget, actuals or inputs)\n 1 | ```cost tabel model=inference\n   |         ^~~~~\n"},
      {Block("cost table modle=inference"),
       "content/page.md:1:15: error: unknown argument 'modle' for 'cost table' (expected model=, scenario=, precision=, compact)\n"
       " 1 | ```cost table modle=inference\n   |               ^~~~~\n"},
      {Block("cost table"),
       "content/page.md:1:9: error: 'cost table' needs model=\n 1 | ```cost table\n   |         ^~~~~\n"},
      {Block("cost table model=inferense"),
       "content/page.md:1:21: error: unknown model 'inferense' (did you mean 'inference'?)\n"
       " 1 | ```cost table model=inferense\n   |                     ^~~~~~~~~\n"},
      {Block("cost compare model=inference scenarios=base,spto"),
       "content/page.md:1:48: error: unknown scenario 'spto' of model 'inference' (did you mean 'spot'?)\n"
       " 1 | ```cost compare model=inference scenarios=base,spto\n   |                                                ^~~~\n"},
      {Block("cost chart model=inference type=pie"),
       "content/page.md:1:36: error: chart type must be breakdown, compare, range, stacked or history, not 'pie'\n"
       " 1 | ```cost chart model=inference type=pie\n   |                                    ^~~\n"},
      {Block("cost chart type=stacked"),
       "content/page.md:1:9: error: 'cost chart type=stacked' needs model=\n 1 | ```cost chart type=stacked\n   |         ^~~~~\n"},
      {Block("cost chart model=inference type=stacked by=kind"),
       "content/page.md:1:47: error: by must be item or group, not 'kind'\n"
       " 1 | ```cost chart model=inference type=stacked by=kind\n   |                                               ^~~~\n"},
      {Block("cost chart type=history"),
       "content/page.md:1:9: error: 'cost chart type=history' needs price=PROVIDER/ENTRY\n"
       " 1 | ```cost chart type=history\n   |         ^~~~~\n"},
      {Block("cost chart type=history price=aws/p5"),
       "content/page.md:1:34: error: unknown price 'aws/p5' (expected provider/entry)\n"
       " 1 | ```cost chart type=history price=aws/p5\n   |                                  ^~~~~~\n"},
      {Block("cost table model=inference precision=x"),
       "content/page.md:1:41: error: precision must be a number of decimals from 0 to 10, not 'x'\n"
       " 1 | ```cost table model=inference precision=x\n   |                                         ^\n"},
      {Block("cost params model=inference compact"),
       "content/page.md:1:32: error: 'cost params' does not take compact (only cost table, cost compare, cost budget and cost actuals do)\n"
       " 1 | ```cost params model=inference compact\n   |                                ^~~~~~~\n"},
      {Block("cost prices provider=aws entries=p5"),
       "content/page.md:1:37: error: unknown price 'aws/p5'\n"
       " 1 | ```cost prices provider=aws entries=p5\n   |                                     ^~\n"},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    RenderCost(eval, c.md, "en", &diags);
    CHECK(AllDiagnostics(diags) == c.want);
  }
}

}  // namespace
}  // namespace costsite::markdown
