// Drift between a page's languages, stale translations and hand-typed figures.
#include "markdown/cost_drift.h"

#include "content/pages.h"
#include "tests/markdown/cost_test_fixture.h"

namespace costsite::markdown {
namespace {

content::PageSource Source(const std::string& lang, const std::string& body, const std::string& translation_of = "") {
  content::PageSource s;
  s.lang = lang;
  s.path = "content/r." + lang + ".md";
  s.text = body;
  s.body_line = 1;
  s.front.more_mut().translation_of = translation_of;
  s.front.more_mut().translation_pos = {s.path, 1, 1};
  return s;
}

TEST_CASE("Prose numbers are found with their value, but years and dates are not") {
  auto nums = FindNumbers("In 2025 we paid 17,232.40 USD (1.7万 CNY, 83.2%) on 2025-01-15 for 3 GPUs and 12K calls");
  REQUIRE(nums.size() == 5);
  CHECK(nums[0].text == "17,232.40");
  CHECK(nums[0].value == Approx(17232.4));
  CHECK(nums[1].value == Approx(17000));
  CHECK(nums[1].text == "1.7万");
  CHECK(nums[2].percent);
  CHECK(nums[2].text == "83.2%");
  CHECK(nums[3].text == "3");  // below 10, read because it says it counts GPUs
  CHECK(nums[3].small);
  CHECK(nums[4].value == Approx(12000));
  CHECK(nums[4].text == "12K");
  CHECK_FALSE(nums[4].small);
}

TEST_CASE("Languages that refer to different figures or tables are reported") {
  content::Page page;
  page.sources.push_back(Source("zh", "总计 `=inference.total`。\n\n```cost table model=inference\n```\n"));
  page.sources.push_back(Source("en", "Total `=inference.total compact`.\n"));
  Diagnostics diags;
  CheckPageDrift(page, nullptr, &diags);
  CHECK(AllDiagnostics(diags) ==
        "content/r.zh.md:3:1: warning: 'cost table model=inference' is not in the 'en' version (content/r.en.md)\n"
        " 3 | ```cost table model=inference\n   | ^\n");
}

TEST_CASE("A figure shown more often in one language is reported once, with both counts") {
  content::Page page;
  page.sources.push_back(Source("zh", "总计 `=m.total`。\n"));
  page.sources.push_back(Source("en", "Total `=m.total`, again `=m.total`, and `=m.total compact`; `=m.gpu`.\n"));
  Diagnostics diags;
  CheckPageDrift(page, nullptr, &diags);
  const std::string all = AllDiagnostics(diags);
  CHECK(all.find("content/r.en.md:1:26: warning: figure 'm.total' is shown 3 times here and once in the 'zh' version "
                 "(content/r.zh.md)\n") != std::string::npos);
  CHECK(all.find("content/r.en.md:1:62: warning: figure 'm.gpu' is not in the 'zh' version (content/r.zh.md)\n") !=
        std::string::npos);
  CHECK(diags.Sorted().size() == 2);
}

TEST_CASE("A translation older than its source is reported") {
  content::Page page;
  page.sources.push_back(Source("zh", "新的正文\n"));
  std::string hash = content::ContentHash("新的正文\n");
  page.sources.push_back(Source("en", "translation_of: 0123456789ab\n", "0123456789ab"));
  Diagnostics diags;
  CheckPageDrift(page, nullptr, &diags);
  CHECK(AllDiagnostics(diags) == "content/r.en.md:1:1: warning: translation_of is 0123456789ab, but content/r.zh.md is now " +
                                     hash + ": the source changed since this translation\n"
                                            " 1 | translation_of: 0123456789ab\n   | ^~~~~~~~~~~~\n");
  page.sources[1].front.more_mut().translation_of = hash;
  Diagnostics clean;
  CheckPageDrift(page, nullptr, &clean);
  CHECK(clean.Sorted().empty());
}

TEST_CASE("A hand-typed number equal to a figure on the page is reported") {
  // 23,900 is within 0.5 % of the GPU cost; 300, a round number, is exactly
  // the top of the operations range.
  cost::Evaluation eval = FixtureEvaluation();
  content::Page page;
  page.sources.push_back(Source("en", "GPUs cost `=inference.gpu`, that is about $23,900 a month; ops cost $300.\n"));
  Diagnostics diags;
  CheckPageDrift(page, &eval, &diags);
  CHECK(AllDiagnostics(diags) ==
        "content/r.en.md:1:43: warning: '$23,900' looks like the figure inference.gpu (23922.10 USD/month); write "
        "`=inference.gpu` so the text follows the model\n"
        " 1 | GPUs cost `=inference.gpu`, that is about $23,900 a month; ops cost $300.\n"
        "   |                                           ^~~~~~~\n"
        "content/r.en.md:1:69: warning: '$300' looks like the figure inference.ops (100.00 – 300.00 USD/month); write "
        "`=inference.ops` so the text follows the model\n"
        " 1 | GPUs cost `=inference.gpu`, that is about $23,900 a month; ops cost $300.\n"
        "   |                                                                     ^~~~\n");
}

}  // namespace
}  // namespace costsite::markdown
