#include "app/site_checks.h"

#include <catch2/catch.hpp>

#include "cost/evaluate.h"
#include "pricing/pricing.h"
#include "render/site_renderer.h"

namespace costsite::app {
namespace {

cost::Evaluation Evaluate(const std::string& prices, const std::string& model, Diagnostics* diags) {
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/p.yaml", prices, &inputs, *diags);
  pricing::ParsePricingFile("pricing/m.yaml", model, &inputs, *diags);
  return cost::Evaluate(std::move(inputs), cost::Options{}, *diags);
}

const char* kPrices =
    "provider: cloud\nname: Cloud\ncurrency: USD\nsource: https://example.com\ndate: 2024-01-01\n"
    "prices:\n  - id: vm\n    unit: USD/h\n    price: 0.34\n";

TEST_CASE("DaysBetween counts civil days across leap years") {
  long d = 0;
  REQUIRE(DaysBetween("2024-01-01", "2025-01-01", &d));
  CHECK(d == 366);
  REQUIRE(DaysBetween("2025-03-01", "2025-02-28", &d));
  CHECK(d == -1);
  CHECK_FALSE(DaysBetween("2025-13-01", "2025-01-01", &d));
  CHECK_FALSE(DaysBetween("yesterday", "2025-01-01", &d));
}

TEST_CASE("Expectations: failures are errors, known discrepancies are notes") {
  Diagnostics diags;
  auto eval = Evaluate(kPrices,
                       "model: vm\nunit: USD/month\n"
                       "items:\n  vm: {quantity: 730 h/month, price: \"@cloud/vm\"}\n"
                       "expectations:\n"
                       "  - {figure: total, stated: 248.2 USD/month}\n"
                       "  - {figure: total, stated: 250 USD/month}\n"
                       "  - {figure: total, stated: 300 USD/month, known_discrepancy: true}\n"
                       "  - {figure: total, stated: 248.20 USD/month, known_discrepancy: true}\n",
                       &diags);
  REQUIRE_FALSE(diags.HasErrors());
  // The line a diagnostic quotes, as a build reads it from the model's file.
  auto line_at = [](const SourcePos& pos) { return "line " + std::to_string(pos.line) + " of " + pos.path; };
  CheckExpectations(eval, line_at, &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].severity == Severity::kError);
  CHECK(all[0].message == "expectation failed: vm.total is 248.20 USD/month, the source states 250 USD/month");
  CHECK(all[0].pos.line == 7);  // the second expectation
  CHECK(all[0].source_line == "line 7 of " + all[0].pos.path);  // quoted, with a caret under the figure
  CHECK(all[0].span == 5);
  CHECK(all[1].severity == Severity::kNote);
  CHECK(all[1].message == "known discrepancy: vm.total is 248.20 USD/month, the source states 300 USD/month");
  CHECK(all[2].severity == Severity::kWarning);
}

TEST_CASE("Prices older than max_price_age warn") {
  Diagnostics diags;
  auto eval = Evaluate(kPrices, "model: m\nparams: {x: 1}\n", &diags);
  CheckPriceAges(eval, 365, "2024-12-31", &diags);
  CHECK(diags.WarningCount() == 0);
  CheckPriceAges(eval, 365, "2025-01-02", &diags);
  REQUIRE(diags.WarningCount() == 1);
  CHECK(diags.Sorted()[0].message ==
        "price cloud/vm dated 2024-01-01 is 367 days old on 2025-01-02 (max_price_age: 365)");
  // Reported at the entry's id in its price list, with the line shown.
  const Diagnostic d = diags.Sorted()[0];
  CHECK(d.pos.path == "pricing/p.yaml");
  CHECK(d.pos.line == 7);
  CHECK(d.pos.col == 9);
  CHECK(d.source_line == "  - id: vm");
  CHECK(d.span == 2);
  CheckPriceAges(eval, 0, "2030-01-01", &diags);  // no limit set
  CHECK(diags.WarningCount() == 1);
}

TEST_CASE("Models no page reads, directly or through another model, are reported where defined") {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/p.yaml", kPrices, &inputs, diags);
  pricing::ParsePricingFile("pricing/base.yaml", "model: base\nparams: {hours: 730 h/month}\n", &inputs, diags);
  pricing::ParsePricingFile("pricing/shown.yaml",
                            "model: shown\nunit: USD/month\nitems:\n  vm: {quantity: base.hours, price: \"@cloud/vm\"}\n",
                            &inputs, diags);
  pricing::ParsePricingFile("pricing/orphan.yaml", "# left over\nmodel: orphan\nparams: {x: 1}\n", &inputs, diags);
  auto eval = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  REQUIRE_FALSE(diags.HasErrors());
  render::OutputFile page;
  page.path = "en/r/index.html";
  page.models = {"shown"};
  CheckUnusedModels(eval, ModelsShown(eval, {page}), &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 1);
  CHECK(FormatDiagnostic(all[0]) ==
        "pricing/orphan.yaml:2:8: warning: model 'orphan' is not used: no page shows its figures or a model "
        "that reads them\n 2 | model: orphan\n   |        ^~~~~~\n");
  CHECK(all[0].code == "unused-model");

  // Shown by two render threads, each a part, and a name with no model.
  render::OutputFile other;
  other.path = "zh/o/index.html";
  other.models = {"orphan", "no-such-model"};
  ShownModels one = ModelsShown(eval, {page});
  const ShownModels two = ModelsShown(eval, {other});
  CHECK(one.size() == eval.results().size());
  CHECK(one.Has(eval.PlaceOf("shown")));
  CHECK_FALSE(one.Has(eval.PlaceOf("orphan")));
  CHECK_FALSE(one.Has(eval.PlaceOf("base")));  // read by a shown model, not shown itself
  CHECK_FALSE(one.Has(eval.results().size()));
  one.Merge(two);
  CHECK(one.Has(eval.PlaceOf("shown")));
  CHECK(one.Has(eval.PlaceOf("orphan")));
  Diagnostics merged;
  CheckUnusedModels(eval, one, &merged);
  CHECK(merged.WarningCount() == 0);
}

}  // namespace
}  // namespace costsite::app
