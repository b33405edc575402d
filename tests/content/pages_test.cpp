#include "content/pages.h"

#include <catch2/catch.hpp>

namespace costsite::content {
namespace {

SiteConfig ZhEn() {
  SiteConfig cfg;
  cfg.languages = {"zh", "en"};
  cfg.default_language = "zh";
  return cfg;
}

TEST_CASE("A page's language code is one shared copy, read and compared as a string") {
  PageSource a, b;
  a.lang = "zh-hans";
  b.lang = std::string("zh-") + "hans";
  CHECK(&a.lang.str() == &b.lang.str());  // one copy of the code, however it was made
  CHECK(a.lang == b.lang);
  CHECK(a.lang == "zh-hans");
  CHECK(a.lang == std::string("zh-hans"));
  CHECK(a.lang == std::string_view("zh-hans"));
  CHECK(a.lang != "en");
  CHECK(std::string("en") != a.lang);
  CHECK("/" + a.lang + "/" == "/zh-hans/");
  CHECK(a.lang + std::string("/x") == "zh-hans/x");
  CHECK(std::string_view(a.lang).size() == 7);
  const std::string& as_string = a.lang;
  CHECK(as_string == "zh-hans");
  CHECK(PageSource().lang.empty());
  CHECK(PageSource().lang == LangCode(std::string()));  // one empty code, however made
  CHECK(LangCode("") == LangCode());
  b.lang = "en";
  CHECK(a.lang == "zh-hans");  // a's own code, not changed with b's
  CHECK(b.lang == "en");
  CHECK(sizeof(LangCode) == sizeof(void*));
}

TEST_CASE("ClassifyContentPath maps file names to keys and languages") {
  struct Case {
    const char* rel;
    const char* key;
    const char* lang;
    bool is_list;
  };
  const Case cases[] = {
      {"reports/gpu.zh.md", "reports/gpu", "zh", false},
      {"reports/gpu.en.md", "reports/gpu", "en", false},
      {"reports/gpu.md", "reports/gpu", "zh", false},
      {"_index.en.md", "", "en", true},
      {"_index.md", "", "zh", true},
      {"reports/_index.zh.md", "reports", "zh", true},
      {"v1.2-notes.md", "v1.2-notes", "zh", false},
      {"_index.en.html", "", "en", true},  // a page in HTML, as Hugo reads one
      {"docs/landing.html", "docs/landing", "zh", false},
  };
  for (const Case& c : cases) {
    INFO(c.rel);
    ContentPath cp = ClassifyContentPath(c.rel, ZhEn());
    CHECK(cp.error.empty());
    CHECK(cp.key == c.key);
    CHECK(cp.lang == c.lang);
    CHECK(cp.is_list == c.is_list);
  }
}

TEST_CASE("Markdown and HTML files are pages, other files are not") {
  for (const char* rel : {"a.md", "docs/_index.en.md", "a.html", "docs/_index.zh.html"}) CHECK(IsPageFile(rel));
  for (const char* rel : {".md", ".html", "a.htm", "a.png", "a.md.txt", "a.xhtml", "notes.markdown"})
    CHECK_FALSE(IsPageFile(rel));
  CHECK(IsHtmlPageFile("docs/_index.html"));
  CHECK_FALSE(IsHtmlPageFile("docs/_index.md"));
}

TEST_CASE("An HTML page's summary is the text of its first paragraph") {
  CHECK(FirstHtmlParagraph("<div class=\"x\">\n<h1>Hi</h1>\n<pre>code</pre>\n  <p class=\"intro\">Welcome  <b>home</b>,\n"
                           "Q&amp;A &lt;here&gt;<!-- a note --></p><p>Second</p>") == "Welcome home, Q&A <here>");
  CHECK(FirstHtmlParagraph("<p>One</p>\n<p>Two</p>\n<!--more-->\n<p>Three</p>") == "One Two");
  CHECK(FirstHtmlParagraph("<div>No paragraph</div>").empty());
  // A paragraph kept in a comment is not shown, so it is not the summary, nor any of its words.
  CHECK(FirstHtmlParagraph("<!--<p class=\"lead\">\n  Old words.\n</p>-->\n<p>New <!-- not <b>this</b> -->words.</p>") ==
        "New words.");
  CHECK(FirstHtmlParagraph("<!--<p>old</p>--><p>One</p>\n<!--more-->\n<p>Two</p>") == "One");
  CHECK(FirstParagraph("Shown <!--<b>hidden</b>-->text.\n") == "Shown text.");
  CHECK(FirstHtmlParagraph("<p>{{< param \"version\" >}}</p>").empty());
}

TEST_CASE("ClassifyContentPath with content_layout: folders takes the language from the folder") {
  SiteConfig cfg = ZhEn();
  cfg.content_layout = ContentLayout::kFolders;
  struct Case {
    const char* rel;
    const char* key;
    const char* lang;
    bool is_list;
  };
  const Case cases[] = {
      {"zh/reports/gpu.md", "reports/gpu", "zh", false},
      {"en/reports/gpu.md", "reports/gpu", "en", false},
      {"en/reports/gpu.en.md", "reports/gpu", "en", false},
      {"en/_index.md", "", "en", true},
      {"zh/guide/index.md", "guide", "zh", false},
  };
  for (const Case& c : cases) {
    INFO(c.rel);
    ContentPath cp = ClassifyContentPath(c.rel, cfg);
    CHECK(cp.error.empty());
    CHECK(cp.key == c.key);
    CHECK(cp.lang == c.lang);
    CHECK(cp.is_list == c.is_list);
  }
  CHECK(ClassifyContentPath("reports/gpu.md", cfg).error ==
        "with content_layout: folders every page is in a language folder (content/LANG/...; site languages: zh, en)");
  CHECK(ClassifyContentPath("fr/gpu.md", cfg).error.find("every page is in a language folder") != std::string::npos);
  CHECK(ClassifyContentPath("zh/gpu.en.md", cfg).error == "language suffix 'en' in the 'zh' folder");
  // The suffix layout reads "zh/" as an ordinary folder.
  CHECK(ClassifyContentPath("zh/gpu.md", ZhEn()).key == "zh/gpu");
}

TEST_CASE("ClassifyContentPath rejects an unknown language suffix") {
  ContentPath cp = ClassifyContentPath("reports/gpu.fr.md", ZhEn());
  CHECK(cp.error == "unknown language suffix 'fr' (site languages: zh, en)");
}

TEST_CASE("ClassifyContentPath rejects keys with empty, '.' or '..' parts") {
  struct Case {
    const char* rel;
    const char* key;
  };
  // "...en.md" would be written to en/../index.html, the site's root index.
  const Case cases[] = {
      {"...en.md", ".."}, {"...md", ".."}, {"a/...zh.md", "a/.."}, {"..md", "."},
      {"a/.md", "a/"},    {".en.md", ""},  {"../_index.md", ".."},
  };
  for (const Case& c : cases) {
    INFO(c.rel);
    ContentPath cp = ClassifyContentPath(c.rel, ZhEn());
    CHECK(cp.key == c.key);
    CHECK(cp.error_code == "page-name");
    CHECK(cp.error == std::string("the file name gives the page key '") + c.key +
                          "', whose parts may not be empty, '.' or '..'; rename the file");
  }
  CHECK(ClassifyContentPath(".hidden/a..b.md", ZhEn()).error.empty());  // dots inside a name are fine
}

TEST_CASE("ParseFrontMatter reads fields and finds the body") {
  PageSource src;
  src.path = "content/a.en.md";
  src.text = "---\ntitle: GPU cost\nweight: 3\ndraft: false\ntranslation_of: abc123\n---\n# Body\n";
  Diagnostics diags;
  ParseFrontMatter(&src, &diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(src.front.title == "GPU cost");
  CHECK(src.front.weight == 3);
  CHECK(src.front.more().translation_of == "abc123");
  CHECK(src.front.more().translation_pos.line == 5);
  CHECK(src.body() == "# Body\n");
  CHECK(src.body_line == 7);
}

TEST_CASE("ParseFrontMatter skips blank lines and a byte order mark before the fence, as Hugo does") {
  // Docsy sites have files that start with an empty line: "\n---\ntype: docs\n...".
  for (const char* lead : {"\n", "\n  \n", "\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n"}) {
    PageSource src;
    src.path = "content/zh-cn/overview/_index.md";
    src.text = std::string(lead) + "---\ntype: docs\ntitle: \"Dubbo 核心特性\"\nlinkTitle: \"功能\"\nweight: 30\n---\nBody\n";
    Diagnostics diags;
    ParseFrontMatter(&src, &diags);
    INFO(lead);
    CHECK_FALSE(diags.HasErrors());
    CHECK(src.front.title == "Dubbo 核心特性");
    CHECK(src.front.weight == 30);
    CHECK(src.body() == "Body\n");
  }
  PageSource typed;  // diagnostics name the file's own lines
  typed.path = "content/c.md";
  typed.text = "\n\n+++\nweight = \"heavy\"\n+++\n";
  Diagnostics diags;
  ParseFrontMatter(&typed, &diags);
  REQUIRE(diags.Sorted().size() == 1);
  CHECK(diags.Sorted().at(0).pos.line == 4);
  PageSource rule;  // text before the fence: no front matter, the `---` is the body's
  rule.path = "content/d.md";
  rule.text = "Intro\n---\ntitle: x\n---\n";
  Diagnostics d2;
  ParseFrontMatter(&rule, &d2);
  CHECK(rule.front.title.empty());
  CHECK(rule.body_offset == 0);
}

TEST_CASE("ParseFrontMatter reads the headline with its place and line") {
  for (const char* yaml : {"headline: gpu[spot].total\n", "headline: \"gpu[spot].total\"\n",
                           "headline: gpu[spot].total  # the home page row\n"}) {
    PageSource src;
    src.path = "content/a.en.md";
    src.text = std::string("---\ntitle: T\n") + yaml + "---\nBody\n";
    Diagnostics diags;
    ParseFrontMatter(&src, &diags);
    INFO(yaml);
    CHECK_FALSE(diags.HasErrors());
    CHECK(src.front.more().headline == "gpu[spot].total");
    CHECK(src.front.more().headline_pos.line == 3);
    CHECK(src.front.more().headline_pos.col == (yaml[10] == '"' ? 12 : 11));
    CHECK(src.front.more().headline_line + "\n" == yaml);
  }
}

TEST_CASE("ParseFrontMatter reports YAML errors at the file's line") {
  PageSource src;
  src.path = "content/a.en.md";
  src.text = "---\ntitle: ok\nweight: [1\n---\nbody\n";
  Diagnostics diags;
  ParseFrontMatter(&src, &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].pos.line >= 3);
  CHECK(all[0].pos.path == "content/a.en.md");
  CHECK(all[0].source_line == std::string(LineOf(src.text, all[0].pos.line)));
}

TEST_CASE("ParseFrontMatter reports an unclosed block and a wrong type") {
  PageSource open;
  open.path = "content/b.md";
  open.text = "---\ntitle: x\n";
  Diagnostics diags;
  ParseFrontMatter(&open, &diags);
  CHECK(diags.Sorted().at(0).message == "front matter is not closed by a '---' line");

  PageSource typed;
  typed.path = "content/c.md";
  typed.text = "---\nweight: heavy\n---\n";
  Diagnostics d2;
  ParseFrontMatter(&typed, &d2);
  CHECK(FormatDiagnostic(d2.Sorted().at(0)) ==
        "content/c.md:2:9: warning: front matter 'weight' must be a whole number, not 'heavy'; the page is ordered as with weight 0 (none), as Hugo orders it\n"
        " 2 | weight: heavy\n"
        "   |         ^\n");
}

TEST_CASE("PairTranslations groups files by key in language order") {
  std::vector<PageSource> sources(3);
  sources[0].path = "content/reports/gpu.en.md";
  sources[0].lang = "en";
  sources[1].path = "content/reports/gpu.zh.md";
  sources[1].lang = "zh";
  sources[2].path = "content/_index.zh.md";
  sources[2].lang = "zh";
  Diagnostics diags;
  auto pages = PairTranslations(sources, ZhEn(), &diags);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].key.empty());
  CHECK(pages[0].is_list);
  CHECK(pages[1].key == "reports/gpu");
  REQUIRE(pages[1].sources.size() == 2);
  CHECK(pages[1].sources[0].lang == "zh");
  CHECK(pages[1].sources[1].lang == "en");
  CHECK(pages[1].In("en")->path == "content/reports/gpu.en.md");
}

