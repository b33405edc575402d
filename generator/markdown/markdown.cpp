#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <mutex>

#include "figures/html.h"
#include "figures/strings.h"
#include "markdown/arena.h"
#include "markdown/cjk_breaks.h"
#include "markdown/cmark_util.h"
#include "markdown/cost_drift.h"
#include "markdown/cost_nodes.h"
#include "markdown/flow_blocks.h"
#include "markdown/heading_ids.h"
#include "markdown/html_links.h"
#include "markdown/shortcodes.h"

namespace costsite::markdown {

std::string HtmlEscape(std::string_view text) { return figures::Escape(text); }

namespace {

// The name of the tag `tag` ("<span class=…>" -> "span"; "/span" for a close tag).
std::string_view TagName(std::string_view tag) {
  size_t end = tag.find_first_of(" \t\n>", 1);
  return tag.substr(1, end == std::string_view::npos ? tag.npos : end - 1);
}

// True when the tag carries the `hidden` attribute (the markup is this
// stage's own, so attributes are separated by one space).
bool HasHiddenAttribute(std::string_view tag) {
  for (size_t at = tag.find(" hidden"); at != std::string_view::npos; at = tag.find(" hidden", at + 1)) {
    char next = at + 7 < tag.size() ? tag[at + 7] : '>';
    if (next == '>' || next == ' ' || next == '=' || next == '/') return true;
  }
  return false;
}

}  // namespace

// The visible text of an HTML fragment: tags dropped, the five entities cmark
// and this stage write decoded, elements with a `hidden` attribute skipped
// whole (a figure's popover: headings, the search index and the plain text
// see the figure, not its explanation). Used for figures, which are inline HTML.
std::string VisibleText(std::string_view html) {
  std::string out;
  std::string_view hidden_tag;  // the element being skipped, and how deep in it
  int depth = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      size_t gt = html.find('>', i);
      if (gt == std::string_view::npos) break;
      std::string_view tag = html.substr(i, gt + 1 - i);
      std::string_view name = TagName(tag);
      if (depth > 0) {
        if (name == hidden_tag) ++depth;
        else if (name.size() == hidden_tag.size() + 1 && name[0] == '/' && name.substr(1) == hidden_tag) --depth;
      } else if (!name.empty() && name[0] != '/' && HasHiddenAttribute(tag)) {
        hidden_tag = name;
        depth = 1;
      }
      i = gt;
      continue;
    }
    if (depth > 0) continue;
    if (html[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool done = false;
      for (const auto& [name, c] : kEntities) {
        if (html.compare(i, name.size(), name) == 0) {
          out += c;
          i += name.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += html[i];
  }
  return out;
}

std::string TextOf(cmark_node* n) {
  std::string out;
  cmark_iter* it = cmark_iter_new(n);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node_type t = cmark_node_get_type(cur);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) out += Literal(cur);
    if (t == CMARK_NODE_HTML_INLINE) out += VisibleText(Literal(cur));
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) out += ' ';
  }
  cmark_iter_free(it);
  return out;
}

