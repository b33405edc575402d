// `costsite diff`: a fixture pair where prices, an exchange rate, a parameter,
// a quantity and a formula change, each attributed to its cause.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return (fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites" / name).string();
}

const nlohmann::json* Change(const nlohmann::json& doc, const std::string& model,
                             const std::string& scenario, const std::string& figure) {
  for (const auto& c : doc["changes"])
    if (c["model"] == model && c["scenario"] == scenario && c["figure"] == figure) return &c;
  return nullptr;
}

TEST_CASE("diff attributes a price change and a quantity change by sequential substitution") {
  CliResult r = Costsite("diff " + Fixture("diff-old") + " " + Fixture("diff-new") + " --format json");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  nlohmann::json doc = nlohmann::json::parse(r.output);

  const nlohmann::json* fleet = Change(doc, "fleet", "", "total");
  REQUIRE(fleet);
  CHECK((*fleet)["before"]["lo"] == "1562");
  CHECK((*fleet)["after"]["lo"] == "3369");
  CHECK((*fleet)["change"] == "1807");
  CHECK((*fleet)["causes"]["prices"] == "730");     // GPU 1.00 -> 1.50 USD/h, 2 GPUs
  CHECK((*fleet)["causes"]["fx"] == "-20");         // 700 CNY at 7.0 -> 8.75 CNY/USD
  CHECK((*fleet)["causes"]["params"] == "1097");    // 3 GPUs (+1095), 200 GB storage (+2)
  CHECK((*fleet)["causes"]["formulas"] == "0");

  const nlohmann::json* small = Change(doc, "fleet", "small", "total");
  REQUIRE(small);
  CHECK((*small)["causes"]["prices"] == "365");
  CHECK((*small)["causes"]["params"] == "2");  // the scenario keeps 1 GPU; storage doubles

  const nlohmann::json* steady = Change(doc, "steady", "", "total");
  REQUIRE(steady);
  CHECK((*steady)["causes"]["formulas"] == "2");
  CHECK((*steady)["causes"]["prices"] == "0");
}

TEST_CASE("diff prints Markdown for a pull request and writes an HTML page") {
  TempDir tmp;
  fs::path html = tmp.path() / "diff.html";
  CliResult r = Costsite("diff " + Fixture("diff-old") + " " + Fixture("diff-new") + " --html " + html.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("| Model | Scenario | Before | After | Change | % | Prices | Exchange rates | "
                      "Parameters | Formulas |") != std::string::npos);
  CHECK(r.output.find("| fleet | base | 1562.00 USD/month | 3369.00 USD/month | +1807.00 | +115.7% | "
                      "+730.00 | -20.00 | +1097.00 | 0.00 |") != std::string::npos);
  CHECK(ReadAll(html).find("<td>fleet</td><td>small</td>") != std::string::npos);
}

TEST_CASE("diff --fail-above is a budget gate on totals") {
  std::string sides = Fixture("diff-old") + " " + Fixture("diff-new");
  CliResult gate = Costsite("diff " + sides + " --fail-above 10%");
  CHECK(gate.exit_code == 1);
  CHECK(gate.output.find("fleet.total rose by more than 10%") != std::string::npos);
  CHECK(Costsite("diff " + sides + " --fail-above 200%").exit_code == 0);
  CHECK(Costsite("diff " + Fixture("diff-new") + " " + Fixture("diff-old") + " --fail-above 0%").exit_code == 0);
  CHECK(Costsite("diff " + sides + " --fail-above lots").exit_code == 2);
}

TEST_CASE("diff compares git revisions of the current repository") {
  TempDir tmp;
  fs::path repo = tmp.path() / "repo";
  fs::create_directories(repo);
  fs::copy(Fixture("diff-old"), repo / "site", fs::copy_options::recursive);
  std::string git = "git -C " + repo.string() + " ";
  std::string quiet = " >/dev/null 2>&1";
  REQUIRE(std::system((git + "init -q" + quiet).c_str()) == 0);
  std::string who = "-c user.name=t -c user.email=t@example.com ";
  REQUIRE(std::system((git + "add ." + quiet + " && " + git + who + "commit -qm old" + quiet).c_str()) == 0);
  fs::remove_all(repo / "site/pricing");
  fs::copy(fs::path(Fixture("diff-new")) / "pricing", repo / "site/pricing", fs::copy_options::recursive);
  REQUIRE(std::system((git + "add -A" + quiet + " && " + git + who + "commit -qm new" + quiet).c_str()) == 0);

  CliResult r = Costsite("diff HEAD~1 HEAD --format json --source " + (repo / "site").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  nlohmann::json doc = nlohmann::json::parse(r.output);
  const nlohmann::json* fleet = Change(doc, "fleet", "", "total");
  REQUIRE(fleet);
  CHECK((*fleet)["causes"]["prices"] == "730");
  CHECK(Costsite("diff nosuchrev HEAD --source " + (repo / "site").string()).exit_code == 2);
}

}  // namespace
}  // namespace costsite
