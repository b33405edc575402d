// `cost actuals`: the FOCUS export read once by the load stage for the
// page's blocks, shown as a table of groups with shares or as a chart.
#include <catch2/catch.hpp>

#include "cost/spend.h"
#include "figures/spend.h"
#include "load/site_loader.h"
#include "tests/markdown/cost_test_fixture.h"
#include "tests/test_util.h"

namespace costsite::markdown {
namespace {

namespace fs = std::filesystem;

// October: EC2 100.10 + 0.004 - 20.00 (a credit) = 80.104, S3 30.333,
// Lambda 7.5, a credit line of -5.00; September: EC2 1.00 and 72 CNY.
constexpr const char* kExport =
    "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,BilledCost,EffectiveCost,Tags\n"
    "USD,2024-10-01T00:00:00Z,2024-10-02T00:00:00Z,AWS,Amazon EC2,100.10,90.00,\"{\"\"team\"\": \"\"web\"\"}\"\n"
    "USD,2024-10-01T05:00:00Z,2024-10-01T06:00:00Z,AWS,Amazon EC2,0.004,0.004,\"{\"\"team\"\": \"\"data\"\"}\"\n"
    "USD,2024-10-02T00:00:00Z,2024-10-03T00:00:00Z,AWS,Amazon EC2,-20.00,-20.00,{}\n"
    "USD,2024-10-02T00:00:00Z,2024-10-03T00:00:00Z,AWS,Amazon S3,30.333,30.00,\"{\"\"team\"\": \"\"data\"\"}\"\n"
    "USD,2024-10-03T00:00:00Z,2024-10-04T00:00:00Z,AWS,AWS Lambda,7.5,7.5,\"{\"\"team\"\": \"\"web\"\"}\"\n"
    "USD,2024-10-03T00:00:00Z,2024-10-04T00:00:00Z,AWS,AWS Credits,-5.00,-5.00,{}\n"
    "USD,2024-09-10T00:00:00Z,2024-09-11T00:00:00Z,AWS,Amazon EC2,1.00,1.00,{}\n"
    "CNY,2024-09-05T00:00:00Z,2024-09-06T00:00:00Z,Alibaba Cloud,Elastic Compute Service,72.00,72.00,{}\n";

// The October BilledCost amounts, summed here with Decimal, apart from the loader.
cost::Decimal OctoberBilled() {
  cost::Decimal sum;
  for (const char* v : {"100.10", "0.004", "-20.00", "30.333", "7.5", "-5.00"}) sum += *cost::Decimal::Parse(v);
  return sum;
}

std::string Block(const std::string& info) { return "```" + info + "\n```\n"; }

// The site's export read for `infos` (the blocks' info strings), as LoadSite does for a site's pages.
cost::SpendData Spend(TempDir& tmp, const std::vector<std::string>& infos, Diagnostics* diags) {
  const fs::path root = tmp.path();
  WriteAll(root / "actuals/2024.csv", kExport);
  std::vector<cost::SpendQuery> queries;
  for (const std::string& info : infos) {
    cost::SpendQuery q;
    REQUIRE(cost::ParseSpendInfo(info, &q));
    queries.push_back(q);
  }
  std::vector<cost::Rate> rates(1);
  rates[0].base = "USD", rates[0].quote = "CNY", rates[0].rate.text = "7.2", rates[0].date = "2024-01-01";
  return load::LoadSpend(root, queries, rates, diags);
}

RenderedMarkdown Render(const cost::SpendData* spend, const std::string& info, const std::string& lang,
                        Diagnostics* diags) {
  static const cost::Evaluation eval;
  CostContext ctx{lang, &eval, nullptr, &testing::BuiltinWordsForTest(), "en", spend};
  MarkdownOptions opts;
  opts.cost = &ctx;
  return RenderMarkdown("content/page.md", Block(info), 1, opts, diags);
}

bool Has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

TEST_CASE("cost actuals: groups largest first, a total row and shares adding up to 100%, in both languages",
          "[markdown][actuals]") {
  TempDir tmp;
  Diagnostics diags;
  const std::string info = "cost actuals group=ServiceName period=2024-10";
  cost::SpendData spend = Spend(tmp, {info}, &diags);
  INFO(AllDiagnostics(diags));
  REQUIRE(spend.loaded);
  cost::SpendQuery q;
  REQUIRE(cost::ParseSpendInfo(info, &q));
  const cost::SpendResult* r = spend.Find(q);
  REQUIRE(r);
  // The total is the exact sum of the month's lines, credits and the sub-cent line included.
  CHECK(figures::SpendTotal(*r) == OctoberBilled());
  std::vector<figures::SpendLine> lines = figures::SpendLines(*r, 0);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].key == std::vector<std::string>{"Amazon EC2"});
  CHECK(lines[0].total == *cost::Decimal::Parse("80.104"));
  CHECK(lines[3].key == std::vector<std::string>{"AWS Credits"});
  CHECK(lines[3].total == *cost::Decimal::Parse("-5"));
  cost::Decimal shares;
  for (const auto& l : lines) shares += *l.share;
  CHECK(shares == cost::Decimal(100));
  CHECK(*lines[0].share == *cost::Decimal::Parse("70.9"));   // 80.104 / 112.937 = 70.927…%
  CHECK(*lines[3].share == *cost::Decimal::Parse("-4.4"));   // a credit's share is negative

