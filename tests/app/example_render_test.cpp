// The example site rendered end to end in both languages: every report shows
// computed figures with their provenance, its sources, and the same number of
// figures, tables and charts in each language; the home page compares the
// reports' headline figures; no to-do a rule recommends is shown as done.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

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
  CHECK(reports == 6);
  CHECK(checklists >= 5);
  // The landing pages compare each report's own headline figure, one row a
  // report, in US dollars with the rate used: no total, no shares.
  for (const char* lang : {"zh", "en"}) {
    std::string home = ReadAll(out / lang / "index.html");
    INFO(lang);
    CHECK(Count(home, "<tr><th scope=\"row\"><a href=") == 6);
    CHECK(Count(home, "<span class=\"fig\"") == 6);
    CHECK(home.find("class=\"total\"") == std::string::npos);
    CHECK(home.find("<svg") == std::string::npos);
    CHECK(Count(home, "class=\"fx-note\"") == 1);  // one report is in CNY
    CHECK(home.find("2025-10-31") != std::string::npos);
  }
  CHECK(ReadAll(out / "zh/index.html").find("合计") == std::string::npos);
  CHECK(ReadAll(out / "en/index.html").find(">Total<") == std::string::npos);
}

// Checklist items bound to a rule with `?model.rule` are recommendations:
// whether or not the rule holds, the reader never sees them ticked.
TEST_CASE("Example site: no recommended checklist item renders as done") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  std::string cmd = std::string(COSTSITE_BINARY) + " build --quiet --source " + COSTSITE_SOURCE_DIR +
                    " --out " + out.string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  static const std::regex kRecommendedItem(R"(^\s*[-*+] \[[ xX]\] .*`\?[^`]+`)");
  static const std::regex kEstablishedItem(R"(^\s*[-*+] \[[ xX]\] .*`![^`]+`)");
  int recommended = 0, established = 0, badges = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(COSTSITE_SOURCE_DIR) / "content/reports")) {
    std::string name = entry.path().filename().string();  // "gpu.en.md"
    size_t dot = name.find('.');
    std::string key = name.substr(0, dot), lang = name.substr(dot + 1, name.rfind('.') - dot - 1);
    INFO(name);
    std::istringstream source(ReadAll(entry.path()));
    int want_recommended = 0, want_established = 0;
    for (std::string line; std::getline(source, line);) {
      want_recommended += std::regex_search(line, kRecommendedItem) ? 1 : 0;
      want_established += std::regex_search(line, kEstablishedItem) ? 1 : 0;
    }
    std::string html = ReadAll(out / lang / "reports" / key / "index.html");
    CHECK(Count(html, "<label class=\"task-recommended\">") == want_recommended);
    CHECK(Count(html, "<label class=\"task-established\">") == want_established);
    CHECK(Count(html, "<label class=\"task-recommended\"><input type=\"checkbox\" disabled checked>") == 0);
    // A badge follows an open box only.
    for (size_t p = html.find("<span class=\"task-badge\">"); p != std::string::npos;
         p = html.find("<span class=\"task-badge\">", p + 1)) {
      size_t label = html.rfind("<label", p);
      REQUIRE(label != std::string::npos);
      CHECK(html.substr(label, p - label).find("checked") == std::string::npos);
      ++badges;
    }
    recommended += want_recommended;
    established += want_established;
  }
  CHECK(recommended >= 10);
  CHECK(established >= 6);
  CHECK(badges > 0);
}

}  // namespace
}  // namespace costsite
