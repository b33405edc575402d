// Ranges through whole models: the same uncertain input in two figures, two
// scenarios or two models cancels in their difference (docs/cost-engine.md,
// "Ranges and where their uncertainty comes from"). Expected values are
// worked by hand in the comments.
#include <memory>

#include <catch2/catch.hpp>

#include "cost/evaluate.h"
#include "pricing/pricing.h"
#include "tests/cost/evaluate_fixture.h"

namespace costsite::cost {
namespace {

// base total: 1.5 USD/h × 730 h + (69.44 to 97.22) = 1164.44 to 1192.22 USD/month;
// spot total: 0.288 USD/h × 730 h + (69.44 to 97.22) = 279.68 to 307.46 USD/month.
// Interval arithmetic alone gives the saving as 856.98 to 912.54; it is 884.76.
constexpr const char* kRag = R"y(model: rag
unit: USD/month
items:
  gpu: {quantity: 1, price: "@vec/gpu"}
  db: {quantity: 1, price: "@vec/db"}
scenarios:
  spot: {label: {en: Spot}, variant: spot}
figures:
  saving: {formula: "total - rag[spot].total", unit: USD/month}
  zero: {formula: total - total, unit: USD/month}
  one: {formula: total / total}
  two: {formula: (2 * total) / total}
expectations:
  - figure: total - rag[spot].total
    stated: 884.76 USD/month
)y";

// A ranged param is one input, shared by every scenario that does not
// override it; an override's range is an input of its own.
constexpr const char* kLoad = R"y(model: load
unit: USD/month
params:
  load: 1 to 2
  extra: 0
items:
  work: {formula: load * 10 USD/month + extra * 1 USD/month}
scenarios:
  more: {params: {extra: 5}}
  guess: {params: {load: 1 to 2}}
figures:
  more_cost: {formula: "load[more].total - total", unit: USD/month}
  guess_cost: {formula: "load[guess].total - total", unit: USD/month}
)y";

// Another model reads rag's figures: their inputs come along.
constexpr const char* kReader = R"y(model: reader
figures:
  saving: {formula: "rag.total - rag[spot].total", unit: USD/month}
  spot_ratio: {formula: "rag[spot].total / rag.total"}
  independent: {formula: "rag.total - (1164.44 USD/month to 1192.22 USD/month)", unit: USD/month}
)y";

struct Run {
  Evaluation ev;
  Diagnostics diags;
};

std::unique_ptr<Run> EvalSite() {
  auto run = std::make_unique<Run>();
  Inputs inputs;
  for (const auto& [path, text] : {std::pair{"pricing/vec.yaml", kVec}, std::pair{"pricing/rag.yaml", kRag},
                                   std::pair{"pricing/load.yaml", kLoad}, std::pair{"pricing/reader.yaml", kReader}})
    pricing::ParsePricingFile(path, text, &inputs, run->diags);
  run->ev = Evaluate(std::move(inputs), {}, run->diags);
  return run;
}

Decimal D(const char* text) { return *Decimal::Parse(text); }

// The figure's value in its display unit, each end rounded to 10 decimals
// (1/730 is not exact in decimal; its residue sits near the 50th digit).
std::string Value(const Run& run, std::string_view model, std::string_view figure, std::string_view scenario = "") {
  const ModelResult* r = run.ev.Find(model, scenario);
  const Figure* f = r ? r->Find(figure) : nullptr;
  if (!f) return "(missing)";
  std::string lo = f->value.lo.RoundHalfAwayFromZero(10).ToString();
  std::string hi = f->value.hi.RoundHalfAwayFromZero(10).ToString();
  return f->value.IsPoint() ? lo : lo + " to " + hi;
}

