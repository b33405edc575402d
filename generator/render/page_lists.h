// How pages list each other, as in Hugo: a section (an _index page) lists its
// own pages and subsections, in Hugo's order (weight, unweighted last; then
// date, newest first; then linkTitle or title); nested sections give
// breadcrumbs and a section sidebar; taxonomy pages list their terms and a
// term page the pages that use it; a menu lists the pages that name it.
#ifndef COSTSITE_RENDER_PAGE_LISTS_H_
#define COSTSITE_RENDER_PAGE_LISTS_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/pages.h"

namespace costsite::render {

/// The section structure of the site's pages (by index in the page list).
class SiteTree {
 public:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  /// REQUIRES: `pages` ordered by key (content::LoadContent's order).
  static SiteTree Build(const std::vector<content::Page>& pages);

  /// Page `page`'s section; kNone for the home page and taxonomies.
  size_t Parent(size_t page) const { return parent_[page] == kNoPage ? kNone : parent_[page]; }
  /// Page `page`'s pages and subsections, in page order.
  std::span<const uint32_t> Children(size_t page) const {
    return std::span<const uint32_t>(children_).subspan(first_[page], first_[page + 1] - first_[page]);
  }

 private:
  static constexpr uint32_t kNoPage = UINT32_MAX;
  // Held while a build renders: 12 bytes a page, the children one list after
  // another (page p's are children_[first_[p], first_[p + 1])), where a
  // parent of 8 bytes and a list of children each took 32 and more (4.4 MB
  // at 100,000 pages).
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> first_;
  std::vector<uint32_t> children_;
};

/// One entry of a list: a page and the source shown for it.
using Entry = std::pair<const content::Page*, const content::PageSource*>;

/// Hugo's default order of pages in a list.
bool HugoBefore(const content::PageSource& a, const content::PageSource& b);

/// The title a list, a menu or a breadcrumb shows: linkTitle, else title.
const std::string& ListTitle(const content::PageSource& src);

/// What a list entry says: the description, else the summary, else the
/// page's first paragraph.
std::string EntryText(const content::PageSource& src);

/// The entries page `p` lists in `lang`: a section's children, a term's
/// pages, a taxonomy's terms; in Hugo's order (a term's date is its newest
/// page's). A page shown only through another language's text is listed
/// when `fallbacks` (SiteConfig::translation_fallback); without, a
/// subsection not published in `lang` is not listed, and its pages of
/// `lang` are listed in its place, as in Hugo, whose sections are each
/// language's own.
std::vector<Entry> ListEntries(const std::vector<content::Page>& pages, const SiteTree& tree, size_t p,
                               std::string_view lang, bool fallbacks);

/// Page `p`'s section in `lang`: the nearest section above it published in
/// `lang` (content::PublishedIn); SiteTree::kNone for the home page and
/// taxonomies.
size_t SectionIn(const std::vector<content::Page>& pages, const SiteTree& tree, size_t p, std::string_view lang,
                 bool fallbacks);

/// The pages of `lang` whose source names `term` in `taxonomy`.
size_t TermCount(const std::vector<content::Page>& pages, const content::Page& term_page, std::string_view lang);

/// One entry of a menu: the page and how its front matter names it there.
using MenuItem = std::pair<const content::Page*, const content::MenuEntry*>;

/// Menu `menu` of `lang`: the pages whose own source names it, by the
/// entry's weight, then title.
std::vector<MenuItem> MenuEntries(const std::vector<content::Page>& pages, std::string_view menu,
                                  std::string_view lang);

/// What a site's pages list, worked out once per section and language and
/// shared by every thread that renders them: a page's sidebar, its neighbours
/// and the main menu read these. Each thread used to work out and hold its
/// own: at 2 × 50,000 reports about 5 MB a thread, and the same sorting
/// done once per thread.
class PageLists {
 public:
  /// A section's pages (not its subsections) in Hugo's order in one
  /// language, and where each page is in it.
  struct Order {
    std::vector<Entry> listing;
    // Indices into `listing` sorted by page, to find a page's place: 4 bytes
    // an entry where a hash map took about 40.
    std::vector<uint32_t> by_page;
    std::optional<size_t> Place(const content::Page* page) const;
  };

  /// REQUIRES: `pages` outlives this, ordered by key (content::LoadContent's order).
  /// `fallbacks`: SiteConfig::translation_fallback (see ListEntries).
  PageLists(const std::vector<content::Page>* pages, bool fallbacks);
  PageLists(const PageLists&) = delete;
  PageLists& operator=(const PageLists&) = delete;

  const SiteTree& tree() const { return tree_; }
  bool fallbacks() const { return fallbacks_; }
  /// SectionIn: page `p`'s section in `lang`.
  size_t SectionOf(size_t p, std::string_view lang) const { return SectionIn(*pages_, tree_, p, lang, fallbacks_); }
  /// ListEntries of `section` in `lang` (a sidebar's entries); nullptr for kNone.
  const std::vector<Entry>* Siblings(size_t section, std::string_view lang);
  /// The pages of `section` in `lang`, in order.
  const Order& OrderOf(size_t section, std::string_view lang);
  /// The main menu of `lang` (MenuEntries).
  const std::vector<MenuItem>& MainMenu(std::string_view lang);
  /// The pages' titles, order or sections may have changed (serve): worked
  /// out again as asked. Not safe while another thread reads.
  void PagesChanged();

 private:
  using Key = std::pair<size_t, std::string>;
  const std::vector<content::Page>* pages_;
  bool fallbacks_;
  SiteTree tree_;
  // The threads ask at once; what one works out, the others wait for. Nodes
  // of a std::map do not move, so what is handed out stays put.
  std::mutex mu_;
  std::map<Key, std::vector<Entry>> siblings_;
  std::map<Key, Order> orders_;
  std::map<std::string, std::vector<MenuItem>, std::less<>> menus_;
};

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_PAGE_LISTS_H_
