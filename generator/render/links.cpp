#include "render/links.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "base/line_index.h"
#include "content/site_layout.h"
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

// A URL path as Hugo writes page URLs: lowercased, spaces as '-'.
std::string UrlForm(std::string_view s) {
  std::string out;
  for (char c : s) out += c == ' ' ? '-' : (c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  return out;
}

// The page published in `lang` (content::PublishedIn with `fallback`) whose
// URL there (its key, or its slug or url) is `rest`, in any case, with or
// without a trailing slash or "index.html"; nullptr if none. Hugo
// lowercases URLs, so "/Docs/Intro/" is the page content/docs/intro.md and
// also content/Docs/Intro.md.
const content::Page* FindPageByUrl(const std::vector<content::Page>& pages, std::string rest, const std::string& lang,
                                   bool fallback) {
  if (rest.size() >= 10 && rest.compare(rest.size() - 10, 10, "index.html") == 0) rest.resize(rest.size() - 10);
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  auto at = [&](const content::Page& p, auto&& same) {
    return same(p.UrlIn(lang)) && content::PublishedIn(p, lang, fallback);
  };
  auto is_rest = [&](const std::string& url) { return url == rest; };
  // Most pages' URL is their key: found by a binary search. The scans below
  // run only for a URL in another case or a page with its own slug or url.
  if (const content::Page* p = FindPage(pages, rest); p && at(*p, is_rest)) return p;
  for (const content::Page& p : pages)
    if (at(p, is_rest)) return &p;
  std::string want = UrlForm(rest);
  for (const content::Page& p : pages)
    if (at(p, [&](const std::string& url) { return UrlForm(url) == want; })) return &p;
  return nullptr;
}

// The languages `page` is written in, as "'zh-cn'" or "'en', 'ja'".
std::string WrittenIn(const content::Page& page) {
  std::string out;
  for (const content::PageSource& s : page.sources) out += (out.empty() ? "'" : ", '") + s.lang + "'";
  return out;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) && hex(s[i + 2])) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool HasFile(const SiteInputs& in, const std::string& rel) {
  return in.source_files && std::binary_search(in.source_files->begin(), in.source_files->end(), rel);
}

bool IsLanguage(const content::SiteConfig& cfg, std::string_view s) {
  return std::find(cfg.languages.begin(), cfg.languages.end(), s) != cfg.languages.end();
}

// Where a link that is not a Markdown file leads.
struct UrlTarget {
  bool found = false;
  std::string file;  // the site file it leads to ("en/docs/a/index.html", "images/x.png")
  std::string page;  // for messages about a page's ids: "page docs/a"; "" for other files
  bool rewrite = true;  // false: the URL as written already leads there
  // Not found: why, when the URL is a page's that is not published in its
  // language (without translation_fallback).
  std::string unpublished;
};

