// A Hugo site without site.yaml builds from Hugo's own configuration: its
// title, languages in Hugo's order, default language, per-language content
// folders and base URL; the rest of the file is Hugo's and is never parsed.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

void WritePages(const fs::path& src) {
  WriteAll(src / "content/en/docs/pod.md", "---\ntitle: Pods\n---\nA Pod runs containers.\n");
  WriteAll(src / "content/zh-cn/docs/pod.md", "---\ntitle: Pod\n---\nPod 运行容器。\n");
}

TEST_CASE("A Hugo site without site.yaml builds from hugo.toml") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WritePages(src);
  // Languages out of order, one disabled, and parts of the file costsite
  // does not read: arrays of tables, an inline table, a multi-line string.
  WriteAll(src / "hugo.toml", R"(baseURL = "https://docs.example.org/"
title = "Example Docs"
defaultContentLanguage = "en"
disableLanguages = ["fr"]
enableRobotsTXT = true
notice = """
several
lines
"""
outputs = { home = ["HTML", "RSS"] }
pairs = [
  [1, 2],
  ["title = \"not this\""],
]
intro = '''
[languages.de]
title = "Nope"
'''

[params]
description = "Docs for everyone"

[[params.versions]]
version = "v1"
title = "ignored"

[[menu.main]]
name = "Blog"
weight = 50

[languages.zh-cn]
title = "示例文档"
languageName = "中文"
weight = 2
contentDir = "content/zh-cn"
[languages.zh-cn.params]
description = "给所有人的文档"

[languages.en]
languageName = "English"
weight = 1
contentDir = "content/en"

[languages.fr]
title = "Docs"
weight = 3
contentDir = "content/fr"
)");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "Built 10 pages (en 5, zh-cn 5), 0 warnings"));  // with docs/ and the taxonomies, as Hugo
  std::string zh = ReadAll(out / "zh-cn/docs/pod/index.html");
  CHECK(Has(zh, "<html lang=\"zh-CN\">"));
  CHECK(Has(zh, "<title>Pod · 示例文档</title>"));
  CHECK(Has(zh, "<link rel=\"canonical\" href=\"https://docs.example.org/zh-cn/docs/pod/\">"));
  std::string en = ReadAll(out / "en/docs/pod/index.html");
  CHECK(Has(en, "<title>Pods · Example Docs</title>"));
  // English first in the switcher (weight 1), and the default at the root of links.
  CHECK(en.find(">English<") < en.find(">中文<"));
  CHECK(Has(ReadAll(out / "index.html"), "url=en/index.html"));
  CHECK(Has(ReadAll(out / "zh-cn/index.xml"), "<description>给所有人的文档</description>"));  // the feed
  CHECK_FALSE(fs::exists(out / "fr"));
}

TEST_CASE("Hugo's configuration may be YAML, or in config/_default/ with its languages file") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WritePages(src);
  SECTION("hugo.yaml") {
    WriteAll(src / "hugo.yaml", "baseURL: https://docs.example.org/\ntitle: Example Docs\ndefaultContentLanguage: zh-cn\n"
                                "languages:\n  en: {weight: 2, contentDir: content/en}\n"
                                "  zh-cn: {weight: 1, contentDir: content/zh-cn, title: 示例文档}\n");
  }
  SECTION("config/_default/hugo.toml and languages.toml") {
    WriteAll(src / "config/_default/hugo.toml", "title = \"Example Docs\"\ndefaultContentLanguage = \"zh-cn\"\n");
    WriteAll(src / "config/_default/languages.toml",
             "[en]\nweight = 2\ncontentDir = \"content/en\"\n\n[zh-cn]\ntitle = \"示例文档\"\nweight = 1\n"
             "contentDir = \"content/zh-cn\"\n");
  }
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "Built 10 pages (zh-cn 5, en 5), 0 warnings"));
  CHECK(Has(ReadAll(out / "index.html"), "url=zh-cn/index.html"));
  CHECK(Has(ReadAll(out / "zh-cn/docs/pod/index.html"), "<title>Pod · 示例文档</title>"));
}