cmark_node* ReplaceWithHtml(cmark_node* n, const std::string& html) {
  // Blocks become custom blocks: GFM's tagfilter leaves them alone (it would
  // escape an SVG <title> in an HTML block). Inline HTML becomes an HTML node,
  // because table cells accept only a fixed set of inline types and
  // cmark_node_replace fails silently on a custom one. Authors' raw HTML never
  // reaches the renderer as an HTML node when raw_html is off (FinishRawHtml
  // turns it into text first), so HTML nodes are always ours.
  bool block = (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
  cmark_node* repl = NewNode(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_HTML_INLINE);
  if (block) {
    cmark_node_set_on_enter(repl, html.c_str());
    cmark_node_set_on_exit(repl, "");
  } else {
    cmark_node_set_literal(repl, html.c_str());
  }
  if (!cmark_node_replace(n, repl)) {
    cmark_node_free(repl);
    return n;
  }
  cmark_node_free(n);
  return repl;
}

namespace {

// cmark-gfm keeps its extension registry in a process-wide table; registering
// once (and only once, under a lock) makes parsing safe from many threads.
void EnsureExtensionsRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// The nodes the steps below change, found in one walk of the tree as
// parsed: a walk costs about as much as a step, and a page was walked once
// per step. No step frees or makes a link or a heading (escaping replaces
// raw HTML, expanding replaces code), so the lists stay valid, in order.
struct MarkedNodes {
  std::vector<cmark_node*> html, links, headings;
};

MarkedNodes MarkNodes(cmark_node* root) {
  MarkedNodes out;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK:
        out.html.push_back(n);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        out.links.push_back(n);
        break;
      case CMARK_NODE_HEADING:
        out.headings.push_back(n);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  return out;
}

// Ids this stage writes itself in the body: "checklist-2", "prov-3",
// "cost-chart-1-title", "cost-chart-1-desc" (and "-narrow-title", "-narrow-desc").
bool IsGeneratedId(std::string_view id) {
  auto numbered = [](std::string_view rest) {
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    return rest.substr(digits);
  };
  if (id.rfind(figures::kPopoverIdPrefix, 0) == 0) {
    std::string_view tail = numbered(id.substr(figures::kPopoverIdPrefix.size()));
    return tail.empty() && id.size() > figures::kPopoverIdPrefix.size();
  }
  if (id.rfind("checklist-", 0) == 0) {
    std::string_view tail = numbered(id.substr(10));
    return tail.empty() && id.size() > 10;
  }
  if (id.rfind("cost-chart-", 0) == 0 && id.size() > 11) {
    std::string_view tail = numbered(id.substr(11));
    return tail.size() < id.size() - 11 &&
           (tail == "-title" || tail == "-desc" || tail == "-narrow-title" || tail == "-narrow-desc");
  }
  return false;
}

// Gives every h2–h6 an id and a visible anchor link. The id is Hugo's
// (heading_ids.h): the heading's `{#id}` if it has one, else made from its
// source text. Ids are unique on the page: a repeated one gets "-1", "-2", ...
// until the id is free, and the ids the theme and this stage write around the
// headings count as taken.
void AnchorHeadings(const std::vector<cmark_node*>& nodes, const std::vector<HeadingSource>& sources,
                    const std::vector<std::pair<size_t, size_t>>& spans, const std::set<std::string>* reserved,
                    std::vector<Heading>* headings) {
  std::set<std::string> taken = reserved ? *reserved : std::set<std::string>();
  for (size_t k = 0; k < nodes.size(); ++k) {
    cmark_node* h = nodes[k];
    int level = cmark_node_get_heading_level(h);
    std::string text = TextOf(h);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    const std::string slug = sources[k].custom_id.empty() ? Slugify(sources[k].text) : sources[k].custom_id;
    std::string id = slug;
    for (int n = 1; IsGeneratedId(id) || !taken.insert(id).second; ++n) id = slug + "-" + std::to_string(n);
    if (level < 2) continue;
    headings->push_back({level, id, text, spans[k].first, spans[k].second});
    std::string lv = std::to_string(level);
    cmark_node* block = NewNode(CMARK_NODE_CUSTOM_BLOCK);
    std::string enter = "<h" + lv + " id=\"" + HtmlEscape(id) + "\">";
    std::string exit = " <a class=\"anchor\" href=\"#" + HtmlEscape(id) + "\" aria-label=\"" +
                       HtmlEscape(text) + "\">#</a></h" + lv + ">";
    cmark_node_set_on_enter(block, enter.c_str());
    cmark_node_set_on_exit(block, exit.c_str());
    while (cmark_node* child = cmark_node_first_child(h)) {
      cmark_node_unlink(child);
      cmark_node_append_child(block, child);
    }
    cmark_node_replace(h, block);
    cmark_node_free(h);
  }
}

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

void HandleLinks(const std::vector<cmark_node*>& nodes, const std::string& path, int line_offset,
                 const MarkdownOptions& opt, std::vector<Link>* links) {
  for (cmark_node* n : nodes) {
    const char* url = cmark_node_get_url(n);
    int line = cmark_node_get_start_line(n);
    for (cmark_node* p = n; line == 0 && p; p = cmark_node_parent(p)) line = cmark_node_get_start_line(p);
    Link link{url ? url : "", {path, line + line_offset, cmark_node_get_start_column(n)},
              cmark_node_get_type(n) == CMARK_NODE_IMAGE};
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

// The href and src of raw HTML (written with `raw_html: true`) are links
// like Markdown's: checked, and rewritten for the page's place, at their
// line and column in the file.
void HandleHtmlLinks(const std::vector<cmark_node*>& nodes, const std::string& path, int line_offset,
                     const MarkdownOptions& opt, std::vector<Link>* links) {
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

// The visible text of the page; `heading_spans` gets where each heading's
// text is in it, in document order (the order MarkNodes lists them).
// `shown` maps the blocks shortcodes became to their visible text.
std::string PlainText(cmark_node* root, std::vector<std::pair<size_t, size_t>>* heading_spans,
                      const std::map<cmark_node*, std::string>& shown,
                      std::vector<std::pair<cmark_node*, size_t>>* shown_at) {
  std::string out;
  cmark_iter* it = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    auto t = cmark_node_get_type(n);
    if (t == CMARK_NODE_HEADING) {
      if (ev == CMARK_EVENT_ENTER) {
        heading_spans->push_back({out.size(), out.size()});
      } else {
        heading_spans->back().second = out.size();
      }
    }
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
      out += Literal(n);
    } else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_HTML_INLINE) {
      out += VisibleText(Literal(n));  // figures
    } else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_CUSTOM_BLOCK && shown.count(n)) {
      shown_at->push_back({n, out.size()});
      out += shown.at(n);
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
               (ev == CMARK_EVENT_EXIT && (t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    }
  }
  cmark_iter_free(it);
  return out;
}

constexpr int kMaxShortcodeDepth = 16;
constexpr std::string_view kInlineOpen = "\xEE\x80\x80", kInlineClose = "\xEE\x80\x81";

// "<p>x</p>\n" -> "x": an inline shortcode's inner content is one paragraph.
std::string StripParagraph(std::string html) {
  while (!html.empty() && html.back() == '\n') html.pop_back();
  if (html.rfind("<p>", 0) == 0 && html.size() >= 7 && html.compare(html.size() - 4, 4, "</p>") == 0 &&
      html.find("<p>", 3) == std::string::npos)
    return html.substr(3, html.size() - 7);
  return html;
}

// The HTML for call `k` of `sc`: its template's output, or (no template) a
// warning and its inner content alone.
// What expanding a page's shortcodes gives the rest of the page's render.
struct ShortcodeResults {
  std::vector<Link>* links;                  // the links of their inner content are added here
  std::map<cmark_node*, std::string> shown;  // the blocks they became -> their visible text
  std::set<std::string> taken;               // ids of the page so far, with their inner headings'
  std::vector<std::vector<Heading>> inner;   // per call: the headings of its inner content
  std::map<cmark_node*, size_t> call_of;     // the blocks they became -> their call
};

std::string RenderCall(ShortcodeBody* sc, size_t k, bool inline_use, const std::string& path,
                       const MarkdownOptions& opt, ShortcodeResults* results, Diagnostics* diags) {
  ShortcodeCall& call = sc->calls[k];
  call.in_line = inline_use;
  // The inner content is rendered only when asked for: a template that shows
  // it as written (`highlight`) must not have it read as Markdown.
  bool rendered = false;
  call.render_inner = [&]() -> const std::string& {
    if (rendered || !call.paired) return call.inner_html;
    rendered = true;
    if (opt.shortcode_depth >= kMaxShortcodeDepth) {
      diags->Add({Severity::kWarning, call.pos, "shortcodes nest too deeply", call.source_line, call.width,
                  "shortcode"});
      return call.inner_html;
    }
    MarkdownOptions inner = opt;
    inner.cost_refs = nullptr;
    inner.shortcode_depth = opt.shortcode_depth + 1;
    inner.reserved_ids = &results->taken;  // headings inside take ids of their own
    RenderedMarkdown r = RenderMarkdown(path, call.inner_raw, call.inner_line, inner, diags);
    call.inner_html = inline_use ? StripParagraph(std::move(r.html)) : std::move(r.html);
    results->links->insert(results->links->end(), r.links.begin(), r.links.end());
    for (const Heading& h : r.headings) results->taken.insert(h.id);
    results->inner[k] = std::move(r.headings);
    return call.inner_html;
  };
  std::string html;
  if (opt.shortcodes && (*opt.shortcodes)(call, &html)) return html;
  diags->Add({Severity::kWarning, call.pos,
              "unknown shortcode '" + call.name + "' (no templates/shortcodes/" + call.name +
                  ".mustache): its content is shown without it",
              call.source_line, call.width, "unknown-shortcode"});
  // A shortcode without inner content shows its `text` argument, the words a
  // theme's tooltip or link shortcode prints (`{{< glossary_tooltip text="对象"
  // term_id="object" >}}`), so a sentence keeps them.
  if (!call.paired)
    for (const auto& [key, value] : call.named)
      if (key == "text") return figures::Escape(value);
  return call.render_inner();
}

// Adds the headings inside block shortcodes (a tab's or a note's `## x`)
// to the page's, in document order, so the table of contents and the search
// index's sections have them: each is placed where its text is in the
// shortcode's visible text, found in order.
void MergeInnerHeadings(const std::vector<std::pair<cmark_node*, size_t>>& shown_at,
                        ShortcodeResults* results, std::vector<Heading>* headings) {
  bool any = false;
  for (const auto& [node, offset] : shown_at) {
    auto call = results->call_of.find(node);
    if (call == results->call_of.end()) continue;
    const std::string& text = results->shown.at(node);
    size_t from = 0;
    for (Heading h : results->inner[call->second]) {
      size_t at = text.find(h.text, from);
      if (at == std::string::npos) continue;  // the template did not show it
      from = at + h.text.size();
      h.text_begin = offset + at;
      h.text_end = offset + from;
      headings->push_back(std::move(h));
      any = true;
    }
  }
  if (any)
    std::stable_sort(headings->begin(), headings->end(),
                     [](const Heading& a, const Heading& b) { return a.text_begin < b.text_begin; });
}

// Replaces the placeholders CutShortcodes left: block ones (HTML comments
// cmark read as HTML blocks, in `html_nodes`) and inline ones (tokens inside
// text nodes). Placeholder nodes are taken out of `html_nodes`, so raw HTML
// escaping never sees them.
void ExpandShortcodes(cmark_node* root, ShortcodeBody* sc, std::vector<cmark_node*>* html_nodes,
                      const std::string& path, const MarkdownOptions& opt, ShortcodeResults* results,
                      Diagnostics* diags) {
  if (sc->calls.empty()) return;
  results->inner.resize(sc->calls.size());
  std::vector<cmark_node*> rest;
  for (cmark_node* n : *html_nodes) {
    int k = PlaceholderIndex(Literal(n), sc->placeholder_prefix);
    if (k < 0 || static_cast<size_t>(k) >= sc->calls.size()) {
      rest.push_back(n);
      continue;
    }
    bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
    std::string html = RenderCall(sc, static_cast<size_t>(k), !block, path, opt, results, diags);
    cmark_node* repl = ReplaceWithHtml(n, html);
    if (block) {
      results->shown[repl] = VisibleText(html);
      results->call_of[repl] = static_cast<size_t>(k);
    }
  }
  html_nodes->swap(rest);
  std::vector<cmark_node*> texts;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT &&
        Literal(n).find(kInlineOpen) != std::string::npos)
      texts.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : texts) {
    std::string lit = Literal(n);
    size_t from = 0;
    for (size_t open; (open = lit.find(kInlineOpen, from)) != std::string::npos;) {
      size_t close = lit.find(kInlineClose, open);
      if (close == std::string::npos) break;
      size_t k = std::stoul(lit.substr(open + 3, close - open - 3));
      cmark_node* before = NewNode(CMARK_NODE_TEXT);
      cmark_node_set_literal(before, lit.substr(from, open - from).c_str());
      cmark_node_insert_before(n, before);
      cmark_node* html = NewNode(CMARK_NODE_HTML_INLINE);
      std::string out = k < sc->calls.size() ? RenderCall(sc, k, true, path, opt, results, diags) : "";
      cmark_node_set_literal(html, out.c_str());
      cmark_node_insert_before(n, html);
      from = close + 3;
    }
    cmark_node_set_literal(n, lit.substr(from).c_str());
  }
}

// A piece of a raw HTML node's literal: text as written, or a shortcode call
// whose placeholder stood there (`call` >= 0).
struct RawHtmlPiece {
  std::string text;
  int call = -1;
};

// Splits a raw HTML literal at the shortcode placeholders in it: inline ones
// (a shortcode inside an HTML line) and block ones (a shortcode on its own
// line inside an HTML block, which cmark took into the block). With
// `drop_comments`, HTML comments are left out, placeholders inside them too.
std::vector<RawHtmlPiece> SplitRawHtml(std::string_view lit, std::string_view prefix, size_t calls,
                                       bool drop_comments) {
  std::vector<RawHtmlPiece> pieces;
  auto text = [&](std::string_view t) {
    if (t.empty()) return;
    if (pieces.empty() || pieces.back().call >= 0) pieces.push_back({});
    pieces.back().text += t;
  };
  size_t from = 0;
  while (from < lit.size()) {
    size_t inl = lit.find(kInlineOpen, from), com = lit.find("<!--", from);
    size_t at = std::min(inl, com);
    if (at == std::string_view::npos) break;
    text(lit.substr(from, at - from));
    if (at == inl) {
      size_t close = lit.find(kInlineClose, at);
      std::string_view digits = lit.substr(at + kInlineOpen.size(),
                                           close == std::string_view::npos ? 0 : close - at - kInlineOpen.size());
      if (close == std::string_view::npos || digits.empty() ||
          digits.find_first_not_of("0123456789") != std::string_view::npos || std::stoul(std::string(digits)) >= calls) {
        text(lit.substr(at, kInlineOpen.size()));
        from = at + kInlineOpen.size();
        continue;
      }
      pieces.push_back({"", std::stoi(std::string(digits))});
      from = close + kInlineClose.size();
      continue;
    }
    size_t end = lit.find("-->", at + 4);
    end = end == std::string_view::npos ? lit.size() : end + 3;
    int k = PlaceholderIndex(lit.substr(at, end - at), prefix);
    if (k >= 0 && static_cast<size_t>(k) < calls) {
      pieces.push_back({"", k});
    } else if (!drop_comments) {  // kept, without the placeholders of shortcodes inside it
      std::string comment(lit.substr(at, end - at));
      for (size_t o; (o = comment.find(kInlineOpen)) != std::string::npos;) {
        size_t c = comment.find(kInlineClose, o);
        comment.erase(o, c == std::string::npos ? kInlineOpen.size() : c + kInlineClose.size() - o);
      }
      text(comment);
    }
    from = end;
  }
  text(lit.substr(std::min(from, lit.size())));
  return pieces;
}

// The raw HTML nodes the shortcodes left. With raw_html on, their links are
// handled and the shortcodes inside them are rendered in place. With it off,
// raw HTML is shown as text rather than dropped silently, except comments,
// which no reader sees in any HTML page (`<!-- overview -->`, a translation's
// source kept in a comment); a shortcode inside shown HTML still renders.
void FinishRawHtml(const std::vector<cmark_node*>& nodes, ShortcodeBody* sc, const std::string& path,
                   int line_offset, const MarkdownOptions& opt, ShortcodeResults* results,
                   std::vector<Link>* links, Diagnostics* diags) {
  if (opt.raw_html) HandleHtmlLinks(nodes, path, line_offset, opt, links);
  if (results->inner.size() < sc->calls.size()) results->inner.resize(sc->calls.size());
  for (cmark_node* n : nodes) {
    const bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
    std::vector<RawHtmlPiece> pieces =
        SplitRawHtml(Literal(n), sc->placeholder_prefix, sc->calls.size(), !opt.raw_html);
    auto render = [&](const RawHtmlPiece& p) {
      return RenderCall(sc, static_cast<size_t>(p.call), !block, path, opt, results, diags);
    };
    if (opt.raw_html) {
      std::string lit;
      for (const RawHtmlPiece& p : pieces) lit += p.call >= 0 ? render(p) : p.text;
      cmark_node_set_literal(n, lit.c_str());
      continue;
    }
    for (const RawHtmlPiece& p : pieces) {
      cmark_node* made = nullptr;
      if (p.call >= 0 && block) {  // a custom block, as ReplaceWithHtml makes
        made = NewNode(CMARK_NODE_CUSTOM_BLOCK);
        cmark_node_set_on_enter(made, render(p).c_str());
        cmark_node_set_on_exit(made, "");
      } else if (p.call >= 0) {
        made = NewNode(CMARK_NODE_HTML_INLINE);
        cmark_node_set_literal(made, render(p).c_str());
      } else if (!block) {
        made = NewNode(CMARK_NODE_TEXT);
        cmark_node_set_literal(made, p.text.c_str());
      } else {
        size_t b = p.text.find_first_not_of("\n"), e = p.text.find_last_not_of("\n");
        if (p.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        made = NewNode(CMARK_NODE_PARAGRAPH);
        cmark_node* text = NewNode(CMARK_NODE_TEXT);
        cmark_node_set_literal(text, p.text.substr(b, e - b + 1).c_str());
        cmark_node_append_child(made, text);
      }
      cmark_node_insert_before(n, made);
    }
    cmark_node_free(n);  // unlinks it
  }
}

// GFM tables come out with obsolete align attributes and header cells without
// a scope. This runs on the renderer's own output, where user text is already
// escaped, so the patterns can only match markup cmark-gfm generated.
std::string TidyTables(const char* html) {
  std::string out;
  std::string_view in(html);
  out.reserve(in.size() + 64);
  bool in_thead = false;
  size_t copied = 0;  // in[copied..] is not in `out` yet: runs of other tags are copied at once
  for (size_t i = 0; i < in.size();) {
    size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) break;
    size_t gt = in.find('>', lt);
    if (gt == std::string_view::npos) gt = in.size() - 1;
    i = gt + 1;
    auto starts = [&](std::string_view s) { return in.compare(lt, s.size(), s) == 0; };
    const char first = lt + 1 < in.size() ? in[lt + 1] : '\0';  // most tags are not a table's
    if (first == '/' && starts("</thead>")) in_thead = false;
    if (first != 't') continue;
    if (starts("<thead>")) in_thead = true;
    if (!starts("<th") && !starts("<td")) continue;
    std::string tag(in.substr(lt, gt - lt + 1));
    bool th = starts("<th");
    bool scoped = tag.find(" scope=") != std::string::npos;  // generated tables set their own
    if (th && !scoped && (tag == "<th>" || tag.rfind("<th ", 0) == 0)) {
      tag.insert(3, in_thead ? " scope=\"col\"" : " scope=\"row\"");
    }
    for (auto [from, to] : {std::pair<const char*, const char*>{" align=\"right\"", " class=\"num\""},
                            {" align=\"center\"", " class=\"center\""},
                            {" align=\"left\"", ""}}) {
      if (size_t p = tag.find(from); p != std::string::npos) tag.replace(p, std::strlen(from), to);
    }
    out.append(in.substr(copied, lt - copied));
    out += tag;
    copied = i;
  }
  out.append(in.substr(std::min(copied, in.size())));
  return out;
}

}  // namespace

