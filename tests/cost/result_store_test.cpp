// Results held in a temporary file (Options::spill_results) read back as they
// were: every field, every digit, every range's sources of uncertainty.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cost/affine.h"
#include "cost/result_store.h"
#include "tests/cost/evaluate_fixture.h"
#include "tests/test_util.h"

namespace costsite::cost {
namespace {

namespace fs = std::filesystem;

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST_CASE("A decimal written in its exact form reads back equal to the last digit boost keeps") {
  std::vector<Decimal> values = {D("0"), D("1"), D("-1"), D("0.5"), D("-0.023"), D("248.2"), D("1e-30"),
                                 D("123456789012345678901234567890.5"), D("1e40"), D("-7665")};
  values.push_back(Decimal(1) / Decimal(730));  // 50 digits and more, none of them printed
  values.push_back(Decimal(-2) / Decimal(3));
  values.push_back(D("1e300") * D("1e300") * D("1e300") * D("1e300"));  // past boost's range: not finite
  std::string bytes;
  for (const Decimal& d : values) d.AppendExact(&bytes);
  size_t at = 0;
  for (const Decimal& d : values) {
    Decimal back;
    REQUIRE(Decimal::ReadExact(bytes, &at, &back));
    INFO(d.ToString());
    CHECK(back.IsFinite() == d.IsFinite());
    if (d.IsFinite()) CHECK(back == d);
  }
  CHECK(at == bytes.size());
  Decimal none;
  size_t end = bytes.size();
  CHECK_FALSE(Decimal::ReadExact(bytes, &end, &none));  // nothing left
  std::string long_one;
  (Decimal(1) / Decimal(730)).AppendExact(&long_one);
  size_t cut = 0;
  CHECK_FALSE(Decimal::ReadExact(std::string_view(long_one).substr(0, long_one.size() / 2), &cut, &none));
}

// The figures of `r` with their affine forms, as "id: centre; symbol coef…; error".
std::vector<std::string> Forms(const ModelResult& r) {
  std::vector<std::string> out;
  for (const Figure* f : r.AllFigures()) {
    std::string line = f->id + ":";
    if (const auto& form = f->value.form) {
      line += " " + form->centre.ToString() + ";";
      for (const AffineTerm& t : form->terms) line += " " + t.symbol->name + " " + t.coef.ToString();
      line += "; " + form->error.ToString();
    }
    out.push_back(line);
  }
  return out;
}

void CheckRoundTrip(const Evaluation& ev) {
  ResultStore store;
  for (const ModelResult& r : ev.results()) {
    INFO(r.model + " [" + r.scenario + "]");
    const std::string bytes = store.Encode(r);
    const ModelResult back = store.Decode(bytes);
    CHECK(Fingerprint(back) == Fingerprint(r));
    CHECK(Forms(back) == Forms(r));
    CHECK(store.Encode(back) == bytes);  // every field the writer wrote, the reader read
  }
}

TEST_CASE("Every result of the example site and the test sites reads back from its bytes as it was") {
  std::vector<fs::path> dirs = {fs::path(COSTSITE_SOURCE_DIR) / "pricing"};
  for (const char* parent : {"tests/fixtures/sites", "tests/fixtures/pricing"})
    for (const auto& site : fs::directory_iterator(fs::path(COSTSITE_SOURCE_DIR) / parent))
      if (fs::is_directory(site.path() / "pricing")) dirs.push_back(site.path() / "pricing");
  size_t results = 0;
  for (const fs::path& dir : dirs) {
    INFO(dir.string());
    Diagnostics diags;
    Evaluation ev = pricing::LoadPricing(dir, {}, diags);
    results += ev.results().size();
    CheckRoundTrip(ev);
  }
  CHECK(results > 20);
}

constexpr const char* kRag = R"y(model: rag
title: {en: RAG, zh: 检索增强}
unit: USD/month
params:
  hours: {value: 730 h/month, input: {min: 100 h/month, max: 744 h/month}}
groups:
  compute: {zh: 计算, en: Compute}
items:
  gpu: {group: compute, quantity: hours, price: "@vec/gpu"}
  db: {formula: "@vec/db"}
figures:
  saving: {formula: "total - rag[spot].total", unit: USD/month}
  ratio: {formula: "rag[spot].total / total"}
scenarios:
  spot: {label: {en: Spot}, variant: spot}
rules:
  cheap:
    when: share(gpu) > 50%
    condition: {en: GPU cost is more than half}
    label: {en: Cheap}
expectations:
  - {figure: gpu, stated: 1095 USD/month, source: {en: the quote}}
)y";

TEST_CASE("Ranges with their scenarios rules and expectations read back with their sources of uncertainty") {
  auto run = Eval({{"pricing/vec.yaml", kVec}, {"pricing/rag.yaml", kRag}});
  INFO(run->Errors());
  REQUIRE_FALSE(run->diags.HasErrors());
  const ModelResult* rag = run->ev.Find("rag");
  REQUIRE(rag);
  REQUIRE(rag->total);
  CHECK(rag->total->value.form);  // the price range is a named source
  CHECK_FALSE(rag->rules.empty());
  CHECK_FALSE(rag->expectations.empty());
  CheckRoundTrip(run->ev);
}

constexpr const char* kOther = R"y(model: store
unit: USD/month
params:
  tb: {value: 3, label: {en: Terabytes, zh: 太字节}}
items:
  disk: {quantity: tb * 1000 GB, price: "@aws/s3.standard"}
)y";

