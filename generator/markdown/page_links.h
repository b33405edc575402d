// The links of a page: its Markdown links and images, and the href and src
// of its raw HTML, each recorded at its place in the file, dropped when its
// scheme could run script, and rewritten for the page's place. Internal to
// the markdown stage (RenderMarkdown).
#ifndef COSTSITE_MARKDOWN_PAGE_LINKS_H_
#define COSTSITE_MARKDOWN_PAGE_LINKS_H_

#include <cmark-gfm.h>

#include <string>
#include <vector>

#include "markdown/markdown.h"

namespace costsite::markdown {

/// The link and image nodes `nodes`: each added to `links` at its line
/// (plus `line_offset`) and column in `path`, and its URL rewritten (by
/// `opt.rewrite`) or emptied when dangerous. A URL one of `refs` made on
/// the link's line is named as that shortcode was written, and links to the
/// language it names; each of `refs` is taken by one link, in order.
void HandleLinks(const std::vector<cmark_node*>& nodes, const std::string& path, int line_offset,
                 const MarkdownOptions& opt, std::vector<RefUse>* refs, std::vector<Link>* links);

/// The href and src of raw HTML (written with `raw_html: true`) are links
/// like Markdown's: checked, and rewritten for the page's place, at their
/// line and column in the file.
void HandleHtmlLinks(const std::vector<cmark_node*>& nodes, const std::string& path, int line_offset,
                     const MarkdownOptions& opt, std::vector<RefUse>* refs, std::vector<Link>* links);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_PAGE_LINKS_H_
