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
#include "markdown/page_links.h"
#include "markdown/shortcode_expand.h"
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

// The visible text of an HTML fragment: tags and comments dropped, the five entities cmark
// and this stage write decoded, elements with a `hidden` attribute skipped
// whole (a figure's popover: headings, the search index and the plain text
// see the figure, not its explanation). Used for figures, which are inline HTML.
std::string VisibleText(std::string_view html) {
  std::string out;
  std::string_view hidden_tag;  // the element being skipped, and how deep in it
  int depth = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<' && html.compare(i, 4, "<!--") == 0) {  // a comment: nothing in it is shown
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
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
    if (depth > 0) {  // inside a hidden element (most of a figure's HTML is its popover): on to its next tag
      size_t lt = html.find('<', i);
      if (lt == std::string_view::npos) break;
      i = lt - 1;
      continue;
    }
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

// Gives every heading, h1 to h6 as in Hugo, an id and a visible anchor link.
// The id is Hugo's (heading_ids.h): the heading's `{#id}` if it has one, else
// made from its source text. Ids are unique on the page: a repeated one gets
// "-1", "-2", ... until the id is free, and the ids the theme and this stage
// write around the headings count as taken.
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
    if (IsGeneratedId(id) || !taken.insert(id).second) {
      // A repeat is numbered -1, -2, … as in Hugo, unless every such number is
      // an id this stage writes itself ("checklist" and "prov" would number
      // into checklist-1, prov-1, … without end): it is then "<slug>-heading",
      // -heading-1, …, which no generated id has the form of.
      const bool all_generated = IsGeneratedId(slug + "-1");
      const std::string base = all_generated ? slug + "-heading" : slug;
      id = all_generated ? base : base + "-1";
      for (int n = all_generated ? 1 : 2; IsGeneratedId(id) || !taken.insert(id).second; ++n)
        id = base + "-" + std::to_string(n);
    }
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

// A table's start tag at `at`: "<table" and then '>', '/' or white space.
bool IsTableTag(std::string_view html, size_t at) {
  return html.compare(at, 6, "<table") == 0 && at + 6 < html.size() &&
         std::string_view(">/ \t\n\r\f").find(html[at + 6]) != std::string_view::npos;
}

// The next table's start tag at or after `from`; npos when none.
size_t NextTable(std::string_view html, size_t from) {
  while (from < html.size()) {
    // memmem, not find: find stops at every '<' of the page to compare.
    const void* hit = memmem(html.data() + from, html.size() - from, "<table", 6);
    if (!hit) break;
    size_t at = static_cast<size_t>(static_cast<const char*>(hit) - html.data());
    if (IsTableTag(html, at)) return at;
    from = at + 6;
  }
  return std::string_view::npos;
}

// GFM tables come out with obsolete align attributes and header cells without
// a scope. This runs on the renderer's own output, where user text is already
// escaped, so the patterns can only match markup cmark-gfm generated.
//
// Only the inside of a table is read tag by tag: a page's other markup (its
// figures' popovers, charts and generated tables are most of it) is passed
// over to the next "<table", where a cell can begin.
std::string TidyTables(const char* html) {
  std::string out;
  std::string_view in(html);
  out.reserve(in.size() + 64);
  bool in_thead = false;
  int depth = 0;      // tables open at i
  size_t copied = 0;  // in[copied..] is not in `out` yet: runs of other tags are copied at once
  for (size_t i = 0; i < in.size();) {
    if (depth == 0 && (i = NextTable(in, i)) == std::string_view::npos) break;
    size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) break;
    size_t gt = in.find('>', lt);
    if (gt == std::string_view::npos) gt = in.size() - 1;
    i = gt + 1;
    auto starts = [&](std::string_view s) { return in.compare(lt, s.size(), s) == 0; };
    const char first = lt + 1 < in.size() ? in[lt + 1] : '\0';  // most tags are not a table's
    if (first == '/' && starts("</thead>")) in_thead = false;
    if (first == '/' && starts("</table>") && depth > 0) --depth;
    if (first != 't') continue;
    if (IsTableTag(in, lt)) ++depth;
    // A Markdown table (generated ones have a class) scrolls sideways on a
    // narrow screen (.content > table): focusable, so a keyboard scrolls it.
    if (starts("<table>")) {
      out.append(in.substr(copied, lt - copied));
      out += "<table tabindex=\"0\">";
      copied = i;
      continue;
    }
    if (starts("<thead>")) in_thead = true;
    if (!starts("<th") && !starts("<td")) continue;
    std::string_view tag = in.substr(lt, gt - lt + 1);
    const bool add_scope = (tag == "<th>" || tag.starts_with("<th ")) &&
                           tag.find(" scope=") == std::string_view::npos;  // generated tables set their own
    size_t align = tag.find(" align=\"");
    if (!add_scope && align == std::string_view::npos) continue;  // copied with the run it is in
    out.append(in.substr(copied, lt - copied));
    copied = i;
    if (add_scope) {
      out += tag.substr(0, 3);
      out += in_thead ? " scope=\"col\"" : " scope=\"row\"";
      tag.remove_prefix(3);
      if (align != std::string_view::npos) align -= 3;
    }
    if (align != std::string_view::npos) {
      out += tag.substr(0, align);
      tag.remove_prefix(align);
      for (auto [from, to] : {std::pair<std::string_view, std::string_view>{" align=\"right\"", " class=\"num\""},
                              {" align=\"center\"", " class=\"center\""},
                              {" align=\"left\"", ""}}) {
        if (!tag.starts_with(from)) continue;
        out += to;
        tag.remove_prefix(from.size());
        break;
      }
    }
    out += tag;
  }
  out.append(in.substr(std::min(copied, in.size())));
  return out;
}

}  // namespace

