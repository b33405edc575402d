#include "markdown/shortcodes.h"

#include <catch2/catch.hpp>

#include "markdown/markdown.h"

namespace costsite::markdown {
namespace {

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

// A renderer that knows `box` (and writes what it was given) and nothing else.
struct Rendered {
  std::vector<ShortcodeCall> calls;
  ShortcodeRenderer renderer = [this](const ShortcodeCall& call, std::string* html) {
    calls.push_back(call);
    if (call.name != "box") return false;
    *html = "<div class=\"box\" data-form=\"" + std::string(call.markdown_form ? "%" : "<") + "\">";
    for (const auto& p : call.positional) *html += "[" + p + "]";
    for (const auto& [k, v] : call.named) *html += "[" + k + "=" + v + "]";
    *html += call.render_inner() + "</div>";
    return true;
  };
};

RenderedMarkdown Render(std::string_view md, Rendered* sc, Diagnostics* diags) {
  MarkdownOptions opt;
  opt.shortcodes = &sc->renderer;
  return RenderMarkdown("content/t.md", md, 3, opt, diags);
}

TEST_CASE("Shortcodes render from their template, with arguments and Markdown inside") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("Intro\n{{% box \"one two\" level=3 `raw` %}}\n**bold** and [x](#intro)\n{{% /box %}}\nAfter\n",
                  &sc, &diags);
  INFO(r.html);
  CHECK(diags.Sorted().empty());
  REQUIRE(sc.calls.size() == 1);
  CHECK(sc.calls[0].positional == std::vector<std::string>{"one two", "raw"});
  CHECK(sc.calls[0].paired);
  CHECK(sc.calls[0].pos.line == 4);
  CHECK(sc.calls[0].pos.col == 1);
  CHECK(Has(r.html, "<p>Intro</p>\n<div class=\"box\" data-form=\"%\">[one two][raw][level=3]<p><strong>bold</strong>"));
  CHECK(Has(r.html, "</div>\n<p>After</p>"));
  CHECK_FALSE(Has(r.html, "{{"));
  CHECK(Has(r.plain_text, "Intro [one two]"));  // the search index reads what the shortcode shows
  CHECK(Has(r.plain_text, "bold and x"));
  REQUIRE(r.links.size() == 1);  // the link inside is seen, at its own line
  CHECK(r.links[0].pos.line == 5);
}

TEST_CASE("Shortcodes nest, close themselves, and sit inline") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("{{< box >}}\n{{< box inner=1 >}}\ntext\n{{< /box >}}\n{{< /box >}}\n\nA {{< box x />}} b.\n", &sc,
                  &diags);
  INFO(r.html);
  CHECK(diags.Sorted().empty());
  CHECK(Has(r.html, "<div class=\"box\" data-form=\"<\"><div class=\"box\" data-form=\"<\">[inner=1]<p>text</p>"));
  CHECK(Has(r.html, "<p>A <div class=\"box\" data-form=\"<\">[x]</div> b.</p>"));
}

TEST_CASE("An unknown shortcode is warned at its place and its content shown without it") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("Text\n\n{{% tip %}}\nSome *tip*.\n{{% /tip %}}\n\nAnd {{< icon \"x\" >}} inline.\n", &sc, &diags);
  INFO(r.html);
  CHECK(Has(r.html, "<p>Some <em>tip</em>.</p>"));
  CHECK(Has(r.html, "<p>And  inline.</p>"));
  CHECK_FALSE(Has(r.html, "{{"));
  CHECK_FALSE(Has(r.html, "tip %"));
  std::vector<Diagnostic> d = diags.Sorted();
  REQUIRE(d.size() == 2);
  CHECK(d[0].pos.line == 5);
  CHECK(d[0].pos.col == 1);
  CHECK(d[0].code == "unknown-shortcode");
  CHECK(d[0].message ==
        "unknown shortcode 'tip' (no templates/shortcodes/tip.mustache): its content is shown without it");
  CHECK(d[0].source_line == "{{% tip %}}");
  CHECK(d[0].span == 11);
  CHECK(d[1].pos.line == 9);
  CHECK(d[1].pos.col == 5);
}

TEST_CASE("Shortcodes in code stay literal, and Hugo's escape prints the shortcode") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("Use `{{< box >}}` or {{</* box */>}}.\n\n```\n{{< box >}}\n{{</* box */>}}\n```\n\n"
                  "    {{%/* box */%}}\n",
                  &sc, &diags);
  INFO(r.html);
  CHECK(sc.calls.empty());
  CHECK(diags.Sorted().empty());
  CHECK(Has(r.html, "<code>{{&lt; box &gt;}}</code> or {{&lt; box &gt;}}.</p>"));
  CHECK(Has(r.html, "<pre><code>{{&lt; box &gt;}}\n{{&lt; box &gt;}}\n</code></pre>"));
}

