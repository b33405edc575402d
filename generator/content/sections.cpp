// Hugo's sections without an _index file (SiteConfig::implicit_lists).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "content/pages.h"
#include "content/site_layout.h"

namespace costsite::content {
namespace {

bool AsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string SectionTitle(std::string_view folder, bool pluralize) {
  std::string title(folder);
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  if (!pluralize || title.empty() || !AsciiLetter(title.back())) return title;
  auto ends = [&](std::string_view s) { return title.size() >= s.size() && title.ends_with(s); };
  const char last = static_cast<char>(title.back() | 0x20);
  if (last == 's') return title;  // "Docs", "News": plural already
  if (ends("x") || ends("z") || ends("ch") || ends("sh")) return title + "es";
  if (last == 'y' && title.size() > 1 && std::string_view("aeiouAEIOU").find(title[title.size() - 2]) ==
                                             std::string_view::npos)
    return title.substr(0, title.size() - 1) + "ies";
  return title + "s";
}

void AddImplicitSections(std::vector<Page>* pages, const HiddenContent& hidden, const SiteConfig& cfg,
                         Diagnostics* diags) {
  if (!cfg.implicit_lists) return;
  // Top-level folder -> the languages it has a page in.
  std::map<std::string, std::set<std::string>, std::less<>> folders;
  auto add = [&](std::string_view key, std::string_view lang) {
    size_t slash = key.find('/');
    if (slash != std::string_view::npos) folders[std::string(key.substr(0, slash))].emplace(lang);
  };
  for (const Page& page : *pages)
    for (const PageSource& s : page.sources) add(page.key, s.lang);
  for (const auto& [key, lang] : hidden.headless) add(key, lang);
  for (const auto& [folder, langs] : folders) {
    auto at = std::lower_bound(pages->begin(), pages->end(), folder,
                               [](const Page& p, const std::string& k) { return p.key < k; });
    if (at != pages->end() && at->key == folder && !at->is_list) continue;  // a page, not a folder of pages
    bool added = false;
    for (const std::string& lang : cfg.languages) {
      if (!langs.count(lang) || hidden.lists.count({folder, lang})) continue;
      if (at != pages->end() && at->key == folder && at->In(lang)) continue;
      if (at == pages->end() || at->key != folder) {
        Page p;
        p.key = folder;
        p.is_list = true;
        at = pages->insert(at, std::move(p));
      }
      PageSource src;
      src.lang = lang;
      src.path = InContent(cfg.content_layout == ContentLayout::kFolders
                               ? std::string(ContentFolderOf(cfg, lang)) + "/" + folder + "/_index.md"
                               : folder + "/_index." + lang + ".md");
      src.front.title = SectionTitle(folder, cfg.pluralize_titles);
      src.url_key = UrlKey(src.front, folder, src.text, diags, &cfg, true);
      at->sources.push_back(std::move(src));
      added = true;
    }
    if (added) SortByLanguage(&at->sources, cfg);
  }
}

}  // namespace costsite::content