TEST_CASE("PairTranslations reports two files for one page and language") {
  std::vector<PageSource> sources(2);
  sources[0].path = "content/gpu.md";
  sources[0].lang = "zh";
  sources[1].path = "content/gpu.zh.md";
  sources[1].lang = "zh";
  Diagnostics diags;
  PairTranslations(sources, ZhEn(), &diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.Sorted()[0].message == "page 'gpu' already has a 'zh' version in content/gpu.md");
}

TEST_CASE("PairTranslations sorts sources read in any order, keeping the first of two for one language") {
  auto source = [](std::string path, std::string lang, std::string title) {
    PageSource s;
    s.path = std::move(path);
    s.lang = std::move(lang);
    s.front.title = std::move(title);
    return s;
  };
  std::vector<PageSource> sources;
  sources.push_back(source("content/b.en.md", "en", "b en"));
  sources.push_back(source("content/news/_index.en.md", "en", "news en"));
  sources.push_back(source("content/a.md", "zh", "a first"));
  sources.push_back(source("content/b.zh.md", "zh", "b zh"));
  sources.push_back(source("content/a.zh.md", "zh", "a second"));
  sources.push_back(source("content/a.en.md", "en", "a en"));
  Diagnostics diags;
  auto pages = PairTranslations(sources, ZhEn(), &diags);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].key == "a");
  CHECK(pages[1].key == "b");
  CHECK(pages[2].key == "news");
  CHECK_FALSE(pages[0].is_list);
  CHECK(pages[2].is_list);
  REQUIRE(pages[0].sources.size() == 2);
  CHECK(pages[0].sources[0].front.title == "a first");
  CHECK(pages[0].sources[1].front.title == "a en");
  REQUIRE(pages[1].sources.size() == 2);
  CHECK(pages[1].sources[0].lang == "zh");
  CHECK(pages[1].sources[1].lang == "en");
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.Sorted()[0].pos.path == "content/a.zh.md");
  CHECK(diags.Sorted()[0].message == "page 'a' already has a 'zh' version in content/a.md");
}

