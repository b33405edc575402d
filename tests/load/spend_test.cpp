// The pages' `cost actuals` blocks reach the load stage, which reads the
// FOCUS export for them before the pages are rendered (LoadSite, LoadSpend).
#include <catch2/catch.hpp>

#include "load/site_loader.h"
#include "tests/test_util.h"

namespace costsite::load {
namespace {

namespace fs = std::filesystem;

TEST_CASE("LoadSite sums the export for every page's cost actuals block, even when page text is let go",
          "[load][actuals]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  WriteAll(root / "site.yaml", "title: {zh: 站, en: Site}\nlanguages: [zh, en]\n");
  // Fences as CommonMark writes them: backticks or tildes, indented up to three spaces.
  WriteAll(root / "content/a.en.md",
           "---\ntitle: A\n---\n\n```cost actuals group=ServiceName\n```\n\n   ~~~~ cost actuals group=ProviderName "
           "period=2024-10\n~~~~\n\n    ```cost actuals group=ServiceName,ProviderName\n");
  WriteAll(root / "content/a.zh.md", "---\ntitle: 甲\n---\n\n```cost actuals group=ServiceName\n```\n");
  WriteAll(root / "actuals/a.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,BilledCost\n"
           "USD,2024-10-01T00:00:00Z,2024-10-02T00:00:00Z,AWS,Amazon EC2,1.25\n"
           "USD,2024-10-02T00:00:00Z,2024-10-03T00:00:00Z,AWS,Amazon EC2,-0.005\n"
           "USD,2024-09-02T00:00:00Z,2024-09-03T00:00:00Z,AWS,Amazon S3,2\n");
  LoadOptions options;
  options.keep_text = false;
  LoadedSite site;
  Diagnostics diags;
  REQUIRE(LoadSite(root, options, &site, &diags));
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(site.spend.loaded);
  CHECK(site.spend.months == std::vector<std::string>{"2024-09", "2024-10"});
  // Two queries (the zh page asks what the en page asks); the indented code block is not a fence.
  REQUIRE(site.spend.results.size() == 2);
  cost::SpendQuery by_service;
  by_service.group_by = {"ServiceName"};
  const cost::SpendResult* r = site.spend.Find(by_service);
  REQUIRE(r);
  REQUIRE(r->rows.size() == 2);
  CHECK(r->rows[0].key == std::vector<std::string>{"Amazon S3"});
  CHECK(r->rows[0].total == cost::Decimal(2));
  CHECK(r->rows[1].total == *cost::Decimal::Parse("1.245"));
  CHECK(r->days.size() == 3);  // a point per group and charge day
  cost::SpendQuery by_provider;
  by_provider.group_by = {"ProviderName"};
  by_provider.period = "2024-10";
  REQUIRE(site.spend.Find(by_provider));
  CHECK(site.spend.Find(by_provider)->rows.front().total == *cost::Decimal::Parse("1.245"));
}

TEST_CASE("a site without cost actuals blocks does not read its export for them", "[load][actuals]") {
  TempDir tmp;
  WriteAll(tmp.path() / "actuals/a.csv", "not a FOCUS file\n");
  Diagnostics diags;
  cost::SpendData data = LoadSpend(tmp.path(), {}, {}, &diags);
  CHECK_FALSE(data.loaded);
  CHECK(diags.Sorted().empty());
}

}  // namespace
}  // namespace costsite::load
