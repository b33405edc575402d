// Task lists: labelled disabled checkboxes, progress counts, items bound to rules.
#include "markdown/cost_nodes.h"

#include "tests/figures/words_fixture.h"
#include "tests/markdown/cost_test_fixture.h"

namespace costsite::markdown {
namespace {

bool Has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

TEST_CASE("Task lists become labelled checkboxes with a progress count") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string md = "- [ ] GPU heavy `?inference.gpu_heavy`\n- [x] Very cheap `?inference.tiny`\n- [x] Read the bill\n"
                   "- [ ] Ask finance\n";
  std::string html = RenderCost(eval, md, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, "<div class=\"checklist\" role=\"group\" aria-labelledby=\"checklist-1\">\n"
                  "<p class=\"checklist-progress\" id=\"checklist-1\">2 / 4 done</p>\n<ul>\n"));
  CHECK(Has(html, "<li><label><input type=\"checkbox\" disabled checked> GPU heavy</label></li>"));
  CHECK(Has(html, "<li><label><input type=\"checkbox\" disabled> Very cheap</label></li>"));  // the rule wins
  CHECK(Has(html, "<li><label><input type=\"checkbox\" disabled checked> Read the bill</label></li>"));
  CHECK(Has(html, "<li><label><input type=\"checkbox\" disabled> Ask finance</label></li>"));
  CHECK_FALSE(Has(html, "?inference"));
  std::string zh = RenderCost(eval, "- [x] 完成\n- [ ] 未完成\n", "zh", &diags).html;
  CHECK(Has(zh, ">1 / 2 已完成</p>"));
}

TEST_CASE("Checklists work without a cost engine, and plain lists are untouched") {
  CostContext ctx{"en", nullptr, nullptr, &testing::BuiltinWordsForTest(), "en"};
  MarkdownOptions opts;
  opts.cost = &ctx;
  Diagnostics diags;
  std::string html = RenderMarkdown("p.md", "- [x] a\n- [ ] b\n\nText\n\n- plain\n", 1, opts, &diags).html;
  CHECK(Has(html, ">1 / 2 done</p>"));
  CHECK(Has(html, "<ul>\n<li>plain</li>\n</ul>"));
  CHECK_FALSE(Has(html, "<input type=\"checkbox\" disabled=\"\""));  // cmark's unlabelled box is replaced
}

TEST_CASE("An unknown rule is reported at its code span") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  RenderCost(eval, "- [ ] Spot `?inference.gpu_heavvy`\n", "en", &diags);
  CHECK(AllDiagnostics(diags) ==
        "content/page.md:1:12: error: unknown rule 'inference.gpu_heavvy' (did you mean 'gpu_heavy'?)\n"
        " 1 | - [ ] Spot `?inference.gpu_heavvy`\n   |            ^~~~~~~~~~~~~~~~~~~~~~~\n");
}

}  // namespace
}  // namespace costsite::markdown
