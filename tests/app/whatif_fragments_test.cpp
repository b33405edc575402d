// End-to-end: a site with what-if inputs, built by the real binary. The
// engine's entry point (the same C++ the WebAssembly build runs) renders
// every fragment of each page again from the page's own data block: at the
// author's values byte for byte what the build wrote, and with a reader's
// value the figures `costsite eval --set` prints.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "figures/whatif.h"
#include "load/whatif_engine.h"
#include "tests/app/run_costsite.h"
#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The page's data block, with the "<\/" its writer escaped read back.
json DataBlock(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"costsite-whatif\">";
  size_t p = html.find(open);
  if (p == std::string::npos) return json();
  p += open.size();
  std::string text = html.substr(p, html.find("</script>", p) - p);
  for (size_t at = 0; (at = text.find("<\\/", at)) != std::string::npos;) text.replace(at, 3, "</");
  return json::parse(text);
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t p = 0; (p = text.find(part, p)) != std::string::npos; p += part.size()) ++n;
  return n;
}

// Every figure `eval --set` prints, by "model[scenario].figure".
std::map<std::string, std::string> EvalFigures(const fs::path& site, const std::string& set,
                                               const std::string& scenario = "") {
  CliResult r = Costsite("eval --json --set '" + set + "'" + (scenario.empty() ? "" : " --scenario " + scenario),
                         "cd '" + site.string() + "' &&");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> out;
  const json all = json::parse(r.output);
  for (const json& m : all["models"])
    for (const json& f : m["figures"])
      out[m["model"].get<std::string>() + "[" + m["scenario"].get<std::string>() + "]." + f["id"].get<std::string>()] =
          f["text"].get<std::string>();
  return out;
}

// The fixture's pricing with its pages' `cost model id=overhead` block as a
// model of pricing/ (the block's YAML after `model: overhead`), in `dir`: what
// `eval --set` evaluates for the same model.
fs::path WithInlineModelInPricing(const fs::path& src, const fs::path& dir) {
  fs::create_directories(dir);
  fs::copy(src / "site.yaml", dir / "site.yaml");
  fs::copy(src / "pricing", dir / "pricing", fs::copy_options::recursive);
  const std::string open = "```cost model id=overhead\n";
  std::string block;
  for (const char* page : {"content/serve.zh.md", "content/serve.en.md"}) {
    const std::string text = ReadAll(src / page);
    size_t start = text.find(open);
    REQUIRE(start != std::string::npos);
    start += open.size();
    std::string yaml = text.substr(start, text.find("```", start) - start);
    if (!block.empty()) CHECK(yaml == block);  // both pages define the same model
    block = yaml;
  }
  WriteAll(dir / "pricing/overhead.yaml", "model: overhead\n" + block);
  return dir;
}

