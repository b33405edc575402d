// What a site publishes besides its pages: static/ copied to the output's
// root as Hugo copies it, a page bundle's files beside its page in every
// language, content in one folder per language, and nothing written when
// one of them would replace a generated file.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

// A bilingual site with no pricing: the files around pages are what counts.
void WriteSite(const fs::path& src) {
  WriteAll(src / "site.yaml", "title: {zh: 文档, en: Docs}\nlanguages: [zh, en]\n");
  WriteAll(src / "content/_index.zh.md", "---\ntitle: 首页\n---\n");
  WriteAll(src / "content/_index.en.md", "---\ntitle: Home\n---\n");
}

TEST_CASE("static/ is copied to the output's root, byte for byte") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteSite(src);
  static const char kPng[] = "\x89PNG\r\n\x1a\n\0\0binary";  // NUL bytes inside: sized by the array
  const std::string png(kPng, sizeof kPng - 1);
  WriteAll(src / "static/img/logo.png", png);
  WriteAll(src / "static/robots.txt", "User-agent: *\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadAll(src / "site/img/logo.png") == png);
  CHECK(ReadAll(src / "site/robots.txt") == "User-agent: *\n");
  // check writes nothing, and counts static/ as a source folder.
  CHECK(Costsite("check --strict --source " + src.string()).exit_code == 0);
  CliResult inside = Costsite("build --source " + src.string() + " --out " + (src / "static/out").string());
  CHECK(inside.exit_code != 0);
  CHECK(inside.output.find("the output folder cannot be inside static/") != std::string::npos);
}

