#include <catch2/catch.hpp>

#include "imports/imports.h"
#include "tests/test_util.h"

namespace costsite {
namespace {

// A provider as the genai-prices data gives it: a tiered model with cache
// prices, a dated price change, a time-of-day price and a key costsite lacks.
constexpr const char* kCatalog = R"([
  {"id": "anthropic", "name": "Anthropic", "pricing_urls": ["https://www.anthropic.com/pricing#api"],
   "models": [
    {"id": "claude-sonnet-4-5", "match": {"equals": "claude-sonnet-4-5"},
     "prices": {"input_mtok": {"base": 3, "tiers": [{"start": 200000, "price": 6}]},
                "cache_read_mtok": {"base": 0.3, "tiers": [{"start": 200000, "price": 0.6}]},
                "output_mtok": 15, "input_document_kpages": 1.5}},
    {"id": "Meta-Llama/Llama-3-70B:free", "match": {"equals": "x"},
     "prices": [{"prices": {"input_mtok": 0.5, "output_mtok": 1}},
                {"constraint": {"start_date": "2026-03-13", "type": "start_date"},
                 "prices": {"input_mtok": 0.4, "output_mtok": 1}}]}]},
  {"id": "deepseek", "name": "DeepSeek", "models": [
    {"id": "deepseek-chat", "match": {"equals": "deepseek-chat"},
     "prices": [{"prices": {"input_mtok": 0.135, "cache_read_mtok": 0.035, "output_mtok": 0.55}},
                {"constraint": {"start_time": "00:30:00Z", "end_time": "16:30:00Z", "type": "time_of_date"},
                 "prices": {"input_mtok": 0.27, "cache_read_mtok": 0.07, "output_mtok": 1.1}}]}]}
])";

const cost::PriceEntry* EntryOf(const cost::PriceList& list, const std::string& id) {
  for (const auto& e : list.entries)
    if (e.id == id) return &e;
  return nullptr;
}

