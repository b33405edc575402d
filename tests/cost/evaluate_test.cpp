#include "cost/evaluate.h"

#include <memory>
#include <random>

#include <catch2/catch.hpp>

#include "tests/cost/evaluate_fixture.h"

namespace costsite::cost {
namespace {

TEST_CASE("A total of zero is a valid cost, and its shares are undefined, not fatal", "[cost][evaluate]") {
  const char* model = R"y(model: free
unit: USD/month
params:
  hours: {value: 0 h/month}
items:
  vm: {quantity: hours, price: "@aws/c5.2xlarge"}
  storage: {formula: 0 USD/month}
figures:
  yearly: {formula: total * 12 month, unit: USD}
)y";
  auto run = EvalModel(model);
  INFO(run->Errors());
  CHECK_FALSE(run->diags.HasErrors());
  CHECK(run->Show("free", "total") == "0.00 USD/month");
  CHECK(run->Show("free", "vm") == "0.00 USD/month");
  CHECK(run->Show("free", "yearly") == "0.00 USD");
  const ModelResult* r = run->ev.Find("free");
  REQUIRE(r);
  CHECK(r->shares.empty());  // no number to show

  // A formula that reads a share of the zero total is told where.
  auto reads = EvalModel(std::string(model) + "rules:\n  big: {when: \"share(vm) > 50%\"}\n");
  std::string errors = reads->Errors();
  CHECK(errors.find("pricing/m.yaml:11:") != std::string::npos);
  CHECK(errors.find("share(vm) is undefined: the total of model 'free' is zero") != std::string::npos);
  CHECK(errors.find("division by zero") == std::string::npos);
}

TEST_CASE("A misspelled variant is an error at the scenario line, with a did-you-mean", "[cost][evaluate]") {
  auto whole = EvalModel(R"y(model: m
unit: USD/month
items:
  gpu: {quantity: 730 h/month, price: "@aws/p4d.24xlarge"}
scenarios:
  cheap:
    variant: spto
)y");
  std::string errors = whole->Errors();
  INFO(errors);
  CHECK(errors.find("pricing/m.yaml:7:14: error: scenario 'cheap' of model 'm' sets variant 'spto', which none of "
                    "the prices the model uses has (did you mean 'spot'?)") != std::string::npos);

  auto one = EvalModel(R"y(model: m
unit: USD/month
items:
  gpu: {quantity: 730 h/month, price: "@aws/p4d.24xlarge"}
scenarios:
  cheap:
    variants: {"@aws/p4d.24xlarge": spto}
)y");
  errors = one->Errors();
  INFO(errors);
  CHECK(errors.find("pricing/m.yaml:7:37: error: scenario 'cheap' of model 'm': price '@aws/p4d.24xlarge' has no "
                    "variant 'spto' (did you mean 'spot'?)") != std::string::npos);
  CHECK(errors.find("pricing/m.yaml:4:") == std::string::npos);  // not again at the item that uses the price

  auto right = EvalModel(R"y(model: m
unit: USD/month
items:
  gpu: {quantity: 730 h/month, price: "@aws/p4d.24xlarge"}
scenarios:
  cheap:
    variant: spot
)y");
  INFO(right->Errors());
  CHECK_FALSE(right->diags.HasErrors());
  CHECK(right->Show("m", "total", "cheap") == "7175.90 USD/month");  // 730 h x 9.83 USD/h
}

TEST_CASE("Hand-computed figures", "[cost][evaluate]") {
  auto run = Eval({{"pricing/m.yaml", R"y(model: m
params:
  gpus: 2
figures:
  storage: {formula: 500 GB * @aws/s3.standard, unit: USD/month}
  instance: {formula: 0.34 USD/h * 730 h}
  listed: {formula: 730 h * @aws/c5.2xlarge, unit: USD}
  vectors: {formula: 250000 * 4096 * 4 B, unit: GB}
)y"},
                   {"pricing/old.yaml", R"y(model: old
as_of: 2024-12-31
figures:
  two_gpus: {formula: 2 gpus / (8 gpus) * @aws/p4d.24xlarge, unit: USD/h}
)y"}});
  INFO(run->Errors());
  CHECK_FALSE(run->diags.HasErrors());
  CHECK(run->Show("m", "storage") == "11.50 USD/month");
  CHECK(run->Show("m", "instance") == "248.20 USD");
  CHECK(run->Show("m", "listed") == "248.20 USD");
  CHECK(run->Show("m", "vectors") == "4.096 GB");
  CHECK(run->Show("old", "two_gpus") == "7.61 USD/h");  // the 2024-06-01 price, 30.44 USD/h
  CHECK(run->ev.Find("m")->Find("instance")->value.lo.ToString() == "248.2");
}

TEST_CASE("Items, groups, totals and shares", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: USD/month
params:
  hours: 730 h/month
groups:
  compute: {en: Compute}
items:
  cpu: {group: compute, quantity: hours, price: "@aws/c5.2xlarge"}
  storage: {formula: 500 GB * @aws/s3.standard}
  support: {formula: 100 to 300 USD/month}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  const ModelResult& r = *run->ev.Find("m");
  CHECK(run->Show("m", "cpu") == "248.20 USD/month");
  CHECK(run->Show("m", "subtotal.compute") == "248.20 USD/month");
  CHECK(run->Show("m", "total") == "359.70 – 559.70 USD/month");
  REQUIRE(r.items.size() == 3);
  REQUIRE(r.items[0].unit_price.has_value());
  CHECK(figures::PlainPrice(*r.items[0].unit_price) == "0.34 USD/h");
  CHECK(figures::PlainFigure(*r.items[0].quantity) == "730 h/month");
  // The share of a ranged item stays within [0, 1].
  // 100 / (100 + 259.7) and 300 / (300 + 259.7).
  CHECK(r.items[2].share.lo().RoundHalfAwayFromZero(4).ToString() == "0.278");
  CHECK(r.items[2].share.hi().RoundHalfAwayFromZero(4).ToString() == "0.536");
  CHECK(r.groups.size() == 1);
  CHECK(run->Show("m", "share.compute") == "44.345 – 69.002%");
}

TEST_CASE("Price history and pinned dates", "[cost][evaluate]") {
  auto at = [](const char* date) {
    auto run = EvalModel(std::string("model: m\nas_of: ") + date +
                         "\nfigures:\n  p: {formula: \"@aws/p4d.24xlarge\"}\n  s: {formula: \"@aws/p4d.24xlarge:spot\"}\n");
    return run->Show("m", "p") + " / " + run->Show("m", "s");
  };
  CHECK(at("2025-02-01") == "32.77 USD/h / 9.83 USD/h");
  CHECK(at("2024-12-31") == "30.44 USD/h / 12.30 USD/h");
  CHECK(at("2023-06-30") == "40.96 USD/h / 12.30 USD/h");
  auto early = EvalModel("model: m\nas_of: 2022-01-01\nfigures:\n  p: {formula: \"@aws/p4d.24xlarge\"}\n");
  CHECK(early->Errors() ==
        "pricing/m.yaml:4:17: error: price '@aws/p4d.24xlarge' has no value on or before 2022-01-01: its first value is in force from 2023-01-01\n"
        " 4 |   p: {formula: \"@aws/p4d.24xlarge\"}\n"
        "   |                 ^~~~~~~~~~~~~~~~~\n");
  // The site-wide pin applies to models without their own.
  auto site = EvalModel("model: m\nfigures:\n  p: {formula: \"@aws/p4d.24xlarge\"}\n", Options{"2024-12-31", 730});
  CHECK(site->Show("m", "p") == "30.44 USD/h");
}

TEST_CASE("Currency conversion uses the rate in force", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
as_of: 2025-03-01
params:
  bill: 100 USD/month
figures:
  cny: {formula: "fx(bill, CNY)", unit: CNY/month}
  back: {formula: "fx(720 CNY, USD)"}
)y");
  INFO(run->Errors());
  CHECK(run->Show("m", "cny") == "720.00 CNY/month");
  CHECK(run->Show("m", "back") == "100.00 USD");
  const Figure* f = run->ev.Find("m")->Find("cny");
  REQUIRE(f->explain->fx.size() == 1);
  CHECK(figures::PlainFx(f->explain->fx[0]) == "1 USD = 7.2 CNY (2025-01-01, https://fx.example)");
  CHECK(f->explain->fx[0].rate == Decimal(*Decimal::Parse("7.2")));
  auto missing = EvalModel("model: m\nfigures:\n  e: {formula: \"fx(1 USD, EUR)\"}\n");
  CHECK(missing->Errors() ==
        "pricing/m.yaml:3:17: error: no exchange rate between USD and EUR\n"
        " 3 |   e: {formula: \"fx(1 USD, EUR)\"}\n"
        "   |                 ^~~~~~~~~~~~~~\n");
  auto mixed = EvalModel("model: m\nfigures:\n  e: {formula: 1 USD + 1 CNY}\n");
  CHECK(mixed->Errors() ==
        "pricing/m.yaml:3:16: error: unit mismatch: cannot add USD and CNY (convert with fx(x, USD))\n"
        " 3 |   e: {formula: 1 USD + 1 CNY}\n"
        "   |                ^~~~~~~~~~~~~\n");
}

TEST_CASE("Every error class has an exact message", "[cost][evaluate]") {
  struct Case {
    const char* formula;
    const char* message;
  } cases[] = {
      {"5 USD + 3 h", "unit mismatch: cannot add USD and h"},
      {"nope * 2", "unknown reference 'nope'"},
      {"h * 2", "unknown reference 'h': a unit needs a number before it (1 h)"},
      {"1 / (2 - 2)", "division by zero"},
      {"1 / (-1 to 1)", "division by a range that contains zero (-1 to 1)"},
      {"@aws/nothing", "unknown price '@aws/nothing'"},
      {"@aws/c5.2xlarge:spot", "price '@aws/c5.2xlarge' has no variant 'spot'"},
      {"other.total", "unknown reference 'other.total'"},
      {"if(1, 2, 3)", "the condition of if() must be a comparison (true or false)"},
      {"ceil(2 h)", "ceil() of h needs a unit to round in: ceil(x, unit)"},
      {"convert(1 USD, h)", "unit mismatch: cannot express USD in h"},
      {"2 h ^ 0.5", "a value with a unit can only be raised to a whole power"},
      {"3 to 1", "the lower end of the range is above its upper end"},
      {"max()", "expected a value, found ')'"},
      {"abs(1, 2)", "abs() takes 1 argument, got 2"},
      {"share(nothing)", "share() needs an item or a group of a model with a total"},
  };
  for (const auto& c : cases) {
    INFO(c.formula);
    auto run = EvalModel(std::string("model: m\nfigures:\n  f:\n    formula: \"") + c.formula + "\"\n");
    auto all = run->diags.Sorted();
    REQUIRE(all.size() == 1);
    CHECK(all[0].message == c.message);
  }
}

TEST_CASE("Long formulas evaluate without exhausting the stack", "[cost][evaluate]") {
  std::string chain = "1";
  for (int i = 0; i < 998; ++i) chain += " + 1";
  auto run = EvalModel("model: m\nfigures:\n  n: {formula: " + chain + "}\n");
  CHECK(run->Show("m", "n") == "999");
  std::string params = "model: m\nparams:\n  p0: 1\n";
  for (int i = 1; i < 400; ++i) params += "  p" + std::to_string(i) + ": p" + std::to_string(i - 1) + " + 1\n";
  auto deep = EvalModel(params);
  CHECK(deep->Show("m", "p399") == "400");
  // Declared the other way round, evaluation recurses through every reference.
  std::string reversed = "model: m\nparams:\n";
  for (int i = 0; i < 1000; ++i) reversed += "  q" + std::to_string(i) + ": q" + std::to_string(i + 1) + " + 1\n";
  reversed += "  q1000: 1\n";
  auto chain_run = EvalModel(reversed);
  CHECK(chain_run->diags.ErrorCount() == 1);
  CHECK(chain_run->diags.Sorted()[0].message == "references nested too deeply");
}

TEST_CASE("A declared unit must match the formula's dimension", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: USD/month
items:
  run: {formula: 0.34 USD/h * 730 h}
figures:
  hourly: {formula: 2 USD/h, unit: USD/month}
  bad: {formula: 2 USD, unit: USD/month}
)y");
  CHECK(run->Errors() ==
        "pricing/m.yaml:4:3: error: unit mismatch: item 'run' gives USD, the total is in USD/month\n"
        " 4 |   run: {formula: 0.34 USD/h * 730 h}\n"
        "   |   ^~~\n"
        "pricing/m.yaml:7:18: error: unit mismatch: the formula gives USD, declared USD/month\n"
        " 7 |   bad: {formula: 2 USD, unit: USD/month}\n"
        "   |                  ^~~~~\n");
  CHECK(run->Show("m", "hourly") == "1460.00 USD/month");  // time units convert
}

TEST_CASE("Messages name a bare number as a number, not an empty unit", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: USD/month
params:
  gpus: 8
items:
  count: {formula: gpus * 2}
  hours: {quantity: 730 h/month, price: 2 USD/h}
figures:
  money: {formula: "fx(gpus, CNY)"}
  declared: {formula: gpus, unit: USD}
  expressed: {formula: "convert(gpus, USD/h)"}
)y");
  const std::string errors = run->Errors();
  CHECK(errors.find("error: unit mismatch: item 'count' gives a number, the total is in USD/month\n") !=
        std::string::npos);
  CHECK(errors.find("item 'hours'") == std::string::npos);  // h/month × USD/h is USD/month
  CHECK(errors.find("error: fx() needs an amount of money, not a number\n") != std::string::npos);
  CHECK(errors.find("error: unit mismatch: the formula gives a number, declared USD\n") != std::string::npos);
  CHECK(errors.find("error: unit mismatch: cannot express a number in USD/h\n") != std::string::npos);
  CHECK(errors.find(" , ") == std::string::npos);
  CHECK(errors.find("gives ,") == std::string::npos);
}

