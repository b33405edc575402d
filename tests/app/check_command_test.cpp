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
           "model: vm\nunit: USD/month\nitems:\n  vm: {quantity: 730 h/month, price: \"@cloud/vm\"}\n");
  WriteAll(root / "pricing/spare.yaml", "model: spare\nparams: {x: 1}\n");
  WriteAll(root / "content/a.zh.md", "---\ntitle: 甲\n---\n## 成本\n\n总计 `=vm.total`，见[乙](b.md#价格)。\n");
  WriteAll(root / "content/a.en.md",
           "---\ntitle: A\n---\n## Costs\n\nTotal `=vm.total`; see [B](b.md#prices) and [here](#costs).\n\n"
           "[Nowhere](#nowhere)\n");
  WriteAll(root / "content/b.zh.md", "---\ntitle: 乙\n---\n## 价格\n");
  WriteAll(root / "content/b.en.md", "---\ntitle: B\n---\n## Pricing\n");
}

TEST_CASE("check reports broken anchors and unused models, and --strict fails on them") {
  TempDir tmp;
  WriteSite(tmp.path());
  std::string src = "--source " + tmp.path().string();
  CliResult r = Costsite("check " + src);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("content/a.en.md:6:24: warning: link to 'b.md#prices': page b has no heading or element "
                      "with id 'prices'\n") != std::string::npos);
  CHECK(r.output.find("content/a.en.md:8:1: warning: link to '#nowhere': this page has no heading or element "
                      "with id 'nowhere'\n") != std::string::npos);
  CHECK(r.output.find("link to '#costs'") == std::string::npos);   // the heading exists
  CHECK(r.output.find("link to 'b.md#价格'") == std::string::npos);  // so does the Chinese one
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

}  // namespace
}  // namespace costsite
