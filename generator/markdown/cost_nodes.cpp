#include "markdown/cost_nodes.h"

#include "markdown/markdown.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "cost/evaluation.h"
#include "figures/format.h"
#include "figures/lookup.h"
#include "figures/provenance.h"
#include "markdown/cmark_util.h"
#include "markdown/cost_expand.h"

namespace costsite::markdown {

int PageExpansion::LineOf(cmark_node* n) const {
  for (cmark_node* p = n; p; p = cmark_node_parent(p))
    if (int line = cmark_node_get_start_line(p); line > 0) return line;
  return 0;
}

void PageExpansion::Error(int line, int col, std::string message, int span, std::string code) {
  diags->Add({Severity::kError, Pos(line, col), std::move(message), std::string(Line(line)),
              span, std::move(code)});
}

void PageExpansion::Ref(std::string kind, std::string target, int line, int col) {
  if (ctx.out) ctx.out->refs.push_back({std::move(kind), std::move(target), Pos(line, col)});
}

std::string PageExpansion::AsFragment(figures::Fragment f, std::string html, std::string_view fig) {
  if (!whatif || !ctx.out) return html;
  f.id = static_cast<int>(ctx.out->fragments.size()) + 1;
  std::string marked = figures::MarkFragment(html, f.id, fig);
  ctx.out->fragments.push_back(std::move(f));
  return marked;
}

int BacktickStart(std::string_view line_text, int content_col) {
  int col = content_col;
  while (col > 1 && static_cast<size_t>(col - 1) <= line_text.size() && line_text[col - 2] == '`') --col;
  return col;
}

namespace {

// `=model.figure options`: the figure's HTML with its provenance, keeping the
// formatted text as a text node so headings and the search index still see it.
void ExpandFigure(PageExpansion& page, cmark_node* code) {
  std::string lit = Literal(code);
  int line = page.LineOf(code);
  std::string_view line_text = page.Line(line);
  int content_col = cmark_node_get_start_column(code);
  int tick_col = BacktickStart(line_text, content_col);
  int ticks = content_col - tick_col;
  int span = static_cast<int>(lit.size()) + 2 * ticks;
  std::string_view spec = std::string_view(lit).substr(1);
  size_t space = spec.find(' ');
  std::string_view name = spec.substr(0, space);
  std::string_view options = space == std::string_view::npos ? std::string_view() : spec.substr(space);
  // Offsets in `lit` map to columns from the first content column.
  auto col_of = [&](size_t offset_in_lit) { return content_col + static_cast<int>(offset_in_lit); };

  figures::FormatOptions opt;
  figures::OptionError oerr;
  if (!figures::ParseFormatOptions(options, &opt, &oerr)) {
    page.Error(line, col_of(1 + name.size() + oerr.offset), oerr.message, static_cast<int>(oerr.length),
               "unknown-format-option");
    return;
  }
  figures::FigureRef ref;
  std::string err;
  if (!figures::ParseFigureRef(name, *page.eval, &ref, &err)) {
    page.Error(line, tick_col, err, span, "bad-figure-reference");
    return;
  }
  page.Ref("figure", ref.ToString(), line, tick_col);
  // Converted at render time: the page reads exchange rates (or units) too.
  if (!opt.currency.empty() || !opt.unit.empty()) page.Ref("convert", ref.ToString(), line, tick_col);
  cost::Figure f;
  if (!figures::ResolveFigure(*page.eval, ref, opt, &f, &err)) {
    page.Error(line, tick_col, err, span, "unknown-figure");
    return;
  }
  if (page.Sources()) page.Sources()->Add(f.explain);
  figures::Fragment frag;
  frag.kind = "figure";
  frag.figure = std::string(spec);
  frag.popovers = page.popovers.count();
  std::string html = figures::FigureElement(f, opt, page.ctx.Speaker(), &page.popovers);
  // One HTML node: a figure may sit in a table cell, which accepts no custom nodes.
  ReplaceWithHtml(code, page.AsFragment(std::move(frag), std::move(html), ref.ToString()));
}

bool IsCostBlock(cmark_node* n) {
  if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK) return false;
  const char* info = cmark_node_get_fence_info(n);
  return info && std::strncmp(info, "cost", 4) == 0 && (info[4] == '\0' || info[4] == ' ');
}

bool IsFigureSpan(cmark_node* n, const cost::Evaluation* eval) {
  if (cmark_node_get_type(n) != CMARK_NODE_CODE) return false;
  const char* lit = cmark_node_get_literal(n);
  return lit && lit[0] == '=' && figures::IsReferenceSpan(lit, eval);
}

bool IsTaskList(cmark_node* n) {
  if (cmark_node_get_type(n) != CMARK_NODE_LIST) return false;
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
    if (std::strcmp(cmark_node_get_type_string(c), "tasklist") == 0) return true;
  return false;
}

}  // namespace

void ExpandCostNodes(cmark_node* root, const std::string& path, std::string_view body, int line_offset,
                     const CostContext& ctx, Diagnostics* diags) {
  PageExpansion page{path, body, line_offset, ctx, diags, ctx.evaluation, std::nullopt};
  std::vector<cmark_node*> spans, blocks, lists;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    if (IsFigureSpan(n, ctx.evaluation)) spans.push_back(n);
    if (IsCostBlock(n)) blocks.push_back(n);
    if (IsTaskList(n)) lists.push_back(n);
  }
  cmark_iter_free(it);
  auto is_inputs = [](cmark_node* b) {
    const char* info = cmark_node_get_fence_info(b);
    return std::strncmp(info, "cost inputs", 11) == 0 && (info[11] == '\0' || info[11] == ' ');
  };
  page.whatif = std::any_of(blocks.begin(), blocks.end(), is_inputs);
  // Inline models first: the page's figures may refer to them.
  std::vector<std::pair<cmark_node*, std::string>> html;
  auto is_model = [](cmark_node* b) { return std::strncmp(cmark_node_get_fence_info(b), "cost model", 10) == 0; };
  std::stable_partition(blocks.begin(), blocks.end(), is_model);
  if (page.eval) {
    for (cmark_node* b : blocks) html.emplace_back(b, ExpandDirective(page, b));
  }
  for (auto& [node, text] : html)
    if (!text.empty()) ReplaceWithHtml(node, text);
  for (cmark_node* l : lists) ExpandChecklist(page, l);
  if (!page.eval) return;  // without a cost engine, `=` spans stay code
  for (cmark_node* s : spans) ExpandFigure(page, s);
}

}  // namespace costsite::markdown
