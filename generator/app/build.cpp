#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <chrono>
#include <ctime>
#include <thread>
#include <vector>

#include "base/fs_util.h"
#include "content/pages.h"
#include "content/site_config.h"
#include "output/staging.h"
#include "app/site_checks.h"
#include "markdown/cost_drift.h"
#include "markdown/markdown.h"
#include "pricing/pricing.h"
#include "render/export.h"
#include "render/publish.h"
#include "render/search_index.h"
#include "render/single_file.h"
#include "render/site_renderer.h"
#include "render/theme.h"

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

bool LoadConfig(const fs::path& root, content::SiteConfig* cfg, Diagnostics* diags) {
  std::string text, err;
  if (!ReadFile(root / "site.yaml", &text, &err)) {
    diags->Error({"site.yaml", 0, 0}, "no site.yaml in " + root.string() +
                                          " (is --source the site folder?)", {}, 1, "io");
    return false;
  }
  *cfg = content::ParseSiteConfig("site.yaml", text, diags);
  return true;
}

// Loads pricing/ and evaluates every model. A site without pricing/ is fine:
// its pages simply have no figures to reference.
cost::Evaluation EvaluatePricing(const fs::path& root, const content::SiteConfig& cfg,
                                 Diagnostics* diags) {
  std::error_code ec;
  if (!fs::is_directory(root / "pricing", ec)) return cost::Evaluation();
  pricing::Options options;
  options.as_of = cfg.as_of;
  options.month_hours = cfg.month_hours;
  return pricing::LoadPricing(root / "pricing", options, *diags);
}

