// The sections/ part of the hugo-docs fixture, built end to end: section
// lists, breadcrumbs, dates, taxonomies, aliases, menus, slug and url, feeds.
// The fixture keeps Hugo's layout (content/en, content/zh; site.yaml:
// content_layout: folders) and is built from a copy.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

fs::path FixtureCopy(const fs::path& dest) {
  fs::copy(fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/hugo-docs", dest, fs::copy_options::recursive);
  return dest;
}

// The link texts of a page's list of entries, in order.
std::vector<std::string> ListTitles(const std::string& html, const std::string& list_class = "page-list") {
  std::vector<std::string> out;
  size_t start = html.find("class=\"" + list_class + "\"");
  if (start == std::string::npos) return out;
  size_t end = html.find("</section>", start);
  if (end == std::string::npos) end = html.find("</ul>", start);
  std::string list = html.substr(start, end - start);
  static const std::regex kItem("<li[^>]*><a href=\"[^\"]*\">([^<]*)</a>");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), kItem); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

// A section "many" of 60 pages (p00 … p59, weighted in that order) in both
// languages, its own page holding `text`.
void WriteManySection(const fs::path& src, const std::string& text) {
  for (const char* lang : {"en", "zh"}) {
    fs::path dir = src / "content" / lang / "many";
    fs::create_directories(dir);
    WriteAll(dir / "_index.md", std::string("---\ntitle: Many ") + lang + "\n---\n" + text);
    for (int i = 0; i < 60; ++i) {
      char name[16];
      std::snprintf(name, sizeof name, "p%02d", i);
      WriteAll(dir / (std::string(name) + ".md"),
               "---\ntitle: Page " + std::string(name) + "\nweight: " + std::to_string(i + 1) + "\n---\nText.\n");
    }
  }
}

struct Built {
  TempDir tmp;
  fs::path site;
  Built() {
    fs::path src = FixtureCopy(tmp.path() / "src");
    site = tmp.path() / "out";
    CliResult r = Costsite("build --source " + src.string() + " --out " + site.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.output.find(" 0 warnings") != std::string::npos);
  }
  std::string Page(const std::string& rel) const { return ReadAll(site / rel); }
};

TEST_CASE("A section lists its own children in Hugo's order, with summaries") {
  Built b;
  std::string section = b.Page("en/sections/index.html");
  CHECK(ListTitles(section) == std::vector<std::string>{"Install", "Configuring the tool", "Reference", "Concepts",
                                                        "A newer note", "A page with its own URL", "An older note"});
  CHECK(section.find("<p>A note from the first release, kept for reference.</p>") != std::string::npos);
  CHECK(section.find("<p>The newest unweighted page comes first among the unweighted ones.</p>") != std::string::npos);
  CHECK(section.find("A second paragraph") == std::string::npos);
  CHECK(section.find("<a href=\"install/index.html\">Install</a> <time datetime=\"2024-03-05\">March 5, 2024</time> "
                     "<span class=\"updated\">Updated <time datetime=\"2024-04-01\">April 1, 2024</time></span>") !=
        std::string::npos);
  // deep/ has no _index: its page belongs to the section above.
  CHECK(ListTitles(b.Page("en/sections/reference/index.html")) ==
        std::vector<std::string>{"Options", "Commands", "Flags"});
  CHECK(ListTitles(b.Page("zh/sections/reference/index.html")) == std::vector<std::string>{"选项", "命令", "标志"});
  CHECK(ListTitles(b.Page("zh/sections/concepts/index.html")) == std::vector<std::string>{"模型"});
  CHECK(b.Page("zh/sections/concepts/index.html").find("<p>工具在内存中保存什么。</p>") != std::string::npos);
  CHECK_FALSE(fs::exists(b.site / "en/sections/draft/index.html"));
  // The home page lists its own children: the section, not every page.
  CHECK(ListTitles(b.Page("en/index.html"), "report-list") ==
        std::vector<std::string>{"Headings", "Sections guide", "Shortcodes", "Links", "Page bundles", "Static files"});
}

