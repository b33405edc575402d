#include "app/site_render.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "app/site_checks.h"
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

// Only when the page is shown there in another language's text: without
// translation_fallback, a page lacking a language is simply not published
// in it, as in Hugo, where a site written in one language first is usual.
void WarnMissingTranslations(const std::vector<content::Page>& pages, const content::SiteConfig& cfg,
                             Diagnostics* diags) {
  if (!cfg.translation_fallback) return;
  for (const auto& page : pages) {
    for (const std::string& lang : cfg.languages) {
      if (page.In(lang) || page.sources.empty() || !page.taxonomy().empty()) continue;
      const auto& src = page.sources.front();
      diags->Warning({src.path, 1, 1}, "no '" + lang + "' translation of this page; the '" +
                                           src.lang + "' text is shown with a notice",
                     src.text, 1, "missing-translation");
    }
  }
}

}  // namespace

bool LoadSite(const fs::path& root, const std::string& build_date, int threads, bool keep, LoadedSite* site,
              Diagnostics* diags, pricing::ParseCache* cache) {
  load::LoadOptions options;
  options.build_date = build_date;
  options.threads = threads;
  options.keep_text = keep;
  options.spill_results = !keep;
  options.cache = cache;
  if (!load::LoadSite(root, options, site, diags)) return false;
  WarnMissingTranslations(site->pages, site->config, diags);
  CheckPricing(site->evaluation, site->config, root, diags);
  return true;
}

void CheckPricing(const cost::Evaluation& evaluation, const content::SiteConfig& cfg, const fs::path& root,
                  Diagnostics* diags) {
  CheckExpectations(evaluation, SourceLines(root), diags);
  CheckPriceAges(evaluation, cfg.max_price_age_days, ReferenceDate(cfg), diags);
}

void RenderPage(render::PageRenderer& renderer, const render::SiteInputs& in, size_t p,
                const std::function<void(size_t lang, render::OutputFile& file)>& done,
                render::OutputFile* files, Diagnostics* diags,
                const std::function<void(size_t lang, render::OutputFile& file)>& later) {
  const content::Page& page = (*in.pages)[p];
  const std::vector<std::string>& langs = in.config->languages;
  // The drift checks compare the languages: they reuse the parses the
  // renderer makes of each source in its own language.
  std::vector<markdown::PageCostRefs> refs(page.sources.size());
  std::vector<bool> have(page.sources.size(), false);
  // A text also shown in a language it lacks (translation_fallback) reports
  // its problems once, not once for every language it is shown in.
  const bool fallbacks = std::any_of(langs.begin(), langs.end(), [&](const std::string& l) {
    return !page.In(l) && content::PublishedIn(page, l, in.config->translation_fallback);
  });
  Diagnostics shown;
  for (size_t l = 0; l < langs.size(); ++l) {
    if (!content::PublishedIn(page, langs[l], in.config->translation_fallback)) continue;  // files[l] stays empty
    const content::PageSource* own = page.In(langs[l]);
    size_t si = own ? static_cast<size_t>(own - page.sources.data()) : 0;
    std::function<void(render::OutputFile&)> more;
    if (later) more = [&](render::OutputFile& file) { later(l, file); };
    files[l] = renderer.Render(page, langs[l], fallbacks ? &shown : diags, own ? &refs[si] : nullptr, more);
    if (own) have[si] = true;
    done(l, files[l]);
  }
  std::set<std::tuple<Severity, std::string, int, int, std::string>> seen;
  diags->MergeIf(shown, [&](const Diagnostic& d) {
    return seen.emplace(d.severity, d.pos.path, d.pos.line, d.pos.col, d.message).second;
  });
  // Sources in a language the site does not list are parsed here.
  for (size_t si = 0; si < page.sources.size(); ++si)
    if (!have[si])
      refs[si] = markdown::CollectCostRefs(page.sources[si].path, page.sources[si].body(), page.sources[si].body_line);
  markdown::CheckPageDrift(page, refs, in.evaluation, diags);
}

}  // namespace costsite::app
