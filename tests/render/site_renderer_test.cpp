#include "render/site_renderer.h"

#include <catch2/catch.hpp>

#include "content/pages.h"

namespace costsite::render {
namespace {

content::Page OnePage() {
  content::Page page;
  page.key = "reports/gpu";
  content::PageSource src;
  src.lang = "en";
  src.path = "content/reports/gpu.en.md";
  src.text = "Hello.\n";
  src.front.title = "GPU";
  page.sources.push_back(src);
  return page;
}

TEST_CASE("UI strings reach templates as variables, unescaped variables and sections") {
  content::SiteConfig cfg;
  cfg.languages = {"en"};
  cfg.default_language = "en";
  std::vector<content::Page> pages = {OnePage()};
  Theme theme;
  theme.templates["base"] = "{{{body}}}";
  theme.templates["page"] =
      "[{{t.home}}][{{{t.home}}}][{{& t.home }}][{{#t.home}}yes{{/t.home}}][{{t.missing}}][{{t.braces}}]"
      "[{{#languages}}{{t.home}}{{/languages}}]";
  theme.strings["en"] = {{"home", "Tom's <home>"}, {"braces", "{{lang}}"}};
  SiteInputs in{&cfg, &pages, &theme, nullptr, "test"};
  PageRenderer renderer(in);
  Diagnostics diags;
  OutputFile f = renderer.Render(pages[0], "en", &diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(f.content ==
        "[Tom&apos;s &lt;home&gt;][Tom's <home>][Tom's <home>][yes][][{{lang}}][Tom&apos;s &lt;home&gt;]");
}

TEST_CASE("A template that changes its delimiters still gets its UI strings") {
  content::SiteConfig cfg;
  cfg.languages = {"en"};
  cfg.default_language = "en";
  std::vector<content::Page> pages = {OnePage()};
  Theme theme;
  theme.templates["base"] = "{{{body}}}";
  theme.templates["page"] = "{{=<% %>=}}<% t.home %>|{{t.home}}";
  theme.strings["en"] = {{"home", "Home"}};
  SiteInputs in{&cfg, &pages, &theme, nullptr, "test"};
  PageRenderer renderer(in);
  Diagnostics diags;
  CHECK(renderer.Render(pages[0], "en", &diags).content == "Home|{{t.home}}");
}

}  // namespace
}  // namespace costsite::render