TEST_CASE("Messages give units as the author wrote them, and hint the model's currency", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: CNY/month
items:
  s3: {quantity: 100 GB, price: "@aws/s3.standard"}
figures:
  mixed: {formula: "@aws/c5.2xlarge * 730 h + 100 CNY"}
)y");
  // 100 GB × USD/GB/month is USD/month, not the canonical USD/h; the model
  // is in CNY, so the hint converts into CNY.
  CHECK(run->Errors() ==
        "pricing/m.yaml:4:3: error: unit mismatch: item 's3' gives USD/month, the total is in CNY/month\n"
        " 4 |   s3: {quantity: 100 GB, price: \"@aws/s3.standard\"}\n"
        "   |   ^~\n"
        "pricing/m.yaml:6:21: error: unit mismatch: cannot add USD and CNY (convert with fx(x, CNY))\n"
        " 6 |   mixed: {formula: \"@aws/c5.2xlarge * 730 h + 100 CNY\"}\n"
        "   |                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("A reference cycle names the whole cycle once", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
params:
  a: b * 2
  b: c + 1
  c: a
)y");
  CHECK(run->Errors() ==
        "pricing/m.yaml:5:6: error: reference cycle: a → b → c → a\n"
        " 5 |   c: a\n"
        "   |      ^\n");
}

