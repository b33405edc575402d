#include "render/export.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cost/evaluate.h"
#include "markdown/cost_nodes.h"
#include "pricing/pricing.h"

namespace costsite::render {
namespace {

cost::Evaluation Evaluate(const std::string& model) {
  Diagnostics diags;
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/p.yaml",
                            "provider: cloud\nname: Cloud\ncurrency: USD\nsource: https://example.com\n"
                            "date: 2024-01-01\nprices:\n  - id: vm\n    unit: USD/h\n    price: 0.34\n",
                            &inputs, diags);
  pricing::ParsePricingFile("pricing/m.yaml", model, &inputs, diags);
  cost::Evaluation ev = cost::Evaluate(std::move(inputs), cost::Options{}, diags);
  INFO(diags.ErrorCount());
  REQUIRE_FALSE(diags.HasErrors());
  return ev;
}

TEST_CASE("Model exports are the documented JSON and CSV, whatever the labels hold") {
  cost::Evaluation ev = Evaluate(
      "model: vm\ntitle: {en: \"Say \\\"hi\\\" \\\\ tab\\there\", zh: 虚拟机}\nunit: USD/month\n"
      "scenarios:\n  big: {label: {en: \"Big, bigger\"}, params: {n: 2}}\n"
      "params: {n: 1}\nitems:\n  vm: {label: {en: \"line\\nbreak\"}, quantity: n * 730 h/month, price: \"@cloud/vm\"}\n");
  auto models = ResultsByModel(ev);
  REQUIRE(models.size() == 1);
  REQUIRE(models[0].size() == 2);  // base case and the scenario
  CHECK(models[0].first == 0);
  CHECK(models[0].end == 2);
  std::vector<OutputFile> files = ExportModel(ev, models[0], {"zh", "en"});
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "data/vm.json");
  CHECK(files[1].path == "data/vm.csv");

  // The JSON parses, holds the values, and is laid out as nlohmann lays it
  // out (one tab per level): the format documented in docs/data-export.md.
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(files[0].content);
  CHECK(files[0].content == j.dump(1, '\t') + "\n");
  CHECK(j["schema"] == "costsite.data/1");
  CHECK(j["title"]["en"] == "Say \"hi\" \\ tab\there");
  CHECK(j["results"][0]["scenario"].is_null());
  CHECK(j["results"][1]["scenario"] == "big");
  CHECK(j["results"][1]["label"]["en"] == "Big, bigger");
  const auto& item = j["results"][0]["figures"][1];
  CHECK(item["kind"] == "item");
  CHECK(item["label"]["en"] == "line\nbreak");
  CHECK(item["lo"] == "248.2");
  CHECK(item["quantity"]["lo"] == "730");
  CHECK(item["unit_price"]["price"] == "cloud/vm");
  CHECK(j["results"][1]["figures"][1]["lo"] == "496.4");

  CHECK(files[1].content.rfind("scenario,kind,id,group,unit,currency,lo,hi,label_zh,label_en\r\n", 0) == 0);
  INFO(files[1].content);
  // A label a language lacks falls back to another; quotes are doubled.
  CHECK(files[1].content.find(",item,vm,,USD/month,USD,248.2,248.2,\"line\nbreak\",\"line\nbreak\"\r\n") !=
        std::string::npos);
  CHECK(files[1].content.find(",total,total,,USD/month,USD,248.2,248.2,虚拟机,\"Say \"\"hi\"\" \\ tab\there\"\r\n") !=
        std::string::npos);
}


TEST_CASE("CSV cells that a spreadsheet would run as a formula are text, and numbers keep their sign") {
  cost::Evaluation ev = Evaluate(
      "model: vm\ntitle: {en: VM}\nunit: USD/month\n"
      "params:\n"
      "  link: {value: 1, label: {en: '=HYPERLINK(\"http://x\",\"y\")', zh: '@SUM(A1)'}}\n"
      "  plus: {value: 2, label: {en: '+1+1', zh: \"\\tx\"}}\n"
      "  minus: {value: -12.5, label: {en: '-2+3', zh: '-'}}\n"
      "  fine: {value: 3, label: {en: 'a=b', zh: '1'}}\n"
      "items:\n  vm: {quantity: 730 h/month, price: \"@cloud/vm\"}\n");
  std::vector<OutputFile> files = ExportModel(ev, ResultsByModel(ev)[0], {"zh", "en"});
  const std::string& csv = files[1].content;
  INFO(csv);
  CHECK(csv.find(",param,link,,,,1,1,'@SUM(A1),\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n") !=
        std::string::npos);
  CHECK(csv.find(",param,plus,,,,2,2,'\tx,'+1+1\r\n") != std::string::npos);
  CHECK(csv.find(",param,minus,,,,-12.5,-12.5,'-,'-2+3\r\n") != std::string::npos);
  CHECK(csv.find(",param,fine,,,,3,3,1,a=b\r\n") != std::string::npos);
  // The JSON holds the labels as written: it is data, not a spreadsheet.
  CHECK(files[0].content.find("\"=HYPERLINK(") != std::string::npos);
}

}  // namespace
}  // namespace costsite::render

namespace costsite::render {
namespace {

TEST_CASE("A page's models are listed in the evaluation's order, whatever the order of its references") {
  // Evaluated on two threads, the results are allocated in whatever order
  // the threads finish them: the list must not follow their addresses.
  Diagnostics diags;
  cost::Inputs inputs;
  for (int i = 0; i < 40; ++i) {
    std::string id = "m" + std::to_string(i);
    pricing::ParsePricingFile("pricing/" + id + ".yaml",
                              "model: " + id + "\ntitle: {en: " + id + "}\nunit: USD/month\nitems:\n  a: {label: {en: A}, "
                              "formula: " + std::to_string(i + 1) + " USD/month}\n",
                              &inputs, diags);
  }
  cost::Evaluation ev = cost::Evaluate(std::move(inputs), cost::Options{}, diags, 2);
  INFO(diags.ErrorCount());
  REQUIRE_FALSE(diags.HasErrors());
  REQUIRE(ev.results().size() == 40);

  std::vector<markdown::CostRef> refs;
  for (int i = 39; i >= 0; --i) refs.push_back({"input", "m" + std::to_string(i), {}});
  refs.push_back({"table", "model=m7 scenario=x", {}});
  refs.push_back({"input", "nothing", {}});
  std::vector<std::string> expected;
  for (const cost::ModelResult& r : ev.results()) expected.push_back(r.model);
  CHECK(ModelsOfRefs(refs, ev) == expected);
  CHECK(ev.PlaceOf("nothing") == 40);
  CHECK(ev.results()[ev.PlaceOf("m7")].model == "m7");
}

}  // namespace
}  // namespace costsite::render
