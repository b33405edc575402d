#include "render/page_place.h"

#include <algorithm>
#include <set>

#include "figures/dates.h"
#include "output/paths.h"

namespace costsite::render {

namespace mstch = kainjow::mustache;

namespace {

std::string UrlOf(const content::Page& page, std::string_view lang, const std::string& file) {
  return output::RelativeUrl(file, output::PageFile(lang, page.UrlIn(lang)));
}

mstch::data Link(const content::Page& page, const content::PageSource& src, std::string_view lang,
                 const std::string& file) {
  mstch::data item;
  item.set("title", ListTitle(src));
  item.set("url", UrlOf(page, lang, file));
  return item;
}

// A page's terms of one taxonomy, each linking to its term page.
mstch::data Terms(const std::vector<std::string>& terms, std::string_view taxonomy, std::string_view lang,
                  const std::string& file) {
  mstch::data list{mstch::data::type::list};
  for (const std::string& term : terms) {
    std::string key = content::TermKey(term);
    if (key.empty()) continue;
    mstch::data item;
    item.set("name", term);
    item.set("url", output::RelativeUrl(file, output::PageFile(lang, std::string(taxonomy) + "/" + key)));
    list.push_back(item);
  }
  return list;
}

}  // namespace

mstch::data PageDate(const std::string& day, std::string_view lang) {
  mstch::data d;
  d.set("iso", day);
  d.set("text", figures::FormatDay(day, lang));
  return d;
}

size_t SidebarSection(const std::vector<content::Page>& pages, PageLists& lists, const content::Page& page,
                      std::string_view lang) {
  const size_t self = static_cast<size_t>(&page - pages.data());
  size_t section = page.is_list && page.taxonomy().empty() ? self : lists.SectionOf(self, lang);
  return section != SiteTree::kNone && !pages[section].key.empty() ? section : SiteTree::kNone;
}

void SetPagePlace(const SiteInputs& in, PageLists& lists, const content::Page& page,
                  const content::PageSource& src, std::string_view lang, const std::string& file,
                  const std::string& taxonomy_word, const std::vector<Entry>* siblings, mstch::data* data) {
  const std::vector<content::Page>& pages = *in.pages;
  const std::vector<MenuItem>& main_menu = lists.MainMenu(lang);
  const size_t self = static_cast<size_t>(&page - pages.data());
  // Breadcrumbs: the sections above the page in its language, below the home page.
  std::vector<size_t> up;
  for (size_t s = lists.SectionOf(self, lang); s != SiteTree::kNone && !pages[s].key.empty(); s = lists.SectionOf(s, lang))
    up.push_back(s);
  mstch::data crumbs{mstch::data::type::list};
  if (!page.term().empty())  // a term's page: under its taxonomy's
    for (size_t i = 0; i < pages.size(); ++i)
      if (pages[i].key == page.taxonomy()) up.push_back(i);
  for (auto it = up.rbegin(); it != up.rend(); ++it) {
    mstch::data crumb = Link(pages[*it], *SourceFor(pages[*it], lang), lang, file);
    if (!pages[*it].taxonomy().empty()) crumb.set("title", taxonomy_word);
    crumbs.push_back(crumb);
  }
  data->set("breadcrumbs", crumbs);
  // The sidebar of the section the page is in (a section page: its own).
  size_t section = SidebarSection(pages, lists, page, lang);
  if (section != SiteTree::kNone && siblings) {
    mstch::data nav = Link(pages[section], *SourceFor(pages[section], lang), lang, file);
    nav.set("current", mstch::data(section == self));
    // A large section shows the window around the page: every page listing
    // every sibling grows the site with the square of the section's size.
    size_t begin = 0, end = siblings->size();
    if (end > kSidebarWindow) {
      size_t at = 0;
      for (size_t i = 0; i < siblings->size(); ++i)
        if ((*siblings)[i].first == &page) at = i;
      begin = at > kSidebarWindow / 2 ? std::min(at - kSidebarWindow / 2, end - kSidebarWindow) : 0;
      end = begin + kSidebarWindow;
      mstch::data more;
      more.set("url", UrlOf(pages[section], lang, file));
      more.set("count", std::to_string(siblings->size()));
      nav.set("more", more);
    }
    mstch::data items{mstch::data::type::list};
    for (size_t i = begin; i < end; ++i) {
      const Entry& e = (*siblings)[i];
      mstch::data item = Link(*e.first, *e.second, lang, file);
      item.set("current", mstch::data(e.first == &page));
      item.set("is_section", mstch::data(e.first->is_list));
      items.push_back(item);
    }
    nav.set("items", items);
    data->set("section_nav", nav);
  }
  mstch::data menu{mstch::data::type::list};
  // The header shows the menu's top entries, as Hugo themes range over
  // it: an entry under another (`parent`) is not among them, unless no
  // entry is its parent.
  auto name_of = [&](const MenuItem& m) -> std::string {
    return m.second->name.empty() ? ListTitle(*m.first->In(lang)) : m.second->name;
  };
  std::set<std::string> parents;
  for (const MenuItem& m : main_menu) parents.insert(m.second->identifier.empty() ? name_of(m) : m.second->identifier);
  for (const auto& [target, entry] : main_menu) {
    if (!entry->parent.empty() && parents.count(entry->parent)) continue;
    mstch::data item;
    item.set("title", entry->name.empty() ? ListTitle(*target->In(lang)) : entry->name);
    item.set("url", UrlOf(*target, lang, file));
    item.set("current", mstch::data(target == &page));
    menu.push_back(item);
  }
  data->set("has_menu_main", mstch::data(!menu.list_value().empty()));
  data->set("menu_main", menu);

  const content::FrontMatter& front = src.front;
  if (!front.more().date.empty()) data->set("date", PageDate(front.more().date, lang));
  if (!front.more().lastmod.empty() && front.more().lastmod != front.more().date) data->set("lastmod", PageDate(front.more().lastmod, lang));
  // A taxonomy the site does not list has no pages to link a term to.
  auto listed = [&](std::string_view t) {
    return std::find(in.config->taxonomies.begin(), in.config->taxonomies.end(), t) != in.config->taxonomies.end();
  };
  const bool tags = listed("tags") && !front.more().tags.empty();
  const bool categories = listed("categories") && !front.more().categories.empty();
  data->set("has_tags", mstch::data(tags));
  data->set("tags", Terms(tags ? front.more().tags : std::vector<std::string>{}, "tags", lang, file));
  data->set("has_categories", mstch::data(categories));
  data->set("categories", Terms(categories ? front.more().categories : std::vector<std::string>{}, "categories", lang, file));
  data->set("has_meta", mstch::data(!front.more().date.empty() || !front.more().lastmod.empty() || tags || categories));
  mstch::data params;
  for (const content::Param& p : front.more().params) {
    if (!p.is_list) {
      params.set(p.key, p.value);
      continue;
    }
    mstch::data items{mstch::data::type::list};
    for (const std::string& v : p.items) items.push_back(mstch::data(v));
    params.set(p.key, items);
  }
  data->set("params", params);
  data->set("is_taxonomy", mstch::data(!page.taxonomy().empty() && page.term().empty()));
  data->set("is_term", mstch::data(!page.term().empty()));
}

}  // namespace costsite::render
