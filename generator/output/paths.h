// Where pages go in site/ and how they link to each other. Every URL costsite
// writes is relative, so the site works from file://, a zip, or any sub-path.
#ifndef COSTSITE_OUTPUT_PATHS_H_
#define COSTSITE_OUTPUT_PATHS_H_

#include <string>
#include <string_view>

namespace costsite::output {

/// "zh" + "reports/gpu" -> "zh/reports/gpu/index.html"; "" key is the home.
std::string PageFile(std::string_view lang, std::string_view key);

/// The relative URL from the file `from` to the file `to`, both relative to
/// the site root: ("zh/a/index.html", "style.css") -> "../../style.css".
std::string RelativeUrl(std::string_view from, std::string_view to);

/// The prefix leading from the folder of `from` to the site root ("../../").
std::string RootPrefix(std::string_view from);

}  // namespace costsite::output

#endif  // COSTSITE_OUTPUT_PATHS_H_