  std::string en = Render(&spend, info, "en", &diags).html;
  INFO(en);
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(en, "<caption>Actual spend by service (2024-10)</caption>"));
  CHECK(Has(en, "<th scope=\"col\">Service</th>"));
  CHECK(Has(en, "<tr><th scope=\"row\">Amazon EC2</th><td class=\"num\">$80.10</td><td class=\"num\">70.9%</td></tr>"));
  CHECK(Has(en, "<tr><th scope=\"row\">AWS Credits</th><td class=\"num\">-$5.00</td><td class=\"num\">-4.4%</td></tr>"));
  CHECK(Has(en, "<tfoot><tr><th scope=\"row\">Total</th><td class=\"num\">$112.94</td><td class=\"num\">100.0%</td>"));
  std::string zh = Render(&spend, info, "zh", &diags).html;
  INFO(zh);
  CHECK(Has(zh, "<caption>按服务的实际支出（2024-10）</caption>"));
  CHECK(Has(zh, "<th scope=\"col\">服务</th>"));
  CHECK(Has(zh, "<th scope=\"row\">合计</th>"));
  CHECK(Has(zh, "80.10</td><td class=\"num\">70.9%</td>"));
}

TEST_CASE("cost actuals: a share that rounds to nothing says it is under 0.1% and a credit's which way",
          "[markdown][actuals]") {
  TempDir tmp;
  WriteAll(tmp.path() / "actuals/2024.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,BilledCost,EffectiveCost,Tags\n"
           "USD,2024-10-01T00:00:00Z,2024-10-02T00:00:00Z,AWS,Amazon EC2,1000.00,1000.00,{}\n"
           "USD,2024-10-01T00:00:00Z,2024-10-02T00:00:00Z,AWS,Amazon S3,0.40,0.40,{}\n"
           "USD,2024-10-02T00:00:00Z,2024-10-03T00:00:00Z,AWS,AWS Credits,-0.50,-0.50,{}\n");
  const std::string info = "cost actuals group=ServiceName period=2024-10";
  cost::SpendQuery q;
  REQUIRE(cost::ParseSpendInfo(info, &q));
  Diagnostics diags;
  cost::SpendData spend = load::LoadSpend(tmp.path(), {q}, {}, &diags);
  INFO(AllDiagnostics(diags));
  REQUIRE(spend.loaded);
  std::string en = Render(&spend, info, "en", &diags).html;
  INFO(en);
  CHECK(Has(en, "<th scope=\"row\">Amazon S3</th><td class=\"num\">$0.40</td><td class=\"num\">&lt; 0.1%</td>"));
  CHECK(Has(en, "<th scope=\"row\">AWS Credits</th><td class=\"num\">-$0.50</td><td class=\"num\">&gt; -0.1%</td>"));
}

