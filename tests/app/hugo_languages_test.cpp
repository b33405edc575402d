// Pages written in one language of a multilingual site. A site configured by
// Hugo's own file publishes each page only in the languages it is written in,
// as Hugo does (translation_fallback: false), and every list, sidebar, menu,
// search entry, term page and language switcher agrees; a site.yaml site shows
// a missing translation in the other language's text unless it says
// translation_fallback: false. The fixture (tests/fixtures/sites/
// hugo-one-language) is built by Hugo too, and the pages both write compared.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

// Every page (index.html) below `dir`, relative to it.
std::set<std::string> PageFiles(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() == "index.html")
      out.insert(fs::relative(e.path(), dir).generic_string());
  return out;
}

// The link texts of the list in the element of class `list_class`, in order.
std::vector<std::string> ListTitles(const std::string& html, const std::string& list_class) {
  std::vector<std::string> out;
  size_t start = html.find("class=\"" + list_class + "\"");
  if (start == std::string::npos) return out;
  std::string list = html.substr(start, html.find("</ul>", start) - start);
  static const std::regex kItem("<li[^>]*><a href=\"[^\"]*\"[^>]*>([^<]*)</a>");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), kItem); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

struct Built {
  TempDir tmp;
  fs::path out;
  CliResult result;
  Built() {
    const fs::path src = tmp.path() / "src";
    fs::copy(fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/hugo-one-language", src,
             fs::copy_options::recursive);
    out = tmp.path() / "out";
    result = Costsite("build --source " + src.string() + " --out " + out.string());
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
  }
  std::string Page(const std::string& rel) const { return ReadAll(out / rel); }
};

TEST_CASE("A page of a Hugo site is published only in the languages it is written in as Hugo publishes it") {
  Built b;
  const std::set<std::string> pages = PageFiles(b.out);
  CHECK(pages == std::set<std::string>{
                     "index.html",
                     "en/index.html",
                     "en/blog/index.html",
                     "en/blog/2024/05/01/hello/index.html",
                     "en/docs/index.html",
                     "en/docs/both/index.html",
                     "en/docs/english/index.html",
                     "en/docs/guide/step/index.html",
                     "en/tags/index.html",
                     "en/tags/english/index.html",
                     "en/tags/shared/index.html",
                     "zh-cn/index.html",
                     "zh-cn/blog/index.html",
                     "zh-cn/docs/index.html",
                     "zh-cn/docs/both/index.html",
                     "zh-cn/docs/chinese/index.html",
                     "zh-cn/docs/guide/index.html",
                     "zh-cn/docs/guide/step/index.html",
                     "zh-cn/tags/index.html",
                     "zh-cn/tags/shared/index.html",
                     "zh-cn/tags/中文/index.html",
                 });
  // Not a missing translation: nothing is said of the pages left out.
  CHECK_FALSE(Has(b.result.output, "translation of this page"));
  CHECK(Has(b.result.output, "Built 20 pages (en 10, zh-cn 10), 1 warning"));
  const fs::path hugo_out = b.tmp.path() / "hugo";
  if (!BuildWithHugo("hugo-one-language", hugo_out)) return;
  CHECK(PageFiles(hugo_out) == pages);
}

TEST_CASE("Lists sidebars neighbours and menus of a language show only its pages") {
  Built b;
  CHECK(ListTitles(b.Page("en/docs/index.html"), "page-list") ==
        std::vector<std::string>{"Both", "English only", "First step"});
  CHECK(ListTitles(b.Page("zh-cn/docs/index.html"), "page-list") == std::vector<std::string>{"两种语言", "只有中文", "指南"});
  CHECK(ListTitles(b.Page("en/blog/index.html"), "page-list") == std::vector<std::string>{"Hello"});
  CHECK(ListTitles(b.Page("zh-cn/blog/index.html"), "page-list").empty());
  // guide/ is a section in Chinese only: in English its page is in docs/.
  const std::string step = b.Page("en/docs/guide/step/index.html");
  CHECK(ListTitles(step, "section-nav") == std::vector<std::string>{"Both", "English only", "First step"});
  CHECK(Has(step, "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><a href=\"../../../index.html\">Home</a> › "
                  "<a href=\"../../index.html\">Docs</a></nav>"));
  CHECK(Has(step, "<a class=\"prev\" rel=\"prev\" href=\"../../english/index.html\"><span>Previous</span> English only</a>"));
  CHECK_FALSE(Has(step, "class=\"next\""));
  CHECK(ListTitles(b.Page("zh-cn/docs/guide/step/index.html"), "section-nav") == std::vector<std::string>{"第一步"});
  // The Chinese page's menu entry is in the Chinese menu only.
  CHECK(Has(b.Page("zh-cn/docs/both/index.html"), "<li><a href=\"../chinese/index.html\">只有中文</a></li>"));
  CHECK_FALSE(Has(b.Page("en/docs/both/index.html"), "只有中文"));
  // A term only English pages name has no Chinese page, nor a place in the Chinese list.
  CHECK(ListTitles(b.Page("en/tags/index.html"), "page-list") == std::vector<std::string>{"english", "shared"});
  CHECK(ListTitles(b.Page("zh-cn/tags/index.html"), "page-list") == std::vector<std::string>{"shared", "中文"});
}

