#include "render/publish.h"

#include "markdown/markdown.h"
#include "output/paths.h"

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
      xml += "<url>\n<loc>" + HtmlEscape(AbsoluteUrl(base, output::PageFile(lang, page.key))) +
             "</loc>\n";
      for (const std::string& alt : in.config->languages) {
        if (!page.In(alt)) continue;
        xml += "<xhtml:link rel=\"alternate\" hreflang=\"" + content::HtmlLang(alt) + "\" href=\"" +
               HtmlEscape(AbsoluteUrl(base, output::PageFile(alt, page.key))) + "\"/>\n";
      }
      const std::string& def = in.config->default_language;
      if (page.In(def))
        xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
               HtmlEscape(AbsoluteUrl(base, output::PageFile(def, page.key))) + "\"/>\n";
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
  if (!in.config->base_url.empty()) files.push_back(OutputFile::Plain("sitemap.xml", Sitemap(in)));
  return files;
}

}  // namespace costsite::render
