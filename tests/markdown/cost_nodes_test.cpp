// Inline figures on the node tree: formatting per language, provenance,
// code left alone, and diagnostics with positions.
#include "markdown/cost_nodes.h"

#include "figures/lookup.h"
#include "markdown/cost_expand.h"

#include "tests/figures/words_fixture.h"
#include "tests/markdown/cost_test_fixture.h"
#include "tests/test_util.h"

namespace costsite::markdown {
namespace {

// Looks at the page as it reads, without the figures' popovers.
bool Has(const std::string& html, const std::string& part) {
  return WithoutPopovers(html).find(part) != std::string::npos;
}

TEST_CASE("Inline figures render per language with provenance") {
  cost::Evaluation eval = FixtureEvaluation();
  const std::string md = "GPU `=inference.gpu` in CNY `=inference.gpu currency=CNY precision=0`, "
                         "storage `=inference[spot].storage per=none`, ratio `=inference.gpu_ratio percent range=lo`.\n";
  Diagnostics diags;
  CostOutput out;
  std::string zh = RenderCost(eval, md, "zh", &diags, &out).html;
  INFO(zh << AllDiagnostics(diags));
  CHECK(Has(zh, ">US$23,922/月</span></span>"));  // 730 h × 32.77 USD/h: whole dollars above 1,000
  CHECK(Has(zh, ">¥172,239/月</span></span>"));
  CHECK(Has(zh, ">US$11.50</span></span>"));
  CHECK(Has(zh, ">98.7%</span></span>"));
  // Each figure is a button described by its popover, numbered on the page.
  CHECK(Has(zh, "<span class=\"fig-wrap\"><span class=\"fig\" role=\"button\" tabindex=\"0\" "
                "aria-describedby=\"prov-1\">US$23,922/月</span>"));
  CHECK(zh.find("aria-describedby=\"prov-2\">¥172,239/月</span><span class=\"fig-pop\" id=\"prov-2\" hidden>") !=
        std::string::npos);
  CHECK(zh.find("<span class=\"pop-formula\">公式：<code>hours × @aws/p4d.24xlarge</code></span>") != std::string::npos);
  CHECK(zh.find("<span class=\"pop-head\">汇率</span><span class=\"pop-line\">US$1 = ¥7.2（<time "
                "datetime=\"2025-01-01\">2025-01-01</time>，<a href=\"https://www.chinamoney.com.cn/\">"
                "www.chinamoney.com.cn</a>）</span>") != std::string::npos);
  std::string en = RenderCost(eval, md, "en", &diags).html;
  CHECK(Has(en, ">$23,922/month</span></span>"));
  CHECK(en.find("<span class=\"pop-head\">Exchange rate</span><span class=\"pop-line\">$1 = CN¥7.2 (<time "
                "datetime=\"2025-01-01\">2025-01-01</time>, <a href=\"https://www.chinamoney.com.cn/\">") !=
        std::string::npos);
  CHECK(Has(en, ">CN¥172,239/month</span></span>"));
  CHECK(en.find("<span class=\"pop-formula\">Formula: <code>hours × @aws/p4d.24xlarge</code></span>") !=
        std::string::npos);
  CHECK_FALSE(diags.HasErrors());
  // Four figures; the one shown in CNY also reads exchange rates.
  REQUIRE(out.refs.size() == 5);
  CHECK(out.refs[0].kind == "figure");
  CHECK(out.refs[0].target == "inference.gpu");
  CHECK(out.refs[1].kind == "figure");
  CHECK(out.refs[2].kind == "convert");
  CHECK(out.refs[2].target == out.refs[1].target);
  CHECK(out.refs[3].target == "inference[spot].storage");
  CHECK(out.refs[0].pos.line == 1);
  CHECK(out.refs[0].pos.col == 5);
  REQUIRE(out.sources.items().size() == 2);  // the spot case uses the same S3 price: listed once
  CHECK(out.sources.items()[0].id == "aws/p4d.24xlarge");
}

TEST_CASE("Code that is not a figure stays code") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, "`x = 1` and\n\n```\n`=inference.total`\n```\n", "en", &diags).html;
  CHECK(Has(html, "<code>x = 1</code>"));
  CHECK(Has(html, "<pre><code>`=inference.total`\n</code></pre>"));
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("Only a well-formed reference is a figure: ordinary code that starts with = stays code") {
  cost::Evaluation eval = FixtureEvaluation();
  for (const char* code : {"==", "!=", "=x", "= 5", "=>", "=a.", "=.total", "=a[b]", "=1 + 2", "=SUM(A1:A3)"}) {
    Diagnostics diags;
    std::string md = std::string("just like `") + code + "` of go\n";
    std::string html = RenderCost(eval, md, "en", &diags).html;
    INFO(code);
    CHECK_FALSE(diags.HasErrors());
    CHECK(html.find("<code>") != std::string::npos);
  }
  // A span ending in a space shows a reference as code.
  Diagnostics diags;
  std::string html = RenderCost(eval, "Write ``=inference.total `` to show the total.\n", "en", &diags).html;
  CHECK(Has(html, "<code>=inference.total </code>"));
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("IsReferenceSpan: the grammar of references") {
  cost::Evaluation eval = FixtureEvaluation();
  struct Case {
    const char* text;
    bool is;
  };
  const Case cases[] = {
      {"=inference.total", true},         {"=inference[spot].total", true}, {"=m.share.gpu", true},
      {"=a.b.c precision=1", true},       {"!m.rule", true},                {"?m.rule", true},
      {"=openai/gpt-4o.total", true},     {"=unknown.total", true},         {"==", false},
      {"!=", false},                      {"=x", false},                    {"= 5", false},
      {"=m.total ", false},               {"=m[.total", false},             {"=m[s]total", false},
      {"=m.", false},                     {"x=m.total", false},             {"=", false},
      // The first id names a model: reported, whatever follows.
      {"=inference total", true},         {"=inference", true},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(figures::IsReferenceSpan(c.text, &eval) == c.is);
  }
  CHECK_FALSE(figures::IsReferenceSpan("=inference total", nullptr));
}

TEST_CASE("Unknown figures and options are reported at their place") {
  cost::Evaluation eval = FixtureEvaluation();
  struct Case {
    std::string md, want;
  };
  const Case cases[] = {
      {"Total: `=inference.totl`.\n",
       "content/page.md:1:8: error: unknown figure 'inference.totl' (did you mean 'total'?)\n"
       " 1 | Total: `=inference.totl`.\n"
       "   |        ^~~~~~~~~~~~~~~~~\n"},
      {"Intro\n\nTotal: `=inference.total precison=1`.\n",
       "content/page.md:3:26: error: unknown format option 'precison=1' (expected currency=, unit=, precision=, "
       "percent, compact, range=, plain or per=none)\n"
       " 3 | Total: `=inference.total precison=1`.\n"
       "   |                          ^~~~~~~~~~\n"},
      {"`=inferense.total`\n",
       "content/page.md:1:1: error: unknown model 'inferense' (did you mean 'inference'?)\n"
       " 1 | `=inferense.total`\n"
       "   | ^~~~~~~~~~~~~~~~~~\n"},
      {"`=inference[spto].total`\n",
       "content/page.md:1:1: error: unknown scenario 'spto' of model 'inference' (did you mean 'spot'?)\n"
       " 1 | `=inference[spto].total`\n"
       "   | ^~~~~~~~~~~~~~~~~~~~~~~~\n"},
      {"`=inference total`\n",
       "content/page.md:1:13: error: unknown format option 'total' (expected currency=, unit=, precision=, "
       "percent, compact, range=, plain or per=none)\n"
       " 1 | `=inference total`\n"
       "   |             ^~~~~\n"},
      {"`=inference.data currency=CNY`\n",
       "content/page.md:1:1: error: currency=CNY needs a money figure; 'inference.data' is in GB\n"
       " 1 | `=inference.data currency=CNY`\n"
       "   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    RenderCost(eval, c.md, "en", &diags);
    CHECK(AllDiagnostics(diags) == c.want);
  }
}

TEST_CASE("Lines are counted in the file, after the front matter") {
  cost::Evaluation eval = FixtureEvaluation();
  CostContext ctx{"en", &eval, nullptr, &testing::BuiltinWordsForTest(), "en"};
  MarkdownOptions opts;
  opts.cost = &ctx;
  Diagnostics diags;
  RenderMarkdown("content/page.md", "Text\n\n- a `=inference.nope`\n", 5, opts, &diags);
  REQUIRE(diags.Sorted().size() == 1);
  CHECK(diags.Sorted()[0].pos.line == 7);
  CHECK(diags.Sorted()[0].pos.col == 5);
}

}  // namespace
}  // namespace costsite::markdown

namespace costsite::markdown {
namespace {

TEST_CASE("PageExpansion::Line finds body lines as LineOf does, from an index made once") {
  const std::string path = "content/t.md";
  const std::string body = "one\r\ntwo\n\nfour `=x`\nlast";
  CostContext ctx;
  Diagnostics diags;
  PageExpansion page{path, body, 2, ctx, &diags, nullptr, std::nullopt};
  for (int line = -1; line <= 7; ++line) {
    INFO("line " << line);
    CHECK(page.Line(line) == costsite::LineOf(body, line));
  }
  CHECK(page.Line(1) == "one");
  CHECK(page.Line(4) == "four `=x`");
  CHECK(page.Line(5) == "last");
  page.Error(4, 6, "boom");
  REQUIRE(diags.Sorted().size() == 1);
  CHECK(FormatDiagnostic(diags.Sorted()[0]) == "content/t.md:6:6: error: boom\n 6 | four `=x`\n   |      ^\n");
}

TEST_CASE("A figure shown many times on a page is still found and positioned on each line") {
  cost::Evaluation eval = FixtureEvaluation();
  std::string md;
  for (int i = 0; i < 200; ++i) md += "GPU `=inference.gpu`, storage `=inference.storge`.\n";
  Diagnostics diags;
  std::string html = RenderCost(eval, md, "en", &diags).html;
  CHECK(Has(html, ">$23,922/month</span></span>"));
  std::vector<Diagnostic> errors = diags.Sorted();
  REQUIRE(errors.size() == 200);
  CHECK(errors[199].pos.line == 200);
  CHECK(errors[199].pos.col == 31);
  CHECK(errors[199].source_line == "GPU `=inference.gpu`, storage `=inference.storge`.");
}

}  // namespace
}  // namespace costsite::markdown
