// Writes what the WebAssembly what-if engine is checked with, for a site:
// its pricing inputs as the page carries them (cost/inputs_json.h), requests
// (the author's values, and each model's first parameter doubled), and the
// figures the native build computes for them through its own path (YAML,
// Evaluate with --set overrides, FormatFigure). It also checks, natively,
// that the JSON round trip and the per-model subsets give the same figures.
//   whatif_fixture SITE_DIR OUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "base/today.h"
#include "content/site_layout.h"
#include "cost/evaluate.h"
#include "cost/inputs_json.h"
#include "figures/format.h"
#include "figures/format_icu.h"
#include "figures/plain.h"
#include "figures/whatif.h"
#include "load/site_loader.h"
#include "pricing/pricing.h"

using namespace costsite;
using nlohmann::json;

namespace {

const figures::UiWords kWords = {{"zh", {{"yes", "是"}, {"no", "否"}}}, {"en", {{"yes", "yes"}, {"no", "no"}}}};

// The answer WhatIfRun gives, made by the native build's own path.
json Native(const cost::Evaluation& ev) {
  json out = {{"errors", json::array()}, {"results", json::array()}};
  for (const cost::ModelResult& r : ev.results()) {
    json figs = json::array();
    for (const cost::Figure* f : r.AllFigures()) {
      json fj = {{"id", f->id}, {"plain", figures::PlainFigure(*f)}};
      for (const char* lang : {"zh", "en"}) fj[lang] = figures::FormatFigure(*f, {}, {lang, &kWords, "zh"});
      figs.push_back(std::move(fj));
    }
    json rules = json::array();
    for (const auto& rule : r.rules) rules.push_back({{"id", rule.id}, {"holds", rule.holds}});
    out["results"].push_back({{"model", r.model}, {"scenario", r.scenario}, {"figures", figs}, {"rules", rules}});
  }
  return out;
}

void Write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: whatif_fixture SITE_DIR OUT_DIR\n";
    return 2;
  }
  std::filesystem::path site = argv[1], out = argv[2];
  std::filesystem::create_directories(out);
  Diagnostics diags;
  content::SiteConfig cfg;
  load::LoadConfig(site, &cfg, &diags, false, (site / content::kConfigFile).generic_string());
  cost::Options options = load::PricingOptions(cfg);
  std::string error;
  if (options.today.empty() && !Today(&options.today, &error)) options.today = "2026-01-01";
  cost::Inputs inputs = pricing::ReadPricing(load::PricingDir(site), diags);
  std::string inputs_json = cost::InputsToJson(inputs, options);
  Write(out / "inputs.json", inputs_json);

  json locales = json::object();
  for (const char* lang : {"zh", "en"}) locales[lang] = json::parse(figures::LocaleDataJson(figures::LocaleDataFor(lang)));
  json words = {{"zh", {{"yes", "是"}, {"no", "否"}}}, {"en", {{"yes", "yes"}, {"no", "no"}}}};

  // Each model's first parameter, doubled.
  json sets = json::array();
  for (const cost::ModelDef& m : inputs.models)
    if (!m.params.empty()) sets.push_back(json::array({m.id + "." + m.params[0].id, "(" + m.params[0].value.text + ") * 2"}));

  int failures = 0;
  for (const auto& [name, chosen] : {std::pair<std::string, json>{"base", json::array()}, {"set", sets}}) {
    json request = {{"sets", chosen}, {"langs", {"zh", "en"}}, {"locales", locales}, {"words", words}};
    cost::Options o = options;
    for (const json& s : chosen) {
      cost::ParamSet p;
      p.target = cost::Located::OnLine(s[0].get<std::string>(), "--set", "", 1);
      p.value = cost::Located::OnLine(s[1].get<std::string>(), "--set", "", 1);
      o.sets.push_back(p);
    }
    Diagnostics d;
    json expected = Native(cost::Evaluate(inputs, o, d, 1));
    for (const Diagnostic& x : d.Sorted())
      if (x.severity == Severity::kError) std::cerr << name << ": " << x.pos.path << ":" << x.pos.line << ": " << x.message << "\n";
    Write(out / ("request-" + name + ".json"), request.dump());
    Write(out / ("expected-" + name + ".json"), expected.dump(1));
    // The same engine through the JSON round trip, natively.
    json answer = json::parse(figures::WhatIfRun(inputs_json, request.dump()));
    if (answer["results"] != expected["results"]) {
      std::cerr << name << ": the JSON round trip changes figures\n";
      ++failures;
    }
    // Each model alone with only what it reads gives its own figures.
    for (const cost::ModelDef& m : inputs.models) {
      cost::Inputs sub = cost::InputsFor(inputs, {m.id});
      json alone = json::parse(figures::WhatIfRun(cost::InputsToJson(sub, options), request.dump()));
      for (const json& r : alone["results"]) {
        if (r["model"] != m.id) continue;
        bool found = false;
        for (const json& e : expected["results"])
          if (e["model"] == r["model"] && e["scenario"] == r["scenario"]) found = e == r;
        if (!found) {
          std::cerr << name << ": model '" << m.id << "' evaluated with only what it reads differs\n";
          ++failures;
        }
      }
    }
  }
  // The largest model (most figures in its base case) alone, as its page
  // would carry it: the benchmark of one recompute.
  {
    Diagnostics d;
    cost::Evaluation ev = cost::Evaluate(inputs, options, d, 1);
    std::string largest;
    size_t most = 0;
    for (const cost::ModelResult& r : ev.results())
      if (r.scenario.empty() && r.AllFigures().size() > most) most = r.AllFigures().size(), largest = r.model;
    Write(out / "inputs-largest.json", cost::InputsToJson(cost::InputsFor(inputs, {largest}), options));
    std::cout << "largest model: " << largest << " (" << most << " figures)\n";
  }
  std::cout << "whatif fixture: " << inputs.models.size() << " models, " << (failures ? "FAILED" : "ok") << "\n";
  return failures ? 1 : 0;
}
