// UI words end to end: a site overrides one built-in word key by key, and a
// language lacking words shows the default language's and `check` says so.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST_CASE("A site's i18n file overrides one word and keeps the other built-in words") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);
  WriteAll(src / "templates/i18n/en.yaml", "total: Grand total\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("0 warnings") != std::string::npos);
  std::string en = ReadAll(src / "site/en/reports/example/index.html");
  CHECK(en.find("<tfoot><tr class=\"total\"><th scope=\"row\">Grand total</th>") != std::string::npos);
  CHECK(en.find(">Unit price</th>") != std::string::npos);  // not overridden: still built in
  CHECK(en.find(">Skip to content<") != std::string::npos);  // a template word, still built in
  std::string zh = ReadAll(src / "site/zh/reports/example/index.html");
  CHECK(zh.find("<tfoot><tr class=\"total\"><th scope=\"row\">合计</th>") != std::string::npos);
}

TEST_CASE("A word missing in a language falls back to the default language, and check warns once") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);  // default_language: zh
  std::string site = ReadAll(src / "site.yaml");
  site.replace(site.find("languages: [zh, en]"), 19, "languages: [zh, en, ja]");
  WriteAll(src / "site.yaml", site);
  fs::copy_file(src / "content/_index.en.md", src / "content/_index.ja.md");
  fs::copy_file(src / "content/reports/example.en.md", src / "content/reports/example.ja.md");
  WriteAll(src / "templates/i18n/ja.yaml", "total: 合計\n");

  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string ja = ReadAll(src / "site/ja/reports/example/index.html");
  CHECK(ja.find("<tfoot><tr class=\"total\"><th scope=\"row\">合計</th>") != std::string::npos);
  CHECK(ja.find(">单价</th>") != std::string::npos);  // zh, the default, not English
  CHECK(ja.find("Unit price") == std::string::npos);

  CliResult check = Costsite("check --source " + src.string());
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK(Count(check.output, "templates/i18n/ja.yaml: warning: missing UI string 'unit_price' in language "
                            "'ja' (the default language 'zh' word is used)") == 1);
  CHECK(Count(check.output, "missing UI string 'total'") == 0);
  CHECK(Count(check.output, "in language 'en'") == 0);
  CHECK(Costsite("check --strict --source " + src.string()).exit_code != 0);
}

}  // namespace
}  // namespace costsite