// Resolves `path` (no query or fragment) written on the page shown from
// `src` at `out_path`, as Hugo would: to a page (URLs any case, trailing slash
// or not, default language at the root when the site says so), a static file
// (static/ is published at the site root), a resource of the page's bundle,
// or a theme asset.
UrlTarget ResolveUrl(const SiteInputs& in, const content::Page& page, const content::PageSource& src,
                     const std::string& out_lang, const std::string& out_path, const std::string& path) {
  const content::SiteConfig& cfg = *in.config;
  UrlTarget t;
  std::string site_path;  // site-relative, with the language folder costsite writes
  if (path[0] == '/') {
    site_path = path.substr(1);
  } else if (!JoinPath(out_path.substr(0, out_path.rfind('/')), path, &site_path)) {
    return t;
  }
  std::string decoded = PercentDecode(site_path);
  size_t slash = decoded.find('/');
  std::string first = decoded.substr(0, slash);
  std::string lang, rest;
  if (IsLanguage(cfg, first)) {
    lang = first;
    rest = slash == std::string::npos ? "" : decoded.substr(slash + 1);
  } else if (path[0] == '/' && cfg.default_language_at_root) {
    lang = cfg.default_language;
    rest = decoded;
  }
  // Hugo's URL of the same place: the default language at the root or not.
  std::string hugo = lang.empty() ? decoded
                     : (cfg.default_language_at_root && lang == cfg.default_language) ? rest
                                                                                      : lang + "/" + rest;
  if (!lang.empty()) {
    if (const content::Page* p = FindPageByUrl(*in.pages, rest, lang, cfg.translation_fallback)) {
      t.found = true;
      t.file = output::PageFile(lang, p->UrlIn(lang));
      t.page = t.file == out_path ? "this page" : p->key.empty() ? "the home page" : "page " + p->key;
      return t;
    }
    if (const content::Page* p = FindPageByUrl(*in.pages, rest, lang, true)) {
      t.unpublished = "page " + p->key + " is not written in '" + lang + "' (only in " + WrittenIn(*p) + ")";
      return t;
    }
  } else if (decoded.empty() || decoded == "index.html") {
    t.found = true;  // the root index
    t.file = "index.html";
    return t;
  }
  if (!hugo.empty() && hugo.back() != '/' && HasFile(in, "static/" + hugo)) {
    t.found = true;
    t.file = hugo;
    return t;
  }
  if (path[0] != '/') {  // a resource beside the page's file (a page bundle)
    std::string name;
    if (JoinPath("", PercentDecode(path), &name) && !name.empty()) {
      // A file of the page's bundle is found when this language's folder
      // publishes it: a file named for another language (chart.en.png) is
      // not, and Markdown in a bundle is not published at all. A link to
      // "chart.png" finds the language's own chart.zh.png.
      if (const content::Resource* r = content::LinkedResource(page, name, out_lang)) {
        t.found = true;
        t.rewrite = r->name != name;
        t.file = out_path.substr(0, out_path.rfind('/') + 1) + r->name;
        return t;
      }
      if (std::any_of(page.resources.begin(), page.resources.end(),
                      [&](const content::Resource& r) { return r.name == name; }))
        return t;
    }
    std::string resource;
    if (JoinPath(src.path.substr(0, src.path.rfind('/')), PercentDecode(path), &resource) && HasFile(in, resource)) {
      t.found = true;
      t.rewrite = false;
      return t;
    }
  }
  if (in.theme && (in.theme->assets.count(decoded) || in.theme->assets.count(hugo))) {
    t.found = true;
    t.file = in.theme->assets.count(decoded) ? decoded : hugo;
    return t;
  }
  // A page's alias: the site writes a redirect there (RedirectFiles). Only
  // on this path, which is otherwise a warning.
  if (path[0] == '/') {
    const std::string file = decoded.empty() || decoded.back() == '/' ? decoded + "index.html" : decoded;
    for (const content::Page& p : *in.pages)
      for (const content::PageSource& s : p.sources)
        for (const std::string& alias : s.alias_files())
          if (alias == file || alias == file + "/index.html") {
            t.found = true;
            t.file = alias;
            t.rewrite = false;
            return t;
          }
  }
  return t;
}

}  // namespace