TEST_CASE("What-if fragments: the engine renders each one as the build did, and follows eval --set") {
  if (load::WhatIfEngine().empty()) {
    WARN("costsite was built without the what-if engine: no page carries what-if data");
    return;
  }
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  fs::path src = fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/whatif";
  CliResult built = Costsite("build --source '" + src.string() + "' --out '" + out.string() + "'");
  INFO(built.output);
  REQUIRE(built.exit_code == 0);
  CHECK(fs::exists(out / "whatif.js"));
  // The page's inline model follows as a model of pricing/ would.
  const fs::path eval_site = WithInlineModelInPricing(src, tmp.path() / "eval");
  std::map<std::string, std::string> at_set = EvalFigures(eval_site, "serve.qps=2000 requests/s");
  at_set.merge(EvalFigures(eval_site, "serve.qps=2000 requests/s", "spot"));
  CHECK(at_set.count("overhead[].total"));
  CHECK(at_set.count("overhead[].per_request"));
  CHECK(EvalFigures(eval_site, "serve.qps=1000 requests/s")["overhead[].total"] != at_set["overhead[].total"]);
  int pages = 0;
  for (const char* page : {"zh/serve/index.html", "en/serve/index.html"}) {
    INFO(page);
    const std::string html = ReadAll(out / page);
    json data = DataBlock(html);
    REQUIRE(data.is_object());
    ++pages;
    CHECK(data["engine"] == "../../whatif.js");
    const std::string inputs = data["inputs"].dump();
    json request = data["request"];
    const json& fragments = request["fragments"];
    // Every cost-derived element of the page is a fragment.
    CHECK(Count(html, " data-wf=\"") == fragments.size());
    CHECK(fragments.size() >= 8);
    json answer = json::parse(figures::WhatIfRun(inputs, request.dump()));
    CHECK(answer["errors"].empty());
    REQUIRE(answer["fragments"].size() == fragments.size());
    for (const json& f : answer["fragments"]) {
      const std::string id = f["id"], fragment = f["html"];
      size_t attr = html.find(" data-wf=\"" + id + "\"");
      REQUIRE(attr != std::string::npos);
      size_t start = html.rfind('<', attr);
      INFO("fragment " << id << ": " << fragment);
      CHECK(html.compare(start, fragment.size(), fragment) == 0);
    }
    // A reader's value: the engine's figures are eval --set's, and the inline
    // figures shown without options read as the engine's text.
    request["sets"] = json::array({json::array({"serve.qps", "2000 requests/s"})});
    json changed = json::parse(figures::WhatIfRun(inputs, request.dump()));
    CHECK(changed["errors"].empty());
    std::map<std::string, std::string> texts;
    int compared = 0;
    for (const json& r : changed["results"]) {
      std::string prefix = r["model"].get<std::string>() + "[" + r["scenario"].get<std::string>() + "].";
      for (const json& fig : r["figures"]) {
        auto want = at_set.find(prefix + fig["id"].get<std::string>());
        INFO(prefix + fig["id"].get<std::string>());
        REQUIRE(want != at_set.end());
        CHECK(fig["plain"] == want->second);
        ++compared;
        texts[prefix + fig["id"].get<std::string>()] = fig[request["langs"][0].get<std::string>()];
      }
    }
    CHECK(compared == static_cast<int>(at_set.size()));
    int figures_checked = 0;
    for (size_t i = 0; i < fragments.size(); ++i) {
      const json& spec = fragments[i];
      if (spec["kind"] != "figure" || spec["figure"].get<std::string>().find(' ') != std::string::npos) continue;
      std::string ref = spec["figure"];
      if (ref.find('[') == std::string::npos) ref.insert(ref.find('.'), "[]");
      const std::string fragment = changed["fragments"][i]["html"];
      CHECK(fragment.find(">" + texts.at(ref) + "<") != std::string::npos);
      CHECK(fragment != answer["fragments"][i]["html"]);
      ++figures_checked;
    }
    CHECK(figures_checked == 3);  // serve.total, serve[spot].total, overhead.total
    // The `cost model` block's table is a fragment, and follows the reader's value.
    int inline_tables = 0;
    for (size_t i = 0; i < fragments.size(); ++i) {
      if (fragments[i]["kind"] != "table" || fragments[i]["model"] != "overhead") continue;
      ++inline_tables;
      const std::string before = answer["fragments"][i]["html"], after = changed["fragments"][i]["html"];
      CHECK(before != after);
      CHECK(before.find("<table") != std::string::npos);
      CHECK(after.find("<table") != std::string::npos);
    }
    CHECK(inline_tables == 1);
    // The checklist follows its rule: at 2,000 requests/s the monthly total is
    // over 40,000 USD, so the established item is ticked, the recommended one
    // gets its advice, and the progress line counts both.
    const bool en = std::string(page).rfind("en/", 0) == 0;
    std::map<std::string, std::pair<std::string, std::string>> checklist;  // kind -> (before, after)
    for (size_t i = 0; i < fragments.size(); ++i) {
      const std::string kind = fragments[i]["kind"];
      if (kind == "progress") checklist[kind] = {answer["fragments"][i]["html"], changed["fragments"][i]["html"]};
      if (kind == "task") {
        const std::string binding = fragments[i]["items"][0][0];
        checklist[binding] = {answer["fragments"][i]["html"], changed["fragments"][i]["html"]};
      }
    }
    REQUIRE(checklist.size() == 3);
    CHECK(checklist["!"].first.find(" checked") == std::string::npos);
    CHECK(checklist["!"].second.find("<input data-wf=\"") == 0);
    CHECK(checklist["!"].second.find(" checked>") != std::string::npos);
    CHECK(checklist["?"].first.find("task-badge") == std::string::npos);
    CHECK(checklist["?"].second.find("<span class=\"task-badge\">" + std::string(en ? "Recommended" : "建议")) !=
          std::string::npos);
    CHECK(checklist["progress"].first.find(en ? ">1 / 3 done</p>" : ">1 / 3 已完成</p>") != std::string::npos);
    CHECK(checklist["progress"].second.find(en ? ">1 / 3 done, 1 met by the figures, 1 recommended</p>"
                                               : ">1 / 3 已完成，1 项由数据确认，1 项建议</p>") !=
          std::string::npos);
  }
  CHECK(pages == 2);
}

TEST_CASE("What-if: a page without inputs carries no data, and --single-file inlines the engine") {
  if (load::WhatIfEngine().empty()) return;
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  fs::path src = fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/whatif";
  CliResult built = Costsite("build --single-file --source '" + src.string() + "' --out '" + out.string() + "'");
  INFO(built.output);
  REQUIRE(built.exit_code == 0);
  CHECK(ReadAll(out / "zh/index.html").find("costsite-whatif") == std::string::npos);
  for (const char* page : {"single/zh/serve.html", "single/en/serve.html"}) {
    INFO(page);
    const std::string html = ReadAll(out / page);
    CHECK(html.find("<script type=\"application/json\" id=\"costsite-whatif\">") != std::string::npos);
    CHECK(html.find("<script>\n" + std::string(load::WhatIfEngine().substr(0, 200))) != std::string::npos);
    CHECK(html.find("<script src=") == std::string::npos);
  }
}

