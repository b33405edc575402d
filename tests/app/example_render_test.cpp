// The example site rendered end to end in both languages: every report shows
// computed figures with their provenance, its sources, and the same number of
// figures, tables and charts in each language.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

int Count(const std::string& html, const std::string& needle) {
  int n = 0;
  for (size_t p = html.find(needle); p != std::string::npos; p = html.find(needle, p + 1)) ++n;
  return n;
}

TEST_CASE("Example site: reports compute in both languages") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  std::string cmd = std::string(COSTSITE_BINARY) + " build --quiet --source " + COSTSITE_SOURCE_DIR +
                    " --out " + out.string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  // A popover's price line: a dated price, cited.
  static const std::regex kDatedTitle("<span class=\"pop-line\">[^<]*(<[^/][^>]*>[^<]*</[a-z]+>[^<]*)*<time datetime=\"\\d{4}-\\d{2}-\\d{2}\">");
  int reports = 0, checklists = 0;
  for (const auto& dir : fs::directory_iterator(out / "en/reports")) {
    std::string key = dir.path().filename().string();
    INFO(key);
    std::string en = ReadAll(out / "en/reports" / key / "index.html");
    std::string zh = ReadAll(out / "zh/reports" / key / "index.html");
    REQUIRE_FALSE(zh.empty());
    CHECK(en.find("class=\"notice\"") == std::string::npos);  // translated, no fallback
    CHECK(zh.find("class=\"notice\"") == std::string::npos);
    CHECK(Count(en, "<span class=\"fig\"") > 10);
    CHECK(Count(en, "<span class=\"fig\"") == Count(zh, "<span class=\"fig\""));
    CHECK(Count(en, "<svg") == Count(zh, "<svg"));
    CHECK(Count(en, "<table") == Count(zh, "<table"));
    CHECK(std::regex_search(en, kDatedTitle));  // a figure says which dated price it used
    CHECK(std::regex_search(zh, kDatedTitle));
    CHECK(en.find("class=\"sources\"") != std::string::npos);
    CHECK(zh.find("class=\"sources\"") != std::string::npos);
    CHECK(en.find("<code>=") == std::string::npos);  // no figure reference left unexpanded
    CHECK(zh.find("<code>=") == std::string::npos);
    checklists += Count(en, "class=\"checklist-progress\"");
    ++reports;
  }
  CHECK(reports == 5);
  CHECK(checklists >= 5);
  // The landing pages compare the reports' totals with a chart.
  for (const char* lang : {"zh", "en"}) {
    std::string home = ReadAll(out / lang / "index.html");
    INFO(lang);
    CHECK(home.find("<svg") != std::string::npos);
    CHECK(home.find("role=\"img\"") != std::string::npos);
    CHECK(Count(home, "<span class=\"fig\"") >= 5);
  }
}

}  // namespace
}  // namespace costsite
