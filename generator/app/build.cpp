#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "content/site_layout.h"
#include "app/site_checks.h"
#include "app/site_outputs.h"
#include "app/site_render.h"
#include "base/fs_util.h"
#include "base/parallel.h"
#include "content/pages.h"
#include "markdown/markdown.h"
#include "output/staging.h"
#include "render/anchors.h"
#include "render/export.h"
#include "render/page_lists.h"
#include "render/publish.h"
#include "render/search_index.h"
#include "render/single_file.h"
#include "render/site_renderer.h"
#include "load/theme.h"

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

// Renders every page in every language on `threads` threads and writes each
// file as soon as it is rendered, so memory stays flat however large the site:
// a page's HTML and text are dropped once written and indexed for search, and
// its Markdown, read again for the job (content::ReloadText), once the job is
// done (nothing after rendering reads a page's text: the anchor check keeps
// the lines it quotes).
// One job is one page in all its languages, so the drift checks (which compare
// the languages) reuse the parses the renderer made. Each thread owns its
// parsed templates; whatever is kept lands in a slot per (page, language), so
// nothing depends on which thread finished first.
// With `page_diags` (serve keeps the site), each page reports into its own
// list and keeps its text and search text.
//
// The data exports (one job per model, after the pages) share the same
// workers, so they fill the tail where one thread finishes the last pages.
//
// With `kept` (one per worker), no file's record is returned: each worker
// keeps what the checks after rendering read (PagesKept).
// What a build that keeps no file records (BuildOptions::keep unset) and
// writes its pages (so that their ids can be read back) holds of its rendered
// pages for the checks after rendering. A record per file (an OutputFile of
// 248 bytes, with its path and models) was 33 MB at 2 x 50,000 pages.
struct PagesKept {
  explicit PagesKept(const cost::Evaluation& evaluation) : shown(evaluation) {}
  // Every page file's path, hashed (PathHash): a link into a page is checked
  // against the file only when its path's hash is one of these. The paths
  // themselves, packed, were 6-8 MB at 2 x 100,000 pages; two paths with one
  // hash would only have a link into a file that is not a page read back.
  std::vector<uint64_t> paths;
  std::vector<render::OutputFile> linking;  // the files with fragment links: path and anchors only
  ShownModels shown;                        // the models the pages read (OutputFile::models)

  static uint64_t PathHash(std::string_view path) { return std::hash<std::string_view>()(path); }

  void Add(std::vector<render::OutputFile>* rendered) {
    for (render::OutputFile& f : *rendered) {
      if (f.path.empty()) continue;  // not rendered (its source could not be read)
      paths.push_back(PathHash(f.path));
      shown.Add(f.models);
      if (f.anchors.links.empty()) continue;
      render::OutputFile& l = linking.emplace_back();
      l.path = std::move(f.path);
      l.anchors = std::move(f.anchors);
    }
  }
};

std::vector<render::OutputFile> RenderPages(const render::SiteInputs& in, std::vector<content::Page>* site_pages,
                                            const BuildOptions& options, int threads, output::Staging* staging,
                                            const OutputSink* sink,
                                            render::SearchIndexBuilder* search, Diagnostics* diags,
                                            std::vector<std::unique_ptr<Diagnostics>>* page_diags,
                                            std::vector<PagesKept>* kept,
                                            size_t* more_files) {  // data exports and lists' later pages
  const std::vector<content::Page>& pages = *site_pages;
  const auto models = in.evaluation ? render::ResultsByModel(*in.evaluation) : std::vector<render::ModelPlaces>();
  std::atomic<size_t> exports{0}, pager_files{0};
  const std::vector<std::string>& langs = in.config->languages;
  std::vector<render::OutputFile> files(kept ? 0 : pages.size() * langs.size());
  if (page_diags) {
    page_diags->clear();
    for (size_t p = 0; p < pages.size(); ++p) page_diags->push_back(std::make_unique<Diagnostics>());
  }
  const bool keep = page_diags != nullptr;
  std::atomic<size_t> done{0};
  std::vector<std::unique_ptr<render::PageRenderer>> renderers(static_cast<size_t>(threads));
  render::PageLists lists(in.pages, in.config->translation_fallback);  // one for every thread
  ParallelFor(pages.size() + models.size(), threads, [&](size_t p, int worker) {
    if (p >= pages.size()) {
      std::string err;
      for (render::OutputFile& f : render::ExportModel(*in.evaluation, models[p - pages.size()], in.config->languages)) {
        ++exports;
        if (staging && !staging->Write(f.path, f.content, &err)) diags->Error({}, err, {}, 1, "output");
      }
      return;
    }
    // The results the page reads (held in a file in a build that keeps
    // nothing) are read back once and freed when the page is done.
    cost::ResultScope results_read;
    auto& renderer = renderers[static_cast<size_t>(worker)];
    // A written page's ids can be read back from its file, if a link leads to it.
    if (!renderer)
      renderer = std::make_unique<render::PageRenderer>(
          in, staging && !keep ? render::PageIds::kOwnLinks : render::PageIds::kEvery, &lists);
    std::string err;
    Diagnostics* page_out = keep ? (*page_diags)[p].get() : diags;
    std::vector<render::OutputFile> own(kept ? langs.size() : 0);
    render::OutputFile* slots = kept ? own.data() : &files[p * langs.size()];
    bool readable = true;
    for (content::PageSource& src : (*site_pages)[p].sources)
      readable = content::ReloadText(options.source, &src, page_out) && readable;
    if (!readable) return;
    RenderPage(*renderer, in, p, [&](size_t l, render::OutputFile& file) {
      if (staging) WritePageFiles(in, pages[p].is_list, file, options.single_file, *sink, diags);
      search->Add(worker, p * langs.size() + l, langs[l], file.path, file.title, file.search_text,
                  file.search_sections);
      // Written and indexed: keep only the path. swap, not `= std::string()`,
      // which keeps the old buffer (libstdc++ copies a short string into it).
      std::string().swap(file.content);
      if (!keep) {  // nothing after rendering reads these; serve keeps them for its search index
        std::string().swap(file.search_text);
        std::vector<render::SearchSection>().swap(file.search_sections);
        std::string().swap(file.title);
      }
    }, slots, page_out, [&](size_t, render::OutputFile& file) {
      ++pager_files;  // a later page of a list: written, neither searched nor kept
      if (staging && !staging->Write(file.path, file.content, &err)) diags->Error({}, err, {}, 1, "output");
    });
    if (kept) (*kept)[static_cast<size_t>(worker)].Add(&own);
    if (!keep) {
      for (content::PageSource& src : (*site_pages)[p].sources) {
        std::string().swap(src.text);
        src.body_offset = 0;
      }
    }
    if (options.progress) options.progress(done.fetch_add(1) + 1, pages.size());
  });
  *more_files = exports + pager_files;
  return files;
}