TEST_CASE("Goldmark's unsafe renderer in Hugo's configuration passes raw HTML through") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "content/en/team.md", "---\ntitle: Team\n---\n<table class=\"roles\"><tr><td>Lead</td></tr></table>\n");
  WriteAll(src / "content/zh/team.md", "---\ntitle: 团队\n---\n<table class=\"roles\"><tr><td>负责人</td></tr></table>\n");
  const std::string languages = "[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                                "[languages.zh]\nweight = 2\ncontentDir = \"content/zh\"\n";
  bool unsafe = true;
  SECTION("config.toml") {
    WriteAll(src / "config.toml", "title = \"Docs\"\n" + languages +
                                      "[markup]\n  [markup.goldmark]\n    [markup.goldmark.renderer]\n      unsafe = true\n");
  }
  SECTION("hugo.yaml") {
    WriteAll(src / "hugo.yaml", "title: Docs\nlanguages:\n  en: {weight: 1, contentDir: content/en}\n"
                                "  zh: {weight: 2, contentDir: content/zh}\nmarkup:\n  goldmark:\n    renderer:\n"
                                "      unsafe: true\n");
  }
  SECTION("config/_default/markup.toml") {
    WriteAll(src / "config/_default/hugo.toml", "title = \"Docs\"\n" + languages);
    WriteAll(src / "config/_default/markup.toml", "[goldmark]\n[goldmark.renderer]\nunsafe = true\n");
  }
  SECTION("unsafe = false") {
    WriteAll(src / "config.toml", "title = \"Docs\"\n" + languages + "[markup.goldmark.renderer]\nunsafe = false\n");
    unsafe = false;
  }
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --verbose --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, unsafe ? "base URL and raw HTML (goldmark's unsafe) are read from Hugo's" : ") and base URL are read"));
  const std::string en = ReadAll(out / "en/team/index.html");
  const std::string zh = ReadAll(out / "zh/team/index.html");
  CHECK(Has(en, "<table class=\"roles\"><tr><td>Lead</td></tr></table>") == unsafe);
  CHECK(Has(zh, "<td>负责人</td>") == unsafe);
  CHECK(Has(en, "&lt;table class=&quot;roles&quot;&gt;") != unsafe);
}

TEST_CASE("Pages are published at Hugo's URLs: lowercased, spaces as '-', unless disablePathToLower") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "content/en/docs/Getting started/Prerequisite.md",
           "---\ntitle: Prerequisite\n---\nSee [the tutorial](/docs/tutorials/streamx_metainfo/).\n");
  WriteAll(src / "content/en/docs/Tutorials/StreamX_Metainfo.md",
           "---\ntitle: Metainfo\n---\nFirst [the prerequisite](../../getting-started/prerequisite/).\n");
  WriteAll(src / "content/zh/docs/Getting started/Prerequisite.md", "---\ntitle: 准备\n---\n准备。\n");
  WriteAll(src / "content/zh/docs/Tutorials/StreamX_Metainfo.md", "---\ntitle: 元信息\n---\n元信息。\n");
  const std::string config = "title = \"Docs\"\n[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                             "[languages.zh]\nweight = 2\ncontentDir = \"content/zh\"\n";
  bool lower = true;
  SECTION("as Hugo makes them") { WriteAll(src / "config.toml", config); }
  SECTION("disablePathToLower") {
    WriteAll(src / "config.toml", "disablePathToLower = true\n" + config);
    lower = false;
  }
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const fs::path page = out / (lower ? "en/docs/getting-started/prerequisite/index.html"
                                     : "en/docs/Getting-started/Prerequisite/index.html");
  REQUIRE(fs::exists(page));
  CHECK(fs::exists(out / (lower ? "zh/docs/getting-started/prerequisite/index.html"
                                : "zh/docs/Getting-started/Prerequisite/index.html")));
  CHECK_FALSE(fs::exists(out / "en/docs/Getting started"));
  // Links written in Hugo's form lead there either way, and are written to the page's place.
  CHECK(Has(r.output, "0 warnings"));
  CHECK(Has(ReadAll(page), lower ? "href=\"../../tutorials/streamx_metainfo/index.html\""
                                 : "href=\"../../Tutorials/StreamX_Metainfo/index.html\""));
}

TEST_CASE("Hugo's permalinks publish a section's pages at their pattern, and links in that form lead there") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "config.toml", "title = \"Docs\"\n[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                                "[languages.zh]\nweight = 2\ncontentDir = \"content/zh\"\n"
                                "[permalinks]\nblog = \"/:section/:year/:month/:day/:slug/\"\nnews = \"/:monthname/:slug/\"\n");
  WriteAll(src / "content/en/blog/news/Hello/index.md",
           "---\ntitle: \"Hello World: Open Source\"\ndate: 2022-06-21\n---\nHi.\n");
  WriteAll(src / "content/zh/blog/news/Hello/index.md", "---\ntitle: 你好，世界 — 开源！\ndate: 2022-06-21\n---\n你好。\n");
  WriteAll(src / "content/en/docs/overview.md",
           "---\ntitle: Overview\n---\nRead [the post](/blog/2022/06/21/hello-world-open-source/).\n");
  WriteAll(src / "content/zh/docs/overview.md",
           "---\ntitle: 概览\n---\n见[文章](/zh/blog/2022/06/21/你好世界-开源/)。\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(out / "en/blog/2022/06/21/hello-world-open-source/index.html"));
  CHECK(fs::exists(out / "zh/blog/2022/06/21/你好世界-开源/index.html"));
  CHECK_FALSE(Has(r.output, "leads nowhere"));
  CHECK(Has(r.output, "config.toml: warning: the permalink of 'news' has token ':monthname', which costsite does not make"));
  CHECK(Has(ReadAll(out / "en/docs/overview/index.html"),
            "href=\"../../blog/2022/06/21/hello-world-open-source/index.html\""));
}

