#include "app/eval_command.h"

#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace costsite {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(COSTSITE_SOURCE_DIR) + "/tests/fixtures/pricing/" + name;
}

std::string RunToString(EvalRequest req, int* rc, std::string* errors = nullptr) {
  std::ostringstream out;
  Diagnostics diags;
  *rc = RunEval(req, out, diags);
  if (errors) {
    for (const auto& d : diags.Sorted()) *errors += FormatDiagnostic(d);
  }
  return out.str();
}

TEST_CASE("eval prints one line per figure", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  int rc = -1;
  std::string out = RunToString(req, &rc);
  CHECK(rc == 0);
  CHECK(out.find("basic.storage = 11.50 USD/month\n") != std::string::npos);
  CHECK(out.find("basic.cpu_run = 248.20 USD\n") != std::string::npos);
  CHECK(out.find("basic.memory = 4.096 GB\n") != std::string::npos);
  CHECK(out.find("basic.qps = 10 – 20 requests/s\n") != std::string::npos);
  CHECK(out.find("basic.rule.gpu_heavy = true\n") != std::string::npos);
}

TEST_CASE("eval of one figure with its explanation", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  req.target = "basic.storage";
  req.explain = true;
  int rc = -1;
  CHECK(RunToString(req, &rc) ==
        "basic.storage = 11.50 USD/month\n"
        "    formula: stored * @aws/s3.standard\n"
        "    input: stored = 500 GB\n"
        "    price: @aws/s3.standard = 0.023 USD/GB/month (2025-01-15, https://aws.amazon.com/s3/pricing/)\n");
  CHECK(rc == 0);
  // An hourly amount shown monthly says by what factor.
  req.target = "basic.gpu";
  CHECK(RunToString(req, &rc).find("    conversion: 8.19 USD/h × 730 h/month = 5980.53 USD/month\n") !=
        std::string::npos);
  req.scenario = "spot";
  req.explain = false;
  CHECK(RunToString(req, &rc) == "basic[spot].gpu = 1793.98 USD/month\n");
}

TEST_CASE("eval --json gives decimal strings and units", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  req.target = "basic";
  req.json = true;
  int rc = -1;
  auto j = nlohmann::json::parse(RunToString(req, &rc));
  CHECK(rc == 0);
  CHECK(j["version"] == 1);
  const auto& m = j["models"][0];
  CHECK(m["model"] == "basic");
  bool found = false;
  for (const auto& f : m["figures"]) {
    if (f["id"] != "qps") continue;
    found = true;
    CHECK(f["lo"] == "10");
    CHECK(f["hi"] == "20");
    CHECK(f["unit"] == "requests/s");
  }
  CHECK(found);
  CHECK(m["title"] == nlohmann::json::object({{"en", "Basic deployment"}}));
}

TEST_CASE("eval --json writes a text in two languages as an object by language", "[pricing][eval]") {
  TempDir tmp;
  WriteAll(tmp.path() / "pricing/models/m.yaml",
           "model: m\ntitle: {zh: 长上下文请求, en: Long-context requests}\nunit: USD/month\n"
           "params:\n  n: {value: 4 gpu, label: {zh: 数量, en: Count}}\n"
           "items:\n  a: {label: {en: A}, formula: 2 USD/month}\n"
           "figures:\n  gpus: {formula: n}\n");
  EvalRequest req;
  req.source_dir = tmp.path().string();
  req.json = true;
  int rc = -1;
  std::string errors;
  auto j = nlohmann::json::parse(RunToString(req, &rc, &errors));
  INFO(errors);
  CHECK(rc == 0);
  const auto& m = j["models"][0];
  // As docs/cost-engine.md writes it, not [["en", …], ["zh", …]].
  CHECK(m["title"] == nlohmann::json::parse(R"({"en": "Long-context requests", "zh": "长上下文请求"})"));
  // `unit` is the unit as the model writes it; `text` shows it in English.
  bool found = false;
  for (const auto& f : m["figures"]) {
    if (f["id"] != "gpus") continue;
    found = true;
    CHECK(f["lo"] == "4");
    CHECK(f["unit"] == "gpu");
    CHECK(f["text"] == "4 gpus");
  }
  CHECK(found);
}

