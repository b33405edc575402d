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

TEST_CASE("actuals command: an export in Parquet or a ZIP is named in a warning, once, and not read", "[app][actuals]") {
  TempDir site;
  WriteAll(site.path() / "actuals/2025.csv", kCsv);
  WriteAll(site.path() / "actuals/2025-07/part-0.snappy.parquet", "PAR1");
  WriteAll(site.path() / "actuals/cur-2025-08.csv.zip", "PK");
  WriteAll(site.path() / "actuals/manifest.json", "{}");  // an export folder's manifest: no warning
  ActualsRequest req;
  req.source_dir = site.path().string();
  req.group_by = {"ServiceName"};
  int rc = -1;
  std::string errors;
  Run(req, &rc, &errors);
  CHECK(rc == 0);
  CHECK(errors ==
        "actuals/2025-07/part-0.snappy.parquet: warning: not read: costsite reads FOCUS exports as CSV (.csv or "
        ".csv.gz); export it as CSV, or convert it (duckdb -c \"COPY (FROM 'x.parquet') TO 'x.csv'\")\n"
        "actuals/cur-2025-08.csv.zip: warning: not read: costsite reads FOCUS exports as CSV (.csv or .csv.gz); "
        "export it as CSV, or convert it (duckdb -c \"COPY (FROM 'x.parquet') TO 'x.csv'\")\n");
}

TEST_CASE("actuals command: columns line up when a group is named in Chinese", "[app][actuals]") {
  // Alibaba Cloud and Tencent Cloud name their services in Chinese: each
  // character takes two columns of a terminal (and three bytes).
  TempDir site;
  WriteAll(site.path() / "actuals/2024-09.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
           "CNY,2024-09-01T00:00:00+08:00,2024-09-01T01:00:00+08:00,云服务器 ECS,187.5\n"
           "CNY,2024-09-02T00:00:00+08:00,2024-09-02T01:00:00+08:00,CDN,14.25\n");
  ActualsRequest req;
  req.source_dir = site.path().string();
  req.group_by = {"ServiceName"};
  int rc = -1;
  std::string errors;
  std::string out = Run(req, &rc, &errors);
  INFO(errors);
  CHECK(rc == 0);
  CHECK(out ==
        "ServiceName   Lines  BilledCost  Currency\n"
        "云服务器 ECS      1       187.5  CNY\n"
        "CDN               1       14.25  CNY\n"
        "Total             2      201.75  CNY\n"
        "2 of 2 lines in 1 file\n");
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

TEST_CASE("actuals command: totals print every digit of an exact sum", "[app][actuals]") {
  TempDir site;
  WriteAll(site.path() / "actuals/a.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
           "JPY,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,12345678901.5\n"
           "JPY,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,1.1102230246251565E-16\n");
  ActualsRequest req;
  req.source_dir = site.path().string();
  int rc = -1;
  std::string errors;
  std::string out = Run(req, &rc, &errors);
  INFO(errors);
  CHECK(rc == 0);
  CHECK(out ==
        "       Lines                                    BilledCost  Currency\n"
        "(all)      2  12345678901.50000000000000011102230246251565  JPY\n"
        "Total      2  12345678901.50000000000000011102230246251565  JPY\n"
        "2 of 2 lines in 1 file\n");
}

TEST_CASE("actuals command: --group does not hide why a file's header does not read", "[app][actuals]") {
  // Saved again by a spreadsheet as UTF-16, or with semicolons: the header
  // names no ServiceName that can be seen, yet the file's own error is the
  // mistake to report, not an unknown column.
  TempDir site;
  std::string header = "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : header) utf16 += std::string{c, '\0'};
  WriteAll(site.path() / "actuals/utf16.csv", utf16);
  ActualsRequest req;
  req.source_dir = site.path().string();
  req.group_by = {"ServiceName"};
  int rc = -1;
  std::string errors;
  CHECK(Run(req, &rc, &errors).empty());
  CHECK(rc == 1);
  CHECK(errors ==
        "actuals/utf16.csv:1:1: error: the file is UTF-16 text: FOCUS exports are UTF-8; save it again as UTF-8 CSV\n");
  TempDir semi;
  WriteAll(semi.path() / "actuals/semicolon.csv",
           "BillingCurrency;ChargePeriodStart;ChargePeriodEnd;ServiceName;BilledCost\nUSD;2024-09-01;2024-09-02;S3;1,5\n");
  req.source_dir = semi.path().string();
  CHECK(Run(req, &rc, &errors).empty());
  CHECK(rc == 1);
  CHECK(errors ==
        "actuals/semicolon.csv:1:16: error: the header is one column holding ';': FOCUS exports are comma-separated; "
        "save the file again as CSV with commas\n"
        " 1 | BillingCurrency;ChargePeriodStart;ChargePeriodEnd;ServiceName;BilledCost\n"
        "   |                ^\n");
  // Beside a file that reads, a column no file has is still named.
  WriteAll(semi.path() / "actuals/ok.csv", kCsv);
  std::filesystem::remove(semi.path() / "actuals/semicolon.csv");
  req.group_by = {"ServiceNmae"};
  Run(req, &rc, &errors);
  CHECK(rc == 1);
  CHECK(errors ==
        "costsite: error: unknown column 'ServiceNmae' in --group: no file of the export has it "
        "(did you mean 'ServiceName'?)\n");
}

TEST_CASE("a bad export line fails a build once, and what reads the export says nothing more", "[app][actuals]") {
  // Two files, one with a bad line; a formula's actual() and a page's
  // `cost actuals` block both read the export. Before, the line was
  // reported once per read, then each reader said the folder held no export
  // that loaded, though one file read well.
  TempDir site;
  const std::filesystem::path root = site.path() / "src";
  WriteAll(root / "site.yaml", "title: {zh: 站, en: Site}\nlanguages: [zh, en]\n");
  WriteAll(root / "content/a.en.md", "---\ntitle: A\n---\n\nS3: `=m.s3`.\n\n```cost actuals group=ServiceName\n```\n");
  WriteAll(root / "content/a.zh.md", "---\ntitle: 甲\n---\n\n正文。\n");
  WriteAll(root / "pricing/models/m.yaml",
           "model: m\ntitle: {en: M}\nfigures:\n  s3: {formula: 'actual(ServiceName=\"S3\")', unit: USD}\n");
  WriteAll(root / "actuals/good.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
           "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,2\n");
  WriteAll(root / "actuals/bad.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
           "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,\"1,234.56\"\n");
  CliResult r = Costsite("build --source " + root.string() + " --out " + (site.path() / "out").string());
  CHECK(r.exit_code == 1);
  CHECK(r.output ==
        "actuals/bad.csv:2:50: error: malformed BilledCost '1,234.56': write a decimal number such as -0.0042\n"
        " 2 | USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,\"1,234.56\"\n"
        "   |                                                  ^~~~~~~~~~\n"
        "1 error, 0 warnings; nothing was written\n");
}

}  // namespace
}  // namespace costsite