TEST_CASE("A page bundle's files are published beside the page in every language") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteSite(src);
  WriteAll(src / "content/guide/index.zh.md", "---\ntitle: 指南\n---\n![图](chart.svg)\n");
  WriteAll(src / "content/guide/index.en.md", "---\ntitle: Guide\n---\n![Chart](chart.svg)\n");
  WriteAll(src / "content/guide/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  WriteAll(src / "content/guide/files/sheet.csv", "a,b\n");
  WriteAll(src / "content/notes/unbundled.png", "not published");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  for (const char* lang : {"zh", "en"}) {
    INFO(lang);
    CHECK(ReadAll(src / "site" / lang / "guide/chart.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    CHECK(ReadAll(src / "site" / lang / "guide/files/sheet.csv") == "a,b\n");
    CHECK(ReadAll(src / "site" / lang / "guide/index.html").find("src=\"chart.svg\"") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(src / "site/zh/notes/unbundled.png"));
}

TEST_CASE("A leaf bundle's Markdown files are its resources, not pages, and files named for a language are its own") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteSite(src);
  WriteAll(src / "content/guide/index.zh.md", "---\ntitle: 指南\n---\n![图](chart.png) ![图](chart.zh.png)\n");
  WriteAll(src / "content/guide/index.en.md", "---\ntitle: Guide\n---\n![Chart](chart.png) ![Chart](chart.zh.png)\n");
  WriteAll(src / "content/guide/chart.zh.png", "zh");
  WriteAll(src / "content/guide/chart.en.png", "en");
  WriteAll(src / "content/guide/note.md", "---\ntitle: Note\n---\nIncluded text.\n");
  WriteAll(src / "content/guide/parts/index.md", "---\ntitle: Part\n---\nA nested bundle is a resource too.\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  // Hugo builds the home page and the guide here, in each language: the other Markdown files
  // are the bundle's resources, and are not published.
  CHECK(r.output.find("Built 4 pages (zh 2, en 2)") != std::string::npos);
  CHECK_FALSE(fs::exists(src / "site/zh/guide/note/index.html"));
  CHECK_FALSE(fs::exists(src / "site/en/guide/note.md"));
  CHECK_FALSE(fs::exists(src / "site/en/guide/parts/index.html"));
  // chart.zh.png is the Chinese page's only, as Hugo publishes it; a link to
  // "chart.png" finds the language's own file.
  CHECK(ReadAll(src / "site/zh/guide/chart.zh.png") == "zh");
  CHECK(ReadAll(src / "site/en/guide/chart.en.png") == "en");
  CHECK_FALSE(fs::exists(src / "site/en/guide/chart.zh.png"));
  CHECK_FALSE(fs::exists(src / "site/zh/guide/chart.en.png"));
  const std::string zh = ReadAll(src / "site/zh/guide/index.html");
  CHECK(zh.find("src=\"chart.zh.png\" alt=\"图\"") != std::string::npos);
  CHECK(ReadAll(src / "site/en/guide/index.html").find("src=\"chart.en.png\" alt=\"Chart\"") != std::string::npos);
  // The English page's link to the Chinese file leads nowhere, and says so.
  CHECK(r.output.find("content/guide/index.en.md:4:21: warning: image 'chart.zh.png' leads nowhere") !=
        std::string::npos);
  CHECK(r.output.find("content/guide/index.zh.md:4:") == std::string::npos);
  // A Markdown link to a bundle's Markdown resource is not a link to a page.
  WriteAll(src / "content/other.zh.md", "---\ntitle: 其他\n---\n[注](guide/note.md)\n");
  WriteAll(src / "content/other.en.md", "---\ntitle: Other\n---\n[note](guide/note.md)\n");
  CliResult link = Costsite("build --source " + src.string());
  CHECK(link.exit_code != 0);
  CHECK(link.output.find("content/other.en.md:4:1: error: broken link 'guide/note.md': content/guide/note.md is a "
                         "resource of the page bundle content/guide, not a page") != std::string::npos);
  CHECK(ReadAll(src / "site/zh/guide/chart.zh.png") == "zh");  // the previous site stays
}

TEST_CASE("Links in raw HTML and in shortcode arguments are checked and rewritten like Markdown links") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: {zh: 文档, en: Docs}\nlanguages: [en, zh]\nraw_html: true\n");
  WriteAll(src / "content/_index.en.md", "---\ntitle: Home\n---\n");
  WriteAll(src / "content/_index.zh.md", "---\ntitle: 首页\n---\n");
  WriteAll(src / "static/img/logo.png", "png");
  WriteAll(src / "content/docs/a.en.md",
           "---\ntitle: A\n---\n<p>See <a href=\"/en/docs/b/\">B</a> and\n<img src=\"/img/logo.png\" alt=\"logo\">"
           " <a href='/en/docs/missing/'>gone</a></p>\n\n{{< figure src=\"/img/nothere.png\" alt=\"x\" >}}\n"
           "\n{{< figure src=\"/img/logo.png\" alt=\"Logo\" >}}\n");
  WriteAll(src / "content/docs/a.zh.md", "---\ntitle: 甲\n---\n甲\n");
  WriteAll(src / "content/docs/b.en.md", "---\ntitle: B\n---\nB\n");
  WriteAll(src / "content/docs/b.zh.md", "---\ntitle: 乙\n---\n乙\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string a = ReadAll(src / "site/en/docs/a/index.html");
  // Rewritten for the page's place, so that the site reads from file://.
  CHECK(a.find("<a href=\"../b/index.html\">B</a>") != std::string::npos);
  CHECK(a.find("<img src=\"../../../img/logo.png\" alt=\"logo\">") != std::string::npos);
  CHECK(a.find("src=\"../../../img/logo.png\" alt=\"Logo\"") != std::string::npos);
  // Each broken one is reported at its line and column.
  CHECK(r.output.find("content/docs/a.en.md:5:47: warning: link '/en/docs/missing/' leads nowhere") !=
        std::string::npos);
  CHECK(r.output.find("content/docs/a.en.md:7:1: warning: image '/img/nothere.png' leads nowhere") !=
        std::string::npos);
}

TEST_CASE("content_layout: folders reads content/zh and content/en as Hugo's contentDir") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: {zh: 文档, en: Docs}\nlanguages: [en, zh]\ncontent_layout: folders\n");
  WriteAll(src / "content/en/_index.md", "---\ntitle: Home\n---\n");
  WriteAll(src / "content/zh/_index.md", "---\ntitle: 首页\n---\n");
  WriteAll(src / "content/en/docs/setup/index.md", "---\ntitle: Setup\n---\n![Step](step.svg)\n");
  WriteAll(src / "content/en/docs/setup/step.svg", "<svg>en</svg>");
  WriteAll(src / "content/zh/docs/setup/index.md", "---\ntitle: 安装\n---\n![步骤](step.svg)\n");
  WriteAll(src / "content/zh/docs/setup/step.svg", "<svg>zh</svg>");
  WriteAll(src / "content/en/docs/faq.md",
           "---\ntitle: FAQ\n---\nOnly in English. See [setup](/docs/setup/index.md).\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("Built 6 pages (en 3, zh 3)") != std::string::npos);
  CHECK(ReadAll(src / "site/en/docs/setup/index.html").find("Setup") != std::string::npos);
  CHECK(ReadAll(src / "site/zh/docs/setup/index.html").find("安装") != std::string::npos);
  // Each language's bundle keeps its own files.
  CHECK(ReadAll(src / "site/en/docs/setup/step.svg") == "<svg>en</svg>");
  CHECK(ReadAll(src / "site/zh/docs/setup/step.svg") == "<svg>zh</svg>");
  // "/x.md" starts at the language's own folder, as in Hugo.
  CHECK(ReadAll(src / "site/en/docs/faq/index.html").find("href=\"../setup/index.html\"") != std::string::npos);
  // A page in one folder only is a missing translation, as with suffixes.
  CHECK(r.output.find("content/en/docs/faq.md:1:1: warning: no 'zh' translation of this page") != std::string::npos);

  WriteAll(src / "content/stray.md", "---\ntitle: Stray\n---\n");
  CliResult stray = Costsite("build --source " + src.string());
  CHECK(stray.exit_code != 0);
  CHECK(stray.output.find("content/stray.md: error: with content_layout: folders every page is in a language "
                          "folder") != std::string::npos);
}

TEST_CASE("A static file at a generated path is an error, and the previous site stays") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteSite(src);
  REQUIRE(Costsite("build --source " + src.string()).exit_code == 0);
  const std::string style = ReadAll(src / "site/style.css");
  WriteAll(src / "static/style.css", "body{}");
  WriteAll(src / "static/extra.txt", "new");
  CliResult r = Costsite("build --source " + src.string());
  CHECK(r.exit_code != 0);
  CHECK(r.output.find("static/style.css: error: would replace the generated file style.css; rename or move it") !=
        std::string::npos);
  CHECK(ReadAll(src / "site/style.css") == style);
  CHECK_FALSE(fs::exists(src / "site/extra.txt"));
}

}  // namespace
}  // namespace costsite
