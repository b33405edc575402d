// serve's incremental builds. A session keeps what a full build produced
// (the loaded site, every page's rendered metadata and search text, each
// model's fingerprint) and, when source files change, re-renders only what
// they affect:
//
//   - an edited page: that page in every language (the home pages too when
//     its headline changed; every page when what pages show of others
//     changed: its title, list entry, dates, weight or menus);
//   - an edited price list, rate file or model: the models it reaches are
//     evaluated again (cost::Reevaluate), then the pages that show one of
//     them (or, when all were, one whose results changed), or that read
//     prices or rates directly, and the data exports of the changed models
//     are rendered;
//   - anything else (site.yaml, templates, a page added or removed): a full
//     build.
//
// Files are replaced one by one in the served folder, each page as soon as it
// is rendered; an update whose pages have errors puts back what it wrote, so
// the last good version keeps being served.
#ifndef COSTSITE_APP_SERVE_SESSION_H_
#define COSTSITE_APP_SERVE_SESSION_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/build.h"
#include "app/site_render.h"
#include "base/diagnostics.h"

namespace costsite::app {

/// What one build or update did, for the terminal and the browser.
struct UpdateReport {
  bool ok = false;
  bool full = false;           // a full build (not incremental)
  bool repriced = false;       // pricing/ changed: the models were evaluated again
  size_t pages_rendered = 0;   // pages rendered, counting each language apart (as build does)
  size_t pages_total = 0;
  size_t files_written = 0;    // files whose bytes changed
  size_t models_changed = 0;   // models whose results changed (pricing updates)
  size_t models_evaluated = 0; // models evaluated again: those a pricing change reaches (all, when it cannot tell)
  size_t pricing_files_parsed = 0;  // pricing files read again (the others' text was unchanged)
  size_t models_total = 0;
  double seconds = 0;          // from the call to the last file written
  double pricing_seconds = 0;  // of which reading pricing/ and evaluating (pricing updates)
  double first_page_seconds = 0;  // from the call to the first page written (incremental updates)
  std::string errors;          // formatted error diagnostics, "" when ok
  int warnings = 0;            // in the whole site after the update
};

/// What search-index.js is built from: each page's language, path, title
/// and search text, as the session had them when it was taken. The pages are
/// shared with the session, not copied, and an update replaces the pages it
/// re-renders rather than changing them: a snapshot can be read on another
/// thread while the session goes on (serve writes the index after an update,
/// off the thread that serves the next one).
struct SearchSnapshot {
  struct Page {
    std::string lang, path, title, text;
    std::vector<render::SearchSection> sections;
  };
  std::vector<std::shared_ptr<const Page>> pages;  // in the site's page order, each language apart
  std::filesystem::path out;                       // the served folder
};

/// Builds search-index.js from `snapshot` and writes it into its folder
/// unless the folder already holds those bytes. Returns true without writing
/// once `cancel` (if given) is set, checked between pages and, holding
/// `write_lock` (if given), just before writing: a newer update makes the
/// index being built stale. False and `error` on failure.
bool WriteSearchIndex(const SearchSnapshot& snapshot, const std::atomic<bool>* cancel, std::mutex* write_lock,
                      std::string* error);

class ServeSession {
 public:
  /// REQUIRES: options.out names the folder to serve (it is replaced).
  explicit ServeSession(BuildOptions options);
  ~ServeSession();

  /// Builds the whole site; on failure the folder keeps its last good state.
  UpdateReport FullBuild();
  /// Brings the site up to date with `changed` (paths relative to the site
  /// folder, as the watcher reports them); incremental where it can be.
  UpdateReport Update(const std::vector<std::string>& changed);
  /// Rewrites search-index.js from the kept search text of every page (after
  /// an update that re-rendered pages; slower than the update itself).
  bool WriteSearchIndex(std::string* error);
  /// The pages' search text as it now stands, for WriteSearchIndex on
  /// another thread.
  SearchSnapshot SearchInput() const;
  /// Every diagnostic of the site as it now stands (errors of a failed update
  /// are in its report, not here).
  std::vector<Diagnostic> Diagnostics() const;

 private:
  UpdateReport Apply(const std::vector<std::string>& changed);  // Update without what it prepares for the next
  UpdateReport Edit(const std::vector<std::string>& pages_changed);
  UpdateReport Reprice(const std::vector<std::string>& paths);  // paths: the pricing files the watcher named
  // Renders `which` and writes each page as it is rendered, then, with
  // `site_files`, the files besides pages (SiteFiles); puts back what it
  // wrote and returns false if any page has an error. `pages_changed`: page
  // sources were edited (titles, so the order of lists, may differ).
  bool RenderAndWrite(const std::vector<size_t>& which, bool pages_changed, bool site_files, UpdateReport* report);
  // Drops the loading diagnostics `stale` holds for, and adds `fresh`.
  void ReplaceLoadDiags(const std::function<bool(const Diagnostic&)>& stale, const costsite::Diagnostics& fresh);
  void Finish(UpdateReport* report);
  void Reset();
  void RunSiteChecks();
  // Moves the search text of state_->files[i] into search_[i].
  void TakeSearchText(size_t i);

  BuildOptions options_;
  std::unique_ptr<BuildState> state_;  // nullptr before the first good build
  std::unique_ptr<render::SiteInputs> inputs_;
  std::chrono::steady_clock::time_point update_start_;  // of the update running
  std::vector<std::unique_ptr<render::PageRenderer>> renderers_;  // one per thread, kept between updates
  std::map<std::string, uint64_t> model_prints_;    // model id -> fingerprint of all its results
  std::map<std::string, std::pair<size_t, size_t>> sources_;  // content path -> (page, source)
  costsite::Diagnostics checks_;                     // anchors and unused models, as of the last update
  std::vector<std::shared_ptr<const SearchSnapshot::Page>> search_;  // per file of state_->files
};

}  // namespace costsite::app

#endif  // COSTSITE_APP_SERVE_SESSION_H_
