#include "markdown/page_links.h"

#include <cctype>

#include "markdown/cmark_util.h"
#include "markdown/html_links.h"

namespace costsite::markdown {

namespace {

// The start of `url` as a browser reads its scheme: leading spaces and
// control characters dropped, tabs and newlines removed anywhere (the URL
// standard strips them, so "java\tscript:" is "javascript:"), lowercased.
// `keep` characters are enough to decide the scheme.
std::string SchemeView(std::string_view url, size_t keep) {
  std::string out;
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (out.empty() && c <= ' ') continue;
    out += static_cast<char>(std::tolower(c));
    if (out.size() == keep) break;
  }
  return out;
}

// cmark-gfm drops these schemes itself only in safe mode, which this stage
// cannot use (see RenderMarkdown), so the same rule is applied here, raw HTML
// or not: raw_html lets authors write HTML, not turn a Markdown link into
// script. Images may be inline raster data, as cmark allows.
bool IsDangerousUrl(std::string_view url, bool is_image) {
  std::string lower = SchemeView(url, 16);
  auto starts = [&](std::string_view p) { return lower.rfind(p, 0) == 0; };
  if (starts("javascript:") || starts("vbscript:") || starts("file:")) return true;
  if (starts("data:")) {
    return !is_image || !(starts("data:image/png;") || starts("data:image/gif;") ||
                          starts("data:image/jpeg;") || starts("data:image/webp;"));
  }
  return false;
}

// When one of `refs` made the link's URL on its line: the shortcode as
// written, and the language it names. Two refs to one path on a line may
// name two languages: each is taken by the first link not yet given one.
void SetRef(std::vector<RefUse>* refs, Link* link) {
  for (RefUse& r : *refs)
    if (!r.taken && r.line == link->pos.line && r.target == link->url) {
      link->written = r.written;
      link->lang = r.lang;
      r.taken = true;
      return;
    }
}

}  // namespace

void HandleLinks(const std::vector<cmark_node*>& nodes, const std::string& path, int line_offset,
                 const MarkdownOptions& opt, std::vector<RefUse>* refs, std::vector<Link>* links) {
  for (cmark_node* n : nodes) {
    const char* url = cmark_node_get_url(n);
    int line = cmark_node_get_start_line(n);
    for (cmark_node* p = n; line == 0 && p; p = cmark_node_parent(p)) line = cmark_node_get_start_line(p);
    Link link{url ? url : "", {path, line + line_offset, cmark_node_get_start_column(n)},
              cmark_node_get_type(n) == CMARK_NODE_IMAGE};
    SetRef(refs, &link);
    links->push_back(link);
    if (IsDangerousUrl(link.url, link.is_image)) {
      cmark_node_set_url(n, "");
      continue;
    }
    if (opt.rewrite) {
      std::string rewritten = (*opt.rewrite)(link);
      if (rewritten != link.url) cmark_node_set_url(n, rewritten.c_str());
    }
  }
}

void HandleHtmlLinks(const std::vector<cmark_node*>& nodes, const std::string& path, int line_offset,
                     const MarkdownOptions& opt, std::vector<RefUse>* refs, std::vector<Link>* links) {
  for (cmark_node* n : nodes) {
    std::string lit = Literal(n);
    std::vector<HtmlUrl> urls = FindHtmlUrls(lit);
    if (urls.empty()) continue;
    int line = cmark_node_get_start_line(n);
    for (cmark_node* p = n; line == 0 && p; p = cmark_node_parent(p)) line = cmark_node_get_start_line(p);
    const int col = cmark_node_get_start_column(n);
    std::string rewritten;
    size_t copied = 0, line_start = 0, seen = 0;
    int lines_before = 0;
    for (const HtmlUrl& u : urls) {
      for (; seen < u.begin; ++seen)
        if (lit[seen] == '\n') ++lines_before, line_start = seen + 1;
      int at_col = lines_before == 0 ? col + static_cast<int>(u.begin) : static_cast<int>(u.begin - line_start) + 1;
      Link link{u.url, {path, line + line_offset + lines_before, at_col}, u.is_image};
      SetRef(refs, &link);
      links->push_back(link);
      std::string url = IsDangerousUrl(link.url, link.is_image) ? std::string()
                        : opt.rewrite                          ? (*opt.rewrite)(link)
                                                               : link.url;
      if (url == link.url) continue;
      rewritten.append(lit, copied, u.begin - copied);
      rewritten += AttributeValue(url);
      copied = u.end;
    }
    if (copied == 0) continue;
    rewritten.append(lit, copied, std::string::npos);
    cmark_node_set_literal(n, rewritten.c_str());
  }
}

}  // namespace costsite::markdown
