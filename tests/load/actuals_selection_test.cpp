// Named selections of the FOCUS export in a model (`actuals:`), and
// measure= in actual(): each measure is read once and used by name.
#include <catch2/catch.hpp>

#include "load/site_loader.h"
#include "tests/test_util.h"

namespace costsite::load {
namespace {

namespace fs = std::filesystem;

// EC2 in October: BilledCost 100.10 + 0.004 - 20.00 = 80.104, EffectiveCost
// 90.00 + 0.004 - 20.00 = 70.004; S3: 30.333 billed, 30.00 effective.
constexpr const char* kExport =
    "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,BilledCost,EffectiveCost,Tags\n"
    "USD,2024-10-01T00:00:00Z,2024-10-02T00:00:00Z,AWS,Amazon EC2,100.10,90.00,\"{\"\"team\"\": \"\"web\"\"}\"\n"
    "USD,2024-10-01T05:00:00Z,2024-10-01T06:00:00Z,AWS,Amazon EC2,0.004,0.004,{}\n"
    "USD,2024-10-02T00:00:00Z,2024-10-03T00:00:00Z,AWS,Amazon EC2,-20.00,-20.00,{}\n"
    "USD,2024-10-02T00:00:00Z,2024-10-03T00:00:00Z,AWS,Amazon S3,30.333,30.00,\"{\"\"team\"\": \"\"web\"\"}\"\n";

cost::Evaluation Load(TempDir& tmp, const std::string& model, Diagnostics* diags) {
  WriteAll(tmp.path() / "actuals/2024-10.csv", kExport);
  WriteAll(tmp.path() / "pricing/models/m.yaml", model);
  return LoadPricingWithActuals(tmp.path(), pricing::Options(), diags);
}

std::string Value(const cost::Evaluation& ev, std::string_view figure) {
  const cost::Figure* f = ev.Find("m")->Find(figure);
  REQUIRE(f);
  return f->value.lo.RoundHalfAwayFromZero(20).ToFixed(6);
}

TEST_CASE("a model's named selections of the export are used in formulas by name", "[load][actuals]") {
  TempDir tmp;
  Diagnostics diags;
  cost::Evaluation ev = Load(tmp, R"y(model: m
title: {en: M}
unit: USD/month
actuals:
  ec2: {ServiceName: "Amazon EC2", period: 2024-10, measure: EffectiveCost, label: {en: EC2, zh: EC2}}
  ec2_billed: {ServiceName: "Amazon EC2", period: 2024-10}
  web: {"tag:team": web, period: 2024-10}
items:
  compute: {formula: ec2}
figures:
  billed: {formula: ec2_billed, unit: USD/month}
  discount: {formula: ec2_billed - ec2, unit: USD/month}
  web_s3: {formula: 'web - actual(ServiceName="Amazon EC2", tag.team="web", period=2024-10, measure=BilledCost)', unit: USD/month}
  effective_inline: {formula: 'actual(ServiceName="Amazon S3", period=2024-10, measure=EffectiveCost)', unit: USD/month}
)y", &diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(Value(ev, "total") == "70.004000");
  CHECK(Value(ev, "billed") == "80.104000");
  CHECK(Value(ev, "discount") == "10.100000");
  CHECK(Value(ev, "web_s3") == "30.333000");
  CHECK(Value(ev, "effective_inline") == "30.000000");
}

TEST_CASE("an unknown measure is an error where the selection is written", "[load][actuals]") {
  TempDir tmp;
  Diagnostics diags;
  Load(tmp, R"y(model: m
title: {en: M}
figures:
  a: {formula: 'actual(ServiceName="Amazon EC2", measure=Billed)', unit: USD}
)y", &diags);
  std::vector<Diagnostic> all = diags.Sorted();
  REQUIRE_FALSE(all.empty());
  CHECK(all[0].pos.path == "pricing/models/m.yaml");
  CHECK(all[0].pos.line == 4);
  CHECK(all[0].message.find("unknown measure 'Billed' (expected BilledCost, EffectiveCost, ListCost or ContractedCost)") !=
        std::string::npos);
}

}  // namespace
}  // namespace costsite::load
