// The theme: Mustache templates, UI strings per language and static assets.
// The default theme is embedded in the binary; a site overrides any file by
// putting one with the same path in its own templates/ folder, except the
// i18n files, whose words it overrides one key at a time.
#ifndef COSTSITE_LOAD_THEME_H_
#define COSTSITE_LOAD_THEME_H_

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/site_config.h"
#include "figures/strings.h"

namespace costsite::load {

/// One theme file and where it came from (for diagnostics).
struct ThemeFile {
  std::string origin;  // "templates/page.mustache" or "(default theme)/page.mustache"
  std::string text;
};

/// A loaded theme: templates with partials already inlined, UI strings, assets.
struct Theme {
  std::map<std::string, std::string> templates;  // "page" -> template text
  figures::UiWords strings;  // lang -> key -> text: every key in every site language
  std::map<std::string, std::string> assets;      // "style.css" -> bytes
  std::set<std::string> ids;  // ids the templates write as plain text ("main", "search", "toc-title")
};

/// Layers the site's templates/ over the default theme.
std::map<std::string, ThemeFile> CollectThemeFiles(const std::filesystem::path& site_root,
                                                   Diagnostics* diags);

/// The default theme's words in each of its languages (zh, en).
figures::UiWords BuiltinWords(Diagnostics* diags);

/// Builds the theme from its files: inlines `{{> name}}` partials (from
/// partials/NAME.mustache), checks template syntax, reads i18n/LANG.yaml for
/// every site language (the built-in words, then the site's file over them
/// key by key). A missing word falls back to the default language's with a
/// warning naming the language, the key and the file.
Theme BuildTheme(const std::map<std::string, ThemeFile>& files, const content::SiteConfig& cfg,
                 Diagnostics* diags);

}  // namespace costsite::load

#endif  // COSTSITE_LOAD_THEME_H_