TEST_CASE("Nested sections get breadcrumbs and a section sidebar") {
  Built b;
  std::string page = b.Page("zh/sections/reference/commands/index.html");
  CHECK(page.find("<a href=\"../../../index.html\">首页</a> › <a href=\"../../index.html\">栏目指南</a> › "
                  "<a href=\"../index.html\">参考</a></nav>") != std::string::npos);
  CHECK(page.find("<nav class=\"section-nav\" aria-label=\"本栏目页面\">") != std::string::npos);
  CHECK(page.find("<a href=\"index.html\" aria-current=\"page\">命令</a>") != std::string::npos);
  CHECK(page.find("<a href=\"../all-options/index.html\">选项</a>") != std::string::npos);
}

// The link texts of a page's section sidebar, its own page included.
std::vector<std::string> SidebarTitles(const std::string& html) {
  std::vector<std::string> out;
  size_t start = html.find("<nav class=\"section-nav\"");
  if (start == std::string::npos) return out;
  std::string nav = html.substr(start, html.find("</nav>", start) - start);
  static const std::regex kItem("<li[^>]*><a href=\"[^\"]*\"[^>]*>([^<]*)</a>");
  for (auto it = std::sregex_iterator(nav.begin(), nav.end(), kItem); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST_CASE("A large section's sidebar shows the window around the page and links to the whole list") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  WriteManySection(src, "");
  fs::path site = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + site.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string page = ReadAll(site / "en/many/p40/index.html");
  std::vector<std::string> shown = SidebarTitles(page);
  // 50 of the 60, the page's own near the middle: p15 to p64 would pass the
  // end, so the window is the last 50 (p10 to p59).
  REQUIRE(shown.size() == 50);
  CHECK(shown.front() == "Page p10");
  CHECK(shown.back() == "Page p59");
  CHECK(page.find("<a href=\"index.html\" aria-current=\"page\">Page p40</a>") != std::string::npos);
  CHECK(page.find("<p class=\"section-nav-more\"><a href=\"../index.html\">All pages of this section</a> (60)</p>") !=
        std::string::npos);
  std::string first = ReadAll(site / "zh/many/p00/index.html");
  std::vector<std::string> zh = SidebarTitles(first);
  CHECK(zh.size() == 50);
  CHECK(zh.front() == "Page p00");
  CHECK(zh.back() == "Page p49");
  CHECK(first.find("本栏目全部页面</a> (60)") != std::string::npos);
  // A section of up to 50 pages lists them all, without the link.
  CHECK(ReadAll(site / "en/sections/reference/commands/index.html").find("section-nav-more") == std::string::npos);
}

TEST_CASE("A list longer than pager_size is shown a page of entries at a time") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  WriteManySection(src, "The section's own text.\n");
  fs::path site = tmp.path() / "out";
  SECTION("200 entries a page unless the site says otherwise: 60 are one page") {
    CliResult r = Costsite("build --source " + src.string() + " --out " + site.string());
    REQUIRE(r.exit_code == 0);
    CHECK(ListTitles(ReadAll(site / "en/many/index.html")).size() == 60);
    CHECK(ReadAll(site / "en/many/index.html").find("list-pager") == std::string::npos);
    CHECK_FALSE(fs::exists(site / "en/many/page/2"));
  }
  SECTION("pager_size: 25 makes three pages, in order, each linking to the others") {
    WriteAll(src / "site.yaml", ReadAll(src / "site.yaml") + "pager_size: 25\n");
    CliResult r = Costsite("build --source " + src.string() + " --out " + site.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find(" 0 warnings") != std::string::npos);
    std::vector<std::string> all;
    for (const char* file : {"en/many/index.html", "en/many/page/2/index.html", "en/many/page/3/index.html"}) {
      std::vector<std::string> titles = ListTitles(ReadAll(site / file));
      CHECK(titles.size() == (all.size() < 50 ? 25u : 10u));
      all.insert(all.end(), titles.begin(), titles.end());
    }
    REQUIRE(all.size() == 60);
    for (int i = 0; i < 60; ++i) {
      char name[16];
      std::snprintf(name, sizeof name, "Page p%02d", i);
      CHECK(all[static_cast<size_t>(i)] == name);
    }
    CHECK_FALSE(fs::exists(site / "en/many/page/4"));
    CHECK_FALSE(fs::exists(site / "en/many/page/1"));  // the first page is the section's own

    std::string first = ReadAll(site / "en/many/index.html");
    CHECK(first.find("<span aria-current=\"page\">Page 1 of 3</span>\n"
                     "<a href=\"page/2/index.html\" rel=\"next\">Next</a>\n"
                     "<a href=\"page/3/index.html\">Last</a>\n</nav>") != std::string::npos);
    CHECK(first.find("The section's own text.") != std::string::npos);
    std::string second = ReadAll(site / "en/many/page/2/index.html");
    CHECK(second.find("<a href=\"../../index.html\" rel=\"prev\">Previous</a>\n"
                      "<span aria-current=\"page\">Page 2 of 3</span>\n"
                      "<a href=\"../3/index.html\" rel=\"next\">Next</a>\n</nav>") != std::string::npos);
    // The section's text is on its first page only; the page's place is in its title.
    CHECK(second.find("The section's own text.") == std::string::npos);
    CHECK(second.find("<title>Many en · Hugo docs fixture · Page 2 of 3</title>") != std::string::npos);
    CHECK(second.find("<a href=\"../../p30/index.html\">Page p30</a>") != std::string::npos);
    std::string third = ReadAll(site / "zh/many/page/3/index.html");
    CHECK(third.find("<a href=\"../../index.html\">第一页</a>\n<a href=\"../2/index.html\" rel=\"prev\">上一页</a>\n"
                     "<span aria-current=\"page\">第 3 页，共 3 页</span>\n</nav>") != std::string::npos);
    CHECK(third.find("<nav class=\"list-pager\" aria-label=\"列表分页\">") != std::string::npos);
    // Pages of a list are neither in the sitemap nor searched: their entries are.
    CHECK(ReadAll(site / "sitemap.xml").find("/page/2/") == std::string::npos);
    CHECK(ReadAll(site / "search-index.js").find("many/page/2") == std::string::npos);
  }
  SECTION("pager_size must not be negative") {
    WriteAll(src / "site.yaml", ReadAll(src / "site.yaml") + "pager_size: -5\n");
    CliResult r = Costsite("build --source " + src.string() + " --out " + site.string());
    CHECK(r.exit_code != 0);
    CHECK(r.output.find("site.yaml:16:13: error: 'pager_size' must be 0") != std::string::npos);
    CHECK_FALSE(fs::exists(site));
  }
}