TEST_CASE("Models reference each other and their scenarios", "[cost][evaluate]") {
  auto run = Eval({{"pricing/a.yaml", R"y(model: a
unit: USD/month
params:
  gpus: 8
items:
  gpu: {quantity: gpus, price: "@aws/p4d.24xlarge"}
scenarios:
  spot: {label: {en: Spot}, variant: spot}
  half: {params: {gpus: 4}}
)y"},
                   {"pricing/b.yaml", R"y(model: b
figures:
  saving: {formula: "1 - a[spot].total / a.total", unit: "%"}
  cheaper: {formula: "a[half].total < a.total"}
)y"}});
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  CHECK(run->Show("a", "total") == "191376.80 USD/month");
  CHECK(run->Show("a", "total", "spot") == "57407.20 USD/month");
  CHECK(run->Show("a", "total", "half") == "95688.40 USD/month");
  CHECK(run->Show("b", "saving") == "70.003%");
  CHECK(run->Show("b", "cheaper") == "true");
  CHECK(run->ev.Find("a", "spot")->scenarios.size() == 2);
  CHECK(run->ev.Find("a", "spot")->items[0].unit_price->variant == "spot");
  // The inputs of `saving` name the scenario each was read in, with its label.
  const cost::Explanation& saving = *run->ev.Find("b")->Find("saving")->explain;
  REQUIRE(saving.inputs.size() == 2);
  CHECK(saving.inputs[0].name == "a.total [spot]");
  CHECK(saving.inputs[0].scenario->id == "spot");
  CHECK(saving.inputs[0].scenario->label.at("en") == "Spot");
  CHECK(saving.inputs[1].name == "a.total");
  CHECK(saving.inputs[1].scenario->empty());  // as the formula's own
  CHECK(saving.inputs[1].scenario.ptr() == nullptr);
  const cost::Explanation& cheaper = *run->ev.Find("b")->Find("cheaper")->explain;
  REQUIRE_FALSE(cheaper.inputs.empty());
  CHECK(cheaper.inputs[0].scenario->id == "half");
  CHECK(cheaper.inputs[0].scenario->label.empty());  // a scenario without a label
}

TEST_CASE("Rules and expectations", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: USD/month
items:
  gpu: {formula: 900 USD/month}
  disk: {formula: 100 USD/month}
rules:
  gpu_heavy: {when: share(gpu) > 50%, label: {en: GPU heavy}, recommend: {en: Try spot}}
  disk_heavy: {when: share(disk) > 50%}
expectations:
  - {figure: total, stated: 1000 USD/month}
  - {figure: gpu, stated: 895 USD/month, tolerance: 1%}
  - {figure: gpu, stated: 850 USD/month, tolerance: 10 USD/month}
  - {figure: total, stated: 1200 USD/month, tolerance: 1%, known_discrepancy: true, note: {en: The source adds wrong}}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  const ModelResult& r = *run->ev.Find("m");
  REQUIRE(r.rules.size() == 2);
  CHECK(r.rules[0].holds);
  CHECK(r.rules[0].recommendation.at("en") == "Try spot");
  CHECK_FALSE(r.rules[1].holds);
  REQUIRE(r.expectations.size() == 4);
  CHECK(r.expectations[0].ok);
  CHECK(r.expectations[1].ok);
  CHECK_FALSE(r.expectations[2].ok);
  CHECK_FALSE(r.expectations[3].ok);
  CHECK(r.expectations[3].known_discrepancy);
  CHECK(r.expectations[3].computed.lo.ToString() == "1000");
  CHECK(r.expectations[3].unit.text == "USD/month");
}

TEST_CASE("A rule keeps the value its condition tests", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: USD/month
params:
  ok: {value: "1 < 2"}
items:
  gpu: {formula: 900 USD/month}
  disk: {formula: 100 USD/month}
rules:
  gpu_heavy: {when: share(gpu) > 50%, condition: {en: GPU is over half}}
  cheap: {when: total < 2000 USD/month}
  flag: {when: ok == ok}
)y");
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  const ModelResult& r = *run->ev.Find("m");
  REQUIRE(r.rules.size() == 3);
  REQUIRE(r.rules[0].measured);
  CHECK(r.rules[0].measured->unit->text == "%");
  CHECK(r.rules[0].measured->value.lo.ToString() == "90");
  CHECK(r.rules[0].measured->label.at("en") == "GPU is over half");
  REQUIRE(r.rules[1].measured);
  CHECK(r.rules[1].measured->unit->text == "USD/month");
  CHECK(r.rules[1].measured->value.lo.ToString() == "1000");
  CHECK_FALSE(r.rules[2].measured);  // true/false on the left: nothing to show
}

TEST_CASE("Figures explain themselves", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: USD/month
params:
  stored: {value: 500 GB, label: {en: Data}}
items:
  storage: {formula: stored * @aws/s3.standard}
)y");
  const Figure* f = run->ev.Find("m")->Find("storage");
  REQUIRE(f);
  CHECK(f->explain->formula == "stored * @aws/s3.standard");
  REQUIRE(f->explain->inputs.size() == 1);
  CHECK(f->explain->inputs[0].name == "stored");
  CHECK(figures::PlainInput(f->explain->inputs[0]) == "500 GB");
  REQUIRE(f->explain->prices.size() == 1);
  const PriceUse& p = f->explain->prices[0];
  CHECK(p.id == "aws/s3.standard");
  CHECK(p.variant == "on_demand");
  CHECK(figures::PlainPrice(p) == "0.023 USD/GB/month");
  CHECK(p.date == "2025-01-15");
  CHECK(p.source == "https://aws.example/s3");
  CHECK(p.provider_name.at("en") == "Amazon Web Services");
  // The total carries the prices of its items.
  CHECK(run->ev.Find("m")->total->explain->prices.size() == 1);
  CHECK(f->pos.line == 6);
}