TEST_CASE("A permalink with a token costsite does not make is an error in site.yaml") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: Docs\nlanguages: [en]\ndefault_language: en\n"
                              "permalinks:\n  blog: /:section/:weekday/:slug/\n");
  WriteAll(src / "content/blog/a.md", "---\ntitle: A\n---\nA.\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "site.yaml:5:9: error: unknown token ':weekday' in the permalink of 'blog' (known: :year, :month"));
}

TEST_CASE("A content file in HTML is a page whose body is written as it is") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "config.toml", "title = \"Docs\"\n[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                                "[languages.zh]\nweight = 2\ncontentDir = \"content/zh\"\n");
  WriteAll(src / "content/en/docs/pod.md", "---\ntitle: Pods\n---\nA Pod runs containers.\n");
  WriteAll(src / "content/zh/docs/pod.md", "---\ntitle: Pod\n---\nPod 运行容器。\n");
  // Indented HTML after a blank line (a code block in Markdown), a shortcode,
  // a link to a page and one to nowhere; no raw_html setting.
  WriteAll(src / "content/en/_index.html",
           "+++\ntitle = \"Home\"\n+++\n<div class=\"intro\">\n\n    <p>Welcome <b>home</b></p>\n\n"
           "{{% alert title=\"Note\" %}}Read **this**.{{% /alert %}}\n"
           "<a href=\"{{< relref \"docs/pod\" >}}\">Pods</a> <a href=\"/docs/nowhere/\">gone</a>\n</div>\n");
  WriteAll(src / "content/zh/_index.html", "---\ntitle: 首页\n---\n<p class=\"intro\">欢迎</p>\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "content/en/_index.html:9:41: warning: link '/docs/nowhere/' leads nowhere"));
  CHECK(Has(r.output, "1 warning"));
  const std::string en = ReadAll(out / "en/index.html");
  CHECK(Has(en, "<div class=\"intro\">\n\n    <p>Welcome <b>home</b></p>"));
  CHECK_FALSE(Has(en, "<pre><code>"));
  // The shortcode renders; its inner text is not Markdown here (no Markdown is read), as in Hugo.
  CHECK(Has(en, "<aside class=\"sc-admonition sc-alert\" role=\"note\"><p class=\"sc-admonition-title\">Note</p>"));
  CHECK(Has(en, "Read **this**."));
  CHECK(Has(en, "<a href=\"docs/pod/index.html\">Pods</a>"));
  CHECK(Has(ReadAll(out / "zh/index.html"), "<p class=\"intro\">欢迎</p>"));
  // Its source is not published as a file of the site.
  CHECK_FALSE(fs::exists(out / "en/_index.html"));
  CHECK_FALSE(fs::exists(out / "_index.html"));
  CHECK(Has(ReadAll(out / "en/index.search.js"), "Welcome home"));
}

TEST_CASE("In an HTML page a {{% %}} shortcode inside another shortcode shows its content as Markdown, as in Hugo") {
  // dubbo-website's landing page: Docsy features, each a heading with a link, in a section.
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "config.toml", "title = \"Docs\"\n[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n");
  WriteAll(src / "content/en/docs/pod.md", "---\ntitle: Pods\n---\nA Pod runs containers.\n");
  WriteAll(src / "content/en/_index.html",
           "---\ntitle: Home\n---\n<div class=\"top\">\n{{< blocks/section >}}\n"
           "{{% blocks/feature title=\"Fast\" %}}\n#### [Quick start](./docs/pod/), then **more**\n\n"
           "Text with [a lost link](./docs/lost/).\n{{% /blocks/feature %}}\n{{< /blocks/section >}}\n"
           "{{% alert %}}Top-level **as written**.{{% /alert %}}\n</div>\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  // Its links are checked at their place in the file, as a Markdown page's.
  CHECK(Has(r.output, "content/en/_index.html:9:11: warning: link './docs/lost/' leads nowhere"));
  CHECK(Has(r.output, "1 warning"));
  const std::string en = ReadAll(out / "en/index.html");
  CHECK(Has(en, "<h4 id=\"quick-startdocspod-then-more\">"));  // Hugo's id, the link's target in it
  CHECK(Has(en, "<a href=\"docs/pod/index.html\">Quick start</a>, then <strong>more</strong>"));
  CHECK_FALSE(Has(en, "#### "));
  // At the page's top level Hugo reads no Markdown: the content stays as written.
  CHECK(Has(en, "Top-level **as written**."));
  CHECK(Has(ReadAll(out / "en/index.search.js"), "Quick start, then more"));
}

