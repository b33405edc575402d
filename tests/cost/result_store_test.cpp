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
    CHECK(Fingerprint(r) == Fingerprint(a[i]));
    CHECK(Forms(r) == Forms(a[i]));
    ++i;
  }
  CHECK(Fingerprint(*b.shared(2)) == Fingerprint(a[2]));

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

}  // namespace
}  // namespace costsite::cost
