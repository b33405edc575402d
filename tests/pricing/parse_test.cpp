#include "pricing/pricing.h"

#include "cost/evaluate.h"
#include "cost/inputs_json.h"
#include "figures/plain.h"

#include <catch2/catch.hpp>

#include <thread>

#include "tests/test_util.h"

namespace costsite::pricing {
namespace {

namespace fs = std::filesystem;

TEST_CASE("Values read from one file share its path and text, and each finds its own line", "[pricing][parse]") {
  const std::string text =
      "model: m\r\nunit: USD/month\r\nparams:\r\n  gpus: {value: \"8\", label: {zh: GPU, en: GPUs}}\r\n"
      "items:\r\n  gpu:\r\n    formula: |\r\n      gpus * 2 USD/month\r\n";
  cost::Inputs in;
  Diagnostics diags;
  ParsePricingFile("pricing/m.yaml", text, &in, diags);
  REQUIRE(diags.Sorted().empty());
  REQUIRE(in.models.size() == 1);
  const cost::ModelDef& m = in.models[0];
  CHECK(m.where.line() == "model: m");
  CHECK(m.unit.line() == "unit: USD/month");
  const cost::Located& gpus = m.params.at(0).value;
  CHECK(gpus.text == "8");
  CHECK(gpus.line() == "  gpus: {value: \"8\", label: {zh: GPU, en: GPUs}}");
  CHECK(gpus.pos().path == "pricing/m.yaml");
  CHECK(gpus.pos().line == 4);
  CHECK(gpus.pos().col == 18);  // past the opening quote
  const cost::Located& formula = m.items.at(0).formula;
  CHECK(formula.line() == "      gpus * 2 USD/month");  // a block scalar's content, on the line after `|`
  CHECK(formula.pos().line == 8);
  // One text for the file, held by every value read from it.
  REQUIRE(m.where.source);
  CHECK(m.where.source.get() == gpus.source.get());
  CHECK(m.where.source.get() == formula.source.get());
  CHECK(m.where.source->Line(1) == "model: m");
  CHECK_FALSE(m.where.source->put_away());
  // Made, not read: no source, no line.
  cost::Located bare{"1", {}, 0, 0};
  CHECK(bare.line().empty());
  CHECK(bare.pos().path.empty());
  cost::Located set = cost::Located::OnLine("2", "--set", "m.gpus=2", 8);
  CHECK(set.line() == "m.gpus=2");
  CHECK(set.pos().path == "--set");
  CHECK(set.pos().col == 8);
}

TEST_CASE("A model file's text put away is read back for a caret, its model: line kept", "[pricing][parse]") {
  const std::string text =
      "# a model\nmodel: m\nunit: USD/month\nitems:\n  gpu:\n    formula: |\n      8 * 2 USD/month\n";
  cost::Inputs in;
  Diagnostics diags;
  TextShelf shelf({}, 1);  // a piece of one byte: written out at once
  ParsePricingFile("pricing/m.yaml", text, &in, diags, &shelf);
  shelf.Flush();
  REQUIRE(diags.Sorted().empty());
  REQUIRE(in.models.size() == 1);
  const cost::ModelDef& m = in.models[0];
  REQUIRE(m.where.source);
  CHECK(m.where.source->put_away());
  CHECK(m.where.line() == "model: m");
  // Every other line is read back from the shelf's file, from several threads at once.
  std::vector<std::string> seen(4);
  std::vector<std::thread> readers;
  for (size_t t = 0; t < seen.size(); ++t)
    readers.emplace_back([&, t] { seen[t] = std::string(m.items.at(0).formula.line()); });
  for (std::thread& r : readers) r.join();
  for (const std::string& line : seen) CHECK(line == "      8 * 2 USD/month");
  CHECK(m.unit.line() == "unit: USD/month");
  CHECK(m.items.at(0).formula.pos().line == 7);
  // A price list's text is not put away: its values are compared under serve.
  cost::Inputs prices;
  ParsePricingFile("pricing/p.yaml", "provider: p\ncurrency: USD\nprices:\n  - {id: a, unit: USD/h, price: 1}\n",
                   &prices, diags, &shelf);
  shelf.Flush();
  REQUIRE(prices.price_lists.size() == 1);
  REQUIRE(prices.price_lists[0].where.source);
  CHECK_FALSE(prices.price_lists[0].where.source->put_away());
}

TEST_CASE("A source is held until its last value goes, and a text already asked for stays in memory",
          "[pricing][parse]") {
  cost::Located kept;
  {
    cost::Inputs in;
    Diagnostics diags;
    ParsePricingFile("pricing/m.yaml", "model: m\nunit: USD/month\nitems:\n  gpu:\n    formula: 2 USD/month\n", &in,
                     diags, nullptr);
    REQUIRE(in.models.size() == 1);
    cost::Located moved = std::move(in.models[0].items.at(0).formula);
    CHECK_FALSE(in.models[0].items.at(0).formula.source);  // moved from: nothing held
    kept = moved;                                            // a copy, then the model and the move go
    CHECK(kept.source == moved.source);
  }
  REQUIRE(kept.source);
  CHECK(kept.line() == "    formula: 2 USD/month");
  CHECK(kept.source->path == "pricing/m.yaml");
  cost::Located other = cost::Located::OnLine("3", "--set", "m.x=3", 5);
  CHECK_FALSE(other.source == kept.source);
  other = kept;  // the --set source goes with its last value
  CHECK(other.source == kept.source);
  CHECK(other.line() == "    formula: 2 USD/month");

  // Asked for a line before the file is put away: indexed where it is, it stays.
  Diagnostics diags;
  TextShelf shelf({}, 1);
  cost::ModelDef m;
  REQUIRE(ParseModel("pricing/n.yaml", "model: n\nunit: USD/month\n", &m, diags));
  REQUIRE(m.unit.line() == "unit: USD/month");
  const_cast<cost::SourceText*>(m.unit.source.get())->PutAway(&shelf, 1);  // as the file's reader does
  shelf.Flush();
  CHECK_FALSE(m.unit.source->put_away());
  CHECK(m.unit.line() == "unit: USD/month");
  CHECK(m.where.line() == "model: n");
}

TEST_CASE("A build's evaluation errors point into model files whose text was put away", "[pricing][load]") {
  TempDir tmp;
  WriteAll(tmp.path() / "pricing/a.yaml",
           "model: a\nunit: USD/month\nitems:\n  gpu:\n    formula: 2 * @nowhere/gpu\n");
  WriteAll(tmp.path() / "pricing/b.yaml", "model: b\nunit: USD/month\nitems:\n  disk:\n    formula: 3 USD/month\n");
  std::string kept, away;
  for (bool put_away : {false, true}) {
    Diagnostics parse;
    cost::Inputs inputs = ReadPricing(tmp.path() / "pricing", parse, 2, nullptr, put_away);
    // A build sets the models aside; their texts are put away.
    REQUIRE(inputs.models.size() == (put_away ? 0 : 2));
    REQUIRE(inputs.aside.size() == (put_away ? 2 : 0));
    const cost::Located& where = put_away ? inputs.aside[0].where : inputs.models[0].where;
    CHECK(where.source->put_away() == put_away);
    Diagnostics diags;
    cost::Evaluation ev = cost::Evaluate(std::move(inputs), {}, diags, 2);
    REQUIRE(diags.HasErrors());
    CHECK(ev.Find("b"));
    (put_away ? away : kept) = AllDiagnostics(diags);
  }
  CHECK(away.find("pricing/a.yaml:5:") != std::string::npos);
  CHECK(away.find("    formula: 2 * @nowhere/gpu\n") != std::string::npos);
  CHECK(away == kept);
}

// Every result of `ev`: each model and scenario with its figures as plain
// text and the models it reads.
std::string Summary(const cost::Evaluation& ev) {
  std::string out;
  for (size_t i = 0; i < ev.results().size(); ++i) {
    const cost::ModelResult& r = ev.results()[i];
    out += r.model + "[" + r.scenario + "]";
    for (const cost::Figure* f : r.AllFigures()) out += " " + f->id + "=" + figures::PlainFigure(*f);
    for (const std::string& u : r.uses) out += " uses:" + u;
    out += "\n";
  }
  return out;
}

// A site whose models read each other across files, with a duplicate id, a
// formula that does not parse and a unit that does not exist.
void WriteModelsThatReadEachOther(const fs::path& site) {
  WriteAll(site / "pricing/prices.yaml",
           "provider: p\ncurrency: USD\nsource: https://example.com\ndate: 2025-01-01\n"
           "prices:\n  - {id: gpu, unit: USD/h, price: 2, variants: {spot: 0.5}}\n");
  WriteAll(site / "pricing/a.yaml",
           "model: a\nunit: USD/month\nparams:\n  n: {value: 2}\nitems:\n"
           "  gpu: {formula: n * 730 h/month * @p/gpu}\n"
           "scenarios:\n  spot: {variant: spot}\n");
  WriteAll(site / "pricing/b.yaml",
           "model: b\nunit: USD/month\nitems:\n  twice: {formula: 2 * a.total}\n"
           "  cheap: {formula: \"a[spot].total\"}\n");
  WriteAll(site / "pricing/c.d.yaml", "model: c.d\nunit: USD/month\nitems:\n  x: {formula: 5 USD/month}\n");
  WriteAll(site / "pricing/e.yaml",
           "model: e\nunit: USD/month\nitems:\n  y: {formula: c.d.total + 1 USD/month}\n"
           "figures:\n  bad: {formula: \"2 *\"}\n");
  WriteAll(site / "pricing/f.yaml", "model: f\nunit: USD/fortnight\nitems:\n  z: {formula: 1 USD/month}\n");
  WriteAll(site / "pricing/g.yaml", "model: a\nunit: USD/month\n");
}

TEST_CASE("A build's models set aside evaluate as the definitions held whole do", "[pricing][load]") {
  TempDir tmp;
  WriteModelsThatReadEachOther(tmp.path());
  std::string results[2], reported[2];
  for (bool build : {false, true}) {
    for (int threads : {1, 2}) {
      Diagnostics diags;
      cost::Inputs inputs = ReadPricing(tmp.path() / "pricing", diags, threads, nullptr, build);
      CHECK(inputs.aside.size() == (build ? 6 : 0));
      cost::Options options;
      options.today = "2025-06-01";
      options.spill_results = build;
      cost::Evaluation ev = cost::Evaluate(std::move(inputs), options, diags, threads);
      if (threads == 2) CHECK(Summary(ev) == results[build]);
      if (threads == 2) CHECK(AllDiagnostics(diags) == reported[build]);
      results[build] = Summary(ev);
      reported[build] = AllDiagnostics(diags);
    }
  }
  CHECK(results[1] == results[0]);
  CHECK(reported[1] == reported[0]);
  INFO(results[1] << reported[1]);
  // What the models read, each figure, and each mistake once.
  CHECK(results[1].find("b[] twice=5840.00 USD/month cheap=730.00 USD/month") != std::string::npos);
  CHECK(results[1].find("uses:a\n") != std::string::npos);
  CHECK(results[1].find("e[] y=6.00 USD/month") != std::string::npos);
  CHECK(reported[1].find("pricing/g.yaml:1:8: error: duplicate model id 'a' (first defined at pricing/a.yaml:1:8)") !=
        std::string::npos);
  CHECK(reported[1].find("pricing/e.yaml:6:22: error: expected a value at the end of the formula") != std::string::npos);
  CHECK(reported[1].find("pricing/f.yaml:2:11: error: unknown unit 'fortnight'") != std::string::npos);
}

TEST_CASE("A model set aside names the models it may read", "[pricing][load]") {
  cost::ModelDef m;
  Diagnostics diags;
  REQUIRE(ParseModel("pricing/m.yaml",
                     "model: m\nunit: USD/month\nparams:\n  k: {value: 1}\nitems:\n"
                     "  a: {formula: k * other.total + m.k * 1 USD/month}\n"
                     "  b: {formula: \"x.y.z [base] + s[spot].total + @p/gpu.x * 1 h/month\"}\n"
                     "figures:\n  c: {formula: \"convert(total, USD/h)\"}\n",
                     &m, diags));
  cost::ModelAside aside = cost::SetAside(m);
  CHECK(aside.id == "m");
  CHECK(aside.where.line() == "model: m");
  // Each word up to a '.' or a '[', whether or not it is a model: "x" and
  // "x.y" for x.y.z, "gpu" of the price; not the model's own id.
  CHECK(aside.may_read == std::vector<std::string>{"gpu", "other", "s", "x", "x.y", "y"});
  CHECK(cost::MaySetAside(m));
}

TEST_CASE("A build holds every model when one must be held", "[pricing][load]") {
  TempDir tmp;
  WriteAll(tmp.path() / "pricing/a.yaml", "model: a\nunit: USD/month\nitems:\n  x: {formula: 1 USD/month}\n");
  SECTION("an adjustable parameter") {
    WriteAll(tmp.path() / "pricing/b.yaml",
             "model: b\nunit: USD/month\nparams:\n  n: {value: 2, input: {min: 1, max: 4}}\n"
             "items:\n  x: {formula: n * 1 USD/month}\n");
  }
  SECTION("a call of actual()") {
    WriteAll(tmp.path() / "pricing/b.yaml",
             "model: b\nunit: USD/month\nitems:\n  x: {formula: actual(ServiceName=\"S3\")}\n");
  }
  Diagnostics diags;
  cost::Inputs inputs = ReadPricing(tmp.path() / "pricing", diags, 2, nullptr, true);
  CHECK(inputs.aside.empty());
  REQUIRE(inputs.models.size() == 2);
  CHECK(inputs.models[0].id == "a");
  CHECK(inputs.models[0].items.at(0).formula.text == "1 USD/month");
  CHECK(inputs.models[0].where.source->put_away());
}

TEST_CASE("A parameter set applies to a model set aside", "[pricing][load]") {
  TempDir tmp;
  WriteAll(tmp.path() / "pricing/a.yaml",
           "model: a\nunit: USD/month\nparams:\n  n: {value: 2}\nitems:\n  x: {formula: n * 1 USD/month}\n");
  WriteAll(tmp.path() / "pricing/b.yaml", "model: b\nunit: USD/month\nitems:\n  y: {formula: a.total}\n");
  Diagnostics diags;
  cost::Inputs inputs = ReadPricing(tmp.path() / "pricing", diags, 2, nullptr, true);
  REQUIRE(inputs.aside.size() == 2);
  cost::Options options;
  options.today = "2025-06-01";
  options.sets.push_back({cost::Located::OnLine("a.n", "--set", "a.n=5", 1), cost::Located::OnLine("5", "--set", "a.n=5", 5)});
  cost::Evaluation ev = cost::Evaluate(std::move(inputs), options, diags, 2);
  CHECK(AllDiagnostics(diags).empty());
  CHECK(Summary(ev) == "a[] n=5 x=5.00 USD/month share.x=100% total=5.00 USD/month\n"
        "b[] y=5.00 USD/month share.y=100% total=5.00 USD/month uses:a\n");
}

TEST_CASE("A price list keeps values, variants, history and positions", "[pricing][parse]") {
  const char* text = R"y(provider: aws
name: {zh: 亚马逊云科技, en: Amazon Web Services}
currency: USD
date: 2025-01-15
prices:
  - id: p4d.24xlarge
    unit: USD/h
    price: 32.77
    variants: {spot: 9.83}
    history:
      - {date: 2024-06-01, price: "30.44"}
)y";
  cost::PriceList list;
  Diagnostics diags;
  REQUIRE(ParsePriceList("pricing/aws.yaml", text, &list, diags));
  CHECK(list.provider == "aws");
  CHECK(list.name.at("zh") == "亚马逊云科技");
  REQUIRE(list.entries.size() == 1);
  const cost::PriceEntry& e = list.entries[0];
  CHECK(e.current.price.text == "32.77");
  CHECK(e.current.price.pos().line == 8);
  CHECK(e.current.price.pos().col == 12);
  CHECK(e.current.variants[0].first == "spot");
  REQUIRE(e.history.size() == 1);
  CHECK(e.history[0].date == "2024-06-01");
  CHECK(e.history[0].price.pos().col == 36);  // past the opening quote
}

TEST_CASE("A price's or rate's date must be a day the calendar has", "[pricing][parse]") {
  // A rate "since" 2025-02-30 would be in force from no day at all, and
  // which rate a model on 2025-03-01 reads would depend on it.
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/fx.yaml", R"y(rates:
  - {base: USD, quote: CNY, rate: 7.2, date: 2025-01-01}
  - {base: USD, quote: CNY, rate: 8, date: 2025-02-29}
)y", &inputs, diags);
  ParsePricingFile("pricing/aws.yaml", R"y(provider: aws
currency: USD
prices:
  - id: x
    unit: USD/h
    price: 1
    history:
      - {since: 2025-04-31, price: 2}
)y", &inputs, diags);
  const std::string all = AllDiagnostics(diags);
  CHECK(all.find("pricing/fx.yaml:3:44: error: malformed date '2025-02-29'") != std::string::npos);
  CHECK(all.find("pricing/aws.yaml:8:17: error: malformed date '2025-04-31'") != std::string::npos);
}

TEST_CASE("Two rates or two price values for one day are an error and not the last one listed", "[pricing][parse]") {
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/fx.yaml", R"y(rates:
  - {base: USD, quote: CNY, rate: 7.2, date: 2025-01-01}
  - {base: USD, quote: CNY, rate: 7.5, date: 2025-01-01}
  - {base: CNY, quote: USD, rate: 0.125, date: 2025-01-01}
  - {base: CNY, quote: USD, rate: 0.125, date: 2025-02-01}
  - {base: USD, quote: CNY, rate: 8, date: 2025-02-01}
  - {base: USD, quote: CNY, rate: 7.2, date: 2025-01-01}
)y", &inputs, diags);
  ParsePricingFile("pricing/aws.yaml", R"y(provider: aws
currency: USD
prices:
  - id: x
    unit: USD/h
    price: 1
    history:
      - {since: 2025-01-01, price: 2}
      - {since: 2025-01-01, price: 3}
      - {since: 2024-01-01, price: 4}
)y", &inputs, diags);
  cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  const std::string all = AllDiagnostics(diags);
  INFO(all);
  // 7.5 and 0.125 (8 the other way) differ from 7.2 on 2025-01-01; 8 on
  // 2025-02-01 is 0.125 the other way round, and 7.2 again is the same rate.
  CHECK(all.find("pricing/fx.yaml:3:35: error: a second USD/CNY rate for 2025-01-01 that differs from the one at "
                 "pricing/fx.yaml:2:") != std::string::npos);
  CHECK(all.find("pricing/fx.yaml:4:35: error: a second CNY/USD rate for 2025-01-01") != std::string::npos);
  CHECK(all.find("fx.yaml:6:") == std::string::npos);
  CHECK(all.find("fx.yaml:7:") == std::string::npos);
  CHECK(all.find("pricing/aws.yaml:9:17: error: price 'x' has two values in force from 2025-01-01 (the other at "
                 "pricing/aws.yaml:8:") != std::string::npos);
}

TEST_CASE("Price list errors name their place", "[pricing][parse]") {
  const char* text = R"y(provider: aws
currency: USD
prices:
  - id: x
    unit: USD/hr
    price: 1
    date: 2025-13-01
    colour: red
  - id: y
    unit: USD
)y";
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/aws.yaml", text, &inputs, diags);
  CHECK(AllDiagnostics(diags) ==
        "pricing/aws.yaml:7:11: error: malformed date '2025-13-01': write YYYY-MM-DD\n"
        " 7 |     date: 2025-13-01\n"
        "   |           ^~~~~~~~~~\n"
        "pricing/aws.yaml:8:5: error: unknown key 'colour' in a price\n"
        " 8 |     colour: red\n"
        "   |     ^~~~~~\n"
        "pricing/aws.yaml:9:9: error: price 'y' has no price\n"
        " 9 |   - id: y\n"
        "   |         ^\n");
  // The unit is checked when the prices are compiled.
  Diagnostics eval_diags;
  cost::Evaluate(std::move(inputs), {}, eval_diags);
  CHECK(AllDiagnostics(eval_diags) ==
        "pricing/aws.yaml:5:15: error: unknown unit 'hr' (did you mean 'h'?)\n"
        " 5 |     unit: USD/hr\n"
        "   |               ^~\n");
}

