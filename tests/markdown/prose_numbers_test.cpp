// Numbers typed in prose, in every form the display layer prints, and the
// figures and parameters they could stand for.
#include "markdown/prose_numbers.h"

#include <span>

#include "content/pages.h"
#include "markdown/cost_drift.h"
#include "tests/markdown/cost_test_fixture.h"

namespace costsite::markdown {
namespace {

struct NumberCase {
  const char* text;
  const char* typed;  // "" = no number found
  double value;
  bool percent;
};

TEST_CASE("Typed numbers are read in every form the display layer prints") {
  const NumberCase cases[] = {
      // zh, as the example reports typed them
      {"每天 100 美元的基线", "100", 100, false},
      {"每个实例 20 QPS", "20", 20, false},
      {"每个小模型实例 160 QPS", "160", 160, false},
      {"每月 720 小时", "720", 720, false},
      {"集成复杂度 10 万美元", "10 万", 1e5, false},
      {"每年 5 万美元", "5 万", 5e4, false},
      {"每月 10 万次调用", "10 万", 1e5, false},
      {"实施预算约 30 万美元", "30 万", 3e5, false},
      {"按 500 GB 放在 S3", "500", 500, false},
      {"1.5 亿 token", "1.5 亿", 1.5e8, false},
      {"每月720小时", "720", 720, false},  // no space after a CJK character
      {"\xE4" "500 GB", "500", 500, false},  // a lead byte whose character is cut short
      {"1.7万 token", "1.7万", 1.7e4, false},
      {"每 3 千次", "3 千", 3e3, false},
      {"月费 US$1,150", "US$1,150", 1150, false},
      {"月费 ¥8,280", "¥8,280", 8280, false},
      {"节省 83.2%", "83.2%", 83.2, true},
      {"节省 50％", "50％", 50, true},
      // en
      {"costs $1,150 a month", "$1,150", 1150, false},
      {"costs CN¥8,280 a month", "CN¥8,280", 8280, false},
      {"200,000 calls", "200,000", 2e5, false},
      {"200000 calls", "200000", 2e5, false},
      {"a $52.67M budget", "$52.67M", 52.67e6, false},
      {"100k queries", "100k", 1e5, false},
      {"12K calls", "12K", 1.2e4, false},
      {"1.2B tokens", "1.2B", 1.2e9, false},
      {"saves 14,630%", "14,630%", 14630, true},
      {"17,232.40 USD", "17,232.40", 17232.4, false},
      // not figures: years, dates, small counts, names and versions
      {"in 2025", "", 0, false},
      {"2025 年", "", 0, false},
      {"on 2025-01-15", "", 0, false},
      {"12月", "", 0, false},
      {"3 steps", "", 0, false},  // a small count of something unsaid
      {"5%", "", 0, false},
      {"H100 GPUs", "", 0, false},
      {"c5.4xlarge", "", 0, false},
      {"Qwen3-4B", "", 0, false},
  };
  for (const NumberCase& c : cases) {
    CAPTURE(c.text);
    auto nums = FindNumbers(c.text);
    if (*c.typed == '\0') {
      CHECK(nums.empty());
      continue;
    }
    REQUIRE(nums.size() == 1);
    CHECK(nums[0].text == c.typed);
    CHECK(nums[0].value == Approx(c.value));
    CHECK(nums[0].percent == c.percent);
    CHECK(std::string(c.text).substr(nums[0].pos.col, nums[0].text.size()) == c.typed);
  }
}

TEST_CASE("Numbers are found however far into a text they are, with their signs") {
  // The scan passes over text without digits sixteen bytes at a time and
  // lands a sign's length before the next digit: each place and sign below.
  const std::string words = "no figure in this sentence at all, only words; ";  // 47 bytes
  const std::string zh = "这是一段没有数字的中文，";                                // 36 bytes
  CHECK(FindNumbers(words + words + zh).empty());
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string lead(pad, 'x');
    for (const auto& [typed, value] : std::vector<std::pair<std::string, double>>{
             {"CN¥8,280", 8280}, {"US$1,150", 1150}, {"￥600", 600}, {"€45.5", 45.5}, {"730", 730}}) {
      const std::string text = lead + " " + zh + typed + " 每月；" + words + "and 1,500 more";
      CAPTURE(pad, typed);
      auto nums = FindNumbers(text);
      REQUIRE(nums.size() == 2);
      CHECK(nums[0].text == typed);
      CHECK(nums[0].value == Approx(value));
      CHECK(static_cast<size_t>(nums[0].pos.col) == pad + 1 + zh.size());
      CHECK(nums[1].text == "1,500");
      CHECK(nums[1].value == 1500);
    }
  }
}

TEST_CASE("Numbers below 10 are read only when they say what they count") {
  const std::pair<const char*, const char*> cases[] = {
      {"on 3 GPUs", "gpus"}, {"about 2 hours", "h"}, {"约 2 小时", "h"},   {"8 QPS", "requests/s"},
      {"$5 a month", "USD"}, {"0 hours", "h"},       {"INT8 只要 2 块", "gpus"},
  };
  for (const auto& [text, kind] : cases) {
    CAPTURE(text);
    auto nums = FindNumbers(text);
    REQUIRE(nums.size() == 1);
    CHECK(nums[0].small);
    CHECK(nums[0].kind == kind);
  }
  CHECK(FindNumbers("3 steps, 2 of them, 4×A100, 2–3 hours").empty());
  auto big = FindNumbers("10 hours");
  REQUIRE(big.size() == 1);
  CHECK_FALSE(big[0].small);
}

TEST_CASE("Units after a number are not scales") {
  auto nums = FindNumbers("a 10Mbps link and 100 KB pages");
  REQUIRE(nums.size() == 2);
  CHECK(nums[0].value == 10);
  CHECK(nums[1].value == 100);
}

content::PageSource Source(const std::string& lang, const std::string& body) {
  content::PageSource s;
  s.lang = lang;
  s.path = "content/r." + lang + ".md";
  s.text = body;
  s.body_line = 1;
  return s;
}

struct DriftCase {
  const char* lang;
  const char* body;
  const char* reported;  // the reference the warning suggests; "" = no warning
};

// Each case's page checked against `eval`: the reference the warning
// suggests, or no warning.
void CheckCases(std::span<const DriftCase> cases, const cost::Evaluation& eval) {
  for (const DriftCase& c : cases) {
    CAPTURE(c.body);
    content::Page page;
    page.sources.push_back(Source(c.lang, c.body));
    Diagnostics diags;
    CheckPageDrift(page, &eval, &diags);
    std::string all = AllDiagnostics(diags);
    if (*c.reported == '\0') {
      CHECK(all.empty());
    } else {
      CHECK(all.find("write `=" + std::string(c.reported) + "`") != std::string::npos);
    }
  }
}

TEST_CASE("A typed number equal to a figure or parameter of a model the page uses is reported") {
  cost::Evaluation eval = FixtureEvaluation();
  // inference: hours = 730 h/month, data = 500 GB, gpu = 23,922.10 USD/month,
  // ops = 100–300 USD/month, share.gpu ≈ 98.7–99.5 %.
  const DriftCase cases[] = {
      {"zh", "总计 `=inference.total`，按每月 730 小时计。", "inference.hours"},
      {"en", "Total `=inference.total`, at 730 hours a month.", "inference.hours"},
      {"zh", "总计 `=inference.total`，数据 500 GB。", "inference.data"},
      {"en", "Total `=inference.total` for 500 GB of data.", "inference.data"},
      {"zh", "```cost table model=inference\n```\n\nGPU 约 US$23,922。", "inference.gpu"},
      {"en", "```cost table model=inference\n```\n\nGPUs cost about $23,922.", "inference.gpu"},
      {"zh", "总计 `=inference.total`，GPU 约 2.39 万美元。", "inference.gpu"},
      {"zh", "总计 `=inference.total`，GPU 约 US$2.39万。", "inference.gpu"},
      {"en", "Total `=inference.total`; GPUs about $23.9K.", "inference.gpu"},
      {"en", "Total `=inference.total`; ops from $100.", "inference.ops"},
      {"zh", "总计 `=inference.total`，运维 100 美元起。", "inference.ops"},
      // what the number counts must agree, and be said when the figure has a unit
      {"en", "Total `=inference.total` for 500 questions.", ""},
      {"en", "Total `=inference.total`; ops cost 100 a month.", ""},
      {"zh", "总计 `=inference.total`，按每月 730 次调用计。", ""},
      {"zh", "Spot `=inference[spot].total`，运维 300 美元。", "inference.ops"},
      // rounder numbers must be equal, not close
      {"en", "Total `=inference.total`, at 700 hours a month.", ""},
      {"zh", "总计 `=inference.total`，数据 510 GB。", ""},
      // a page that does not use the model
      {"en", "We run 730 hours a month on 500 GB.", ""},
      // code is code
      {"en", "Total `=inference.total`; the YAML says `hours: 730`.", ""},
      {"zh", "总计 `=inference.total`。\n\n```yaml\nhours: 730\n```\n", ""},
      // a percent matches a percent figure only, to half its last digit; round percents are targets
      {"en", "Total `=inference.total`; 730% more.", ""},
      {"en", "Total `=inference.total`; GPUs are 99.5% of it.", "inference.share.gpu"},
      {"zh", "总计 `=inference.total`，GPU 占 99.5%。", "inference.share.gpu"},
      {"en", "Total `=inference.total`; GPUs are 99.7% of it.", ""},
      {"en", "Total `=inference.total`; GPUs are 99% of it.", ""},
      // either end of a typed range states a bound
      {"en", "Total `=inference.total`; ops run $100–300 a month.", ""},
      {"zh", "总计 `=inference.total`，运维每月 100 到 300 美元。", ""},
  };
  CheckCases(cases, eval);
}

TEST_CASE("A small typed number is reported only beside a reference to its model") {
  Diagnostics load;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/serve.yaml", R"(model: serve
params:
  hours: {value: 2 h, label: {zh: 时长, en: Hours}}
  gpus: {value: 8 gpus, label: {zh: GPU 数, en: GPUs}}
figures:
  cost: {formula: 5 USD/h * hours, unit: USD, label: {zh: 费用, en: Cost}}
)", &inputs, load);
  pricing::ParsePricingFile("pricing/other.yaml", R"(model: other
params:
  hours: {value: 3 h, label: {zh: 时长, en: Hours}}
figures:
  cost: {formula: 1 USD/h * hours, unit: USD, label: {zh: 费用, en: Cost}}
)", &inputs, load);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, load);
  REQUIRE_FALSE(load.HasErrors());
  const DriftCase cases[] = {
      {"en", "It costs `=serve.cost` over 2 hours.", "serve.hours"},
      {"zh", "费用 `=serve.cost`，约 2 小时。", "serve.hours"},
      {"en", "Over 2 hours it costs `=serve.cost`.", "serve.hours"},  // the reference after the number
      {"en", "It runs on 8 GPUs for `=serve.cost`.", "serve.gpus"},
      {"en", "| Set-up | Cost |\n|---|---|\n| 8 GPUs, 2 hours | `=serve.cost` |\n", "serve.gpus"},
      // not beside a reference to the model: another paragraph, another row, another model
      {"en", "It costs `=serve.cost`.\n\nIt takes 2 hours.", ""},
      {"en", "| Set-up | Cost |\n|---|---|\n| 2 hours | — |\n| Serve | `=serve.cost` |\n", ""},
      {"en", "It costs `=serve.cost`.\n\nThe other takes `=other.cost` in 2 hours.", ""},
      {"en", "Other: `=other.cost` over 3 hours.", "other.hours"},
      // what it counts unsaid, a range, a different count
      {"en", "It costs `=serve.cost` in 2 steps.", ""},
      {"en", "It costs `=serve.cost` over 2–3 hours.", ""},
      {"en", "It costs `=serve.cost` on 2 GPUs.", ""},
  };
  CheckCases(cases, eval);
}

TEST_CASE("A typed parameter is reported at its place with the reference to write") {
  cost::Evaluation eval = FixtureEvaluation();
  content::Page page;
  page.sources.push_back(Source("zh", "总计 `=inference.total`，集成预算 10 万美元，按每月 730 小时计。\n"));
  Diagnostics diags;
  CheckPageDrift(page, &eval, &diags);
  CHECK(AllDiagnostics(diags) ==
        "content/r.zh.md:1:39: warning: '730' looks like the parameter inference.hours (730 h/month); write "
        "`=inference.hours` so the text follows the model\n"
        " 1 | 总计 `=inference.total`，集成预算 10 万美元，按每月 730 小时计。\n"
        "   |                                                     ^~~\n");
}

}  // namespace
}  // namespace costsite::markdown
