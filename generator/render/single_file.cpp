#include "render/single_file.h"

#include "load/whatif_engine.h"

#include <vector>

#include "markdown/markdown.h"
#include "render/links.h"

namespace costsite::render {

namespace {

// The value of attribute `name` inside the tag text `tag`; "" if none.
std::string Attr(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  size_t e = tag.find('"', p);
  return e == std::string_view::npos ? std::string() : std::string(tag.substr(p, e - p));
}

// Calls `fn` on every start tag `<name ...>`; `fn` returns the replacement
// of the tag (and may extend `*end` to swallow an element).
template <typename Fn>
std::string RewriteTags(std::string_view html, std::string_view name, Fn fn) {
  std::string out, open = "<" + std::string(name);
  size_t pos = 0;
  for (size_t p; (p = html.find(open, pos)) != std::string_view::npos;) {
    char next = p + open.size() < html.size() ? html[p + open.size()] : '>';
    size_t close = html.find('>', p);
    if ((next != ' ' && next != '>') || close == std::string_view::npos) {
      out.append(html, pos, p + 1 - pos);
      pos = p + 1;
      continue;
    }
    out.append(html, pos, p - pos);
    size_t end = close + 1;
    out += fn(html.substr(p, end - p), &end);
    pos = end;
  }
  out.append(html, pos);
  return out;
}

}  // namespace

std::string SingleFilePath(std::string_view page_path) {
  std::string p(page_path);
  constexpr std::string_view kIndex = "/index.html";
  if (p.size() > kIndex.size() && p.compare(p.size() - kIndex.size(), kIndex.size(), kIndex) == 0)
    p.resize(p.size() - kIndex.size());
  else if (p.size() > 5 && p.compare(p.size() - 5, 5, ".html") == 0)
    p.resize(p.size() - 5);
  return "single/" + p + ".html";
}

std::string ResolveRelative(std::string_view from, std::string_view url) {
  std::vector<std::string> parts;
  std::string_view f = from;
  size_t slash = f.rfind('/');
  std::string joined = (slash == std::string_view::npos ? std::string() : std::string(f.substr(0, slash + 1))) +
                       std::string(url);
  size_t start = 0;
  while (start <= joined.size()) {
    size_t e = joined.find('/', start);
    if (e == std::string::npos) e = joined.size();
    std::string part = joined.substr(start, e - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (part != "." && !(part.empty() && e != joined.size())) {
      parts.push_back(part);
    }
    start = e + 1;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

std::string MakeSingleFile(std::string_view html, std::string_view page_path, const load::Theme& theme,
                           std::string_view base_url) {
  std::string s = RewriteTags(html, "link", [&](std::string_view tag, size_t*) -> std::string {
    if (Attr(tag, "rel") != "stylesheet") return {};  // alternates point at other files
    auto css = theme.assets.find(ResolveRelative(page_path, Attr(tag, "href")));
    return css == theme.assets.end() ? std::string() : "<style>\n" + css->second + "</style>";
  });
  // Scripts need files beside the page (the search index): drop them, but
  // for what-if inputs: their data stays, followed by the engine, and the
  // page script is inlined (neither needs another file).
  for (size_t from = 0, p; (p = s.find("<script", from)) != std::string::npos;) {
    size_t e = s.find("</script>", p);
    if (e == std::string::npos) break;
    e += 9;
    std::string_view tag = std::string_view(s).substr(p, s.find('>', p) + 1 - p);
    std::string inlined;
    if (tag.find("id=\"costsite-whatif\"") != std::string_view::npos) {
      auto engine = theme.assets.find(std::string(load::kWhatIfEngineFile));
      inlined = s.substr(p, e - p);
      if (engine != theme.assets.end()) inlined += "\n<script>\n" + engine->second + "\n</script>";
    } else if (Attr(tag, "src").ends_with("whatif-page.js")) {
      auto script = theme.assets.find(ResolveRelative(page_path, Attr(tag, "src")));
      if (script != theme.assets.end()) inlined = "<script>\n" + script->second + "\n</script>";
    }
    if (e < s.size() && s[e] == '\n') ++e;
    s.replace(p, e - p, inlined.empty() ? inlined : inlined + "\n");
    from = p + (inlined.empty() ? 0 : inlined.size() + 1);
  }
  // Data downloads and the links to other reports are files beside the page:
  // without a base URL to reach them, they are left out.
  if (base_url.empty()) {
    for (std::string_view open : {"<section class=\"data-downloads\"", "<nav class=\"report-pager\""}) {
      size_t p = s.find(open);
      std::string_view close = open[1] == 's' ? "</section>" : "</nav>";
      size_t e = p == std::string::npos ? p : s.find(close, p);
      if (e == std::string::npos) continue;
      e += close.size();
      if (e < s.size() && s[e] == '\n') ++e;
      s.erase(p, e - p);
    }
  }
  return RewriteTags(s, "a", [&](std::string_view tag, size_t*) -> std::string {
    std::string href = Attr(tag, "href");
    if (href.empty() || href[0] == '#' || IsExternalUrl(href)) return std::string(tag);
    std::string t(tag);
    size_t p = t.find(" href=\"");
    size_t e = t.find('"', p + 7);
    if (base_url.empty()) {
      t.erase(p, e + 1 - p);  // an <a> without href is plain text
    } else {
      // `href` is attribute text already (escaped as written); base_url is
      // not, and site.yaml's check is not the only way a value gets here.
      std::string target = ResolveRelative(page_path, href);
      t.replace(p + 7, e - p - 7, markdown::HtmlEscape(base_url) + "/" + target);
    }
    return t;
  });
}

}  // namespace costsite::render
