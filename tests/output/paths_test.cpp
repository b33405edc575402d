#include "output/paths.h"

#include <catch2/catch.hpp>

namespace costsite::output {
namespace {

TEST_CASE("PageFile maps a language and key to an index.html") {
  CHECK(PageFile("zh", "reports/gpu") == "zh/reports/gpu/index.html");
  CHECK(PageFile("en", "") == "en/index.html");
}

TEST_CASE("RelativeUrl links files relative to each other") {
  struct Case {
    const char* from;
    const char* to;
    const char* url;
  };
  const Case cases[] = {
      {"zh/reports/gpu/index.html", "style.css", "../../../style.css"},
      {"zh/reports/gpu/index.html", "en/reports/gpu/index.html", "../../../en/reports/gpu/index.html"},
      {"zh/reports/gpu/index.html", "zh/reports/storage/index.html", "../storage/index.html"},
      {"zh/reports/gpu/index.html", "zh/reports/gpu/index.html", "index.html"},
      {"zh/reports/gpu/index.html", "zh/index.html", "../../index.html"},
      {"zh/index.html", "zh/reports/gpu/index.html", "reports/gpu/index.html"},
      {"index.html", "zh/index.html", "zh/index.html"},
      {"zh/index.html", "data/x.json", "../data/x.json"},
  };
  for (const Case& c : cases) {
    INFO(c.from << " -> " << c.to);
    CHECK(RelativeUrl(c.from, c.to) == c.url);
  }
}

TEST_CASE("RootPrefix climbs to the site root") {
  CHECK(RootPrefix("index.html").empty());
  CHECK(RootPrefix("zh/index.html") == "../");
  CHECK(RootPrefix("zh/reports/gpu/index.html") == "../../../");
}

}  // namespace
}  // namespace costsite::output