TEST_CASE("A name written empty is an error where it is written, once", "[pricing][parse]") {
  auto errors = [](const std::string& path, const std::string& text) {
    cost::Inputs inputs;
    Diagnostics diags;
    ParsePricingFile(path, text, &inputs, diags);
    std::string messages;
    for (const Diagnostic& d : diags.Sorted())
      messages += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.message + "\n";
    return messages;
  };
  CHECK(errors("pricing/p.yaml", "provider: \"\"\ncurrency: USD\nprices:\n  - {id: a, unit: USD/h, price: 1}\n") ==
        "1:12 expected a value for provider id\n");
  CHECK(errors("pricing/p.yaml",
               "provider: p\ncurrency: USD\nprices:\n  - {id: \"\", unit: USD/h, price: 1}\n"
               "  - {id: b, unit: USD/h, price: 1, variants: {\"\": 0.5}}\n") ==
        "4:11 expected a value for price id\n5:48 expected a value for variant name\n");
  CHECK(errors("pricing/m.yaml", "model: \"\"\n") == "1:9 expected a value for model id\n");
  CHECK(errors("pricing/m.yaml", "model:\n") == "1:7 expected a value for model id\n");
  CHECK(errors("pricing/m.yaml",
               "model: m\nunit: USD/month\nparams:\n  \"\": 1\nitems:\n  \"\": {formula: 1 USD/month}\n"
               "  a: {formula: 1 USD/month, group: \"\"}\n  [b]: {formula: 1 USD/month}\nfigures:\n  \"\": 1\n") ==
        "4:4 an entry of params without a name\n"
        "6:4 an entry of items without a name\n"
        "7:37 expected a value for group name\n"
        "8:3 expected a value for item name\n"
        "10:4 an entry of figures without a name\n");
}

