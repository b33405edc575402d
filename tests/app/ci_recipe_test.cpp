// Runs the shell recipe of docs/ci.md, exactly as written there, on a site
// in a git repository: a small price change passes and publishes, no change
// skips, a large rise trips the budget gate.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

std::string Recipe() {
  std::string doc = ReadAll(fs::path(COSTSITE_SOURCE_DIR) / "docs/ci.md");
  size_t start = doc.find("```sh\n#!/bin/sh\n# costsite CI recipe");
  REQUIRE(start != std::string::npos);
  start += 6;
  size_t end = doc.find("\n```", start);
  return doc.substr(start, end + 1 - start);
}

int Sh(const std::string& cmd) {
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void SetPrice(const fs::path& repo, const std::string& price) {
  fs::path f = repo / "pricing/providers/examplecloud.yaml";
  std::string text = ReadAll(f);
  size_t at = text.find("price: ");
  text.replace(at + 7, text.find('\n', at) - at - 7, price);
  WriteAll(f, text);
}

TEST_CASE("The shell CI recipe of docs/ci.md works as documented") {
  TempDir tmp;
  fs::path repo = tmp.path() / "repo";
  REQUIRE(Costsite("init " + repo.string()).exit_code == 0);
  WriteAll(tmp.path() / "ci.sh", Recipe());
  std::string git = "cd " + repo.string() + " && git -c user.name=t -c user.email=t@example.com ";
  REQUIRE(Sh(git + "init -q && " + git + "add . && " + git + "commit -qm one") == 0);
  auto run = [&](const std::string& base) {
    return Sh("cd " + repo.string() + " && BASE=" + base + " COSTSITE=" + COSTSITE_BINARY + " PUBLISH_DIR=" +
                    (tmp.path() / "www").string() + " sh " + (tmp.path() / "ci.sh").string() +
                    " >" + (tmp.path() / "log").string() + " 2>&1");
  };

  SECTION("no source change: nothing to do") {
    CHECK(run("HEAD") == 0);
    CHECK(ReadAll(tmp.path() / "log").find("no source changes") != std::string::npos);
    CHECK_FALSE(fs::exists(repo / "public"));
  }
  SECTION("a small price change: checked, diffed, built and published") {
    SetPrice(repo, "1.25");
    REQUIRE(Sh(git + "commit -qam two") == 0);
    INFO(ReadAll(tmp.path() / "log"));
    CHECK(run("HEAD~1") == 0);
    INFO(ReadAll(tmp.path() / "log"));
    CHECK(ReadAll(repo / "cost-diff.md").find("| example | base |") != std::string::npos);
    CHECK(ReadAll(repo / "cost-diff.json").find("\"prices\": \"73\"") != std::string::npos);
    CHECK(fs::exists(repo / "public/en/reports/example/index.html"));
    CHECK(ReadAll(repo / "public/en/reports/example/index.html").find("<time datetime=") != std::string::npos);
    CHECK(fs::exists(tmp.path() / "www/index.html"));
    CHECK(fs::exists(tmp.path() / "www/cost-diff.html"));
    CHECK(run("HEAD~1") == 0);  // a second run in the same workspace
  }
  SECTION("a large rise trips the budget gate") {
    SetPrice(repo, "2.40");
    REQUIRE(Sh(git + "commit -qam two") == 0);
    CHECK(run("HEAD~1") == 1);
    CHECK(ReadAll(tmp.path() / "log").find("rose by more than 10%") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path() / "www"));
  }
}

}  // namespace
}  // namespace costsite