// The page's elements by data-wf after `answer`'s fragments replace theirs.
void Apply(const json& answer, std::map<std::string, std::string>* page) {
  for (const json& f : answer["fragments"]) (*page)[f["id"].get<std::string>()] = f["html"].get<std::string>();
}

TEST_CASE("What-if session: each change sends only what changed, and the page then equals a whole recompute") {
  if (load::WhatIfEngine().empty()) return;
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  fs::path src = fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/whatif";
  CliResult built = Costsite("build --source '" + src.string() + "' --out '" + out.string() + "'");
  INFO(built.output);
  REQUIRE(built.exit_code == 0);
  for (const char* name : {"zh/serve/index.html", "en/serve/index.html"}) {
    INFO(name);
    json data = DataBlock(ReadAll(out / name));
    REQUIRE(data.is_object());
    const std::string inputs = data["inputs"].dump();
    json request = data["request"];
    // What a whole request renders with `sets`, by data-wf.
    auto whole = [&](const json& sets) {
      json r = request;
      r["sets"] = sets;
      std::map<std::string, std::string> page;
      Apply(json::parse(figures::WhatIfRun(inputs, r.dump())), &page);
      return page;
    };
    const json qps = json::array({json::array({"serve.qps", "2000 requests/s"})});
    const json bad = json::array({json::array({"serve.qps", "-1 requests/s"})});
    std::map<std::string, std::string> page = whole(json::array());  // the build's (checked above)
    const std::map<std::string, std::string> built_page = page;
    figures::WhatIfSession session;
    CHECK(json::parse(session.Open(inputs, request.dump()))["errors"].empty());

    json changed = json::parse(session.Update(qps.dump()));
    CHECK(changed["errors"].empty());
    CHECK(changed["rebuilt"].size() >= 1);
    CHECK_FALSE(changed["fragments"].empty());
    Apply(changed, &page);
    CHECK(page == whole(qps));
    // The same sets again: nothing to send.
    json again = json::parse(session.Update(qps.dump()));
    CHECK(again["errors"].empty());
    CHECK(again["rebuilt"].empty());
    CHECK(again["fragments"].empty());
    // A value out of bounds: an error and no fragment; the page keeps what it shows.
    json failed = json::parse(session.Update(bad.dump()));
    CHECK_FALSE(failed["errors"].empty());
    CHECK(failed["fragments"].empty());
    // Back to the author's values: the page is the build's again, and only
    // the elements that had changed were sent.
    json reset = json::parse(session.Update("[]"));
    CHECK(reset["errors"].empty());
    CHECK(reset["fragments"].size() == changed["fragments"].size());
    Apply(reset, &page);
    CHECK(page == built_page);

    // A change as an object: sets with a scenario picked, then a date, each
    // as a whole request with the same fields renders it.
    auto whole_change = [&](const json& change) {
      json r = request;
      for (const auto& [key, value] : change.items()) r[key] = value;
      std::map<std::string, std::string> all;
      json answer = json::parse(figures::WhatIfRun(inputs, r.dump()));
      CHECK(answer["errors"].empty());
      Apply(answer, &all);
      return all;
    };
    const json picked = {{"sets", qps}, {"picks", {{"serve", "spot"}}}};
    json spot = json::parse(session.Update(picked.dump()));
    CHECK(spot["errors"].empty());
    Apply(spot, &page);
    CHECK(page == whole_change(picked));
    CHECK(page != whole(qps));  // the spot scenario shows other figures
    const json dated = {{"sets", qps}, {"picks", {{"serve", "spot"}}}, {"as_of", {{"serve", "2025-05-15"}}}};
    json on_date = json::parse(session.Update(dated.dump()));
    CHECK(on_date["errors"].empty());
    CHECK(on_date["rebuilt"].size() == data["inputs"]["models"].size());  // another date: every model again
    Apply(on_date, &page);
    CHECK(page == whole_change(dated));
    json bad_date = json::parse(session.Update(json({{"sets", qps}, {"as_of", {{"serve", "15 May"}}}}).dump()));
    CHECK_FALSE(bad_date["errors"].empty());
    CHECK(bad_date["fragments"].empty());
    json back = json::parse(session.Update("{}"));
    CHECK(back["errors"].empty());
    Apply(back, &page);
    CHECK(page == built_page);
  }
}

}  // namespace
}  // namespace costsite
