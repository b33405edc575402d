// The names of a site folder's parts, in one place. Every command finds
// site.yaml, content/, pricing/, templates/ and static/ through these, so a
// part renamed or added here is seen by build, check, serve, eval and diff.
#ifndef COSTSITE_CONTENT_SITE_LAYOUT_H_
#define COSTSITE_CONTENT_SITE_LAYOUT_H_

#include <string>
#include <string_view>

namespace costsite::content {

inline constexpr std::string_view kConfigFile = "site.yaml";   // the site's settings
inline constexpr std::string_view kContentDir = "content";     // Markdown pages and bundles
inline constexpr std::string_view kPricingDir = "pricing";     // price lists, rates, models
inline constexpr std::string_view kTemplatesDir = "templates"; // the site's theme overrides
inline constexpr std::string_view kStaticDir = "static";       // copied into the output as they are
inline constexpr std::string_view kActualsDir = "actuals";     // FOCUS billing exports (costsite actuals)
inline constexpr std::string_view kOutputDir = "site";         // the default output folder

/// The source folders of a site: the output may not be inside one of them,
/// and serve watches them.
inline constexpr std::string_view kSourceDirs[] = {kContentDir, kPricingDir, kTemplatesDir, kStaticDir, kActualsDir};

/// "content/" + rel: a content file's path relative to the site root, as
/// diagnostics show it.
inline std::string InContent(std::string_view rel) { return std::string(kContentDir) + "/" + std::string(rel); }

}  // namespace costsite::content

#endif  // COSTSITE_CONTENT_SITE_LAYOUT_H_