void Initialize() { EnsureExtensionsRegistered(); }

RenderedMarkdown RenderMarkdown(const std::string& path, std::string_view body, int first_line,
                                const MarkdownOptions& given, Diagnostics* diags) {
  EnsureExtensionsRegistered();
  MarkdownOptions options = given;
  if (options.html_body) options.raw_html = true;
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
  NodePtr doc;
  int line_offset = first_line - 1;
  if (options.html_body) {
    // One block of raw HTML. Made here, it has no place of its own (line 0):
    // its first line is the body's first.
    doc.reset(NewNode(CMARK_NODE_DOCUMENT));
    cmark_node* html = NewNode(CMARK_NODE_HTML_BLOCK);
    cmark_node_set_literal(html, std::string(body).c_str());
    cmark_node_append_child(doc.get(), html);
    line_offset = first_line;
  } else {
    cmark_parser_feed(parser.get(), body.data(), body.size());
    doc.reset(cmark_parser_finish(parser.get()));
    EndBareUrlsAtWidePunctuation(doc.get());
  }

  RenderedMarkdown out;
  // The drift checks read the tree as written, so they share this parse.
  if (options.cost_refs) *options.cost_refs = CollectCostRefs(doc.get(), path, first_line);
  MarkedNodes marked = MarkNodes(doc.get());
  ShortcodeResults expanded{&out.links, {}, options.reserved_ids ? *options.reserved_ids : std::set<std::string>(), {}, {}};
  ExpandShortcodes(doc.get(), &shortcodes, &marked.html, path, options, &expanded, diags);
  FinishRawHtml(marked.html, &shortcodes, path, line_offset, options, &expanded, &out.links, diags);
  if (options.cost) ExpandCostNodes(doc.get(), path, body, line_offset, *options.cost, diags);
  ExpandFlowBlocks(doc.get(), path, line_offset, diags);
  HandleLinks(marked.links, path, line_offset, options, &shortcodes.refs, &out.links);
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
  if (options.html_body) out.plain_text = VisibleText(out.html);  // its text is in no node
  return out;
}

}  // namespace costsite::markdown
