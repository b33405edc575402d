#include "app/serve_session.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>

#include "app/site_checks.h"
#include "app/site_outputs.h"
#include "base/fs_util.h"
#include "base/parallel.h"
#include "cost/evaluate.h"
#include "cost/spend.h"
#include "pricing/pricing.h"
#include "content/pages.h"
#include "content/site_layout.h"
#include "output/staging.h"
#include "render/anchors.h"
#include "render/export.h"
#include "render/search_index.h"
#include "render/single_file.h"

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// The pages of `files` that are written: a language a page is not published
// in has a file record with no path.
size_t PageFiles(const std::vector<render::OutputFile>& files) {
  return static_cast<size_t>(
      std::count_if(files.begin(), files.end(), [](const render::OutputFile& f) { return !f.path.empty(); }));
}

bool IsUnder(std::string_view path, std::string_view dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string ErrorText(const costsite::Diagnostics& diags) {
  std::string text;
  for (const Diagnostic& d : diags.Sorted())
    if (d.severity == Severity::kError) text += FormatDiagnostic(d);
  return text;
}

// The fingerprint of each model over all its results (base and scenarios).
std::map<std::string, uint64_t> ModelPrints(const cost::Evaluation& evaluation) {
  std::map<std::string, uint64_t> prints;
  for (const cost::ModelResult& r : evaluation.results()) {
    uint64_t& h = prints[r.model];
    h = h * 1099511628211ull ^ cost::Fingerprint(r);
  }
  return prints;
}

// What places a page among the site's files: its URL, its redirects, and
// its tags and categories (each term has a page), and the translationKey
// that pairs it with its other languages.
bool Placed(const content::PageSource& a, const content::PageSource& b) {
  return a.url_key != b.url_key || a.alias_files() != b.alias_files() || a.front.more().tags != b.front.more().tags ||
         a.front.more().categories != b.front.more().categories ||
         a.front.more().translation_key != b.front.more().translation_key;
}

// What pages show of other pages: titles and list entries (home and section
// lists, a section's sidebar, the previous and next page, breadcrumbs, the
// menu), ordered by weight, date and title. A change re-renders every page.
bool ShownElsewhere(const content::PageSource& a, const content::PageSource& b) {
  const content::FrontMatterMore &x = a.front.more(), &y = b.front.more();
  auto same_menus = [&] {
    return std::equal(x.menus.begin(), x.menus.end(), y.menus.begin(), y.menus.end(),
                      [](const content::MenuEntry& m, const content::MenuEntry& n) {
                        return m.menu == n.menu && m.weight == n.weight && m.name == n.name;
                      });
  };
  return SiteFilesDiffer(a, b) || a.front.weight != b.front.weight || x.link_title != y.link_title || !same_menus();
}

// Writes `content` to `file` unless it already holds exactly that; true when
// it wrote. Comparing costs one read from the page cache; rewriting an
// unchanged file would make every open tab of it reload.
bool WriteIfChanged(const fs::path& file, std::string_view content, size_t* written, std::string* error) {
  std::string old, ignored;
  if (ReadFile(file, &old, &ignored) && old == content) return true;
  if (!output::ReplaceFile(file, content, error)) return false;
  ++*written;
  return true;
}

// Writes into the served folder, each file only if its bytes changed, from
// any thread, and keeps what each file it replaced held, so that Undo puts
// the folder back as it was (an update that turns out to have an error).
class UndoableWrites {
 public:
  explicit UndoableWrites(fs::path out) : out_(std::move(out)) {}
  UndoableWrites(const UndoableWrites&) = delete;
  UndoableWrites& operator=(const UndoableWrites&) = delete;

  OutputSink Sink() {
    OutputSink sink;
    sink.write = [this](std::string_view rel, std::string_view content, std::string* error) {
      return Write(rel, content, error);
    };
    sink.copy = [this](std::string_view rel, const fs::path& from, std::string* error) {
      std::string bytes;
      return ReadFile(from, &bytes, error) && Write(rel, bytes, error);
    };
    return sink;
  }
  /// The files whose bytes changed.
  size_t count() const {
    std::lock_guard<std::mutex> lock(mu_);
    return replaced_.size();
  }
  /// Puts back every file written, in the reverse order.
  void Undo() {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto r = replaced_.rbegin(); r != replaced_.rend(); ++r) {
      std::string ignored;
      std::error_code ec;
      if (r->existed)
        output::ReplaceFile(r->file, r->bytes, &ignored);
      else
        fs::remove(r->file, ec);
    }
    replaced_.clear();
  }

 private:
  struct Replaced {
    fs::path file;
    bool existed = false;
    std::string bytes;  // what it held
  };

  bool Write(std::string_view rel, std::string_view content, std::string* error) {
    Replaced r;
    r.file = out_ / rel;
    std::string ignored;
    r.existed = ReadFile(r.file, &r.bytes, &ignored);
    if (r.existed && r.bytes == content) return true;  // comparing costs one read from the page cache
    if (!output::ReplaceFile(r.file, content, error)) return false;
    std::lock_guard<std::mutex> lock(mu_);
    replaced_.push_back(std::move(r));
    return true;
  }

  fs::path out_;
  mutable std::mutex mu_;
  std::vector<Replaced> replaced_;
};

}  // namespace

