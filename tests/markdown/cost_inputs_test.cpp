// `cost inputs` blocks: the form of a model's adjustable parameters, in the
// page's language, and the diagnostics for bad arguments.
#include "markdown/cost_nodes.h"

#include "tests/markdown/cost_test_fixture.h"
#include "tests/test_util.h"

namespace costsite::markdown {
namespace {

constexpr const char* kServeYaml = R"(model: serve
title: {zh: 推理服务, en: Inference service}
unit: USD/month
params:
  qps: {value: 1000 requests/s, label: {zh: 每秒请求数, en: Requests per second},
        input: {min: 10 requests/s, max: 5000 requests/s, step: 10 requests/s}}
  ratio: {value: 0.25, label: {zh: 规划/执行比, en: Plan/act ratio}, input: {min: 0, max: 1}}
  price: {value: 2 USD/h, label: {zh: 单价, en: Unit price}, input: {min: 1 USD/h, max: 4 USD/h, step: 0.5 USD/h}}
  fixed: {value: 3, label: {zh: 固定, en: Fixed}}
items:
  gpu: {formula: qps / (100 requests/s) * price * 730 h/month * (1 + ratio)}
)";

cost::Evaluation ServeEvaluation() {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/serve.yaml", kServeYaml, &inputs, diags);
  cost::Options options;
  options.today = "2025-06-01";
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), options, diags);
  for (const auto& d : diags.Sorted()) UNSCOPED_INFO(FormatDiagnostic(d));
  REQUIRE_FALSE(diags.HasErrors());
  return eval;
}

std::string Block(const std::string& info) { return "```" + info + "\n```\n"; }

TEST_CASE("cost inputs: a labelled number field per adjustable parameter, in English") {
  cost::Evaluation eval = ServeEvaluation();
  Diagnostics diags;
  CostOutput out;
  std::string html = RenderCost(eval, Block("cost inputs model=serve"), "en", &diags, &out).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(html ==
        "<form class=\"cost-inputs\" data-wf-model=\"serve\" aria-label=\"Adjust the assumptions: Inference service\" "
        "data-wf-updated=\"Figures updated.\" data-wf-invalid=\"{label}: enter a number from {min} to {max}.\" "
        "data-wf-failed=\"The figures could not be recomputed: {error}\">\n"
        "<div class=\"cost-input\"><label for=\"wi-serve-qps\">Requests per second</label>\n"
        "<input type=\"number\" id=\"wi-serve-qps\" name=\"serve.qps\" value=\"1000\" min=\"10\" max=\"5000\" "
        "step=\"10\" data-unit=\"requests/s\" inputmode=\"decimal\">\n"
        "<span class=\"cost-input-unit\">requests/s</span></div>\n"
        "<div class=\"cost-input\"><label for=\"wi-serve-ratio\">Plan/act ratio</label>\n"
        "<input type=\"number\" id=\"wi-serve-ratio\" name=\"serve.ratio\" value=\"0.25\" min=\"0\" max=\"1\" "
        "step=\"any\" data-unit=\"\" inputmode=\"decimal\">\n"
        "</div>\n"
        "<div class=\"cost-input\"><label for=\"wi-serve-price\">Unit price</label>\n"
        "<input type=\"number\" id=\"wi-serve-price\" name=\"serve.price\" value=\"2\" min=\"1\" max=\"4\" "
        "step=\"0.5\" data-unit=\"USD/h\" inputmode=\"decimal\">\n"
        "<span class=\"cost-input-unit\">USD/h</span></div>\n"
        "<button type=\"reset\">Reset</button>\n"
        "<output class=\"cost-inputs-status\" aria-live=\"polite\"></output>\n"
        "</form>\n");
  CHECK(out.whatif_models == std::vector<std::string>{"serve"});
}

