#include "content/front_matter.h"

#include <catch2/catch.hpp>

#include "content/pages.h"
#include "tests/test_util.h"

namespace costsite::content {
namespace {

PageSource Parse(const std::string& text, Diagnostics* diags) {
  PageSource src;
  src.path = "content/a.en.md";
  src.text = text;
  ParseFrontMatter(&src, diags);
  return src;
}

TEST_CASE("Front matter keys are read in any case, as Hugo reads them") {
  for (const char* text : {"---\nTitle: GPU\nDescription: Costs\nWeight: 4\nLinkTitle: G\n---\nBody\n",
                           "---\nTITLE: GPU\ndescription: Costs\nweight: 4\nlinktitle: G\n---\nBody\n",
                           "---\nTitle: GPU\nDescription: Costs\nWeight: 4\nLinkTitle: G\ntags: [a]\n---\nBody\n"}) {
    INFO(text);
    Diagnostics diags;
    PageSource src = Parse(text, &diags);
    CHECK_FALSE(diags.HasErrors());
    CHECK(src.front.title == "GPU");
    CHECK(src.front.description() == "Costs");
    CHECK(src.front.weight == 4);
    CHECK(src.front.more().link_title == "G");
  }
}

TEST_CASE("Front matter reads Hugo's fields") {
  Diagnostics diags;
  PageSource src = Parse(
      "---\ntitle: Install\ndate: 2024-03-05T10:00:00+08:00\nlastmod: 2024-04-01\nsummary: Short.\n"
      "slug: setup\nurl: /docs/setup/\ntags: [setup, Getting Started]\ncategories: guides\n"
      "aliases:\n  - /old/install/\n  - old.html\nmenu:\n  main:\n    weight: 5\n    name: Start\n"
      "audience: operators\nkeywords: [a, b]\n---\nBody\n",
      &diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  const FrontMatter& f = src.front;
  CHECK(f.more().date == "2024-03-05");
  CHECK(f.more().lastmod == "2024-04-01");
  CHECK(f.more().summary == "Short.");
  CHECK(f.more().slug == "setup");
  CHECK(f.more().url.text == "/docs/setup/");
  CHECK(f.more().tags == std::vector<std::string>{"setup", "Getting Started"});
  CHECK(f.more().categories == std::vector<std::string>{"guides"});
  REQUIRE(f.more().aliases.size() == 2);
  CHECK(f.more().aliases[1].text == "old.html");
  CHECK(f.more().aliases[1].pos.line == 12);
  REQUIRE(f.more().menus.size() == 1);
  CHECK(f.more().menus[0].menu == "main");
  CHECK(f.more().menus[0].weight == 5);
  CHECK(f.more().menus[0].name == "Start");
  REQUIRE(f.more().params.size() == 2);
  CHECK(f.more().params[0].key == "audience");
  CHECK(f.more().params[0].value == "operators");
  CHECK(f.more().params[1].is_list);
  CHECK(f.more().params[1].items == std::vector<std::string>{"a", "b"});
}

TEST_CASE("Simple front matter keeps unknown keys and reads dates") {
  Diagnostics diags;
  PageSource src = Parse("---\ntitle: T\nDate: 2024-02-29\nAudience: ops\n---\nBody\n", &diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(src.front.more().date == "2024-02-29");
  REQUIRE(src.front.more().params.size() == 1);
  CHECK(src.front.more().params[0].key == "audience");
}

TEST_CASE("A date that is not a calendar day is a warning at the value, and the page is read without it") {
  // As Hugo reads such a date: Gitea's docs have `date: "2018-06-24:00:00+02:00"`.
  for (const char* yaml : {"date: 2023-02-29\n", "date: \"2023-02-29\"\n", "date: \"2018-06-24:00:00+02:00\"\n",
                           "expiryDate: 2023-13-01\n"}) {
    Diagnostics diags;
    PageSource src = Parse(std::string("---\ntitle: T\n") + yaml + "---\nBody\n", &diags);
    INFO(yaml);
    CHECK(diags.ErrorCount() == 0);
    REQUIRE(diags.Sorted().size() == 1);
    CHECK(diags.Sorted()[0].severity == Severity::kWarning);
    CHECK(src.front.more().date.empty());
    CHECK(src.front.more().expiry_date.empty());
  }
  Diagnostics list;  // a value of another kind is still an error
  Parse("---\ntitle: T\ndate: [2023-02-29]\n---\nBody\n", &list);
  CHECK(list.ErrorCount() == 1);
  Diagnostics diags;
  Parse("---\ntitle: T\ndate: 2023-02-29\n---\nBody\n", &diags);
  CHECK(FormatDiagnostic(diags.Sorted().at(0)) ==
        "content/a.en.md:3:7: warning: front matter 'date' is not a date ('2023-02-29'; write YYYY-MM-DD, "
        "optionally followed by a time); the page is read as without it, as Hugo reads it\n"
        " 3 | date: 2023-02-29\n"
        "   |       ^~~~~~~~~~\n");
}

TEST_CASE("A front matter value of the wrong kind says what the field takes") {
  Diagnostics diags;
  Parse("---\ntitle: T\ndraft: maybe\ntags: {a: 1}\nbuild: 3\nheadless: yes please\n---\nBody\n", &diags);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.Sorted()) messages.push_back(std::to_string(d.pos.line) + " " + d.message);
  CHECK(messages == std::vector<std::string>{
                        "3 front matter 'draft' must be true or false, not 'maybe'",
                        "4 front matter 'tags' must be a term or a list of terms",
                        "5 front matter 'build' must be a map (build: {render: never}), not '3'",
                        "6 front matter 'headless' must be true or false, not 'yes please'",
                    });
}

TEST_CASE("ParseDay takes the day a Hugo date starts with") {
  std::string day;
  CHECK(ParseDay("2024-03-05", &day));
  CHECK(day == "2024-03-05");
  CHECK(ParseDay("2024-03-05T10:00:00Z", &day));
  CHECK(ParseDay("2024-03-05 10:00", &day));
  CHECK(ParseDay("2000-02-29", &day));
  CHECK_FALSE(ParseDay("1900-02-29", &day));
  CHECK_FALSE(ParseDay("2024-3-5", &day));
  CHECK_FALSE(ParseDay("2024-03-05x", &day));
  CHECK_FALSE(ParseDay("2024-00-05", &day));
  CHECK_FALSE(ParseDay("2024-04-31", &day));
}

TEST_CASE("TOML front matter is read with its fields on their own lines") {
  Diagnostics diags;
  PageSource src = Parse(
      "+++\ntitle = \"配置\"  # a comment\nweight = 2\ndraft = false\ndate = 2024-05-10T08:00:00Z\n"
      "tags = [\"setup\",\n  \"config\"]\naudience = 'ops'\n[menu.main]\nweight = 30\nname = \"Configure\"\n"
      "[params]\nshown = true\n+++\nBody\n",
      &diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(src.front.title == "配置");
  CHECK(src.front.weight == 2);
  CHECK(src.front.more().date == "2024-05-10");
  CHECK(src.front.more().tags == std::vector<std::string>{"setup", "config"});
  REQUIRE(src.front.more().menus.size() == 1);
  CHECK(src.front.more().menus[0].weight == 30);
  CHECK(src.front.more().menus[0].name == "Configure");
  CHECK(src.body() == "Body\n");
  CHECK(src.body_line == 15);
  // Hugo's [params] table gives params of its own keys.
  REQUIRE(src.front.more().params.size() == 2);
  CHECK(src.front.more().params[0].key == "audience");
  CHECK(src.front.more().params[1].key == "shown");
  CHECK(src.front.more().params[1].value == "true");
}

TEST_CASE("TOML arrays of tables are read as lists of tables, as Hugo reads them") {
  // volcano-sh's blog/_index.md: each [[social]] starts the next table of
  // the list, and a key after them is the last table's, as TOML reads it.
  const std::string toml =
      "title = \"Blog\"\n[[social]]\n  icon = \"/img/a.png\"\n  link = \"#contact\"  # a comment\n\n"
      " [[social]]\n  icon = \"/img/b.png\"\n[[social]]\nlist_format = 2\n[[more.links]]\n[params]\nshown = true\n";
  std::string yaml;
  Diagnostics diags;
  REQUIRE(TomlToYaml(toml, "content/a.en.md", toml, 2, &yaml, &diags));
  CHECK_FALSE(diags.HasErrors());
  // One YAML line for each TOML line, so a diagnostic lands on the TOML line.
  CHECK(yaml ==
        "title:  \"Blog\"\nsocial: [{\n  icon:  \"/img/a.png\",\n  link:  \"#contact\"},\n\n {\n  icon:  \"/img/b.png\"},\n"
        " {\nlist_format:  2}]\nmore: {links: [{}]}\nparams: {\nshown:  true}\n");
  PageSource src = Parse("+++\n" + toml + "+++\nBody\n", &diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(src.front.title == "Blog");
  CHECK(src.body() == "Body\n");
  REQUIRE(src.front.more().params.size() == 1);  // a table after them is read
  CHECK(src.front.more().params[0].key == "shown");
  // A value of the wrong kind inside one of the tables is reported at its line.
  Diagnostics d2;
  Parse("+++\n[[social]]\nicon = \"a\"\n[[social]]\nicon = {x = 1}\n+++\n", &d2);
  CHECK(FormatDiagnostic(d2.Sorted().at(0)) ==
        "content/a.en.md:5:8: error: TOML multi-line strings and inline tables are not read in front matter\n"
        " 5 | icon = {x = 1}\n"
        "   |        ^\n");
}

TEST_CASE("TOML errors are reported at the TOML line") {
  Diagnostics diags;
  Parse("+++\ntitle = \"T\"\nweight = \"heavy\"\n+++\nBody\n", &diags);
  CHECK(FormatDiagnostic(diags.Sorted().at(0)) ==
        "content/a.en.md:3:10: warning: front matter 'weight' must be a whole number, not 'heavy'; the page is ordered as with weight 0 (none), as Hugo orders it\n"
        " 3 | weight = \"heavy\"\n"
        "   |          ^\n");
  Diagnostics d2;
  Parse("+++\ntitle = \"T\"\n[[cascade]\n+++\nBody\n", &d2);
  CHECK(FormatDiagnostic(d2.Sorted().at(0)) ==
        "content/a.en.md:3:1: error: TOML array of tables header is not closed by ']]'\n"
        " 3 | [[cascade]\n"
        "   | ^\n");
  Diagnostics d3;
  Parse("+++\ntitle = \"T\"\n", &d3);
  CHECK(d3.Sorted().at(0).message == "front matter is not closed by a '+++' line");
}

TEST_CASE("A weight that is no whole number orders the page as Hugo does, with a warning at it") {
  struct Case {
    const char* yaml;
    int weight;
    const char* message;
  };
  for (const Case& c : {Case{"---\ntitle: T\nweight: 2100,\n---\n", 0,
                             "front matter 'weight' must be a whole number, not '2100,'; the page is ordered as "
                             "with weight 0 (none), as Hugo orders it"},
                        Case{"---\ntitle: T\nweight: 2.5\n---\n", 2,
                             "front matter 'weight' must be a whole number, not '2.5'; the page is ordered as "
                             "with weight 2, as Hugo orders it"},
                        Case{"---\ntitle: T\nweight: [1]\n---\n", 0,
                             "front matter 'weight' must be a whole number; the page is ordered as with weight 0 "
                             "(none), as Hugo orders it"},
                        Case{"---\ntitle: T\nweight: -3\n---\n", -3, nullptr}}) {
    CAPTURE(c.yaml);
    Diagnostics diags;
    PageSource src = Parse(c.yaml, &diags);
    CHECK(src.front.weight == c.weight);
    CHECK(src.front.title == "T");
    CHECK(diags.ErrorCount() == 0);
    if (!c.message) {
      CHECK(diags.Sorted().empty());
      continue;
    }
    REQUIRE(diags.Sorted().size() == 1);
    CHECK(diags.Sorted()[0].severity == Severity::kWarning);
    CHECK(diags.Sorted()[0].pos.line == 3);
    CHECK(diags.Sorted()[0].pos.col == 9);
    CHECK(diags.Sorted()[0].message == c.message);
  }
}

TEST_CASE("url and slug set the page's URL inside its language's folder") {
  struct Case {
    const char* yaml;
    const char* key;
    const char* url_key;
  };
  const Case cases[] = {
      {"slug: setup\n", "guides/install", "guides/setup"},
      {"url: /docs/x/\n", "guides/install", "docs/x"},
      {"url: docs/./y/../x\n", "guides/install", "docs/x"},
      {"title: T\n", "guides/install", "guides/install"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    Diagnostics diags;
    PageSource src = Parse(std::string("---\n") + c.yaml + "---\n", &diags);
    CHECK(UrlKey(src.front, c.key, src.text, &diags) == c.url_key);
    CHECK_FALSE(diags.HasErrors());
  }
  // A url from the site's root naming the page's language folder, as Gitea's
  // docs write it, is the page's URL below that folder; written relative,
  // or naming another language, it is a folder of that name.
  const Case in_lang[] = {
      {"url: /zh-cn/bar/\n", "doc/bar", "bar"},
      {"url: /zh-CN/doc/bar\n", "doc/bar", "doc/bar"},
      {"url: zh-cn/bar/\n", "doc/bar", "zh-cn/bar"},
      {"url: /en-us/bar/\n", "doc/bar", "en-us/bar"},
  };
  for (const Case& c : in_lang) {
    INFO(c.yaml);
    Diagnostics diags;
    PageSource src = Parse(std::string("---\n") + c.yaml + "---\n", &diags);
    CHECK(UrlKey(src.front, c.key, src.text, &diags, nullptr, false, "zh-cn") == c.url_key);
    CHECK_FALSE(diags.HasErrors());
  }
}

TEST_CASE("A page's URL is its file's path as Hugo makes it: lowercased, spaces as '-'") {
  CHECK(HugoPath("docs/Getting started/Prerequisite", true) == "docs/getting-started/prerequisite");
  CHECK(HugoPath("docs/Tutorials/StreamX_Metainfo", true) == "docs/tutorials/streamx_metainfo");
  CHECK(HugoPath("docs/Tutorials/StreamX_Metainfo", false) == "docs/Tutorials/StreamX_Metainfo");
  CHECK(HugoPath("blog/What's new? (2024)", true) == "blog/whats-new-2024");
  CHECK(HugoPath("  lead/a  b", true) == "lead/a-b");
  CHECK(HugoPath("指南/快速 开始", true) == "指南/快速-开始");
  CHECK(HugoPath("blog/超大规模的企业级微服务 HTTP 框架 — Hertz 正式开源！", true) ==
        "blog/超大规模的企业级微服务-http-框架-hertz-正式开源");
  CHECK(HugoPath("Über Ärger/Émile", true) == "über-ärger/émile");
  CHECK(HugoPath("Über Ärger", false) == "Über-Ärger");
  CHECK(HugoPath("c++/a%20b/v1.2@x~y#z", true) == "c++/a%20b/v1.2@x~y#z");
  Diagnostics diags;
  PageSource plain = Parse("---\ntitle: T\n---\n", &diags);
  CHECK(UrlKey(plain.front, "docs/Getting started/Intro", plain.text, &diags) == "docs/getting-started/intro");
  SiteConfig keep_case;
  keep_case.lowercase_urls = false;
  CHECK(UrlKey(plain.front, "docs/Getting started/Intro", plain.text, &diags, &keep_case) == "docs/Getting-started/Intro");
  PageSource slug = Parse("---\nslug: My Setup\n---\n", &diags);
  CHECK(UrlKey(slug.front, "Guides/install", slug.text, &diags) == "guides/my-setup");
  // A url is the path written.
  PageSource url = Parse("---\nurl: /Docs/Old Name/\n---\n", &diags);
  CHECK(UrlKey(url.front, "guides/install", url.text, &diags) == "Docs/Old Name");
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("A permalink pattern gives a section's pages their URLs, as Hugo's permalinks do") {
  SiteConfig cfg;
  cfg.permalinks["blog"] = "/:section/:year/:month/:day/:slug/";
  cfg.permalinks["news"] = "/:sections/:filename-:title";
  cfg.permalinks["notes"] = "/n/:slugorfilename/";
  Diagnostics diags;
  PageSource post = Parse("---\ntitle: \"Hertz: An HTTP Framework, Open Source\"\ndate: 2022-06-21T10:00:00+08:00\n---\n", &diags);
  CHECK(UrlKey(post.front, "blog/news/Hertz_Open_Source", post.text, &diags, &cfg) ==
        "blog/2022/06/21/hertz-an-http-framework-open-source");
  CHECK(UrlKey(post.front, "news/2022/Launch", post.text, &diags, &cfg) ==
        "news/2022/launch-hertz-an-http-framework-open-source");
  CHECK(UrlKey(post.front, "notes/a/Launch", post.text, &diags, &cfg) == "n/launch");
  PageSource slugged = Parse("---\ntitle: T\nslug: My Post\ndate: 2024-01-05\n---\n", &diags);
  CHECK(UrlKey(slugged.front, "blog/x", slugged.text, &diags, &cfg) == "blog/2024/01/05/my-post");
  CHECK(UrlKey(slugged.front, "notes/x", slugged.text, &diags, &cfg) == "n/my-post");
  // A section's own page, a page of another section, and a url are not moved.
  CHECK(UrlKey(post.front, "blog", post.text, &diags, &cfg, true) == "blog");
  CHECK(UrlKey(post.front, "blog/news", post.text, &diags, &cfg, true) == "blog/news");
  CHECK(UrlKey(post.front, "docs/Intro", post.text, &diags, &cfg) == "docs/intro");
  PageSource moved = Parse("---\ntitle: T\nurl: /x/y/\n---\n", &diags);
  CHECK(UrlKey(moved.front, "blog/z", moved.text, &diags, &cfg) == "x/y");
  CHECK_FALSE(diags.HasErrors());
  CHECK(UnknownPermalinkToken("/:section/:year/:slug/").empty());
  CHECK(UnknownPermalinkToken("/:section/:monthname/:slug/") == ":monthname");
}

TEST_CASE("A url leaving the output folder is an error at its place") {
  for (const char* url : {"../../x", "/../x", "https://example.org/x", "/", "a?b"}) {
    INFO(url);
    Diagnostics diags;
    PageSource src = Parse(std::string("---\ntitle: T\nurl: ") + url + "\n---\n", &diags);
    CHECK(UrlKey(src.front, "a", src.text, &diags) == "a");
    CHECK(diags.ErrorCount() == 1);
  }
  Diagnostics diags;
  PageSource src = Parse("---\ntitle: T\nurl: ../../x\n---\n", &diags);
  UrlKey(src.front, "a", src.text, &diags);
  CHECK(FormatDiagnostic(diags.Sorted().at(0)) ==
        "content/a.en.md:3:6: error: url '../../x' leaves the language's folder (write a path such as /docs/page/)\n"
        " 3 | url: ../../x\n"
        "   |      ^~~~~~~\n");
}

TEST_CASE("Aliases become redirect files from the site's root or beside the page, as in Hugo") {
  Diagnostics diags;
  PageSource src = Parse("---\naliases: [/old/install/, setup-old, legacy.html, ../up/, ../../x, ../../../x, /]\n---\n",
                         &diags);
  std::vector<std::string> files = AliasFiles(src.front, "guides/install", "en", src.text, &diags);
  // "/old/install/" at the site's root; a relative one from the folder the page's URL is in,
  // its language's folder included, so "../../x" is at the root too.
  CHECK(files == std::vector<std::string>{"old/install/index.html", "en/guides/setup-old/index.html",
                                          "en/guides/legacy.html", "en/up/index.html", "x/index.html"});
  REQUIRE(diags.ErrorCount() == 2);
  CHECK(FormatDiagnostic(diags.Sorted().at(0)) ==
        "content/a.en.md:2:67: error: alias '../../../x' is not a path below the site's root\n"
        " 2 | aliases: [/old/install/, setup-old, legacy.html, ../up/, ../../x, ../../../x, /]\n"
        "   |                                                                   ^~~~~~~~~~\n");
}

TEST_CASE("An alias that starts with a language folder is that folder at the site's root") {
  // Docsy sites write `aliases: [/en/overview/core-features/load-balance/]` on the English page,
  // and a zh-cn page of dubbo's site `aliases: [/zh/overview/load-balance/]`.
  Diagnostics diags;
  PageSource src = Parse("---\naliases:\n    - /zh-cn/overview/old/\n    - /zh/overview/old/\n    - /zh-cn/\n---\n", &diags);
  std::vector<std::string> files = AliasFiles(src.front, "overview/lb", "zh-cn", src.text, &diags);
  CHECK(files == std::vector<std::string>{"zh-cn/overview/old/index.html", "zh/overview/old/index.html",
                                          "zh-cn/index.html"});
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("FirstParagraph is the body's first paragraph of running text") {
  CHECK(FirstParagraph("## Heading\n\nFirst *line*\nwith a [link](x.md).\n\nSecond.\n") ==
        "First line with a link.");
  CHECK(FirstParagraph("```\ncode\n```\n\n- item\n\nText after a list.\n") == "Text after a list.");
  CHECK(FirstParagraph("It costs `=m.total`.\n\nPlain words.\n") == "Plain words.");
  CHECK(FirstParagraph("<!-- note\nmore -->\n{{< note >}}\nHi.\n") == "Hi.");
  CHECK(FirstParagraph("") == "");
  std::string longer(400, 'a');
  CHECK(FirstParagraph(longer) == std::string(300, 'a') + "…");
}

TEST_CASE("With Hugo's summary divider, every paragraph before it is the summary") {
  CHECK(FirstParagraph("## Intro\n\nFirst *part*.\n\n- a list is not text\n\nSecond part.\n<!--more-->\n\nThe rest.\n") ==
        "First part. Second part.");
  CHECK(FirstParagraph("第一段。\n\n第二段。\n\n<!--more-->\n第三段。\n") == "第一段。 第二段。");
  CHECK(FirstParagraph("<!--more-->\nAfter it only.\n") == "");  // an empty summary, as Hugo's
  std::string longer(700, 'a');
  CHECK(FirstParagraph(longer + "\n<!--more-->\n") == std::string(600, 'a') + "…");
}

TEST_CASE("TermKey makes a term's URL part as Hugo does") {
  CHECK(TermKey("Getting Started") == "getting-started");
  CHECK(TermKey("入门") == "入门");
  CHECK(TermKey("C++ / Go") == "c-go");
  CHECK(TermKey("..") == "");
}

}  // namespace
}  // namespace costsite::content