TEST_CASE("Dates are shown in the page's language and tags link to term pages") {
  Built b;
  std::string zh = b.Page("zh/sections/install/index.html");
  CHECK(zh.find("发布于 <time datetime=\"2024-03-05\">2024年3月5日</time>") != std::string::npos);
  CHECK(zh.find("更新于 <time datetime=\"2024-04-01\">2024年4月1日</time>") != std::string::npos);
  CHECK(zh.find("<a class=\"term\" rel=\"tag\" href=\"../../tags/入门/index.html\">入门</a>") != std::string::npos);
  std::string en = b.Page("en/sections/install/index.html");
  CHECK(en.find("Published <time datetime=\"2024-03-05\">March 5, 2024</time>") != std::string::npos);
  CHECK(en.find("href=\"../../tags/getting-started/index.html\">Getting Started</a>") != std::string::npos);
  // As Hugo orders terms: by their newest page's date, then name.
  CHECK(ListTitles(b.Page("en/tags/index.html")) ==
        std::vector<std::string>{"config", "setup", "Getting Started"});
  CHECK(ListTitles(b.Page("en/tags/setup/index.html")) ==
        std::vector<std::string>{"Install", "Configuring the tool"});
  CHECK(ListTitles(b.Page("zh/categories/guides/index.html")) == std::vector<std::string>{"安装"});
  CHECK(b.Page("zh/tags/index.html").find("<h1>标签</h1>") != std::string::npos);
  CHECK_FALSE(fs::exists(b.site / "en/tags/unpublished"));  // only a draft uses it
  // A term only the other language names: its page (where the language
  // switcher leads) is in this language's words, with none of its pages,
  // and this language's list of terms leaves it out.
  std::string only_en = b.Page("zh/tags/getting-started/index.html");
  CHECK(only_en.find("尚无中文译文") == std::string::npos);
  CHECK(only_en.find("<p>暂无页面。</p>") != std::string::npos);
  CHECK(ListTitles(b.Page("zh/tags/index.html")) == std::vector<std::string>{"config", "setup", "入门"});
  CHECK(b.Page("en/tags/入门/index.html").find("<p>No pages yet.</p>") != std::string::npos);
}