TEST_CASE("The search index and the sitemap hold each page once in its own language") {
  Built b;
  const std::string index = b.Page("search-index.js");
  std::multiset<std::string> entries;
  static const std::regex kEntry("\\[\"(en|zh-cn)\",\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(index.begin(), index.end(), kEntry); it != std::sregex_iterator(); ++it)
    entries.insert((*it)[1].str() + " " + (*it)[2].str());
  CHECK(entries.size() == 20);
  CHECK(std::set<std::string>(entries.begin(), entries.end()).size() == 20);
  CHECK(entries.count("zh-cn zh-cn/docs/chinese/index.html") == 1);
  CHECK(entries.count("en en/docs/chinese/index.html") == 0);
  const std::string sitemap = b.Page("sitemap.xml");
  CHECK(Has(sitemap, "<loc>https://docs.example.org/zh-cn/docs/chinese/</loc>"));
  CHECK_FALSE(Has(sitemap, "https://docs.example.org/en/docs/chinese/"));
  CHECK_FALSE(Has(sitemap, "https://docs.example.org/zh-cn/docs/english/"));
}

TEST_CASE("The language switcher of a page not written in a language leads to that language's home page") {
  Built b;
  const std::string chinese = b.Page("zh-cn/docs/chinese/index.html");
  CHECK(Has(chinese, "<li><a href=\"../../../en/index.html\" hreflang=\"en\" lang=\"en\">English</a> "
                     "<span class=\"untranslated\">(暂无译文)</span></li>"));
  CHECK(Has(b.Page("en/docs/both/index.html"),
            "<li><a href=\"../../../zh-cn/docs/both/index.html\" hreflang=\"zh-CN\" lang=\"zh-CN\">中文</a></li>"));
}

TEST_CASE("A Markdown link to a page not written in the page's language leads to a language it has") {
  Built b;
  CHECK(Has(b.result.output,
            "content/en/docs/english.md:5:38: warning: link 'chinese.md': page docs/chinese is not written in 'en' "
            "(only in 'zh-cn'); it leads to the 'zh-cn' page\n"
            " 5 | Only in English. The Chinese page is [in Chinese](chinese.md).\n"
            "   |                                      ^\n"));
  CHECK(Has(b.Page("en/docs/english/index.html"), "<a href=\"../../../zh-cn/docs/chinese/index.html\">in Chinese</a>"));
}

TEST_CASE("A relref to a page not written in the page's language is an error as Hugo's REF_NOT_FOUND") {
  TempDir tmp;
  const fs::path src = tmp.path() / "src";
  WriteAll(src / "config.toml", "title = \"R\"\ndefaultContentLanguage = \"en\"\n"
                                "[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n"
                                "[languages.zh-cn]\ncontentDir = \"content/zh-cn\"\nweight = 2\n");
  WriteAll(src / "content/zh-cn/only/_index.md", "---\ntitle: 只有中文\n---\n正文。\n");
  WriteAll(src / "content/en/page.md", "---\ntitle: P\n---\n[a]({{< relref \"/only\" >}})\n\n"
                                       "[b](/en/only/) [c](/zh-cn/only/)\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "content/en/page.md:4:1: error: broken link '{{< relref \"/only\" >}}': page only is not "
                      "written in 'en' (only in 'zh-cn')\n"
                      " 4 | [a]({{< relref \"/only\" >}})\n"
                      "   | ^\n"));
  // A URL names the language it leads to: there is no English page there.
  CHECK(Has(r.output, "content/en/page.md:6:1: warning: link '/en/only/' leads nowhere: page only is not written in "
                      "'en' (only in 'zh-cn')\n"));
  CHECK_FALSE(Has(r.output, "'/zh-cn/only/'"));
  CHECK(Has(r.output, "1 error, 1 warning"));
}

// A site.yaml site with a report written in Chinese only, and a home page
// text in Chinese only.
fs::path WriteSuffixSite(const fs::path& src, const std::string& settings) {
  WriteAll(src / "site.yaml", "title: {zh: 站点, en: Site}\nlanguages: [zh, en]\ndefault_language: zh\n" + settings);
  WriteAll(src / "content/_index.zh.md", "---\ntitle: 首页\n---\n");
  WriteAll(src / "content/reports/both.zh.md", "---\ntitle: 两种\n---\n正文。\n");
  WriteAll(src / "content/reports/both.en.md", "---\ntitle: Both\n---\nText.\n");
  WriteAll(src / "content/reports/only.zh.md", "---\ntitle: 只有中文\n---\n正文。\n");
  return src;
}