TEST_CASE("Malformed YAML becomes a diagnostic", "[pricing][parse]") {
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/bad.yaml", "model: m\nparams: [1, 2\n", &inputs, diags);
  REQUIRE(diags.ErrorCount() == 1);
  auto d = diags.Sorted()[0];
  CHECK(d.pos.path == "pricing/bad.yaml");
  CHECK(d.pos.line == 2);
  CHECK(d.message == "'[' is not closed: end the list with ']'");
  CHECK(d.root_cause);
  Diagnostics other;
  ParsePricingFile("pricing/what.yaml", "hello: world\n", &inputs, other);
  CHECK(AllDiagnostics(other) ==
        "pricing/what.yaml:1:1: error: cannot tell what this file holds: expected a top-level "
        "`provider:`, `rates:`, `units:` or `model:`\n"
        " 1 | hello: world\n"
        "   | ^\n");
}

TEST_CASE("A rate without a value is reported once, where the value is missing", "[pricing][parse]") {
  const char* text = "rates:\n  - base: USD\n    quote: CNY\n    rate:\n    date: 2024-01-01\n";
  std::vector<cost::Rate> rates;
  Diagnostics diags;
  CHECK_FALSE(ParseRates("pricing/fx.yaml", text, &rates, diags));
  CHECK(rates.empty());
  CHECK(AllDiagnostics(diags) ==
        "pricing/fx.yaml:4:10: error: expected a value for rate\n"
        " 4 |     rate:\n"
        "   |          ^\n");
}

TEST_CASE("A comma in a flow map gets a hint", "[pricing][parse]") {
  cost::ModelDef m;
  Diagnostics diags;
  CHECK_FALSE(ParseModel("pricing/m.yaml", "model: m\nfigures:\n  x: {formula: fx(total, CNY), unit: CNY}\n", &m, diags));
  CHECK(AllDiagnostics(diags).find("unknown key 'CNY)' in figure 'x' (a comma inside {…} separates entries: quote the value)") !=
        std::string::npos);
}

TEST_CASE("A model is read in declared order", "[pricing][parse]") {
  const char* text = R"y(model: inference
title: {en: Monthly inference cost}
as_of: 2025-06-01
unit: USD/month
params:
  gpus: {value: 8, label: {en: GPUs}}
  qps: 10 to 20 requests/s
groups:
  compute: {en: Compute}
items:
  gpu: {label: {en: GPU}, group: compute, quantity: gpus, price: "@aws/p4d.24xlarge"}
  storage: {formula: 500 GB * @aws/s3.standard, unit: USD/month}
figures:
  per_1k: {formula: total / qps * 1000 requests, unit: USD}
scenarios:
  spot:
    variant: spot
    params: {gpus: 4}
    variants: {"@aws/p4d.24xlarge": reserved_1y}
rules:
  gpu_heavy: {when: share(gpu) > 50%, recommend: {en: Try spot}}
expectations:
  - {figure: total, stated: 24000 USD/month, tolerance: 1%, known_discrepancy: true}
)y";
  cost::ModelDef m;
  Diagnostics diags;
  REQUIRE(ParseModel("pricing/models/inference.yaml", text, &m, diags));
  CHECK(m.id == "inference");
  CHECK(m.as_of == "2025-06-01");
  REQUIRE(m.params.size() == 2);
  CHECK(m.params[1].id == "qps");
  CHECK(m.params[1].value.text == "10 to 20 requests/s");
  CHECK(m.items[0].price->pos().col == 67);
  CHECK(m.items[1].formula.text == "500 GB * @aws/s3.standard");
  CHECK(m.scenarios[0].params[0].value.text == "4");
  CHECK(m.scenarios[0].variants[0].variant == "reserved_1y");
  CHECK(m.scenarios[0].variants[0].where.pos().line > 0);  // the variant as written, for diagnostics
  CHECK(m.rules[0].when.pos().line == 21);
  CHECK(m.expectations[0].known_discrepancy);
}

