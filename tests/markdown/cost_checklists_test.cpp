// Task lists: labelled disabled checkboxes, progress counts, items bound to
// rules as established facts (`!`) or recommendations (`?`).
#include "markdown/cost_nodes.h"

#include "tests/figures/words_fixture.h"
#include "tests/markdown/cost_test_fixture.h"

namespace costsite::markdown {
namespace {

bool Has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

TEST_CASE("Task lists become labelled checkboxes with a progress count") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string md = "- [x] Read the bill\n- [ ] Ask finance\n";
  std::string html = RenderCost(eval, md, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, "<div class=\"checklist\" role=\"group\" aria-labelledby=\"checklist-1\">\n"
                  "<p class=\"checklist-progress\" id=\"checklist-1\">1 / 2 done</p>\n<ul>\n"));
  CHECK(Has(html, "<li><label><input type=\"checkbox\" disabled checked> Read the bill</label></li>"));
  CHECK(Has(html, "<li><label><input type=\"checkbox\" disabled> Ask finance</label></li>"));
  std::string zh = RenderCost(eval, "- [x] 完成\n- [ ] 未完成\n", "zh", &diags).html;
  CHECK(Has(zh, ">1 / 2 已完成</p>"));
}

TEST_CASE("An established item (`!model.rule`) is ticked exactly when its rule holds") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  // gpu_heavy holds, tiny does not: the rule decides, not the box as written.
  std::string md = "- [ ] GPU heavy `!inference.gpu_heavy`\n- [x] Very cheap `!inference.tiny`\n";
  std::string html = RenderCost(eval, md, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  // A rule's tick never looks like work done: a badge says who ticked it.
  CHECK(Has(html, "<li><label class=\"task-established\"><input type=\"checkbox\" disabled checked>"
                  "<span class=\"task-badge task-met\">Met by the figures</span> GPU heavy</label></li>"));
  CHECK(Has(RenderCost(eval, md, "zh", &diags).html, "<span class=\"task-badge task-met\">数据已确认</span>"));
  CHECK(Has(html, "<li><label class=\"task-established\"><input type=\"checkbox\" disabled> Very cheap</label></li>"));
  // Ticked by its rule, not by anyone: counted apart from the items done.
  CHECK(Has(html, ">0 / 2 done, 1 met by the figures</p>"));
  CHECK(Has(RenderCost(eval, md, "zh", &diags).html, ">0 / 2 已完成，1 项由数据确认</p>"));
  CHECK_FALSE(Has(html, "!inference"));
  CHECK_FALSE(Has(html, "Recommended"));
}

TEST_CASE("A recommended item (`?model.rule`) is never done: it gets a badge and the rule's reason") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string md = "- [ ] GPU heavy `?inference.gpu_heavy`\n- [ ] Very cheap `?inference.tiny`\n";
  std::string html = RenderCost(eval, md, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  // The rule holds: open box, badge, the condition (here its label: the fixture has no
  // `condition:`) with the value the condition tests; never the formula (no tooltip of code,
  // in no language of its own).
  CHECK(Has(html, "<li><label class=\"task-recommended\"><input type=\"checkbox\" disabled> GPU heavy</label> "
                  "<span class=\"task-badge\">Recommended</span> <span class=\"task-reason\">"
                  "GPU is more than half of the bill: 98.7–99.5%</span></li>"));
  CHECK_FALSE(Has(html, "share(gpu)"));
  // The rule does not hold: a plain open item.
  CHECK(Has(html, "<li><label class=\"task-recommended\"><input type=\"checkbox\" disabled> Very cheap</label></li>"));
  CHECK(Has(html, ">0 / 2 done, 1 recommended</p>"));
  CHECK_FALSE(Has(html, "checked"));
  std::string zh = RenderCost(eval, md, "zh", &diags).html;
  CHECK(Has(zh, ">0 / 2 已完成，1 项建议</p>"));
  CHECK(Has(zh, "<span class=\"task-badge\">建议</span>"));
  CHECK(Has(zh, ">GPU 占比超过一半：98.7–99.5%</span>"));
}

TEST_CASE("The progress count counts done items only and says how many are recommended") {
  cost::Evaluation eval = FixtureEvaluation();
  Diagnostics diags;
  std::string md =
      "- [x] Read the bill\n"                          // done by its author
      "- [ ] GPU heavy `!inference.gpu_heavy`\n"        // established: met, not done
      "- [ ] Quantise `?inference.gpu_heavy`\n"         // recommended: open
      "- [x] Spot already `?inference.gpu_heavy`\n"     // done by its author: no badge
      "- [ ] Cheap `?inference.tiny`\n"                 // not recommended
      "- [ ] Ask finance\n";
  std::string html = RenderCost(eval, md, "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(Has(html, ">2 / 6 done, 1 met by the figures, 1 recommended</p>"));
  CHECK(Has(html, "<label class=\"task-recommended\"><input type=\"checkbox\" disabled checked> Spot already</label></li>"));
  size_t badges = 0;
  for (size_t p = html.find("task-badge\""); p != std::string::npos; p = html.find("task-badge\"", p + 1)) ++badges;
  CHECK(badges == 1);  // one recommendation; the met item's badge is "task-badge task-met"
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
  Diagnostics established;
  RenderCost(eval, "- [ ] Spot `!inference.gpu_heavvy`\n", "en", &established);
  CHECK(AllDiagnostics(established) ==
        "content/page.md:1:12: error: unknown rule 'inference.gpu_heavvy' (did you mean 'gpu_heavy'?)\n"
        " 1 | - [ ] Spot `!inference.gpu_heavvy`\n   |            ^~~~~~~~~~~~~~~~~~~~~~~\n");
}

}  // namespace
}  // namespace costsite::markdown
