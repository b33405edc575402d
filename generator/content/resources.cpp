// Which of a bundle's files each language's folder publishes.
#include <algorithm>

#include "content/pages.h"

namespace costsite::content {

namespace {

// The resources named `name`, a run of page.resources (sorted by name).
std::pair<const Resource*, const Resource*> Named(const Page& page, std::string_view name) {
  auto lo = std::lower_bound(page.resources.begin(), page.resources.end(), name,
                             [](const Resource& r, std::string_view n) { return r.name < n; });
  auto hi = lo;
  while (hi != page.resources.end() && hi->name == name) ++hi;
  return {page.resources.data() + (lo - page.resources.begin()), page.resources.data() + (hi - page.resources.begin())};
}

}  // namespace

const Resource* PublishedResource(const Page& page, std::string_view name, std::string_view lang) {
  auto [first, last] = Named(page, name);
  const Resource *own = nullptr, *common = nullptr, *borrowed = nullptr;
  for (const Resource* r = first; r != last; ++r) {
    if (!r->published) continue;
    if (r->lang == lang) own = own ? own : r;
    else if (r->lang.empty()) common = common ? common : r;
    else if (!r->lang_only) borrowed = borrowed ? borrowed : r;
  }
  return own ? own : common ? common : borrowed;
}

std::vector<const Resource*> PublishedResources(const Page& page, std::string_view lang) {
  std::vector<const Resource*> out;
  for (size_t i = 0; i < page.resources.size();) {
    const std::string& name = page.resources[i].name;
    if (const Resource* r = PublishedResource(page, name, lang)) out.push_back(r);
    while (i < page.resources.size() && page.resources[i].name == name) ++i;
  }
  return out;
}

const Resource* LinkedResource(const Page& page, std::string_view name, std::string_view lang) {
  if (const Resource* r = PublishedResource(page, name, lang)) return r;
  size_t slash = name.rfind('/');
  size_t ext = name.rfind('.');
  if (ext == std::string_view::npos || (slash != std::string_view::npos && ext < slash)) return nullptr;
  std::string variant = std::string(name.substr(0, ext)) + "." + std::string(lang) + std::string(name.substr(ext));
  const Resource* r = PublishedResource(page, variant, lang);
  return r && r->lang_only ? r : nullptr;
}

}  // namespace costsite::content
