#include "render/page_lists.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include <unicode/ucol.h>

#include "render/site_renderer.h"

namespace costsite::render {

namespace {

const std::vector<std::string>& TermsOf(const content::PageSource& s, std::string_view taxonomy) {
  return taxonomy == "tags" ? s.front.more().tags : s.front.more().categories;
}

bool UsesTerm(const content::PageSource& s, const content::Page& term_page) {
  std::string_view key = term_page.key;
  std::string_view term_key = key.substr(key.find('/') + 1);
  for (const std::string& t : TermsOf(s, term_page.taxonomy()))
    if (content::TermKey(t) == term_key) return true;
  return false;
}

// Titles in the order of `lang`'s collation, as Hugo sorts them
// (golang.org/x/text/collate): pinyin in zh ("安装" before "博客" before
// "中文"), letters before their case in en ("apple" before "Zebra"). Titles
// the collation holds equal are in code point order. Reached only when two
// pages tie on weight and date; one collator per language and thread.
bool CollatedBefore(const std::string& a, const std::string& b, std::string_view lang) {
  if (a == b) return false;
  struct Close {
    void operator()(UCollator* c) const { ucol_close(c); }
  };
  thread_local std::map<std::string, std::unique_ptr<UCollator, Close>, std::less<>> collators;
  auto it = collators.find(lang);
  if (it == collators.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCollator, Close> c(ucol_open(std::string(lang).c_str(), &status));
    // Scripts in Unicode's order, as Hugo's collator keeps them: Latin
    // before Han, though CLDR's zh order puts Han first.
    const int32_t none = UCOL_REORDER_CODE_NONE;
    if (U_SUCCESS(status)) ucol_setReorderCodes(c.get(), &none, 1, &status);
    if (U_FAILURE(status)) c.reset();
    it = collators.emplace(std::string(lang), std::move(c)).first;
  }
  if (it->second) {
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r = ucol_strcollUTF8(it->second.get(), a.data(), static_cast<int32_t>(a.size()), b.data(),
                                          static_cast<int32_t>(b.size()), &status);
    if (U_SUCCESS(status) && r != UCOL_EQUAL) return r == UCOL_LESS;
  }
  return a < b;
}

// Hugo's order of menu entries' names (compare.Strings): letter by letter
// regardless of case, then as written.
bool FoldedBefore(const std::string& a, const std::string& b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
    const char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[i])));
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
  }
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

}  // namespace

SiteTree SiteTree::Build(const std::vector<content::Page>& pages) {
  SiteTree tree;
  tree.parent_.assign(pages.size(), kNoPage);
  std::map<std::string_view, size_t> lists;  // key -> index of the section page
  for (size_t i = 0; i < pages.size(); ++i)
    if (pages[i].is_list && pages[i].taxonomy().empty()) lists.emplace(pages[i].key, i);
  for (size_t i = 0; i < pages.size(); ++i) {
    const content::Page& page = pages[i];
    if (page.key.empty() || !page.taxonomy().empty()) continue;
    std::string_view up = page.key;
    for (;;) {  // the nearest folder above with a section page; the home at last
      size_t slash = up.rfind('/');
      up = slash == std::string_view::npos ? std::string_view() : up.substr(0, slash);
      auto it = lists.find(up);
      if (it != lists.end()) {
        tree.parent_[i] = static_cast<uint32_t>(it->second);
        break;
      }
      if (up.empty()) break;
    }
  }
  // Each page's children, in page order: counted, then placed.
  tree.first_.assign(pages.size() + 1, 0);
  for (uint32_t up : tree.parent_)
    if (up != kNoPage) ++tree.first_[up + 1];
  for (size_t i = 0; i < pages.size(); ++i) tree.first_[i + 1] += tree.first_[i];
  tree.children_.resize(tree.first_.back());
  std::vector<uint32_t> next(tree.first_.begin(), tree.first_.end() - 1);
  for (size_t i = 0; i < pages.size(); ++i)
    if (uint32_t up = tree.parent_[i]; up != kNoPage) tree.children_[next[up]++] = static_cast<uint32_t>(i);
  return tree;
}

bool HugoBefore(const content::PageSource& a, const content::PageSource& b) {
  // Hugo: weight 0 is no weight, and sorts after every weighted page.
  bool aw = a.front.weight != 0, bw = b.front.weight != 0;
  if (aw != bw) return aw;
  if (a.front.weight != b.front.weight) return a.front.weight < b.front.weight;
  if (a.front.more().date != b.front.more().date) return a.front.more().date > b.front.more().date;
  return CollatedBefore(ListTitle(a), ListTitle(b), a.lang);
}

const std::string& ListTitle(const content::PageSource& src) {
  return src.front.more().link_title.empty() ? src.front.title : src.front.more().link_title;
}

std::string EntryText(const content::PageSource& src) {
  if (!src.front.description().empty()) return src.front.description();
  if (!src.front.more().summary.empty()) return src.front.more().summary;
  return src.first_paragraph.str();
}