ServeSession::ServeSession(BuildOptions options) : options_(std::move(options)) {
  options_.force = true;  // the served folder is the session's own
}

ServeSession::~ServeSession() = default;

UpdateReport ServeSession::FullBuild() {
  auto start = Clock::now();
  UpdateReport report;
  report.full = true;
  auto kept = std::make_unique<BuildState>();
  if (state_) {
    state_->pricing_cache.joined.reset();  // made again below; not worth copying
    kept->pricing_cache = state_->pricing_cache;  // a copy: a failed build keeps the old state whole
  }
  BuildOptions opt = options_;
  opt.keep = kept.get();
  costsite::Diagnostics diags;
  BuildStats stats;
  report.ok = BuildSite(opt, &diags, &stats) && !diags.HasErrors();
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!report.ok) {
    report.errors = ErrorText(diags);
    if (report.errors.empty()) report.errors = "the build failed\n";
    return report;  // the folder and the session keep their last good state
  }
  state_ = std::move(kept);
  Reset();
  report.pages_total = report.pages_rendered = PageFiles(state_->files);
  report.files_written = stats.files;
  report.models_total = model_prints_.size();
  report.warnings = diags.WarningCount();
  pricing::PrepareJoined(&state_->pricing_cache, ThreadCount(options_.threads));
  return report;
}

void ServeSession::Reset() {
  inputs_ = std::make_unique<render::SiteInputs>(InputsOf(state_->site, options_.version));
  renderers_.clear();
  model_prints_ = ModelPrints(state_->site.evaluation);
  search_.assign(state_->files.size(), nullptr);
  for (size_t i = 0; i < state_->files.size(); ++i) TakeSearchText(i);
  sources_.clear();
  for (size_t p = 0; p < state_->site.pages.size(); ++p)
    for (size_t s = 0; s < state_->site.pages[p].sources.size(); ++s)
      sources_[state_->site.pages[p].sources[s].path] = {p, s};
  RunSiteChecks();
}

// The checks over the whole site that `build` runs after rendering, on the
// pages as they are now.
void ServeSession::RunSiteChecks() {
  checks_.Clear();
  render::CheckAnchors(state_->files, &checks_);
  const ShownModels shown = ModelsShown(state_->site.evaluation, state_->files);
  CheckUnusedModels(state_->site.evaluation, shown, &checks_);
  CheckRawIds(state_->site.evaluation, shown, state_->site.config.languages, SourceLines(options_.source), &checks_);
}

UpdateReport ServeSession::Update(const std::vector<std::string>& changed) {
  UpdateReport report = Apply(changed);
  // The next price change starts from the pricing inputs joined ahead: made
  // here, once this update's pages are out, not while a reader waits.
  if (state_ && !state_->pricing_cache.joined)
    pricing::PrepareJoined(&state_->pricing_cache, ThreadCount(options_.threads));
  return report;
}

