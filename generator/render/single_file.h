// Single-file reports (`costsite build --single-file`): a rendered page made
// self-contained so it can be mailed or attached to a ticket. The stylesheet
// is inlined (charts are inline SVG already), scripts and alternate links are
// dropped, and links to other pages of the site become absolute under the
// site's base_url, or plain text without one.
#ifndef COSTSITE_RENDER_SINGLE_FILE_H_
#define COSTSITE_RENDER_SINGLE_FILE_H_

#include <string>
#include <string_view>

#include "load/theme.h"

namespace costsite::render {

/// Where the single-file copy of the page at `page_path` goes:
/// "zh/reports/gpu/index.html" -> "single/zh/reports/gpu.html".
std::string SingleFilePath(std::string_view page_path);

/// `html`, rendered for `page_path`, made self-contained with `theme`'s assets.
std::string MakeSingleFile(std::string_view html, std::string_view page_path, const load::Theme& theme,
                           std::string_view base_url);

/// Resolves the relative URL `url` against the folder of `from` (both
/// site-relative): ("zh/a/index.html", "../../style.css") -> "style.css".
std::string ResolveRelative(std::string_view from, std::string_view url);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SINGLE_FILE_H_
