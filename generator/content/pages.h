// Content pages: front matter, language suffixes, and translations paired by
// file name as in Hugo (gpu.zh.md + gpu.en.md are one page in two languages).
#ifndef COSTSITE_CONTENT_PAGES_H_
#define COSTSITE_CONTENT_PAGES_H_

#include <filesystem>
#include <set>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/heap_optional.h"
#include "base/spill.h"
#include "content/front_matter.h"
#include "content/site_config.h"

namespace costsite::content {

/// A language code as a page's record holds it: one pointer to the one copy
/// of that code the process keeps (a site has a few languages; every record
/// held a std::string of 32 bytes). Read as the string it points to.
class LangCode {
 public:
  LangCode() : p_(&Intern({})) {}
  LangCode(std::string_view code) : p_(&Intern(code)) {}          // NOLINT: set as a string is
  LangCode(const std::string& code) : p_(&Intern(code)) {}        // NOLINT
  LangCode(const char* code) : p_(&Intern(code)) {}               // NOLINT
  const std::string& str() const { return *p_; }
  operator const std::string&() const { return *p_; }             // NOLINT: read as the string it is
  operator std::string_view() const { return *p_; }               // NOLINT
  bool empty() const { return p_->empty(); }
  size_t size() const { return p_->size(); }

  friend bool operator==(const LangCode& a, const LangCode& b) { return a.p_ == b.p_; }
  friend bool operator==(const LangCode& a, const std::string& b) { return *a.p_ == b; }
  friend bool operator==(const LangCode& a, std::string_view b) { return *a.p_ == b; }
  friend bool operator==(const LangCode& a, const char* b) { return *a.p_ == b; }
  friend std::string operator+(const std::string& a, const LangCode& b) { return a + *b.p_; }
  friend std::string operator+(std::string&& a, const LangCode& b) { return std::move(a) + *b.p_; }
  friend std::string operator+(const char* a, const LangCode& b) { return a + *b.p_; }
  friend std::string operator+(const LangCode& a, const std::string& b) { return *a.p_ + b; }
  friend std::string operator+(const LangCode& a, const char* b) { return *a.p_ + b; }

 private:
  // The process's copy of `code`, made at its first use and kept to the end.
  static const std::string& Intern(std::string_view code);
  const std::string* p_;
};

/// One Markdown file in one language.
struct PageSource {
  LangCode lang;
  std::string path;   // relative to the site root: content/reports/gpu.en.md
  std::string text;   // the whole file (only its first line while unloaded)
  FrontMatter front;
  HeldText first_paragraph;              // the body's first paragraph as plain text, for lists
                                         // (put away in a temporary file by a build that lets the text go)
  std::string url_key;                   // the page's URL below its language ("" = home), after slug and url
  // Offsets in 32 bits (a page is at most 10 MiB).
  uint32_t body_offset = 0;  // byte offset of the body in `text`
  int body_line = 1;         // 1-based line where the body starts
  uint64_t digest = 0;       // while unloaded, of its bytes as loaded (never 0), to notice an edit before ReloadText

  std::string_view body() const { return std::string_view(text).substr(body_offset); }
  /// `text` was let go after loading; ReloadText brings it back.
  bool unloaded() const { return digest != 0; }
  /// Redirect files below the language's folder (AliasFiles).
  const std::vector<std::string>& alias_files() const;
  /// Info strings of the body's ```cost actuals …``` blocks, kept when the text is let go.
  const std::vector<std::string>& actuals_fences() const;
  // Few pages have aliases or billing tables: both lists are held with the
  // front matter's rarely written fields (FrontMatterMore), not in every
  // page's record (held from loading to the end of rendering). A record of
  // 192 bytes puts a page's two languages in 384, where 256 took 512 and 336
  // took 768.
  void set_alias_files(std::vector<std::string> files);
  void set_actuals_fences(std::vector<std::string> infos);
};

/// A file published beside its page: an image or attachment of a page
/// bundle (gpu/index.md with gpu/chart.png), as Hugo publishes them.
struct Resource {
  std::string path;  // relative to the site root: content/gpu/chart.png
  std::string name;  // relative to the bundle's folder: chart.png, img/a.png
  std::string lang;  // its language folder (content_layout: folders), or the
                     // language in its name (chart.zh.png); "" = every language
  bool lang_only = false;  // named for its language: published for that language only
  bool published = true;   // false for Markdown in a leaf bundle (a resource, not a page)
};

struct Page;

/// The copy of resource `name` published beside `page` in `lang`'s folder:
/// the language's own (its folder's, or named chart.zh.png), else the one for
/// every language, else another language folder's (borrowed, as a page shown
/// in another language borrows its text); nullptr when none is published
/// there. A file named for another language is only in that language's folder.
const Resource* PublishedResource(const Page& page, std::string_view name, std::string_view lang);

/// Every resource published in `lang`'s folder of `page`, each name once.
std::vector<const Resource*> PublishedResources(const Page& page, std::string_view lang);

/// The published resource a link to `name` on `page` in `lang` finds: `name`
/// itself, else its variant for the language ("chart.png" -> chart.zh.png).
const Resource* LinkedResource(const Page& page, std::string_view name, std::string_view lang);

/// A page and its translations, in the site's language order.
struct Page {
  std::string key;        // "reports/gpu"; "" for the home page
  bool is_list = false;   // an _index file: home or section page
  std::vector<PageSource> sources;
  // Sorted by name, then language. Most pages have none: one pointer in every
  // page's record (held from loading to the end of rendering), not a vector.
  RareList<Resource> resources;