TEST_CASE("eval fails on unknown targets and input errors", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  req.target = "nope";
  int rc = -1;
  std::string errors;
  RunToString(req, &rc, &errors);
  CHECK(rc == 1);
  CHECK(errors == "costsite: error: unknown model 'nope'\n");
  req.target = "basic.nope";
  errors.clear();
  RunToString(req, &rc, &errors);
  CHECK(errors == "costsite: error: unknown figure 'nope' in model 'basic'\n");
  req.source_dir = Fixture("invalid");
  req.target.clear();
  errors.clear();
  RunToString(req, &rc, &errors);
  CHECK(rc == 1);
  CHECK(errors.find("reference cycle: a → b → a") != std::string::npos);
  CHECK(errors.find("unit mismatch: cannot add USD and h") != std::string::npos);
}

TEST_CASE("eval suggests the closest model, scenario and figure", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  int rc = -1;
  const std::pair<const char*, const char*> cases[] = {
      {"basci.storage", "costsite: error: unknown model 'basci' (did you mean 'basic'?)\n"},
      {"basic.stroage", "costsite: error: unknown figure 'stroage' in model 'basic' (did you mean 'storage'?)\n"},
      {"basic[spto].gpu", "costsite: error: unknown scenario 'spto' of model 'basic' (did you mean 'spot'?)\n"},
  };
  for (const auto& [target, expected] : cases) {
    req.target = target;
    std::string errors;
    RunToString(req, &rc, &errors);
    CHECK(rc == 1);
    CHECK(errors == expected);
  }
}

TEST_CASE("eval takes model[scenario] as Markdown writes it", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  req.target = "basic[spot].gpu";
  int rc = -1;
  CHECK(RunToString(req, &rc) == "basic[spot].gpu = 1793.98 USD/month\n");
  CHECK(rc == 0);
  req.target = "basic[spot]";
  CHECK(RunToString(req, &rc).find("basic[spot].gpu = 1793.98 USD/month\n") != std::string::npos);
  CHECK(rc == 0);
  std::string errors;
  req.target = "basic[nope].gpu";
  RunToString(req, &rc, &errors);
  CHECK(rc == 1);
  CHECK(errors == "costsite: error: unknown scenario 'nope' of model 'basic'\n");
  errors.clear();
  req.target = "basic[spot].gpu";
  req.scenario = "other";
  RunToString(req, &rc, &errors);
  CHECK(rc == 1);
  CHECK(errors == "costsite: error: the target names scenario 'spot' and --scenario names 'other'\n");
}

TEST_CASE("eval prints what evaluated when one model is broken, and exits 1", "[pricing][eval]") {
  TempDir tmp;
  WriteAll(tmp.path() / "pricing/good.yaml", "model: good\nunit: USD/month\nitems:\n  a: {formula: 5 USD/month}\n");
  WriteAll(tmp.path() / "pricing/bad.yaml", "model: bad\nunit: USD/month\nitems:\n  a: {formula: 5 h}\n");
  EvalRequest req;
  req.source_dir = tmp.path().string();
  int rc = -1;
  std::string errors;
  std::string out = RunToString(req, &rc, &errors);
  CHECK(rc == 1);
  CHECK(out.find("good.total = 5.00 USD/month\n") != std::string::npos);
  CHECK(out.find("bad.total") == std::string::npos);  // what failed is not printed
  CHECK(errors.find("pricing/bad.yaml:4:") != std::string::npos);
}

TEST_CASE("eval --set gives parameters other values, in the base case and in scenarios", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  req.target = "basic.storage";
  int rc = -1;
  CHECK(RunToString(req, &rc) == "basic.storage = 11.50 USD/month\n");
  req.sets = {"basic.stored=1 TB"};  // 1000 GB at 0.023 USD/GB/month
  CHECK(RunToString(req, &rc) == "basic.storage = 23.00 USD/month\n");
  CHECK(rc == 0);
  req.target = "basic[spot].storage";  // the scenario does not set `stored`: the value given applies
  CHECK(RunToString(req, &rc) == "basic[spot].storage = 23.00 USD/month\n");
  req.target = "basic.qps";
  req.sets = {"basic.stored=1 TB", "basic.qps=15 requests/s"};
  CHECK(RunToString(req, &rc) == "basic.qps = 15 requests/s\n");
}

