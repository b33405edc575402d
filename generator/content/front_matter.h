// Front matter as Hugo reads it: keys in any case (`Title:`, `linkTitle:`),
// YAML between `---` lines or TOML between `+++` lines, and the fields a
// documentation site uses (dates, taxonomies, aliases, menus, slug, url).
// Keys costsite does not know are kept as params for templates.
#ifndef COSTSITE_CONTENT_FRONT_MATTER_H_
#define COSTSITE_CONTENT_FRONT_MATTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/heap_optional.h"
#include "content/site_config.h"

namespace YAML {
class Node;
}

namespace costsite::content {

/// One `menu:` entry: the page is shown in menu `menu` of its language.
struct MenuEntry {
  std::string menu;  // "main"
  int weight = 0;    // order within the menu (then title)
  std::string name;  // "" = the page's linkTitle, else its title
  // Hugo's nested menus: the entry under another (its `parent` names that
  // entry's `identifier`, else its name); "" = at the top.
  std::string parent;
  std::string identifier;  // "" = its name
};

/// A front matter key costsite does not read itself, for templates as
/// `params.<key>`: a scalar's text, or a list of scalars.
struct Param {
  std::string key;  // lowercased, as Hugo does
  std::string value;
  std::vector<std::string> items;
  bool is_list = false;
};

/// A path written in the front matter (`url`, an alias), where it is written.
struct WrittenPath {
  std::string text;
  SourcePos pos;
};

/// The fields of a page's front matter that few pages set: held apart, so a
/// page without them costs a pointer (a large site keeps every page's front
/// matter until its lists are rendered).
struct FrontMatterMore {
  std::string translation_of;  // hash of the source this translates
  SourcePos translation_pos;   // where translation_of is written
  std::string headline;        // "model[scenario].figure" the home page compares; "" = none
  SourcePos headline_pos;      // where its value is written
  std::string headline_line;   // that line, for a diagnostic after the text is let go
  std::string date;            // YYYY-MM-DD ("" = none); a time of day is dropped
  std::string lastmod;         // YYYY-MM-DD ("" = none)
  std::string publish_date;    // publishDate (or pubDate): YYYY-MM-DD ("" = the date's)
  std::string expiry_date;     // expiryDate (or unpublishDate): YYYY-MM-DD ("" = never)
  std::string translation_key; // Hugo's translationKey: files naming the same one translate each other
  std::string link_title;      // shorter title for lists, menus and breadcrumbs
  std::string summary;         // list entry text; "" = description, else the first paragraph
  std::string slug;            // replaces the last part of the page's URL
  SourcePos slug_pos;
  WrittenPath url;             // the page's whole URL below its language's folder
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<WrittenPath> aliases;  // old URLs that redirect here
  std::vector<MenuEntry> menus;
  std::vector<Param> params;
  // Made from the page as it is read (content::PageSource reads them), held
  // here because they are as rare as the fields above: a page's redirect
  // files (only a page with `aliases` has any), and the info strings of its
  // ```cost actuals``` blocks.
  std::vector<std::string> alias_files, actuals_fences;
};

/// The fields of a page's front matter.
struct FrontMatter {
  std::string title;
  int weight = 0;  // 0 = none: sorts after every weighted page, as in Hugo
  bool draft = false;
  // Hugo's `headless: true`, or `build` / `_build` with `render: never`: the
  // page is not published (a headless bundle's files are still read, as
  // Kubernetes' content/en/includes/ are by its `include` shortcode).
  bool headless = false;

  /// `description:` ("" when not set).
  const std::string& description() const;
  void set_description(std::string text);
  /// The other fields (all empty when none is set).
  const FrontMatterMore& more() const;
  /// The other fields, to set one (allocated at the first; a copy's are its own).
  FrontMatterMore& more_mut();