TEST_CASE("A language whose contentDir is not its code reads its pages from that folder") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WritePages(src);  // content/en and content/zh-cn
  WriteAll(src / "content/zh-cn/_index.md", "---\ntitle: 首页\n---\n欢迎。\n");
  WriteAll(src / "content/en/_index.md", "---\ntitle: Home\n---\nWelcome.\n");
  WriteAll(src / "config.toml", "title = \"Docs\"\n[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                                "[languages.zh]\nweight = 2\ncontentDir = \"./content/zh-cn/\"\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, "Built 10 pages (en 5, zh 5), 0 warnings"));
  CHECK(Has(ReadAll(out / "zh/docs/pod/index.html"), "<p>Pod 运行容器。</p>"));
  CHECK(Has(ReadAll(out / "zh/index.html"), "<p>欢迎。</p>"));
  CHECK_FALSE(fs::exists(out / "zh-cn"));
}

TEST_CASE("Hugo's param shortcode is the site's param in the page's language, in a link's URL too") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "content/en/docs/limits.md",
           "---\ntitle: Limits\n---\nUse a [LimitRange](https://kubernetes.io/docs/reference/generated/kubernetes-api/"
           "{{< param \"version\" >}}/#limitrange-v1-core) on {{< param \"fullversion\" >}} ({{< param \"Channel\" >}}).\n");
  WriteAll(src / "content/zh-cn/docs/limits.md",
           "---\ntitle: 限制\n---\n版本 {{< param \"fullversion\" >}}（{{< param \"channel\" >}}），{{< param \"missing\" >}}。\n");
  WriteAll(src / "hugo.toml", "title = \"Docs\"\n[params]\nversion = \"v1.31\"\nfullversion = \"v1.31.0\"\n"
                              "channel = \"stable_*one*\"\n[[params.versions]]\nversion = \"v1.30\"\n"
                              "[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                              "[languages.zh-cn]\nweight = 2\ncontentDir = \"content/zh-cn\"\n"
                              "[languages.zh-cn.params]\nchannel = \"稳定版\"\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string en = ReadAll(out / "en/docs/limits/index.html");
  CHECK(Has(en, "<a href=\"https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.31/#limitrange-v1-core\">"
                "LimitRange</a> on v1.31.0 (stable_*one*)."));
  CHECK(Has(ReadAll(out / "zh-cn/docs/limits/index.html"), "<p>版本 v1.31.0（稳定版），。</p>"));
  CHECK(Has(r.output, "content/zh-cn/docs/limits.md:4:57: warning: no param 'missing'"));
}

TEST_CASE("site.yaml wins over Hugo's configuration, and a default language Hugo's file does not list is an error") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WritePages(src);
  WriteAll(src / "hugo.toml", "title = \"From Hugo\"\ndefaultContentLanguage = \"de\"\n[languages.en]\nweight = 1\n"
                              "contentDir = \"content/en\"\n");
  CliResult bad = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "bad").string());
  CHECK(bad.exit_code != 0);
  CHECK(Has(bad.output, "hugo.toml: error: defaultContentLanguage 'de' is not one of its languages"));
  CHECK_FALSE(fs::exists(tmp.path() / "bad"));
  WriteAll(src / "site.yaml", "title: From site.yaml\nlanguages: [en, zh-cn]\ncontent_layout: folders\n"
                              "params: {edition: {en: First edition, zh-cn: 第一版}}\n");
  WriteAll(src / "content/en/docs/pod.md", "---\ntitle: Pods\n---\nA Pod runs containers ({{< param \"Edition\" >}}).\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(ReadAll(out / "en/docs/pod/index.html"), "<title>Pods · From site.yaml</title>"));
  CHECK(Has(ReadAll(out / "en/docs/pod/index.html"), "<p>A Pod runs containers (First edition).</p>"));
}

