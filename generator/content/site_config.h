// site.yaml: the site's title per language, its languages and options.
#ifndef COSTSITE_CONTENT_SITE_CONFIG_H_
#define COSTSITE_CONTENT_SITE_CONFIG_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/localized.h"

namespace costsite::content {

/// How content/ tells a page's language (site.yaml `content_layout`).
enum class ContentLayout {
  kSuffix,   // "suffix": gpu.zh.md beside gpu.en.md; no suffix = default_language
  kFolders,  // "folders": content/zh/gpu.md and content/en/gpu.md (Hugo's contentDir per language)
};

/// Settings read from site.yaml; each field states its default.
struct SiteConfig {
  LocalizedText title;                         // required
  LocalizedText description;                   // optional
  std::vector<std::string> languages = {"en"}; // in switcher order
  std::string default_language = "en";         // files without a suffix
  ContentLayout content_layout = ContentLayout::kSuffix;
  // With kFolders, a language's folder under content/ when it is not the
  // language's code (Hugo's `contentDir = "content/zh-cn"` for `zh`).
  std::map<std::string, std::string, std::less<>> content_folders;
  std::string as_of;                           // "" = newest prices
  std::string display_currency;                // "" = each figure's own
  int month_hours = 730;                       // hours in a month
  int max_price_age_days = 0;                  // 0 = never stale
  bool raw_html = false;                       // pass raw HTML through
  // A page's URL from its file's path lowercased, as Hugo makes it (false:
  // Hugo's `disablePathToLower`); spaces are '-' either way.
  bool lowercase_urls = true;
  // The URL of each regular page of a top-level section, made from a
  // pattern (site.yaml `permalinks:`, Hugo's [permalinks]): "blog" ->
  // "/:section/:year/:month/:day/:slug/" (PermalinkTokens).
  std::map<std::string, std::string, std::less<>> permalinks;
  // The taxonomies listed, of kTaxonomies (site.yaml `taxonomies:`; Hugo's
  // disableKinds and [taxonomies]): their pages and each page's terms.
  std::vector<std::string> taxonomies = {"tags", "categories"};
  // Links as Hugo reads them with defaultContentLanguageInSubdir = false: a
  // root-relative URL without a language folder ("/docs/x/") is the default
  // language's. false: such a URL names a file at the root of site/.
  bool default_language_at_root = false;
  // A page lacking a language is published there too, with another
  // language's text under a notice. false: only in the languages it is
  // written in, as Hugo publishes it (the default when the site is read
  // from Hugo's configuration).
  bool translation_fallback = true;
  // A language's name in the language switcher, by code (Hugo's
  // languageName): set, it is shown instead of the theme's `language_name`.
  std::map<std::string, std::string, std::less<>> language_names;
  // Hugo's list pages that no file makes: a top-level folder of content/
  // holding pages of a language is a section page there, titled by the
  // folder's name ("docs" -> "Docs", "common" -> "Commons"; Hugo's
  // pluralizeListTitles, `pluralize_titles`), and each taxonomy has its page
  // in every language, used or not. true for a site read from Hugo's
  // configuration; false: a folder without _index is no page, and a
  // taxonomy no page uses has none.
  bool implicit_lists = false;
  bool pluralize_titles = true;
  // No redirect page for any page's `aliases` (Hugo's disableAliases).
  bool disable_aliases = false;
  int toc_min_headings = 4;                    // h2/h3 count for a TOC
  int pager_size = 200;                        // entries on one page of a list; 0: all on one
  // Values for Hugo's `{{< param "NAME" >}}`, by lowercased name: per
  // language, with "" for every language (site.yaml `params:`, or Hugo's
  // [params] and [languages.X.params]).
  std::map<std::string, LocalizedText, std::less<>> params;
  std::string base_url;                        // "" = nothing absolute
  std::string build_date;                      // "" = no timestamp
  // Which pages are published by their draft flag and dates (Hugo's
  // buildDrafts, buildFuture, buildExpired). A site.yaml site publishes a
  // page whatever its dates unless it says otherwise, so that a report's
  // output does not depend on the day it is built; a site read from Hugo's
  // configuration publishes as Hugo does (false, false, false).
  bool build_drafts = false;  // a `draft: true` page is published
  bool build_future = true;   // a page whose publishDate (else date) is after `today` is published
  bool build_expired = true;  // a page whose expiryDate is `today` or before is published
  // The day pages' dates are judged on, YYYY-MM-DD: set by the loader from
  // COSTSITE_TODAY or the clock (UTC) when build_future or build_expired is
  // false; "" = not needed.
  std::string today;
};

/// The folder under content/ holding `lang`'s pages with ContentLayout::kFolders:
/// its content_folders entry, else its code.
inline std::string_view ContentFolderOf(const SiteConfig& cfg, std::string_view lang) {
  auto it = cfg.content_folders.find(lang);
  return it == cfg.content_folders.end() ? lang : std::string_view(it->second);
}

/// The tokens a permalink pattern may hold, as Hugo names them.
inline constexpr std::string_view kPermalinkTokens[] = {":year", ":month", ":day", ":section", ":sections",
                                                        ":title", ":slug", ":filename", ":slugorfilename"};
/// The first token of `pattern` that is not one of kPermalinkTokens ("" when none).
std::string UnknownPermalinkToken(std::string_view pattern);

/// Parses site.yaml text; reports problems with positions into `diags`.
SiteConfig ParseSiteConfig(const std::string& path, std::string_view text, Diagnostics* diags);

/// The BCP 47 tag used in `<html lang>` for a site language ("zh" -> "zh-CN";
/// "zh-cn" -> "zh-CN", "zh-hans" -> "zh-Hans": subtags in their usual case).
std::string HtmlLang(std::string_view lang);

}  // namespace costsite::content

#endif  // COSTSITE_CONTENT_SITE_CONFIG_H_
