// How an export's files name their columns: the same column under another
// letters' case or another FOCUS version's name, missing values written as
// NULL, line ends, and headers that are not FOCUS's.
#include "actuals/actuals.h"

#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace costsite::actuals {
namespace {

using cost::Decimal;

Decimal D(const char* text) { return *Decimal::Parse(text); }

Query GroupBy(std::string column) {
  Query q;
  q.group_by = {std::move(column)};
  return q;
}

// The totals of several files read as one export, in order.
Totals SumFiles(const std::vector<std::string>& files, Query q, Diagnostics& diags) {
  Accumulator acc(std::move(q));
  for (size_t i = 0; i < files.size(); ++i) {
    std::istringstream in(files[i]);
    acc.ParseFocus("actuals/" + std::to_string(i) + ".csv", in, diags);
  }
  return acc.Finish(diags);
}

std::map<std::string, std::string> ByKey(const Totals& t) {
  std::map<std::string, std::string> out;
  for (const GroupTotal& g : t.groups) out[g.key.at(0)] = g.total.ToString();
  return out;
}

TEST_CASE("actuals: a query's column is found in a file that writes it in other letters' case", "[actuals]") {
  const std::string lower =
      "billingcurrency,chargeperiodstart,chargeperiodend,servicename,billedcost\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,A,1.25\n";
  const std::string upper =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,A,4\n";
  for (const char* name : {"servicename", "ServiceName", "SERVICENAME"}) {
    INFO(name);
    Diagnostics diags;
    Totals t = SumFiles({lower, upper}, GroupBy(name), diags);
    INFO(AllDiagnostics(diags));
    CHECK_FALSE(diags.HasErrors());
    CHECK(ByKey(t) == std::map<std::string, std::string>{{"A", "5.25"}});
  }
}

TEST_CASE("actuals: FOCUS 1.3 and 1.0 names of one column read each other's files", "[actuals]") {
  const std::string v13 =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceProviderName,Region,BilledCost\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,AWS,us-east-1,1.25\n";
  const std::string v10 =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,RegionId,BilledCost\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,AWS,us-east-1,4\n";
  for (const char* name : {"ServiceProviderName", "ProviderName", "Region", "RegionId", "regionid"}) {
    INFO(name);
    Diagnostics diags;
    Totals t = SumFiles({v13, v10}, GroupBy(name), diags);
    INFO(AllDiagnostics(diags));
    CHECK_FALSE(diags.HasErrors());
    const std::string key = std::string(name).find("egion") != std::string::npos ? "us-east-1" : "AWS";
    CHECK(ByKey(t) == std::map<std::string, std::string>{{key, "5.25"}});
  }
  // A file with both names keeps each column its own.
  const std::string both =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceProviderName,BilledCost\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Reseller,AWS,2\n";
  Diagnostics diags;
  CHECK(ByKey(SumFiles({both}, GroupBy("ServiceProviderName"), diags)) ==
        std::map<std::string, std::string>{{"AWS", "2"}});
  CHECK(ByKey(SumFiles({both}, GroupBy("ProviderName"), diags)) ==
        std::map<std::string, std::string>{{"Reseller", "2"}});
}

TEST_CASE("actuals: HasColumn finds a query's column as LoadActuals does", "[actuals]") {
  const std::vector<std::string> columns = {"BilledCost", "ProviderName", "RegionId", "ServiceName", "x_Team"};
  CHECK(HasColumn(columns, "servicename"));
  CHECK(HasColumn(columns, "ServiceProviderName"));
  CHECK(HasColumn(columns, "Region"));
  CHECK(HasColumn(columns, "x_Team"));
  CHECK_FALSE(HasColumn(columns, "ServiceCategory"));
  CHECK_FALSE(HasColumn(columns, "x_team"));  // a provider's own column is read as written
}

TEST_CASE("actuals: an unquoted NULL is no value and a quoted one is text", "[actuals]") {
  const std::string csv =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeClass,BilledCost,ContractedCost,Tags\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,NULL,1.50,NULL,NULL\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,,2,1,\"{\"\"team\"\": \"\"ml\"\"}\"\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,\"NULL\",4,2,\n";
  Diagnostics diags;
  Totals t = SumFiles({csv}, GroupBy("ChargeClass"), diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(ByKey(t) == std::map<std::string, std::string>{{"", "3.5"}, {"NULL", "4"}});

  Query contracted = GroupBy("ChargeClass");
  contracted.measure = Measure::kContractedCost;
  Totals c = SumFiles({csv}, contracted, diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(c.groups.size() == 2);
  CHECK(ByKey(c) == std::map<std::string, std::string>{{"", "1"}, {"NULL", "2"}});
  CHECK(c.groups[0].empty_lines + c.groups[1].empty_lines == 1);

  Totals tags = SumFiles({csv}, GroupBy("tag:team"), diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(ByKey(tags) == std::map<std::string, std::string>{{"", "5.5"}, {"ml", "2"}});
}

TEST_CASE("actuals: lines ended by CR CR LF read as lines", "[actuals]") {
  const std::string csv =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,BilledCost,ServiceName\r\r\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,1.25,A\r\r\n"
      "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,2,A\r\r\n";
  Diagnostics diags;
  Totals t = SumFiles({csv}, GroupBy("ServiceName"), diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(ByKey(t) == std::map<std::string, std::string>{{"A", "3.25"}});
}

TEST_CASE("actuals: a provider's own export is one error that says what it is", "[actuals]") {
  Diagnostics diags;
  SumFiles({"identity/LineItemId,bill/BillingPeriodStartDate,lineItem/UsageStartDate,lineItem/UnblendedCost,"
            "lineItem/CurrencyCode\n"
            "a1,2024-09-01T00:00:00Z,2024-09-01T00:00:00Z,1.5,USD\n"},
           GroupBy("ServiceName"), diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.Sorted()[0].pos.line == 1);
  CHECK(diags.Sorted()[0].message ==
        "the header has no column 'BilledCost', 'BillingCurrency', 'ChargePeriodStart' or 'ChargePeriodEnd': this "
        "looks like an AWS Cost and Usage Report, not a FOCUS export; export the bill in FOCUS format instead");
}

}  // namespace
}  // namespace costsite::actuals