// Pages dated around 2026-03-10, the day the builds below take as today.
void WriteDatedPages(const fs::path& src) {
  WriteAll(src / "content/en/docs/past.md", "---\ntitle: Past\ndate: 2026-03-09\nexpiryDate: 2026-03-11\n---\nP.\n");
  WriteAll(src / "content/en/docs/today.md", "---\ntitle: Today\ndate: 2026-03-10T08:00:00Z\n---\nT.\n");
  WriteAll(src / "content/en/docs/future.md", "---\ntitle: Future\ndate: 2026-03-11\n---\nF.\n");
  WriteAll(src / "content/en/docs/later.md", "---\ntitle: Later\ndate: 2020-01-01\npublishDate: 2099-01-01\n---\nL.\n");
  WriteAll(src / "content/en/docs/expired.md", "---\ntitle: Expired\nexpiryDate: 2026-03-10\n---\nE.\n");
  WriteAll(src / "content/en/docs/old.md", "+++\ntitle = \"Old\"\nunpublishdate = 2001-01-01\n+++\nO.\n");
  WriteAll(src / "content/en/docs/draft.md", "---\ntitle: Draft\ndraft: true\n---\nD.\n");
}

std::vector<std::string> Published(const fs::path& out) {
  std::vector<std::string> names;
  for (const char* name : {"past", "today", "future", "later", "expired", "old", "draft"})
    if (fs::exists(out / "en/docs" / name / "index.html")) names.push_back(name);
  return names;
}

TEST_CASE("A Hugo site publishes no page dated in the future, expired, or a draft, unless its configuration says so") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WritePages(src);
  WriteDatedPages(src);
  const std::string langs = "defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                            "[languages.zh-cn]\nweight = 2\ncontentDir = \"content/zh-cn\"\n";
  SECTION("by default, as Hugo: only pages published by today and not expired; none listed") {
    WriteAll(src / "hugo.toml", "baseURL = \"https://docs.example.org/\"\ntitle = \"D\"\n" + langs);
    fs::path out = tmp.path() / "out";
    CliResult r = Costsite("build --source " + src.string() + " --out " + out.string(), "COSTSITE_TODAY=2026-03-10");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(Published(out) == std::vector<std::string>{"past", "today"});
    const std::string list = ReadAll(out / "en/docs/index.html");  // docs/ has no _index: a section, as in Hugo
    CHECK(Has(list, ">Past</a>"));
    for (const char* title : {">Future<", ">Later<", ">Expired<", ">Old<", ">Draft<"}) {
      CHECK_FALSE(Has(list, title));
      CHECK_FALSE(Has(ReadAll(out / "en/sitemap.xml"), title));
    }
    CHECK_FALSE(Has(ReadAll(out / "sitemap.xml") + ReadAll(out / "en/sitemap.xml"), "/docs/future/"));
    CHECK_FALSE(Has(ReadAll(out / "en/index.xml"), "Future"));
    // A day later, the future page is out and the past one has expired.
    fs::path next = tmp.path() / "next";
    r = Costsite("build --source " + src.string() + " --out " + next.string(), "COSTSITE_TODAY=2026-03-11");
    REQUIRE(r.exit_code == 0);
    CHECK(Published(next) == std::vector<std::string>{"today", "future"});
  }
  SECTION("buildFuture, buildExpired and buildDrafts publish them") {
    WriteAll(src / "hugo.toml", "title = \"D\"\nbuildFuture = true\nbuildExpired = true\nbuildDrafts = true\n" + langs);
    fs::path out = tmp.path() / "out";
    CliResult r = Costsite("build --source " + src.string() + " --out " + out.string(), "COSTSITE_TODAY=2026-03-10");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(Published(out) == std::vector<std::string>{"past", "today", "future", "later", "expired", "old", "draft"});
  }
  SECTION("a site.yaml site publishes every page whatever its dates, unless it says build_future or build_expired") {
    const std::string yaml = "title: D\nlanguages: [en, zh-cn]\ncontent_layout: folders\n";
    WriteAll(src / "site.yaml", yaml);
    fs::path out = tmp.path() / "out";
    CliResult r = Costsite("build --source " + src.string() + " --out " + out.string(), "COSTSITE_TODAY=2026-03-10");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(Published(out) == std::vector<std::string>{"past", "today", "future", "later", "expired", "old"});
    WriteAll(src / "site.yaml", yaml + "build_future: false\nbuild_expired: false\n");
    fs::path dated = tmp.path() / "dated";
    r = Costsite("build --source " + src.string() + " --out " + dated.string(), "COSTSITE_TODAY=2026-03-10");
    REQUIRE(r.exit_code == 0);
    CHECK(Published(dated) == std::vector<std::string>{"past", "today"});
  }
}

}  // namespace
}  // namespace costsite