TEST_CASE("ContentHash is stable, short, and ignores line endings") {
  CHECK(ContentHash("a\nb\n") == ContentHash("a\r\nb\r\n"));
  CHECK(ContentHash("a") != ContentHash("b"));
  CHECK(ContentHash("").size() == 12);
  CHECK(ContentHash("") == "cbf29ce48422");  // FNV-1a 64 offset basis
}

}  // namespace
}  // namespace costsite::content

#include <yaml-cpp/yaml.h>

namespace costsite::content {
namespace {

// What yaml-cpp makes of a front matter block, read field by field as the
// loader does: the reference the hand-read simple forms must agree with.
std::string ViaYamlCpp(const std::string& yaml) {
  YAML::Node doc;
  try {
    doc = YAML::Load(yaml);
  } catch (const YAML::Exception&) {
    return "(malformed)";
  }
  FrontMatter f;
  if (doc.IsMap()) {
    for (const auto& kv : doc) {
      std::string key = kv.first.Scalar();
      try {
        if (key == "title") f.title = kv.second.as<std::string>();
        else if (key == "description") f.set_description(kv.second.as<std::string>());
        else if (key == "weight") f.weight = kv.second.as<int>();
        else if (key == "draft") f.draft = kv.second.as<bool>();
        else if (key == "translation_of") {
          f.more_mut().translation_of = kv.second.as<std::string>();
          f.more_mut().translation_pos = {"p.md", kv.second.Mark().line + 2, kv.second.Mark().column + 1};
        } else if (key == "headline") {
          f.more_mut().headline = kv.second.as<std::string>();
          char first = yaml[kv.second.Mark().pos];
          f.more_mut().headline_pos = {"p.md", kv.second.Mark().line + 2,
                            kv.second.Mark().column + (first == '"' || first == '\'' ? 2 : 1)};
        }
      } catch (const YAML::Exception&) {
        return "(wrong type)";
      }
    }
  }
  return f.title + "|" + f.description() + "|" + std::to_string(f.weight) + "|" + (f.draft ? "d" : "-") + "|" +
         f.more_mut().translation_of + "@" + std::to_string(f.more_mut().translation_pos.line) + ":" + std::to_string(f.more_mut().translation_pos.col) +
         "|" + f.more_mut().headline + "@" + std::to_string(f.more_mut().headline_pos.line) + ":" + std::to_string(f.more_mut().headline_pos.col);
}

std::string ViaLoader(const std::string& yaml, int* errors) {
  PageSource src;
  src.path = "p.md";
  src.text = "---\n" + yaml + "---\nbody\n";
  Diagnostics diags;
  ParseFrontMatter(&src, &diags);
  *errors = diags.ErrorCount();
  const FrontMatter& f = src.front;
  return f.title + "|" + f.description() + "|" + std::to_string(f.weight) + "|" + (f.draft ? "d" : "-") + "|" +
         f.more().translation_of + "@" + std::to_string(f.more().translation_pos.line) + ":" + std::to_string(f.more().translation_pos.col) +
         "|" + f.more().headline + "@" + std::to_string(f.more().headline_pos.line) + ":" + std::to_string(f.more().headline_pos.col);
}

TEST_CASE("Front matter reads as yaml-cpp reads it, whatever the form") {
  const std::vector<std::string> values = {
      "GPU cost", "\"GPU 成本：月度\"", "'Tom''s report'", "'single'", "\"quoted # not a comment\"",
      "a#b", "a: b", "a #c", "2025-01-15", "true", "yes", "123", "-7", "012", "1e3", "~", "null", "",
      "\"esc\\\"aped\"", "\"tab\\there\"", "[a, b]", "{a: 1}", "&anchor x", "*alias", "!tag x", "|",
      ">", "- item", "%x", "@x", "`x`", "'open", "\"open", "Tom's report", "  spaced  ", "3.5",
      "报告 1：GPU 成本", "x:", "http://example.com/a", "\"\"", "''", "a\tb", "TRUE", "False",
  };
  int compared = 0;
  for (std::string key : {"title", "description", "weight", "draft", "translation_of", "headline", "other"}) {
    for (const std::string& value : values) {
      for (std::string layout : {"%k: %v\n", "%k:  %v\n", "# note\n%k: %v\nweight: 2\n", "%k: %v\r\n",
                                        "title: T\n%k: %v\n%k: %v\n", "  %k: %v\n", "%k: %v   \n"}) {
        std::string yaml = layout;
        for (size_t at; (at = yaml.find("%k")) != std::string::npos;) yaml.replace(at, 2, key);
        for (size_t at; (at = yaml.find("%v")) != std::string::npos;) yaml.replace(at, 2, value);
        std::string expected = ViaYamlCpp(yaml);
        if (expected == "(malformed)" || expected == "(wrong type)") continue;  // errors: yaml-cpp's own path
        int errors = 0;
        INFO(yaml);
        if (value == "'open" || value == "\"open") {
          // yaml-cpp reads an unclosed quote to the end of the front matter
          // ("open weight: 2"); that is an error at the quote instead.
          ViaLoader(yaml, &errors);
          CHECK(errors == 1);
          continue;
        }
        CHECK(ViaLoader(yaml, &errors) == expected);
        CHECK(errors == 0);
        ++compared;
      }
    }
  }
  CHECK(compared > 500);
}

}  // namespace
}  // namespace costsite::content