TEST_CASE("An item's quantity, price and unit read as written, empty when left out, in copies and JSON too",
          "[pricing][parse]") {
  const std::string text =
      "model: m\nunit: USD/month\nitems:\n"
      "  a: {formula: 2 USD/month}\n"
      "  b: {quantity: 3 h/month, price: 4 USD/h, unit: USD/month}\n";
  cost::ModelDef m;
  Diagnostics diags;
  REQUIRE(ParseModel("pricing/m.yaml", text, &m, diags));
  REQUIRE(m.items.size() == 2);
  const cost::ItemDef& a = m.items[0];
  CHECK(a.formula.text == "2 USD/month");
  CHECK(a.quantity.empty());
  CHECK(a.price->text.empty());
  CHECK(a.unit->source == nullptr);
  CHECK(a.unit->pos().line == 0);
  const cost::ItemDef& b = m.items[1];
  CHECK(b.quantity->text == "3 h/month");
  CHECK(b.price->text == "4 USD/h");
  CHECK(b.unit->text == "USD/month");
  CHECK(b.unit->pos().path == "pricing/m.yaml");
  CHECK(b.unit->pos().line == 5);
  CHECK(b.unit->pos().col == 50);
  cost::ModelDef copy = m;
  m.items[1].quantity = cost::Located{"5 h/month"};
  CHECK(copy.items[1].quantity->text == "3 h/month");  // a copy holds its own
  CHECK(copy.items[0].quantity.empty());

  cost::Inputs inputs;
  inputs.models.push_back(copy);
  cost::Inputs back;
  cost::Options options;
  std::string error;
  REQUIRE(cost::InputsFromJson(cost::InputsToJson(inputs, cost::Options()), &back, &options, &error));
  REQUIRE(back.models.size() == 1);
  REQUIRE(back.models[0].items.size() == 2);
  CHECK(back.models[0].items[0].quantity.empty());
  CHECK(back.models[0].items[0].unit->pos().line == 0);
  CHECK(back.models[0].items[1].price->text == "4 USD/h");
  CHECK(back.models[0].items[1].unit->pos().line == 5);
  CHECK(back.models[0].items[1].unit->pos().col == 50);
}