TEST_CASE("Every error of a run is reported", "[cost][evaluate]") {
  auto run = Eval({{"pricing/a.yaml", "model: a\nfigures:\n  x: {formula: nope}\n  y: {formula: 1 USD + 1 h}\n"},
                   {"pricing/b.yaml", "model: a\nfigures:\n  z: {formula: 1}\n"}});
  CHECK(run->diags.ErrorCount() == 3);
  CHECK(run->Errors().find("pricing/b.yaml:1:8: error: duplicate model id 'a' (first defined at pricing/a.yaml:1:8)") !=
        std::string::npos);
}

TEST_CASE("Reexpress converts units and currencies", "[cost][evaluate]") {
  auto run = EvalModel("model: m\nas_of: 2025-03-01\nfigures:\n  bill: {formula: 100 USD/month}\n");
  const Figure& f = *run->ev.Find("m")->Find("bill");
  Figure out;
  std::string error;
  REQUIRE(run->ev.Reexpress(f, *run->ev.Find("m"), "CNY/month", &out, &error));
  CHECK(figures::PlainFigure(out) == "720.00 CNY/month");
  CHECK(out.Currency() == "CNY");
  CHECK(out.Per() == "month");
  REQUIRE(run->ev.Reexpress(f, *run->ev.Find("m"), "USD/year", &out, &error));
  CHECK(figures::PlainFigure(out) == "1200.00 USD/year");
  CHECK_FALSE(run->ev.Reexpress(f, *run->ev.Find("m"), "EUR/month", &out, &error));
  CHECK(error == "no exchange rate between USD and EUR on or before 2025-03-01");
  CHECK_FALSE(run->ev.Reexpress(f, *run->ev.Find("m"), "GB", &out, &error));
  CHECK(error == "unit mismatch: cannot express USD/month in GB");
}