UpdateReport ServeSession::Apply(const std::vector<std::string>& changed) {
  if (!state_) return FullBuild();
  bool pricing = false, structural = false;
  std::vector<std::string> pages, prices;
  for (const std::string& path : changed) {
    std::error_code ec;
    bool exists = fs::exists(fs::path(options_.source) / path, ec);
    if (IsUnder(path, content::kContentDir)) {
      if (path.back() == '/') structural = true;  // a folder: pages may have come or gone
      if (!content::IsPageFile(path)) {           // a bundle's file: copied by a full build
        structural = true;
        continue;
      }
      // A page that now resolves outside the site (replaced by a symbolic
      // link) is left to the full build, whose loader refuses it as `build`
      // does, rather than read here.
      if (exists && sources_.count(path) && IsWithin(fs::path(options_.source) / path, options_.source))
        pages.push_back(path);
      else
        structural = true;  // a page added or removed
    } else if (IsUnder(path, content::kPricingDir)) {
      pricing = pricing || EndsWith(path, ".yaml") || EndsWith(path, ".yml") || path.back() == '/';
      prices.push_back(path);
    } else if (content::IsSettingsFile(path) || IsUnder(path, content::kTemplatesDir) ||
               IsUnder(path, content::kStaticDir) || IsUnder(path, content::kActualsDir)) {
      structural = true;
    }
  }
  // Prices and pages changed together (a branch checked out): start over.
  if (structural || (pricing && !pages.empty())) return FullBuild();
  if (pricing) return Reprice(prices);
  if (!pages.empty()) return Edit(pages);
  UpdateReport nothing;
  nothing.ok = true;
  return nothing;
}

UpdateReport ServeSession::Edit(const std::vector<std::string>& paths) {
  auto start = update_start_ = Clock::now();
  UpdateReport report;
  LoadedSite& site = state_->site;
  costsite::Diagnostics load;
  std::vector<std::pair<std::pair<size_t, size_t>, content::PageSource>> saved;  // for a rollback
  std::set<size_t> which;
  bool lists = false, shown = false, site_files = false;
  for (const std::string& path : paths) {
    auto [p, s] = sources_.at(path);
    content::PageSource fresh;
    if (!content::LoadSource(options_.source, path.substr(content::kContentDir.size() + 1), site.config, &fresh,
                             &load)) {
      continue;  // reported below, with nothing applied
    }
    content::PageSource& old = site.pages[p].sources[s];
    // The page leaves the site, moves, or is listed under other terms (each
    // term has a page).
    if (!content::PublishedBy(fresh.front, site.config) || fresh.lang != old.lang || Placed(old, fresh))
      return FullBuild();
    // A new `cost actuals` block needs the export read for it, as a full build does.
    if (fresh.actuals_fences() != old.actuals_fences())
      for (const std::string& info : fresh.actuals_fences())
        if (cost::SpendQuery q; cost::ParseSpendInfo(info, &q) && !site.spend.Find(q)) return FullBuild();
    // The home pages show headlines; every page may show the others' titles.
    lists = lists || fresh.front.more().headline != old.front.more().headline;
    shown = shown || ShownElsewhere(old, fresh);
    site_files = site_files || SiteFilesDiffer(old, fresh);
    saved.push_back({{p, s}, std::move(old)});
    old = std::move(fresh);
    which.insert(p);
  }
  auto rollback = [&] {
    for (auto& [at, src] : saved) site.pages[at.first].sources[at.second] = std::move(src);
  };
  if (load.HasErrors()) {
    rollback();
    report.errors = ErrorText(load);
    return report;
  }
  for (size_t p = 0; p < site.pages.size(); ++p)
    if (shown || (lists && site.pages[p].is_list)) which.insert(p);
  if (!RenderAndWrite({which.begin(), which.end()}, /*pages_changed=*/true, site_files, &report)) {
    rollback();
    return report;
  }
  // The edited files' own loading diagnostics replace their old ones; the
  // missing-translation warnings depend only on which pages exist.
  std::set<std::string> edited(paths.begin(), paths.end());
  ReplaceLoadDiags([&](const Diagnostic& d) { return edited.count(d.pos.path) && d.code != "missing-translation"; },
                   load);
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  Finish(&report);
  return report;
}

