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

/// Sets breadcrumbs, section_nav, menu_main, date, lastmod, tags,
/// categories and params for `page` shown from `src` in `lang` at `file`.
/// A term page's breadcrumb names its taxonomy `taxonomy_word`; `menu` is
/// MenuEntries(pages, "main", lang), made once per language.
void SetPagePlace(const SiteInputs& in, const SiteTree& tree, const content::Page& page,
                  const content::PageSource& src, std::string_view lang, const std::string& file,
                  const std::string& taxonomy_word, const std::vector<MenuItem>& menu,
                  kainjow::mustache::data* data);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_PAGE_PLACE_H_