TEST_CASE("A shortcode in an indented code block runs, its output put in the code as Hugo puts it") {
  Rendered sc;
  Diagnostics diags;
  // Hugo runs shortcodes before Markdown is read: indented by four spaces,
  // the shortcode is inside a code block, and its output goes there as it
  // is (not escaped); the code around it is escaped as code.
  auto r = Render("Para.\n\n    {{< box >}}\n    Hello\n    {{< /box >}}\n\nAfter.\n\n"
                  "Next.\n\n    a < {{< box x />}} b\n\nEnd.\n",
                  &sc, &diags);
  INFO(r.html);
  CHECK(diags.Sorted().empty());
  CHECK(Has(r.html, "<p>Para.</p>\n<pre><code><div class=\"box\" data-form=\"<\"><pre><code>Hello\n</code></pre>\n"
                    "</div>\n</code></pre>\n<p>After.</p>"));
  CHECK(Has(r.html, "<pre><code>a &lt; <div class=\"box\" data-form=\"<\">[x]</div> b\n</code></pre>\n<p>End.</p>"));
  CHECK_FALSE(Has(r.html, "cs-sc"));
  CHECK_FALSE(Has(r.html, "\xEE\x80\x80"));
  CHECK(Has(r.plain_text, "Hello"));  // the search index reads it too
}

TEST_CASE("ref and relref become the content path they name") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("[a]({{< ref \"docs/intro\" >}}) [b]({{< relref \"/x/y.md#sec\" >}}) [c]({{% ref \"z/\" %}})\n",
                  &sc, &diags);
  REQUIRE(r.links.size() == 3);
  CHECK(r.links[0].url == "docs/intro.md");
  CHECK(r.links[1].url == "/x/y.md#sec");
  CHECK(r.links[2].url == "z.md");
}

TEST_CASE("Headings inside shortcodes and beside them never share an id") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("{{% box %}}\n## Install\n{{% /box %}}\n{{% box %}}\n## Install\n{{% /box %}}\n\n"
                  "## Install\n\n## Step {{< box 7 />}} one\n",
                  &sc, &diags);
  INFO(r.html);
  CHECK(Has(r.html, "<h2 id=\"install\">"));
  CHECK(Has(r.html, "<h2 id=\"install-1\">"));
  CHECK(Has(r.html, "<h2 id=\"install-2\">"));
  CHECK(Has(r.html, "<h2 id=\"step--one\">"));  // the shortcode is not part of the id
}

TEST_CASE("Headings inside shortcodes join the page's headings in document order") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("## Before\n\n{{% box %}}\n## Linux\n\ntext\n\n### Debian\n{{% /box %}}\n\n## After\n", &sc,
                  &diags);
  INFO(r.html);
  REQUIRE(r.headings.size() == 4);
  CHECK(r.headings[0].id == "before");
  CHECK(r.headings[1].id == "linux");
  CHECK(r.headings[1].level == 2);
  CHECK(r.headings[2].id == "debian");
  CHECK(r.headings[2].level == 3);
  CHECK(r.headings[3].id == "after");
  // Each one's span is its text in the page's plain text (the search index's sections).
  for (const Heading& h : r.headings) {
    INFO(h.id);
    CHECK(r.plain_text.substr(h.text_begin, h.text_end - h.text_begin) == h.text);
  }
}

TEST_CASE("Lines after a shortcode keep their numbers") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("{{< box >}}\na\n\nb\n{{< /box >}}\n[x](y)\n", &sc, &diags);
  REQUIRE(r.links.size() == 1);
  CHECK(r.links[0].pos.line == 8);
}

}  // namespace
}  // namespace costsite::markdown

namespace costsite::markdown {
namespace {

RenderedMarkdown RenderRaw(std::string_view md, bool raw_html, Rendered* sc, Diagnostics* diags) {
  MarkdownOptions opt;
  opt.raw_html = raw_html;
  opt.shortcodes = &sc->renderer;
  return RenderMarkdown("content/t.md", md, 1, opt, diags);
}

TEST_CASE("A shortcode after a fenced code block renders: the fence's closing line ends the code") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("x\n\n```shell\nkubectl apply -f {{< box >}}\n```\n\n{{< box >}}\nhi\n{{< /box >}}\n\n"
                  "~~~~\n{{< box >}}\n~~~~\nA {{< box />}} b.\n",
                  &sc, &diags);
  INFO(r.html);
  CHECK(diags.Sorted().empty());
  CHECK(sc.calls.size() == 2);
  CHECK(Has(r.html, "<pre><code class=\"language-shell\">kubectl apply -f {{&lt; box &gt;}}\n</code></pre>"));
  CHECK(Has(r.html, "<div class=\"box\" data-form=\"<\"><p>hi</p>\n</div>"));
  CHECK(Has(r.html, "<pre><code>{{&lt; box &gt;}}\n</code></pre>"));
  CHECK(Has(r.html, "<p>A <div class=\"box\" data-form=\"<\"></div> b.</p>"));
}

TEST_CASE("An unknown shortcode without inner content shows its text argument") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("控制{{< glossary_tooltip text=\"对象 <b>\" term_id=\"object\" >}}的回收，{{< icon \"x\" >}}。\n", &sc,
                  &diags);
  INFO(r.html);
  CHECK(r.html == "<p>控制对象 &lt;b&gt;的回收，。</p>\n");
  REQUIRE(diags.Sorted().size() == 2);  // each still warned
  CHECK(diags.Sorted()[0].code == "unknown-shortcode");
  CHECK(Has(r.plain_text, "控制对象"));
}

