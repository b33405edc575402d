#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>

#include "markdown/cmark_util.h"

#include <catch2/catch.hpp>

namespace costsite::markdown {
namespace {

RenderedMarkdown Render(std::string_view md, bool raw_html = false, Diagnostics* diags = nullptr) {
  Diagnostics local;
  MarkdownOptions opt;
  opt.raw_html = raw_html;
  return RenderMarkdown("content/t.md", md, 1, opt, diags ? diags : &local);
}

bool Has(const std::string& html, const std::string& needle) {
  return html.find(needle) != std::string::npos;
}

TEST_CASE("GFM extensions are on: tables, task lists, strikethrough, autolinks") {
  auto r = Render("| a | b |\n|---|--:|\n| x | 1 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ www.example.com\n");
  CHECK(Has(r.html, "<th scope=\"col\">a</th>"));
  CHECK(Has(r.html, "<th scope=\"col\" class=\"num\">b</th>"));
  CHECK(Has(r.html, "<td class=\"num\">1</td>"));
  CHECK_FALSE(Has(r.html, "align="));
  CHECK(Has(r.html, "type=\"checkbox\""));
  CHECK(Has(r.html, "<del>old</del>"));
  CHECK(Has(r.html, "<a href=\"http://www.example.com\">"));
}

TEST_CASE("Every table's cells are tidied, however far apart the tables are") {
  std::string other;  // markup without a table: skipped to the next one
  for (int i = 0; i < 50; ++i) other += "Text with <em>emphasis</em> and `code <td>` " + std::to_string(i) + ".\n\n";
  auto r = Render(other + "| a | b |\n|---|--:|\n| x | 1 |\n\n" + other +
                      "<table class=\"mine\">\n<tr><th>k</th><td align=\"right\">2</td></tr>\n</table>\n\n" + other +
                      "| c | d |\n|:-:|--:|\n| y | 3 |\n",
                  true);
  CHECK(Has(r.html, "<th scope=\"col\" class=\"num\">b</th>"));
  CHECK(Has(r.html, "<td class=\"num\">1</td>"));
  CHECK(Has(r.html, "<tr><th scope=\"row\">k</th><td class=\"num\">2</td></tr>"));  // an author's table too
  CHECK(Has(r.html, "<th scope=\"col\" class=\"center\">c</th>"));
  CHECK(Has(r.html, "<td class=\"num\">3</td>"));
  CHECK(Has(r.html, "<code>code &lt;td&gt;</code>"));
  CHECK_FALSE(Has(r.html, "align="));
  // A start tag with a tab after its name, and a table inside a table's cell.
  auto nested = Render(other + "<table\tclass=\"outer\"><tr><td><table><tr><th>in</th></tr></table></td>"
                                   "<td align=\"right\">9</td></tr></table>\n",
                       true);
  CHECK(Has(nested.html, "<th scope=\"row\">in</th>"));
  CHECK(Has(nested.html, "<td class=\"num\">9</td>"));  // after the inner table closed
}

TEST_CASE("A line break between Chinese characters is no space, as a Chinese reader writes") {
  CHECK(Render("控制对象的，\n方法是设置字段。\n").html == "<p>控制对象的，方法是设置字段。</p>\n");
  CHECK(Render("**粗体**\n正文\n").html == "<p><strong>粗体</strong>正文</p>\n");
  // Latin on either side, Hangul, or anything but text: the break stays.
  CHECK(Render("English\nline\n").html == "<p>English\nline</p>\n");
  CHECK(Render("中文\nEnglish\n").html == "<p>中文\nEnglish</p>\n");
  CHECK(Render("한국어\n문장\n").html == "<p>한국어\n문장</p>\n");
  CHECK(Render("见 `code`\n中文\n").html == "<p>见 <code>code</code>\n中文</p>\n");
  // A hard break is the author's: kept.
  CHECK(Render("第一行\\\n第二行\n").html == "<p>第一行<br />\n第二行</p>\n");
  // The search text reads the same way.
  CHECK(Render("控制对象的，\n方法是\n").plain_text.find("的，方法") != std::string::npos);
}

TEST_CASE("A bare URL ends before the Chinese punctuation after it") {
  CHECK(Render("性能数据见 https://github.com/cloudwego/hertz-benchmark。\n").html ==
        "<p>性能数据见 <a href=\"https://github.com/cloudwego/hertz-benchmark\">"
        "https://github.com/cloudwego/hertz-benchmark</a>。</p>\n");
  CHECK(Render("项目 www.example.com/a，欢迎使用\n").html ==
        "<p>项目 <a href=\"http://www.example.com/a\">www.example.com/a</a>，欢迎使用</p>\n");
  CHECK(Render("See “https://example.com/x” here\n").html ==
        "<p>See “<a href=\"https://example.com/x\">https://example.com/x</a>” here</p>\n");
  // Its links are collected with the URL ended there.
  auto r = Render("见 https://example.com/docs/intro/（英文）\n");
  REQUIRE(r.links.size() == 1);
  CHECK(r.links[0].url == "https://example.com/docs/intro/");
  // A URL of wide letters, a link written with its text, and ASCII punctuation are as GFM reads them.
  CHECK(Has(Render("https://zh.wikipedia.org/wiki/云计算\n").html,
            "href=\"https://zh.wikipedia.org/wiki/%E4%BA%91%E8%AE%A1%E7%AE%97\""));
  CHECK(Has(Render("[文档。](https://example.com/a)\n").html, "<a href=\"https://example.com/a\">文档。</a>"));
  CHECK(Has(Render("Go to https://example.com/a.\n").html, "<a href=\"https://example.com/a\">https://example.com/a</a>.</p>"));
}

TEST_CASE("Raw HTML is escaped unless the site opts in") {
  auto safe = Render("<script>alert(1)</script>\n\nText <b>bold</b>.\n");
  CHECK_FALSE(Has(safe.html, "<script>"));
  CHECK(Has(safe.html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(Has(safe.html, "&lt;b&gt;bold&lt;/b&gt;"));
  auto raw = Render("Text <b>bold</b>.\n\n<script>x</script>\n", true);
  CHECK(Has(raw.html, "<b>bold</b>"));
  CHECK_FALSE(Has(raw.html, "<script>"));  // tagfilter still applies
}

TEST_CASE("javascript: links are not written") {
  auto r = Render("[click](javascript:alert(1))\n");
  CHECK_FALSE(Has(r.html, "javascript:"));
}

TEST_CASE("Every heading gets a unique anchor, h1 too, as in Hugo") {
  auto r = Render("# Summary\n\n## GPU cost\n\n### GPU cost\n\n## 成本构成（示例）\n\n## Summary\n");
  REQUIRE(r.headings.size() == 5);
  CHECK(r.headings[0].id == "summary");
  CHECK(r.headings[0].level == 1);
  CHECK(r.headings[1].id == "gpu-cost");
  CHECK(r.headings[2].id == "gpu-cost-1");
  CHECK(r.headings[2].level == 3);
  CHECK(r.headings[3].id == "成本构成示例");  // as Hugo: full-width punctuation dropped
  CHECK(r.headings[4].id == "summary-1");  // unique on the page, whatever the level
  CHECK(Has(r.html, "<h2 id=\"gpu-cost\">"));
  CHECK(Has(r.html, "<a class=\"anchor\" href=\"#gpu-cost\""));
  CHECK(Has(r.html, "<h1 id=\"summary\">\nSummary\n <a class=\"anchor\" href=\"#summary\" aria-label=\"Summary\">#</a></h1>"));
  CHECK_FALSE(Has(r.html, "<h1>"));
}

TEST_CASE("Heading ids leave reserved and generated ids free and never repeat") {
  Diagnostics diags;
  std::set<std::string> reserved = {"main", "search"};
  MarkdownOptions opt;
  opt.reserved_ids = &reserved;
  auto r = RenderMarkdown("content/t.md",
                          "## Main\n\n## Search\n\n## Main\n\n## A\n\n## A\n\n## A 1\n\n"
                          "## Checklist 2\n\n## Cost chart 3 title\n\n## Prov 4\n\n## Prov\n\n## Other\n",
                          1, opt, &diags);
  std::vector<std::string> ids;
  for (const Heading& h : r.headings) ids.push_back(h.id);
  CHECK(ids == std::vector<std::string>{"main-1", "search-1", "main-2", "a", "a-1", "a-1-1", "checklist-2-1",
                                        "cost-chart-3-title-1", "prov-4-1", "prov", "other"});
  INFO(r.html);
  CHECK(Has(r.html, "<h2 id=\"main-1\">\nMain\n <a class=\"anchor\" href=\"#main-1\""));
}

// "## Checklist" twice once numbered its repeat into checklist-1, -2, …, every
// one an id checklists take, and never ended (found by the markdown fuzzer).
TEST_CASE("A repeated heading whose numbers are all generated ids is told apart, and the page ends") {
  auto r = Render("## Checklist\n\n- [ ] a\n\n## Checklist\n\n## Checklist\n\n## Checklist heading\n\n"
                  "## Prov\n\n## prov\n\n## Checklist 1\n\n## Checklist 1\n");
  std::vector<std::string> ids;
  for (const Heading& h : r.headings) ids.push_back(h.id);
  CHECK(ids == std::vector<std::string>{"checklist", "checklist-heading", "checklist-heading-1",
                                        "checklist-heading-2", "prov", "prov-heading", "checklist-1-1",
                                        "checklist-1-2"});
  CHECK(Has(r.html, "<h2 id=\"checklist-heading\">"));
}

TEST_CASE("Slugify keeps CJK, lowercases and joins words as Hugo does") {
  CHECK(Slugify("Hello, World!") == "hello-world");
  CHECK(Slugify("1.1 LLM成本构成") == "11-llm成本构成");
  CHECK(Slugify("???") == "heading");
}

TEST_CASE("Links are collected with their line and can be rewritten") {
  Diagnostics diags;
  MarkdownOptions opt;
  LinkRewriter rw = [](const Link& l) { return l.url == "a.md" ? std::string("../a/index.html") : l.url; };
  opt.rewrite = &rw;
  auto r = RenderMarkdown("content/t.md", "x\n\nsee [a](a.md) and [b](https://b.example)\n", 5, opt, &diags);
  REQUIRE(r.links.size() == 2);
  CHECK(r.links[0].url == "a.md");
  CHECK(r.links[0].pos.line == 7);
  CHECK(Has(r.html, "href=\"../a/index.html\""));
  CHECK(Has(r.html, "href=\"https://b.example\""));
}

TEST_CASE("Code spans and code blocks stay literal") {
  auto r = Render("`=model.total` and\n\n```\n=model.total\n```\n");
  CHECK(Has(r.html, "<code>=model.total</code>"));
  CHECK(Has(r.html, "<pre><code>=model.total\n</code></pre>"));
}

TEST_CASE("Plain text for search drops markup") {
  auto r = Render("## Heading\n\nSome **bold** text.\n");
  CHECK(r.plain_text.find("Heading") != std::string::npos);
  CHECK(r.plain_text.find("Some bold text.") != std::string::npos);
  CHECK(r.plain_text.find("**") == std::string::npos);
}

TEST_CASE("Each heading knows where its text is in the plain text, so search can cut a page into sections") {
  auto r = Render("Intro *here*.\n\n## Storage `tiers`\n\nCold data.\n\n### 出口 费用\n\nFees.\n");
  REQUIRE(r.headings.size() == 2);
  auto text_of = [&](const Heading& h) { return r.plain_text.substr(h.text_begin, h.text_end - h.text_begin); };
  CHECK(text_of(r.headings[0]) == "Storage tiers");
  CHECK(text_of(r.headings[1]) == "出口 费用");
  CHECK(r.plain_text.substr(0, r.headings[0].text_begin).find("Intro here.") == 0);
  CHECK(r.plain_text.substr(r.headings[0].text_end, r.headings[1].text_begin - r.headings[0].text_end)
            .find("Cold data.") != std::string::npos);
}

}  // namespace
}  // namespace costsite::markdown

namespace costsite::markdown {
namespace {

TEST_CASE("ReplaceWithHtml works inside a table cell, which refuses custom nodes") {
  cmark_gfm_core_extensions_ensure_registered();
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("table"));
  std::string md = "| a | b |\n|---|---|\n| x | `=m.total` |\n";
  cmark_parser_feed(parser.get(), md.data(), md.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  cmark_node* code = nullptr;
  cmark_iter* it = cmark_iter_new(doc.get());
  while (cmark_iter_next(it) != CMARK_EVENT_DONE)
    if (cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_CODE) code = cmark_iter_get_node(it);
  cmark_iter_free(it);
  REQUIRE(code != nullptr);
  cmark_node* repl = ReplaceWithHtml(code, "<abbr class=\"fig\">$1.00</abbr>");
  CHECK(cmark_node_get_type(repl) == CMARK_NODE_HTML_INLINE);
  char* html = cmark_render_html(doc.get(), CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html);
  cmark_get_default_mem_allocator()->free(html);
  CHECK(out.find("<td><abbr class=\"fig\">$1.00</abbr></td>") != std::string::npos);
  CHECK(TextOf(doc.get()) == "abx$1.00");  // figures count as text for headings and search
}

TEST_CASE("VisibleText drops tags and decodes entities") {
  // A figure's popover is hidden: headings and the search index see the figure only.
  CHECK(VisibleText("<span class=\"fig-wrap\"><span class=\"fig\">US$5</span><span class=\"fig-pop\" id=\"prov-1\" "
                    "hidden><span>公式：<code>a * b</code></span><span>x</span></span></span> more") == "US$5 more");
  CHECK(VisibleText("<span class=\"hiddenness\">shown</span>") == "shown");
  CHECK(VisibleText("<abbr title=\"a&amp;b\">US$1&amp;2 &lt;x&gt;</abbr>") == "US$1&2 <x>");
  CHECK(VisibleText("plain") == "plain");
  CHECK(VisibleText("<unclosed") == "");
}

TEST_CASE("VisibleText leaves out comments, whatever markup they hold") {
  CHECK(VisibleText("<!--<div class=\"x\">commented out words</div>-->\n\n<p>Visible text.</p>") == "\n\nVisible text.");
  CHECK(VisibleText("a<!-- b > c -->d<!---->e") == "ade");
  CHECK(VisibleText("a<!-- never closed <b>x</b>") == "a");
}

TEST_CASE("Search text has no comment from raw HTML or a shortcode's inner content") {
  MarkdownOptions opt;
  opt.raw_html = true;
  Diagnostics diags;
  auto r = RenderMarkdown("content/t.md", "Before <!--<b>inline words</b>--> after.\n\n<!--<div>block words</div>-->\n", 1,
                          opt, &diags);
  CHECK(Has(r.plain_text, "Before  after."));
  CHECK_FALSE(Has(r.plain_text, "words"));
  CHECK_FALSE(Has(r.plain_text, "-->"));
  opt.html_body = true;
  r = RenderMarkdown("content/t.html", "<!--<div class=\"x\">commented out words</div>-->\n\nVisible text.\n", 1, opt,
                     &diags);
  CHECK_FALSE(Has(r.plain_text, "commented"));
  CHECK_FALSE(Has(r.plain_text, "-->"));
  CHECK(Has(r.plain_text, "Visible text."));
}

TEST_CASE("Dangerous link schemes are dropped, safe ones kept") {
  auto r = Render("[a](JavaScript:alert(1)) [b](vbscript:x) [c](file:///etc/passwd) [d](data:text/html,x) "
                  "![e](data:image/png;base64,AAAA) [f](mailto:a@b.example)\n");
  CHECK_FALSE(Has(r.html, "avascript:"));
  CHECK_FALSE(Has(r.html, "vbscript:"));
  CHECK_FALSE(Has(r.html, "file:"));
  CHECK_FALSE(Has(r.html, "data:text"));
  CHECK(Has(r.html, "data:image/png;base64,AAAA"));
  CHECK(Has(r.html, "mailto:a@b.example"));
}

TEST_CASE("Dangerous link schemes are dropped with raw HTML on too, however they are spelt") {
  const char* md =
      "[a](JaVaScRiPt:alert(1)) [b](< javascript:alert(2)>) [c](java&#09;script:alert(3)) "
      "[d](<\tvbscript:x>) [e](data:text/html;base64,PHNjcmlwdD4=) ![f](DATA:text/html,x) "
      "[g](jav&#x0A;ascript:alert(4)) ![h](data:image/png;base64,AAAA) [i](https://example.com/javascript:)\n";
  for (bool raw_html : {false, true}) {
    INFO("raw_html " << raw_html);
    auto r = Render(md, raw_html);
    INFO(r.html);
    CHECK_FALSE(Has(r.html, "alert"));
    CHECK_FALSE(Has(r.html, "script:x"));
    CHECK_FALSE(Has(r.html, "text/html"));
    CHECK(Has(r.html, "<a href=\"\">a</a>"));
    CHECK(Has(r.html, "src=\"data:image/png;base64,AAAA\""));
    CHECK(Has(r.html, "href=\"https://example.com/javascript:\""));
  }
}

}  // namespace
}  // namespace costsite::markdown

namespace costsite::markdown {
namespace {

TEST_CASE("Generated blocks are not touched by the tagfilter") {
  cmark_gfm_core_extensions_ensure_registered();
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("tagfilter"));
  std::string md = "```cost chart\n```\n";
  cmark_parser_feed(parser.get(), md.data(), md.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  cmark_node* block = cmark_node_first_child(doc.get());
  ReplaceWithHtml(block, "<svg role=\"img\"><title id=\"t\">Costs</title></svg>\n");
  char* html = cmark_render_html(doc.get(), CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html);
  cmark_get_default_mem_allocator()->free(html);
  CHECK(out.find("<title id=\"t\">Costs</title>") != std::string::npos);
}

}  // namespace
}  // namespace costsite::markdown