 private:
  // Both on the heap when set: a pointer each in every page's record (held
  // from loading to the end of rendering), where the description inline was
  // 32 bytes and a pointer shared by copies 16.
  HeapOptional<std::string> description_;
  HeapOptional<FrontMatterMore> more_;
};

/// Whether a page with `front` is published under `cfg`'s build_drafts,
/// build_future and build_expired, as Hugo decides, by day: not a draft, its
/// publishDate (else date) not after cfg.today, its expiryDate after it.
bool PublishedBy(const FrontMatter& front, const SiteConfig& cfg);

/// The calendar day a Hugo date starts with ("2024-03-05T10:00:00+08:00" ->
/// "2024-03-05"); false when `text` does not start with a valid day.
bool ParseDay(std::string_view text, std::string* day);

/// Reads the fields of a parsed YAML map into `front`. `path` and `text` (the
/// whole file) place diagnostics; YAML marks count from `first_line`.
void ReadFrontMatterFields(const YAML::Node& doc, const std::string& path, std::string_view text, int first_line,
                           FrontMatter* front, Diagnostics* diags);

/// Reads front matter written in the forms nearly every page uses (`title:
/// …`, `weight: 3`, one plain or quoted scalar per line) without yaml-cpp;
/// false when some line is anything else, and then yaml-cpp reads the block,
/// which starts on line `first_line` of the file.
bool ReadSimpleFrontMatter(std::string_view yaml, const std::string& path, std::string_view text,
                           int first_line, FrontMatter* front, Diagnostics* diags);

/// Translates TOML front matter (the text between `+++` lines, which starts
/// on line `first_line` of the file) to YAML with the same lines, so that one
/// reader serves both; false (reported) for TOML outside the subset read:
/// `key = value` with a string, integer, float, boolean, date or one-line
/// array of those, `[table]` and `[table.sub]` headers, arrays of tables
/// (`[[name]]`), and comments.
bool TomlToYaml(std::string_view toml, const std::string& path, std::string_view text, int first_line,
                std::string* yaml, Diagnostics* diags);

/// `path` as Hugo makes a URL path of a file's: each space (after the
/// first kept character) a '-' before the next kept one, characters other
/// than letters, digits, marks and `. / \ _ - # + ~ @` (or `%` and two hex
/// digits) left out, and lowercased unless `lowercase` is false (Hugo's
/// `disablePathToLower`). "Getting started/Intro" -> "getting-started/intro";
/// "框架 — Hertz 正式开源！" -> "框架-hertz-正式开源".
std::string HugoPath(std::string_view path, bool lowercase);

/// The URL key of a page whose file gives `key`, after its slug and url
/// (`url: /docs/x/` -> "docs/x"); errors for a url or slug that would leave
/// the language's folder. The key and a slug are made as Hugo makes them
/// (HugoPath, lowercased unless `cfg` says not); a url is the path written.
/// A regular page (not `is_list`) of a top-level section with a permalink
/// in `cfg` and no url is at the pattern's URL, as Hugo makes it: `:year`,
/// `:month` and `:day` of its date, `:section` (the top-level one),
/// `:sections` (every folder), `:title` (made a path), `:slug` (else the
/// title), `:filename` (the file's, or its bundle's folder's, name) and
/// `:slugorfilename`.
/// A url from the site's root that starts with the page's language `lang`
/// (`url: /zh-cn/bar/` on a zh-cn page, as Hugo sites write it) is the page's
/// URL below that folder ("bar"), not a folder of that name inside it.
std::string UrlKey(const FrontMatter& front, const std::string& key, std::string_view text, Diagnostics* diags,
                   const SiteConfig* cfg = nullptr, bool is_list = false, std::string_view lang = {});

/// The files, from the site's root, of the page's aliases in `lang`, as
/// Hugo writes them: "/old/x" at the root ("old/x/index.html", so
/// "/en/old/x" is "en/old/x/index.html"), "old-x" beside the page
/// ("en/guides/old-x/index.html"), "old.html" as that file. Errors for one
/// that would climb above the site's root, or is the root itself.
std::vector<std::string> AliasFiles(const FrontMatter& front, const std::string& url_key, std::string_view lang,
                                    std::string_view text, Diagnostics* diags);

}  // namespace costsite::content

#endif  // COSTSITE_CONTENT_FRONT_MATTER_H_
