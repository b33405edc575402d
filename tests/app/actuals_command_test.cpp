#include "app/actuals_command.h"

#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/app/run_costsite.h"
#include "tests/test_util.h"

namespace costsite {
namespace {

const char* kCsv =
    "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost,Tags\n"
    "USD,2025-03-01T00:00:00Z,2025-03-02T00:00:00Z,Compute,10.005,\"{\"\"team\"\": \"\"ml\"\"}\"\n"
    "CNY,2025-03-01T00:00:00Z,2025-03-02T00:00:00Z,Compute,72.00,\"{\"\"team\"\": \"\"ml\"\"}\"\n"
    "CNY,2025-06-02T00:00:00Z,2025-06-03T00:00:00Z,Storage,7.30,\n"
    "USD,2025-06-02T00:00:00Z,2025-06-03T00:00:00Z,Storage,-0.0001,\n";

std::string Run(ActualsRequest req, int* rc, std::string* errors) {
  std::ostringstream out;
  Diagnostics diags;
  *rc = RunActuals(req, out, diags);
  *errors = AllDiagnostics(diags);
  return out.str();
}

TEST_CASE("actuals command: text totals per group and currency", "[app][actuals]") {
  TempDir site;
  WriteAll(site.path() / "actuals/2025.csv", kCsv);
  ActualsRequest req;
  req.source_dir = site.path().string();
  req.group_by = {"ServiceName"};
  int rc = -1;
  std::string errors;
  std::string out = Run(req, &rc, &errors);
  INFO(errors);
  CHECK(rc == 0);
  CHECK(out ==
        "ServiceName  Lines  BilledCost  Currency\n"
        "Compute          1          72  CNY\n"
        "Storage          1         7.3  CNY\n"
        "Compute          1      10.005  USD\n"
        "Storage          1     -0.0001  USD\n"
        "Total            2        79.3  CNY\n"
        "Total            2     10.0049  USD\n"
        "4 of 4 lines in 1 file\n");
}

TEST_CASE("actuals command: files of one export with different columns and a file's name in capitals",
          "[app][actuals]") {
  // A second file in capitals (COST.CSV) without Tags: its lines have no tag,
  // and a column no file has is an error that names the one meant.
  TempDir site;
  WriteAll(site.path() / "actuals/2025.csv", kCsv);
  WriteAll(site.path() / "actuals/OLD.CSV",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
           "USD,2025-03-05T00:00:00Z,2025-03-06T00:00:00Z,Compute,1.5\n");
  ActualsRequest req;
  req.source_dir = site.path().string();
  req.group_by = {"tag:team"};
  int rc = -1;
  std::string errors;
  std::string out = Run(req, &rc, &errors);
  INFO(errors);
  CHECK(rc == 0);
  CHECK(out.find("5 of 5 lines in 2 files") != std::string::npos);
  CHECK(out.find("              2      1.4999  USD\n") != std::string::npos);  // -0.0001 and 1.5, untagged
  req.group_by = {"ServiceNam"};
  Run(req, &rc, &errors);
  CHECK(rc != 0);
  CHECK(errors.find("unknown column 'ServiceNam' in --group: no file of the export has it (did you mean "
                    "'ServiceName'?)") != std::string::npos);
}

TEST_CASE("actuals command: --currency converts each line at the rate of its date", "[app][actuals]") {
  TempDir site;
  WriteAll(site.path() / "actuals/2025.csv", kCsv);
  WriteAll(site.path() / "pricing/fx.yaml",
           "rates:\n  - {base: USD, quote: CNY, rate: 7.20, date: 2025-01-01}\n"
           "  - {base: USD, quote: CNY, rate: 7.30, date: 2025-06-01}\n");
  ActualsRequest req;
  req.source_dir = site.path().string();
  req.group_by = {"tag:team"};
  req.currency = "USD";
  req.json = true;
  int rc = -1;
  std::string errors;
  nlohmann::json j = nlohmann::json::parse(Run(req, &rc, &errors));
  INFO(errors);
  REQUIRE(rc == 0);
  REQUIRE(j["groups"].size() == 2);
  // 10.005 + 72 / 7.20 = 20.005; 7.30 / 7.30 - 0.0001 = 0.9999
  CHECK(j["groups"][0]["key"]["tag:team"] == "ml");
  CHECK(j["groups"][0]["total"] == "20.005");
  CHECK(j["groups"][1]["key"]["tag:team"] == "");
  CHECK(j["groups"][1]["total"] == "0.9999");
  CHECK(j["totals"][0]["total"] == "21.0049");
  CHECK(j["currency"] == "USD");
}

TEST_CASE("actuals command: bad requests and bad lines", "[app][actuals]") {
  TempDir site;
  WriteAll(site.path() / "actuals/2025.csv", std::string(kCsv) + "EUR,2025-06-02,2025-06-03,Storage,x,\n");
  std::string src = " --source " + site.path().string();
  CliResult bad_line = Costsite("actuals" + src + " --group ServiceName");
  CHECK(bad_line.exit_code == 1);
  CHECK(bad_line.output ==
        "actuals/2025.csv:6:35: error: malformed BilledCost 'x': write a decimal number such as -0.0042\n"
        " 6 | EUR,2025-06-02,2025-06-03,Storage,x,\n"
        "   |                                   ^\n");
  CliResult measure = Costsite("actuals" + src + " --measure Billed");
  CHECK(measure.exit_code == 2);
  CHECK(measure.output.find("unknown measure 'Billed'") != std::string::npos);
  CliResult period = Costsite("actuals" + src + " --period 2025-13");
  CHECK(period.exit_code == 2);
  CliResult none = Costsite("actuals --source " + (site.path() / "actuals").string());
  CHECK(none.exit_code == 1);
  CHECK(none.output.find("no actuals/ folder") != std::string::npos);
}

}  // namespace
}  // namespace costsite
