// Where a page stands in the site, for its template: breadcrumbs, its
// section's sidebar, the main menu, its dates, tags and categories, and the
// front matter keys costsite does not read (as `params`).
#ifndef COSTSITE_RENDER_PAGE_PLACE_H_
#define COSTSITE_RENDER_PAGE_PLACE_H_

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>

#include "content/pages.h"
#include "render/page_lists.h"
#include "render/site_renderer.h"

namespace costsite::render {

/// {iso, text}: a YYYY-MM-DD day and its text in `lang`.
kainjow::mustache::data PageDate(const std::string& day, std::string_view lang);

/// The section whose sidebar `page` shows in `lang` (a section page: its
/// own), or SiteTree::kNone when it shows none.
size_t SidebarSection(const std::vector<content::Page>& pages, PageLists& lists, const content::Page& page,
                      std::string_view lang);

/// The most pages a section sidebar lists: a section of more shows the
/// window of its entries around the page, and a link to the section's list.
inline constexpr size_t kSidebarWindow = 50;

/// Sets breadcrumbs, section_nav, menu_main, date, lastmod, tags,
/// categories and params for `page` shown from `src` in `lang` at `file`.
/// A term page's breadcrumb names its taxonomy `taxonomy_word`; the main
/// menu is `lists`' (made once per language); `siblings` is ListEntries of
/// SidebarSection(page) in `lang`, made once per section (a section of
/// 5,000 pages would otherwise be listed and sorted 5,000 times).
void SetPagePlace(const SiteInputs& in, PageLists& lists, const content::Page& page,
                  const content::PageSource& src, std::string_view lang, const std::string& file,
                  const std::string& taxonomy_word, const std::vector<Entry>* siblings,
                  kainjow::mustache::data* data);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_PAGE_PLACE_H_
