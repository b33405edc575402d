// ReadPricingChanged: reading only the pricing files serve's watcher names,
// the others' inputs taken from the parse cache, gives what reading the whole
// folder gives; and it declines (reads nothing) when the names cannot tell.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cost/inputs_json.h"
#include "pricing/pricing.h"
#include "tests/test_util.h"

namespace costsite::pricing {
namespace {

namespace fs = std::filesystem;

struct Site {
  TempDir tmp;
  fs::path dir = tmp.path() / "pricing";
  ParseCache cache;

  Site() {
    WriteAll(dir / "cloud.yaml",
             "provider: cloud\nname: Cloud\ncurrency: USD\nsource: https://example.com\ndate: 2024-01-01\n"
             "prices:\n  - id: a\n    unit: USD/h\n    price: 0.5\n");
    // "a-b.yaml" sorts after "a/b.yaml" by path components, before it as text.
    WriteAll(dir / "a-b.yaml", "model: dash\nunit: USD/month\nitems:\n  vm: {quantity: 100 h/month, price: \"@cloud/a\"}\n");
    WriteAll(dir / "a/b.yaml", "model: nested\nunit: USD/month\nitems:\n  x: {formula: 2 * dash.total}\n");
    WriteAll(dir / "z.yaml", "model: last\nunit: USD/month\nitems:\n  vm: {quantity: 1 h/month, price: \"@cloud/a\"}\n");
    Diagnostics diags;
    ReadPricing(dir, diags, 1, &cache);
    REQUIRE(diags.Sorted().empty());
  }
  // The inputs as JSON, and every diagnostic, from reading the whole folder afresh.
  std::string Fresh(std::string* errors) {
    Diagnostics diags;
    cost::Inputs in = ReadPricing(dir, diags, 1);
    for (const Diagnostic& d : diags.Sorted()) *errors += FormatDiagnostic(d);
    return cost::InputsToJson(in, {});
  }
};

TEST_CASE("Reading only the named pricing files gives what reading the folder gives", "[pricing]") {
  Site site;
  WriteAll(site.dir / "a-b.yaml", "model: dash\nunit: USD/month\nitems:\n  vm: {quantity: 300 h/month, price: \"@cloud/a\"}\n");
  Diagnostics diags;
  cost::Inputs in;
  REQUIRE(ReadPricingChanged(site.dir, {"pricing/a-b.yaml"}, diags, 2, &site.cache, &in));
  CHECK(site.cache.parsed == 1);
  CHECK(site.cache.changed == std::set<std::string>{"pricing/a-b.yaml"});
  std::string errors;
  CHECK(cost::InputsToJson(in, {}) == site.Fresh(&errors));
  CHECK(errors.empty());
  CHECK(diags.Sorted().empty());
  REQUIRE(in.models.size() == 3);
  CHECK(in.models[0].id == "nested");  // pricing/a/b.yaml first, as ReadPricing orders them
  CHECK(in.models[1].id == "dash");
  CHECK(in.models[1].where.pos().path == "pricing/a-b.yaml");

  SECTION("a named file whose text did not change is not parsed again") {
    cost::Inputs again;
    REQUIRE(ReadPricingChanged(site.dir, {"pricing/z.yaml"}, diags, 1, &site.cache, &again));
    CHECK(site.cache.parsed == 0);
    CHECK(site.cache.changed.empty());
    CHECK(cost::InputsToJson(again, {}) == cost::InputsToJson(in, {}));
  }
  SECTION("a file's error is reported again while the file stays as it is") {
    WriteAll(site.dir / "z.yaml", "model: last\nunit: USD/month\nitems:\n  vm: {quantity: 1 h/month, price: \"@cloud/a\"\n");
    Diagnostics first, second;
    cost::Inputs a, b;
    REQUIRE(ReadPricingChanged(site.dir, {"pricing/z.yaml"}, first, 1, &site.cache, &a));
    REQUIRE(first.HasErrors());
    REQUIRE(ReadPricingChanged(site.dir, {"pricing/cloud.yaml"}, second, 1, &site.cache, &b));
    std::string fresh_errors, again_errors;
    CHECK(cost::InputsToJson(b, {}) == site.Fresh(&fresh_errors));
    for (const Diagnostic& d : second.Sorted()) again_errors += FormatDiagnostic(d);
    CHECK(again_errors == fresh_errors);
    CHECK_FALSE(again_errors.empty());
  }
}

TEST_CASE("With the inputs joined ahead, the named files' new entries are put in place, as a fresh read gives them", "[pricing]") {
  Site site;
  PrepareJoined(&site.cache, 2);
  REQUIRE(site.cache.joined);
  // A price changed (as many entries of each kind), then a model's file made
  // a price list (other kinds: the join is not used), then a price again.
  const char* versions[][2] = {
      {"cloud.yaml", "provider: cloud\nname: Cloud\ncurrency: USD\nsource: https://example.com\ndate: 2024-01-01\n"
                     "prices:\n  - id: a\n    unit: USD/h\n    price: 0.75\n"},
      {"z.yaml", "provider: other\nname: Other\ncurrency: USD\nsource: https://example.com\ndate: 2024-01-01\n"
                 "prices:\n  - id: b\n    unit: USD/h\n    price: 2\n"},
      {"a-b.yaml", "model: dash\nunit: USD/month\nitems:\n  vm: {quantity: 7 h/month, price: \"@cloud/a\"}\n"},
  };
  for (const auto& [file, text] : versions) {
    INFO(file);
    WriteAll(site.dir / file, text);
    Diagnostics diags;
    cost::Inputs in;
    REQUIRE(ReadPricingChanged(site.dir, {std::string("pricing/") + file}, diags, 2, &site.cache, &in));
    CHECK_FALSE(site.cache.joined);  // used up, or dropped: the cache changed
    std::string errors;
    CHECK(cost::InputsToJson(in, {}) == site.Fresh(&errors));
    CHECK(diags.Sorted().empty());
    PrepareJoined(&site.cache, 1);
  }
  // A full read drops the join, which stood for the files before it.
  Diagnostics diags;
  ReadPricing(site.dir, diags, 1, &site.cache);
  CHECK_FALSE(site.cache.joined);
}

TEST_CASE("Reading only the named pricing files declines when a file came, went, or a folder is named", "[pricing]") {
  Site site;
  Diagnostics diags;
  cost::Inputs in;
  SECTION("a new file") {
    WriteAll(site.dir / "new.yaml", "model: fresh\nunit: USD/month\nitems:\n  x: {formula: 1 USD/month}\n");
    CHECK_FALSE(ReadPricingChanged(site.dir, {"pricing/new.yaml"}, diags, 1, &site.cache, &in));
  }
  SECTION("a removed file") {
    fs::remove(site.dir / "z.yaml");
    CHECK_FALSE(ReadPricingChanged(site.dir, {"pricing/z.yaml"}, diags, 1, &site.cache, &in));
  }
  SECTION("a folder") {
    CHECK_FALSE(ReadPricingChanged(site.dir, {"pricing/a/"}, diags, 1, &site.cache, &in));
  }
  SECTION("a cache that never read the folder") {
    ParseCache empty;
    CHECK_FALSE(ReadPricingChanged(site.dir, {"pricing/z.yaml"}, diags, 1, &empty, &in));
  }
  CHECK(in.models.empty());
  CHECK(diags.Sorted().empty());
}

}  // namespace
}  // namespace costsite::pricing
