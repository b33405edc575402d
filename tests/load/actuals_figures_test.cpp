// actual(…) in formulas: the FOCUS export under actuals/ read once by load/,
// each selection's exact sum used by the engine like a price.
#include <catch2/catch.hpp>

#include "actuals/actuals.h"
#include "load/site_loader.h"
#include "tests/test_util.h"

namespace costsite::load {
namespace {

namespace fs = std::filesystem;

// Six lines: September EC2 spend 100.10 + 0.004 - 20.00 = 80.104 USD, one
// October EC2 line (50), 72 CNY of Alibaba ECS in September, and S3 only in October.
fs::path Site(TempDir& tmp, const std::string& model) {
  const fs::path root = tmp.path();
  fs::create_directories(root / "actuals");
  fs::copy_file(fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/actuals/engine/actuals/2024-09.csv",
                root / "actuals/2024-09.csv");
  WriteAll(root / "pricing/fx.yaml", "rates:\n  - {base: USD, quote: CNY, rate: 7.2, date: 2024-01-01, source: x}\n");
  WriteAll(root / "pricing/models/m.yaml", model);
  return root;
}

// A figure's value in its unit, to 20 decimals: a month's money is kept per
// hour inside the engine, so its last digits are the division's.
std::string FigureValue(const cost::Evaluation& ev, std::string_view figure) {
  const cost::ModelResult* r = ev.Find("m");
  REQUIRE(r);
  const cost::Figure* f = r->Find(figure);
  REQUIRE(f);
  REQUIRE(f->value.IsPoint());
  return f->value.lo.RoundHalfAwayFromZero(20).ToFixed(6);
}

TEST_CASE("actual() sums the FOCUS export's lines a formula selects, exactly, in one month", "[load][actuals]") {
  TempDir tmp;
  fs::path root = Site(tmp, R"y(model: m
title: {en: M}
as_of: 2024-10-31
unit: USD/month
figures:
  ec2: {formula: 'actual(ServiceName="Amazon EC2", period=2024-09)', unit: USD/month}
  aws: {formula: 'actual(period=2024-09, ProviderName="AWS")', unit: USD/month}
  all: {formula: 'actual(period=2024-09)', unit: USD/month}
  web: {formula: 'actual(tag.team="web")', unit: USD}
  ec2_cny: {formula: 'fx(actual(ServiceName="Amazon EC2", period=2024-10), CNY)', unit: CNY/month}
  gap: {formula: 'actual(ServiceName="Amazon EC2", period=2024-09) - 80 USD/month', unit: USD/month}
)y");
  Diagnostics diags;
  cost::Evaluation ev = LoadPricingWithActuals(root, pricing::Options(), &diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(FigureValue(ev, "ec2") == "80.104000");  // a credit and a sub-cent line kept
  CHECK(FigureValue(ev, "aws") == "80.104000");
  CHECK(FigureValue(ev, "all") == "90.104000");  // 72 CNY at 7.2 = 10 USD
  CHECK(FigureValue(ev, "web") == "110.100000");  // every month, both currencies
  CHECK(FigureValue(ev, "ec2_cny") == "360.000000");
  CHECK(FigureValue(ev, "gap") == "0.104000");
  // Its provenance: the export's file and the lines summed, like a price's source.
  const cost::Figure* ec2 = ev.Find("m")->Find("ec2");
  REQUIRE(ec2->explain->prices.size() == 1);
  CHECK(ec2->explain->prices[0]->actual);
  CHECK(ec2->explain->prices[0]->source == "actuals/2024-09.csv");
  CHECK(ec2->explain->prices[0]->lines == 3);
  CHECK(ec2->explain->prices[0]->variant.empty());
  // Lines in two currencies: one use per currency, each with its own lines.
  const cost::Figure* all = ev.Find("m")->Find("all");
  REQUIRE(all->explain->prices.size() == 2);
  CHECK(all->explain->prices[0]->variant == "CNY");
  CHECK(all->explain->prices[0]->lines == 1);
  CHECK(all->explain->prices[0]->value == cost::Interval(cost::Decimal(72)));
  CHECK(all->explain->prices[1]->variant == "USD");
  CHECK(all->explain->prices[1]->lines == 3);
  REQUIRE(all->explain->fx.size() == 1);
  CHECK(ec2->explain->prices[0]->date == "2024-09");
}

TEST_CASE("actual() names as its sources only the export's files that hold its lines", "[load][actuals]") {
  TempDir tmp;
  fs::path root = Site(tmp, R"y(model: m
title: {en: M}
as_of: 2024-10-31
unit: USD/month
figures:
  ec2: {formula: 'actual(ServiceName="Amazon EC2", period=2024-09)', unit: USD/month}
  oci: {formula: 'actual(ProviderName="OCI", period=2024-09)', unit: USD/month}
  aws_oci: {formula: 'actual(period=2024-09, ServiceName="Amazon EC2") + actual(ProviderName="OCI", period=2024-09)', unit: USD/month}
)y");
  WriteAll(root / "actuals/oci.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,Provider,ServiceName,BilledCost,Tags\n"
           "USD,2024-09-01T00:00Z,2024-09-02T00:00Z,OCI,COMPUTE,12.50,\n");
  Diagnostics diags;
  cost::Evaluation ev = LoadPricingWithActuals(root, pricing::Options(), &diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  const cost::Figure* ec2 = ev.Find("m")->Find("ec2");
  REQUIRE(ec2->explain->prices.size() == 1);
  CHECK(ec2->explain->prices[0]->source == "actuals/2024-09.csv");
  const cost::Figure* oci = ev.Find("m")->Find("oci");
  REQUIRE(oci->explain->prices.size() == 1);
  CHECK(oci->explain->prices[0]->source == "actuals/oci.csv");
  CHECK(FigureValue(ev, "oci") == "12.500000");
  CHECK(FigureValue(ev, "aws_oci") == "92.604000");
}

TEST_CASE("actual() counts a line in the UTC month of its charge period start, as --period does",
          "[load][actuals]") {
  TempDir tmp;
  fs::path root = Site(tmp, R"y(model: m
title: {en: M}
as_of: 2024-10-31
unit: CNY/month
figures:
  aug: {formula: 'actual(ProviderName="Tencent Cloud", period=2024-08)', unit: CNY/month}
  sep: {formula: 'actual(ProviderName="Tencent Cloud", period=2024-09)', unit: CNY/month}
  oct: {formula: 'actual(ProviderName="Tencent Cloud", period=2024-10)', unit: CNY/month}
)y");
  // Local times with their offset: the text's month is not the UTC month
  // for the first, second and last line.
  WriteAll(root / "actuals/tencent.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,BilledCost\n"
           "CNY,2024-10-01T00:00:00+08:00,2024-10-01T01:00:00+08:00,Tencent Cloud,CVM,100\n"  // 09-30T16:00Z
           "CNY,2024-09-01T07:00:00+08:00,2024-09-01T08:00:00+08:00,Tencent Cloud,CVM,7\n"    // 08-31T23:00Z
           "CNY,2024-09-15T00:00:00+08:00,2024-09-15T01:00:00+08:00,Tencent Cloud,COS,20\n"
           "CNY,2024-09-30T23:30:00-05:00,2024-10-01T00:30:00-05:00,Tencent Cloud,CVM,3\n");  // 10-01T04:30Z
  Diagnostics diags;
  cost::Evaluation ev = LoadPricingWithActuals(root, pricing::Options(), &diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(FigureValue(ev, "aug") == "7.000000");
  CHECK(FigureValue(ev, "sep") == "120.000000");
  CHECK(FigureValue(ev, "oct") == "3.000000");
  // The same months as `costsite actuals --period`.
  actuals::Query query;
  query.group_by = {"ProviderName"};
  query.period = "2024-09";
  Diagnostics read;
  actuals::Totals sep = actuals::LoadActuals(root / "actuals", query, read);
  REQUIRE(sep.groups.size() == 3);  // Tencent Cloud in CNY, the fixture's AWS in USD and Alibaba in CNY
  for (const actuals::GroupTotal& g : sep.groups)
    if (g.key[0] == "Tencent Cloud") CHECK(g.total == cost::Decimal(120));
}

TEST_CASE("actual() selects a tag whose key a name cannot hold, quoted: tag.\"user:team\"", "[load][actuals]") {
  TempDir tmp;
  fs::path root = Site(tmp, R"y(model: m
title: {en: M}
as_of: 2024-10-31
unit: USD/month
actuals:
  cc: {"tag:cost-center": "cc-1042", period: 2024-09}
figures:
  ml: {formula: 'actual(tag."user:team"="ml", period=2024-09)', unit: USD/month}
  cc_total: {formula: cc, unit: USD/month}
)y");
  // Tag keys may hold ':' and '-' (AWS allows spaces and _.:/=+-@).
  WriteAll(root / "actuals/tags.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,BilledCost,Tags\n"
           "USD,2024-09-05T00:00:00Z,2024-09-06T00:00:00Z,AWS,Amazon S3,7.25,"
           "\"{\"\"user:team\"\": \"\"ml\"\", \"\"cost-center\"\": \"\"cc-1042\"\"}\"\n");
  Diagnostics diags;
  cost::Evaluation ev = LoadPricingWithActuals(root, pricing::Options(), &diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(FigureValue(ev, "ml") == "7.250000");
  CHECK(FigureValue(ev, "cc_total") == "7.250000");
  // Unquoted, the key stops at the dash: an error that shows the quoted form.
  TempDir tmp2;
  fs::path bad = Site(tmp2, R"y(model: m
title: {en: M}
as_of: 2024-10-31
unit: USD/month
figures:
  cc: {formula: 'actual(tag.cost-center="cc-1042")', unit: USD}
)y");
  Diagnostics bad_diags;
  LoadPricingWithActuals(bad, pricing::Options(), &bad_diags);
  REQUIRE(bad_diags.ErrorCount() == 1);
  CHECK(bad_diags.Sorted()[0].message ==
        "expected '=' after 'tag.cost' in actual() (a tag key with other characters is quoted: tag.\"cost…\")");
}

TEST_CASE("actual() naming nothing in the export is a positioned error, an empty month is 0 with a warning",
          "[load][actuals]") {
  TempDir tmp;
  fs::path root = Site(tmp, R"y(model: m
title: {en: M}
figures:
  s3: {formula: 'actual(ServiceName="Amazon S3", period=2024-09)', unit: USD/month}
  eks: {formula: '1 USD/month + actual(ServiceName="Amazon EKS", period=2024-09)', unit: USD/month}
)y");
  Diagnostics diags;
  cost::Evaluation ev = LoadPricingWithActuals(root, pricing::Options(), &diags);
  CHECK(FigureValue(ev, "s3") == "0.000000");
  std::vector<Diagnostic> all = diags.Sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].severity == Severity::kWarning);
  CHECK(all[0].message.find("no spend in period 2024-09") != std::string::npos);
  CHECK(all[1].severity == Severity::kError);
  CHECK(all[1].pos.path == "pricing/models/m.yaml");
  CHECK(all[1].pos.line == 5);
  CHECK(all[1].message == "actual() names nothing in the FOCUS export: no line has ServiceName=\"Amazon EKS\"");
}

TEST_CASE("actual() without an actuals/ folder is an error, and a malformed selection a parse error",
          "[load][actuals]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  WriteAll(root / "pricing/models/m.yaml", R"y(model: m
title: {en: M}
figures:
  a: {formula: 'actual(ServiceName="Amazon EC2")', unit: USD}
  b: {formula: 'actual(period=2024-13)', unit: USD}
  c: {formula: 'actual(ServiceName="x", ServiceName="y")', unit: USD}
)y");
  Diagnostics diags;
  LoadPricingWithActuals(root, pricing::Options(), &diags);
  std::string all = AllDiagnostics(diags);
  CHECK(all.find("actual() needs a FOCUS billing export") != std::string::npos);
  CHECK(all.find("period must be a month, YYYY-MM, not '2024-13'") != std::string::npos);
  CHECK(all.find("'ServiceName' is given twice in actual()") != std::string::npos);
}

}  // namespace
}  // namespace costsite::load