TEST_CASE("An evaluation that holds its results in a file shows what one in memory shows") {
  Options spill;
  spill.spill_results = true;
  std::vector<std::pair<std::string, std::string>> files = {
      {"pricing/vec.yaml", kVec}, {"pricing/rag.yaml", kRag}, {"pricing/store.yaml", kOther}};
  auto held = Eval(files);
  auto spilled = Eval(files, spill);
  INFO(held->Errors());
  REQUIRE_FALSE(held->diags.HasErrors());
  CHECK(spilled->Errors() == held->Errors());
  const ResultList& a = held->ev.results();
  const ResultList& b = spilled->ev.results();
  REQUIRE(a.size() == b.size());
  REQUIRE(a.size() == 3);  // rag, rag [spot], store: two groups, so the file is used

  // Outside a scope: by iteration, one at a time, and by place.
  size_t i = 0;
  for (const ModelResult& r : b) {
    CHECK(b.model(i) == r.model);
    CHECK(b.scenario(i) == r.scenario);
    // What the checks read without the result: kept beside the place in the file.
    CHECK(std::vector<std::string>(b.uses(i).begin(), b.uses(i).end()) ==
          std::vector<std::string>(a.uses(i).begin(), a.uses(i).end()));
    CHECK(b.expectations(i).size() == a.expectations(i).size());
    CHECK(Fingerprint(r) == Fingerprint(a[i]));
    CHECK(Forms(r) == Forms(a[i]));
    ++i;
  }
  CHECK(Fingerprint(*b.shared(2)) == Fingerprint(a[2]));
  CHECK(b.scenario(0).empty());
  CHECK(b.scenario(1) == "spot");

  // Found by model and scenario, the results not read.
  for (const Evaluation* ev : {&held->ev, &spilled->ev}) {
    CHECK(ev->PlaceOf("rag") == 0);
    CHECK(ev->PlaceOf("rag", "spot") == 1);
    CHECK(ev->PlaceOf("store") == 2);
    CHECK(ev->PlaceOf("rag", "nope") == 3);
    CHECK(ev->PlaceOf("ra") == 3);
    CHECK(ev->PlaceOf("zzz") == 3);
    CHECK(ev->PlaceOf("") == 3);
    CHECK(ev->Find("store", "spot") == nullptr);
  }

  // In a scope, each result is read once and stays where it was read.
  ResultScope scope;
  const ModelResult* rag = spilled->ev.Find("rag");
  const ModelResult* spot = spilled->ev.Find("rag", "spot");
  const ModelResult* store = spilled->ev.Find("store");
  REQUIRE(rag);
  REQUIRE(spot);
  REQUIRE(store);
  CHECK(spilled->ev.Find("rag") == rag);
  CHECK(&b[0] == rag);
  CHECK(rag->total->value.lo == held->ev.Find("rag")->total->value.lo);
  CHECK(spilled->Show("rag", "saving") == held->Show("rag", "saving"));
  CHECK(spilled->Show("store", "disk") == held->Show("store", "disk"));
  CHECK(Fingerprint(*spot) == Fingerprint(*held->ev.Find("rag", "spot")));
  CHECK(Fingerprint(*store) == Fingerprint(*held->ev.Find("store")));
}

TEST_CASE("A result held in a file keeps beside its place the models it reads and its expectations") {
  Options spill;
  spill.spill_results = true;
  std::vector<std::pair<std::string, std::string>> files = {
      {"pricing/a.yaml", "model: a\nunit: USD/month\nitems:\n  x: {formula: 900 USD/month}\n"},
      {"pricing/b.yaml", "model: b\nunit: USD/month\nitems:\n  y: {formula: a.total * 2}\n"
                         "expectations:\n  - {figure: total, stated: 1800 USD/month}\n"
                         "  - {figure: total, stated: 1000 USD/month, tolerance: 1%}\n"},
      {"pricing/c.yaml", "model: c\nunit: USD/month\nitems:\n  z: {formula: 1 USD/month}\n"}};
  auto held = Eval(files);
  auto spilled = Eval(files, spill);
  INFO(held->Errors());
  REQUIRE_FALSE(held->diags.HasErrors());
  CHECK(spilled->Errors() == held->Errors());
  for (const Run* run : {held.get(), spilled.get()}) {
    const ResultList& r = run->ev.results();
    REQUIRE(r.size() == 3);
    CHECK(r.model(0) == "a");
    CHECK(r.uses(0).empty());
    CHECK(r.expectations(0).empty());
    CHECK(r.model(1) == "b");
    REQUIRE(r.uses(1).size() == 1);
    CHECK(r.uses(1)[0] == "a");
    REQUIRE(r.expectations(1).size() == 2);
    CHECK(r.expectations(1)[0].ok);
    CHECK_FALSE(r.expectations(1)[1].ok);
    CHECK(r.scenario(1).empty());
    CHECK(r.uses(2).empty());
    CHECK(run->ev.PlaceOf("b") == 1);
    CHECK(run->ev.PlaceOf("c") == 2);
  }
}

}  // namespace
}  // namespace costsite::cost
