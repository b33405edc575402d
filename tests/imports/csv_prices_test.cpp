#include <catch2/catch.hpp>

#include "imports/imports.h"
#include "tests/test_util.h"

namespace costsite {
namespace {

TEST_CASE("price CSV: quoted fields, BOM, CRLF, variants and dates", "[imports][csv]") {
  const std::string csv =
      "\xEF\xBB\xBFprovider,id,unit,price,currency,date,variant\r\n"
      "OpenRouter,\"meta-llama/llama-3-70b:free\",1M tokens,0.5,USD,,\r\n"
      "OpenRouter,\"meta-llama/llama-3-70b:free\",1M tokens,0.25,USD,,batch\r\n"
      "OpenRouter,\"meta-llama/llama-3-70b:free\",1M tokens,0.4,USD,2026-03-13,\r\n"
      "aws,\"p4d.24xlarge, \"\"8 GPUs\"\"\",h,32.77,USD,2025-01-15,\r\n";
  Diagnostics diags;
  auto lists = imports::ParseCsvPrices("prices.csv", csv, "2026-12-04", diags);
  INFO(AllDiagnostics(diags));
  REQUIRE(lists.size() == 2);
  CHECK(lists[0].provider == "openrouter");
  REQUIRE(lists[0].entries.size() == 1);
  const cost::PriceEntry& e = lists[0].entries[0];
  CHECK(e.id == "meta-llama-llama-3-70b-free");
  CHECK(e.original.text == "meta-llama/llama-3-70b:free");
  CHECK(e.unit.text == "USD/1M tokens");
  CHECK(e.current.date == "2026-03-13");
  CHECK(e.current.price.text == "0.4");
  REQUIRE(e.history.size() == 1);
  CHECK(e.history[0].price.text == "0.5");
  CHECK(e.history[0].checked == "2026-12-04");
  REQUIRE(e.history[0].variants.size() == 1);
  CHECK(e.history[0].variants[0].second.text == "0.25");
  CHECK(lists[1].entries[0].original.text == "p4d.24xlarge, \"8 GPUs\"");
  CHECK(lists[1].entries[0].id == "p4d.24xlarge-8-gpus");
}

TEST_CASE("a malformed price CSV line is an error at its field", "[imports][csv]") {
  const std::string csv =
      "provider,id,unit,price,currency,date,variant\n"
      "aws,m5.large,h,0.096,USD,,\n"
      "aws,m5.xlarge,h,0.19x,USD,,\n";
  Diagnostics diags;
  auto lists = imports::ParseCsvPrices("prices.csv", csv, "2026-12-04", diags);
  CHECK(lists.empty());
  CHECK(AllDiagnostics(diags) ==
        "prices.csv:3:17: error: malformed price '0.19x': write a non-negative number\n"
        " 3 | aws,m5.xlarge,h,0.19x,USD,,\n"
        "   |                 ^\n");
}

TEST_CASE("a price CSV line with too few fields or an open quote is an error", "[imports][csv]") {
  Diagnostics diags;
  imports::ParseCsvPrices("p.csv", "provider,id,unit,price,currency,date,variant\naws,m5,h,1,USD\n", "2026-12-04",
                          diags);
  CHECK(AllDiagnostics(diags).find("p.csv:2:1: error: expected 7 fields (provider,id,unit,price,currency,date,variant), "
                                   "found 5") != std::string::npos);
  Diagnostics open;
  imports::ParseCsvPrices("p.csv", "provider,id,unit,price,currency,date,variant\naws,\"m5,h,1,USD,,\n", "2026-12-04",
                          open);
  CHECK(AllDiagnostics(open).find("p.csv:2:5: error: unclosed quoted field") != std::string::npos);
  Diagnostics header;
  imports::ParseCsvPrices("p.csv", "provider,name,unit\n", "2026-12-04", header);
  CHECK(AllDiagnostics(header).find("p.csv:1:1: error: the first line must be the header") != std::string::npos);
}

}  // namespace
}  // namespace costsite