TEST_CASE("A list entry shows only its own dates and text, never its list page's") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  // The section has dates and a description of its own; its pages have
  // none, one date only, or the same date twice (shown once).
  WriteAll(src / "content/en/dated/_index.md",
           "---\ntitle: Dated\ndescription: The section lead.\ndate: 2019-01-28\nlastmod: 2020-08-27\n---\n");
  WriteAll(src / "content/en/dated/undated.md", "---\ntitle: Undated\nweight: 1\n---\n");
  WriteAll(src / "content/en/dated/once.md", "---\ntitle: Once\nweight: 2\ndate: 2024-12-30\n---\nOnce.\n");
  WriteAll(src / "content/en/dated/same.md",
           "---\ntitle: Same\nweight: 3\ndate: 2024-12-30\nlastmod: 2024-12-30\n---\nSame.\n");
  fs::path site = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + site.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string list = ReadAll(site / "en/dated/index.html");
  const std::string entries = list.substr(list.find("<section class=\"page-list\""));
  CHECK(entries.find("<li><a href=\"undated/index.html\">Undated</a></li>\n") != std::string::npos);
  CHECK(entries.find("<li><a href=\"once/index.html\">Once</a> <time datetime=\"2024-12-30\">December 30, 2024</time>"
                     "<p>Once.</p></li>\n") != std::string::npos);
  CHECK(entries.find("<li><a href=\"same/index.html\">Same</a> <time datetime=\"2024-12-30\">December 30, 2024</time>"
                     "<p>Same.</p></li>\n") != std::string::npos);
  // The section's own dates and lead are on the page, once each, not in the list.
  CHECK(entries.find("2019") == std::string::npos);
  CHECK(entries.find("2020") == std::string::npos);
  CHECK(entries.find("The section lead.") == std::string::npos);
  CHECK(list.find("<p class=\"lead\">The section lead.</p>") != std::string::npos);
}

TEST_CASE("A site lists only the taxonomies it names: site.yaml's taxonomies, Hugo's disableKinds") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  bool tags = false;
  SECTION("taxonomies: [tags]") {
    WriteAll(src / "site.yaml", ReadAll(src / "site.yaml") + "taxonomies: [tags]\n");
    tags = true;
  }
  SECTION("disableKinds in Hugo's configuration") {
    fs::remove(src / "site.yaml");
    WriteAll(src / "hugo.toml", "title = \"Docs\"\ndisableKinds = [\"taxonomy\", \"term\"]\n"
                                  "[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                                  "[languages.zh]\nweight = 2\ncontentDir = \"content/zh\"\n");
  }
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(out / "en/tags/setup/index.html") == tags);
  CHECK_FALSE(fs::exists(out / "zh/categories"));
  const std::string zh = ReadAll(out / "zh/sections/install/index.html");
  CHECK((zh.find("rel=\"tag\" href=\"../../tags/入门/index.html\"") != std::string::npos) == tags);
  CHECK(zh.find("categories/") == std::string::npos);
  CHECK(zh.find("发布于 <time datetime=\"2024-03-05\">") != std::string::npos);  // its date is shown all the same
}

TEST_CASE("Taxonomies of Hugo's configuration beyond tags and categories are named in a warning") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  fs::remove(src / "site.yaml");
  WriteAll(src / "hugo.toml", "title = \"Docs\"\n[taxonomies]\ntag = \"tags\"\nauthor = \"authors\"\n"
                                "[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n"
                                "[languages.zh]\nweight = 2\ncontentDir = \"content/zh\"\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("warning: taxonomy 'authors' has no pages here: only tags and categories are listed") !=
        std::string::npos);
  CHECK(fs::exists(out / "en/tags/setup/index.html"));
}