TEST_CASE("Differences and ratios of ranges that share their inputs are exact", "[cost][evaluate][ranges]") {
  auto run = EvalSite();
  std::string errors;
  for (const auto& d : run->diags.Sorted()) errors += FormatDiagnostic(d);
  INFO(errors);
  REQUIRE_FALSE(run->diags.HasErrors());
  struct Case {
    const char* model;
    const char* figure;
    const char* scenario;
    const char* want;
  } cases[] = {
      {"rag", "total", "", "1164.44 to 1192.22"},
      {"rag", "total", "spot", "279.68 to 307.46"},
      {"rag", "saving", "", "884.76"},  // the vector database's range cancels
      {"rag", "saving", "spot", "0"},   // the spot total less itself
      {"rag", "zero", "", "0"},
      {"rag", "one", "", "1"},
      {"rag", "two", "", "2"},
      {"reader", "saving", "", "884.76"},  // across models
      // A range written apart from rag's is another input: ±27.78 each side.
      {"reader", "independent", "", "-27.78 to 27.78"},
      {"load", "total", "", "10 to 20"},
      {"load", "more_cost", "", "5"},             // `load` is shared, `extra` adds 5
      {"load", "guess_cost", "", "-10 to 10"},    // the override is a range of its own
  };
  for (const Case& c : cases) {
    INFO(c.model << "[" << c.scenario << "]." << c.figure);
    CHECK(Value(*run, c.model, c.figure, c.scenario) == c.want);
  }
  const ModelResult& rag = *run->ev.Find("rag");
  REQUIRE(rag.expectations.size() == 1);
  CHECK(rag.expectations[0].ok);
}

TEST_CASE("A ratio of correlated ranges is exact", "[cost][evaluate][ranges]") {
  auto run = EvalSite();
  REQUIRE_FALSE(run->diags.HasErrors());
  const Figure* f = run->ev.Find("reader")->Find("spot_ratio");
  REQUIRE(f);
  // spot/base = (210.24 + d) / (1095 + d) grows with d in [69.44, 97.22]:
  // it runs from 279.68/1164.44 to 307.46/1192.22. Interval division would
  // give 279.68/1192.22 to 307.46/1164.44.
  CHECK(f->value.lo.NearlyEquals(D("279.68") / D("1164.44")));
  CHECK(f->value.hi.NearlyEquals(D("307.46") / D("1192.22")));
  for (int k = 0; k <= 20; ++k) {
    Decimal d = D("69.44") + (D("97.22") - D("69.44")) * Decimal(k) / Decimal(20);
    Decimal ratio = (D("210.24") + d) / (D("1095") + d);
    INFO("d = " << d.ToString());
    CHECK(((f->value.lo <= ratio && ratio <= f->value.hi) || f->value.lo.NearlyEquals(ratio) ||
           f->value.hi.NearlyEquals(ratio)));
  }
}

TEST_CASE("Totals of products of many ranges compare exactly across scenarios", "[cost][evaluate][ranges]") {
  // Twelve inputs p_i from i+1 to i+2; thirty items, item j the product of
  // p_j … p_(j+3) (indices mod 12); a scenario sets p0 to 3. Every figure is
  // of degree one in each input, so its least and greatest values are at
  // corners: all 4,096 of them, worked with Python's fractions, give
  // total - s2.total from -9,720 to -3,384 (keeping only the products' linear
  // parts gave -13,514.63 to 1,291.50, as if p0 = 3 might save money) and
  // s2.total / total from 1.0343… to 1.1145….
  std::string text = "model: st\nunit: USD/month\nparams:\n";
  for (int i = 0; i < 12; ++i)
    text += "  p" + std::to_string(i) + ": {value: " + std::to_string(i + 1) + " to " + std::to_string(i + 2) + "}\n";
  text += "items:\n";
  for (int j = 0; j < 30; ++j) {
    text += "  it" + std::to_string(j) + ": {formula: \"";
    for (int k = 0; k < 4; ++k) text += "p" + std::to_string((j + k) % 12) + " * ";
    text += "1 USD/month\"}\n";
  }
  text += "figures:\n  x: {formula: \"total - st[s2].total\"}\n  y: {formula: \"st[s2].total / total\"}\n"
          "scenarios:\n  s2:\n    params: {p0: 3}\n";
  auto run = EvalModel(text);
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  REQUIRE(run->ev.Find("st"));
  const ModelResult& st = *run->ev.Find("st");
  auto ends = [&](const char* id) {
    const Interval& v = st.Find(id)->value;
    return v.lo.RoundHalfAwayFromZero(10).ToString() + " to " + v.hi.RoundHalfAwayFromZero(10).ToString();
  };
  CHECK(ends("total") == "71136 to 116472");
  CHECK(ends("x") == "-9720 to -3384");
  const Figure* y = st.Find("y");
  REQUIRE(y);
  CHECK(y->value.lo.RoundHalfAwayFromZero(6).ToString() == "1.034341");  // 1.0343407425…
  CHECK(y->value.hi.RoundHalfAwayFromZero(6).ToString() == "1.114599");  // 1.1145992075…
}

