// What the cost engine's tests share: a price list, exchange rates, and a
// run of the engine over pricing files given as text.
#ifndef COSTSITE_TESTS_COST_EVALUATE_FIXTURE_H_
#define COSTSITE_TESTS_COST_EVALUATE_FIXTURE_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cost/evaluate.h"
#include "figures/plain.h"
#include "pricing/pricing.h"

namespace costsite::cost {

inline constexpr const char* kAws = R"y(provider: aws
name: {en: Amazon Web Services}
currency: USD
source: https://aws.example/pricing
date: 2025-01-15
prices:
  - id: c5.2xlarge
    unit: USD/h
    price: 0.34
  - id: s3.standard
    unit: USD/GB/month
    price: 0.023
    source: https://aws.example/s3
  - id: p4d.24xlarge
    unit: USD/h
    price: 32.77
    variants: {spot: 9.83}
    history:
      - {date: 2024-06-01, price: 30.44, inherit: [spot]}
      - {date: 2023-01-01, price: 40.96, variants: {spot: 12.3}}
  - id: band
    unit: month
    price: 500 to 1500
)y";

inline constexpr const char* kRates = R"y(rates:
  - {base: USD, quote: CNY, rate: 7.20, date: 2025-01-01, source: https://fx.example}
  - {base: USD, quote: CNY, rate: 7.30, date: 2025-06-01}
)y";

// A price list with a ranged price (db) and a price with a spot variant (gpu).
inline constexpr const char* kVec = R"y(provider: vec
name: {en: Vector search}
currency: USD
date: 2025-01-01
prices:
  - id: db
    unit: USD/month
    price: 69.44 to 97.22
  - id: gpu
    unit: USD/h
    price: 1.5
    variants: {spot: 0.288}
)y";

struct Run {
  Evaluation ev;
  Diagnostics diags;
  std::string Errors() const {
    std::string out;
    for (const auto& d : diags.Sorted()) out += FormatDiagnostic(d);
    return out;
  }
  std::string Show(std::string_view model, std::string_view figure, std::string_view scenario = "") const {
    const ModelResult* r = ev.Find(model, scenario);
    const Figure* f = r ? r->Find(figure) : nullptr;
    return f ? figures::PlainFigure(*f) : "(missing)";
  }
};

inline std::unique_ptr<Run> Eval(std::vector<std::pair<std::string, std::string>> files, Options options = {}) {
  auto run = std::make_unique<Run>();
  Inputs inputs;
  files.insert(files.begin(), {{"pricing/aws.yaml", kAws}, {"pricing/fx.yaml", kRates}});
  for (const auto& [path, text] : files) pricing::ParsePricingFile(path, text, &inputs, run->diags);
  run->ev = Evaluate(std::move(inputs), options, run->diags);
  return run;
}

inline std::unique_ptr<Run> EvalModel(const std::string& text, Options options = {}) {
  return Eval({{"pricing/m.yaml", text}}, options);
}

}  // namespace costsite::cost

#endif  // COSTSITE_TESTS_COST_EVALUATE_FIXTURE_H_