UpdateReport ServeSession::Reprice(const std::vector<std::string>& paths) {
  auto start = update_start_ = Clock::now();
  UpdateReport report;
  report.repriced = true;
  LoadedSite& site = state_->site;
  costsite::Diagnostics pricing;
  const int threads = ThreadCount(options_.threads);
  cost::Evaluation fresh;
  // Only the models a change reaches are evaluated again (cost::Reevaluate),
  // when the last evaluation reported nothing under pricing/: the models it
  // keeps would not report their warnings again. Otherwise, or without a
  // pricing/ folder, everything is evaluated, as build does.
  const std::vector<Diagnostic> loaded = state_->load_diags.Sorted();
  const bool quiet = std::none_of(loaded.begin(), loaded.end(), [](const Diagnostic& d) {
    return d.pos.path == content::kPricingDir || IsUnder(d.pos.path, content::kPricingDir);
  });
  std::error_code ec;
  cost::ReevaluateStats re;
  if (quiet && fs::is_directory(load::PricingDir(options_.source), ec)) {
    // Only the files the watcher names are read, when it can tell (no file
    // added or removed); the others' inputs are the parse cache's.
    const fs::path dir = load::PricingDir(options_.source);
    cost::Inputs in;
    if (!pricing::ReadPricingChanged(dir, paths, pricing, threads, &state_->pricing_cache, &in))
      in = pricing::ReadPricing(dir, pricing, threads, &state_->pricing_cache);
    fresh = cost::Reevaluate(site.evaluation, std::move(in), state_->pricing_cache.changed,
                             load::PricingOptions(site.config), pricing, threads, &re);
  } else {
    fresh = load::EvaluatePricing(options_.source, site.config, threads, &pricing, &state_->pricing_cache);
    re.full = true;
  }
  report.pricing_files_parsed = state_->pricing_cache.parsed;
  report.pricing_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  CheckPricing(fresh, site.config, options_.source, &pricing);
  if (pricing.HasErrors()) {
    report.errors = ErrorText(pricing);
    return report;
  }
  // Which models changed, by the fingerprints of their results. The models
  // not built again have the results, so the fingerprints, they had: only the
  // rebuilt ones are fingerprinted, on every thread. Hashing a model's
  // results takes tens of microseconds, so after a partial evaluation the
  // pages are chosen by the rebuilt models (a superset of the changed ones:
  // a page whose model came out the same is rendered to the same bytes, which
  // are not written) and the fingerprints are taken once the pages are out.
  std::map<std::string, uint64_t> prints;  // of the models evaluated (all with re.full)
  std::set<std::string> changed;
  std::vector<std::string> removed;  // evaluated before, gone now
  size_t added = 0;
  auto compare = [&] {
    for (const auto& [id, h] : prints) {
      auto old = model_prints_.find(id);
      added += old == model_prints_.end();
      if (old == model_prints_.end() || old->second != h) changed.insert(id);
    }
    if (re.full) {
      for (const auto& [id, h] : model_prints_)
        if (!prints.count(id)) removed.push_back(id);
    } else {
      for (const std::string& id : re.rebuilt)
        if (!prints.count(id) && model_prints_.count(id)) removed.push_back(id);
    }
    changed.insert(removed.begin(), removed.end());
  };
  if (re.full) {
    prints = ModelPrints(fresh);
    compare();
  }
  const std::set<std::string>& shown = re.full ? changed : re.rebuilt;

  // The pages that show a changed model, or read prices or rates themselves.
  const size_t langs = site.config.languages.size();
  std::vector<size_t> which;
  for (size_t p = 0; p < site.pages.size(); ++p) {
    bool affected = false;
    for (size_t l = 0; l < langs && !affected; ++l) {
      const render::OutputFile& f = state_->files[p * langs + l];
      affected = f.reads_pricing ||
                 std::any_of(f.models.begin(), f.models.end(), [&](const std::string& m) { return shown.count(m); });
    }
    if (affected) which.push_back(p);
  }
  // The renderer reads site.evaluation through inputs_: swap the new one in
  // place, and back if the pages it breaks are not to be written. The files
  // besides pages read no model (SiteFilesDiffer): they stay as they are.
  std::swap(site.evaluation, fresh);
  if (!RenderAndWrite(which, /*pages_changed=*/false, /*site_files=*/false, &report)) {
    std::swap(site.evaluation, fresh);
    return report;
  }
  if (!re.full) {
    std::vector<const cost::ModelResult*> rebuilt;
    for (const cost::ModelResult& r : site.evaluation.results())
      if (re.rebuilt.count(r.model)) rebuilt.push_back(&r);
    std::vector<uint64_t> hashes(rebuilt.size());
    ParallelFor(rebuilt.size(), threads, [&](size_t i, int) { hashes[i] = cost::Fingerprint(*rebuilt[i]); });
    for (size_t i = 0; i < rebuilt.size(); ++i) {  // folded in the results' order, as ModelPrints does
      uint64_t& h = prints[rebuilt[i]->model];
      h = h * 1099511628211ull ^ hashes[i];
    }
    compare();
  }
  report.models_evaluated = re.full ? prints.size() : re.rebuilt.size();
  report.models_changed = changed.size();
  report.models_total = model_prints_.size() + added - removed.size();
  std::string err;
  const fs::path out = options_.out;
  for (render::ModelPlaces places : render::ResultsByModel(site.evaluation)) {
    if (!changed.count(site.evaluation.results().model(places.first))) continue;
    for (const render::OutputFile& f : render::ExportModel(site.evaluation, places, site.config.languages))
      if (!WriteIfChanged(out / f.path, f.content, &report.files_written, &err)) report.errors += err + "\n";
  }
  for (const std::string& id : removed)
    for (const char* ext : {"json", "csv"}) {
      std::error_code ec;
      fs::remove(out / render::DataFile(id, ext), ec);
    }
  if (re.full) {
    model_prints_ = std::move(prints);
  } else {
    for (const std::string& id : removed) model_prints_.erase(id);
    for (auto& [id, h] : prints) model_prints_[id] = h;
  }
  ReplaceLoadDiags([](const Diagnostic& d) { return d.pos.path == content::kPricingDir || IsUnder(d.pos.path, content::kPricingDir); },
                   pricing);
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  Finish(&report);
  return report;
}