void Initialize() { EnsureExtensionsRegistered(); }

RenderedMarkdown RenderMarkdown(const std::string& path, std::string_view body, int first_line,
                                const MarkdownOptions& options, Diagnostics* diags) {
  EnsureExtensionsRegistered();
  // cmark-gfm's tables cost rows x columns: bound them before it sees them.
  if (!CheckTableLimits(path, body, first_line, options.tables, diags)) return {};
  int cmark_opts = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES |
                   CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  if (options.raw_html) cmark_opts |= CMARK_OPT_UNSAFE;
  ArenaScope arena;  // before the parser and tree, so it ends after them
  ParserPtr parser(cmark_parser_new_with_mem(cmark_opts, ArenaScope::mem()));
  for (const char* name : {"table", "tasklist", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  // Shortcodes are cut out before cmark sees the text (see shortcodes.h).
  // Hugo's `heading "ID"` is words of the page's language (figures::HeadingWord),
  // put in as text: the heading's id and the outline are made from them.
  ShortcodeText heading = [&](const ShortcodeCall& call, std::string* text) {
    if (call.name != "heading" || call.positional.empty())
      return options.shortcode_text && (*options.shortcode_text)(call, text);
    const std::string& id = call.positional.front();
    figures::Speaker speaker = options.cost ? options.cost->Speaker() : figures::Speaker{};
    std::string words = figures::HeadingWord(id, speaker);
    if (words.empty()) {
      diags->Add({Severity::kWarning, call.pos,
                  "no words for heading '" + id + "' (add 'heading_" + id + "' to templates/i18n/ of each language); "
                  "its id is shown",
                  call.source_line, call.width, "shortcode"});
      words = id;
    }
    *text = EscapeMarkdownText(words);  // as text, never as Markdown
    return true;
  };
  ShortcodeBody shortcodes = CutShortcodes(path, body, first_line, diags, heading);
  body = shortcodes.text;
  cmark_parser_feed(parser.get(), body.data(), body.size());
  NodePtr doc(cmark_parser_finish(parser.get()));

  RenderedMarkdown out;
  int line_offset = first_line - 1;
  // The drift checks read the tree as written, so they share this parse.
  if (options.cost_refs) *options.cost_refs = CollectCostRefs(doc.get(), path, first_line);
  MarkedNodes marked = MarkNodes(doc.get());
  ShortcodeResults expanded{&out.links, {}, options.reserved_ids ? *options.reserved_ids : std::set<std::string>(), {}, {}};
  ExpandShortcodes(doc.get(), &shortcodes, &marked.html, path, options, &expanded, diags);
  FinishRawHtml(marked.html, &shortcodes, path, line_offset, options, &expanded, &out.links, diags);
  if (options.cost) ExpandCostNodes(doc.get(), path, body, line_offset, *options.cost, diags);
  ExpandFlowBlocks(doc.get(), path, line_offset, diags);
  HandleLinks(marked.links, path, line_offset, options, &out.links);
  JoinCjkLineBreaks(doc.get());  // after the expansions: a figure next to a break keeps it
  // Before the plain text: a heading's `{#id}` is not part of its text.
  std::vector<HeadingSource> heading_sources;
  LineIndex body_lines(body);
  for (cmark_node* h : marked.headings) heading_sources.push_back(ReadHeadingSource(h, &body_lines));
  std::vector<std::pair<size_t, size_t>> heading_spans;
  std::vector<std::pair<cmark_node*, size_t>> shown_at;
  out.plain_text = PlainText(doc.get(), &heading_spans, expanded.shown, &shown_at);
  AnchorHeadings(marked.headings, heading_sources, heading_spans,
                 shortcodes.calls.empty() ? options.reserved_ids : &expanded.taken, &out.headings);
  if (!shown_at.empty()) MergeInnerHeadings(shown_at, &expanded, &out.headings);

  // Always render "unsafe": the only HTML nodes left are the ones this stage
  // made (raw HTML was turned into text above unless the site opted in), and
  // dangerous URLs were dropped in HandleLinks. tagfilter still applies.
  char* html = cmark_render_html_with_mem(doc.get(), cmark_opts | CMARK_OPT_UNSAFE,
                                          cmark_parser_get_syntax_extensions(parser.get()), ArenaScope::mem());
  out.html = TidyTables(html);
  ArenaScope::mem()->free(html);  // the caller owns the buffer (here: the arena's)
  return out;
}

}  // namespace costsite::markdown