TEST_CASE("cost inputs: params= chooses fields, in Chinese") {
  cost::Evaluation eval = ServeEvaluation();
  Diagnostics diags;
  std::string html = RenderCost(eval, Block("cost inputs model=serve params=price,qps"), "zh", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(html.find("aria-label=\"调整假设：推理服务\"") != std::string::npos);
  CHECK(html.find("<label for=\"wi-serve-price\">单价</label>") < html.find("<label for=\"wi-serve-qps\">每秒请求数</label>"));
  CHECK(html.find("wi-serve-ratio") == std::string::npos);
  CHECK(html.find("<span class=\"cost-input-unit\">美元/小时</span>") != std::string::npos);
  CHECK(html.find("<span class=\"cost-input-unit\">次请求/秒</span>") != std::string::npos);
  CHECK(html.find("<button type=\"reset\">重置</button>") != std::string::npos);
}

TEST_CASE("cost inputs: errors name the argument") {
  cost::Evaluation eval = ServeEvaluation();
  Diagnostics diags;
  RenderCost(eval, Block("cost inputs model=serve params=qps,fixed,qsp"), "en", &diags);
  CHECK(AllDiagnostics(diags) ==
        "content/page.md:1:39: error: parameter 'serve.fixed' has no `input:` in its model\n"
        " 1 | ```cost inputs model=serve params=qps,fixed,qsp\n"
        "   |                                       ^~~~~\n");
  Diagnostics typo;
  RenderCost(eval, Block("cost inputs model=serve params=qsp"), "en", &typo);
  CHECK(AllDiagnostics(typo) ==
        "content/page.md:1:35: error: unknown adjustable parameter 'serve.qsp' (did you mean 'qps'?)\n"
        " 1 | ```cost inputs model=serve params=qsp\n"
        "   |                                   ^~~\n");
  Diagnostics none;
  RenderCost(FixtureEvaluation(), Block("cost inputs model=inference"), "en", &none);
  CHECK(AllDiagnostics(none) ==
        "content/page.md:1:22: error: model 'inference' has no parameter with `input:` (see pricing.md)\n"
        " 1 | ```cost inputs model=inference\n"
        "   |                      ^~~~~~~~~\n");
}

// A model with scenarios that reads a price with two dated values.
cost::Evaluation DatedEvaluation() {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/cloud.yaml", R"(provider: cloud
name: {zh: 测试云, en: Test cloud}
currency: USD
source: https://example.com/prices
date: 2025-05-01
prices:
  - id: gpu
    label: {zh: GPU 实例, en: GPU instance}
    unit: USD/h
    price: 2.5
    history:
      - {date: 2024-11-01, price: 3}
)", &inputs, diags);
  pricing::ParsePricingFile("pricing/fleet.yaml", R"(model: fleet
title: {zh: 集群, en: Fleet}
unit: USD/month
params:
  gpus: {value: 4, label: {zh: GPU 数, en: GPUs}, input: {min: 1, max: 64}}
items:
  gpu: {quantity: gpus * 730 h/month, price: "@cloud/gpu"}
scenarios:
  large: {label: {zh: 大集群, en: Large fleet}, params: {gpus: 32}}
  small: {label: {zh: 小集群, en: Small fleet}, params: {gpus: 2}}
)", &inputs, diags);
  cost::Options options;
  options.today = "2025-06-01";
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), options, diags);
  for (const auto& d : diags.Sorted()) UNSCOPED_INFO(FormatDiagnostic(d));
  REQUIRE_FALSE(diags.HasErrors());
  return eval;
}

TEST_CASE("cost inputs: a scenario picker and an as-of date field") {
  cost::Evaluation eval = DatedEvaluation();
  Diagnostics diags;
  std::string html =
      RenderCost(eval, Block("cost inputs model=fleet params=gpus scenarios=small,large as_of=pick"), "en", &diags).html;
  INFO(html << AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  // The picker first: the base case selected, then the scenarios in the order asked.
  CHECK(html.find("<div class=\"cost-input\"><label for=\"ws-fleet\">Scenario</label>\n"
                  "<select id=\"ws-fleet\" name=\"scenario(fleet)\" data-wf-pick=\"fleet\">\n"
                  "<option value=\"\" selected>Base case</option>\n<option value=\"small\">Small fleet</option>\n"
                  "<option value=\"large\">Large fleet</option>\n</select></div>\n") != std::string::npos);
  // The date field: from the first date the price has a value for to the newest.
  CHECK(html.find("<div class=\"cost-input\"><label for=\"wd-fleet\">Prices as of</label>\n"
                  "<input type=\"date\" id=\"wd-fleet\" name=\"as-of(fleet)\" value=\"2025-05-01\" min=\"2024-11-01\" "
                  "max=\"2025-05-01\" data-wf-as-of=\"fleet\"></div>\n") != std::string::npos);
  CHECK(html.find(" data-wf-invalid-date=\"{label}: enter a date from {min} to {max}.\"") != std::string::npos);
  CHECK(html.find("ws-fleet") < html.find("wd-fleet"));
  CHECK(html.find("wd-fleet") < html.find("wi-fleet-gpus"));
  // In Chinese, and a form with only a picker of every scenario.
  std::string zh = RenderCost(eval, Block("cost inputs model=fleet scenarios=all params=gpus"), "zh", &diags).html;
  CHECK(zh.find("<label for=\"ws-fleet\">情景</label>") != std::string::npos);
  CHECK(zh.find("<option value=\"\" selected>基准</option>\n<option value=\"large\">大集群</option>") !=
        std::string::npos);
  CHECK(zh.find("type=\"date\"") == std::string::npos);
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("cost inputs: scenarios= and as_of= errors name the argument") {
  cost::Evaluation eval = DatedEvaluation();
  Diagnostics typo;
  RenderCost(eval, Block("cost inputs model=fleet scenarios=small,lrage"), "en", &typo);
  CHECK(AllDiagnostics(typo).find("content/page.md:1:44: error: unknown scenario 'lrage'") == 0);
  Diagnostics word;
  RenderCost(eval, Block("cost inputs model=fleet as_of=yes"), "en", &word);
  CHECK(AllDiagnostics(word) ==
        "content/page.md:1:34: error: expected as_of=pick, got 'yes'\n"
        " 1 | ```cost inputs model=fleet as_of=yes\n"
        "   |                                  ^~~\n");
  Diagnostics undated;
  RenderCost(ServeEvaluation(), Block("cost inputs model=serve as_of=pick"), "en", &undated);
  CHECK(AllDiagnostics(undated) ==
        "content/page.md:1:34: error: model 'serve' reads no price with an earlier dated value\n"
        " 1 | ```cost inputs model=serve as_of=pick\n"
        "   |                                  ^~~~\n");
}

}  // namespace
}  // namespace costsite::markdown