TEST_CASE("genai-prices tiers and cache prices become tiers and a share of on-demand", "[imports][genai]") {
  Diagnostics diags;
  auto lists = imports::ParseGenaiPrices("data.json", kCatalog, "2026-12-04", diags);
  REQUIRE(lists.size() == 2);
  const cost::PriceList& a = lists[0];
  CHECK(a.provider == "anthropic");
  CHECK(a.source == "https://www.anthropic.com/pricing#api");
  CHECK(a.date == "2026-12-04");
  const cost::PriceEntry* in = EntryOf(a, "claude-sonnet-4-5.input");
  REQUIRE(in);
  CHECK(in->original.text == "claude-sonnet-4-5");
  CHECK(in->unit.text == "USD/1M tokens");
  REQUIRE(in->current.tiers);
  CHECK(in->current.tiers->basis.text == "whole");
  REQUIRE(in->current.tiers->steps.size() == 2);
  // `start` is exclusive: more than 200,000 tokens, 200000.5 too, is `above: 200000`.
  CHECK(in->current.tiers->steps[1].from.text == "200000");
  CHECK(in->current.tiers->steps[1].above);
  CHECK_FALSE(in->current.tiers->steps[0].above);
  CHECK(in->current.tiers->steps[1].price.text == "6");
  REQUIRE(in->current.variants.size() == 1);
  CHECK(in->current.variants[0].first == "cached");
  CHECK(in->current.variants[0].second.text == "10% of on_demand");
  const cost::PriceEntry* out = EntryOf(a, "claude-sonnet-4-5.output");
  REQUIRE(out);
  CHECK(out->current.price.text == "15");
  // A price key costsite has no unit for is a warning naming the model.
  std::string all = AllDiagnostics(diags);
  CHECK(all.find("data.json:7:36: warning: model 'anthropic/claude-sonnet-4-5': price 'input_document_kpages' "
                 "has no costsite unit; not imported") != std::string::npos);
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("genai-prices start dates become history and names keep their spelling", "[imports][genai]") {
  Diagnostics diags;
  auto lists = imports::ParseGenaiPrices("data.json", kCatalog, "2026-12-04", diags);
  REQUIRE(lists.size() == 2);
  const cost::PriceEntry* in = EntryOf(lists[0], "meta-llama-llama-3-70b-free.input");
  REQUIRE(in);
  CHECK(in->original.text == "Meta-Llama/Llama-3-70B:free");
  CHECK(in->current.price.text == "0.4");
  CHECK(in->current.date == "2026-03-13");
  REQUIRE(in->history.size() == 1);
  CHECK(in->history[0].price.text == "0.5");
  CHECK(in->history[0].date.empty());  // in force always before
  CHECK(in->history[0].checked == "2026-12-04");
}

TEST_CASE("genai-prices time of day becomes variants with hours", "[imports][genai]") {
  Diagnostics diags;
  auto lists = imports::ParseGenaiPrices("data.json", kCatalog, "2026-12-04", diags);
  REQUIRE(lists.size() == 2);
  const cost::PriceEntry* in = EntryOf(lists[1], "deepseek-chat.input");
  REQUIRE(in);
  CHECK(in->current.price.text == "0.135");
  REQUIRE(in->current.variants.size() == 3);
  CHECK(in->current.variants[0] .first == "cached");
  CHECK(in->current.variants[1].first == "h0030_1630");
  CHECK(in->current.variants[1].second.text == "0.27");
  CHECK(in->current.variants[2].first == "cached_h0030_1630");
  CHECK(in->current.variants[2].second.text == "0.07");
  REQUIRE(in->current.hours.size() == 2);
  CHECK(in->current.hours[0].second.text == "00:30-16:30");
}

// Models whose price sets the catalog chooses in ways a reading in order
// would not: the last set whose constraint holds wins.
constexpr const char* kOrdered = R"([
  {"id": "tc", "name": "TC", "models": [
    {"id": "late-always", "prices": [
      {"constraint": {"type": "start_date", "start_date": "2025-06-01"}, "prices": {"input_mtok": 2}},
      {"prices": {"input_mtok": 8}}]},
    {"id": "out-of-order", "prices": [
      {"prices": {"input_mtok": 1}},
      {"constraint": {"type": "start_date", "start_date": "2025-09-01"}, "prices": {"input_mtok": 3}},
      {"constraint": {"type": "start_date", "start_date": "2025-03-01"}, "prices": {"input_mtok": 2}}]},
    {"id": "cache-dropped", "prices": [
      {"prices": {"input_mtok": 1, "cache_read_mtok": 0.1}},
      {"constraint": {"type": "start_date", "start_date": "2025-06-01"}, "prices": {"input_mtok": 2}}]},
    {"id": "window-twice", "prices": [
      {"prices": {"input_mtok": 1}},
      {"constraint": {"type": "time_of_date", "start_time": "00:00:00Z", "end_time": "06:00:00Z"}, "prices": {"input_mtok": 0.5}},
      {"constraint": {"type": "time_of_date", "start_time": "08:00:00+08:00", "end_time": "14:00:00+08:00"}, "prices": {"input_mtok": 0.25}}]},
    {"id": "third", "prices": {
      "input_mtok": {"base": 0.0375, "tiers": [{"start": 128000, "price": 0.075}]},
      "cache_read_mtok": {"base": 0.01, "tiers": [{"start": 128000, "price": 0.02}]}}}]}
])";