// The date prices are judged against: the pinned as_of, else today (UTC).
// Only diagnostics depend on it, never the output.
std::string ReferenceDate(const content::SiteConfig& cfg) {
  if (!cfg.as_of.empty()) return cfg.as_of;
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

void WarnMissingTranslations(const std::vector<content::Page>& pages, const content::SiteConfig& cfg,
                             Diagnostics* diags) {
  for (const auto& page : pages) {
    for (const std::string& lang : cfg.languages) {
      if (page.In(lang) || page.sources.empty()) continue;
      const auto& src = page.sources.front();
      diags->Warning({src.path, 1, 1}, "no '" + lang + "' translation of this page; the '" +
                                           src.lang + "' text is shown with a notice",
                     src.text, 1, "missing-translation");
    }
  }
}

// Renders every (page, language) pair on `threads` threads and writes each
// page as soon as it is rendered, so memory stays flat however large the site.
// Each thread owns its parsed templates; what is kept (title, search text)
// lands in a slot per job, so nothing depends on which thread finished first.
std::vector<render::OutputFile> RenderPages(const render::SiteInputs& in, int threads, bool single_file,
                                            output::Staging* staging, Diagnostics* diags) {
  struct Job {
    const content::Page* page;
    const std::string* lang;
  };
  std::vector<Job> jobs;
  for (const auto& page : *in.pages)
    for (const std::string& lang : in.config->languages) jobs.push_back({&page, &lang});
  std::vector<render::OutputFile> files(jobs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    render::PageRenderer renderer(in);
    std::string err;
    for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      // Drift checks read the page in every language: once per page, here on
      // the workers rather than serially before rendering.
      if (*jobs[i].lang == in.config->languages.front())
        markdown::CheckPageDrift(*jobs[i].page, in.evaluation, diags);
      files[i] = renderer.Render(*jobs[i].page, *jobs[i].lang, diags);
      if (staging && !staging->Write(files[i].path, files[i].content, &err))
        diags->Error({}, err, {}, 1, "output");
      if (staging && single_file && !jobs[i].page->is_list &&
          !staging->Write(render::SingleFilePath(files[i].path),
                          render::MakeSingleFile(files[i].content, files[i].path, *in.theme,
                                                 in.config->base_url),
                          &err))
        diags->Error({}, err, {}, 1, "output");
      files[i].content = std::string();  // written; keep only what the index needs
    }
  };
  int n = std::max(1, std::min<int>(threads, static_cast<int>(jobs.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return files;
}

bool PrepareOutput(const fs::path& root, const fs::path& out, bool force,
                   std::unique_ptr<output::Staging>* staging, Diagnostics* diags) {
  if (std::string why = output::CheckOutputLocation(root, out); !why.empty()) {
    diags->Error({}, why + " (--out " + out.string() + ")", {}, 1, "output");
    return false;
  }
  if (!force) {
    std::vector<std::string> foreign = output::ForeignFiles(out);
    if (!foreign.empty()) {
      std::string list;
      for (size_t i = 0; i < foreign.size() && i < 5; ++i) list += (i ? ", " : "") + foreign[i];
      if (foreign.size() > 5) list += ", ...";
      diags->Error({}, "refusing to replace " + out.string() + ": it holds " +
                           std::to_string(foreign.size()) + " file(s) costsite did not write (" +
                           list + "); move them away or pass --force", {}, 1, "output");
      return false;
    }
  }
  *staging = std::make_unique<output::Staging>(out);
  std::string err;
  if (!(*staging)->Begin(&err)) {
    diags->Error({}, err, {}, 1, "output");
    return false;
  }
  return true;
}

}  // namespace

bool BuildSite(const BuildOptions& options, Diagnostics* diags, BuildStats* stats) {
  auto start = std::chrono::steady_clock::now();
  const fs::path root = options.source;
  const fs::path out = options.out.empty() ? root / "site" : options.out;

  content::SiteConfig cfg;
  if (!LoadConfig(root, &cfg, diags)) return false;
  if (cfg.build_date.empty()) cfg.build_date = options.build_date;
  cost::Evaluation evaluation = EvaluatePricing(root, cfg, diags);
  std::vector<content::Page> pages = content::LoadContent(root, cfg, diags);
  render::Theme theme = render::BuildTheme(render::CollectThemeFiles(root, diags), cfg, diags);
  WarnMissingTranslations(pages, cfg, diags);
  CheckExpectations(evaluation, diags);
  CheckPriceAges(evaluation, cfg.max_price_age_days, ReferenceDate(cfg), diags);
  if (diags->HasErrors()) return false;

  render::SiteInputs in{&cfg, &pages, &theme, &evaluation, options.version};
  std::unique_ptr<output::Staging> staging;
  if (options.write && !PrepareOutput(root, out, options.force, &staging, diags)) return false;

  int threads = options.threads > 0 ? options.threads
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  markdown::Initialize();  // cmark-gfm's registry, once, before any thread
  std::vector<render::OutputFile> files = RenderPages(in, threads, options.single_file, staging.get(), diags);
  std::vector<render::OutputFile> extra;
  extra.push_back(render::RenderRootIndex(in));
  render::SearchIndexStats search;
  extra.push_back({std::string(render::kSearchIndexFile), render::BuildSearchIndex(files, &search), {}, {}});
  stats->search_index_bytes = search.bytes;
  if (in.evaluation)
    for (auto& f : render::ExportData(*in.evaluation, cfg.languages)) extra.push_back(std::move(f));
  for (auto& f : render::PublishFiles(in)) extra.push_back(std::move(f));
  for (const auto& [path, bytes] : theme.assets) extra.push_back({path, bytes, {}, {}});

  stats->languages = cfg.languages;
  for (const auto& page : pages)
    for (const auto& lang : cfg.languages) stats->pages_per_language[lang] += 1;
  stats->files = files.size() + extra.size();
  std::string err;
  for (const auto& f : extra) {
    if (staging && !staging->Write(f.path, f.content, &err)) diags->Error({}, err, {}, 1, "output");
  }
  // Any error so far: the staging folder is dropped, the old site stays.
  if (diags->HasErrors()) return false;
  if (staging && !staging->Commit(&err)) {
    diags->Error({}, err, {}, 1, "output");
    return false;
  }
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace costsite::app
