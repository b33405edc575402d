// Shortcodes in a page's Markdown ({{< name >}} … {{< /name >}}), put in
// place of the placeholders CutShortcodes left: each call rendered by its
// template, inner content rendered as Markdown when the template asks for it,
// in block and inline position and inside raw HTML. Internal to the markdown
// stage (RenderMarkdown).
#ifndef COSTSITE_MARKDOWN_SHORTCODE_EXPAND_H_
#define COSTSITE_MARKDOWN_SHORTCODE_EXPAND_H_

#include <cmark-gfm.h>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "markdown/markdown.h"
#include "markdown/shortcodes.h"

namespace costsite::markdown {

/// What expanding a page's shortcodes gives the rest of the page's render.
struct ShortcodeResults {
  std::vector<Link>* links;                  // the links of their inner content are added here
  std::map<cmark_node*, std::string> shown;  // the blocks they became -> their visible text
  std::set<std::string> taken;               // ids of the page so far, with their inner headings'
  std::vector<std::vector<Heading>> inner;   // per call: the headings of its inner content
  std::map<cmark_node*, size_t> call_of;     // the blocks they became -> their call
};

/// Replaces the placeholders CutShortcodes left: block ones (HTML comments
/// cmark read as HTML blocks, in `html_nodes`) and inline ones (tokens inside
/// text nodes). Placeholder nodes are taken out of `html_nodes`, so raw HTML
/// escaping never sees them.
void ExpandShortcodes(cmark_node* root, ShortcodeBody* sc, std::vector<cmark_node*>* html_nodes,
                      const std::string& path, const MarkdownOptions& opt, ShortcodeResults* results,
                      Diagnostics* diags);

/// The raw HTML nodes the shortcodes left. With raw_html on, their links are
/// handled and the shortcodes inside them are rendered in place. With it off,
/// raw HTML is shown as text rather than dropped silently, except comments,
/// which no reader sees in any HTML page (`<!-- overview -->`, a translation's
/// source kept in a comment); a shortcode inside shown HTML still renders.
void FinishRawHtml(const std::vector<cmark_node*>& nodes, ShortcodeBody* sc, const std::string& path,
                   int line_offset, const MarkdownOptions& opt, ShortcodeResults* results,
                   std::vector<Link>* links, Diagnostics* diags);

/// Adds the headings inside block shortcodes (a tab's or a note's `## x`)
/// to the page's, in document order, so the table of contents and the search
/// index's sections have them: each is placed where its text is in the
/// shortcode's visible text, found in order.
void MergeInnerHeadings(const std::vector<std::pair<cmark_node*, size_t>>& shown_at,
                        ShortcodeResults* results, std::vector<Heading>* headings);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_SHORTCODE_EXPAND_H_
