// A small evaluated cost model for the markdown stage's cost tests: one price
// list with a spot variant, a USD/CNY rate, and a model with groups, a
// scenario, rules and expectations.
#ifndef COSTSITE_TESTS_MARKDOWN_COST_TEST_FIXTURE_H_
#define COSTSITE_TESTS_MARKDOWN_COST_TEST_FIXTURE_H_

#include <catch2/catch.hpp>
#include <string>

#include "base/diagnostics.h"
#include "cost/evaluate.h"
#include "markdown/cost_nodes.h"
#include "markdown/markdown.h"
#include "pricing/pricing.h"
#include "tests/figures/words_fixture.h"
#include "tests/test_util.h"

namespace costsite::markdown {

inline constexpr const char* kAwsYaml = R"(provider: aws
name: {zh: 亚马逊云科技, en: Amazon Web Services}
currency: USD
source: https://aws.amazon.com/ec2/pricing/on-demand/
region: us-east-1
date: 2025-01-15
prices:
  - id: p4d.24xlarge
    label: {zh: p4d.24xlarge 实例, en: p4d.24xlarge instance}
    unit: USD/h
    price: 32.77
    variants: {spot: 9.83}
  - id: s3.standard
    label: {zh: S3 标准存储, en: S3 Standard}
    unit: USD/GB/month
    price: 0.023
)";

inline constexpr const char* kFxYaml = R"(rates:
  - {base: USD, quote: CNY, rate: 7.2, date: 2025-01-01, source: https://www.chinamoney.com.cn/}
)";

inline constexpr const char* kModelYaml = R"(model: inference
title: {zh: 推理服务月度成本, en: Monthly inference cost}
unit: USD/month
params:
  hours: {value: 730 h/month, label: {zh: 运行时长, en: Hours run}}
  data: {value: 500 GB, label: {zh: 数据量, en: Data}}
groups:
  compute: {zh: 计算, en: Compute}
items:
  gpu:
    label: {zh: GPU 实例, en: GPU instances}
    group: compute
    quantity: hours
    price: "@aws/p4d.24xlarge"
  storage:
    label: {zh: 对象存储, en: Object storage}
    formula: data * @aws/s3.standard
    unit: USD/month
  ops:
    label: {zh: 运维, en: Operations}
    formula: 100 to 300 USD/month
figures:
  gpu_ratio: {formula: gpu / total, label: {zh: GPU 比例, en: GPU ratio}}
scenarios:
  spot:
    label: {zh: Spot 实例, en: Spot instances}
    variant: spot
rules:
  gpu_heavy:
    when: share(gpu) > 50%
    label: {zh: GPU 占比超过一半, en: GPU is more than half of the bill}
    recommend: {zh: 评估 Spot 与量化, en: Evaluate spot instances and quantisation}
  tiny:
    when: total < 10 USD/month
    label: {zh: 很便宜, en: Very cheap}
expectations:
  - figure: total
    stated: 24000 USD/month
    tolerance: 1%
    known_discrepancy: true
    source: {zh: 原文 §3, en: source document §3}
    note: {zh: 原文漏算了运维, en: the source leaves out operations}
)";

/// The fixture's evaluation; REQUIRES it to evaluate without errors.
inline cost::Evaluation FixtureEvaluation() {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/aws.yaml", kAwsYaml, &inputs, diags);
  pricing::ParsePricingFile("pricing/fx.yaml", kFxYaml, &inputs, diags);
  pricing::ParsePricingFile("pricing/inference.yaml", kModelYaml, &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  for (const auto& d : diags.Sorted()) UNSCOPED_INFO(FormatDiagnostic(d));
  REQUIRE_FALSE(diags.HasErrors());
  return eval;
}

/// Renders `md` (body starting on line 1 of page.md) with the cost engine.
inline RenderedMarkdown RenderCost(const cost::Evaluation& eval, const std::string& md, const std::string& lang,
                                   Diagnostics* diags, CostOutput* out = nullptr) {
  CostContext ctx{lang, &eval, out, &testing::BuiltinWordsForTest(), "en"};
  MarkdownOptions opts;
  opts.cost = &ctx;
  return RenderMarkdown("content/page.md", md, 1, opts, diags);
}

}  // namespace costsite::markdown

#endif  // COSTSITE_TESTS_MARKDOWN_COST_TEST_FIXTURE_H_
