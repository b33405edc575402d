// libFuzzer target: Markdown with cost figures, directives and checklists
// (markdown/markdown.h with a CostContext) over a small evaluated fixture, so
// that `=model.figure` spans and `cost …` blocks reach real figures.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "cost/evaluate.h"
#include "markdown/cost_nodes.h"
#include "markdown/markdown.h"
#include "pricing/pricing.h"

namespace {

constexpr std::string_view kPrices = R"(provider: gpu
name: {zh: 显卡云, en: GPU cloud}
currency: USD
source: https://example.com/pricing
date: 2025-01-02
prices:
  - id: a100
    label: {zh: A100, en: A100}
    unit: USD/h
    price: 3.20
    variants: {spot: 1.10}
  - id: storage
    label: {zh: 存储, en: Storage}
    unit: CNY/GB/month
    price: 0.12 to 0.20
)";

constexpr std::string_view kRates = R"(rates:
  - {base: USD, quote: CNY, rate: 7.1879, date: 2025-01-02}
)";

constexpr std::string_view kModel = R"(model: demo
title: {zh: 演示, en: Demo}
unit: USD/month
params:
  gpus: {value: 8, label: {zh: GPU 数, en: GPUs}}
  data: {value: 500 GB, label: {zh: 数据量, en: Data}}
items:
  compute:
    label: {zh: 计算, en: Compute}
    quantity: 730 h/month * gpus
    price: "@gpu/a100"
  disk:
    label: {zh: 存储, en: Storage}
    formula: fx(data * @gpu/storage, USD)
figures:
  spot: {formula: "gpus * @gpu/a100:spot", unit: USD/h, label: {zh: Spot, en: Spot}}
  compute_share: {formula: share(compute), unit: "%"}
rules:
  gpu_heavy:
    when: share(compute) > 50%
    label: {zh: 计算占比超过一半, en: Compute is more than half of the bill}
)";

const costsite::cost::Evaluation& Fixture() {
  static const costsite::cost::Evaluation* evaluation = [] {
    costsite::Diagnostics diags;
    costsite::cost::Inputs inputs;
    costsite::pricing::ParsePricingFile("pricing/gpu.yaml", kPrices, &inputs, diags);
    costsite::pricing::ParsePricingFile("pricing/fx.yaml", kRates, &inputs, diags);
    costsite::pricing::ParsePricingFile("pricing/demo.yaml", kModel, &inputs, diags);
    auto* out = new costsite::cost::Evaluation(
        costsite::cost::Evaluate(std::move(inputs), costsite::cost::Options{}, diags));
    // The fixture must be valid, or the fuzzer would only ever see errors.
    for (const costsite::Diagnostic& d : diags.Sorted())
      std::fprintf(stderr, "fixture: %s\n", costsite::FormatDiagnostic(d).c_str());
    if (diags.HasErrors()) std::abort();
    return out;
  }();
  return *evaluation;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  for (const char* lang : {"zh", "en"}) {
    costsite::markdown::CostContext cost{lang, &Fixture()};
    costsite::markdown::MarkdownOptions options;
    options.cost = &cost;
    costsite::Diagnostics diags;
    costsite::markdown::RenderMarkdown("content/fuzz.md", body, 1, options, &diags);
    for (const costsite::Diagnostic& d : diags.Sorted()) costsite::FormatDiagnostic(d);
  }
  return 0;
}
