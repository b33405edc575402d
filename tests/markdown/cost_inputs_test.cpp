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

}  // namespace
}  // namespace costsite::markdown
