#include "markdown/shortcode_expand.h"

#include <algorithm>
#include <string_view>

#include "figures/html.h"
#include "markdown/arena.h"
#include "markdown/cmark_util.h"
#include "markdown/page_links.h"

namespace costsite::markdown {

namespace {

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
    // In an HTML page, Hugo renders the inner content of a `{{% %}}`
    // shortcode inside another shortcode as Markdown (a Docsy landing page's
    // features in a section); at the page's top level, and in a `{{< >}}`
    // one, it stays HTML as written, since no Markdown is read there.
    if (call.markdown_form && opt.shortcode_depth > 0) inner.html_body = false;
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

// A piece of a raw HTML node's literal: text as written, or a shortcode call
// whose placeholder stood there (`call` >= 0).
struct RawHtmlPiece {
  std::string text;
  int call = -1;
  bool in_line = false;  // the call's placeholder was an inline one
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
      pieces.push_back({"", std::stoi(std::string(digits)), true});
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

// Code that holds shortcode placeholders: a shortcode in an indented code
// block, which Hugo runs before Markdown is read. As Hugo does, its output
// is put in the code as it is (not escaped) and the rest of the code is
// shown as code.
void ExpandInCode(cmark_node* root, ShortcodeBody* sc, const std::string& path, const MarkdownOptions& opt,
                  ShortcodeResults* results, Diagnostics* diags) {
  std::vector<cmark_node*> codes;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type type = cmark_node_get_type(n);
    if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_CODE)) continue;
    const std::string lit = Literal(n);
    if (lit.find(sc->placeholder_prefix) != std::string::npos || lit.find(kInlineOpen) != std::string::npos)
      codes.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : codes) {
    const bool block = cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK;
    std::string html;
    for (const RawHtmlPiece& p : SplitRawHtml(Literal(n), sc->placeholder_prefix, sc->calls.size(), false))
      html += p.call < 0 ? figures::Escape(p.text)
                         : RenderCall(sc, static_cast<size_t>(p.call), p.in_line, path, opt, results, diags);
    if (!block) {
      ReplaceWithHtml(n, "<code>" + html + "</code>");
      continue;
    }
    std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
    info = info.substr(0, info.find_first_of(" \t"));
    const std::string open =
        info.empty() ? "<pre><code>" : "<pre><code class=\"language-" + figures::Escape(info) + "\">";
    cmark_node* repl = ReplaceWithHtml(n, open + html + "</code></pre>\n");
    results->shown[repl] = VisibleText(html);
  }
}

}  // namespace

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
  ExpandInCode(root, sc, path, opt, results, diags);
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

void FinishRawHtml(const std::vector<cmark_node*>& nodes, ShortcodeBody* sc, const std::string& path,
                   int line_offset, const MarkdownOptions& opt, ShortcodeResults* results,
                   std::vector<Link>* links, Diagnostics* diags) {
  if (opt.raw_html) HandleHtmlLinks(nodes, path, line_offset, opt, &sc->refs, links);
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

}  // namespace costsite::markdown
