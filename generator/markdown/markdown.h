// Markdown to HTML with cmark-gfm and its GFM extensions (tables, task lists,
// strikethrough, autolinks, tagfilter). Work on the page is done on the node
// tree, never on raw text, so code spans and code blocks stay literal.
#ifndef COSTSITE_MARKDOWN_MARKDOWN_H_
#define COSTSITE_MARKDOWN_MARKDOWN_H_

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "markdown/shortcodes.h"
#include "markdown/table_limits.h"

namespace costsite::markdown {

struct CostContext;   // markdown/cost_nodes.h: figures and directives
struct PageCostRefs;  // markdown/cost_drift.h: what the page refers to

/// A heading (h1–h6) with the anchor id given to it.
struct Heading {
  int level = 2;
  std::string id;
  std::string text;
  // Where the heading's text is in RenderedMarkdown::plain_text: [text_begin,
  // text_end), so the search index can cut a page into its sections.
  size_t text_begin = 0, text_end = 0;
};

/// A link or image target as written, with its place in the file.
struct Link {
  std::string url;
  SourcePos pos;
  bool is_image = false;
  std::string written;  // when a `ref` shortcode made `url`: the shortcode as written, for messages
  std::string lang;     // when that shortcode names a language (`lang="zh"`): the page is that language's
};

/// Rewrites a link target (e.g. "other.md" to "../other/index.html"); returns
/// the URL to write. May report a diagnostic for a broken internal link.
using LinkRewriter = std::function<std::string(const Link& link)>;

/// How to render one page.
struct MarkdownOptions {
  bool raw_html = false;                 // pass raw HTML through (tagfilter still applies)
  const LinkRewriter* rewrite = nullptr; // nullptr: links are left as written
  const CostContext* cost = nullptr;     // nullptr: `=` code spans stay code
  PageCostRefs* cost_refs = nullptr;     // if set: filled from the parse, for drift checks
  // Ids the page around the body already uses (the theme's "main", "search"):
  // a heading that would take one gets the next free id ("main-1").
  const std::set<std::string>* reserved_ids = nullptr;
  TableLimits tables;  // a page over them is an error and is not parsed
  // Renders shortcodes with the site's templates; nullptr: every shortcode is
  // unknown (warned, its inner content shown as Markdown).
  const ShortcodeRenderer* shortcodes = nullptr;
  // Shortcodes that stand for words the site gives (Hugo's `param "version"`),
  // put in as text before the page is parsed (see CutShortcodes); nullptr: none.
  const ShortcodeText* shortcode_text = nullptr;
  int shortcode_depth = 0;  // how deep in shortcodes' inner content this render is
  // The body is HTML, not Markdown (a content file `.html`, as Hugo reads
  // one): written as it is, raw HTML allowed whatever `raw_html` says, with
  // its shortcodes rendered and its links checked.
  bool html_body = false;
};

/// The rendered body of one page and what the rest of the build needs from it.
struct RenderedMarkdown {
  std::string html;
  std::vector<Heading> headings;  // in document order
  std::vector<Link> links;        // as written, before rewriting
  std::string plain_text;         // visible text, for the search index
};

/// Registers cmark-gfm's extensions. Call once before rendering on several
/// threads (RenderMarkdown also calls it, but the registry itself is not
/// thread-safe on first use).
void Initialize();

/// Renders `body`, which starts at line `first_line` of `path`.
RenderedMarkdown RenderMarkdown(const std::string& path, std::string_view body, int first_line,
                                const MarkdownOptions& options, Diagnostics* diags);

/// The anchor id Hugo makes from a heading's source text ("github" style):
/// letters, digits and '_' lowercased, each space '-', the rest dropped.
std::string Slugify(std::string_view text);

/// Escapes text for HTML element content and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_MARKDOWN_H_