TEST_CASE("cost actuals top=N folds the smaller groups into an other row, and measure= and tag: choose the sums",
          "[markdown][actuals]") {
  TempDir tmp;
  Diagnostics diags;
  const std::string top = "cost actuals group=ServiceName period=2024-10 top=2";
  const std::string tags = "cost actuals group=tag:team measure=EffectiveCost period=2024-10";
  cost::SpendData spend = Spend(tmp, {top, tags}, &diags);
  REQUIRE(spend.loaded);
  std::string en = Render(&spend, top, "en", &diags).html;
  INFO(en << AllDiagnostics(diags));
  CHECK(Has(en, "<tr class=\"other\"><th scope=\"row\">Other (2 more)</th><td class=\"num\">$2.50</td>"
                "<td class=\"num\">2.2%</td></tr>"));
  CHECK(Has(en, "<td class=\"num\">26.9%</td>"));  // S3: 26.858…, rounded up so the rows add up to 100.0
  CHECK(Has(en, "$112.94"));
  std::string zh = Render(&spend, top, "zh", &diags).html;
  CHECK(Has(zh, "其他（另 2 项）"));
  // EffectiveCost by team tag: web 90 + 7.5, data 0.004 + 30, no tag -20 - 5.
  std::string by_team = Render(&spend, tags, "en", &diags).html;
  INFO(by_team);
  CHECK(Has(by_team, "<th scope=\"col\">Tag “team”</th>"));
  CHECK(Has(by_team, "<tr><th scope=\"row\">web</th><td class=\"num\">$97.50</td>"));
  CHECK(Has(by_team, "<tr><th scope=\"row\">data</th><td class=\"num\">$30.00</td>"));
  CHECK(Has(by_team, "<tr><th scope=\"row\">(none)</th><td class=\"num\">-$25.00</td>"));
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("cost actuals currency= converts each line at pricing's rates, and lines in two currencies need it",
          "[markdown][actuals]") {
  TempDir tmp;
  Diagnostics diags;
  const std::string mixed = "cost actuals group=ProviderName";
  const std::string usd = "cost actuals group=ProviderName currency=USD";
  cost::SpendData spend = Spend(tmp, {mixed, usd}, &diags);
  REQUIRE(spend.loaded);
  std::string html = Render(&spend, usd, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, "<tr><th scope=\"row\">Alibaba Cloud</th><td class=\"num\">$10.00</td>"));  // 72 CNY / 7.2
  CHECK(Has(html, "<tr><th scope=\"row\">AWS</th><td class=\"num\">$113.94</td>"));
  // Without currency=, a table per billing currency: a sum is never taken across currencies.
  Diagnostics two;
  std::string both = Render(&spend, mixed, "en", &two).html;
  INFO(both);
  CHECK_FALSE(two.HasErrors());
  CHECK(Has(both, "<caption>Actual spend by provider: CNY</caption>"));
  CHECK(Has(both, "<caption>Actual spend by provider: USD</caption>"));
  CHECK(Has(both, "<tr><th scope=\"row\">Alibaba Cloud</th><td class=\"num\">CN¥72.00</td><td class=\"num\">100.0%</td>"));
  CHECK(Has(both, "<tr><th scope=\"row\">AWS</th><td class=\"num\">$113.94</td><td class=\"num\">100.0%</td>"));
  std::string zh = Render(&spend, mixed, "zh", &two).html;
  CHECK(Has(zh, "<caption>按云服务商的实际支出：人民币</caption>"));
  CHECK(Has(zh, "实际支出（美元）"));
}