TEST_CASE("A heading shortcode without words for its id shows the id as text and is warned") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("## {{% heading \"lesson_*content*\" %}}\n\nText.\n", &sc, &diags);
  INFO(r.html);
  CHECK(Has(r.html, ">\nlesson_*content*\n"));  // as written, not emphasis
  REQUIRE(r.headings.size() == 1);
  CHECK(r.headings[0].text == "lesson_*content*");
  REQUIRE(diags.Sorted().size() == 1);
  CHECK(diags.Sorted()[0].pos.line == 3);
  CHECK(diags.Sorted()[0].pos.col == 4);
  CHECK(Has(diags.Sorted()[0].message, "add 'heading_lesson_*content*' to templates/i18n/"));
  CHECK(sc.calls.empty());  // never reaches the templates
}

TEST_CASE("A shortcode without inner content alone on a line inside a paragraph stays in the paragraph") {
  Rendered sc;
  Diagnostics diags;
  auto r = Render("在任何时刻，Kubernetes\n{{< box n=1 >}}\n都一直在管理。\n\nText\n\n{{< box n=2 >}}\n\nEnd\n{{< box n=3 >}}\n", &sc,
                  &diags);
  INFO(r.html);
  CHECK(Has(r.html, "<p>在任何时刻，Kubernetes\n<div class=\"box\" data-form=\"<\">[n=1]</div>\n都一直在管理。</p>"));
  CHECK(Has(r.html, "<p>Text</p>\n<div class=\"box\" data-form=\"<\">[n=2]</div>\n<p>End</p>"));
  CHECK(Has(r.html, "<p>End</p>\n<div class=\"box\" data-form=\"<\">[n=3]</div>"));  // no text after: a block
}

TEST_CASE("HTML comments are never shown, with raw HTML off as with it on") {
  // A translation keeps its English source in comments, shortcodes included.
  const std::string md =
      "<!-- overview -->\n\n<!--\nEnglish with a {{< box >}}x{{< /box >}} and {{< box />}}\n-->\n"
      "译文。<!-- inline -->\n\n<!--more-->\n";
  Rendered off;
  Diagnostics d1;
  auto r = RenderRaw(md, false, &off, &d1);
  INFO(r.html);
  CHECK(r.html == "<p>译文。</p>\n");
  CHECK(off.calls.empty());  // a shortcode inside a comment is not rendered
  CHECK(d1.Sorted().empty());
  CHECK_FALSE(Has(r.plain_text, "English"));
  Rendered on;
  Diagnostics d2;
  auto h = RenderRaw(md, true, &on, &d2);
  INFO(h.html);
  CHECK(Has(h.html, "<!-- overview -->"));  // passed through: the browser hides it
  CHECK_FALSE(Has(h.html, "\xEE\x80\x80"));  // no placeholder is left in the page
}

TEST_CASE("A shortcode inside raw HTML renders, whether the HTML is shown as text or passed through") {
  const std::string md = "<div class=\"x\">{{< box >}}in{{< /box >}}</div>\n\nA <span>{{< box n=1 />}}</span> b.\n";
  Rendered off;
  Diagnostics d1;
  auto r = RenderRaw(md, false, &off, &d1);
  INFO(r.html);
  CHECK(d1.Sorted().empty());
  CHECK(Has(r.html, "<p>&lt;div class=&quot;x&quot;&gt;</p>\n<div class=\"box\" data-form=\"<\">"));
  CHECK(Has(r.html, "<p>&lt;/div&gt;</p>"));
  CHECK(Has(r.html, "<p>A &lt;span&gt;<div class=\"box\" data-form=\"<\">[n=1]</div>&lt;/span&gt; b.</p>"));
  Rendered on;
  Diagnostics d2;
  auto h = RenderRaw(md, true, &on, &d2);
  INFO(h.html);
  CHECK(d2.Sorted().empty());
  CHECK(Has(h.html, "<div class=\"x\"><div class=\"box\" data-form=\"<\">"));
  CHECK(Has(h.html, "<p>A <span><div class=\"box\" data-form=\"<\">[n=1]</div></span> b.</p>"));
  CHECK_FALSE(Has(h.html, "cs-sc-"));
}

}  // namespace
}  // namespace costsite::markdown