TEST_CASE("A taxonomy costsite does not list is an error in site.yaml") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  WriteAll(src / "site.yaml", ReadAll(src / "site.yaml") + "taxonomies: [tags, series]\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("error: unknown taxonomy 'series': costsite lists tags and categories") != std::string::npos);
}

TEST_CASE("Aliases are relative redirect pages, and slug and url move a page") {
  Built b;
  // "/old/install/" is at the site's root, as Hugo writes it; both languages give it, and it
  // leads to the default language's page.
  std::string alias = b.Page("old/install/index.html");
  CHECK(alias.find("<meta http-equiv=\"refresh\" content=\"0; url=../../en/sections/install/index.html\">") !=
        std::string::npos);
  CHECK(alias.find("<link rel=\"canonical\" href=\"../../en/sections/install/index.html\">") != std::string::npos);
  CHECK(alias.find("<html lang=\"en\">") != std::string::npos);
  CHECK_FALSE(fs::exists(b.site / "en/old"));
  CHECK_FALSE(fs::exists(b.site / "zh/old"));
  CHECK(b.Page("zh/sections/setup-old/index.html").find("url=../install/index.html") != std::string::npos);
  CHECK(fs::exists(b.site / "en/sections/reference/all-options/index.html"));
  CHECK_FALSE(fs::exists(b.site / "en/sections/reference/options/index.html"));
  CHECK(fs::exists(b.site / "zh/guides/moved-page/index.html"));
  // Other pages link to where the page went.
  CHECK(b.Page("en/sections/reference/index.html").find("href=\"all-options/index.html\"") != std::string::npos);
}

TEST_CASE("The main menu of each language is in the header") {
  Built b;
  std::string header = b.Page("zh/index.html");
  header = header.substr(0, header.find("</header>"));
  CHECK(header.find("<nav class=\"site-menu\" aria-label=\"主菜单\"><ul>"
                    "<li><a href=\"sections/install/index.html\">快速开始</a></li>"
                    "<li><a href=\"sections/index.html\">栏目指南</a></li>"
                    "<li><a href=\"sections/configure/index.html\">配置工具</a></li></ul></nav>") != std::string::npos);
}

TEST_CASE("An entry under another in the main menu is not among the header's top entries") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: Docs\nlanguages: [en]\ndefault_language: en\n");
  WriteAll(src / "content/docs/_index.md", "---\ntitle: Documentation\nmenu:\n  main:\n    weight: 1\n---\nDocs.\n");
  WriteAll(src / "content/docs/kitex.md",
           "---\ntitle: Kitex\nmenu:\n  main:\n    parent: Documentation\n    weight: 1\n---\nKitex.\n");
  WriteAll(src / "content/docs/hertz.md",
           "---\ntitle: Hertz\nmenu:\n  main:\n    parent: docs-menu\n---\nHertz.\n");
  WriteAll(src / "content/blog/_index.md",
           "---\ntitle: Blog\nmenu:\n  main:\n    weight: 2\n    identifier: docs-menu\n---\nBlog.\n");
  WriteAll(src / "content/lost.md", "---\ntitle: Lost\nmenu:\n  main:\n    parent: Nowhere\n    weight: 3\n---\nLost.\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string header = ReadAll(out / "en/index.html");
  header = header.substr(0, header.find("</header>"));
  // Kitex is under Documentation (by name), Hertz under Blog (by identifier);
  // Lost names no entry and stays at the top.
  CHECK(header.find("<ul><li><a href=\"docs/index.html\">Documentation</a></li>"
                    "<li><a href=\"blog/index.html\">Blog</a></li>"
                    "<li><a href=\"lost/index.html\">Lost</a></li></ul>") != std::string::npos);
}

TEST_CASE("With base_url each language has an RSS feed and the sitemap has lastmod") {
  Built b;
  std::string feed = b.Page("en/index.xml");
  CHECK(feed.find("<rss version=\"2.0\"") != std::string::npos);
  size_t newest = feed.find("<link>https://docs.example.org/en/sections/unweighted-new/</link>");
  size_t oldest = feed.find("<link>https://docs.example.org/en/sections/unweighted-old/</link>");
  CHECK(newest != std::string::npos);
  CHECK(oldest != std::string::npos);
  CHECK(newest < oldest);
  CHECK(feed.find("<pubDate>Sat, 01 Jun 2024 00:00:00 +0000</pubDate>") != std::string::npos);
  CHECK(b.Page("zh/index.xml").find("<title>新说明</title>") != std::string::npos);
  std::string sitemap = b.Page("sitemap.xml");
  CHECK(sitemap.find("<loc>https://docs.example.org/en/sections/install/</loc>\n<lastmod>2024-04-01</lastmod>") !=
        std::string::npos);
}