// Writes into the staging folder; a copied file is streamed, never held whole.
OutputSink StagingSink(output::Staging* staging) {
  OutputSink sink;
  sink.write = [staging](std::string_view rel, std::string_view content, std::string* error) {
    return staging->Write(rel, content, error);
  };
  sink.copy = [staging](std::string_view rel, const fs::path& from, std::string* error) {
    std::ifstream in(from, std::ios::binary);
    if (!in) {
      *error = "cannot read " + from.string();
      return false;
    }
    bool read = true;
    bool ok = staging->WriteStreamed(rel, [&](const output::Staging::Sink& piece) {
      std::vector<char> buf(1 << 16);
      while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
        piece(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
      read = in.eof();
    }, error);
    if (ok && !read) *error = "cannot read " + from.string();
    return ok && read;
  };
  return sink;
}

// Checks `out`, takes its lock (held until the build is over, so a second
// build of the same folder waits instead of removing this one's staging
// folder) and begins the staging folder.
bool PrepareOutput(const fs::path& root, const fs::path& out, const BuildOptions& options,
                   std::unique_ptr<output::OutputLock>* lock, std::unique_ptr<output::Staging>* staging,
                   Diagnostics* diags) {
  if (std::string why = output::CheckOutputLocation(root, out, content::kSourceDirs); !why.empty()) {
    diags->Error({}, why + " (--out " + out.string() + ")", {}, 1, "output");
    return false;
  }
  std::string err;
  *lock = std::make_unique<output::OutputLock>(out);
  if (!(*lock)->Acquire(options.waiting, &err)) {
    diags->Error({}, err, {}, 1, "output");
    return false;
  }
  if (!options.force) {
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
  const fs::path out = options.out.empty() ? root / content::kOutputDir : options.out;

  const int threads = ThreadCount(options.threads);
  BuildState local;
  BuildState& state = options.keep ? *options.keep : local;
  state.site = LoadedSite();
  state.load_diags.Clear();
  state.files.clear();
  state.page_diags.clear();
  LoadedSite& site = state.site;
  bool loaded = LoadSite(root, options.build_date, threads, options.keep != nullptr, &site, &state.load_diags,
                         options.keep ? &state.pricing_cache : nullptr);
  diags->Merge(state.load_diags);
  if (!loaded) return false;
  stage_done("load");
  if (diags->HasErrors()) return false;
  const content::SiteConfig& cfg = site.config;
  const cost::Evaluation& evaluation = site.evaluation;
  std::vector<content::Page>& pages = site.pages;

  render::SiteInputs in = InputsOf(site, options.version);
  std::unique_ptr<output::OutputLock> lock;  // declared first: released after the staging folder is gone
  std::unique_ptr<output::Staging> staging;
  if (options.write && !PrepareOutput(root, out, options, &lock, &staging, diags)) return false;
  stage_done("checks");

  markdown::Initialize();  // cmark-gfm's registry, once, before any thread
  render::SearchIndexBuilder search(pages.size() * cfg.languages.size(), threads);
  size_t more_files = 0;
  const OutputSink sink = staging ? StagingSink(staging.get()) : OutputSink();
  // Without records kept for serve, a build that writes its pages keeps
  // only what the checks below read of them.
  const bool compact = staging && !options.keep;
  std::vector<PagesKept> kept;
  if (compact) kept.resize(static_cast<size_t>(threads), PagesKept(evaluation));
  std::vector<render::OutputFile> files = RenderPages(in, &pages, options, threads, staging.get(), &sink, &search, diags,
                                                      options.keep ? &state.page_diags : nullptr,
                                                      compact ? &kept : nullptr, &more_files);
  for (const auto& page : state.page_diags) diags->Merge(*page);
  stage_done("render");
  std::vector<uint64_t> page_paths;  // hashed, sorted
  std::vector<render::OutputFile> linking;
  ShownModels shown(evaluation);
  for (PagesKept& k : kept) {
    page_paths.insert(page_paths.end(), k.paths.begin(), k.paths.end());
    std::vector<uint64_t>().swap(k.paths);
    std::move(k.linking.begin(), k.linking.end(), std::back_inserter(linking));
    shown.Merge(k.shown);
  }
  std::sort(page_paths.begin(), page_paths.end());
  if (!compact) {
    render::CheckAnchors(files, diags);
    shown = ModelsShown(evaluation, files);
  } else {
    // A page that is linked into but has no fragment links of its own is
    // read back from the file written, once.
    render::CheckAnchors(linking, diags, [&](std::string_view path) -> std::optional<render::IdList> {
      if (!std::binary_search(page_paths.begin(), page_paths.end(), PagesKept::PathHash(path))) return std::nullopt;
      std::string html, err;
      if (!ReadFile(staging->dir() / fs::path(std::string(path)), &html, &err)) {
        diags->Error({}, err, {}, 1, "output");
        return std::nullopt;
      }
      return render::IdList(render::CollectIds(html));
    });
  }
  // After an error a page's references may be incomplete: no guesses then.
  if (!diags->HasErrors()) CheckUnusedModels(evaluation, shown, diags);
  if (!diags->HasErrors()) CheckRawIds(evaluation, shown, cfg.languages, SourceLines(root), diags);
  kept.clear();
  std::vector<render::OutputFile>().swap(linking);
  std::vector<uint64_t>().swap(page_paths);
  // Each page in the languages it is published in.
  std::map<std::string, int> per_language;
  size_t page_files = 0;
  for (const content::Page& page : pages)
    for (const std::string& lang : cfg.languages)
      if (content::PublishedIn(page, lang, cfg.translation_fallback)) {
        ++per_language[lang];
        ++page_files;
      }
  if (!options.keep) {
    // Nothing after the checks reads the rendered pages' records or the
    // models' results: both go before the site's own files are made.
    std::vector<render::OutputFile>().swap(files);
    in.evaluation = nullptr;
    site.evaluation = cost::Evaluation();
  }
  // The site's own files (the root index, sitemap and feeds, the theme's
  // assets, static/ and the bundles' files) are made from the pages: made
  // before the search index merges its runs, the build's last high point,
  // so that a build that keeps nothing for serve lets the pages go first
  // (their records were a third of that high point at 2 x 50,000 pages).
  size_t site_files = 0;
  if (staging) {
    site_files = WriteSiteFiles(site, in, root, sink, diags);
  } else {
    // check writes nothing, but reports a static file at a generated path.
    OutputSink none{[](std::string_view, std::string_view, std::string*) { return true; },
                    [](std::string_view, const fs::path&, std::string*) { return true; }};
    site_files = WriteSiteFiles(site, in, root, none, diags);
  }
  if (!options.keep) std::vector<content::Page>().swap(pages);
  render::SearchIndexStats search_stats;
  std::string err;
  if (staging && !staging->WriteStreamed(render::kSearchIndexFile,
                                         [&](const output::Staging::Sink& sink) { search.Finish(sink, &search_stats); },
                                         &err))
    diags->Error({}, err, {}, 1, "output");
  if (!staging) search.Finish([](std::string_view) {}, &search_stats);  // check: sizes only
  if (!search_stats.error.empty()) diags->Error({}, search_stats.error, {}, 1, "output");
  stage_done("index");
  stats->search_index_bytes = search_stats.bytes;
  stats->search_index_runs = search_stats.runs;

  stats->languages = cfg.languages;
  for (const auto& [lang, count] : per_language) stats->pages_per_language[lang] += count;
  stats->files = page_files + more_files + site_files + 1;  // + the search index
  // Any error so far: the staging folder is dropped, the old site stays.
  if (diags->HasErrors()) return false;
  if (staging && !staging->Commit(&err)) {
    diags->Error({}, err, {}, 1, "output");
    return false;
  }
  stage_done("commit");
  if (options.keep) state.files = std::move(files);
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace costsite::app
