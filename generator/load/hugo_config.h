// A Hugo site's own configuration, for a site without site.yaml: the
// settings costsite shares with Hugo (title, languages and their order,
// default language, per-language content folders, base URL, whether the
// default language is served at the root) read from hugo.toml, hugo.yaml,
// config.toml or config.yaml, at the site's root or in config/_default/
// (with its languages.toml or languages.yaml). Everything else in them is
// Hugo's alone and is not read.
#ifndef COSTSITE_LOAD_HUGO_CONFIG_H_
#define COSTSITE_LOAD_HUGO_CONFIG_H_

#include <filesystem>
#include <string>

#include "base/diagnostics.h"
#include "content/site_config.h"

namespace costsite::load {

/// The Hugo configuration file of `root` that ReadHugoConfig reads, relative
/// to it ("hugo.toml", "config/_default/hugo.yaml"); "" when it has none.
std::string HugoConfigFile(const std::filesystem::path& root);

/// Fills `cfg` from the Hugo configuration `file` (HugoConfigFile) of `root`.
/// False, with an error naming the file, when it cannot be read.
bool ReadHugoConfig(const std::filesystem::path& root, const std::string& file, content::SiteConfig* cfg,
                    Diagnostics* diags);

}  // namespace costsite::load

#endif  // COSTSITE_LOAD_HUGO_CONFIG_H_