TEST_CASE("Item and figure ids are their keys as written, and lists a model leaves out are empty, in copies and JSON too",
          "[pricing][parse]") {
  const std::string text =
      "model: m\nunit: USD/month\nitems:\n"
      "  gpu_hours: {formula: 2 USD/month}\n"
      "  disks: {group: storage, formula: 3 USD/month}\n"
      "figures:\n"
      "  per_year: {formula: total * 1 year, unit: USD}\n";
  cost::ModelDef m;
  Diagnostics diags;
  REQUIRE(ParseModel("pricing/m.yaml", text, &m, diags));
  REQUIRE(m.items.size() == 2);
  CHECK(m.items[0].id() == "gpu_hours");
  CHECK(m.items[0].where.pos().line == 4);
  CHECK(m.items[0].where.pos().col == 3);
  CHECK(m.items[0].group.empty());
  CHECK(m.items[1].id() == "disks");
  CHECK(m.items[1].group.get() == "storage");
  REQUIRE(m.figures.size() == 1);
  CHECK(m.figures[0].id() == "per_year");
  CHECK(m.figures[0].where.pos().line == 7);
  // Not written: empty, and nothing to iterate.
  CHECK(m.groups.empty());
  CHECK(m.scenarios.size() == 0);
  CHECK(m.rules.begin() == m.rules.end());
  CHECK(m.expectations.get().empty());

  cost::ModelDef copy = m;
  m.scenarios.emplace_back().id = "spot";
  m.rules.push_back(cost::RuleDef{"heavy"});
  CHECK(m.scenarios.size() == 1);
  CHECK(m.scenarios[0].id == "spot");
  CHECK(m.rules.back().id == "heavy");
  CHECK(copy.scenarios.empty());  // a copy holds its own
  CHECK(copy.rules.empty());
  cost::ModelDef second = m;
  second.scenarios[0].id = "reserved";
  second.as_of = std::string("2025-06-01");
  CHECK(m.as_of.empty());
  CHECK(m.scenarios[0].id == "spot");
  m.rules.clear();
  CHECK(m.rules.empty());
  CHECK(second.rules.size() == 1);

  cost::Inputs inputs;
  inputs.models.push_back(second);
  inputs.models.push_back(copy);
  cost::Inputs back;
  cost::Options options;
  std::string error;
  REQUIRE(cost::InputsFromJson(cost::InputsToJson(inputs, cost::Options()), &back, &options, &error));
  REQUIRE(back.models.size() == 2);
  CHECK(back.models[0].items[0].id() == "gpu_hours");
  CHECK(back.models[0].items[0].where.pos().col == 3);
  CHECK(back.models[0].items[0].group.empty());
  CHECK(back.models[0].items[1].group.get() == "storage");
  CHECK(back.models[0].figures[0].id() == "per_year");
  REQUIRE(back.models[0].scenarios.size() == 1);
  CHECK(back.models[0].scenarios[0].id == "reserved");
  CHECK(back.models[0].rules.size() == 1);
  CHECK(back.models[1].scenarios.empty());
  CHECK(back.models[1].rules.empty());
  CHECK(back.models[1].expectations.empty());
  CHECK(back.models[0].as_of.get() == "2025-06-01");
  CHECK(back.models[1].as_of.empty());
}