TEST_CASE("Unknown front matter keys reach templates as params") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  WriteAll(src / "templates/partials/page_meta.mustache", "<p class=\"audience\">{{params.audience}}</p>\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadAll(tmp.path() / "out/zh/sections/configure/index.html").find("<p class=\"audience\">运维人员</p>") !=
        std::string::npos);
}

TEST_CASE("A url that leaves the output folder stops the build at its place") {
  TempDir tmp;
  fs::path src = FixtureCopy(tmp.path() / "src");
  WriteAll(src / "content/en/sections/moved.md", "---\ntitle: Moved\nurl: ../../x\n---\nBody\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  CHECK(r.exit_code != 0);
  CHECK(r.output.find("content/en/sections/moved.md:3:6: error: url '../../x' leaves the language's folder "
                      "(write a path such as /docs/page/)\n 3 | url: ../../x\n   |      ^~~~~~~\n") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path() / "x"));
}

// The same fixture built by Hugo (Debian's hugo, when installed) lists the
// same pages in the same order. Hugo puts the default language at the root.
TEST_CASE("Hugo lists the sections and tags of the fixture in the same order") {
  Built b;
  TempDir hugo;
  if (!BuildWithHugo("hugo-docs", hugo.path() / "out")) return;
  const std::pair<const char*, const char*> pairs[] = {
      {"sections/index.html", "en/sections/index.html"},
      {"sections/reference/index.html", "en/sections/reference/index.html"},
      {"zh/sections/index.html", "zh/sections/index.html"},
      {"zh/sections/concepts/index.html", "zh/sections/concepts/index.html"},
      {"tags/index.html", "en/tags/index.html"},
      {"tags/setup/index.html", "en/tags/setup/index.html"},
      {"zh/tags/config/index.html", "zh/tags/config/index.html"},
  };
  for (const auto& [hugo_page, costsite_page] : pairs) {
    INFO(costsite_page);
    std::vector<std::string> expected = ListTitles(ReadAll(hugo.path() / "out" / hugo_page), "page-list");
    CHECK_FALSE(expected.empty());
    CHECK(ListTitles(b.Page(costsite_page)) == expected);
  }

  // The set of page URLs: every page Hugo writes, costsite writes, at the
  // same URL (Hugo's default language at the root is costsite's en/).
  auto urls = [](const fs::path& root, const std::string& strip) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.path().filename() != "index.html") continue;
      std::string url = fs::relative(e.path().parent_path(), root).generic_string();
      if (url == "." && !strip.empty()) continue;  // costsite's root: its language chooser
      url = url == "." ? "" : url + "/";
      if (!strip.empty() && url.rfind(strip, 0) == 0) url = url.substr(strip.size());
      out.insert(url);
    }
    return out;
  };
  std::set<std::string> hugo_urls = urls(hugo.path() / "out", ""), ours = urls(b.site, "en/");
  hugo_urls.erase("en/");  // Hugo's redirect to the root, where its default language is
  CHECK(hugo_urls.size() > 60);
  for (const std::string& url : hugo_urls) {
    INFO(url);
    CHECK(ours.count(url) == 1);
  }
  // What costsite writes besides, each for a documented reason: a term page
  // in a language none of whose pages use the term (with the "not
  // translated" notice, as every page), and `url`/`aliases` kept inside each
  // language's folder where Hugo 0.111 writes them once at the root.
  static const std::regex kTerm("^(zh/)?(tags|categories)/[^/]+/$");
  for (const std::string& url : ours) {
    if (hugo_urls.count(url)) continue;
    INFO(url);
    CHECK((std::regex_match(url, kTerm) || (url.rfind("zh/", 0) == 0 && hugo_urls.count(url.substr(3)))));
  }
}

}  // namespace
}  // namespace costsite
