// The list of a site's outputs, made once: `build` writes it into its staging
// folder and `serve` into the folder it serves, so a new output appears in
// both. Pages and data exports are rendered apart (app/build.cpp); this is
// what each rendered page writes and every file besides them.
#ifndef COSTSITE_APP_SITE_OUTPUTS_H_
#define COSTSITE_APP_SITE_OUTPUTS_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/site_render.h"
#include "base/diagnostics.h"
#include "render/site_renderer.h"

namespace costsite::app {

/// Where outputs go: build's staging folder or serve's served folder. Each
/// returns false with `*error` set when the file cannot be written.
struct OutputSink {
  /// Writes `content` to `rel` (relative to the output folder).
  std::function<bool(std::string_view rel, std::string_view content, std::string* error)> write;
  /// Copies the file `from` to `rel`, as it is.
  std::function<bool(std::string_view rel, const std::filesystem::path& from, std::string* error)> copy;
};

/// A file copied into the output as it is.
struct CopiedFile {
  std::string path;            // in the output: "img/logo.png", "zh/guide/chart.png"
  std::filesystem::path from;  // on disk
};

/// Writes what one rendered page makes: its HTML, its search text, and with
/// `single_file` its self-contained copy (not for list pages); nothing for a
/// file with no path (a language the page is not published in). Errors go
/// to `diags` (code "output").
void WritePageFiles(const render::SiteInputs& in, bool is_list, const render::OutputFile& file, bool single_file,
                    const OutputSink& sink, Diagnostics* diags);

/// The generated files besides pages, exports and the search index: the
/// root index, 404.html, sitemap.xml and feeds (with a base_url), the
/// redirect pages of aliases (an alias at a taken URL is reported into
/// `diags`) and the theme's assets.
std::vector<render::OutputFile> SiteFiles(const render::SiteInputs& in, Diagnostics* diags);

/// True when SiteFiles could differ between a page source `a` and its new
/// version `b`: they differ in what the sitemap, the feeds and the redirect
/// pages read (title, dates, URL, aliases, the list entry's text). SiteFiles
/// reads nothing else of a page, and nothing of the cost models: serve skips
/// them after a price change, and after an edit this says is the same.
bool SiteFilesDiffer(const content::PageSource& a, const content::PageSource& b);

/// The files copied as they are: static/ at the output's root, and each
/// page bundle's resources beside its page in every language it is
/// published in (a language without its own copy of a resource gets the
/// first other language's).
std::vector<CopiedFile> CopiedFiles(const LoadedSite& site, const std::filesystem::path& root);

/// Writes SiteFiles and CopiedFiles. A static file at a path the site
/// generates is an error naming it. Returns the number of files written.
size_t WriteSiteFiles(const LoadedSite& site, const render::SiteInputs& in, const std::filesystem::path& root,
                      const OutputSink& sink, Diagnostics* diags);

}  // namespace costsite::app

#endif  // COSTSITE_APP_SITE_OUTPUTS_H_
