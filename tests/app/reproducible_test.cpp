// Two builds of the same inputs are byte-identical whatever the number of
// threads; a date appears only when SOURCE_DATE_EPOCH or site.yaml sets one.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

void CheckIdentical(const fs::path& src, const fs::path& a, const fs::path& b) {
  CliResult one = Costsite("build --quiet --threads 1 --source " + src.string() + " --out " + a.string());
  CliResult many = Costsite("build --quiet --threads 7 --source " + src.string() + " --out " + b.string());
  INFO(one.output << many.output);
  REQUIRE(one.exit_code == 0);
  REQUIRE(many.exit_code == 0);
  auto first = Snapshot(a), second = Snapshot(b);
  REQUIRE(first.size() == second.size());
  for (const auto& [path, bytes] : first) {
    INFO(path);
    REQUIRE(second.count(path) == 1);
    CHECK(second[path] == bytes);
  }
}

TEST_CASE("Builds with different thread counts are byte-identical") {
  TempDir tmp;
  SECTION("a site with pricing, figures, tables and data export") {
    REQUIRE(Costsite("init " + (tmp.path() / "src").string()).exit_code == 0);
    CheckIdentical(tmp.path() / "src", tmp.path() / "a", tmp.path() / "b");
    CHECK(fs::exists(tmp.path() / "a/search-index.js"));
    CHECK(fs::exists(tmp.path() / "a/data/example.csv"));
  }
  SECTION("the bilingual fixture with fallbacks and a theme override") {
    CopyFixture("sites/basic", tmp.path() / "src");
    CheckIdentical(tmp.path() / "src", tmp.path() / "a", tmp.path() / "b");
  }
}

TEST_CASE("No timestamp unless SOURCE_DATE_EPOCH or site.yaml build_date sets one") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);
  fs::path page = src / "site/en/reports/example/index.html";
  auto footer = [](const fs::path& p) {
    std::string html = ReadAll(p);
    size_t at = html.find("<footer class=\"site-footer\">");
    return at == std::string::npos ? std::string() : html.substr(at);
  };

  REQUIRE(Costsite("build --source " + src.string()).exit_code == 0);
  CHECK(footer(page).find("<time") == std::string::npos);

  REQUIRE(Costsite("build --source " + src.string(), "SOURCE_DATE_EPOCH=1700000000").exit_code == 0);
  CHECK(footer(page).find("Built on <time datetime=\"2023-11-14\">2023-11-14</time>") != std::string::npos);

  WriteAll(src / "site.yaml", ReadAll(src / "site.yaml") + "build_date: 2025-02-01\n");
  REQUIRE(Costsite("build --source " + src.string(), "SOURCE_DATE_EPOCH=1700000000").exit_code == 0);
  CHECK(footer(page).find("<time datetime=\"2025-02-01\">") != std::string::npos);
  CHECK(footer(src / "site/zh/reports/example/index.html").find("生成于 <time") != std::string::npos);
}

}  // namespace
}  // namespace costsite
