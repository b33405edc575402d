#include "render/publish.h"

#include <algorithm>
#include <map>
#include <set>

#include "figures/dates.h"
#include "markdown/markdown.h"
#include "output/paths.h"
#include "render/page_lists.h"

namespace costsite::render {

namespace {

using markdown::HtmlEscape;

// The theme has every word in every site language (a missing one was filled
// from the default language when it was loaded); the key is a last resort.
std::string UiText(const SiteInputs& in, const std::string& lang, const std::string& key) {
  for (const std::string& l : {lang, in.config->default_language}) {
    auto t = in.theme->strings.find(l);
    if (t == in.theme->strings.end()) continue;
    if (auto s = t->second.find(key); s != t->second.end()) return s->second;
  }
  return key;
}

std::string Sitemap(const SiteInputs& in) {
  const std::string& base = in.config->base_url;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  for (const content::Page& page : *in.pages) {
    for (const std::string& lang : in.config->languages) {
      if (!page.In(lang)) continue;  // a fallback copy is not a page of its own
      const content::PageSource& src = *page.In(lang);
      xml += "<url>\n<loc>" + HtmlEscape(AbsoluteUrl(base, output::PageFile(lang, page.UrlIn(lang)))) +
             "</loc>\n";
      const std::string& changed = src.front.more().lastmod.empty() ? src.front.more().date : src.front.more().lastmod;
      if (!changed.empty()) xml += "<lastmod>" + changed + "</lastmod>\n";
      for (const std::string& alt : in.config->languages) {
        if (!page.In(alt)) continue;
        xml += "<xhtml:link rel=\"alternate\" hreflang=\"" + content::HtmlLang(alt) + "\" href=\"" +
               HtmlEscape(AbsoluteUrl(base, output::PageFile(alt, page.UrlIn(alt)))) + "\"/>\n";
      }
      const std::string& def = in.config->default_language;
      if (page.In(def))
        xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
               HtmlEscape(AbsoluteUrl(base, output::PageFile(def, page.UrlIn(def)))) + "\"/>\n";
      xml += "</url>\n";
    }
  }
  return xml + "</urlset>\n";
}

// The path of the site root on its server: "/" by default, "/docs/" when
// base_url is https://example.com/docs.
std::string RootPath(std::string_view base_url) {
  size_t scheme = base_url.find("://");
  size_t slash = scheme == std::string_view::npos ? std::string_view::npos : base_url.find('/', scheme + 3);
  return slash == std::string_view::npos ? "/" : std::string(base_url.substr(slash)) + "/";
}

// Served for any missing path at any depth, so every link starts at the
// server's root (no host: the same file works on any domain, and on a
// preview server). Both languages' words, each in its own lang.
std::string NotFoundPage(const SiteInputs& in) {
  const std::string root = RootPath(in.config->base_url);
  const std::string& def = in.config->default_language;
  auto folder = [](std::string path) {  // "zh/index.html" -> "zh/"
    constexpr std::string_view kIndex = "index.html";
    if (path.size() >= kIndex.size() && path.compare(path.size() - kIndex.size(), kIndex.size(), kIndex) == 0)
      path.resize(path.size() - kIndex.size());
    return path;
  };
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + content::HtmlLang(def) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>404 · " + HtmlEscape(Pick(in.config->title, def)) + "</title>\n"
                     "<meta name=\"robots\" content=\"noindex\">\n"
                     "<link rel=\"stylesheet\" href=\"" + HtmlEscape(root) + "style.css\">\n"
                     "</head>\n<body>\n<main id=\"main\">\n<h1>404</h1>\n";
  for (const std::string& lang : in.config->languages) {
    html += "<p lang=\"" + content::HtmlLang(lang) + "\">" +
            HtmlEscape(UiText(in, lang, "not_found")) + " <a href=\"" +
            HtmlEscape(root + folder(output::PageFile(lang, ""))) + "\">" +
            HtmlEscape(Pick(in.config->title, lang)) + "</a></p>\n";
  }
  return html + "</main>\n</body>\n</html>\n";
}

// RSS 2.0 of one language (Hugo's index.xml at the language's root): its
// dated pages, newest first, with absolute links.
std::string Feed(const SiteInputs& in, const std::string& lang) {
  const std::string& base = in.config->base_url;
  std::vector<const content::Page*> dated;
  for (const content::Page& page : *in.pages)
    if (const content::PageSource* s = page.In(lang); s && !page.is_list && !s->front.more().date.empty())
      dated.push_back(&page);
  std::stable_sort(dated.begin(), dated.end(), [&](const content::Page* a, const content::Page* b) {
    return a->In(lang)->front.more().date > b->In(lang)->front.more().date;
  });
  std::string home = AbsoluteUrl(base, output::PageFile(lang, ""));
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                    "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>" +
                    HtmlEscape(Pick(in.config->title, lang)) + "</title>\n<link>" + HtmlEscape(home) +
                    "</link>\n<description>" + HtmlEscape(Pick(in.config->description, lang)) +
                    "</description>\n<language>" + content::HtmlLang(lang) + "</language>\n"
                    "<atom:link href=\"" + HtmlEscape(AbsoluteUrl(base, lang + "/index.xml")) +
                    "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  if (!dated.empty())
    xml += "<lastBuildDate>" + figures::Rfc822Day(dated.front()->In(lang)->front.more().date) + "</lastBuildDate>\n";
  for (const content::Page* page : dated) {
    const content::PageSource& s = *page->In(lang);
    std::string url = HtmlEscape(AbsoluteUrl(base, output::PageFile(lang, s.url_key)));
    xml += "<item>\n<title>" + HtmlEscape(s.front.title) + "</title>\n<link>" + url + "</link>\n<pubDate>" +
           figures::Rfc822Day(s.front.more().date) + "</pubDate>\n<guid>" + url + "</guid>\n";
    if (const std::string text = EntryText(s); !text.empty())
      xml += "<description>" + HtmlEscape(text) + "</description>\n";
    xml += "</item>\n";
  }
  return xml + "</channel>\n</rss>\n";
}

}  // namespace

std::string AbsoluteUrl(std::string_view base_url, std::string_view path) {
  std::string p(path);
  constexpr std::string_view kIndex = "index.html";
  if (p.size() >= kIndex.size() && p.compare(p.size() - kIndex.size(), kIndex.size(), kIndex) == 0)
    p.resize(p.size() - kIndex.size());
  return std::string(base_url) + "/" + p;
}

std::vector<OutputFile> PublishFiles(const SiteInputs& in) {
  std::vector<OutputFile> files;
  files.push_back(OutputFile::Plain("404.html", NotFoundPage(in)));
  if (in.config->base_url.empty()) return files;
  files.push_back(OutputFile::Plain("sitemap.xml", Sitemap(in)));
  for (const std::string& lang : in.config->languages)
    files.push_back(OutputFile::Plain(lang + "/index.xml", Feed(in, lang)));
  return files;
}

std::vector<OutputFile> RedirectFiles(const SiteInputs& in, const std::set<std::string, std::less<>>& generated,
                                      Diagnostics* diags) {
  // The pages' files an alias would take. Only the aliases' paths are held,
  // not every page's file: that set was 20 MB at 2 x 100,000 pages, the high
  // point of such a build, for the few pages most sites give an alias.
  std::set<std::string, std::less<>> aliases;
  for (const content::Page& page : *in.pages)
    for (const content::PageSource& s : page.sources)
      for (const std::string& alias : s.alias_files()) aliases.insert(alias);
  if (aliases.empty()) return {};
  std::set<std::string> taken;
  for (const content::Page& page : *in.pages)
    for (const std::string& lang : in.config->languages)
      if (std::string file = output::PageFile(lang, page.UrlIn(lang));
          content::PublishedIn(page, lang, in.config->translation_fallback) && aliases.count(file))
        taken.insert(std::move(file));
  // A file the site writes anyway (index.html, 404.html), or one whose path
  // would have to be a folder ("style.css/index.html").
  auto generated_at = [&](const std::string& path) {
    if (generated.count(path)) return true;
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
      if (generated.count(std::string_view(path).substr(0, slash))) return true;
    return false;
  };
  std::vector<OutputFile> files;
  for (const content::Page& page : *in.pages) {
    // An alias from the site's root that translations share (copied with the
    // front matter) is one redirect, to the default language's page, else to
    // the first language's that gives it; Hugo lets the last one written win.
    std::vector<const content::PageSource*> order;
    for (const content::PageSource& s : page.sources)
      if (s.lang == in.config->default_language) order.push_back(&s);
    for (const content::PageSource& s : page.sources)
      if (s.lang != in.config->default_language) order.push_back(&s);
    std::map<std::string, std::string> given;  // alias -> the language of the page's source that wrote it
    for (const content::PageSource* s : order) {
      const std::string target = output::PageFile(s->lang, s->url_key);
      for (const std::string& path : s->alias_files()) {
        // The page's own URL: a Hugo site with its default language at the
        // root writes "/en/x/" on en/x/, a different URL there, the same here.
        if (path == target) continue;
        if (auto g = given.find(path); g != given.end() && g->second != s->lang) continue;
        if (generated_at(path) || !taken.insert(path).second) {
          diags->Error({s->path, 1, 1}, "alias '" + path + "' is already a page, a file of the site or another alias",
                       {}, 1, "duplicate-url");
          continue;
        }
        given[path] = s->lang;
        std::string url = HtmlEscape(output::RelativeUrl(path, target));
        std::string title = HtmlEscape(s->front.title);
        files.push_back(OutputFile::Plain(
            path, "<!DOCTYPE html>\n<html lang=\"" + content::HtmlLang(s->lang) + "\">\n<head>\n<title>" + title +
                      "</title>\n<link rel=\"canonical\" href=\"" + url +
                      "\">\n<meta name=\"robots\" content=\"noindex\">\n<meta charset=\"utf-8\">\n"
                      "<meta http-equiv=\"refresh\" content=\"0; url=" + url + "\">\n</head>\n<body>\n<p><a href=\"" +
                      url + "\">" + title + "</a></p>\n</body>\n</html>\n"));
      }
    }
  }
  return files;
}

}  // namespace costsite::render
