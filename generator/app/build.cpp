#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <chrono>
#include <ctime>
#include <thread>
#include <vector>

#include "base/fs_util.h"
#include "base/parallel.h"
#include "content/pages.h"
#include "content/site_config.h"
#include "output/staging.h"
#include "app/site_checks.h"
#include "markdown/cost_drift.h"
#include "markdown/markdown.h"
#include "pricing/pricing.h"
#include "render/anchors.h"
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
cost::Evaluation EvaluatePricing(const fs::path& root, const content::SiteConfig& cfg, int threads,
                                 Diagnostics* diags) {
  std::error_code ec;
  if (!fs::is_directory(root / "pricing", ec)) return cost::Evaluation();
  pricing::Options options;
  options.as_of = cfg.as_of;
  options.month_hours = cfg.month_hours;
  return pricing::LoadPricing(root / "pricing", options, *diags, threads);
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

// Renders every page in every language on `threads` threads and writes each
// file as soon as it is rendered, so memory stays flat however large the site:
// a page's HTML and text are dropped once written and indexed for search, and
// its Markdown once its job is done (nothing after rendering reads a page's
// text: the anchor check keeps the lines it quotes).
// One job is one page in all its languages, so the drift checks (which compare
// the languages) reuse the parses the renderer made. Each thread owns its
// parsed templates; whatever is kept lands in a slot per (page, language), so
// nothing depends on which thread finished first.
std::vector<render::OutputFile> RenderPages(const render::SiteInputs& in, std::vector<content::Page>* site_pages,
                                            const BuildOptions& options, int threads, output::Staging* staging,
                                            render::SearchIndexBuilder* search, Diagnostics* diags) {
  const std::vector<content::Page>& pages = *site_pages;
  const std::vector<std::string>& langs = in.config->languages;
  std::vector<render::OutputFile> files(pages.size() * langs.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  int n = std::max(1, std::min<int>(threads, static_cast<int>(pages.size())));
  auto work = [&](int worker) {
    render::PageRenderer renderer(in);
    std::string err;
    std::vector<markdown::PageCostRefs> refs;
    for (size_t p; (p = next.fetch_add(1)) < pages.size();) {
      const content::Page& page = pages[p];
      refs.assign(page.sources.size(), {});
      std::vector<bool> have(page.sources.size(), false);
      for (size_t l = 0; l < langs.size(); ++l) {
        render::OutputFile& file = files[p * langs.size() + l];
        // A source is read for drift where it is shown in its own language.
        const content::PageSource* own = page.In(langs[l]);
        size_t si = own ? static_cast<size_t>(own - page.sources.data()) : 0;
        file = renderer.Render(page, langs[l], diags, own ? &refs[si] : nullptr);
        if (own) have[si] = true;
        if (staging && !staging->Write(file.path, file.content, &err)) diags->Error({}, err, {}, 1, "output");
        if (staging && options.single_file && !page.is_list &&
            !staging->Write(render::SingleFilePath(file.path),
                            render::MakeSingleFile(file.content, file.path, *in.theme, in.config->base_url),
                            &err))
          diags->Error({}, err, {}, 1, "output");
        search->Add(worker, p * langs.size() + l, langs[l], file.path, file.title, file.search_text);
        // Written and indexed: keep only the path. swap, not `= std::string()`,
        // which keeps the old buffer (libstdc++ copies a short string into it).
        std::string().swap(file.content);
        std::string().swap(file.search_text);
      }
      // Sources in a language the site does not list are parsed here.
      for (size_t si = 0; si < page.sources.size(); ++si)
        if (!have[si])
          refs[si] = markdown::CollectCostRefs(page.sources[si].path, page.sources[si].body(),
                                               page.sources[si].body_line);
      markdown::CheckPageDrift(page, refs, in.evaluation, diags);
      for (content::PageSource& src : (*site_pages)[p].sources) {
        std::string().swap(src.text);
        src.body_offset = 0;
      }
      if (options.progress) options.progress(done.fetch_add(1) + 1, pages.size());
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work, t);
  work(0);
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
  auto lap = start;
  auto stage_done = [&](const char* name) {  // for --verbose
    auto now = std::chrono::steady_clock::now();
    stats->stages.emplace_back(name, std::chrono::duration<double>(now - lap).count());
    lap = now;
  };
  const fs::path root = options.source;
  const fs::path out = options.out.empty() ? root / "site" : options.out;

  content::SiteConfig cfg;
  if (!LoadConfig(root, &cfg, diags)) return false;
  if (cfg.build_date.empty()) cfg.build_date = options.build_date;
  const int threads = ThreadCount(options.threads);
  // Pages are read while the models evaluate (which is serial): the two do
  // not depend on each other, and each fills its own result.
  std::vector<content::Page> pages;
  std::thread content_loader([&] { pages = content::LoadContent(root, cfg, diags, threads); });
  cost::Evaluation evaluation = EvaluatePricing(root, cfg, threads, diags);
  stage_done("pricing");
  content_loader.join();
  stage_done("content");
  render::Theme theme = render::BuildTheme(render::CollectThemeFiles(root, diags), cfg, diags);
  WarnMissingTranslations(pages, cfg, diags);
  CheckExpectations(evaluation, diags);
  CheckPriceAges(evaluation, cfg.max_price_age_days, ReferenceDate(cfg), diags);
  if (diags->HasErrors()) return false;

  render::SiteInputs in{&cfg, &pages, &theme, &evaluation, options.version};
  std::unique_ptr<output::Staging> staging;
  if (options.write && !PrepareOutput(root, out, options.force, &staging, diags)) return false;
  stage_done("checks");

  markdown::Initialize();  // cmark-gfm's registry, once, before any thread
  // The data exports depend only on the evaluation: they are written on a
  // thread of their own while the pages render, one file at a time.
  std::atomic<size_t> exported{0};
  std::thread exports([&] {
    if (!in.evaluation) return;
    std::string err;
    render::ExportData(*in.evaluation, cfg.languages, [&](render::OutputFile f) {
      ++exported;
      if (staging && !staging->Write(f.path, f.content, &err)) diags->Error({}, err, {}, 1, "output");
    });
  });
  render::SearchIndexBuilder search(pages.size() * cfg.languages.size(), threads);
  std::vector<render::OutputFile> files = RenderPages(in, &pages, options, threads, staging.get(), &search, diags);
  stage_done("render");
  exports.join();
  stage_done("exports");
  render::CheckAnchors(files, diags);
  // After an error a page's references may be incomplete: no guesses then.
  if (!diags->HasErrors()) CheckUnusedModels(evaluation, files, diags);
  std::vector<render::OutputFile> extra;
  extra.push_back(render::RenderRootIndex(in));
  render::SearchIndexStats search_stats;
  std::string err;
  if (staging && !staging->WriteStreamed(render::kSearchIndexFile,
                                         [&](const output::Staging::Sink& sink) { search.Finish(sink, &search_stats); },
                                         &err))
    diags->Error({}, err, {}, 1, "output");
  if (!staging) search.Finish([](std::string_view) {}, &search_stats);  // check: sizes only
  stage_done("index");
  stats->search_index_bytes = search_stats.bytes;
  for (auto& f : render::PublishFiles(in)) extra.push_back(std::move(f));
  for (const auto& [path, bytes] : theme.assets) extra.push_back({path, bytes, {}, {}});

  stats->languages = cfg.languages;
  for (const auto& lang : cfg.languages) stats->pages_per_language[lang] += static_cast<int>(pages.size());
  stats->files = files.size() + exported + extra.size() + 1;  // + the search index
  for (const auto& f : extra) {
    if (staging && !staging->Write(f.path, f.content, &err)) diags->Error({}, err, {}, 1, "output");
  }
  // Any error so far: the staging folder is dropped, the old site stays.
  if (diags->HasErrors()) return false;
  if (staging && !staging->Commit(&err)) {
    diags->Error({}, err, {}, 1, "output");
    return false;
  }
  stage_done("commit");
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace costsite::app
