// Formula functions (ceil, floor, round, npv, if, min/max, mid, sqrt) and
// comparisons, evaluated through the engine.
#include "cost/evaluate.h"

#include <catch2/catch.hpp>

#include "cost/engine.h"
#include "tests/cost/evaluate_fixture.h"

namespace costsite::cost {
namespace {

TEST_CASE("Comparisons on ranges hold only over the whole range", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
figures:
  maybe: {formula: (1 to 3) > 2}
  surely: {formula: (3 to 4) > 2}
  eq: {formula: 0.1 + 0.2 == 0.3}
)y");
  CHECK(run->Show("m", "maybe") == "false");
  CHECK(run->Show("m", "surely") == "true");
  CHECK(run->Show("m", "eq") == "true");
}

TEST_CASE("Functions", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
params:
  qps: 500 requests/s
  latency: 0.5 s
  batch: 32 requests
figures:
  instances: {formula: ceil(qps * latency / (batch * 70%))}
  npv: {formula: "npv(10%, -100 USD, 110 USD)"}
  pick: {formula: "if(2 > 1, 5 h, 1 / 0)"}
  days: {formula: "ceil(30 h, day)"}
  biggest: {formula: "max(1 GB, 500 MB, 2 GB)"}
  middle: {formula: mid(500 to 1500 CNY/month)}
  rounded: {formula: "round(2.345, 2)"}
  root: {formula: sqrt(16)}
  band: {formula: "@aws/band * 2"}
)y");
  INFO(run->Errors());
  CHECK_FALSE(run->diags.HasErrors());
  CHECK(run->Show("m", "instances") == "12");
  CHECK(run->Show("m", "npv") == "0.00 USD");
  CHECK(run->Show("m", "pick") == "5 h");
  CHECK(run->Show("m", "days") == "2 days");
  CHECK(run->Show("m", "biggest") == "2 GB");
  CHECK(run->Show("m", "middle") == "1000.00 CNY/month");
  CHECK(run->Show("m", "rounded") == "2.35");
  CHECK(run->Show("m", "root") == "4");
  CHECK(run->Show("m", "band") == "1000.00 – 3000.00 USD/month");
}

TEST_CASE("ceil and floor give the whole number of the value as it prints", "[cost][evaluate]") {
  // Each quotient below goes through a conversion (1/730 of an hour, a
  // month of a year) whose error sits in the 50th digit: 22.000…01 is 22.
  auto run = EvalModel(R"y(model: m
params:
  demand: 22M tokens/month
  per_gpu: 1M tokens/month
figures:
  gpus: {formula: ceil(demand / per_gpu)}
  months: {formula: "floor(1 year / 1 month)"}
  three: {formula: "floor(3 USD/month / (1 USD/month))"}
  ten: {formula: "floor(10 / 7 * 7)"}
  two_months: {formula: "floor(2 months, month)"}
  one_month: {formula: "convert(100 USD / (100 USD/month), months)"}
  hours: {formula: "floor(1 USD/h / (1 USD/month))"}
  up: {formula: "ceil(22.5M tokens/month / (1M tokens/month))"}
  down: {formula: "floor(-2.5)"}
)y");
  INFO(run->Errors());
  CHECK_FALSE(run->diags.HasErrors());
  CHECK(run->Show("m", "gpus") == "22");
  CHECK(run->Show("m", "months") == "12");
  CHECK(run->Show("m", "three") == "3");
  CHECK(run->Show("m", "ten") == "10");
  CHECK(run->Show("m", "two_months") == "2 months");  // written "month", shown in the number of 2
  CHECK(run->Show("m", "one_month") == "1 month");    // written "months", shown in the number of 1
  CHECK(run->Show("m", "hours") == "730");
  CHECK(run->Show("m", "up") == "23");
  CHECK(run->Show("m", "down") == "-3");
}

