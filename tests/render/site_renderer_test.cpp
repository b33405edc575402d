#include "render/site_renderer.h"

#include <catch2/catch.hpp>
#include <map>

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

// The English page of OnePage() rendered with a theme of `page` (and a base
// that only holds the body) and `strings`.
std::string RenderWith(const std::string& page, const figures::WordTable& strings) {
  content::SiteConfig cfg;
  cfg.languages = {"en"};
  cfg.default_language = "en";
  std::vector<content::Page> pages = {OnePage()};
  load::Theme theme;
  theme.templates["base"] = "{{{body}}}";
  theme.templates["page"] = page;
  theme.strings["en"] = strings;
  SiteInputs in{&cfg, &pages, &theme, nullptr, "test"};
  PageRenderer renderer(in);
  Diagnostics diags;
  std::string html = renderer.Render(pages[0], "en", &diags).content;
  CHECK_FALSE(diags.HasErrors());
  return html;
}

TEST_CASE("UI strings reach templates as variables, unescaped variables and sections") {
  CHECK(RenderWith("[{{t.home}}][{{{t.home}}}][{{& t.home }}][{{#t.home}}yes{{/t.home}}][{{t.missing}}][{{t.braces}}]"
                   "[{{#languages}}{{t.home}}{{/languages}}]",
                   {{"home", "Tom's <home>"}, {"braces", "{{lang}}"}}) ==
        "[Tom&apos;s &lt;home&gt;][Tom's <home>][Tom's <home>][yes][][{{lang}}][Tom&apos;s &lt;home&gt;]");
}

TEST_CASE("A template that changes its delimiters still gets its UI strings") {
  CHECK(RenderWith("{{=<% %>=}}<% t.home %>|{{t.home}}", {{"home", "Home"}}) == "Home|{{t.home}}");
}

}  // namespace
}  // namespace costsite::render
