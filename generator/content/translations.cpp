// Translations named in front matter (Hugo's translationKey) rather than
// by path: a page's files in its languages need not share a file name.
#include <map>
#include <utility>

#include "content/pages.h"

namespace costsite::content {

void PairByTranslationKey(std::vector<Page>* pages, const SiteConfig& cfg) {
  // (folder of the page's key, translationKey) -> the page taking the others.
  // Pages of one folder only: a page has one place in the site's sections,
  // the same in every language.
  std::map<std::pair<std::string, std::string>, size_t> first;
  bool merged = false;
  for (size_t p = 0; p < pages->size(); ++p) {
    Page& page = (*pages)[p];
    // A page already paired by its path, a section, or a taxonomy's page keeps what it is.
    if (page.is_list || page.sources.size() != 1 || !page.taxonomy().empty()) continue;
    const std::string& key = page.sources.front().front.more().translation_key;
    if (key.empty()) continue;
    const size_t slash = page.key.rfind('/');
    auto [at, fresh] = first.try_emplace({slash == std::string::npos ? "" : page.key.substr(0, slash), key}, p);
    if (fresh) continue;
    Page& into = (*pages)[at->second];
    if (into.In(page.sources.front().lang)) continue;  // two files of one language: each its own page
    into.sources.push_back(std::move(page.sources.front()));
    SortByLanguage(&into.sources, cfg);
    page.sources.clear();
    merged = true;
  }
  if (!merged) return;
  std::erase_if(*pages, [](const Page& page) { return page.sources.empty(); });
}

}  // namespace costsite::content
