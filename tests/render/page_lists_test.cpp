#include "render/page_lists.h"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

namespace costsite::render {
namespace {

content::Page MakePage(const std::string& key, bool is_list, const std::string& title, int weight = 0,
                       const std::string& date = "") {
  content::Page p;
  p.key = key;
  p.is_list = is_list;
  content::PageSource s;
  s.lang = "en";
  s.url_key = key;
  s.front.title = title;
  s.front.weight = weight;
  s.front.more_mut().date = date;
  p.sources.push_back(s);
  return p;
}

std::vector<std::string> Titles(const std::vector<Entry>& entries) {
  std::vector<std::string> out;
  for (const Entry& e : entries) out.push_back(e.second->front.title);
  return out;
}

// Ordered by key, as content::LoadContent orders them.
std::vector<content::Page> Site() {
  return {
      MakePage("", true, "Home"),
      MakePage("about", false, "About", 2),
      MakePage("docs", true, "Docs", 1),
      MakePage("docs/a-old", false, "Old", 0, "2023-01-01"),
      MakePage("docs/b-new", false, "New", 0, "2024-01-01"),
      MakePage("docs/c-first", false, "First", 1),
      MakePage("docs/ref", true, "Reference", 3),
      MakePage("docs/ref/deep/x", false, "Deep"),  // no deep/_index: belongs to docs/ref
      MakePage("loose/page", false, "Loose", 5),     // no loose/_index: belongs to the home page
  };
}

TEST_CASE("A section lists its own pages and subsections in Hugo's order") {
  auto pages = Site();
  SiteTree tree = SiteTree::Build(pages);
  CHECK(Titles(ListEntries(pages, tree, 0, "en", true)) == std::vector<std::string>{"Docs", "About", "Loose"});
  CHECK(Titles(ListEntries(pages, tree, 2, "en", true)) == std::vector<std::string>{"First", "Reference", "New", "Old"});
  CHECK(Titles(ListEntries(pages, tree, 6, "en", true)) == std::vector<std::string>{"Deep"});
  CHECK(tree.Parent(7) == 6);
  CHECK(tree.Parent(6) == 2);
  CHECK(tree.Parent(0) == SiteTree::kNone);
  auto children = [&](size_t p) { return std::vector<uint32_t>(tree.Children(p).begin(), tree.Children(p).end()); };
  CHECK(children(0) == std::vector<uint32_t>{1, 2, 8});  // in page order
  CHECK(children(2) == std::vector<uint32_t>{3, 4, 5, 6});
  CHECK(children(6) == std::vector<uint32_t>{7});
  CHECK(children(7).empty());
  CHECK(children(8).empty());
}

// A source of `page` in `lang`.
void AddSource(content::Page* page, const std::string& lang, const std::string& title, int weight = 0) {
  content::PageSource s;
  s.lang = lang;
  s.url_key = page->key;
  s.front.title = title;
  s.front.weight = weight;
  page->sources.push_back(s);
}

TEST_CASE("Without fallbacks a language lists its own pages and those of a section it lacks in its place") {
  auto pages = Site();                       // every page in English
  AddSource(&pages[0], "zh", "首页");
  AddSource(&pages[2], "zh", "文档", 1);      // docs
  AddSource(&pages[4], "zh", "新", 2);        // docs/b-new
  AddSource(&pages[7], "zh", "深", 1);        // docs/ref/deep/x, in docs/ref: no Chinese section page
  SiteTree tree = SiteTree::Build(pages);
  CHECK(Titles(ListEntries(pages, tree, 0, "zh", false)) == std::vector<std::string>{"文档"});
  CHECK(Titles(ListEntries(pages, tree, 2, "zh", false)) == std::vector<std::string>{"深", "新"});
  CHECK(Titles(ListEntries(pages, tree, 2, "en", false)) == std::vector<std::string>{"First", "Reference", "New", "Old"});
  // With fallbacks, every page is listed in its English text.
  CHECK(Titles(ListEntries(pages, tree, 2, "zh", true)) == std::vector<std::string>{"First", "新", "Reference", "Old"});
  CHECK(SectionIn(pages, tree, 7, "zh", false) == 2);
  CHECK(SectionIn(pages, tree, 7, "en", false) == 6);
  CHECK(SectionIn(pages, tree, 7, "zh", true) == 6);
  CHECK(SectionIn(pages, tree, 0, "zh", false) == SiteTree::kNone);
  PageLists lists(&pages, false);
  std::vector<std::string> titles;
  for (const Entry& e : lists.OrderOf(lists.SectionOf(7, "zh"), "zh").listing) titles.push_back(e.second->front.title);
  CHECK(titles == std::vector<std::string>{"深", "新"});
}

TEST_CASE("Lists show linkTitle and fall back to the page's own summary") {
  content::PageSource s;
  s.front.title = "Installing the tool";
  s.first_paragraph = "First paragraph.";
  CHECK(ListTitle(s) == "Installing the tool");
  CHECK(EntryText(s) == "First paragraph.");
  s.front.more_mut().link_title = "Install";
  s.front.more_mut().summary = "Summary.";
  CHECK(ListTitle(s) == "Install");
  CHECK(EntryText(s) == "Summary.");
  s.front.set_description("Description.");
  CHECK(EntryText(s) == "Description.");
}

TEST_CASE("A menu lists the pages that name it, by weight") {
  auto pages = Site();
  pages[1].sources[0].front.more_mut().menus.push_back({"main", 20, ""});
  pages[2].sources[0].front.more_mut().menus.push_back({"main", 10, "Documentation"});
  pages[3].sources[0].front.more_mut().menus.push_back({"footer", 1, ""});
  auto menu = MenuEntries(pages, "main", "en");
  REQUIRE(menu.size() == 2);
  CHECK(menu[0].first->key == "docs");
  CHECK(menu[1].first->key == "about");
  CHECK(MenuEntries(pages, "main", "zh").empty());
}

TEST_CASE("Lists worked out once are shared by threads, and worked out again when the pages change") {
  auto pages = Site();
  PageLists lists(&pages, true);
  // Four threads ask for the same lists at once: each gets the one list.
  std::vector<const PageLists::Order*> orders(4);
  std::vector<const std::vector<Entry>*> siblings(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      orders[t] = &lists.OrderOf(2, "en");
      siblings[t] = lists.Siblings(2, "en");
    });
  for (std::thread& t : threads) t.join();
  for (size_t t = 1; t < 4; ++t) {
    CHECK(orders[t] == orders[0]);
    CHECK(siblings[t] == siblings[0]);
  }
  // Neighbours: the section's pages only, not its subsection, in its order.
  std::vector<std::string> titles;
  for (const Entry& e : orders[0]->listing) titles.push_back(e.second->front.title);
  CHECK(titles == std::vector<std::string>{"First", "New", "Old"});
  CHECK(orders[0]->Place(&pages[4]) == std::optional<size_t>(1));  // New
  CHECK(orders[0]->Place(&pages[6]) == std::nullopt);              // Reference, a section
  CHECK(Titles(*siblings[0]) == std::vector<std::string>{"First", "Reference", "New", "Old"});
  CHECK(lists.Siblings(SiteTree::kNone, "en") == nullptr);
  CHECK(lists.tree().Parent(7) == 6);

  pages[3].sources[0].front.weight = 1;  // Old, now weighted: before every unweighted page
  pages[5].sources[0].front.weight = 2;
  CHECK(Titles(*lists.Siblings(2, "en")) == std::vector<std::string>{"First", "Reference", "New", "Old"});  // kept
  lists.PagesChanged();
  CHECK(Titles(*lists.Siblings(2, "en")) == std::vector<std::string>{"Old", "First", "Reference", "New"});
  titles.clear();
  for (const Entry& e : lists.OrderOf(2, "en").listing) titles.push_back(e.second->front.title);
  CHECK(titles == std::vector<std::string>{"Old", "First", "New"});
}

}  // namespace
}  // namespace costsite::render
