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

TEST_CASE("A # heading in the text has an id that links reach, and no entry in the outline") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: T\nlanguages: [en]\ndefault_language: en\ntoc_min_headings: 1\n");
  WriteAll(src / "content/a.en.md", "---\ntitle: A\n---\n# Summary\n\nSee [the summary](#summary).\n\n## Details\n\n"
                                    "# Summary\n");
  WriteAll(src / "content/b.en.md", "---\ntitle: B\n---\nRead [A's summary](a.md#summary-1).\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find(" 0 warnings") != std::string::npos);  // no broken-anchor
  std::string html = ReadAll(src / "site/en/a/index.html");
  CHECK(html.find("<h1 id=\"summary\">") != std::string::npos);
  CHECK(html.find("<h1 id=\"summary-1\">") != std::string::npos);
  CHECK(html.find("<a href=\"#details\">Details</a>") != std::string::npos);  // the outline
  CHECK(html.find("<a href=\"#summary\">Summary</a>") == std::string::npos);
}

}  // namespace
}  // namespace costsite