#include "tests/test_util.h"

namespace costsite::content {
namespace {

namespace fs = std::filesystem;

// A page's file is checked against the site folder when it is read, not only
// when content/ is listed: serve reads a page again on each edit, and a
// build reads it again to render it, by which time it may be a link.
TEST_CASE("A page's file is read only while its real path is inside the site") {
  TempDir tmp;
  fs::path site = tmp.path() / "site";
  const std::string text = "---\ntitle: A\n---\nPublic.\n";
  WriteAll(site / "content/a.en.md", text);
  WriteAll(tmp.path() / "secret.md", text);  // the same bytes, so no digest tells them apart
  SiteConfig cfg;
  cfg.languages = {"en"};
  cfg.default_language = "en";

  SECTION("LoadSource refuses a link to a file outside") {
    fs::create_symlink(tmp.path() / "secret.md", site / "content/b.en.md");
    PageSource src;
    Diagnostics diags;
    CHECK_FALSE(LoadSource(site, "b.en.md", cfg, &src, &diags));
    CHECK(src.text.empty());
    CHECK(AllDiagnostics(diags) == "content/b.en.md: error: symbolic link points outside the site folder\n");
  }
  SECTION("ReloadText refuses a file that became such a link after loading") {
    Diagnostics diags;
    std::vector<Page> pages = LoadContent(site, cfg, &diags, 1, /*keep_text=*/false);
    REQUIRE(AllDiagnostics(diags).empty());
    PageSource* a = nullptr;
    for (Page& p : pages)
      for (PageSource& s : p.sources)
        if (s.path == "content/a.en.md") a = &s;
    REQUIRE(a != nullptr);
    REQUIRE(a->unloaded());
    fs::remove(site / "content/a.en.md");
    fs::create_symlink(tmp.path() / "secret.md", site / "content/a.en.md");
    CHECK_FALSE(ReloadText(site, a, &diags));
    CHECK(a->unloaded());
    CHECK(AllDiagnostics(diags) == "content/a.en.md: error: symbolic link points outside the site folder\n");
  }
  SECTION("A build that lets the text go puts the first paragraph away, and reads it back") {
    WriteAll(site / "content/b.en.md", "---\ntitle: B\n---\n## Overview\n\nThe *first* paragraph.\n\nThe second.\n");
    Diagnostics diags;
    for (bool keep : {true, false}) {
      std::vector<Page> pages = LoadContent(site, cfg, &diags, 1, keep);
      REQUIRE(AllDiagnostics(diags).empty());
      const PageSource* b = nullptr;
      for (const Page& p : pages)
        for (const PageSource& s : p.sources)
          if (s.path == "content/b.en.md") b = &s;
      REQUIRE(b != nullptr);
      INFO("keep_text " << keep);
      CHECK(b->first_paragraph.put_away() == !keep);
      CHECK(b->first_paragraph.str() == "The first paragraph.");
    }
  }
  SECTION("Of a page's cost blocks, only those of the billing export are kept past loading") {
    WriteAll(site / "content/d.en.md",
             "---\ntitle: D\n---\n```cost table model=gpu\n```\n\n~~~ cost chart model=gpu\n~~~\n\n"
             "```cost   actuals group=ServiceName period=2024-10 \n```\n\n```cost\tactuals group=x\n```\n\n"
             "```cost actualsx group=y\n```\n\n```costs actuals\n```\n\n````cost actuals\n````\n");
    PageSource src;
    Diagnostics diags;
    REQUIRE(LoadSource(site, "d.en.md", cfg, &src, &diags));
    CHECK(src.actuals_fences() == std::vector<std::string>{"cost   actuals group=ServiceName period=2024-10",
                                                          "cost\tactuals group=x", "cost actuals"});
  }
  SECTION("A link that stays inside the site is read") {
    WriteAll(site / "notes/c.md", text);
    fs::create_symlink(site / "notes/c.md", site / "content/c.en.md");
    PageSource src;
    Diagnostics diags;
    CHECK(LoadSource(site, "c.en.md", cfg, &src, &diags));
    CHECK(src.text == text);
    CHECK(AllDiagnostics(diags).empty());
  }
}

}  // namespace
}  // namespace costsite::content

