// `input:` on a model parameter: read from YAML, checked against the value
// when evaluated, and kept in the result in the parameter's unit.
#include <catch2/catch.hpp>

#include "cost/evaluate.h"
#include "pricing/pricing.h"
#include "tests/test_util.h"

namespace costsite::pricing {
namespace {

cost::Evaluation EvaluateModel(const std::string& yaml, Diagnostics* diags, std::vector<cost::ParamSet> sets = {}) {
  cost::Inputs inputs;
  ParsePricingFile("pricing/m.yaml", yaml, &inputs, *diags);
  cost::Options options;
  options.today = "2025-06-01";
  options.sets = std::move(sets);
  return cost::Evaluate(std::move(inputs), options, *diags);
}

TEST_CASE("An input's bounds are kept in the parameter's unit", "[pricing][inputs]") {
  Diagnostics diags;
  cost::Evaluation ev = EvaluateModel(R"(model: m
params:
  qps: {value: 1000 requests/s, input: {min: 10 requests/s, max: 5000 requests/s, step: 10 requests/s}}
  ratio: {value: 0.3, input: {min: 0, max: 1}}
  rps_min: {value: 60 requests/min, input: {min: 1 requests/s, max: 2 requests/s}}
figures:
  daily: {formula: qps * 1 day, unit: requests}
)", &diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  const cost::ModelResult* r = ev.Find("m");
  REQUIRE(r);
  REQUIRE(r->inputs.size() == 3);
  CHECK(r->inputs[0].param == "qps");
  // The numbers as the form writes them (a second is a fraction of the
  // engine's hour: the decimals agree to 50 digits, not exactly).
  CHECK(r->inputs[0].min.ToString() == "10");
  CHECK(r->inputs[0].max.ToString() == "5000");
  REQUIRE(r->inputs[0].step);
  CHECK(r->inputs[0].step->ToString() == "10");
  CHECK_FALSE(r->inputs[1].step);
  CHECK(r->inputs[1].max == cost::Decimal(1));
  // Bounds written in another unit of the same kind read in the value's unit.
  CHECK(r->inputs[2].min.ToString() == "60");
  CHECK(r->inputs[2].max.ToString() == "120");
}

TEST_CASE("A set value outside an input's bounds is an error at the set", "[pricing][inputs]") {
  const char* yaml = R"(model: m
params:
  qps: {value: 1000 requests/s, input: {min: 10 requests/s, max: 5000 requests/s}}
)";
  Diagnostics inside;
  cost::ParamSet ok{cost::Located::OnLine("m.qps", "--set", "m.qps=800 requests/s", 1), cost::Located::OnLine("800 requests/s", "--set", "m.qps=800 requests/s", 7)};
  cost::Evaluation ev = EvaluateModel(yaml, &inside, {ok});
  CHECK_FALSE(inside.HasErrors());
  CHECK(ev.Find("m")->params[0].value.lo.ToString() == "800");
  Diagnostics outside;
  cost::ParamSet bad{cost::Located::OnLine("m.qps", "--set", "m.qps=9000 requests/s", 1), cost::Located::OnLine("9000 requests/s", "--set", "m.qps=9000 requests/s", 7)};
  ev = EvaluateModel(yaml, &outside, {bad});
  CHECK(AllDiagnostics(outside) ==
        "--set:1:7: error: parameter 'qps' is 9000 requests/s, outside its input's bounds 10 requests/s to 5000 requests/s\n"
        " 1 | m.qps=9000 requests/s\n"
        "   |       ^~~~~~~~~~~~~~~\n");
  // No silently wrong figure: the parameter is left out.
  CHECK(ev.Find("m")->params.empty());
  // A set value in another unit is the mistake, once, at the value: not the model's bounds.
  Diagnostics unit;
  cost::ParamSet other{cost::Located::OnLine("m.qps", "--set", "m.qps=20 GB", 1),
                       cost::Located::OnLine("20 GB", "--set", "m.qps=20 GB", 7)};
  ev = EvaluateModel(yaml, &unit, {other});
  CHECK(AllDiagnostics(unit) ==
        "--set:1:7: error: unit mismatch: parameter 'qps' is in requests/s (its input's min), not GB\n"
        " 1 | m.qps=20 GB\n"
        "   |       ^~~~~\n");
  CHECK(ev.Find("m")->params.empty());
}

TEST_CASE("Bad inputs name their place", "[pricing][inputs]") {
  Diagnostics diags;
  EvaluateModel(R"(model: m
params:
  a: {value: 6000 requests/s, input: {min: 10 requests/s, max: 5000 requests/s}}
  b: {value: 5 GB, input: {min: 1 h, max: 10 GB}}
  c: {value: 5, input: {min: 10, max: 1}}
  d: {value: 5, input: {min: 1 to 2, max: 10}}
  e: {value: 5, input: {min: 0, max: 10, step: 0}}
  f: {value: 5, input: {max: 10}}
  g: {value: 5, input: {min: 0, max: 10, by: 1}}
  h: {value: 1 to 2, input: {min: 0, max: 10}}
)", &diags);
  CHECK(AllDiagnostics(diags) ==
        "pricing/m.yaml:3:14: error: parameter 'a' is 6000 requests/s, outside its input's bounds 10 requests/s to 5000 requests/s\n"
        " 3 |   a: {value: 6000 requests/s, input: {min: 10 requests/s, max: 5000 requests/s}}\n"
        "   |              ^~~~~~~~~~~~~~~\n"
        "pricing/m.yaml:4:33: error: unit mismatch: the input's min is in h, parameter 'b' in GB\n"
        " 4 |   b: {value: 5 GB, input: {min: 1 h, max: 10 GB}}\n"
        "   |                                 ^~~\n"
        "pricing/m.yaml:5:39: error: the input's max 1 is below its min 10\n"
        " 5 |   c: {value: 5, input: {min: 10, max: 1}}\n"
        "   |                                       ^\n"
        "pricing/m.yaml:6:30: error: the input's min must be one value, not a range\n"
        " 6 |   d: {value: 5, input: {min: 1 to 2, max: 10}}\n"
        "   |                              ^~~~~~\n"
        "pricing/m.yaml:7:48: error: the input's step must be above zero\n"
        " 7 |   e: {value: 5, input: {min: 0, max: 10, step: 0}}\n"
        "   |                                                ^\n"
        "pricing/m.yaml:8:24: error: the input of parameter 'f' needs `min` and `max`\n"
        " 8 |   f: {value: 5, input: {max: 10}}\n"
        "   |                        ^\n"
        "pricing/m.yaml:9:42: error: unknown key 'by' in the input of parameter 'g'\n"
        " 9 |   g: {value: 5, input: {min: 0, max: 10, by: 1}}\n"
        "   |                                          ^~\n"
        "pricing/m.yaml:10:14: error: parameter 'h' has an `input:`, so its value must be one quantity, not a range\n"
        " 10 |   h: {value: 1 to 2, input: {min: 0, max: 10}}\n"
        "    |              ^~~~~~\n");
}

TEST_CASE("A scenario's parameter takes no input", "[pricing][inputs]") {
  Diagnostics diags;
  EvaluateModel(R"(model: m
params:
  a: 1
scenarios:
  s:
    params:
      a: {value: 2, input: {min: 0, max: 3}}
)", &diags);
  CHECK(AllDiagnostics(diags) ==
        "pricing/m.yaml:7:21: error: unknown key 'input' in parameter 'a' of a scenario\n"
        " 7 |       a: {value: 2, input: {min: 0, max: 3}}\n"
        "   |                     ^~~~~\n");
}

}  // namespace
}  // namespace costsite::pricing
