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

/// A Hugo site's configuration, read when there is no site.yaml
/// (load/hugo_config.h): one of these names at the root or in
/// config/_default/, with languages.toml or .yaml beside it there.
inline constexpr std::string_view kHugoConfigNames[] = {"hugo.toml",   "hugo.yaml",   "hugo.yml",
                                                        "config.toml", "config.yaml", "config.yml"};
inline constexpr std::string_view kHugoConfigDir = "config";

/// True for a file of the site's settings (`rel` relative to the site root):
/// site.yaml, a Hugo configuration file at the root, or one under config/.
/// serve builds everything again when one changes.
inline bool IsSettingsFile(std::string_view rel) {
  if (rel == kConfigFile) return true;
  for (std::string_view name : kHugoConfigNames)
    if (rel == name) return true;
  return rel.size() > kHugoConfigDir.size() && rel.substr(0, kHugoConfigDir.size()) == kHugoConfigDir &&
         rel[kHugoConfigDir.size()] == '/';
}

/// "content/" + rel: a content file's path relative to the site root, as
/// diagnostics show it.
inline std::string InContent(std::string_view rel) { return std::string(kContentDir) + "/" + std::string(rel); }

}  // namespace costsite::content

#endif  // COSTSITE_CONTENT_SITE_LAYOUT_H_
