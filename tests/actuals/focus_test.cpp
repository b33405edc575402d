#include "actuals/actuals.h"

#include <sys/resource.h>

#include <map>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "cost/decimal_text.h"
#include "tests/app/run_costsite.h"
#include "tests/test_util.h"

namespace costsite::actuals {
namespace {

using cost::Decimal;

const char* kHeader = "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost,EffectiveCost,Tags\n";

Decimal D(const char* text) { return *Decimal::Parse(text); }

// `units` × 10^-7 in decimal notation, by integer arithmetic only.
std::string FromScaledUnits(int64_t units) {
  bool negative = units < 0;
  unsigned long long a = negative ? 0ULL - static_cast<unsigned long long>(units) : static_cast<unsigned long long>(units);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%llu.%07llu", negative ? "-" : "", a / 10000000, a % 10000000);
  return buf;
}

Totals Sum(const std::string& csv, Query q, Diagnostics& diags, const std::string& path = "actuals/a.csv") {
  Accumulator acc(std::move(q));
  std::istringstream in(csv);
  acc.ParseFocus(path, in, diags);
  return acc.Finish(diags);
}

Query ByService() {
  Query q;
  q.group_by = {"ServiceName"};
  return q;
}

const GroupTotal* Find(const Totals& t, const std::string& key, const std::string& currency = "USD") {
  for (const GroupTotal& g : t.groups)
    if (!g.key.empty() && g.key[0] == key && g.currency == currency) return &g;
  return nullptr;
}

TEST_CASE("actuals: quoted fields, a BOM and CRLF line endings", "[actuals]") {
  std::string csv = std::string("\xEF\xBB\xBF") + kHeader;
  csv.replace(csv.size() - 1, 1, "\r\n");
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,\"Compute, \"\"large\"\"\",1.50,1.50,\r\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,\"Two\nlines\",2,2,\r\n";
  csv += "USD,2024-09-02T00:00:00Z,2024-09-03T00:00:00Z,\"Compute, \"\"large\"\"\",0.25,0.25,\r\n";
  Diagnostics diags;
  Totals t = Sum(csv, ByService(), diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  REQUIRE(t.groups.size() == 2);
  const GroupTotal* compute = Find(t, "Compute, \"large\"");
  REQUIRE(compute);
  CHECK(compute->total == D("1.75"));
  CHECK(compute->lines == 2);
  const GroupTotal* two = Find(t, "Two\nlines");
  REQUIRE(two);
  CHECK(two->total == D("2"));
  CHECK(t.lines_read == 3);
}

TEST_CASE("actuals: empty measures, credits and amounts under a cent are kept exactly", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,0.0000001,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,-12.345678901234567891,,\n";  // 21 decimals: the wide path
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,0.0000002,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,-5.00,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,1e-3,,\n";
  Diagnostics diags;
  Totals t = Sum(csv, ByService(), diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  const GroupTotal* s3 = Find(t, "S3");
  REQUIRE(s3);
  CHECK(s3->total == D("-12.345678601234567891"));
  CHECK(s3->lines == 4);
  CHECK(s3->empty_lines == 1);
  const GroupTotal* ec2 = Find(t, "EC2");
  REQUIRE(ec2);
  CHECK(ec2->total == D("-4.999"));
  // Sorted largest first; the sum of every group is their exact total.
  CHECK(t.groups[0].key[0] == "EC2");
  REQUIRE(t.sums.size() == 1);
  CHECK(t.sums[0].total == D("-17.344678601234567891"));
  CHECK(t.sums[0].lines == 6);
}

TEST_CASE("actuals: a malformed amount is an error with its place and caret", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.00,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,12.3.4,,\n";
  Diagnostics diags;
  Totals t = Sum(csv, ByService(), diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(FormatDiagnostic(diags.Sorted()[0]) ==
        "actuals/a.csv:3:50: error: malformed BilledCost '12.3.4': write a decimal number such as -0.0042\n"
        " 3 | USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,12.3.4,,\n"
        "   | " + std::string(49, ' ') + "^~~~~~\n");
  // The file with a bad line counts nothing, so no total is partly right.
  CHECK(t.groups.empty());
  CHECK(t.lines_read == 2);
}

TEST_CASE("actuals: malformed lines of every kind are reported, each once", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.00,\n";                // 6 fields
  csv += "US,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.00,,\n";               // currency
  csv += "USD,2024-09-31,2024-09-02T00:00:00Z,S3,1.00,,\n";                        // no 31 September
  csv += "USD,2024-13-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.00,,\n";              // month 13
  csv += "USD,2024-09-03T00:00:00Z,2024-09-02T00:00:00Z,S3,1.00,,\n";              // end before start
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S\"3,1.00,,\n";            // stray quote
  csv += "USD,2024-09-01T00:00:00 PST,2024-09-02T00:00:00Z,S3,1.00,,\n";          // a zone name
  Diagnostics diags;
  Sum(csv, ByService(), diags);
  std::vector<Diagnostic> ds = diags.Sorted();
  std::vector<std::string> got;
  for (const Diagnostic& d : ds) got.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.message);
  CHECK(got == std::vector<std::string>{
                   "2:55 6 fields, but the header has 7",
                   "3:1 unknown currency 'US'",
                   "4:5 malformed ChargePeriodStart '2024-09-31': write an ISO 8601 time, 2024-09-01T00:00:00Z",
                   "5:5 malformed ChargePeriodStart '2024-13-01T00:00:00Z': write an ISO 8601 time, 2024-09-01T00:00:00Z",
                   "6:26 ChargePeriodEnd is before ChargePeriodStart (2024-09-03T00:00:00Z)",
                   "7:48 a quote inside an unquoted field (quote the whole field and double the quote)",
                   "8:5 malformed ChargePeriodStart '2024-09-01T00:00:00 PST': write an ISO 8601 time, "
                   "2024-09-01T00:00:00Z",
               });
}

TEST_CASE("actuals: a missing column and an unclosed quote", "[actuals]") {
  Diagnostics diags;
  Sum("ChargePeriodStart,ChargePeriodEnd,BilledCost,ServiceName\n", ByService(), diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.Sorted()[0].message == "the header has no column 'BillingCurrency'");
  // A column to group by that this file lacks (another file of the export
  // may have it) reads as empty on its lines.
  Diagnostics lacking;
  Totals t = Sum("BillingCurrency,ChargePeriodStart,ChargePeriodEnd,BilledCost\n"
                 "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,2.50\n",
                 ByService(), lacking);
  INFO(AllDiagnostics(lacking));
  CHECK_FALSE(lacking.HasErrors());
  REQUIRE(t.groups.size() == 1);
  CHECK(t.groups[0].key == std::vector<std::string>{""});
  CHECK(t.groups[0].total == D("2.50"));
  Diagnostics diags2;
  Sum(std::string(kHeader) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,\"S3,1.00,,\n", ByService(), diags2);
  REQUIRE(diags2.ErrorCount() == 1);
  CHECK(diags2.Sorted()[0].pos.line == 2);
  CHECK(diags2.Sorted()[0].message == "unclosed quote: the file ends inside a quoted field");
}

TEST_CASE("actuals: exports as SQL engines and other tools write them", "[actuals]") {
  // Athena and BigQuery lower-case the column names, Oracle's warehouse upper-cases them.
  for (const char* header : {"billingcurrency,chargeperiodstart,chargeperiodend,servicename,billedcost\n",
                             "BILLINGCURRENCY,CHARGEPERIODSTART,CHARGEPERIODEND,SERVICENAME,BILLEDCOST\n"}) {
    Diagnostics diags;
    Totals t = Sum(std::string(header) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,2\n", ByService(), diags);
    INFO(header << AllDiagnostics(diags));
    CHECK_FALSE(diags.HasErrors());
    REQUIRE(t.groups.size() == 1);
    CHECK(t.groups[0].key == std::vector<std::string>{"EC2"});
  }
  // A line without its currency, a file of CR-only lines, and Windows-1252
  // text are errors at their place, not a blank currency, an empty file or
  // a name shown as broken characters.
  Diagnostics empty_currency;
  Sum(std::string(kHeader) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1,,\n"
                             ",2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,7.25,,\n",
      ByService(), empty_currency);
  REQUIRE(empty_currency.ErrorCount() == 1);
  CHECK(empty_currency.Sorted()[0].pos.line == 3);
  CHECK(empty_currency.Sorted()[0].message == "empty BillingCurrency: each line says its currency");
  Diagnostics cr;
  Sum("BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\rUSD,2024-09-01T00:00:00Z,"
      "2024-09-02T00:00:00Z,EC2,2\r",
      ByService(), cr);
  REQUIRE(cr.ErrorCount() == 1);
  CHECK(cr.Sorted()[0].message ==
        "the lines end with a carriage return alone: save the file again with LF or CRLF line ends");
  Diagnostics latin1;
  Sum(std::string(kHeader) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Caf\xe9,1,,\n", ByService(), latin1);
  REQUIRE(latin1.ErrorCount() == 1);
  CHECK(latin1.Sorted()[0].pos.col == 47);  // the ServiceName field
  CHECK(latin1.Sorted()[0].message == "invalid UTF-8: FOCUS exports are UTF-8; save the file again as UTF-8 CSV");
}

TEST_CASE("actuals: currencies new to ISO 4217 and withdrawn ones are summed each on its own", "[actuals]") {
  // ZWG (2024), VED (2021), XCG (2025); HRK, withdrawn in 2023, on an old bill.
  std::string csv = kHeader;
  csv += "ZWG,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.25,,\n";
  csv += "VED,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,2,,\n";
  csv += "XCG,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,3,,\n";
  csv += "HRK,2022-12-01T00:00:00Z,2022-12-02T00:00:00Z,S3,4,,\n";
  csv += "ZWG,2024-09-02T00:00:00Z,2024-09-03T00:00:00Z,S3,0.75,,\n";
  Diagnostics diags;
  Totals t = Sum(csv, ByService(), diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  REQUIRE(t.sums.size() == 4);
  CHECK(Find(t, "S3", "ZWG")->total == D("2"));
  CHECK(Find(t, "S3", "ZWG")->lines == 2);
  CHECK(Find(t, "S3", "VED")->total == D("2"));
  CHECK(Find(t, "S3", "XCG")->total == D("3"));
  CHECK(Find(t, "S3", "HRK")->total == D("4"));
}

TEST_CASE("actuals: a period selects lines by the start of their charge period", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-08-31T23:00:00Z,2024-09-01T00:00:00Z,S3,1,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,2,,\n";
  csv += "USD,2024-09-30T23:00:00Z,2024-10-01T00:00:00Z,S3,4,,\n";
  csv += "USD,2024-10-01T00:00:00Z,2024-10-02T00:00:00Z,S3,8,,\n";
  Query q = ByService();
  q.period = "2024-09";
  Diagnostics diags;
  Totals t = Sum(csv, q, diags);
  REQUIRE(t.groups.size() == 1);
  CHECK(t.groups[0].total == D("6"));
  CHECK(t.lines_read == 4);
  CHECK(t.lines_selected == 2);
}

TEST_CASE("actuals: times as providers write them are read in UTC", "[actuals]") {
  // AWS: milliseconds and Z; Google BigQuery's CSV export: a space and
  // " UTC"; OCI: minutes without seconds; Azure: seven fractional digits;
  // converters: an offset, which moves the line into the month it is in UTC.
  std::string csv = kHeader;
  csv += "USD,2024-09-01T00:00:00.000Z,2024-09-01T01:00:00.000Z,S3,1,,\n";
  csv += "USD,2024-09-01 07:00:00.123456 UTC,2024-09-01 08:00:00 UTC,S3,2,,\n";
  csv += "USD,2024-09-02T00:00Z,2024-09-02T01:00Z,S3,4,,\n";
  csv += "USD,2024-09-03T00:00:00.0000000Z,2024-09-04T00:00:00.0000000Z,S3,8,,\n";
  csv += "USD,2024-08-31T20:00:00-05:00,2024-08-31T21:00:00-05:00,S3,16,,\n";  // 2024-09-01T01:00Z
  csv += "USD,2024-10-01T06:00:00+08:00,2024-10-01T07:00:00+0800,S3,32,,\n";   // 2024-09-30T22:00Z
  csv += "USD,2024-09-30T23:30:00-01,2024-10-01T00:30:00-01,S3,64,,\n";         // October in UTC
  csv += "USD,2024-09-30T24:00:00Z,2024-10-01T01:00:00Z,S3,128,,\n";            // October's first midnight
  Query q = ByService();
  q.period = "2024-09";
  q.by_day = true;
  Diagnostics diags;
  Totals t = Sum(csv, q, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(t.lines_read == 8);
  CHECK(t.lines_selected == 6);
  std::map<std::string, Decimal> by_day;
  for (const GroupTotal& g : t.groups) by_day[g.key.back()] += g.total;
  CHECK(by_day == std::map<std::string, Decimal>{{"2024-09-01", D("19")}, {"2024-09-02", D("4")},
                                                 {"2024-09-03", D("8")}, {"2024-09-30", D("32")}});
}

TEST_CASE("actuals: a lowercase t before the time is read, as RFC 3339 allows", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-09-01t00:00:00Z,2024-09-02t00:00:00z,S3,1.5,,\n";
  csv += "USD,2024-09-30t23:30:00-01:00,2024-10-01t00:30:00-01:00,S3,2,,\n";  // October in UTC
  Query q = ByService();
  q.period = "2024-09";
  Diagnostics diags;
  Totals t = Sum(csv, q, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(t.lines_read == 2);
  CHECK(t.lines_selected == 1);
  REQUIRE(Find(t, "S3"));
  CHECK(Find(t, "S3")->total == D("1.5"));
}

TEST_CASE("actuals: a day the calendar lacks is an error under the whole field, quotes included", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-02-30T00:00:00Z,2024-03-01T00:00:00Z,S3,1,,\n";
  csv += "USD,\"2024-02-30T00:00:00Z\",2024-03-01T00:00:00Z,S3,1,,\n";
  csv += "USD,2024-02-28T00:00:00Z,\"2023-02-29\",S3,1,,\n";
  csv += "USD,2024-02-28T00:00:00Z,2024-02-29T00:00:00Z,S3,1,\"2\"\n";  // 6 fields: the caret after the quote
  Diagnostics diags;
  Totals t = Sum(csv, ByService(), diags);
  REQUIRE(diags.ErrorCount() == 4);
  std::vector<Diagnostic> all = diags.Sorted();
  CHECK(FormatDiagnostic(all[0]) ==
        "actuals/a.csv:2:5: error: malformed ChargePeriodStart '2024-02-30T00:00:00Z': write an ISO 8601 time, "
        "2024-09-01T00:00:00Z\n"
        " 2 | USD,2024-02-30T00:00:00Z,2024-03-01T00:00:00Z,S3,1,,\n"
        "   |     ^~~~~~~~~~~~~~~~~~~~\n");
  CHECK(FormatDiagnostic(all[1]) ==
        "actuals/a.csv:3:5: error: malformed ChargePeriodStart '2024-02-30T00:00:00Z': write an ISO 8601 time, "
        "2024-09-01T00:00:00Z\n"
        " 3 | USD,\"2024-02-30T00:00:00Z\",2024-03-01T00:00:00Z,S3,1,,\n"
        "   |     ^~~~~~~~~~~~~~~~~~~~~~\n");
  CHECK(FormatDiagnostic(all[2]) ==
        "actuals/a.csv:4:26: error: malformed ChargePeriodEnd '2023-02-29': write an ISO 8601 time, "
        "2024-09-02T00:00:00Z\n"
        " 4 | USD,2024-02-28T00:00:00Z,\"2023-02-29\",S3,1,,\n"
        "   |                          ^~~~~~~~~~~~\n");
  CHECK(all[3].pos.col == 55);
  CHECK(all[3].message == "6 fields, but the header has 7");
  CHECK(t.groups.empty());
}

TEST_CASE("actuals: an offset that is not one, and an hour past midnight, are errors", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-09-01T00:00:00+8:00,2024-09-02T00:00:00Z,S3,1,,\n";
  csv += "USD,2024-09-01T25:00:00Z,2024-09-02T00:00:00Z,S3,1,,\n";
  csv += "USD,2024-09-01T00:00:00.Z,2024-09-02T00:00:00Z,S3,1,,\n";
  Diagnostics diags;
  Totals t = Sum(csv, ByService(), diags);
  CHECK(diags.ErrorCount() == 3);
  CHECK(t.groups.empty());
}

TEST_CASE("actuals: columns by their older FOCUS names, as OCI's reports write them", "[actuals]") {
  // The first columns of an OCI FOCUS report: Provider and Region, not
  // ProviderName and RegionId; a FOCUS 0.5 file: AmortizedCost.
  std::string csv =
      "AvailabilityZone,BilledCost,BillingAccountId,BillingCurrency,ChargePeriodEnd,ChargePeriodStart,"
      "AmortizedCost,Provider,Region,ServiceName,Tags\n"
      "us-ashburn-1-AD-1,12.50,12345,USD,2024-09-02T00:00Z,2024-09-01T00:00Z,12.40,Oracle,us-ashburn-1,"
      "COMPUTE,\"{\"\"env\"\":\"\"prod\"\"}\"\n"
      "us-ashburn-1-AD-1,0.000123,12345,USD,2024-09-02T00:00Z,2024-09-01T00:00Z,0.0001,Oracle,us-phoenix-1,"
      "OBJECTSTORE,\n";
  Query q;
  q.group_by = {"ProviderName", "RegionId"};
  q.measure = Measure::kEffectiveCost;
  Diagnostics diags;
  Totals t = Sum(csv, q, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  REQUIRE(t.groups.size() == 2);
  CHECK(t.groups[0].key == std::vector<std::string>{"Oracle", "us-ashburn-1"});
  CHECK(t.groups[0].total == D("12.40"));
  CHECK(t.groups[1].key == std::vector<std::string>{"Oracle", "us-phoenix-1"});
  CHECK(t.groups[1].total == D("0.0001"));
  CHECK(CurrentColumnName("Region") == "RegionId");
  // FOCUS 1.3 names the provider ServiceProviderName (beside HostProviderName).
  Diagnostics v13;
  Totals n = Sum("BilledCost,BillingCurrency,ChargePeriodEnd,ChargePeriodStart,HostProviderName,ServiceProviderName\n"
                 "42.00,USD,2025-06-01T00:00:00Z,2025-05-01T00:00:00Z,Solora AI,Solora AI\n",
                 [] { Query r; r.group_by = {"ProviderName"}; return r; }(), v13);
  INFO(AllDiagnostics(v13));
  REQUIRE(n.groups.size() == 1);
  CHECK(n.groups[0].key == std::vector<std::string>{"Solora AI"});
  CHECK(CurrentColumnName("RegionId").empty());
  // A header with both names reads the current one.
  Diagnostics both;
  Totals b = Sum("BillingCurrency,ChargePeriodStart,ChargePeriodEnd,Region,RegionId,BilledCost\n"
                 "USD,2024-09-01,2024-09-02,old,new,1\n",
                 [] { Query r; r.group_by = {"RegionId"}; return r; }(), both);
  REQUIRE(b.groups.size() == 1);
  CHECK(b.groups[0].key == std::vector<std::string>{"new"});
}

TEST_CASE("actuals: a UTF-16 or semicolon-separated file is one error that says so", "[actuals]") {
  // Saved again by a spreadsheet: UTF-16 with its byte order mark, or
  // semicolons between the fields (and decimal commas).
  std::string header = "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\r\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : header) utf16 += std::string{c, '\0'};
  Diagnostics diags;
  Totals t = Sum(utf16, ByService(), diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(FormatDiagnostic(diags.Sorted()[0]) ==
        "actuals/a.csv:1:1: error: the file is UTF-16 text: FOCUS exports are UTF-8; save it again as UTF-8 CSV\n");
  CHECK(t.groups.empty());
  Diagnostics semi;
  Sum("BillingCurrency;ChargePeriodStart;ChargePeriodEnd;ServiceName;BilledCost\nUSD;2024-09-01;2024-09-02;S3;1,5\n",
      ByService(), semi);
  REQUIRE(semi.ErrorCount() == 1);
  CHECK(FormatDiagnostic(semi.Sorted()[0]) ==
        "actuals/a.csv:1:16: error: the header is one column holding ';': FOCUS exports are comma-separated; save "
        "the file again as CSV with commas\n"
        " 1 | BillingCurrency;ChargePeriodStart;ChargePeriodEnd;ServiceName;BilledCost\n"
        "   |                ^\n");
}

TEST_CASE("actuals: binary data named .csv is not called UTF-16", "[actuals]") {
  // A macOS "._" file beside the export (AppleDouble: magic, version, then
  // "Mac OS X"), and UTF-16 text without its byte order mark.
  const std::string apple_double("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\n", 29);
  Diagnostics diags;
  Totals t = Sum(apple_double, ByService(), diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(FormatDiagnostic(diags.Sorted()[0]) ==
        "actuals/a.csv:1:1: error: the file is binary data, not CSV text (a macOS \"._\" file, or a Parquet or ZIP "
        "file named .csv?): remove it from actuals/, or export the bill as CSV\n");
  CHECK(t.groups.empty());
  std::string utf16;
  for (char c : std::string("BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"))
    utf16 += std::string{c, '\0'};
  Diagnostics no_bom;
  Sum(utf16, ByService(), no_bom);
  REQUIRE(no_bom.ErrorCount() == 1);
  CHECK(no_bom.Sorted()[0].message == "the file is UTF-16 text: FOCUS exports are UTF-8; save it again as UTF-8 CSV");
}

TEST_CASE("actuals: tag groups and the effective measure", "[actuals]") {
  std::string csv = kHeader;
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1,0.5,\"{\"\"team\"\": \"\"data\"\", \"\"cc\"\": 7}\"\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1,0.25,\"{\"\"team\"\": \"\"web\"\"}\"\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,1,2,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,1,4,\"{\"\"team\"\": \"\"data\"\"}\"\n";
  Query q;
  q.group_by = {"tag:team", "tag:cc"};
  q.measure = Measure::kEffectiveCost;
  Diagnostics diags;
  Totals t = Sum(csv, q, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  REQUIRE(t.groups.size() == 4);
  CHECK(t.groups[0].key == std::vector<std::string>{"data", ""});
  CHECK(t.groups[0].total == D("4"));
  CHECK(t.groups[1].key == std::vector<std::string>{"", ""});
  CHECK(t.groups[1].total == D("2"));
  CHECK(t.groups[2].key == std::vector<std::string>{"data", "7"});
  CHECK(t.groups[3].key == std::vector<std::string>{"web", ""});

  Diagnostics bad;
  Sum(std::string(kHeader) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1,1,[1]\n", q, bad);
  REQUIRE(bad.ErrorCount() == 1);
  CHECK(bad.Sorted()[0].message ==
        "malformed Tags: write a JSON object such as {\"team\": \"data\"}, or a list of {\"key\": …, \"value\": …}");

  // Google Cloud's FOCUS view: a list of {key, value} records.
  Diagnostics gcp;
  Totals listed = Sum(std::string(kHeader) +
                          "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,BigQuery,1,1.5,\"[{\"\"key\"\":\"\"team\"\",\"\"value\"\":"
                          "\"\"ml\"\",\"\"x_type\"\":\"\"label\"\",\"\"x_inherited\"\":false}]\"\n",
                      q, gcp);
  INFO(AllDiagnostics(gcp));
  CHECK_FALSE(gcp.HasErrors());
  REQUIRE(listed.groups.size() == 1);
  CHECK(listed.groups[0].key == std::vector<std::string>{"ml", ""});
  CHECK(listed.groups[0].total == D("1.5"));

  // A tag whose value is null has none to group by: the line is in the group "".
  Diagnostics nulls;
  Totals unset = Sum(std::string(kHeader) +
                         "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1,3,\"{\"\"team\"\": null}\"\n"
                         "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1,4,\n",
                     q, nulls);
  INFO(AllDiagnostics(nulls));
  CHECK_FALSE(nulls.HasErrors());
  REQUIRE(unset.groups.size() == 1);
  CHECK(unset.groups[0].key == std::vector<std::string>{"", ""});
  CHECK(unset.groups[0].total == D("7"));
}

TEST_CASE("actuals: a column the query reads given twice in the header is an error", "[actuals]") {
  Diagnostics diags;
  Sum("BilledCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
      "1.5,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,9\n",
      ByService(), diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.Sorted()[0].pos.col == 74);
  CHECK(diags.Sorted()[0].message == "the header has column 'BilledCost' twice (columns 1 and 6); keep one");
  // A column it does not read may be repeated.
  Diagnostics other;
  Totals t = Sum("BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost,x_Note,x_Note\n"
                 "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,2,a,b\n",
                 ByService(), other);
  CHECK_FALSE(other.HasErrors());
  REQUIRE(t.groups.size() == 1);
  CHECK(t.groups[0].total == D("2"));
}

TEST_CASE("actuals: each line converted at the rate in force on its date", "[actuals]") {
  std::string csv = kHeader;
  csv += "CNY,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,ECS,7.00,,\n";    // before the second rate
  csv += "CNY,2024-09-20T00:00:00Z,2024-09-21T00:00:00Z,ECS,8.00,,\n";    // after it
  csv += "USD,2024-09-20T00:00:00Z,2024-09-21T00:00:00Z,ECS,1.00,,\n";
  Query q = ByService();
  q.currency = "USD";
  q.rates = {{"USD", "CNY", "2024-08-01", D("7")}, {"USD", "CNY", "2024-09-15", D("8")}};
  Diagnostics diags;
  Totals t = Sum(csv, q, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE(t.groups.size() == 1);
  CHECK(t.groups[0].total == D("3"));
  CHECK(t.groups[0].currency == "USD");
  CHECK(t.groups[0].lines == 3);

  q.rates.clear();
  Diagnostics missing;
  Sum(csv, q, missing);
  REQUIRE(missing.ErrorCount() == 1);
  CHECK(missing.Sorted()[0].message ==
        "no exchange rate between CNY and USD on or before 2024-09-01 (pricing/ rates); this file's lines in CNY are "
        "not counted");
}

TEST_CASE("actuals: amounts with exponents and long fractions sum to 50 significant digits", "[actuals]") {
  // Each sum needs 44 to 49 significant digits: more than the 41 ToString shows.
  std::string csv = kHeader;
  csv += "JPY,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,12345678901.5,,\n";
  csv += "JPY,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,1.1102230246251565E-16,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,12345678901234567890123456789,,\n";
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,0.12345678901234567890,,\n";
  csv += "EUR,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,1e20,,\n";
  csv += "EUR,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S,1e-25,,\n";
  Diagnostics diags;
  Totals t = Sum(csv, ByService(), diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(cost::ToFullString(Find(t, "S", "JPY")->total) == "12345678901.50000000000000011102230246251565");
  CHECK(cost::ToFullString(Find(t, "S", "USD")->total) == "12345678901234567890123456789.1234567890123456789");
  CHECK(cost::ToFullString(Find(t, "S", "EUR")->total) == "100000000000000000000.0000000000000000000000001");
}

TEST_CASE("actuals: converted by dividing, every group has the same decimals and the total is their sum",
          "[actuals]") {
  // CNY and JPY are divided by their
  // USD rates (1/7.2 and 1000/149.5 never end), EUR multiplied.
  std::string csv = kHeader;
  csv += "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,A,100,,\n";
  csv += "CNY,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,A,710,,\n";          // 710 / 7.1 = 100
  csv += "CNY,2024-09-14T23:00:00-02:00,2024-09-15T02:00:00Z,A,72,,\n";     // the 15th in UTC: 72 / 7.2 = 10
  csv += "CNY,2024-09-20T00:00:00Z,2024-09-21T00:00:00Z,B,1,,\n";
  csv += "EUR,2024-09-20T00:00:00Z,2024-09-21T00:00:00Z,B,10,,\n";          // 10 × 1.08 = 10.8
  csv += "JPY,2024-09-20T00:00:00Z,2024-09-21T00:00:00Z,B,1000,,\n";
  csv += "CNY,2024-09-20T00:00:00Z,2024-09-21T00:00:00Z,B,-0.01,,\n";       // (1 - 0.01) / 7.2 = 0.1375
  Query q = ByService();
  q.currency = "USD";
  q.rates = {{"USD", "CNY", "2024-01-01", D("7.1")}, {"USD", "CNY", "2024-09-15", D("7.2")},
             {"EUR", "USD", "2024-01-01", D("1.08")}, {"USD", "JPY", "2024-01-01", D("149.5")}};
  Diagnostics diags;
  Totals t = Sum(csv, q, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  REQUIRE(t.groups.size() == 2);
  CHECK(Find(t, "A")->total == D("210"));
  // 10.8 + 0.1375 + 1000/149.5 = 17.62646321070234113712374581939799331103678…,
  // rounded to 37 decimals: 40 significant digits for the sum of the groups' sizes, 227.6….
  CHECK(Find(t, "B")->total == D("17.626463210702341137123745819397993311"));
  REQUIRE(t.sums.size() == 1);
  CHECK(t.sums[0].total == D("227.626463210702341137123745819397993311"));
  CHECK(t.sums[0].total == Find(t, "A")->total + Find(t, "B")->total);
  CHECK(cost::ToFullString(t.sums[0].total) == "227.626463210702341137123745819397993311");
}

TEST_CASE("actuals: gzip files are read like plain ones", "[actuals]") {
  TempDir dir;
  std::string csv = std::string(kHeader) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.25,,\n";
  gzFile gz = gzopen((dir.path() / "actuals/b.csv.gz").c_str(), "wb");
  if (!gz) {
    std::filesystem::create_directories(dir.path() / "actuals");
    gz = gzopen((dir.path() / "actuals/b.csv.gz").c_str(), "wb");
  }
  REQUIRE(gz);
  gzwrite(gz, csv.data(), static_cast<unsigned>(csv.size()));
  gzclose(gz);
  WriteAll(dir.path() / "actuals/a.csv", std::string(kHeader) + "USD,2024-09-02T00:00:00Z,2024-09-03T00:00:00Z,S3,2,,\n");
  WriteAll(dir.path() / "actuals/notes.txt", "not read");
  Diagnostics diags;
  Totals t = LoadActuals(dir.path() / "actuals", ByService(), diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(t.files == std::vector<std::string>{"actuals/a.csv", "actuals/b.csv.gz"});
  REQUIRE(t.groups.size() == 1);
  CHECK(t.groups[0].total == D("3.25"));
}

TEST_CASE("actuals: a cut gzip file is one error, not the header it seems to lack", "[actuals]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "actuals");
  const std::filesystem::path whole = dir.path() / "whole.csv.gz";
  gzFile gz = gzopen(whole.c_str(), "wb");
  REQUIRE(gz);
  std::string csv = std::string(kHeader) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.25,,\n";
  gzwrite(gz, csv.data(), static_cast<unsigned>(csv.size()));
  gzclose(gz);
  // The first 40 bytes: the gzip header and the start of the CSV header line.
  WriteAll(dir.path() / "actuals/cut.csv.gz", ReadAll(whole).substr(0, 40));
  Diagnostics diags;
  LoadActuals(dir.path() / "actuals", ByService(), diags);
  CHECK(AllDiagnostics(diags) == "actuals/cut.csv.gz: error: cannot read the compressed file: unexpected end of file\n");
  // Its columns are unknown, not missing.
  Diagnostics columns_diags;
  bool unreadable = false;
  CHECK(ExportColumns(dir.path() / "actuals", columns_diags, &unreadable).empty());
  CHECK(unreadable);
  WriteAll(dir.path() / "actuals/cut.csv.gz", ReadAll(whole));
  CHECK_FALSE(ExportColumns(dir.path() / "actuals", columns_diags, &unreadable).empty());
  CHECK_FALSE(unreadable);
}

TEST_CASE("actuals: a second copy of an export file is an error, not counted twice", "[actuals]") {
  // The file kept beside its .gz, or a download saved twice: the same text.
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "actuals/2024-09");
  std::string csv = std::string(kHeader) + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.25,,\n";
  gzFile gz = gzopen((dir.path() / "actuals/2024-09/part-0.csv.gz").c_str(), "wb");
  REQUIRE(gz);
  gzwrite(gz, csv.data(), static_cast<unsigned>(csv.size()));
  gzclose(gz);
  WriteAll(dir.path() / "actuals/2024-09/part-0.csv", csv);
  WriteAll(dir.path() / "actuals/2024-09/part-1.csv", csv + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1,,\n");
  // Two months without charges: a header alone may repeat another.
  WriteAll(dir.path() / "actuals/2024-10.csv", kHeader);
  WriteAll(dir.path() / "actuals/2024-11.csv", kHeader);
  Diagnostics diags;
  LoadActuals(dir.path() / "actuals", ByService(), diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(FormatDiagnostic(diags.Sorted()[0]) ==
        "actuals/2024-09/part-0.csv.gz:1:1: error: the same text as actuals/2024-09/part-0.csv: a copy of one "
        "export file would count its lines twice; remove one of them\n");
}

// A 100 MB export, streamed by the real binary: its peak memory stays far
// below the file's size, and the sums match an independent integer sum.
TEST_CASE("actuals: a 100 MB file is streamed in bounded memory", "[actuals][slow]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "actuals");
  const char* services[] = {"Amazon EC2", "Amazon S3", "Cloud Storage, \"Standard\""};
  // Expected: integer units of 10^-7 per service, summed independently.
  int64_t expected[3] = {0, 0, 0};
  {
    std::ofstream out(dir.path() / "actuals/big.csv", std::ios::binary);
    out << kHeader;
    std::string line;
    for (int64_t i = 0; out.tellp() < 100 * 1000 * 1000; ++i) {
      int s = static_cast<int>(i % 3);
      int64_t units = (i * 7919) % 2000003 - 100000;  // some negative, many under a cent
      expected[s] += units;
      bool negative = units < 0;
      int64_t a = negative ? -units : units;
      char amount[48];
      std::snprintf(amount, sizeof amount, "%s%lld.%07lld", negative ? "-" : "", static_cast<long long>(a / 10000000),
                    static_cast<long long>(a % 10000000));
      line = "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,";
      line += s == 2 ? "\"Cloud Storage, \"\"Standard\"\"\"" : services[s];
      line += ",";
      line += amount;
      line += ",,\"{\"\"team\"\": \"\"data\"\"}\"\n";
      out << line;
    }
  }
  CliResult r = Costsite("actuals --source " + dir.path().string() + " --group ServiceName --json");
  REQUIRE(r.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(r.output);
  REQUIRE(j["groups"].size() == 3);
  for (const auto& g : j["groups"]) {
    std::string name = g["key"]["ServiceName"];
    int s = name == services[0] ? 0 : name == services[1] ? 1 : 2;
    std::string want = FromScaledUnits(expected[s]);
    CHECK(*Decimal::Parse(g["total"].get<std::string>()) == *Decimal::Parse(want));
  }
  // AddressSanitizer's shadow memory and quarantine make any peak several
  // times larger: the bound is checked in the plain build only.
  if (!kAddressSanitizer) {
    struct rusage usage;
    getrusage(RUSAGE_CHILDREN, &usage);
    CHECK(usage.ru_maxrss < 48 * 1024);  // kB: the file is 100 MB
  }
}

}  // namespace
}  // namespace costsite::actuals
