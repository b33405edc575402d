// GFM task lists as accessible checklists: each item's text becomes the label
// of a disabled checkbox, the list gets a "3 / 6" progress count, and an item
// holding a `?model.rule` code span is ticked by that rule.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstring>

#include "base/suggest.h"
#include "figures/lookup.h"
#include "figures/strings.h"
#include "markdown/cmark_util.h"
#include "markdown/cost_expand.h"

namespace costsite::markdown {

namespace {

bool IsTaskItem(cmark_node* n) { return std::strcmp(cmark_node_get_type_string(n), "tasklist") == 0; }

// The `?model.rule` code span of an item's first paragraph, or nullptr.
cmark_node* RuleSpan(cmark_node* para) {
  for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
    const char* lit = cmark_node_get_literal(c);
    if (cmark_node_get_type(c) == CMARK_NODE_CODE && lit && lit[0] == '?') return c;
  }
  return nullptr;
}

// Whether the rule named by `span` holds; nullopt after reporting an error.
std::optional<bool> RuleHolds(PageExpansion& page, cmark_node* span) {
  std::string lit = Literal(span);
  int line = page.LineOf(span);
  int content_col = cmark_node_get_start_column(span);
  int col = BacktickStart(page.Line(line), content_col);
  int width = static_cast<int>(lit.size()) + 2 * (content_col - col);
  if (!page.eval) {
    page.Error(line, col, "'" + lit + "' refers to a rule, but the site has no pricing/ folder", width, "unknown-rule");
    return std::nullopt;
  }
  figures::FigureRef ref;
  std::string err;
  if (!figures::ParseFigureRef(std::string_view(lit).substr(1), *page.eval, &ref, &err)) {
    page.Error(line, col, err, width, "unknown-rule");
    return std::nullopt;
  }
  page.Ref("rule", ref.ToString(), line, col);
  const cost::ModelResult* r = figures::FindResult(*page.eval, ref.model, ref.scenario, &err);
  if (!r) {
    page.Error(line, col, err, width, "unknown-model");
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (const auto& rule : r->rules) {
    if (rule.id == ref.figure) return rule.holds;
    ids.push_back(rule.id);
  }
  std::string s = Suggest(ref.figure, ids);
  page.Error(line, col, "unknown rule '" + ref.ToString() + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"),
             width, "unknown-rule");
  return std::nullopt;
}

// Drops the code span and the space before it.
void RemoveSpan(cmark_node* span) {
  cmark_node* prev = cmark_node_previous(span);
  cmark_node_free(span);
  if (prev && cmark_node_get_type(prev) == CMARK_NODE_TEXT) {
    std::string text = Literal(prev);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    cmark_node_set_literal(prev, text.c_str());
  }
}

// Wraps the paragraph's inlines in <label> with a disabled checkbox first.
void LabelItem(cmark_node* item, bool checked) {
  cmark_node* para = cmark_node_first_child(item);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) {
    para = NewNode(CMARK_NODE_PARAGRAPH);
    cmark_node_prepend_child(item, para);
  }
  cmark_node* label = NewNode(CMARK_NODE_CUSTOM_INLINE);
  std::string open = std::string("<label><input type=\"checkbox\" disabled") + (checked ? " checked" : "") + "> ";
  cmark_node_set_on_enter(label, open.c_str());
  cmark_node_set_on_exit(label, "</label>");
  while (cmark_node* c = cmark_node_first_child(para)) {
    cmark_node_unlink(c);
    cmark_node_append_child(label, c);
  }
  cmark_node_append_child(para, label);
  // The item now renders as a plain <li>; the checkbox is ours.
  cmark_node_set_syntax_extension(item, nullptr);
}

}  // namespace

void ExpandChecklist(PageExpansion& page, cmark_node* list) {
  int done = 0, total = 0;
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    if (!IsTaskItem(item)) continue;
    bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
    cmark_node* para = cmark_node_first_child(item);
    if (cmark_node* span = para ? RuleSpan(para) : nullptr) {
      if (std::optional<bool> holds = RuleHolds(page, span)) checked = *holds;
      RemoveSpan(span);
    }
    LabelItem(item, checked);
    ++total;
    done += checked ? 1 : 0;
  }
  std::string id = "checklist-" + std::to_string(++page.checklists);
  cmark_node* wrap = NewNode(CMARK_NODE_CUSTOM_BLOCK);
  std::string open = "<div class=\"checklist\" role=\"group\" aria-labelledby=\"" + id + "\">\n<p class=\"checklist-progress\" id=\"" +
                     id + "\">" + std::to_string(done) + " / " + std::to_string(total) + " " +
                     figures::UiText("progress", page.ctx.Speaker()) + "</p>\n";
  cmark_node_set_on_enter(wrap, open.c_str());
  cmark_node_set_on_exit(wrap, "</div>\n");
  cmark_node_insert_before(list, wrap);
  cmark_node_unlink(list);
  cmark_node_append_child(wrap, list);
}

}  // namespace costsite::markdown