TEST_CASE("Reexpress converts at the date of the scenario the figure was read in", "[cost][evaluate]") {
  auto run = EvalModel(
      "model: m\nas_of: 2025-03-01\nfigures:\n  bill: {formula: 100 USD/month}\n"
      "scenarios:\n  later: {as_of: 2025-07-01}\n");
  INFO(run->Errors());
  Figure out;
  std::string error;
  const ModelResult& base = *run->ev.Find("m");
  const ModelResult& later = *run->ev.Find("m", "later");
  REQUIRE(run->ev.Reexpress(*base.Find("bill"), base, "CNY/month", &out, &error));
  CHECK(figures::PlainFigure(out) == "720.00 CNY/month");
  REQUIRE(run->ev.Reexpress(*later.Find("bill"), later, "CNY/month", &out, &error));
  CHECK(figures::PlainFigure(out) == "730.00 CNY/month");
}

TEST_CASE("An extra model is evaluated against loaded prices and models", "[cost][evaluate]") {
  auto run = EvalModel("model: base\nfigures:\n  rate: {formula: 2 USD/h}\n");
  ModelDef extra;
  Diagnostics diags;
  REQUIRE(pricing::ParseInlineModel("content/page.md", "figures:\n  month: {formula: base.rate * 1 month}\n", 10,
                                    "page-1", &extra, diags));
  Evaluation ev = EvaluateExtra(run->ev, std::move(extra), diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(ev.Find("page-1"));
  CHECK(figures::PlainFigure(*ev.Find("page-1")->Find("month")) == "1460.00 USD");
  CHECK(ev.Find("base"));
  CHECK(run->ev.Find("page-1") == nullptr);
}

TEST_CASE("Random formulas never crash the engine", "[cost][evaluate]") {
  const std::string alphabet = "0123456789 .,+-*/^()<>=!@%:[]abxyzhGBUSDCNYtomin_";
  const char* words[] = {"to", "fx(", "share(", "ceil(", "@aws/band", "a[s].x", "USD/h", "1M tokens",
                         "min(", "npv(", "if(", "total", "x", "y", " CNY", "1 / 0", "(-1 to 1)"};
  std::mt19937 rng(12345);
  for (int i = 0; i < 300; ++i) {
    std::string f;
    int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) {
      if (rng() % 3 == 0) f += words[rng() % (sizeof(words) / sizeof(words[0]))];
      else f += alphabet[rng() % alphabet.size()];
    }
    INFO(f);
    std::string escaped;
    for (char c : f) escaped += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    auto run = EvalModel("model: m\nunit: USD\nparams:\n  x: 2\n  y: 1 USD\nitems:\n  a: {formula: y}\n"
                         "figures:\n  z:\n    formula: \"" + escaped + "\"\n");
    CHECK(run->ev.Find("m") != nullptr);
  }
}

