// The Hugo-style fixture (tests/fixtures/sites/hugo-docs/): its headings,
// shortcodes and links pages built by costsite, and compared with what Hugo
// writes for the same pages when /usr/bin/hugo is installed. The fixture keeps
// Hugo's per-language content folders (site.yaml: content_layout: folders);
// it is built from a copy, as Hugo writes a lock file into its source.
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

const fs::path kFixture = fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/hugo-docs";

// The ids of the h2–h6 headings of an HTML page, in order.
std::vector<std::string> HeadingIds(const std::string& html) {
  std::vector<std::string> ids;
  static const std::regex kId(R"re(<h[2-6] id="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kId); it != std::sregex_iterator(); ++it)
    if ((*it)[1].str() != "toc-title") ids.push_back((*it)[1].str());  // the theme's own
  return ids;
}

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

struct Built {
  TempDir tmp;
  CliResult build, check;
  fs::path site() const { return tmp.path() / "site"; }
  Built() {
    fs::copy(kFixture, tmp.path() / "src", fs::copy_options::recursive);
    build = Costsite("build --source " + (tmp.path() / "src").string() + " --out " + site().string());
    check = Costsite("check --strict --source " + (tmp.path() / "src").string());
  }
};

TEST_CASE("The Hugo-style headings, shortcodes and links pages build without a warning") {
  Built b;
  INFO(b.build.output);
  INFO(b.check.output);
  REQUIRE(b.build.exit_code == 0);
  CHECK(b.check.exit_code == 0);
  CHECK(Has(b.build.output, " 0 warnings"));

  std::string ids = ReadAll(b.site() / "en/headings/ids/index.html");
  CHECK(HeadingIds(ids) == std::vector<std::string>{"protocolserver", "hello-world", "hello-world-1",
                                                    "hello-world-1-1", "c--go_lang", "über-ça-va", "code-span-here",
                                                    "1-getting-started", "with-a-linkhttpsexampleorg-inside",
                                                    "bold-and-_em_", "emoji--rocket"});
  std::string custom = ReadAll(b.site() / "zh/headings/custom/index.html");
  CHECK(HeadingIds(custom) == std::vector<std::string>{"install", "configure", "options", "安装服务器"});
  CHECK_FALSE(Has(custom, "{#install}"));
  CHECK(Has(custom, "<a href=\"#install\">安装服务器</a>"));  // the table of contents follows

  // Shortcodes: the built-in templates, words in the page's language, none left as text.
  std::string notes = ReadAll(b.site() / "zh/shortcodes/admonitions/index.html");
  CHECK(Has(notes, "<p class=\"sc-admonition-title\">注意</p>"));
  CHECK(Has(notes, "<p class=\"sc-admonition-title\">警告</p>"));
  CHECK(Has(notes, "<aside class=\"sc-admonition sc-alert sc-alert-warning\" role=\"note\"><p class=\"sc-admonition-title\">请注意</p>"));
  CHECK(Has(notes, "<a href=\"../../headings/ids/index.html\">链接</a>"));
  CHECK(Has(ReadAll(b.site() / "en/shortcodes/admonitions/index.html"), "<p class=\"sc-admonition-title\">Note</p>"));
  std::string tabs = ReadAll(b.site() / "en/shortcodes/tabs/index.html");
  CHECK(Has(tabs, "<div class=\"sc-tabs\">\n<section class=\"sc-tab\"><p class=\"sc-tab-title\">Linux</p>"));
  CHECK(Has(ReadAll(b.site() / "en/shortcodes/figure/index.html"),
            "<figure class=\"sc-figure\"><img src=\"../../../images/fixture.png\" alt=\"A blue square\""));
  CHECK(Has(ReadAll(b.site() / "zh/shortcodes/details/index.html"), "<summary>关于价格的更多信息</summary>"));
  std::string escaped = ReadAll(b.site() / "en/shortcodes/escaped/index.html");
  CHECK(Has(escaped, "<code>{{&lt; note &gt;}}</code>"));
  CHECK_FALSE(Has(escaped, "/*"));
  for (const auto& e : fs::recursive_directory_iterator(b.site())) {
    if (e.path().extension() != ".html" || e.path().parent_path().filename() == "escaped") continue;
    INFO(e.path());
    CHECK_FALSE(Has(ReadAll(e.path()), "{{"));
  }

  // Links: Hugo's URLs become relative links to costsite's files.
  std::string urls = ReadAll(b.site() / "en/links/urls/index.html");
  for (const char* href : {"../../headings/ids/index.html\">A folder URL", "../../headings/ids/index.html\">Without",
                           "../../headings/ids/index.html\">In another case",
                           "../../headings/custom/index.html\">Relative", "../../headings/toc/index.html\">A Markdown",
                           "../../headings/ids/index.html\">With ref", "../../headings/custom/index.html#install\"",
                           "../index.html\">The section", "../../index.html\">The home page"})
    CHECK(Has(urls, std::string("href=\"") + href));
  CHECK(Has(ReadAll(b.site() / "zh/links/urls/index.html"), "href=\"../../headings/ids/index.html\">大小写不同"));
  std::string images = ReadAll(b.site() / "zh/links/images/index.html");
  CHECK(Has(images, "src=\"../../../images/fixture.png\""));
  CHECK(Has(ReadAll(b.site() / "en/links/bundle/index.html"), "src=\"diagram.png\""));
}

