// The pages Hugo makes besides the site's files: a home page per language,
// and the taxonomies' and terms' pages, in the languages they are published in.
#include <catch2/catch.hpp>

#include "content/pages.h"
#include "tests/test_util.h"

namespace costsite::content {
namespace {

std::vector<Page> Load(bool fallback, const std::vector<std::pair<std::string, std::string>>& files) {
  TempDir tmp;
  for (const auto& [path, text] : files) WriteAll(tmp.path() / "content" / path, text);
  SiteConfig cfg;
  cfg.languages = {"zh", "en"};
  cfg.default_language = "zh";
  cfg.translation_fallback = fallback;
  Diagnostics diags;
  std::vector<Page> pages = LoadContent(tmp.path(), cfg, &diags, 1);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  return pages;
}

std::vector<std::string> Languages(const std::vector<Page>& pages, const std::string& key) {
  std::vector<std::string> out;
  for (const Page& p : pages)
    if (p.key == key)
      for (const PageSource& s : p.sources) out.push_back(s.lang);
  return out;
}

const std::vector<std::pair<std::string, std::string>> kFiles = {
    {"_index.zh.md", "---\ntitle: 首页\n---\n"},
    {"a.zh.md", "---\ntitle: 甲\ntags: [共同, 中文]\n---\n"},
    {"a.en.md", "---\ntitle: A\ntags: [共同]\n---\n"},
    {"b.en.md", "---\ntitle: B\ntags: [english]\n---\n"},
};

TEST_CASE("Without translation_fallback a term has a page only in the languages whose pages name it") {
  std::vector<Page> pages = Load(false, kFiles);
  CHECK(Languages(pages, "tags") == std::vector<std::string>{"zh", "en"});
  CHECK(Languages(pages, "tags/共同") == std::vector<std::string>{"zh", "en"});
  CHECK(Languages(pages, "tags/中文") == std::vector<std::string>{"zh"});
  CHECK(Languages(pages, "tags/english") == std::vector<std::string>{"en"});
  // With it, every language has every term's page (the other language's lists none).
  pages = Load(true, kFiles);
  CHECK(Languages(pages, "tags/中文") == std::vector<std::string>{"zh", "en"});
  CHECK(Languages(pages, "tags/english") == std::vector<std::string>{"zh", "en"});
}

TEST_CASE("Without translation_fallback every language has a home page of its own") {
  std::vector<Page> pages = Load(false, kFiles);
  REQUIRE(Languages(pages, "") == std::vector<std::string>{"zh", "en"});
  CHECK(pages.front().sources[1].path == "content/_index.en.md");  // made, not read
  CHECK(pages.front().sources[1].front.title.empty());
  // With it, the English home shows the Chinese text under a notice.
  CHECK(Languages(Load(true, kFiles), "") == std::vector<std::string>{"zh"});
}

}  // namespace
}  // namespace costsite::content