TEST_CASE("eval --set that does not apply prints nothing and names its place", "[pricing][eval]") {
  EvalRequest req;
  req.source_dir = Fixture("basic");
  req.target = "basic.storage";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"basic.stord=1 TB",
       "--set:1:1: error: model 'basic' has no parameter 'stord' (did you mean 'stored'?)\n"
       " 1 | basic.stord=1 TB\n"
       "   | ^~~~~~~~~~~\n"},
      {"basik.stored=1 TB",
       "--set:1:1: error: unknown model 'basik' (did you mean 'basic'?)\n"
       " 1 | basik.stored=1 TB\n"
       "   | ^~~~~~~~~~~~\n"},
      {"basic.stored=1 TBB", "--set:1:16: error: unknown currency 'TBB' (did you mean 'TB'?)\n 1 | basic.stored=1 TBB\n   |                ^~~\n"},
      {"basic.stored", "--set:1:1: error: expected MODEL.PARAMETER=VALUE, got 'basic.stored'"},
  };
  for (const auto& [set, expected] : cases) {
    req.sets = {set};
    int rc = -1;
    std::string errors;
    CHECK(RunToString(req, &rc, &errors).empty());
    CHECK(rc == 1);
    INFO(errors);
    CHECK(errors.rfind(expected, 0) == 0);
  }
}

TEST_CASE("eval --explain counts an actual()'s lines in words: 1 line, 2 lines", "[pricing][eval]") {
  TempDir tmp;
  WriteAll(tmp.path() / "pricing/models/m.yaml",
           "model: m\ntitle: {en: M}\nfigures:\n"
           "  one: {formula: 'actual(ServiceName=\"S3\")', unit: USD}\n"
           "  two: {formula: 'actual(ServiceName=\"EC2\")', unit: USD}\n");
  WriteAll(tmp.path() / "actuals/a.csv",
           "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n"
           "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,S3,1.5\n"
           "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,2\n"
           "USD,2024-09-02T00:00:00Z,2024-09-03T00:00:00Z,EC2,0.25\n");
  EvalRequest req;
  req.source_dir = tmp.path().string();
  req.explain = true;
  req.target = "m.one";
  int rc = -1;
  std::string errors;
  std::string one = RunToString(req, &rc, &errors);
  INFO(errors);
  CHECK(rc == 0);
  CHECK(one.find(", FOCUS export actuals/a.csv, 1 line)\n") != std::string::npos);
  req.target = "m.two";
  std::string two = RunToString(req, &rc, &errors);
  CHECK(two.find(", FOCUS export actuals/a.csv, 2 lines)\n") != std::string::npos);
  INFO(one << two);
  CHECK(one.find("1 lines") == std::string::npos);
}

TEST_CASE("eval of a site without models prints nothing and succeeds", "[pricing][eval]") {
  TempDir tmp;
  WriteAll(tmp.path() / "site.yaml", "title: Empty\n");
  EvalRequest req;
  req.source_dir = tmp.path().string();
  int rc = -1;
  std::string errors;
  CHECK(RunToString(req, &rc, &errors).empty());
  CHECK(rc == 0);
  CHECK(errors.empty());
}

TEST_CASE("eval reads site.yaml as build reads it", "[pricing][eval]") {
  TempDir tmp;
  WriteAll(tmp.path() / "site.yaml", "title: T\nmonth-hours: 720\n");  // a typo build warns about
  EvalRequest req;
  req.source_dir = tmp.path().string();
  int rc = -1;
  std::string errors;
  RunToString(req, &rc, &errors);
  CHECK(rc == 0);
  CHECK(errors.find("site.yaml:2:1: warning: unknown setting 'month-hours'") != std::string::npos);
}

}  // namespace
}  // namespace costsite