bool ServeSession::RenderAndWrite(const std::vector<size_t>& which, bool pages_changed, bool site_files,
                                  UpdateReport* report) {
  const LoadedSite& site = state_->site;
  const size_t langs = site.config.languages.size();
  // Each page is written as soon as it is rendered, on the thread that
  // rendered it: the page a reader waits for is served after a few pages, not
  // after all of them (after a price change read by 250 models, 500 pages).
  // Once a page has an error nothing more is written, and what was written is
  // put back, so the browser (reloaded only after the update) keeps showing
  // the last good version.
  std::vector<render::OutputFile> files(which.size() * langs);
  std::vector<std::unique_ptr<costsite::Diagnostics>> diags(which.size());
  // One renderer per thread, kept from update to update: making one parses
  // the templates and orders every section (10,000 reports), which the first
  // page would wait for. Only an edit can change a title, so an order.
  renderers_.resize(static_cast<size_t>(ThreadCount(options_.threads)));
  if (pages_changed)
    for (auto& renderer : renderers_)
      if (renderer) renderer->PagesChanged();
  UndoableWrites writes(options_.out);
  const OutputSink sink = writes.Sink();
  costsite::Diagnostics write_errors;  // shared by the threads (it locks)
  std::atomic<bool> failed{false}, first_written{false};
  ParallelFor(which.size(), static_cast<int>(renderers_.size()), [&](size_t i, int worker) {
    auto& renderer = renderers_[static_cast<size_t>(worker)];
    if (!renderer) renderer = std::make_unique<render::PageRenderer>(*inputs_);
    diags[i] = std::make_unique<costsite::Diagnostics>();
    std::vector<render::OutputFile> later;  // a long list's later pages
    RenderPage(*renderer, *inputs_, which[i], [](size_t, render::OutputFile&) {}, &files[i * langs], diags[i].get(),
               [&](size_t, render::OutputFile& f) { later.push_back(std::move(f)); });
    if (diags[i]->HasErrors()) failed = true;
    if (failed) return;  // the other pages are still rendered, for their errors
    for (size_t l = 0; l < langs; ++l) {
      render::OutputFile& f = files[i * langs + l];
      WritePageFiles(*inputs_, site.pages[which[i]].is_list, f, options_.single_file, sink, &write_errors);
      std::string().swap(f.content);
    }
    std::string err;
    for (const render::OutputFile& f : later)
      if (!sink.write(f.path, f.content, &err)) write_errors.Error({}, err, {}, 1, "output");
    if (!first_written.exchange(true))
      report->first_page_seconds = std::chrono::duration<double>(Clock::now() - update_start_).count();
  });
  // The files besides pages list titles, dates and URLs, never a figure: the
  // root index, 404.html, sitemap.xml, feeds, aliases. At 2 × 10,000 pages
  // they take longer than a page, so they are made only when `site_files`
  // says they may have changed, and written if they did. Copies change only
  // with a full build (static/ or a page added).
  if (site_files && !failed) {
    std::string err;
    for (const render::OutputFile& f : SiteFiles(*inputs_, &write_errors))
      if (!sink.write(f.path, f.content, &err)) write_errors.Error({}, err, {}, 1, "output");
  }
  costsite::Diagnostics errors;
  for (const auto& d : diags) errors.MergeIf(*d, [](const Diagnostic& x) { return x.severity == Severity::kError; });
  errors.Merge(write_errors);
  if (errors.HasErrors()) {
    report->errors = ErrorText(errors);
    writes.Undo();
    return false;
  }
  report->files_written += writes.count();
  report->pages_rendered = PageFiles(files);
  for (size_t i = 0; i < which.size(); ++i) {
    size_t p = which[i];
    for (size_t l = 0; l < langs; ++l) {
      state_->files[p * langs + l] = std::move(files[i * langs + l]);
      TakeSearchText(p * langs + l);
    }
    state_->page_diags[p] = std::move(diags[i]);
  }
  return true;
}

