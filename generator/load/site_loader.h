// The one site loader: every command (build, check, serve, eval, diff) reads
// a site folder through it, so the folder's layout (content/site_layout.h)
// and the way each part is read are described once.
#ifndef COSTSITE_LOAD_SITE_LOADER_H_
#define COSTSITE_LOAD_SITE_LOADER_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/pages.h"
#include "content/site_config.h"
#include "cost/evaluation.h"
#include "cost/spend.h"
#include "load/theme.h"
#include "pricing/pricing.h"

namespace costsite::load {

/// A site's inputs, loaded and evaluated.
struct LoadedSite {
  content::SiteConfig config;
  cost::Evaluation evaluation;
  std::vector<content::Page> pages;
  Theme theme;
  /// Files under static/, relative to it ("img/a.png"): copied to the same
  /// path in the output.
  std::vector<std::string> static_files;
  /// Files links may name besides pages, relative to the site root and
  /// sorted: "static/img/a.png", "content/gpu/chart.png" (bundle resources).
  std::vector<std::string> source_files;
  /// The FOCUS export's sums for every page's `cost actuals` block.
  cost::SpendData spend;
  /// The folder it was loaded from.
  std::filesystem::path root;
};

/// How to load; each field states its default.
struct LoadOptions {
  std::string build_date;               // used when site.yaml sets none
  int threads = 0;                      // 0 = one per core
  bool keep_text = true;                // false: pages' Markdown is let go once read
  pricing::ParseCache* cache = nullptr; // unchanged pricing files are not parsed again
  bool spill_results = false;           // true: results held in a temporary file (cost::Options)
};

/// Reads `root`/site.yaml into `cfg`. A missing file is an error unless
/// `required` is false (then `cfg` keeps its defaults and the result is
/// true). Diagnostics name the file `shown_as` ("" = "site.yaml").
bool LoadConfig(const std::filesystem::path& root, content::SiteConfig* cfg, Diagnostics* diags,
                bool required = true, const std::string& shown_as = "");

/// The pricing options site.yaml sets (as_of, month_hours).
pricing::Options PricingOptions(const content::SiteConfig& cfg);

/// `root`/pricing.
std::filesystem::path PricingDir(const std::filesystem::path& root);

/// `root`/actuals: the site's FOCUS billing exports.
std::filesystem::path ActualsDir(const std::filesystem::path& root);

/// Loads pricing/ and evaluates every model (an empty evaluation when the
/// site has no pricing/) on `threads` threads; with `cache`, unchanged files
/// are not parsed again; with `spill_results`, the results are held in a
/// temporary file (cost::Options::spill_results).
cost::Evaluation EvaluatePricing(const std::filesystem::path& root, const content::SiteConfig& cfg, int threads,
                                 Diagnostics* diags, pricing::ParseCache* cache = nullptr,
                                 std::vector<cost::Rate>* rates = nullptr, bool spill_results = false);

/// Reads `root`/pricing and evaluates every model with `options`. When the
/// formulas call actual(…), the FOCUS export under `root`/actuals is read
/// once, grouped by the columns they select on, and each call's exact sums
/// are handed to the engine (cost::Options::actuals).
cost::Evaluation LoadPricingWithActuals(const std::filesystem::path& root, pricing::Options options,
                                        Diagnostics* diags, int threads = 0, pricing::ParseCache* cache = nullptr,
                                        std::vector<cost::Rate>* rates = nullptr);
/// Reads the FOCUS export under `root`/actuals once per cost measure and
/// target currency the `queries` use (converted at `rates`, pricing/'s
/// exchange rates), grouped by every column they name and by charge day, and
/// sums each query's groups. Queries with an unknown measure or column are
/// left out (the Markdown stage reports them where they are written).
cost::SpendData LoadSpend(const std::filesystem::path& root, std::vector<cost::SpendQuery> queries,
                          const std::vector<cost::Rate>& rates, Diagnostics* diags);

/// The `cost actuals` queries of every page's every language.
std::vector<cost::SpendQuery> SpendQueries(const std::vector<content::Page>& pages);

/// The files under `root`/static, relative to it; links leading outside the
/// site are reported, not listed.
std::vector<std::string> ListStatic(const std::filesystem::path& root, Diagnostics* diags);

/// Loads everything under `root`: site.yaml, pricing (evaluated), content,
/// the theme and static/. False when site.yaml is missing; errors in the
/// inputs are in `diags`.
bool LoadSite(const std::filesystem::path& root, const LoadOptions& options, LoadedSite* site, Diagnostics* diags);

}  // namespace costsite::load

#endif  // COSTSITE_LOAD_SITE_LOADER_H_
