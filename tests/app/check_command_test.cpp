// `costsite check` end to end: links to missing anchors and models no page
// shows are warnings, --strict makes them errors, --format json lists them.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

void WriteSite(const fs::path& root) {
  WriteAll(root / "site.yaml", "title: {zh: 站点, en: Site}\nlanguages: [zh, en]\n");
  WriteAll(root / "pricing/cloud.yaml",
           "provider: cloud\nname: Cloud\ncurrency: USD\nsource: https://example.com\ndate: 2024-01-01\n"
           "prices:\n  - id: vm\n    unit: USD/h\n    price: 0.34\n");
  WriteAll(root / "pricing/vm.yaml",
           "model: vm\nunit: USD/month\nitems:\n  vm: {label: {zh: 虚拟机, en: VM}, quantity: 730 h/month, price: \"@cloud/vm\"}\n");
  WriteAll(root / "pricing/spare.yaml", "model: spare\nparams: {x: 1}\n");
  WriteAll(root / "content/a.zh.md", "---\ntitle: 甲\n---\n## 成本\n\n总计 `=vm.total`，见[乙](b.md#价格)。\n");
  WriteAll(root / "content/a.en.md",
           "---\ntitle: A\n---\n## Costs\n\nTotal `=vm.total`; see [B](b.md#prices) and [here](#costs).\n\n"
           "[Nowhere](#nowhere)\n");
  WriteAll(root / "content/b.zh.md", "---\ntitle: 乙\n---\n## 价格\n");
  WriteAll(root / "content/b.en.md", "---\ntitle: B\n---\n## Pricing\n");
}

// The anchor warnings WriteSite's pages give, as check and build print them.
void CheckAnchorWarnings(const std::string& output) {
  CHECK(output.find("content/a.en.md:6:24: warning: link to 'b.md#prices': page b has no heading or element "
                    "with id 'prices'\n") != std::string::npos);
  CHECK(output.find("content/a.en.md:8:1: warning: link to '#nowhere': this page has no heading or element "
                    "with id 'nowhere'\n") != std::string::npos);
  CHECK(output.find("link to '#costs'") == std::string::npos);   // the heading exists
  CHECK(output.find("link to 'b.md#价格'") == std::string::npos);  // so does the Chinese one
}

TEST_CASE("check reports broken anchors and unused models, and --strict fails on them") {
  TempDir tmp;
  WriteSite(tmp.path());
  std::string src = "--source " + tmp.path().string();
  CliResult r = Costsite("check " + src);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CheckAnchorWarnings(r.output);
  CHECK(r.output.find("pricing/spare.yaml:1:8: warning: model 'spare' is not used") != std::string::npos);
  CHECK(r.output.find("3 warnings") != std::string::npos);

  CliResult strict = Costsite("check --strict " + src);
  CHECK(strict.exit_code == 1);
  CHECK(strict.output.find("error: link to 'b.md#prices'") != std::string::npos);

  CliResult json = Costsite("check --format json " + src);
  CHECK(json.exit_code == 0);
  CHECK(json.output.find("\"code\": \"broken-anchor\"") != std::string::npos);
  CHECK(json.output.find("\"code\": \"unused-model\"") != std::string::npos);
}

// A build keeps the ids only of pages that link within themselves (a); a page
// only linked to (b) is read back from the file written, once the pages are out.
TEST_CASE("build warns at the same broken anchors as check, reading a linked page back") {
  TempDir tmp;
  WriteSite(tmp.path());
  // c links into b as well, to a heading b has: b is read back once, and no warning.
  WriteAll(tmp.path() / "content/c.en.md", "---\ntitle: C\n---\nSee [B's pricing](b.md#pricing).\n");
  std::string src = "--source " + tmp.path().string() + " --out " + (tmp.path() / "out").string();
  CliResult r = Costsite("build " + src);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CheckAnchorWarnings(r.output);
  CHECK(r.output.find("link to 'b.md#pricing'") == std::string::npos);
  size_t broken = 0;
  for (size_t at = r.output.find("has no heading or element"); at != std::string::npos;
       at = r.output.find("has no heading or element", at + 1))
    ++broken;
  CHECK(broken == 2);
  CHECK(fs::exists(tmp.path() / "out/en/b/index.html"));

  // After a --strict failure the site written before stays.
  CliResult strict = Costsite("build --strict " + src);
  CHECK(strict.exit_code == 1);
  CHECK(strict.output.find("error: link to 'b.md#prices'") != std::string::npos);
  CHECK(fs::exists(tmp.path() / "out/en/b/index.html"));
}

TEST_CASE("check warns where a reader would see an id, and --strict fails on it") {
  TempDir tmp;
  const fs::path root = tmp.path();
  WriteAll(root / "site.yaml", "title: {zh: 站点, en: Site}\nlanguages: [zh, en]\n");
  WriteAll(root / "pricing/cloud.yaml",
           "provider: cloud\nname: Cloud\ncurrency: USD\nsource: https://example.com\ndate: 2024-01-01\n"
           "variant_labels: {flex: {en: Flex}}\n"
           "prices:\n  - id: vm\n    unit: USD/h\n    price: 0.34\n    variants: {spot: 0.1, flex: 0.2, odd: 0.3}\n");
  WriteAll(root / "pricing/vm.yaml",
           "model: vm\nunit: USD/month\nparams:\n  hours: {value: 730 h/month, label: {en: Hours}}\n"
           "items:\n  vm: {label: {zh: 虚拟机, en: VM}, quantity: hours, price: \"@cloud/vm\"}\n"
           "rules:\n  big:\n    when: total > 100 USD/month\n    label: {zh: 大, en: Big}\n");
  WriteAll(root / "content/a.zh.md", "---\ntitle: 甲\n---\n总计 `=vm.total`。\n");
  WriteAll(root / "content/a.en.md", "---\ntitle: A\n---\nTotal `=vm.total`.\n");
  std::string src = "--source " + root.string();
  CliResult r = Costsite("check " + src);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("pricing/cloud.yaml:8:9: warning: price variant 'flex' of cloud has no label in zh: readers "
                      "would see the id (add it to the price list's `variant_labels:`)\n"
                      " 8 |   - id: vm\n"
                      "   |         ^~\n") != std::string::npos);
  CHECK(r.output.find("price variant 'odd' of cloud has no label in zh, en") != std::string::npos);
  CHECK(r.output.find("variant 'spot'") == std::string::npos);  // a built-in name
  CHECK(r.output.find("pricing/vm.yaml:4:18: warning: param 'hours' of model 'vm' has no label in zh: readers "
                      "would see the id\n"
                      " 4 |   hours: {value: 730 h/month, label: {en: Hours}}\n"
                      "   |                  ^\n") != std::string::npos);
  CHECK(r.output.find("item 'vm'") == std::string::npos);
  CHECK(r.output.find("pricing/vm.yaml:9:11: warning: rule 'big' of model 'vm' has no `condition:` sentence in "
                      "zh, en: readers would not be told when it applies\n"
                      " 9 |     when: total > 100 USD/month\n"
                      "   |           ^~~~~~~~~~~~~~~~~~~~~\n") != std::string::npos);
  CHECK(r.output.find("4 warnings") != std::string::npos);

  CliResult strict = Costsite("check --strict " + src);
  CHECK(strict.exit_code == 1);
  CHECK(strict.output.find("error: rule 'big' of model 'vm' has no `condition:` sentence") != std::string::npos);
}

}  // namespace
}  // namespace costsite