namespace costsite::content {
namespace {

// One page of each kind and the files around them, as a site lays them out.
std::vector<Page> LoadBundles(const SiteConfig& cfg, const std::vector<std::string>& files, Diagnostics* diags) {
  TempDir tmp;
  for (const std::string& f : files) WriteAll(tmp.path() / "content" / f, "---\ntitle: T\n---\nx\n");
  return LoadContent(tmp.path(), cfg, diags, 1);
}

const Page* Find(const std::vector<Page>& pages, const std::string& key) {
  for (const Page& p : pages)
    if (p.key == key) return &p;
  return nullptr;
}

std::vector<std::string> Names(const Page& page) {
  std::vector<std::string> names;
  for (const Resource& r : page.resources) names.push_back(r.name + (r.lang.empty() ? "" : "@" + r.lang));
  return names;
}

}  // namespace

TEST_CASE("LoadContent gives a bundle's files to its page, as Hugo does") {
  Diagnostics diags;
  std::vector<Page> pages = LoadBundles(ZhEn(),
                                        {"guide/index.zh.md", "guide/index.en.md", "guide/chart.png",
                                         "guide/img/a.svg", "sec/_index.md", "sec/b.pdf", "sec/deep/c.png",
                                         "sec/page.md", "loose/d.png"},
                                        &diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  // A leaf bundle (index) owns every file below its folder.
  REQUIRE(Find(pages, "guide"));
  CHECK(Names(*Find(pages, "guide")) == std::vector<std::string>{"chart.png", "img/a.svg"});
  CHECK(Find(pages, "guide")->resources[0].path == "content/guide/chart.png");
  // A branch bundle (_index) only the files beside it.
  REQUIRE(Find(pages, "sec"));
  CHECK(Names(*Find(pages, "sec")) == std::vector<std::string>{"b.pdf"});
  CHECK(Find(pages, "sec/page")->resources.empty());
  // Files in no bundle are not published (the home page, synthesised, is the
  // root's branch bundle, but loose/ is below it).
  CHECK(Find(pages, "")->resources.empty());
}

TEST_CASE("LoadContent with content_layout: folders reads each language's folder") {
  SiteConfig cfg;
  cfg.languages = {"zh", "en"};
  cfg.default_language = "en";
  cfg.content_layout = ContentLayout::kFolders;
  Diagnostics diags;
  std::vector<Page> pages =
      LoadBundles(cfg, {"en/_index.md", "zh/_index.md", "en/docs/a.md", "zh/docs/a.md", "en/docs/b/index.md",
                        "en/docs/b/pic.png", "zh/docs/b/index.md", "zh/docs/b/pic.png", "zh/docs/b/zh-only.png"},
                  &diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].key.empty());
  REQUIRE(pages[1].sources.size() == 2);
  CHECK(pages[1].key == "docs/a");
  CHECK(pages[1].sources[0].lang == "zh");
  CHECK(pages[1].sources[0].path == "content/zh/docs/a.md");
  CHECK(pages[1].sources[1].path == "content/en/docs/a.md");
  CHECK(Names(pages[2]) == std::vector<std::string>{"pic.png@en", "pic.png@zh", "zh-only.png@zh"});
}

}  // namespace costsite::content