  /// "tags" for the page listing tags and for each tag's page; "" for others.
  const std::string& taxonomy() const;
  /// A term page's term as written; "" for others.
  const std::string& term() const;
  void set_taxonomy(std::string taxonomy, std::string term);

  const PageSource* In(std::string_view lang) const;
  /// The page's URL key in `lang`: its own source's, else the shown one's.
  const std::string& UrlIn(std::string_view lang) const;

 private:
  // Only taxonomies' and terms' pages have them: a pointer in every other
  // page (152 bytes a page with both inline, 96 without).
  struct TaxonomyOf {
    std::string taxonomy, term;
  };
  HeapOptional<TaxonomyOf> taxonomy_;
};

/// Whether `page` is published in `lang`: it is written in it, or, with
/// `fallback` (SiteConfig::translation_fallback), shown there in another
/// language's text. Lists, menus, links and the search index know a page
/// in the languages it is published in.
inline bool PublishedIn(const Page& page, std::string_view lang, bool fallback) {
  return page.In(lang) != nullptr || (fallback && !page.sources.empty());
}

/// Orders a page's sources as the site lists its languages.
void SortByLanguage(std::vector<PageSource>* sources, const SiteConfig& cfg);

/// Whether `rel` is a page's file: Markdown (`.md`), or HTML (`.html`), whose
/// body is HTML as written (Hugo's content formats; a landing page is often
/// `_index.html`). Other files are resources or not published.
inline bool IsHtmlPageFile(std::string_view rel) { return rel.size() > 5 && rel.ends_with(".html"); }
inline bool IsPageFile(std::string_view rel) { return (rel.size() > 3 && rel.ends_with(".md")) || IsHtmlPageFile(rel); }

/// Where a content file belongs: its page key and language.
struct ContentPath {
  std::string key;
  std::string lang;
  bool is_list = false;
  std::string error;                // set when the file cannot be a page
  std::string error_code = "language";  // its diagnostic code: "language" or "page-name"
};

/// With content_layout: folders, the language folder `rel` ("zh/a/b.md") is
/// in ("zh"), and in `rest` the path below it ("a/b.md"); otherwise (or
/// when `rel` is in no language's folder) "" and `rest` = `rel`.
std::string ContentLanguageFolder(std::string_view rel, const SiteConfig& cfg, std::string_view* rest);

/// Maps "reports/gpu.zh.md" to key "reports/gpu", language "zh". A key with
/// a part that is empty, "." or ".." ("...en.md", "a/.md") is an error: its
/// output path would leave the page's folder (or be the home page's).
/// With content_layout: folders, "zh/reports/gpu.md" is key "reports/gpu",
/// language "zh"; a file outside every language folder is an error.
ContentPath ClassifyContentPath(std::string_view rel, const SiteConfig& cfg);

/// Splits the front matter (YAML between `---` lines, or TOML between `+++`
/// lines) off `src.text`, filling `src.front`, `body_offset` and
/// `body_line`; reports problems at their line in the file.
void ParseFrontMatter(PageSource* src, Diagnostics* diags);

/// Hugo's translationKey: pages of one folder, each written in one language,
/// whose files name the same translationKey are one page in their languages
/// (content/en/about.md and content/zh/guanyu.md), each at its own URL. The
/// page whose key sorts first takes the others' sources; `pages` stay sorted.
void PairByTranslationKey(std::vector<Page>* pages, const SiteConfig& cfg);

/// Groups sources into pages, ordered by key; each page's sources follow the
/// site's language order. Duplicates are reported.
std::vector<Page> PairTranslations(std::vector<PageSource> sources, const SiteConfig& cfg,
                                   Diagnostics* diags);

/// Reads `root`/content/`rel` into `src` (path, text, language, front matter);
/// false (reported) when it cannot be read, is not UTF-8, is too large or
/// has an unknown language suffix. Front matter errors are reported only.
bool LoadSource(const std::filesystem::path& root, const std::string& rel, const SiteConfig& cfg, PageSource* src,
                Diagnostics* diags);

/// Reads every .md file under `root`/content on `threads` threads (0 = one
/// per core); drafts are dropped. The result does not depend on `threads`.
/// Unless `keep_text`, each source keeps only its first line once its front
/// matter is read (a large site's Markdown need not all be in memory at
/// once): ReloadText brings the rest back when the page is rendered.
/// Pages are ordered by key, so the home page ("") comes first; a site
/// without _index files gets an empty one in every language. Other files
/// become the resources of the bundle they are in: any file below a folder
/// holding an index file (a leaf bundle), a file beside an _index file (a
/// branch bundle); other files are not published, as in Hugo. Markdown
/// files inside a leaf bundle (other than its index) are its resources, not
/// pages, and are not published; a file named for a language (chart.zh.png)
/// is that language's only.
std::vector<Page> LoadContent(const std::filesystem::path& root, const SiteConfig& cfg,
                              Diagnostics* diags, int threads = 0, bool keep_text = true);

/// Reads an unloaded source's text again; false (reported) when the file
/// changed since it was loaded or cannot be read. Loaded sources: true.
bool ReloadText(const std::filesystem::path& root, PageSource* src, Diagnostics* diags);

/// The first paragraph of a Markdown body as plain text (markup dropped,
/// at most about 300 bytes): a list entry's text when the page has neither
/// description nor summary. Paragraphs with a figure (`` `=…` ``) are skipped,
/// since a figure is shown only as the cost engine formats it.
std::string FirstParagraph(std::string_view body);
/// FirstParagraph of a body in HTML (a `.html` page): the text of its
/// first `<p>` element, or everything before `<!--more-->`, tags left out and
/// the common entities read; "" when that holds a shortcode.
std::string FirstHtmlParagraph(std::string_view body);

/// The taxonomies costsite can list (Hugo's defaults); a site lists those of
/// SiteConfig::taxonomies.
inline constexpr std::string_view kTaxonomies[] = {"tags", "categories"};

/// A term's URL part as Hugo makes it: lowercased, spaces as '-', characters
/// a path cannot hold dropped ("Cost Model" -> "cost-model"; CJK kept).
std::string TermKey(std::string_view term);

/// Adds a page per taxonomy of the site's (SiteConfig::taxonomies) that any
/// page uses ("tags") and a page per term
/// ("tags/gpu"), each in the languages whose pages use it, to `pages`
/// (kept ordered by key). A content page at one of these keys (an _index
/// file) gives its text and title.
void AddTaxonomyPages(std::vector<Page>* pages, const SiteConfig& cfg);

/// Hugo's title of a section without an _index file: its folder's name with
/// its first letter capitalised and, with `pluralize` (Hugo's
/// pluralizeListTitles), made plural as English words are ("docs" -> "Docs",
/// "common" -> "Commons", "policy" -> "Policies"; a name that does not end
/// in an ASCII letter is kept).
std::string SectionTitle(std::string_view folder, bool pluralize);

/// Files read but not published, by (key, language).
struct HiddenContent {
  std::set<std::pair<std::string, std::string>> lists;     // an _index that is a draft, headless, not yet due…
  std::set<std::pair<std::string, std::string>> headless;  // other pages that are headless
};

/// With SiteConfig::implicit_lists, a section page for each top-level
/// folder without an _index file, in each language that has a page below it
/// (Hugo's sections), published or headless: no text, titled SectionTitle.
/// A folder whose _index is in `hidden.lists` has none: Hugo renders no
/// page for it. `pages` stay ordered by key.
void AddImplicitSections(std::vector<Page>* pages, const HiddenContent& hidden, const SiteConfig& cfg,
                         Diagnostics* diags);

/// Reports two pages of one language written to one URL (through slug or url).
void CheckUrlCollisions(const std::vector<Page>& pages, Diagnostics* diags);

/// A short stable hash of a source body, for `translation_of`.
std::string ContentHash(std::string_view text);

}  // namespace costsite::content

#endif  // COSTSITE_CONTENT_PAGES_H_
