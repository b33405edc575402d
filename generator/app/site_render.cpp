#include "app/site_render.h"

#include <thread>

#include "app/site_checks.h"
#include "base/fs_util.h"
#include "base/today.h"
#include "markdown/cost_drift.h"
#include "pricing/pricing.h"

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

// The date prices are judged against: the pinned as_of, else today (UTC, or
// COSTSITE_TODAY, as the cost engine takes it; a bad one is reported there).
// Only diagnostics depend on it, never the output.
std::string ReferenceDate(const content::SiteConfig& cfg) {
  if (!cfg.as_of.empty()) return cfg.as_of;
  std::string today, error;
  return Today(&today, &error) ? today : UtcToday();
}

void WarnMissingTranslations(const std::vector<content::Page>& pages, const content::SiteConfig& cfg,
                             Diagnostics* diags) {
  for (const auto& page : pages) {
    for (const std::string& lang : cfg.languages) {
      if (page.In(lang) || page.sources.empty() || !page.taxonomy.empty()) continue;
      const auto& src = page.sources.front();
      diags->Warning({src.path, 1, 1}, "no '" + lang + "' translation of this page; the '" +
                                           src.lang + "' text is shown with a notice",
                     src.text, 1, "missing-translation");
    }
  }
}

}  // namespace

bool LoadConfig(const fs::path& root, content::SiteConfig* cfg, Diagnostics* diags) {
  std::string text, err;
  if (!InsideRoot(root, root / "site.yaml")) {
    diags->Error({"site.yaml", 0, 0}, "symbolic link points outside the site folder", {}, 1, "path-escape");
    return false;
  }
  if (!ReadFile(root / "site.yaml", &text, &err)) {
    diags->Error({"site.yaml", 0, 0}, "no site.yaml in " + root.string() +
                                          " (is --source the site folder?)", {}, 1, "io");
    return false;
  }
  *cfg = content::ParseSiteConfig("site.yaml", text, diags);
  return true;
}

cost::Evaluation EvaluatePricing(const fs::path& root, const content::SiteConfig& cfg, int threads,
                                 Diagnostics* diags, pricing::ParseCache* cache) {
  // A site without pricing/ is fine: its pages have no figures to reference.
  std::error_code ec;
  if (!fs::is_directory(root / "pricing", ec)) return cost::Evaluation();
  pricing::Options options;
  options.as_of = cfg.as_of;
  options.month_hours = cfg.month_hours;
  return pricing::LoadPricing(root / "pricing", options, *diags, threads, cache);
}

bool LoadSite(const fs::path& root, const std::string& build_date, int threads, bool keep_text, LoadedSite* site,
              Diagnostics* diags, pricing::ParseCache* cache) {
  if (!LoadConfig(root, &site->config, diags)) return false;
  if (site->config.build_date.empty()) site->config.build_date = build_date;
  // Pages are read while the models evaluate: the two do not depend on each
  // other, and each fills its own result.
  std::thread content_loader(
      [&] { site->pages = content::LoadContent(root, site->config, diags, threads, keep_text); });
  site->evaluation = EvaluatePricing(root, site->config, threads, diags, cache);
  content_loader.join();
  site->theme = render::BuildTheme(render::CollectThemeFiles(root, diags), site->config, diags);
  WarnMissingTranslations(site->pages, site->config, diags);
  CheckPricing(site->evaluation, site->config, diags);
  return true;
}

void CheckPricing(const cost::Evaluation& evaluation, const content::SiteConfig& cfg, Diagnostics* diags) {
  CheckExpectations(evaluation, diags);
  CheckPriceAges(evaluation, cfg.max_price_age_days, ReferenceDate(cfg), diags);
}

void RenderPage(render::PageRenderer& renderer, const render::SiteInputs& in, size_t p,
                const std::function<void(size_t lang, render::OutputFile& file)>& done,
                render::OutputFile* files, Diagnostics* diags) {
  const content::Page& page = (*in.pages)[p];
  const std::vector<std::string>& langs = in.config->languages;
  // The drift checks compare the languages: they reuse the parses the
  // renderer makes of each source in its own language.
  std::vector<markdown::PageCostRefs> refs(page.sources.size());
  std::vector<bool> have(page.sources.size(), false);
  for (size_t l = 0; l < langs.size(); ++l) {
    const content::PageSource* own = page.In(langs[l]);
    size_t si = own ? static_cast<size_t>(own - page.sources.data()) : 0;
    files[l] = renderer.Render(page, langs[l], diags, own ? &refs[si] : nullptr);
    if (own) have[si] = true;
    done(l, files[l]);
  }
  // Sources in a language the site does not list are parsed here.
  for (size_t si = 0; si < page.sources.size(); ++si)
    if (!have[si])
      refs[si] = markdown::CollectCostRefs(page.sources[si].path, page.sources[si].body(), page.sources[si].body_line);
  markdown::CheckPageDrift(page, refs, in.evaluation, diags);
}

}  // namespace costsite::app