namespace costsite::content {

// LoadContent makes the pages from the files' paths and reads each file into
// its place: what is dropped after reading (drafts, headless pages, files
// that cannot be pages) must leave the same pages as pairing what was read.
TEST_CASE("LoadContent drops drafts and headless pages, reports a second file for one language, keeps the first") {
  TempDir tmp;
  fs::path site = tmp.path() / "site";
  auto page = [&](const std::string& rel, const std::string& front) {
    WriteAll(site / "content" / rel, "---\ntitle: T\n" + front + "---\nBody of " + rel + ".\n");
  };
  page("a.zh.md", "");
  page("a.en.md", "draft: true\n");       // a's English is a draft: a is Chinese only
  page("b.en.md", "draft: true\n");       // b has no page at all
  page("c.en.md", "headless: true\n");    // nor c
  page("d.en.md", "");
  page("d/index.en.md", "");              // d in English twice: d.en.md is kept
  page("d.zh.md", "");
  page("e.fr.md", "");                    // no such language: reported, no page
  page("f/index.en.md", "draft: true\n");  // a draft beside f.en.md is no second version
  page("f.en.md", "");
  for (int threads : {1, 2}) {
    Diagnostics diags;
    std::vector<Page> pages = LoadContent(site, ZhEn(), &diags, threads, /*keep_text=*/false);
    INFO("threads " << threads << "\n" << AllDiagnostics(diags));
    std::vector<std::string> got;
    for (const Page& p : pages) {
      std::string line = p.key + ":";
      for (const PageSource& s : p.sources) line += " " + s.path;
      got.push_back(line);
    }
    CHECK(got == std::vector<std::string>{": content/_index.zh.md content/_index.en.md", "a: content/a.zh.md",
                                          "d: content/d.zh.md content/d.en.md", "f: content/f.en.md"});
    const std::vector<Diagnostic> all = diags.Sorted();
    REQUIRE(all.size() == 2);
    CHECK(all[0].pos.path == "content/d/index.en.md");
    CHECK(all[0].message == "page 'd' already has a 'en' version in content/d.en.md");
    CHECK(all[0].source_line == "---");
    CHECK(all[1].pos.path == "content/e.fr.md");
    for (const Page& p : pages) {
      CHECK(p.sources.capacity() == p.sources.size());  // no slot left over from a dropped file
      for (const PageSource& s : p.sources) CHECK(s.text.find("Body") == std::string::npos);  // let go
    }
  }
}

}  // namespace costsite::content

namespace costsite::content {

TEST_CASE("A page's taxonomy and term are empty until set, and a copy holds its own") {
  Page page;
  page.key = "tags/gpu";
  CHECK(page.taxonomy().empty());
  CHECK(page.term().empty());
  page.set_taxonomy("tags", "GPU");
  Page copy = page;
  page.set_taxonomy("tags", "");
  CHECK(page.taxonomy() == "tags");
  CHECK(page.term().empty());
  CHECK(copy.taxonomy() == "tags");
  CHECK(copy.term() == "GPU");
  copy.set_taxonomy("", "");
  CHECK(copy.taxonomy().empty());
  CHECK(copy.term().empty());
}

}  // namespace costsite::content
