// Links resolved as Hugo resolves them: page URLs in any case, with or
// without a trailing slash, the default language at the root when the site
// says so, static/ files and page bundle resources.
#include "render/links.h"

#include <catch2/catch.hpp>

namespace costsite::render {
namespace {

content::Page MakePage(const std::string& key, const std::string& path) {
  content::Page p;
  p.key = key;
  for (const char* lang : {"en", "zh"}) {
    content::PageSource s;
    s.lang = lang;
    s.path = path + "." + lang + ".md";
    s.text = "x\n";
    s.url_key = key;
    p.sources.push_back(s);
  }
  return p;
}

struct Site {
  content::SiteConfig config;
  std::vector<content::Page> pages;
  load::Theme theme;
  std::vector<std::string> files = {"content/docs/Guide/diagram.png", "static/images/a.png"};
  SiteInputs in;
  Site(bool at_root) {
    config.languages = {"en", "zh"};
    config.default_language = "en";
    config.default_language_at_root = at_root;
    pages = {MakePage("", "content/_index"), MakePage("docs", "content/docs/_index"),
             MakePage("docs/Guide", "content/docs/Guide/index"), MakePage("docs/intro", "content/docs/intro")};
    theme.assets["style.css"] = "";
    in.config = &config;
    in.pages = &pages;
    in.theme = &theme;
    in.source_files = &files;
  }
  // `url` written on page `p` shown in `lang`: what it becomes, and the warnings.
  std::string Resolve(size_t p, const std::string& lang, const std::string& url, Diagnostics* diags) {
    const content::PageSource& src = pages[p].sources[lang == "en" ? 0 : 1];
    markdown::LinkRewriter rw =
        MakeLinkRewriter(in, pages[p], src, lang, lang + "/" + pages[p].key + "/index.html", diags);
    return rw(markdown::Link{url, {src.path, 3, 5}, false});
  }
};

TEST_CASE("Hugo page URLs lead to the page in any case and with or without a slash") {
  Site site(true);
  Diagnostics diags;
  const std::pair<const char*, const char*> kCases[] = {
      {"/docs/intro/", "../intro/index.html"},
      {"/docs/intro", "../intro/index.html"},
      {"/Docs/Intro/#setup", "../intro/index.html#setup"},
      {"/docs/guide/", "index.html"},  // content/docs/Guide: Hugo's URL is lowercase
      {"../intro/", "../intro/index.html"},
      {"/docs/", "../index.html"},
      {"/", "../../index.html"},
      {"/zh/docs/intro/", "../../../zh/docs/intro/index.html"},
      {"/images/a.png", "../../../images/a.png"},
      {"diagram.png", "diagram.png"},
      {"/style.css", "../../../style.css"},
      {"https://example.org/x", "https://example.org/x"},
  };
  for (const auto& [url, want] : kCases) {
    INFO(url);
    CHECK(site.Resolve(2, "en", url, &diags) == want);
  }
  CHECK(diags.WarningCount() == 0);
}

TEST_CASE("A URL that leads nowhere is a warning at the link, once per page") {
  Site site(true);
  Diagnostics diags;
  CHECK(site.Resolve(3, "en", "/docs/missing/", &diags) == "/docs/missing/");
  CHECK(site.Resolve(3, "en", "/images/b.png", &diags) == "/images/b.png");
  CHECK(site.Resolve(3, "en", "diagram.png", &diags) == "diagram.png");  // not a bundle: no resource
  std::vector<Diagnostic> d = diags.Sorted();
  REQUIRE(d.size() == 3);
  CHECK(d[0].pos.line == 3);
  CHECK(d[0].pos.col == 5);
  CHECK(d[0].code == "broken-link");
  CHECK(d[0].message == "link '/docs/missing/' leads nowhere: no page, static/ file or page resource has that URL");
}

TEST_CASE("Without the default language at the root, /docs/x names a file at the site root") {
  Site site(false);
  Diagnostics diags;
  CHECK(site.Resolve(3, "en", "/en/docs/intro/", &diags) == "index.html");
  CHECK(site.Resolve(3, "en", "/docs/intro/", &diags) == "/docs/intro/");
  CHECK(diags.WarningCount() == 1);
}

}  // namespace
}  // namespace costsite::render
