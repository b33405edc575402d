#include "app/import_command.h"

#include <cstdlib>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/eval_command.h"
#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCatalog = R"([
  {"id": "anthropic", "name": "Anthropic", "pricing_urls": ["https://www.anthropic.com/pricing#api"],
   "models": [
    {"id": "claude-sonnet-4-5", "match": {"equals": "claude-sonnet-4-5"},
     "prices": {"input_mtok": {"base": 3, "tiers": [{"start": 200000, "price": 6}]},
                "cache_read_mtok": {"base": 0.3, "tiers": [{"start": 200000, "price": 0.6}]},
                "output_mtok": 15}}]},
  {"id": "openrouter", "name": "OpenRouter", "models": [
    {"id": "meta-llama/llama-3-70b:free", "match": {"equals": "x"},
     "prices": [{"prices": {"input_mtok": 0.5, "output_mtok": 1}},
                {"constraint": {"start_date": "2026-03-13", "type": "start_date"},
                 "prices": {"input_mtok": 0.4, "output_mtok": 1}}]}]},
  {"id": "deepseek", "name": "DeepSeek", "models": [
    {"id": "deepseek-chat", "match": {"equals": "deepseek-chat"},
     "prices": [{"prices": {"input_mtok": 0.135, "cache_read_mtok": 0.035, "output_mtok": 0.55}},
                {"constraint": {"start_time": "00:30:00Z", "end_time": "16:30:00Z", "type": "time_of_date"},
                 "prices": {"input_mtok": 0.27, "cache_read_mtok": 0.07, "output_mtok": 1.1}}]}]}
])";

// A model over the imported prices, some referenced by the provider's own names.
constexpr const char* kModel = R"yaml(model: m
unit: USD
params:
  prompt: {value: 300000 tokens}
  cached_tokens: {value: 100000 tokens}
items:
  long_prompt: {formula: "tiered(@anthropic/\"claude-sonnet-4-5\".input, prompt) / prompt * (prompt - cached_tokens)"}
  long_cached: {formula: "tiered(@anthropic/claude-sonnet-4-5.input:cached, prompt) / prompt * cached_tokens"}
  llama: {formula: "2M tokens * @openrouter/\"meta-llama/llama-3-70b:free\".input"}
  peak: {formula: "1M tokens * @deepseek/deepseek-chat.input:h0030_1630"}
  peak_cached: {formula: "1M tokens * @deepseek/\"deepseek-chat\".input:cached_h0030_1630"}
)yaml";

struct Site {
  TempDir dir;
  Site() {
    WriteAll(dir.path() / "site.yaml", "title: {en: Import}\n");
    WriteAll(dir.path() / "pricing/models/m.yaml", kModel);
    WriteAll(dir.path() / "catalog.json", kCatalog);
  }
  int Import(const std::string& into, std::string* errors, const std::string& source = "") {
    ImportRequest req;
    req.format = "genai-prices";
    req.source = source.empty() ? (dir.path() / "catalog.json").string() : source;
    req.site_dir = dir.path().string();
    req.into = into;
    std::ostringstream out;
    Diagnostics diags;
    int rc = RunImport(req, out, diags);
    *errors = AllDiagnostics(diags);
    return rc;
  }
  nlohmann::json Eval(std::string* errors) {
    EvalRequest req;
    req.source_dir = dir.path().string();
    req.target = "m";
    req.json = true;
    std::ostringstream out;
    Diagnostics diags;
    RunEval(req, out, diags);
    *errors = AllDiagnostics(diags);
    return out.str().empty() ? nlohmann::json() : nlohmann::json::parse(out.str());
  }
};

std::string Lo(const nlohmann::json& j, const std::string& figure) {
  for (const auto& f : j["models"][0]["figures"])
    if (f["id"] == figure) return f["lo"];
  return "missing";
}

struct Today {
  explicit Today(const char* date) { setenv("COSTSITE_TODAY", date, 1); }
  ~Today() { unsetenv("COSTSITE_TODAY"); }
};

TEST_CASE("imported prices load and evaluate as the catalog gives them", "[imports][app]") {
  Today today("2026-12-04");
  Site site;
  std::string errors;
  REQUIRE(site.Import("pricing/imported", &errors) == 0);
  CHECK(fs::exists(site.dir.path() / "pricing/imported/anthropic.yaml"));
  nlohmann::json j = site.Eval(&errors);
  INFO(errors);
  REQUIRE(j.is_object());
  CHECK(Lo(j, "long_prompt") == "1.2");   // 200,000 tokens at the long-context 6 USD/1M
  CHECK(Lo(j, "long_cached") == "0.06");  // 100,000 tokens at 10% of it
  CHECK(Lo(j, "llama") == "0.8");         // the price in force since 2026-03-13
  CHECK(Lo(j, "peak") == "0.27");
  CHECK(Lo(j, "peak_cached") == "0.07");
}

