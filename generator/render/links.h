// Links written in Markdown, made to work offline: a link to another page's
// Markdown file becomes a relative link to that page in the reader's language,
// a folder link gets an explicit index.html, a root-relative path becomes
// relative. Links to pages that do not exist are errors; links to a place on
// a page are kept for the anchor check.
#ifndef COSTSITE_RENDER_LINKS_H_
#define COSTSITE_RENDER_LINKS_H_

#include <string>
#include <vector>

#include "markdown/markdown.h"
#include "render/anchors.h"
#include "render/site_renderer.h"

namespace costsite::render {

/// A rewriter for links on `page` (shown from `src`) written to `out_path`.
/// When `fragments` is set, every link to `#id`, `page.md#id` or a site
/// file's `#id` is added to it, for CheckAnchors (render/anchors.h).
markdown::LinkRewriter MakeLinkRewriter(const SiteInputs& in, const content::Page& page,
                                        const content::PageSource& src, const std::string& lang,
                                        const std::string& out_path, Diagnostics* diags,
                                        std::vector<FragmentLink>* fragments = nullptr);

/// True for URLs with a scheme (https:, mailto:) or protocol-relative ones.
bool IsExternalUrl(std::string_view url);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_LINKS_H_