TEST_CASE("genai-prices sets are in force as the catalog chooses them: the last whose constraint holds", "[imports][genai]") {
  Diagnostics diags;
  auto lists = imports::ParseGenaiPrices("data.json", kOrdered, "2026-12-04", diags);
  REQUIRE(lists.size() == 1);
  const std::string all = AllDiagnostics(diags);
  INFO(all);
  // A set without a constraint listed last is chosen on every day: 8 always, the 2 never.
  const cost::PriceEntry* late = EntryOf(lists[0], "late-always.input");
  REQUIRE(late);
  CHECK(late->current.price.text == "8");
  CHECK(late->current.date.empty());
  CHECK(late->history.empty());
  CHECK(all.find("model 'tc/late-always': the prices from 2025-06-01 are never in force") != std::string::npos);
  // From 2025-03-01 the last set holds on every day, so the 2025-09-01 set is never chosen.
  const cost::PriceEntry* ooo = EntryOf(lists[0], "out-of-order.input");
  REQUIRE(ooo);
  CHECK(ooo->current.price.text == "2");
  CHECK(ooo->current.date == "2025-03-01");
  REQUIRE(ooo->history.size() == 1);
  CHECK(ooo->history[0].price.text == "1");
  CHECK(all.find("model 'tc/out-of-order': the prices from 2025-09-01 are never in force") != std::string::npos);
  // A cache price the later set does not give is dropped from its day.
  const cost::PriceEntry* dropped = EntryOf(lists[0], "cache-dropped.input");
  REQUIRE(dropped);
  CHECK(dropped->current.price.text == "2");
  CHECK(dropped->current.variants.empty());
  CHECK(dropped->current.inherit_given);
  CHECK_FALSE(dropped->current.inherit_all);
  CHECK(dropped->current.inherit.empty());
  // One window written twice (UTC and +08:00): the later set, once.
  const cost::PriceEntry* twice = EntryOf(lists[0], "window-twice.input");
  REQUIRE(twice);
  REQUIRE(twice->current.variants.size() == 1);
  CHECK(twice->current.variants[0].first == "h0000_0600");
  CHECK(twice->current.variants[0].second.text == "0.25");
  // A share that is no short decimal: 4/15 of each tier, to the digits the engine carries.
  const cost::PriceEntry* third = EntryOf(lists[0], "third.input");
  REQUIRE(third);
  REQUIRE(third->current.variants.size() == 1);
  CHECK(third->current.variants[0].second.text ==
        "26.666666666666666666666666666666666666666666666667% of on_demand");
  CHECK(all.find("third") == std::string::npos);
}

TEST_CASE("malformed genai-prices JSON is an error at its place", "[imports][genai]") {
  Diagnostics diags;
  auto lists = imports::ParseGenaiPrices("data.json", "[\n  {\"id\": \"x\",, \"models\": []}\n]", "2026-12-04", diags);
  CHECK(lists.empty());
  CHECK(AllDiagnostics(diags) ==
        "data.json:2:14: error: malformed JSON: expected a member name in double quotes\n"
        " 2 |   {\"id\": \"x\",, \"models\": []}\n"
        "   |              ^\n");
}

TEST_CASE("a genai-prices price that is not a number is an error", "[imports][genai]") {
  Diagnostics diags;
  auto lists = imports::ParseGenaiPrices(
      "data.json", "[{\"id\": \"x\", \"models\": [{\"id\": \"m\", \"prices\": {\"input_mtok\": \"1\"}}]}]",
      "2026-12-04", diags);
  CHECK(lists.empty());
  INFO(AllDiagnostics(diags));
  CHECK(AllDiagnostics(diags).find("data.json:1:62: error: model 'm' price is a number or {base, tiers}") !=
        std::string::npos);
}

TEST_CASE("catalog numbers become plain decimals and names ids", "[imports]") {
  CHECK(imports::PlainDecimal("1e-7") == "0.0000001");
  CHECK(imports::PlainDecimal("2.5E2") == "250");
  CHECK(imports::PlainDecimal("0.135") == "0.135");
  CHECK(imports::PlainDecimal("10") == "10");
  CHECK(imports::IdFor("meta-llama/Llama-3-70B:free") == "meta-llama-llama-3-70b-free");
  CHECK(imports::IdFor("gpt-3.5-turbo") == "gpt-3.5-turbo");
  CHECK(imports::IdFor("claude-3-5-sonnet@20240620") == "claude-3-5-sonnet-20240620");
}

}  // namespace
}  // namespace costsite