TEST_CASE("A site.yaml site shows a missing translation in another language unless translation_fallback is false") {
  TempDir tmp;
  const fs::path out = tmp.path() / "out";
  CliResult shown = Costsite("build --source " + WriteSuffixSite(tmp.path() / "a", "").string() + " --out " +
                             out.string());
  INFO(shown.output);
  REQUIRE(shown.exit_code == 0);
  CHECK(Has(shown.output, "content/reports/only.zh.md:1:1: warning: no 'en' translation of this page; the 'zh' text "
                          "is shown with a notice"));
  CHECK(fs::exists(out / "en/reports/only/index.html"));
  CHECK(Has(ReadAll(out / "en/index.html"), "只有中文"));

  const fs::path out2 = tmp.path() / "out2";
  CliResult own = Costsite("build --source " + WriteSuffixSite(tmp.path() / "b", "translation_fallback: false\n").string() +
                           " --out " + out2.string());
  INFO(own.output);
  REQUIRE(own.exit_code == 0);
  CHECK(Has(own.output, "Built 5 pages (zh 3, en 2), 0 warnings"));
  CHECK(fs::exists(out2 / "zh/reports/only/index.html"));
  CHECK_FALSE(fs::exists(out2 / "en/reports/only/index.html"));
  // Every language has its home page, with or without a text of its own.
  const std::string home = ReadAll(out2 / "en/index.html");
  CHECK(ListTitles(home, "report-list") == std::vector<std::string>{"Both"});
  CHECK_FALSE(Has(home, "只有中文"));
}

TEST_CASE("A page shown in a language it lacks reports the problems of its text once") {
  TempDir tmp;
  const fs::path src = WriteSuffixSite(tmp.path() / "src", "");
  WriteAll(src / "content/reports/only.zh.md", "---\ntitle: 只有中文\n---\n见 [别处](nothere.md) 和 {{< nosuch >}}。\n");
  CliResult r = Costsite("check --source " + src.string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  const std::string error = "content/reports/only.zh.md:4:3: error: broken link 'nothere.md': no page content/reports/nothere.md\n";
  CHECK(Has(r.output, error));
  CHECK(r.output.find(error) == r.output.rfind(error));
  const std::string warning = "content/reports/only.zh.md:4:22: warning: unknown shortcode 'nosuch'";
  CHECK(Has(r.output, warning));
  CHECK(r.output.find(warning) == r.output.rfind(warning));
}

TEST_CASE("Files naming one translationKey are one page in their languages, each at its own URL") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "hugo.toml", "title = \"R\"\ndefaultContentLanguage = \"en\"\ndefaultContentLanguageInSubdir = true\n"
                              "baseURL = \"https://example.org/\"\n[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n"
                              "[languages.zh]\ncontentDir = \"content/zh\"\nweight = 2\n");
  WriteAll(src / "content/en/about.md", "---\ntitle: About\ntranslationKey: about\n---\nSee [中文]({{< relref path=\"guanyu.md\" lang=\"zh\" >}}).\n");
  WriteAll(src / "content/zh/guanyu.md", "---\ntitle: 关于\nTranslationKey: about\n---\n见[本页](guanyu.md)。\n");
  // In another folder, the same key pairs nothing: a page has one place in every language.
  WriteAll(src / "content/zh/docs/about.md", "---\ntitle: 文档\ntranslationKey: about\n---\n文。\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, " 0 warnings"));
  // As Hugo writes them, with the section of the folder without _index and
  // the taxonomies' pages.
  CHECK(PageFiles(out) == std::set<std::string>{"index.html", "en/index.html", "en/about/index.html", "zh/index.html",
                                                "zh/guanyu/index.html", "zh/docs/index.html", "zh/docs/about/index.html",
                                                "en/tags/index.html", "en/categories/index.html", "zh/tags/index.html",
                                                "zh/categories/index.html"});
  const std::string en = ReadAll(out / "en/about/index.html");
  // The language switcher and hreflang lead to the translation, as Hugo's do.
  CHECK(Has(en, "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"../../zh/guanyu/index.html\">"));
  CHECK(Has(en, "<li><a href=\"../../zh/guanyu/index.html\" hreflang=\"zh-CN\" lang=\"zh-CN\">中文</a></li>"));
  CHECK(Has(en, "See <a href=\"../../zh/guanyu/index.html\">中文</a>."));
  const std::string zh = ReadAll(out / "zh/guanyu/index.html");
  CHECK(Has(zh, "<link rel=\"alternate\" hreflang=\"en\" href=\"../../en/about/index.html\">"));
  CHECK(Has(zh, "见<a href=\"index.html\">本页</a>。"));
  CHECK(Has(ReadAll(out / "sitemap.xml") + ReadAll(out / "en/sitemap.xml"),
            "hreflang=\"zh-CN\" href=\"https://example.org/zh/guanyu/\""));
  const std::string docs = ReadAll(out / "zh/docs/about/index.html");
  CHECK_FALSE(Has(docs, "<link rel=\"alternate\" hreflang=\"en\""));
}

}  // namespace
}  // namespace costsite