TEST_CASE("an unknown original name is an error with a did-you-mean", "[imports][app]") {
  Today today("2026-12-04");
  Site site;
  std::string errors;
  REQUIRE(site.Import("pricing/imported", &errors) == 0);
  WriteAll(site.dir.path() / "pricing/models/m.yaml",
           "model: m\nunit: USD\nitems:\n  x: {formula: \"1M tokens * @openrouter/\\\"meta-llama/llama-3-70b:fre\\\".input\"}\n");
  site.Eval(&errors);
  CHECK(errors.find("pricing/models/m.yaml:4:29: error: unknown price '@openrouter/\"meta-llama/llama-3-70b:fre\".input' "
                    "(did you mean '\"meta-llama/llama-3-70b:free\".input'?)") != std::string::npos);
}

TEST_CASE("importing the same catalog again changes no byte", "[imports][app]") {
  Today today("2026-12-04");
  Site site;
  std::string errors;
  REQUIRE(site.Import("pricing/imported", &errors) == 0);
  std::string first = ReadAll(site.dir.path() / "pricing/imported/openrouter.yaml");
  auto time = fs::last_write_time(site.dir.path() / "pricing/imported/openrouter.yaml");
  Today later("2027-01-10");
  REQUIRE(site.Import("pricing/imported", &errors) == 0);
  CHECK(ReadAll(site.dir.path() / "pricing/imported/openrouter.yaml") == first);
  CHECK(fs::last_write_time(site.dir.path() / "pricing/imported/openrouter.yaml") == time);
}

TEST_CASE("importing a changed catalog adds a dated value and keeps the old ones", "[imports][app]") {
  Site site;
  std::string errors;
  {
    Today today("2026-12-04");
    REQUIRE(site.Import("pricing/imported", &errors) == 0);
  }
  std::string changed = kCatalog;
  changed.replace(changed.find("\"input_mtok\": 0.4"), 17, "\"input_mtok\": 0.3");
  WriteAll(site.dir.path() / "catalog2.json", changed);
  Today today("2027-01-10");
  REQUIRE(site.Import("pricing/imported", &errors, (site.dir.path() / "catalog2.json").string()) == 0);
  std::string yaml = ReadAll(site.dir.path() / "pricing/imported/openrouter.yaml");
  INFO(yaml);
  CHECK(yaml.find("    price: 0.3\n    since: 2027-01-10\n") != std::string::npos);
  CHECK(yaml.find("      - price: 0.4\n        since: 2026-03-13\n        checked: 2026-12-04\n") != std::string::npos);
  CHECK(yaml.find("      - price: 0.5\n        checked: 2026-12-04\n") != std::string::npos);
  // The model evaluates with the new price today, the older one on an older date.
  nlohmann::json j = site.Eval(&errors);
  INFO(errors);
  CHECK(Lo(j, "llama") == "0.6");
  WriteAll(site.dir.path() / "pricing/models/m.yaml",
           std::string(kModel).replace(std::string(kModel).find("unit: USD\n"), 10, "unit: USD\nas_of: 2026-06-01\n"));
  j = site.Eval(&errors);
  CHECK(Lo(j, "llama") == "0.8");
}

TEST_CASE("import never writes outside pricing/, and bad input writes nothing", "[imports][app]") {
  Today today("2026-12-04");
  Site site;
  std::string errors;
  CHECK(site.Import("../elsewhere", &errors) == 2);
  CHECK(errors.find("--into '../elsewhere' is not inside pricing/") != std::string::npos);
  CHECK(site.Import("pricing/../../x", &errors) == 2);
  CHECK(site.Import("/tmp/x", &errors) == 2);
  CHECK(errors.find("is an absolute path") != std::string::npos);
  fs::create_directories(site.dir.path() / "outside");
  fs::create_directory_symlink(site.dir.path() / "outside", site.dir.path() / "pricing/link");
  CHECK(site.Import("pricing/link", &errors) == 2);
  CHECK(errors.find("leads outside pricing/ through a link") != std::string::npos);
  WriteAll(site.dir.path() / "bad.json", "[{\"id\": \"x\", \"models\": [}]");
  CHECK(site.Import("pricing/imported", &errors, (site.dir.path() / "bad.json").string()) == 1);
  CHECK(errors.find("bad.json:1:25: error: malformed JSON: unexpected character '}'") != std::string::npos);
  CHECK_FALSE(fs::exists(site.dir.path() / "pricing/imported"));
}

}  // namespace
}  // namespace costsite