std::vector<Entry> ListEntries(const std::vector<content::Page>& pages, const SiteTree& tree, size_t p,
                               std::string_view lang, bool fallbacks) {
  const content::Page& list = pages[p];
  std::vector<Entry> out;
  auto add = [&](const content::Page& page) {
    if (const content::PageSource* s = fallbacks ? SourceFor(page, lang) : page.In(lang)) out.emplace_back(&page, s);
  };
  // A section's children in `lang`, those of a subsection not published in
  // it among them.
  auto children = [&](auto& self, size_t section) -> void {
    for (uint32_t c : tree.Children(section)) {
      if (content::PublishedIn(pages[c], lang, fallbacks))
        add(pages[c]);
      else if (pages[c].is_list)
        self(self, c);
    }
  };
  if (!list.taxonomy().empty() && list.term().empty()) {  // a taxonomy: its terms
    for (const content::Page& page : pages)
      if (page.taxonomy() == list.taxonomy() && !page.term().empty() && page.In(lang)) add(page);
  } else if (!list.term().empty()) {  // a term: the pages of this language that name it
    for (const content::Page& page : pages)
      if (const content::PageSource* s = page.In(lang); s && page.taxonomy().empty() && UsesTerm(*s, list))
        out.emplace_back(&page, s);
  } else {
    children(children, p);
  }
  std::stable_sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return HugoBefore(*a.second, *b.second); });
  return out;
}

size_t SectionIn(const std::vector<content::Page>& pages, const SiteTree& tree, size_t p, std::string_view lang,
                 bool fallbacks) {
  size_t s = tree.Parent(p);
  while (s != SiteTree::kNone && !content::PublishedIn(pages[s], lang, fallbacks)) s = tree.Parent(s);
  return s;
}

size_t TermCount(const std::vector<content::Page>& pages, const content::Page& term_page, std::string_view lang) {
  size_t n = 0;
  for (const content::Page& page : pages)
    if (const content::PageSource* s = page.In(lang); s && page.taxonomy().empty() && UsesTerm(*s, term_page)) ++n;
  return n;
}

std::vector<MenuItem> MenuEntries(const std::vector<content::Page>& pages, std::string_view menu,
                                  std::string_view lang) {
  std::vector<MenuItem> out;
  for (const content::Page& page : pages)
    if (const content::PageSource* s = page.In(lang))
      for (const content::MenuEntry& e : s->front.more().menus)
        if (e.menu == menu) out.emplace_back(&page, &e);
  auto name = [lang](const MenuItem& x) -> const std::string& {
    return x.second->name.empty() ? ListTitle(*x.first->In(lang)) : x.second->name;
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    if (a.second->weight != b.second->weight) return a.second->weight < b.second->weight;
    return FoldedBefore(name(a), name(b));
  });
  return out;
}

std::optional<size_t> PageLists::Order::Place(const content::Page* page) const {
  auto it = std::lower_bound(by_page.begin(), by_page.end(), page,
                             [&](uint32_t i, const content::Page* p) { return std::less<>()(listing[i].first, p); });
  if (it == by_page.end() || listing[*it].first != page) return std::nullopt;
  return *it;
}

PageLists::PageLists(const std::vector<content::Page>* pages, bool fallbacks)
    : pages_(pages), fallbacks_(fallbacks), tree_(SiteTree::Build(*pages)) {}

const std::vector<Entry>* PageLists::Siblings(size_t section, std::string_view lang) {
  if (section == SiteTree::kNone) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = siblings_.find(Key(section, lang));
  if (it == siblings_.end())
    it = siblings_.emplace(Key(section, lang), ListEntries(*pages_, tree_, section, lang, fallbacks_)).first;
  return &it->second;
}

// Every page needs its neighbours, and sorting the section's list for each
// was quadratic: the order is worked out once, with an index to find a page.
const PageLists::Order& PageLists::OrderOf(size_t section, std::string_view lang) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = orders_.find(Key(section, lang));
  if (it != orders_.end()) return it->second;
  Order o;
  for (const Entry& e : ListEntries(*pages_, tree_, section, lang, fallbacks_))
    if (!e.first->is_list) o.listing.push_back(e);
  o.by_page.resize(o.listing.size());
  for (size_t i = 0; i < o.listing.size(); ++i) o.by_page[i] = static_cast<uint32_t>(i);
  std::sort(o.by_page.begin(), o.by_page.end(),
            [&](uint32_t a, uint32_t b) { return std::less<>()(o.listing[a].first, o.listing[b].first); });
  o.listing.shrink_to_fit();
  return orders_.emplace(Key(section, lang), std::move(o)).first->second;
}

const std::vector<MenuItem>& PageLists::MainMenu(std::string_view lang) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = menus_.find(lang);
  if (it == menus_.end()) it = menus_.emplace(std::string(lang), MenuEntries(*pages_, "main", lang)).first;
  return it->second;
}

void PageLists::PagesChanged() {
  std::lock_guard<std::mutex> lock(mu_);
  orders_.clear();
  menus_.clear();
  siblings_.clear();
  tree_ = SiteTree::Build(*pages_);
}

}  // namespace costsite::render
