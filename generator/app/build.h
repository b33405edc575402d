// The build: the one function that names the stages in order.
#ifndef COSTSITE_APP_BUILD_H_
#define COSTSITE_APP_BUILD_H_

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace costsite::app {

struct BuildState;  // app/site_render.h

/// What to build and how; each field states its default.
struct BuildOptions {
  std::filesystem::path source = ".";  // the site folder
  std::filesystem::path out;           // "" = source/site
  bool write = true;                   // false: check only, write nothing
  bool force = false;                  // replace an output folder holding foreign files
  bool single_file = false;            // also write each report as one self-contained file
  int threads = 0;                     // 0 = one per core
  std::string version;                 // shown in the generator meta tag
  std::string build_date;              // footer date when site.yaml sets none ("" = none)
  /// Called once when another build holds the output folder, before this one
  /// waits for it to finish (output::OutputLock); may be empty.
  std::function<void()> waiting;
  /// Called from render threads after each page (done, total); may be empty.
  std::function<void(size_t done, size_t total)> progress;
  /// If set, a successful build leaves its inputs and per-page results here
  /// (app/site_render.h) instead of dropping them as it goes.
  BuildState* keep = nullptr;
};

/// Counts for the summary line.
struct BuildStats {
  std::map<std::string, int> pages_per_language;  // in site language order? see languages
  std::vector<std::string> languages;
  size_t files = 0;
  size_t search_index_bytes = 0;  // size of search-index.js
  size_t search_index_runs = 0;   // the sorted runs of terms merged into it
  double seconds = 0;
  /// Wall-clock seconds of each stage, in order ("load", "render", …), for --verbose.
  std::vector<std::pair<std::string, double>> stages;
};

/// Loads, evaluates, renders and (unless options.write is false) writes the
/// site atomically. Returns false when the inputs have errors; in that case
/// nothing was written and the previous output is untouched.
bool BuildSite(const BuildOptions& options, Diagnostics* diags, BuildStats* stats);

}  // namespace costsite::app

#endif  // COSTSITE_APP_BUILD_H_
