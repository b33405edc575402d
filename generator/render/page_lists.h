// How pages list each other, as in Hugo: a section (an _index page) lists its
// own pages and subsections, in Hugo's order (weight, unweighted last; then
// date, newest first; then linkTitle or title); nested sections give
// breadcrumbs and a section sidebar; taxonomy pages list their terms and a
// term page the pages that use it; a menu lists the pages that name it.
#ifndef COSTSITE_RENDER_PAGE_LISTS_H_
#define COSTSITE_RENDER_PAGE_LISTS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/pages.h"

namespace costsite::render {

/// The section structure of the site's pages (by index in the page list).
struct SiteTree {
  static constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> parent;                 // per page: its section; kNone for home and taxonomies
  std::vector<std::vector<size_t>> children;  // per page: its pages and subsections

  /// REQUIRES: `pages` ordered by key (content::LoadContent's order).
  static SiteTree Build(const std::vector<content::Page>& pages);
};

/// One entry of a list: a page and the source shown for it.
using Entry = std::pair<const content::Page*, const content::PageSource*>;

/// Hugo's default order of pages in a list.
bool HugoBefore(const content::PageSource& a, const content::PageSource& b);

/// The title a list, a menu or a breadcrumb shows: linkTitle, else title.
const std::string& ListTitle(const content::PageSource& src);

/// What a list entry says: the description, else the summary, else the
/// page's first paragraph.
const std::string& EntryText(const content::PageSource& src);

/// The entries page `p` lists in `lang`: a section's children, a term's
/// pages, a taxonomy's terms; in Hugo's order (a term's date is its newest
/// page's). A page shown
/// only through another language's text is listed when `fallbacks`.
std::vector<Entry> ListEntries(const std::vector<content::Page>& pages, const SiteTree& tree, size_t p,
                               std::string_view lang, bool fallbacks = true);

/// The pages of `lang` whose source names `term` in `taxonomy`.
size_t TermCount(const std::vector<content::Page>& pages, const content::Page& term_page, std::string_view lang);

/// One entry of a menu: the page and how its front matter names it there.
using MenuItem = std::pair<const content::Page*, const content::MenuEntry*>;

/// Menu `menu` of `lang`: the pages whose own source names it, by the
/// entry's weight, then title.
std::vector<MenuItem> MenuEntries(const std::vector<content::Page>& pages, std::string_view menu,
                                  std::string_view lang);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_PAGE_LISTS_H_
