#include "load/site_loader.h"

#include "load/hugo_config.h"
#include "load/whatif_engine.h"

#include <algorithm>
#include <thread>

#include "base/fs_util.h"
#include "base/today.h"
#include "content/site_layout.h"

namespace costsite::load {

namespace fs = std::filesystem;

namespace {

// The day pages' dates are judged on, when a setting asks for it: the same
// "today" as the cost engine's (COSTSITE_TODAY, else the clock in UTC).
bool SetToday(content::SiteConfig* cfg, Diagnostics* diags) {
  if (cfg->build_future && cfg->build_expired) return true;
  std::string error;
  if (Today(&cfg->today, &error)) return true;
  diags->Error({"COSTSITE_TODAY", 0, 0}, error, {}, 1, "site-config");
  return false;
}

}  // namespace

bool LoadConfig(const fs::path& root, content::SiteConfig* cfg, Diagnostics* diags, bool required,
                const std::string& shown_as) {
  const fs::path file = root / content::kConfigFile;
  const std::string shown = shown_as.empty() ? std::string(content::kConfigFile) : shown_as;
  std::string text, err;
  if (!InsideRoot(root, file)) {
    diags->Error({shown, 0, 0}, "symbolic link points outside the site folder", {}, 1, "path-escape");
    return false;
  }
  std::error_code ec;
  if (!required && !fs::exists(file, ec)) return true;
  // A Hugo site without site.yaml: the settings both share, from Hugo's own.
  if (!fs::exists(file, ec))
    if (std::string hugo = HugoConfigFile(root); !hugo.empty())
      return ReadHugoConfig(root, hugo, cfg, diags) && SetToday(cfg, diags);
  if (!ReadFile(file, &text, &err)) {
    diags->Error({shown, 0, 0}, "no " + std::string(content::kConfigFile) + " in " + root.string() +
                                    " (is --source the site folder?)", {}, 1, "io");
    return false;
  }
  // The rest of the site is read by these settings (its languages above
  // all): after an error in them, what follows would report its own
  // mistakes in their terms ("unknown language suffix 'zh'").
  const size_t errors = diags->ErrorCount();
  *cfg = content::ParseSiteConfig(shown, text, diags);
  return diags->ErrorCount() == errors && SetToday(cfg, diags);
}

pricing::Options PricingOptions(const content::SiteConfig& cfg) {
  pricing::Options options;
  options.as_of = cfg.as_of;
  options.month_hours = cfg.month_hours;
  return options;
}

fs::path PricingDir(const fs::path& root) { return root / content::kPricingDir; }

fs::path ActualsDir(const fs::path& root) { return root / content::kActualsDir; }

cost::Evaluation EvaluatePricing(const fs::path& root, const content::SiteConfig& cfg, int threads,
                                 Diagnostics* diags, pricing::ParseCache* cache, std::vector<cost::Rate>* rates,
                                 bool spill_results) {
  // A site without pricing/ is fine: its pages have no figures to reference.
  std::error_code ec;
  if (!fs::is_directory(PricingDir(root), ec)) return cost::Evaluation();
  pricing::Options options = PricingOptions(cfg);
  options.spill_results = spill_results;
  return LoadPricingWithActuals(root, options, diags, threads, cache, rates);
}

std::vector<std::string> ListStatic(const fs::path& root, Diagnostics* diags) {
  std::vector<std::string> escaped;
  std::vector<std::string> files = ListFiles(root / content::kStaticDir, root, &escaped);
  for (const auto& e : escaped)
    diags->Error({std::string(content::kStaticDir) + "/" + e, 0, 0}, "symbolic link points outside the site folder",
                 {}, 1, "path-escape");
  return files;
}

bool LoadSite(const fs::path& root, const LoadOptions& options, LoadedSite* site, Diagnostics* diags) {
  site->root = root;
  if (!LoadConfig(root, &site->config, diags)) return false;
  if (site->config.build_date.empty()) site->config.build_date = options.build_date;
  // Pages are read while the models evaluate: the two do not depend on each
  // other, and each fills its own result. A build that holds its results in
  // a file reads them after, each on every thread: the models' definitions
  // (parsed whole before they evaluate) and the pages being read were the
  // peak of a large build together.
  auto load_content = [&] {
    site->pages = content::LoadContent(root, site->config, diags, options.threads, options.keep_text);
  };
  std::thread content_loader;
  if (!options.spill_results) content_loader = std::thread(load_content);
  std::vector<cost::Rate> rates;
  site->evaluation =
      EvaluatePricing(root, site->config, options.threads, diags, options.cache, &rates, options.spill_results);
  // The definitions are freed: their labels that no result holds (in a
  // build whose results are in a file, nearly all) are dropped from the
  // intern table rather than held until the table doubles.
  LocalizedText::DropUnusedInterned();
  if (content_loader.joinable()) content_loader.join();
  else load_content();
  site->spend = LoadSpend(root, SpendQueries(site->pages), rates, diags);
  site->theme = BuildTheme(CollectThemeFiles(root, diags), site->config, diags);
  // A site whose models have adjustable parameters publishes the what-if
  // engine beside the theme's scripts (pages with inputs load it).
  if (site->evaluation.HasInputs() && !WhatIfEngine().empty())
    site->theme.assets[std::string(kWhatIfEngineFile)] = std::string(WhatIfEngine());
  site->static_files = ListStatic(root, diags);
  // What a link may name besides pages: the files the build publishes from
  // static/ and from page bundles, by their place in the source tree.
  site->source_files.clear();
  for (const std::string& f : site->static_files) site->source_files.push_back(std::string(content::kStaticDir) + "/" + f);
  for (const content::Page& page : site->pages)
    for (const content::Resource& r : page.resources)
      if (r.published) site->source_files.push_back(r.path);
  std::sort(site->source_files.begin(), site->source_files.end());
  site->source_files.erase(std::unique(site->source_files.begin(), site->source_files.end()), site->source_files.end());
  return true;
}

}  // namespace costsite::load