markdown::LinkRewriter MakeLinkRewriter(const SiteInputs& in, const content::Page& page,
                                        const content::PageSource& src, const std::string& lang,
                                        const std::string& out_path, Diagnostics* diags,
                                        std::vector<FragmentLink>* fragments) {
  auto lines = std::make_shared<LineIndex>(src.text);
  return [&in, &page, &src, lang, out_path, diags, fragments, lines](const markdown::Link& link) -> std::string {
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
      const std::string& written = link.written.empty() ? url : link.written;
      diags->Add({Severity::kError, link.pos, "broken link '" + written + "': " + why,
                  std::string(lines->Line(link.pos.line)), 1, "broken-link"});
      return url;
    };
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) {
      // A ref naming a language (`lang="zh"`) links to that language's page,
      // looked for among that language's files, as Hugo's ref does; so does
      // a path naming a language's file (`guide.en-us.md` from a zh-cn page:
      // the page in the language the author named, not this page's).
      const auto& langs = in.config->languages;
      std::string named;
      if (const size_t dot = path.rfind('.', path.size() - 4), slash = path.rfind('/');
          dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
        const std::string suffix = path.substr(dot + 1, path.size() - 3 - dot - 1);
        if (std::find(langs.begin(), langs.end(), suffix) != langs.end()) named = suffix;
      }
      const std::string to_lang = !link.lang.empty() ? link.lang : !named.empty() ? named : std::string(lang);
      if (std::find(langs.begin(), langs.end(), to_lang) == langs.end())
        return broken("the site has no language '" + to_lang + "'");
      // "/x.md" is relative to content/ (to content/LANG/ with content_layout:
      // folders, as Hugo's contentDir), anything else to the page's folder
      // first and then to that root (as Hugo's ref and relref look).
      const bool folders = in.config->content_layout == content::ContentLayout::kFolders;
      auto root_of = [&](const std::string& l) {
        return folders ? content::InContent(std::string(content::ContentFolderOf(*in.config, l)))
                       : std::string(content::kContentDir);
      };
      const std::string root = root_of(link.lang.empty() ? src.lang.str() : link.lang);
      std::string dir = path[0] == '/' ? root : src.path.substr(0, src.path.rfind('/'));
      // The page's folder in the other language's files.
      if (const std::string own = root_of(src.lang.str()); path[0] != '/' && root != own && dir.rfind(own, 0) == 0)
        dir = root + dir.substr(own.size());
      std::string joined;
      if (!JoinPath(dir, path, &joined) || joined.rfind("content/", 0) != 0)
        return broken("it points outside content/");
      // A path outside every language folder (content/x.md with
      // content_layout: folders) is no page: its key would be "", the home
      // page's. So is one that climbs out of the root it is looked for in.
      auto page_at = [&](const std::string& file) -> const content::Page* {
        content::ContentPath at = content::ClassifyContentPath(file.substr(8), *in.config);
        return at.error.empty() ? FindPage(*in.pages, at.key) : nullptr;
      };
      content::ContentPath cp = content::ClassifyContentPath(joined.substr(8), *in.config);
      const content::Page* linked = page_at(joined);
      if (!linked && path[0] != '/') {
        std::string rooted;
        if (JoinPath(root, path, &rooted) && rooted.rfind(root + "/", 0) == 0 && (linked = page_at(rooted)))
          cp = content::ClassifyContentPath(rooted.substr(8), *in.config);
      }
      if (!linked && path.find('/') == std::string::npos && cp.error.empty()) {
        // Only on this error path: a file's name alone (`seek-help.md`) is,
        // as in Hugo's ref, the one page of the site with that name.
        const std::string_view name = std::string_view(cp.key).substr(cp.key.rfind('/') + 1);
        const content::Page* only = nullptr;
        size_t count = 0;
        for (const content::Page& p : *in.pages)
          if (const size_t slash = p.key.rfind('/');
              !p.key.empty() && std::string_view(p.key).substr(slash == std::string::npos ? 0 : slash + 1) == name)
            only = &p, ++count;
        if (count == 1) linked = only, cp.key = only->key;
      }
      if (!linked) {
        // Only on this error path: a page paired with another by its
        // translationKey is that page, under the other's key; find it by its file.
        std::vector<std::string> keys;
        if (cp.error.empty()) keys.push_back(cp.key);
        if (std::string rooted; path[0] != '/' && JoinPath(root, path, &rooted) && rooted.rfind(root + "/", 0) == 0)
          if (content::ContentPath at = content::ClassifyContentPath(rooted.substr(8), *in.config); at.error.empty())
            keys.push_back(at.key);
        for (const content::Page& p : *in.pages)
          for (const content::PageSource& s : p.sources)
            if (!linked && !s.front.more().translation_key.empty()) {
              const std::string key = content::ClassifyContentPath(s.path.substr(8), *in.config).key;
              if (std::find(keys.begin(), keys.end(), key) != keys.end()) linked = &p, cp.key = p.key;
            }
      }
      if (!linked) {
        // Only on this error path: is it Markdown inside a leaf bundle?
        for (const content::Page& p : *in.pages)
          for (const content::Resource& r : p.resources)
            if (r.path == joined) {
              std::string bundle = p.sources.empty() ? joined : p.sources.front().path;
              return broken(joined + " is a resource of the page bundle " + bundle.substr(0, bundle.rfind('/')) +
                            ", not a page");
            }
        return broken("no page " + joined);
      }
      std::string target = output::PageFile(to_lang, linked->UrlIn(to_lang));
      if (!content::PublishedIn(*linked, to_lang, in.config->translation_fallback)) {
        // As Hugo's REF_NOT_FOUND: a ref finds pages of the page's language
        // (or of the one it names).
        const std::string missing = "page " + cp.key + " is not written in '" + to_lang + "' (only in " +
                                    WrittenIn(*linked) + ")";
        if (!link.written.empty()) return broken(missing);
        // A Markdown link leads to the page in a language it has: the
        // default language, else the first the site lists.
        const content::PageSource* to = linked->In(in.config->default_language);
        if (!to) to = &linked->sources.front();
        diags->Add({Severity::kWarning, link.pos,
                    "link '" + url + "': " + missing + "; it leads to the '" + to->lang + "' page",
                    std::string(lines->Line(link.pos.line)), 1, "missing-translation"});
        target = output::PageFile(to->lang, to->url_key);
      }
      keep(target, cp.key.empty() ? "the home page" : "page " + cp.key);
      return output::RelativeUrl(out_path, target) + frag;
    }
    if (path.empty()) {  // "?q#x": this page
      keep(out_path, "this page");
      return url;
    }
    UrlTarget target = ResolveUrl(in, page, src, lang, out_path, path);
    if (!target.found) {
      if (src.lang != lang) return url;  // reported where the page is in its own language
      diags->Add({Severity::kWarning, link.pos,
                  std::string(link.is_image ? "image" : "link") + " '" + url + "' leads nowhere: " +
                      (target.unpublished.empty() ? "no page, static/ file or page resource has that URL"
                                                  : target.unpublished),
                  std::string(lines->Line(link.pos.line)), 1, "broken-link"});
      return url;
    }
    if (!target.page.empty()) keep(target.file, target.page);
    if (!target.rewrite) return url;
    return output::RelativeUrl(out_path, target.file) + frag;
  };
}

}  // namespace costsite::render