TEST_CASE("Provider views list current prices in declared order", "[cost][evaluate]") {
  auto run = EvalModel("model: m\n");
  const ProviderView* aws = run->ev.FindProvider("aws");
  REQUIRE(aws);
  REQUIRE(aws->entries.size() == 4);
  CHECK(aws->entries[2].id == "p4d.24xlarge");
  CHECK(aws->entries[2].variants[0].first == "on_demand");
  CHECK(aws->entries[2].variants[1].first == "spot");
  CHECK(aws->entries[3].unit.text == "USD/month");
}

}  // namespace

// A provider that dropped a long-context surcharge, a price read later than
// it was in force, and a price announced for the future.
const char* kLlm = R"y(provider: llm
currency: USD
date: 2026-08-10
prices:
  - id: chat
    unit: USD/1M tokens
    price: 5
    since: 2026-01-01
    history:
      - {date: 2025-01-01, price: 5, variants: {long: 10}}
  - id: kept
    unit: USD/1M tokens
    price: 5
    since: 2026-01-01
    inherit: [long]
    history:
      - {date: 2025-01-01, price: 5, variants: {long: 10}}
  - id: read_late
    unit: USD/1M tokens
    price: 2
  - id: announced
    unit: USD/1M tokens
    price: 3
    history:
      - {since: 2027-01-01, price: 1}
)y";