TEST_CASE("Heading ids of the Hugo-style fixture match what hugo writes") {
  Built b;
  REQUIRE(b.build.exit_code == 0);
  const fs::path hugo_out = b.tmp.path() / "hugo";
  if (!BuildWithHugo("hugo-docs", hugo_out)) return;
  int compared = 0;
  for (const char* lang : {"en", "zh"}) {
    for (const char* page : {"headings/ids", "headings/custom", "headings/toc", "shortcodes/admonitions",
                             "links/urls", "links/images"}) {
      // Hugo serves the default language (en) at the root.
      fs::path hugo_file = hugo_out / (std::string(lang) == "en" ? "" : lang) / page / "index.html";
      INFO(lang << " " << page);
      CHECK(HeadingIds(ReadAll(b.site() / lang / page / "index.html")) == HeadingIds(ReadAll(hugo_file)));
      ++compared;
    }
  }
  CHECK(compared == 12);
}

TEST_CASE("A link or image that leads nowhere is a warning at its place") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: T\nlanguages: [en, zh]\ndefault_language_at_root: true\n");
  WriteAll(src / "static/img/a.png", "png");
  WriteAll(src / "content/docs/intro.en.md", "---\ntitle: Intro\n---\nText.\n");
  WriteAll(src / "content/docs/page.en.md",
           "---\ntitle: Page\n---\n[ok](/docs/intro/) ![ok](/img/a.png)\n\n"
           "See [gone](/docs/missing/) and ![no image](/img/b.png).\n\n[zh](/zh/docs/nothing) [id](/Docs/Intro#nope)\n");
  CliResult r = Costsite("check --source " + src.string());
  INFO(r.output);
  CHECK(Has(r.output, "content/docs/page.en.md:6:5: warning: link '/docs/missing/' leads nowhere"));
  CHECK(Has(r.output, "content/docs/page.en.md:6:32: warning: image '/img/b.png' leads nowhere"));
  CHECK(Has(r.output, "content/docs/page.en.md:8:1: warning: link '/zh/docs/nothing' leads nowhere"));
  CHECK(Has(r.output, "content/docs/page.en.md:8:24: warning: link to '/Docs/Intro#nope': page docs/intro has no "
                      "heading or element with id 'nope'"));
  CHECK_FALSE(Has(r.output, "'/docs/intro/'"));
  CHECK_FALSE(Has(r.output, "'/img/a.png'"));
}

TEST_CASE("An unknown shortcode builds, warned, with its content as Markdown") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: T\nlanguages: [en]\n");
  WriteAll(src / "content/page.en.md", "---\ntitle: Page\n---\nIntro.\n\n{{% callout kind=\"x\" %}}\nSome **bold** text.\n{{% /callout %}}\n");
  WriteAll(src / "templates/shortcodes/own.mustache", "<b>{{arg0}}</b>");
  WriteAll(src / "content/own.en.md", "---\ntitle: Own\n---\nA {{< own \"word\" >}} here.\n");
  WriteAll(src / "content/code.en.md",
           "---\ntitle: Code\n---\n{{< highlight go >}}\nif a < b {\n  see [x](/nowhere)\n}\n{{< /highlight >}}\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "site").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "content/page.en.md:6:1: warning: unknown shortcode 'callout'"));
  std::string html = ReadAll(tmp.path() / "site/en/page/index.html");
  CHECK(Has(html, "<p>Some <strong>bold</strong> text.</p>"));
  CHECK_FALSE(Has(html, "callout"));
  CHECK(Has(ReadAll(tmp.path() / "site/en/own/index.html"), "<p>A <b>word</b> here.</p>"));
  // highlight shows its content as written: it is not read as Markdown (no link to check in it).
  std::string code = ReadAll(tmp.path() / "site/en/code/index.html");
  CHECK(Has(code, "<pre><code class=\"language-go\">if a &lt; b {\n  see [x](/nowhere)\n}</code></pre>"));
  CHECK_FALSE(Has(r.output, "/nowhere"));
}

}  // namespace
}  // namespace costsite
