#include "render/links.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "base/line_index.h"
#include "output/paths.h"

namespace costsite::render {

bool IsExternalUrl(std::string_view url) {
  if (url.rfind("//", 0) == 0) return true;
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  size_t stop = url.find_first_of("/?#");
  if (stop != std::string_view::npos && stop < colon) return false;
  return std::all_of(url.begin(), url.begin() + colon, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

namespace {

// Joins `rel` onto folder `base` ('/'-separated), resolving "." and "..".
// Returns false when the path climbs above the root.
bool JoinPath(const std::string& base, const std::string& rel, std::string* out) {
  std::vector<std::string> parts;
  auto push = [&](const std::string& s) {
    size_t start = 0;
    while (start <= s.size()) {
      size_t slash = s.find('/', start);
      if (slash == std::string::npos) slash = s.size();
      std::string part = s.substr(start, slash - start);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      start = slash + 1;
    }
    return true;
  };
  if (!push(base) || !push(rel)) return false;
  out->clear();
  for (size_t i = 0; i < parts.size(); ++i) *out += (i ? "/" : "") + parts[i];
  return true;
}

const content::Page* FindPage(const std::vector<content::Page>& pages, const std::string& key) {
  auto it = std::lower_bound(pages.begin(), pages.end(), key,
                             [](const content::Page& p, const std::string& k) { return p.key < k; });
  return it != pages.end() && it->key == key ? &*it : nullptr;
}

}  // namespace

markdown::LinkRewriter MakeLinkRewriter(const SiteInputs& in, const content::Page& page,
                                        const content::PageSource& src, const std::string& lang,
                                        const std::string& out_path, Diagnostics* diags,
                                        std::vector<FragmentLink>* fragments) {
  auto lines = std::make_shared<LineIndex>(src.text);
  return [&in, &src, lang, out_path, diags, fragments, lines](const markdown::Link& link) -> std::string {
    const std::string& url = link.url;
    // Keeps a link to `#id` on the page `target` (site-relative), named `page` in messages.
    auto keep = [&](const std::string& target, std::string page) {
      if (fragments && !link.is_image && url.find('#') != std::string::npos)
        fragments->push_back({target, std::move(page), std::string(Fragment(url)), url, link.pos,
                              std::string(lines->Line(link.pos.line))});
    };
    if (url.empty() || IsExternalUrl(url)) return url;
    if (url[0] == '#') {
      keep(out_path, "this page");
      return url;
    }
    size_t cut = url.find_first_of("?#");
    std::string path = url.substr(0, cut);
    std::string frag = cut == std::string::npos ? "" : url.substr(cut);
    auto broken = [&](const std::string& why) {
      diags->Add({Severity::kError, link.pos, "broken link '" + url + "': " + why,
                  std::string(lines->Line(link.pos.line)), 1, "broken-link"});
      return url;
    };
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) {
      // "/x.md" is relative to content/, anything else to the page's folder.
      std::string dir = path[0] == '/' ? std::string("content") : src.path.substr(0, src.path.rfind('/'));
      std::string joined;
      if (!JoinPath(dir, path, &joined) || joined.rfind("content/", 0) != 0)
        return broken("it points outside content/");
      content::ContentPath cp = content::ClassifyContentPath(joined.substr(8), *in.config);
      const content::Page* linked = FindPage(*in.pages, cp.key);
      if (!linked) return broken("no page " + joined);
      const std::string target = output::PageFile(lang, linked->UrlIn(lang));
      keep(target, cp.key.empty() ? "the home page" : "page " + cp.key);
      return output::RelativeUrl(out_path, target) + frag;
    }
    if (path.empty()) {  // "?q#x": this page
      keep(out_path, "this page");
      return url;
    }
    // The site file linked to, for the anchor check.
    std::string target;
    if (JoinPath(path[0] == '/' ? std::string() : out_path.substr(0, out_path.rfind('/')), path, &target)) {
      if (target.empty() || path.back() == '/') target += target.empty() ? "index.html" : "/index.html";
      keep(target, target == out_path ? "this page" : "page " + target);
    }
    if (path[0] == '/') {  // root-relative: make it relative to this page
      std::string rooted = path.substr(1);
      if (rooted.empty() || rooted.back() == '/') rooted += "index.html";
      return output::RelativeUrl(out_path, rooted) + frag;
    }
    if (path.back() == '/') return path + "index.html" + frag;
    return url;
  };
}

}  // namespace costsite::render