TEST_CASE("A dated value replaces the whole entry unless it inherits", "[cost][evaluate]") {
  auto run = Eval({{"pricing/llm.yaml", kLlm},
                   {"pricing/m.yaml", "model: m\nas_of: 2026-03-01\nfigures:\n  k: {formula: \"@llm/kept:long\"}\n"
                                      "  d: {formula: \"@llm/chat:long\"}\n"}});
  CHECK(run->Show("m", "k") == "10.00 USD/1M tokens");
  CHECK(run->Show("m", "d") == "(missing)");
  std::string errors = run->Errors();
  INFO(errors);
  CHECK(errors.find("pricing/llm.yaml:8:12: warning: price 'chat': the value from 2026-01-01 does not give variant "
                    "'long', which the value from 2025-01-01 gives") != std::string::npos);
  CHECK(errors.find("error: price '@llm/chat' does not offer variant 'long' on 2026-03-01: the value in force then "
                    "(from 2026-01-01) does not give it") != std::string::npos);
}

TEST_CASE("A price read on one date is in force always and a future value waits for its day", "[cost][evaluate]") {
  const char* model = "model: m\nfigures:\n  r: {formula: \"@llm/read_late\"}\n  a: {formula: \"@llm/announced\"}\n"
                      "scenarios:\n  later: {as_of: 2027-02-01}\n";
  Options options;
  options.today = "2026-07-29";
  auto run = Eval({{"pricing/llm.yaml", kLlm}, {"pricing/m.yaml", model}}, options);
  CHECK(run->Show("m", "r") == "2.00 USD/1M tokens");  // read on 2026-08-10, valid all along
  CHECK(run->Show("m", "a") == "3.00 USD/1M tokens");  // not yet the 2027 value
  CHECK(run->Show("m", "a", "later") == "1.00 USD/1M tokens");  // the scenario's as_of wins
  CHECK(run->ev.Find("m", "later")->as_of == "2027-02-01");
  const Figure* r = run->ev.Find("m")->Find("r");
  REQUIRE(r->explain->prices.size() == 1);
  CHECK(r->explain->prices[0]->date == "2026-08-10");
  CHECK(r->explain->prices[0]->since == "");
}