void ServeSession::ReplaceLoadDiags(const std::function<bool(const Diagnostic&)>& stale,
                                    const costsite::Diagnostics& fresh) {
  costsite::Diagnostics kept;
  kept.MergeIf(state_->load_diags, [&](const Diagnostic& d) { return !stale(d); });
  kept.Merge(fresh);
  state_->load_diags.Clear();
  state_->load_diags.Merge(kept);
}

void ServeSession::Finish(UpdateReport* report) {
  RunSiteChecks();
  report->ok = report->errors.empty();
  report->pages_total = PageFiles(state_->files);
  if (report->models_total == 0) report->models_total = model_prints_.size();
  for (const Diagnostic& d : Diagnostics()) report->warnings += d.severity == Severity::kWarning;
}

void ServeSession::TakeSearchText(size_t i) {
  render::OutputFile& f = state_->files[i];
  const std::vector<std::string>& langs = state_->site.config.languages;
  auto page = std::make_shared<SearchSnapshot::Page>();
  page->lang = langs[i % langs.size()];
  page->path = f.path;
  page->title = f.title;
  page->text = std::move(f.search_text);  // read only by the search index from here on
  page->sections = std::move(f.search_sections);
  f.search_text.clear();
  f.search_sections.clear();
  search_[i] = std::move(page);
}

SearchSnapshot ServeSession::SearchInput() const {
  SearchSnapshot snapshot;
  snapshot.out = options_.out;
  if (state_) snapshot.pages = search_;
  return snapshot;
}

bool ServeSession::WriteSearchIndex(std::string* error) {
  if (!state_) return true;
  return app::WriteSearchIndex(SearchInput(), nullptr, nullptr, error);
}

bool WriteSearchIndex(const SearchSnapshot& snapshot, const std::atomic<bool>* cancel, std::mutex* write_lock,
                      std::string* error) {
  render::SearchIndexBuilder search(snapshot.pages.size(), 1);
  for (size_t i = 0; i < snapshot.pages.size(); ++i) {
    if (cancel && (i & 255) == 0 && cancel->load(std::memory_order_relaxed)) return true;
    const SearchSnapshot::Page& p = *snapshot.pages[i];
    if (p.path.empty()) continue;  // a language the page is not published in
    search.Add(0, i, p.lang, p.path, p.title, p.text, p.sections);
  }
  render::SearchIndexStats stats;
  std::string text = search.Finish(&stats);
  if (!stats.error.empty()) {
    *error = stats.error;
    return false;
  }
  // The index (38 MB at 2 × 10,000 pages) is compared and written beside
  // its place without the lock; holding it, the file is only renamed into
  // place. This thread runs at a low priority: an update waiting for it to
  // write under the lock waited seconds on a busy machine.
  const fs::path file = snapshot.out / render::kSearchIndexFile;
  std::string old, ignored;
  if (ReadFile(file, &old, &ignored) && old == text) return true;
  std::string().swap(old);
  fs::path next = file;
  next += ".next";
  if (!output::ReplaceFile(next, text, error)) return false;
  std::unique_lock<std::mutex> lock;
  if (write_lock) lock = std::unique_lock<std::mutex>(*write_lock);
  std::error_code ec;
  if (cancel && cancel->load()) {
    fs::remove(next, ec);
    return true;
  }
  fs::rename(next, file, ec);
  if (ec) {
    *error = "cannot replace " + file.string() + ": " + ec.message();
    fs::remove(next, ec);
    return false;
  }
  return true;
}

std::vector<Diagnostic> ServeSession::Diagnostics() const {
  costsite::Diagnostics all;
  if (!state_) return {};
  all.Merge(state_->load_diags);
  for (const auto& d : state_->page_diags)
    if (d) all.Merge(*d);
  all.Merge(checks_);
  return all.Sorted();
}

}  // namespace costsite::app