TEST_CASE("Shares of items that read one range hold every value it allows", "[cost][evaluate][ranges]") {
  // A cache hit ratio h in 30–60 % moves two items in opposite directions:
  // uncached input 12000 (1 - h), cached input 3000 h, output 6400 USD/month,
  // so the total runs from 13,000 (h = 60 %) to 15,700 (h = 30 %). The
  // uncached share is 4800/13000 = 36.92 % at h = 60 % and 8400/15700 =
  // 53.50 % at h = 30 %. Pairing each item's least value with the least
  // total gave 39.67–50.60 %, a range that misses both.
  auto run = EvalModel(R"y(model: cache
unit: USD/month
params:
  hit: 30% to 60%
groups:
  uncached: {en: Uncached}
  rest: {en: Cached and output}
items:
  fresh: {group: uncached, formula: "12000 USD/month * (1 - hit)"}
  cached: {group: rest, formula: "3000 USD/month * hit"}
  output: {group: rest, formula: 6400 USD/month}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  CHECK(run->Show("cache", "total") == "13000.00 – 15700.00 USD/month");
  CHECK(run->Show("cache", "share.fresh") == "36.923 – 53.503%");   // 4800/13000, 8400/15700
  CHECK(run->Show("cache", "share.cached") == "5.732 – 13.846%");   // 900/15700, 1800/13000
  CHECK(run->Show("cache", "share.output") == "40.764 – 49.231%");  // 6400/15700, 6400/13000
  CHECK(run->Show("cache", "share.rest") == "46.497 – 63.077%");    // 7300/15700, 8200/13000
  const ModelResult& r = *run->ev.Find("cache");
  REQUIRE(r.items.size() == 3);
  for (int k = 0; k <= 30; ++k) {
    Decimal h = D("0.3") + D("0.3") * Decimal(k) / Decimal(30);
    Decimal fresh = D("12000") * (Decimal(1) - h), cached = D("3000") * h, total = fresh + cached + D("6400");
    INFO("h = " << h.ToString());
    const Decimal parts[] = {fresh / total, cached / total, D("6400") / total};
    for (size_t i = 0; i < 3; ++i) {
      const IntervalEnds& share = r.items[i].share;
      CHECK(((share.lo() <= parts[i] && parts[i] <= share.hi()) || share.lo().NearlyEquals(parts[i]) ||
             share.hi().NearlyEquals(parts[i])));
    }
  }
}

TEST_CASE("A share of items that grow with one range is as narrow as the range allows, and rules on it hold",
          "[cost][evaluate][ranges]") {
  // Every item is a fixed part of the total whatever the data stored: a is
  // exactly a sixth. Treating the part and the rest as unrelated gave
  // 9.091–28.571 %, and `share(a) > 10%` was false though it always holds.
  auto run = EvalModel(R"y(model: sh
unit: USD/month
params:
  data: 1 to 2
items:
  a: {formula: data * 100 USD/month}
  b: {formula: data * 200 USD/month}
  y: {formula: data * 300 USD/month}
rules:
  over: {when: share(a) > 10%}
  under: {when: share(a) < 20%}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  CHECK(run->Show("sh", "share.a") == "16.667%");
  CHECK(run->Show("sh", "share.y") == "50%");
  const ModelResult& r = *run->ev.Find("sh");
  REQUIRE(r.rules.size() == 2);
  CHECK(r.rules[0].holds);
  CHECK(r.rules[1].holds);
  // Storage grows with the data stored (40–60 TiB), its replication too, and
  // requests do not: storage 40–60 × 20, replication 40–60 × 10 × replicas
  // (1–3), requests 100–400. The true ends, worked over the corners.
  auto mr = EvalModel(R"y(model: mr
unit: USD/month
params:
  data: 40 to 60
  replicas: 1 to 3
items:
  storage: {formula: data * 20 USD/month}
  replication: {formula: data * replicas * 10 USD/month}
  requests: {formula: 100 USD/month to 400 USD/month}
)y");
  INFO(mr->Errors());
  REQUIRE_FALSE(mr->diags.HasErrors());
  // storage / total: least 800/(800+1200+400) = 1/3 at data 40, replicas 3,
  // requests 400; greatest 1200/(1200+600+100) = 63.158 % at data 60, 1, 100.
  CHECK(mr->Show("mr", "share.storage") == "33.333 – 63.158%");
  // replication: least 400/(800+400+400) = 25 %; greatest 1800/(1200+1800+100) = 58.065 %.
  CHECK(mr->Show("mr", "share.replication") == "25 – 58.065%");
}

}  // namespace
}  // namespace costsite::cost
