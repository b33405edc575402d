// The engine on many models: groups of models that do not read each other
// evaluated in parallel (the same results and diagnostics on any number of
// threads, each group's definitions and parses freed as it is done), and
// models of tens of thousands of items and scenarios.
#include "cost/evaluate.h"

#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/cost/evaluate_fixture.h"

namespace costsite::cost {
namespace {

TEST_CASE("Groups of independent models evaluate in parallel with the same results and diagnostics",
          "[cost][evaluate]") {
  // Independent models, a chain a -> b -> c, a cycle, a duplicate id and a
  // malformed formula: every kind of result and report, on 1 and 4 threads.
  std::vector<std::pair<std::string, std::string>> files = {{"pricing/aws.yaml", kAws}, {"pricing/fx.yaml", kRates}};
  for (int i = 0; i < 20; ++i)
    files.push_back({"pricing/m" + std::to_string(i) + ".yaml",
                     "model: m" + std::to_string(i) + "\nunit: USD/month\nparams: {n: " + std::to_string(i + 1) +
                         "}\nitems:\n  vm: {quantity: n * 730 h/month, price: \"@aws/c5.2xlarge\"}\n"});
  files.push_back({"pricing/a.yaml", "model: a\nparams: {x: b.y * 2}\n"});
  files.push_back({"pricing/b.yaml", "model: b\nparams: {y: c.z + 1}\nscenarios:\n  big: {z_scale: 1}\n"});
  files.push_back({"pricing/c.yaml", "model: c\nparams: {z: 3}\n"});
  files.push_back({"pricing/p.yaml", "model: p\nparams: {u: q.v}\n"});
  files.push_back({"pricing/q.yaml", "model: q\nparams: {v: p.u}\n"});
  files.push_back({"pricing/dup.yaml", "model: m3\nparams: {k: 1}\n"});
  files.push_back({"pricing/bad.yaml", "model: bad\nparams: {w: 2 +* 3}\n"});
  auto run = [&](int threads) {
    Diagnostics diags;
    Inputs inputs;
    for (const auto& [path, text] : files) pricing::ParsePricingFile(path, text, &inputs, diags);
    Evaluation ev = Evaluate(std::move(inputs), Options{}, diags, threads);
    std::string out;
    for (const ModelResult& r : ev.results()) out += r.model + "[" + r.scenario + "] " + std::to_string(Fingerprint(r)) + "\n";
    for (const Diagnostic& d : diags.Sorted()) out += FormatDiagnostic(d);
    return out;
  };
  std::string serial = run(1);
  CHECK(serial.find("m19[] ") != std::string::npos);
  CHECK(serial.find("reference cycle") != std::string::npos);
  CHECK(serial.find("duplicate model id 'm3'") != std::string::npos);
  CHECK(serial.find("malformed-formula") == std::string::npos);  // codes are not printed...
  size_t bad = serial.find("pricing/bad.yaml:2:");
  CHECK(bad != std::string::npos);  // ...but the error is, once
  CHECK(serial.find("pricing/bad.yaml:2:", bad + 1) == std::string::npos);
  CHECK(run(4) == serial);
  CHECK(run(2) == serial);
}

// A duplicate model id is left out of the evaluating engine, so the engine's
// model indices no longer follow the definitions' order: a group must free
// its own models' definitions, not those at its indices. Here the group of r
// and z (r reads z) would free q's, which its group still had to evaluate
// (on two threads, while another thread read it: the build crashed).
TEST_CASE("A duplicate model id leaves the other models' definitions to their groups", "[cost][evaluate]") {
  for (int threads : {1, 2}) {
    Diagnostics diags;
    Inputs inputs;
    const std::vector<std::pair<std::string, std::string>> files = {
        {"pricing/a.yaml", "model: dup\nparams: {k: 1}\n"}, {"pricing/b.yaml", "model: dup\nparams: {k: 2}\n"},
        {"pricing/c.yaml", "model: r\nparams: {x: z.w * 2}\n"}, {"pricing/d.yaml", "model: p\nparams: {y: 5}\n"},
        {"pricing/e.yaml", "model: q\nparams: {u: 7}\n"},       {"pricing/f.yaml", "model: z\nparams: {w: 3}\n"}};
    for (const auto& [path, text] : files) pricing::ParsePricingFile(path, text, &inputs, diags);
    Evaluation ev = Evaluate(std::move(inputs), Options{}, diags, threads);
    INFO("threads " << threads);
    CHECK(diags.ErrorCount() == 1);
    auto show = [&](std::string_view model, std::string_view figure) {
      const ModelResult* r = ev.Find(model);
      const Figure* f = r ? r->Find(figure) : nullptr;
      return f ? figures::PlainFigure(*f) : std::string("(missing)");
    };
    CHECK(show("dup", "k") == "1");
    CHECK(show("r", "x") == "6");
    CHECK(show("p", "y") == "5");
    CHECK(show("q", "u") == "7");
    CHECK(show("z", "w") == "3");
  }
}

// Each group frees its models' parsed formulas once evaluated, and their
// definitions too unless some model is adjustable (the what-if engine reads
// them after evaluation): both ways, 2 threads give 1 thread's results, and
// an adjustable site keeps what the what-if engine needs.
TEST_CASE("Groups evaluated in parallel free their formulas and keep definitions only for adjustable sites",
          "[cost][evaluate]") {
  for (bool adjustable : {false, true}) {
    auto run = [&](int threads, std::string* whatif) {
      Diagnostics diags;
      Inputs inputs;
      pricing::ParsePricingFile("pricing/aws.yaml", kAws, &inputs, diags);
      for (int i = 0; i < 12; ++i)
        pricing::ParsePricingFile("pricing/m" + std::to_string(i) + ".yaml",
                                  "model: m" + std::to_string(i) + "\nunit: USD/month\nparams:\n  n: {value: " +
                                      std::to_string(i + 1) +
                                      (adjustable && i == 5 ? ", input: {min: 1, max: 50}" : "") +
                                      "}\nitems:\n  vm: {quantity: n * 730 h/month, price: \"@aws/c5.2xlarge\"}\n"
                                      "figures:\n  twice: {formula: vm * 2}\n",
                                  &inputs, diags);
      Evaluation ev = Evaluate(std::move(inputs), Options{}, diags, threads);
      *whatif = ev.WhatIfInputs({"m5"});
      CHECK(ev.HasInputs() == adjustable);
      std::string out;
      for (const ModelResult& r : ev.results()) out += r.model + " " + std::to_string(Fingerprint(r)) + "\n";
      for (const Diagnostic& d : diags.Sorted()) out += FormatDiagnostic(d);
      return out;
    };
    std::string whatif1, whatif2;
    std::string serial = run(1, &whatif1);
    INFO(serial);
    CHECK(serial.find("m11 ") != std::string::npos);
    CHECK(serial.find("error") == std::string::npos);
    CHECK(run(2, &whatif2) == serial);
    CHECK(whatif2 == whatif1);
    CHECK(whatif1.empty() == !adjustable);
    if (adjustable) CHECK(whatif1.find("m5") != std::string::npos);
  }
}

// Sizes at which evaluation used to be quadratic: a share summed every other
// item (25,000 items took minutes), and each scenario's result copied the
// list of all scenarios (10,000 scenarios exhausted memory).
TEST_CASE("A model of 25,000 items gets its total, subtotals and shares", "[cost][evaluate][limits]") {
  std::string text = "model: m\nunit: USD/month\nitems:\n";
  for (int i = 0; i < 25000; ++i)
    text += "  i" + std::to_string(i) + ": {group: g" + std::to_string(i % 10) + ", formula: " +
            (i % 2 ? "3" : "1") + " USD/month}\n";
  auto run = EvalModel(text);
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  // 12,500 items of 1 and 12,500 of 3; a group holds 2,500 of one kind.
  CHECK(run->Show("m", "total") == "50000.00 USD/month");
  CHECK(run->Show("m", "subtotal.g2") == "2500.00 USD/month");
  CHECK(run->Show("m", "subtotal.g3") == "7500.00 USD/month");
  CHECK(run->Show("m", "share.i1") == "0.006%");
  CHECK(run->Show("m", "share.i24998") == "0.002%");
  CHECK(run->Show("m", "share.g3") == "15%");
  const ModelResult* r = run->ev.Find("m");
  REQUIRE(r->items.size() == 25000);
  CHECK(r->groups.size() == 10);
  CHECK(r->shares.size() == 25010);
  CHECK(r->total->explain->inputs.size() == 25000);
  CHECK(r->total->explain->inputs.back().name == "i24999");
}

TEST_CASE("A model of 10,000 scenarios evaluates each and shares its scenario list", "[cost][evaluate][limits]") {
  std::string text = "model: m\nunit: USD/month\nparams:\n  gpus: 1\nitems:\n"
                     "  gpu: {formula: gpus * 100 USD/month}\n  fixed: {formula: 50 USD/month}\n"
                     "figures:\n  yearly: {formula: total * 12 month, unit: USD}\nscenarios:\n";
  for (int i = 0; i < 10000; ++i)
    text += "  s" + std::to_string(i) + ": {params: {gpus: " + std::to_string(i + 1) + "}}\n";
  auto run = EvalModel(text);
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  CHECK(run->ev.results().size() == 10001);
  CHECK(run->Show("m", "total") == "150.00 USD/month");
  CHECK(run->Show("m", "total", "s0") == "150.00 USD/month");
  CHECK(run->Show("m", "total", "s4999") == "500050.00 USD/month");
  CHECK(run->Show("m", "yearly", "s9999") == "12000600.00 USD");
  CHECK(run->Show("m", "gpus", "s9999") == "10000");
  CHECK(run->Show("m", "share.fixed", "s1") == "20%");
  const ModelResult* first = run->ev.Find("m", "s0");
  const ModelResult* last = run->ev.Find("m", "s9999");
  REQUIRE(last->scenarios.size() == 10000);
  CHECK(last->scenarios[9999].id == "s9999");
  CHECK(&first->scenarios[0] == &last->scenarios[0]);  // one list, not one per result
}

}  // namespace
}  // namespace costsite::cost
