// Heading anchors never take an id the theme or the generated markup around
// them uses: a page has every id once.
#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

TEST_CASE("Headings named like the theme's elements get ids of their own") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);
  WriteAll(src / "content/reports/ids.en.md",
           "---\ntitle: Ids\n---\n## Main\n\nCost `=example.total`.\n\n## Search\n\n## Sources\n\n"
           "## toc-title\n\n## Costsite data\n\n## Reports title\n\n## Checklist 1\n\n- [ ] one\n\n## Main\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string html = ReadAll(src / "site/en/reports/ids/index.html");
  INFO(html);
  std::map<std::string, int> ids;
  static const std::regex kId(R"re(\sid="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kId); it != std::sregex_iterator(); ++it)
    ++ids[(*it)[1].str()];
  for (const auto& [id, count] : ids) {
    INFO("id " << id);
    CHECK(count == 1);
  }
  // The theme keeps its ids (the skip link, search.js and the TOC use them).
  for (const char* id : {"main", "search", "toc-title", "sources", "checklist-1", "costsite-data"}) CHECK(ids.count(id));
  for (const char* id : {"main-1", "search-1", "sources-1", "toc-title-1", "costsite-data-1", "checklist-1-1",
                         "main-2"})
    CHECK(html.find(std::string("<h2 id=\"") + id + "\">") != std::string::npos);
  CHECK(html.find("<a href=\"#main-1\">Main</a>") != std::string::npos);  // the TOC follows
  CHECK(html.find("<a class=\"skip-link\" href=\"#main\">") != std::string::npos);
}

}  // namespace
}  // namespace costsite
