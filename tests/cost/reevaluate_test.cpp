#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "cost/evaluate.h"
#include "pricing/pricing.h"

namespace costsite::cost {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

std::string PriceList(const std::string& c5, const std::string& spot = "9.83") {
  return "provider: aws\nname: {en: AWS}\ncurrency: USD\nsource: https://aws.example\ndate: 2025-01-15\nprices:\n"
         "  - id: c5\n    unit: USD/h\n    price: " + c5 + "\n"
         "  - id: p4d\n    unit: USD/h\n    price: 32.77\n    variants: {spot: " + spot + "}\n"
         "  - id: s3\n    unit: USD/GB/month\n    price: 0.023\n";
}

std::string Rates(const std::string& cny) {
  return "rates:\n  - {base: USD, quote: CNY, rate: " + cny + ", date: 2025-01-01, source: https://fx.example}\n";
}

// A site of models that read c5 directly, through another model, in a
// scenario, in another currency, or not at all.
Files Site(const std::string& c5 = "0.34", const std::string& cny = "7.20", const std::string& spot = "9.83") {
  return {
      {"pricing/aws.yaml", PriceList(c5, spot)},
      {"pricing/fx.yaml", Rates(cny)},
      {"pricing/a_direct.yaml", "model: direct\nunit: USD/month\nitems:\n  vm: {quantity: 730 h/month, price: \"@aws/c5\"}\n"},
      {"pricing/b_reader.yaml",
       "model: reader\nunit: USD/month\nitems:\n  twice: {formula: 2 * direct.total}\n"},
      {"pricing/c_chain.yaml", "model: chain\nunit: USD/month\nitems:\n  more: {formula: reader.total + 1 USD/month}\n"},
      {"pricing/d_cny.yaml", "model: cny\nfigures:\n  vm: {formula: \"fx(730 h/month * @aws/c5, CNY)\", unit: CNY/month}\n"},
      {"pricing/e_scenarios.yaml",
       "model: gpu\nunit: USD/month\nparams:\n  n: 2\nitems:\n"
       "  gpu: {formula: n * 730 h/month * @aws/p4d}\n"
       "scenarios:\n  spot: {variant: spot}\n  more: {params: {n: 4}}\n"},
      {"pricing/f_other.yaml", "model: other\nunit: USD/month\nitems:\n  disk: {formula: 100 GB * @aws/s3}\n"},
  };
}

Inputs Parse(const Files& files, Diagnostics& diags) {
  Inputs inputs;
  for (const auto& [path, text] : files) pricing::ParsePricingFile(path, text, &inputs, diags);
  return inputs;
}

Options Pinned() {
  Options o;
  o.today = "2025-07-01";
  return o;
}

// Every result of `a` equals `b`'s, in the same order.
void CheckSame(const Evaluation& a, const Evaluation& b) {
  REQUIRE(a.results().size() == b.results().size());
  for (size_t i = 0; i < a.results().size(); ++i) {
    INFO(a.results()[i].model << " " << a.results()[i].scenario);
    CHECK(a.results()[i].model == b.results()[i].model);
    CHECK(a.results()[i].scenario == b.results()[i].scenario);
    CHECK(Fingerprint(a.results()[i]) == Fingerprint(b.results()[i]));
  }
}

struct Outcome {
  Evaluation incremental, full;
  ReevaluateStats stats;
  std::string errors;
};

// Evaluates `before`, then `after` both ways; `changed` are the files whose text changed.
Outcome Change(const Files& before, const Files& after, const std::set<std::string>& changed) {
  Diagnostics d0, d1, d2;
  Evaluation previous = Evaluate(Parse(before, d0), Pinned(), d0);
  std::string first;
  for (const auto& d : d0.Sorted()) first += FormatDiagnostic(d);
  INFO(first);
  REQUIRE(d0.Sorted().empty());
  Outcome out;
  out.incremental = Reevaluate(previous, Parse(after, d1), changed, Pinned(), d1, 1, &out.stats);
  out.full = Evaluate(Parse(after, d2), Pinned(), d2);
  for (const auto& d : d1.Sorted()) out.errors += FormatDiagnostic(d);
  std::string full_errors;
  for (const auto& d : d2.Sorted()) full_errors += FormatDiagnostic(d);
  CHECK(out.errors == full_errors);
  return out;
}

using Ids = std::set<std::string>;

TEST_CASE("A changed price rebuilds the models that read it and their readers, and equals a full evaluation",
          "[cost][reevaluate]") {
  Outcome o = Change(Site(), Site("0.50"), {"pricing/aws.yaml"});
  CHECK_FALSE(o.stats.full);
  CHECK(o.stats.rebuilt == Ids{"direct", "reader", "chain", "cny"});
  CheckSame(o.incremental, o.full);
  CHECK(Fingerprint(*o.incremental.Find("chain")) != 0);
  // The new price reached the model that reads it through two others.
  Diagnostics d;
  Evaluation before = Evaluate(Parse(Site(), d), Pinned(), d);
  CHECK(before.Find("chain")->total->value.lo.ToString() != o.incremental.Find("chain")->total->value.lo.ToString());
}

TEST_CASE("A changed price variant rebuilds every scenario of the model that reads it", "[cost][reevaluate]") {
  Outcome o = Change(Site(), Site("0.34", "7.20", "8.00"), {"pricing/aws.yaml"});
  CHECK_FALSE(o.stats.full);
  CHECK(o.stats.rebuilt == Ids{"gpu"});
  CheckSame(o.incremental, o.full);
  CHECK(o.incremental.Find("gpu", "spot") != nullptr);
}

TEST_CASE("A changed model file rebuilds that model and its readers only", "[cost][reevaluate]") {
  Files after = Site();
  after[2].second = "model: direct\nunit: USD/month\nitems:\n  vm: {quantity: 100 h/month, price: \"@aws/c5\"}\n";
  Outcome o = Change(Site(), after, {"pricing/a_direct.yaml"});
  CHECK_FALSE(o.stats.full);
  CHECK(o.stats.rebuilt == Ids{"direct", "reader", "chain"});
  CheckSame(o.incremental, o.full);
}

TEST_CASE("A changed model that now reads another model is built with it", "[cost][reevaluate]") {
  Files after = Site();
  after[7].second = "model: other\nunit: USD/month\nitems:\n  disk: {formula: 100 GB * @aws/s3}\n"
                    "  vm: {formula: chain.total}\n";
  Outcome o = Change(Site(), after, {"pricing/f_other.yaml"});
  CHECK_FALSE(o.stats.full);
  CHECK(o.stats.rebuilt == Ids{"other"});
  CheckSame(o.incremental, o.full);
}

TEST_CASE("A changed exchange rate, a new price or a new model evaluates everything", "[cost][reevaluate]") {
  SECTION("fx") {
    Outcome o = Change(Site(), Site("0.34", "7.30"), {"pricing/fx.yaml"});
    CHECK(o.stats.full);
    CheckSame(o.incremental, o.full);
  }
  SECTION("a price added") {
    Files after = Site();
    after[0].second += "  - id: gp3\n    unit: USD/GB/month\n    price: 0.08\n";
    Outcome o = Change(Site(), after, {"pricing/aws.yaml"});
    CHECK(o.stats.full);
    CheckSame(o.incremental, o.full);
  }
  SECTION("a model added") {
    Files after = Site();
    after.push_back({"pricing/g_new.yaml", "model: fresh\nunit: USD/month\nitems:\n  x: {formula: direct.total}\n"});
    Outcome o = Change(Site(), after, {"pricing/g_new.yaml"});
    CHECK(o.stats.full);
    CheckSame(o.incremental, o.full);
  }
}

TEST_CASE("A price that moved to another line counts as changed, as its place is shown", "[cost][reevaluate]") {
  Files after = Site();
  after[0].second.insert(after[0].second.find("  - id: p4d"), "    note: {en: On demand}\n");
  Outcome o = Change(Site(), after, {"pricing/aws.yaml"});
  CHECK_FALSE(o.stats.full);
  // c5 has a note; p4d and s3 are a line further down.
  CHECK(o.stats.rebuilt == Ids{"direct", "reader", "chain", "cny", "gpu", "other"});
  CheckSame(o.incremental, o.full);
}

// `sets` as `--set`s.
Options WithSets(const std::vector<std::pair<std::string, std::string>>& sets) {
  Options o = Pinned();
  for (const auto& [target, value] : sets) {
    ParamSet p;
    p.target = Located::OnLine(target, "--set", "", 1);
    p.value = Located::OnLine(value, "--set", "", 1);
    o.sets.push_back(p);
  }
  return o;
}

TEST_CASE("Other parameter sets rebuild the models they name and their readers, and equal a full evaluation",
          "[cost][reevaluate]") {
  Files site = Site();
  site.push_back({"pricing/g_gpu_reader.yaml", "model: gpus\nfigures:\n  twice: {formula: 2 * gpu.total}\n"});
  Diagnostics d0;
  Evaluation previous = Evaluate(Parse(site, d0), Pinned(), d0);
  REQUIRE(d0.Sorted().empty());
  // A reader's value, then another, the same again, then back to the author's.
  using Sets = std::vector<std::pair<std::string, std::string>>;
  Sets last;
  for (const Sets& sets : std::vector<Sets>{{{"gpu.n", "3"}}, {{"gpu.n", "5"}}, {{"gpu.n", "5"}}, {}}) {
    Diagnostics d1, d2;
    ReevaluateStats stats;
    Evaluation incremental = ReevaluateSets(previous, Parse(site, d1), WithSets(sets), d1, &stats);
    Evaluation full = Evaluate(Parse(site, d2), WithSets(sets), d2);
    INFO((sets.empty() ? "the author's values" : sets[0].second));
    CHECK(d1.Sorted().empty());
    CHECK_FALSE(stats.full);
    CHECK(stats.rebuilt == (sets == last ? Ids{} : Ids{"gpu", "gpus"}));
    CheckSame(incremental, full);
    previous = incremental;
    last = sets;
  }
  // The value reached the reader.
  Diagnostics d;
  ReevaluateStats stats;
  Evaluation five = ReevaluateSets(previous, Parse(site, d), WithSets({{"gpu.n", "5"}}), d, &stats);
  CHECK(five.Find("gpus")->Find("twice")->value.lo.ToString() != previous.Find("gpus")->Find("twice")->value.lo.ToString());
}

TEST_CASE("A set naming an unknown parameter is reported by ReevaluateSets as by Evaluate", "[cost][reevaluate]") {
  Diagnostics d0, d1, d2;
  Evaluation previous = Evaluate(Parse(Site(), d0), Pinned(), d0);
  ReevaluateStats stats;
  ReevaluateSets(previous, Parse(Site(), d1), WithSets({{"gpu.m", "3"}}), d1, &stats);
  Evaluate(Parse(Site(), d2), WithSets({{"gpu.m", "3"}}), d2);
  REQUIRE(d1.Sorted().size() == 1);
  CHECK(FormatDiagnostic(d1.Sorted()[0]) == FormatDiagnostic(d2.Sorted()[0]));
}

TEST_CASE("The results of the models not built again are shared with the last evaluation, not copied",
          "[cost][reevaluate]") {
  Diagnostics d0, d1;
  Evaluation previous = Evaluate(Parse(Site(), d0), Pinned(), d0);
  ReevaluateStats stats;
  Evaluation again = Reevaluate(previous, Parse(Site("0.50"), d1), {"pricing/aws.yaml"}, Pinned(), d1, 1, &stats);
  REQUIRE_FALSE(stats.full);
  REQUIRE(again.results().size() == previous.results().size());
  size_t shared = 0;
  for (size_t i = 0; i < again.results().size(); ++i) {
    const ModelResult& r = again.results()[i];
    INFO(r.model << " " << r.scenario);
    // The same object for a kept model; a new one for a rebuilt model.
    CHECK((&r == &previous.results()[i]) == (stats.rebuilt.count(r.model) == 0));
    shared += &r == &previous.results()[i];
    CHECK(again.Find(r.model, r.scenario) == &r);
  }
  CHECK(shared == 4);  // gpu in its base case and two scenarios, and other
  // The list reads like the vector it replaced.
  size_t n = 0;
  for (const ModelResult& r : again.results()) n += !r.model.empty();
  CHECK(n == again.results().size());
  CHECK(&again.results().front() == &again.results()[0]);
  CHECK(std::distance(again.results().begin(), again.results().end()) ==
        static_cast<std::ptrdiff_t>(again.results().size()));
}

}  // namespace
}  // namespace costsite::cost