TEST_CASE("Names resolve alike in a small model (its definition scanned) and a large one (indexed)",
          "[cost][evaluate]") {
  // The same names in both: a param, an item read by a figure and by a
  // share, a scenario's override; and in a second model a duplicate id, a
  // built-in name redefined and an override of an item. The large models
  // have 30 more items each.
  for (int extra : {0, 30}) {
    std::string more;
    for (int i = 0; i < extra; ++i) more += "  x" + std::to_string(i) + ":\n    formula: 0 USD/month\n";
    std::string good = "model: m\nunit: USD/month\nparams:\n  gpus: 4\nitems:\n"
                       "  gpu:\n    formula: gpus * 100 USD/month\n  disk:\n    formula: 100 USD/month\n" +
                       more +
                       "figures:\n  twice: {formula: gpu * 2}\n  part: {formula: share.gpu}\n"
                       "scenarios:\n  more:\n    params: {gpus: 8}\n";
    std::string bad = "model: b\nunit: USD/month\nparams:\n  dup: 2\nitems:\n"
                      "  dup:\n    formula: 1 USD/month\n  total:\n    formula: 1 USD/month\n" +
                      more + "scenarios:\n  wrong:\n    params: {x0: 1}\n";
    auto run = Eval({{"pricing/m.yaml", good}, {"pricing/b.yaml", bad}});
    INFO("extra items: " << extra);
    CHECK(run->Show("m", "twice") == "800.00 USD/month");
    CHECK(run->Show("m", "twice", "more") == "1600.00 USD/month");
    CHECK(run->Show("m", "part") == "80%");  // 400 / 500
    CHECK(run->Show("m", "part", "more") == "88.889%");  // 800 / 900
    CHECK(run->Errors().find("b.yaml:6:3: error: duplicate id 'dup' in model 'b'") != std::string::npos);
    CHECK(run->Errors().find("b.yaml:8:3: error: 'total' is a built-in figure and cannot be redefined") !=
          std::string::npos);
    CHECK(run->Errors().find("overrides unknown parameter 'x0'") != std::string::npos);
    // The item named like the param sums as the item it is: no unit mismatch follows.
    CHECK(run->Errors().find("unit mismatch") == std::string::npos);
  }
}

TEST_CASE("A name written twice is one error, which says where, and nothing follows from it", "[cost][evaluate]") {
  auto run = EvalModel(R"y(model: m
unit: USD/month
params:
  n: 2
  n: 3
items:
  a: {formula: n * 1 USD/month}
  a: {formula: 2 USD/month}
  n: {formula: 4 USD/month}
figures:
  f: {formula: total}
  f: {formula: 2 * total}
)y");
  CHECK(run->Errors() ==
        "pricing/m.yaml:5:3: error: duplicate key 'n' in params\n"
        " 5 |   n: 3\n"
        "   |   ^\n"
        "pricing/m.yaml:8:3: error: duplicate key 'a' in items\n"
        " 8 |   a: {formula: 2 USD/month}\n"
        "   |   ^\n"
        "pricing/m.yaml:9:3: error: duplicate id 'n' in model 'm'\n"
        " 9 |   n: {formula: 4 USD/month}\n"
        "   |   ^\n"
        "pricing/m.yaml:12:3: error: duplicate key 'f' in figures\n"
        " 12 |   f: {formula: 2 * total}\n"
        "    |   ^\n");
}

}  // namespace costsite::cost
