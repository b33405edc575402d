// `costsite init` and `costsite new report`: the scaffolded site builds
// cleanly in both languages with its figure and table.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

TEST_CASE("init creates a bilingual site that builds with zero warnings") {
  TempDir tmp;
  fs::path src = tmp.path() / "mysite";
  CliResult init = Costsite("init " + src.string());
  INFO(init.output);
  REQUIRE(init.exit_code == 0);
  for (const char* f : {"site.yaml", "content/reports/example.zh.md", "content/reports/example.en.md",
                        "pricing/fx.yaml", "pricing/providers/examplecloud.yaml", "pricing/models/example.yaml"})
    CHECK(fs::exists(src / f));

  CliResult build = Costsite("build --source " + src.string());
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  CHECK(build.output.find(", 0 warnings,") != std::string::npos);
  CHECK(build.output.find("warning:") == std::string::npos);
  std::string en = ReadAll(src / "site/en/reports/example/index.html");
  std::string zh = ReadAll(src / "site/zh/reports/example/index.html");
  CHECK(en.find("1,764") != std::string::npos);  // 2 × 1.20 USD/h × 730 h + 500 GB × 0.023 = 1,763.50
  CHECK(en.find("<table") != std::string::npos);
  CHECK(zh.find("<table") != std::string::npos);
  CHECK(fs::exists(src / "site/data/example.json"));

  CliResult strict = Costsite("check --strict --source " + src.string());
  INFO(strict.output);
  CHECK(strict.exit_code == 0);
}

TEST_CASE("init refuses to overwrite an existing site") {
  TempDir tmp;
  REQUIRE(Costsite("init " + tmp.path().string()).exit_code == 0);
  CliResult again = Costsite("init " + tmp.path().string());
  CHECK(again.exit_code == 1);
  CHECK(again.output.find("already exists; nothing was written") != std::string::npos);
  CHECK(Costsite("init").exit_code == 2);
}

TEST_CASE("new report scaffolds both languages and a model that builds") {
  TempDir tmp;
  REQUIRE(Costsite("init " + tmp.path().string()).exit_code == 0);
  CliResult r = Costsite("new report gpu-fleet --source " + tmp.path().string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(tmp.path() / "content/reports/gpu-fleet.zh.md"));
  CHECK(fs::exists(tmp.path() / "content/reports/gpu-fleet.en.md"));
  CHECK(fs::exists(tmp.path() / "pricing/models/gpu_fleet.yaml"));
  CliResult build = Costsite("build --source " + tmp.path().string());
  INFO(build.output);
  CHECK(build.exit_code == 0);
  CHECK(fs::exists(tmp.path() / "site/en/reports/gpu-fleet/index.html"));
  CHECK(Costsite("new report Bad/Name --source " + tmp.path().string()).exit_code == 2);
  CHECK(Costsite("new report gpu-fleet --source " + tmp.path().string()).exit_code == 1);
}

}  // namespace
}  // namespace costsite