TEST_CASE("A figure made by ceil, min or round cancels with itself and across scenarios", "[cost][evaluate]") {
  // nodes = ceil(qps / 40) for qps 100 to 150 requests/s: 3 to 4 nodes at
  // 1,000 USD/month each. By hand: total 3,000–4,000; total - total 0;
  // total / nodes exactly 1,000; a scenario at 400 USD/month a node saves
  // nodes × 600 = 1,800–2,400 (each node count gives one value). When the
  // result of ceil named no input, every use of it was fresh noise: total -
  // total was -1,000 to 1,000 and the saving 1,400–2,800.
  auto run = EvalModel(R"y(model: m
unit: USD/month
params:
  qps: {value: 100 to 150 requests/s}
  rate: {value: 1000 USD/month}
figures:
  nodes: {formula: "ceil(qps / (40 requests/s), nodes)"}
  per_node: {formula: "total / nodes"}
  saving: {formula: "total - m[cheap].total"}
  same: {formula: "total - total"}
  ratio: {formula: "total / total"}
  no_nodes: {formula: "nodes - nodes"}
  cheap_same: {formula: "m[cheap].total - m[cheap].total"}
  least: {formula: "min(qps, 120 requests/s) - min(qps, 120 requests/s)"}
  rounded: {formula: "round(qps * 1 s, -1) - round(qps * 1 s, -1)"}
  busy_more: {formula: "m[busy].nodes - nodes"}
items:
  compute: {formula: nodes * rate}
scenarios:
  cheap:
    params: {rate: 400 USD/month}
  busy:
    params: {qps: 200 to 300 requests/s}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  CHECK(run->Show("m", "total") == "3000.00 – 4000.00 USD/month");
  CHECK(run->Show("m", "same") == "0.00 USD/month");
  CHECK(run->Show("m", "ratio") == "1");
  CHECK(run->Show("m", "no_nodes") == "0 nodes");
  CHECK(run->Show("m", "cheap_same") == "0.00 USD/month");
  CHECK(run->Show("m", "per_node") == "1000.00 USD/month/node");
  CHECK(run->Show("m", "saving") == "1800.00 – 2400.00 USD/month");
  CHECK(run->Show("m", "least") == "0 requests/s");
  CHECK(run->Show("m", "rounded") == "0 requests");
  // The busy scenario's qps is an input of its own: its 5 to 8 nodes are not
  // the base case's 3 to 4 moved up, so the difference is 5 - 4 to 8 - 3.
  CHECK(run->Show("m", "busy_more") == "1 – 5 nodes");
}

TEST_CASE("ceil of a quotient of ranges is one value in scenarios that compute it from the same inputs",
          "[cost][evaluate]") {
  // gpus = ceil(qps × 1000 / tps) for qps 40–60 and tps 2,400–3,000: 14 to
  // 25 GPUs (40,000 / 3,000 = 13.3 up to 60,000 / 2,400 = 25). The spot
  // scenario changes only the interruption overhead, so it needs the same
  // GPUs: spot.gpus - gpus is 0, and its total is exactly 1.1 times the
  // base's, 1,400–2,500 more (0.1 × 14,000 to 0.1 × 25,000). The quotient's
  // rounding error made each scenario's ceil an input of its own: -11 to 11
  // GPUs, and the compare's change -11,600 to 13,500.
  auto run = EvalModel(R"y(model: cap
unit: USD/month
params:
  qps: {value: 40 to 60}
  tps: {value: 2400 to 3000}
  interrupt: {value: 0}
figures:
  gpus: {formula: "ceil(qps * 1000 / tps)"}
  more_gpus: {formula: "cap[spot].gpus - gpus"}
  more: {formula: "cap[spot].total - total"}
  ratio: {formula: "cap[spot].total / total"}
items:
  compute: {formula: "gpus * (1 + interrupt) * 1000 USD/month"}
scenarios:
  spot:
    params: {interrupt: 10%}
  busy:
    params: {qps: 80 to 90}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  CHECK(run->Show("cap", "gpus") == "14 – 25");
  CHECK(run->Show("cap", "more_gpus") == "0");
  CHECK(run->Show("cap", "more") == "1400.00 – 2500.00 USD/month");
  CHECK(run->Show("cap", "ratio") == "1.1");
  // A scenario with its own qps computes other GPUs: 27 to 38 against 14 to 25.
  CHECK(run->Show("cap", "gpus", "busy") == "27 – 38");
}

TEST_CASE("Money in a unit with a number before its currency is shown in the currency's own unit", "[cost][evaluate]") {
  // A model in thousands of dollars a month: 2,376 USD/month, not "2.38"
  // read with a dollar sign as $2.38.
  auto run = EvalModel(R"y(model: kusd
unit: 1000 USD/month
items:
  a: {formula: 1500 USD/month}
  b: {formula: 876 USD/month}
figures:
  c2: {formula: "ceil(total, 100 USD/month)"}
  yearly: {formula: total, unit: 1000 USD/year}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  CHECK(run->Show("kusd", "total") == "2376.00 USD/month");
  CHECK(run->Show("kusd", "a") == "1500.00 USD/month");
  CHECK(run->Show("kusd", "c2") == "2400.00 USD/month");
  CHECK(run->Show("kusd", "yearly") == "28512.00 USD/year");
}

TEST_CASE("A conversion step is told for an amount, never for zero", "[cost][evaluate]") {
  UnitTable table;
  UnitError err;
  const Unit per_hour = *ParseUnit("USD/h", table, &err), per_month = *ParseUnit("USD/month", table, &err);
  auto step = TimeConversion(Interval(Decimal(2)), per_hour, per_month, table);
  REQUIRE(step);
  CHECK(step->to_value.lo().NearlyEquals(Decimal(1460)));  // $2/h × 730 h/month
  // "$0/h × 730 h/month = $0/month" beside a price list's $1.48/h read as another price.
  CHECK_FALSE(TimeConversion(Interval(Decimal(0)), per_hour, per_month, table));
}

TEST_CASE("A division by zero only a scenario makes names the scenario", "[cost][evaluate]") {
  // 4 nodes in the base case divide fine; the lean scenario's 3 make the
  // divisor zero at a formula the scenario does not write.
  auto run = EvalModel(R"y(model: platform
params:
  nodes: {value: 4}
figures:
  per_extra: {formula: "100 USD / (nodes - 3)"}
scenarios:
  lean:
    params: {nodes: 3}
)y");
  CHECK(run->Errors().find("division by zero in scenario 'lean' of model 'platform'") != std::string::npos);
}

}  // namespace
}  // namespace costsite::cost