TEST_CASE("An inline model is positioned inside its page", "[pricing][parse]") {
  cost::ModelDef m;
  Diagnostics diags;
  REQUIRE(ParseInlineModel("content/gpu.en.md", "params:\n  hours: 730 h\n", 12, "gpu-1", &m, diags));
  CHECK(m.id == "gpu-1");
  CHECK(m.params[0].value.pos().line == 13);
  CHECK(m.params[0].value.pos().col == 10);
  // Its lines are found by the page's line numbers.
  CHECK(m.params[0].value.line() == "  hours: 730 h");
  CHECK(m.params[0].value.source->Line(12) == "params:");
  CHECK(m.params[0].value.source->Line(11).empty());
  CHECK(m.params[0].value.source->Line(15).empty());
  Diagnostics bad;
  CHECK_FALSE(ParseInlineModel("content/gpu.en.md", "model: x\n", 12, "gpu-1", &m, bad));
  CHECK(bad.Sorted()[0].pos.line == 12);
}

TEST_CASE("LoadPricing walks the folder in sorted order", "[pricing][load]") {
  Diagnostics diags;
  std::string dir = std::string(COSTSITE_SOURCE_DIR) + "/tests/fixtures/pricing/basic/pricing";
  cost::Evaluation ev = LoadPricing(dir, {}, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  REQUIRE(ev.Find("basic"));
  CHECK(ev.Find("basic", "spot"));
  CHECK(figures::PlainFigure(*ev.Find("basic")->Find("storage")) == "11.50 USD/month");
  CHECK(ev.providers().size() == 1);
  CHECK(ev.results().size() == 2);
}

TEST_CASE("LoadPricing reads a linked folder inside the site and reports one leading out", "[pricing][load]") {
  TempDir tmp;
  const fs::path site = tmp.path() / "site";
  fs::create_directories(site);
  fs::copy(std::string(COSTSITE_SOURCE_DIR) + "/tests/fixtures/pricing/basic/pricing", site / "shared",
           fs::copy_options::recursive);
  fs::create_directories(site / "pricing");
  fs::create_symlink("../shared", site / "pricing/linked");
  {
    Diagnostics diags;
    cost::Evaluation ev = LoadPricing(site / "pricing", {}, diags);
    INFO(AllDiagnostics(diags));
    REQUIRE_FALSE(diags.HasErrors());
    REQUIRE(ev.Find("basic"));
    CHECK(figures::PlainFigure(*ev.Find("basic")->Find("storage")) == "11.50 USD/month");
  }
  WriteAll(tmp.path() / "elsewhere/x.yaml", "providers: {}\n");
  fs::create_symlink("../../elsewhere", site / "pricing/away");
  Diagnostics diags;
  LoadPricing(site / "pricing", {}, diags);
  REQUIRE(diags.HasErrors());
  CHECK(AllDiagnostics(diags).find("pricing/away: error: symbolic link points outside the site folder") !=
        std::string::npos);
}

// Each position used to find its source line by walking the text from its
// start: 40,000 figures took 20 s.
TEST_CASE("A model of 40,000 figures keeps each figure's place and line", "[pricing][parse][limits]") {
  std::string text = "model: m\nfigures:\n";
  for (int i = 0; i < 40000; ++i) text += "  f" + std::to_string(i) + ": {formula: " + std::to_string(i) + "}\n";
  cost::ModelDef m;
  Diagnostics diags;
  REQUIRE(ParseModel("pricing/m.yaml", text, &m, diags));
  REQUIRE(m.figures.size() == 40000);
  const cost::FigureDef& last = m.figures.back();
  CHECK(last.formula.text == "39999");
  CHECK(last.formula.pos().line == 40002);
  CHECK(last.formula.pos().col == 21);
  CHECK(last.formula.line() == "  f39999: {formula: 39999}");
  CHECK(m.figures[7].where.line() == "  f7: {formula: 7}");
}

}  // namespace
}  // namespace costsite::pricing