TEST_CASE("cost actuals: an unknown column, measure or period and a site without an export are positioned errors",
          "[markdown][actuals]") {
  TempDir tmp;
  Diagnostics load;
  const std::vector<std::string> infos = {"cost actuals group=ServiceNmae", "cost actuals group=ServiceName measure=Billed",
                                          "cost actuals group=ServiceName period=2024-11",
                                          "cost actuals group=ServiceName chart=weekly"};
  cost::SpendData spend = Spend(tmp, infos, &load);
  REQUIRE(spend.loaded);
  auto error = [&](const std::string& info, const cost::SpendData* data) {
    Diagnostics diags;
    Render(data, info, "en", &diags);
    REQUIRE(diags.Sorted().size() == 1);
    return diags.Sorted()[0];
  };
  Diagnostic column = error(infos[0], &spend);
  CHECK(column.pos.line == 1);
  CHECK(column.pos.col == 23);
  CHECK(column.message == "unknown column 'ServiceNmae': the FOCUS export has no such column (did you mean 'ServiceName'?)");
  Diagnostic measure = error(infos[1], &spend);
  CHECK(measure.pos.col == 43);
  CHECK(measure.message == "unknown measure 'Billed' (expected BilledCost, EffectiveCost, ListCost or ContractedCost)");
  Diagnostic period = error(infos[2], &spend);
  CHECK(period.pos.col == 42);
  CHECK(period.message == "no line of the FOCUS export is charged in period '2024-11' (it holds 2024-09, 2024-10)");
  Diagnostic chart = error(infos[3], &spend);
  CHECK(chart.message == "chart must be daily or monthly, not 'weekly'");
  Diagnostic none = error(infos[0], nullptr);
  CHECK(none.pos.col == 9);
  CHECK(none.message == "'cost actuals' needs a FOCUS billing export: the site's actuals/ folder holds none that loaded");
  Diagnostics text;
  Render(&spend, infos[0], "en", &text);
  CHECK(AllDiagnostics(text).find("content/page.md:1:23: error:") != std::string::npos);
}

TEST_CASE("cost actuals chart=daily and chart=monthly: spend over time, a line per group, with its data table",
          "[markdown][actuals]") {
  TempDir tmp;
  Diagnostics diags;
  const std::string daily = "cost actuals group=ServiceName period=2024-10 chart=daily top=1";
  const std::string monthly = "cost actuals group=ProviderName chart=monthly currency=USD";
  cost::SpendData spend = Spend(tmp, {daily, monthly}, &diags);
  REQUIRE(spend.loaded);
  std::string en = Render(&spend, daily, "en", &diags).html;
  INFO(en << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(en, "<figcaption>Daily actual spend by service</figcaption>"));
  CHECK(Has(en, "<svg"));
  CHECK(Has(en, "role=\"img\""));
  // The data table: a row per day, EC2 and the other services as columns.
  CHECK(Has(en, "<th scope=\"col\" class=\"num\">Amazon EC2</th><th scope=\"col\" class=\"num\">Other (3 more)</th>"));
  CHECK(Has(en, "<tr><th scope=\"row\">2024-10-01</th><td class=\"num\">$100.10</td><td class=\"num\">$0.00</td></tr>"));
  CHECK(Has(en, "<tr><th scope=\"row\">2024-10-02</th><td class=\"num\">-$20.00</td><td class=\"num\">$30.33</td></tr>"));
  CHECK(Has(en, "<tr><th scope=\"row\">2024-10-03</th><td class=\"num\">$0.00</td><td class=\"num\">$2.50</td></tr>"));
  std::string zh = Render(&spend, daily, "zh", &diags).html;
  CHECK(Has(zh, "<figcaption>按服务的每日实际支出</figcaption>"));
  std::string months = Render(&spend, monthly, "en", &diags).html;
  INFO(months);
  CHECK(Has(months, "<figcaption>Monthly actual spend by provider</figcaption>"));
  CHECK(Has(months, "<tr><th scope=\"row\">2024-09</th><td class=\"num\">$1.00</td><td class=\"num\">$10.00</td></tr>"));
}

}  // namespace
}  // namespace costsite::markdown
