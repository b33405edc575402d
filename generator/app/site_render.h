// The steps a full build and serve's incremental updates share: loading a
// site's inputs (config, pricing, content, theme) with the checks that need
// only them, and rendering one page in every language of the site.
#ifndef COSTSITE_APP_SITE_RENDER_H_
#define COSTSITE_APP_SITE_RENDER_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/pages.h"
#include "content/site_config.h"
#include "cost/evaluation.h"
#include "pricing/pricing.h"
#include "render/site_renderer.h"
#include "load/site_loader.h"

namespace costsite::app {

using load::LoadedSite;

/// The renderer's view of a loaded site. REQUIRES: `site` outlives the result.
inline render::SiteInputs InputsOf(const LoadedSite& site, const std::string& version) {
  return {&site.config, &site.pages, &site.theme, &site.evaluation, version, &site.source_files, &site.spend,
          site.root};
}

/// What a build keeps when asked (BuildOptions::keep), for serve's
/// incremental updates: the site with every page's text, each file's
/// metadata with its search text, and each page's own diagnostics.
struct BuildState {
  LoadedSite site;
  Diagnostics load_diags;                                // loading and the checks LoadSite runs
  std::vector<render::OutputFile> files;                 // per (page, language); content dropped
  std::vector<std::unique_ptr<Diagnostics>> page_diags;  // per page: rendering and drift
  pricing::ParseCache pricing_cache;                     // pricing files as parsed, for the next load
};

/// The checks on an evaluation that every build runs: expectations a source
/// states, and prices older than site.yaml's max_price_age.
void CheckPricing(const cost::Evaluation& evaluation, const content::SiteConfig& cfg, const std::filesystem::path& root,
                  Diagnostics* diags);

/// Loads everything under `root` (load::LoadSite) and runs the checks that need no rendering
/// (missing translations, expectations, price ages). `build_date` is used
/// when site.yaml sets none. With `keep` (serve keeps the site to update
/// it), pages' Markdown and the models' results stay in memory; without,
/// Markdown is let go once read (content::LoadContent) and the results are
/// held in a temporary file, read back a page's at a time
/// (cost::ResultScope). False when site.yaml is missing; errors in the
/// inputs are in `diags`.
bool LoadSite(const std::filesystem::path& root, const std::string& build_date, int threads, bool keep,
              LoadedSite* site, Diagnostics* diags, pricing::ParseCache* cache = nullptr);

/// Renders page `p` of `in` in every site language it is published in
/// (content::PublishedIn) with `renderer` (one per thread) and runs its
/// drift checks. `done(l, file)` receives the file of the l-th site language
/// while it still holds its HTML and search text; what it leaves in `file`
/// is kept in files[l]. files[l] of a language the page is not published in
/// is left as it was (an empty path: nothing to write). The later pages of a list
/// shown a page of entries at a time go to `later(l, file)`, each before
/// its language's first page reaches `done`, and are not kept.
/// REQUIRES: `files` has room for one file per site language.
void RenderPage(render::PageRenderer& renderer, const render::SiteInputs& in, size_t p,
                const std::function<void(size_t lang, render::OutputFile& file)>& done,
                render::OutputFile* files, Diagnostics* diags,
                const std::function<void(size_t lang, render::OutputFile& file)>& later = {});

}  // namespace costsite::app

#endif  // COSTSITE_APP_SITE_RENDER_H_
