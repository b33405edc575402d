// A real Hugo documentation site names things as Hugo's configuration says:
// languages by their languageName, the site by its title (else its params'
// title), top-level folders without an _index file as sections; and a
// weight Hugo reads as no weight does not stop the build.
#include <catch2/catch.hpp>

#include "content/pages.h"
#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

// Laid out as KubeSphere's website: a title only in [params], three
// languages in their own folders, sections without _index files.
void WriteSite(const fs::path& src) {
  WriteAll(src / "config/_default/config.toml", R"(baseURL = "https://docs.example.org/"
defaultContentLanguage = "en"

[params]
title = "KubeSphere"

[languages.en]
languageName = "English"
weight = 1
contentDir = "content/en"

[languages.zh]
languageName = "简体中文"
weight = 2
contentDir = "content/zh"

[languages.tr]
languageName = "Türkçe"
weight = 3
contentDir = "content/tr"
)");
  WriteAll(src / "content/en/docs/intro.md", "---\ntitle: Intro\nweight: 2100,\n---\nWhat it is.\n");
  WriteAll(src / "content/en/docs/install.md", "---\ntitle: Install\nweight: 2\n---\nHow to install.\n");
  WriteAll(src / "content/zh/docs/intro.md", "---\ntitle: 简介\n---\n它是什么。\n");
  WriteAll(src / "content/zh/common/network.md", "---\ntitle: 网络要求\n---\n端口。\n");
  WriteAll(src / "content/en/hidden/_index.md", "---\ntitle: Hidden\n_build:\n  render: never\n---\n");
  WriteAll(src / "content/en/hidden/page.md", "---\ntitle: Shown\n---\nText.\n");
  WriteAll(src / "content/en/policy/refunds.md", "---\ntitle: Refunds\n---\nText.\n");
  WriteAll(src / "content/zh/include/ports.md", "---\ntitle: 端口\n_build:\n  render: never\n---\n端口。\n");
  WriteAll(src / "content/tr/_index.md", "---\ntitle: Ana sayfa\n---\nMerhaba.\n");
}

TEST_CASE("A Hugo site's top-level folders without _index are sections in the languages that have pages there, "
          "and its taxonomies have pages in every language") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteSite(src);
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  // Titled as Hugo titles them: the folder's name, capitalised and plural.
  CHECK(Has(ReadAll(out / "en/docs/index.html"), "<title>Docs · KubeSphere</title>"));
  CHECK(Has(ReadAll(out / "zh/docs/index.html"), "<title>Docs · KubeSphere</title>"));
  CHECK(Has(ReadAll(out / "zh/common/index.html"), "<title>Commons · KubeSphere</title>"));
  CHECK(Has(ReadAll(out / "en/policy/index.html"), "<title>Policies · KubeSphere</title>"));
  CHECK_FALSE(fs::exists(out / "en/common"));  // no English page below it
  // A page that is not rendered is still a page of its folder's section.
  CHECK(Has(ReadAll(out / "zh/include/index.html"), "<title>Includes · KubeSphere</title>"));
  CHECK_FALSE(fs::exists(out / "zh/include/ports"));
  CHECK_FALSE(fs::exists(out / "tr/docs"));
  // A section whose _index is not rendered has no page; its pages are published.
  CHECK_FALSE(fs::exists(out / "en/hidden/index.html"));
  CHECK(fs::exists(out / "en/hidden/page/index.html"));
  // The section lists its pages in Hugo's order (weight 2 first; `2100,` is no weight).
  std::string docs = ReadAll(out / "en/docs/index.html");
  REQUIRE(Has(docs, "href=\"intro/index.html\""));
  CHECK(docs.find("href=\"install/index.html\"") < docs.find("href=\"intro/index.html\""));
  // The home page lists the section, not the pages in it.
  std::string home = ReadAll(out / "en/index.html");
  CHECK(Has(home, "href=\"docs/index.html\""));
  CHECK_FALSE(Has(home, "href=\"docs/intro/index.html\""));
  // Each taxonomy has its page in every language, though no page names a term.
  for (const char* lang : {"en", "zh", "tr"})
    for (const char* taxonomy : {"tags", "categories"}) {
      CAPTURE(lang, taxonomy);
      CHECK(fs::exists(out / lang / taxonomy / "index.html"));
    }
  // The weight Hugo reads as none is a warning at its place, not an error.
  CHECK(Has(r.output, "content/en/docs/intro.md:3:9: warning: front matter 'weight' must be a whole number, "
                      "not '2100,'; the page is ordered as with weight 0 (none), as Hugo orders it"));
}

TEST_CASE("A Hugo site's languages are named by languageName, and its title may be in its params") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteSite(src);
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string zh = ReadAll(out / "zh/docs/intro/index.html");
  CHECK(Has(zh, "<title>简介 · KubeSphere</title>"));
  CHECK(Has(zh, "<span aria-current=\"page\" lang=\"zh-CN\">简体中文</span>"));
  CHECK(Has(zh, "hreflang=\"en\" lang=\"en\">English</a>"));
  // Turkish has no UI words in the theme: it is still named Türkçe, never English.
  CHECK(Has(zh, "hreflang=\"tr\" lang=\"tr\">Türkçe</a>"));
  CHECK_FALSE(Has(zh, "hreflang=\"tr\" lang=\"tr\">English</a>"));
  CHECK(Has(ReadAll(out / "tr/index.html"), "<h1>Ana sayfa</h1>"));
}

TEST_CASE("A Hugo site without any title is named by its folder, never an empty title") {
  TempDir tmp;
  fs::path src = tmp.path() / "handbook";
  WriteAll(src / "hugo.toml", "defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n");
  WriteAll(src / "content/guide.md", "---\ntitle: Guide\n---\nText.\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(ReadAll(out / "en/guide/index.html"), "<title>Guide · handbook</title>"));
}

TEST_CASE("Section titles are made plural as Hugo's pluralizeListTitles makes them") {
  CHECK(content::SectionTitle("docs", true) == "Docs");
  CHECK(content::SectionTitle("news", true) == "News");
  CHECK(content::SectionTitle("blog", true) == "Blogs");
  CHECK(content::SectionTitle("policy", true) == "Policies");
  CHECK(content::SectionTitle("day", true) == "Days");
  CHECK(content::SectionTitle("box", true) == "Boxes");
  CHECK(content::SectionTitle("patch", true) == "Patches");
  CHECK(content::SectionTitle("blog", false) == "Blog");
  CHECK(content::SectionTitle("文档", true) == "文档");
  CHECK(content::SectionTitle("v3.3", true) == "V3.3");
}

}  // namespace
}  // namespace costsite
