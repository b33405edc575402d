// GFM task lists as accessible checklists: each item's text becomes the label
// of a disabled checkbox and the list gets a "3 / 6" progress count. An item
// may be bound to a rule by a code span, in one of two ways:
//   `!model.rule`  established: a fact about the model; the build ticks the
//                  item when the rule holds and clears it when it does not.
//   `?model.rule`  recommended: the item keeps the box its author wrote; when
//                  the rule holds it gets a badge and the rule's condition
//                  with the value it tests, never a tick. A to-do the model
//                  argues for is not done.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstring>

#include "base/suggest.h"
#include "figures/checklists.h"
#include "figures/lookup.h"
#include "figures/strings.h"
#include "markdown/cmark_util.h"
#include "markdown/cost_expand.h"

namespace costsite::markdown {

namespace {

bool IsTaskItem(cmark_node* n) { return std::strcmp(cmark_node_get_type_string(n), "tasklist") == 0; }

// How an item is bound to a rule, by the first character of its code span.
enum class Binding { kNone, kEstablished, kRecommended };

Binding BindingOf(const char* literal, const cost::Evaluation* eval) {
  if (!literal || !figures::IsReferenceSpan(literal, eval)) return Binding::kNone;
  if (literal[0] == '!') return Binding::kEstablished;
  if (literal[0] == '?') return Binding::kRecommended;
  return Binding::kNone;
}

// The `!model.rule` or `?model.rule` code span of an item's first paragraph, or nullptr.
cmark_node* RuleSpan(cmark_node* para, const cost::Evaluation* eval) {
  for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_CODE && BindingOf(cmark_node_get_literal(c), eval) != Binding::kNone)
      return c;
  return nullptr;
}

// The rule named by `span` (its reference in `name`); nullptr after reporting an error.
const cost::RuleResult* RuleOf(PageExpansion& page, cmark_node* span, std::string* name) {
  std::string lit = Literal(span);
  int line = page.LineOf(span);
  int content_col = cmark_node_get_start_column(span);
  int col = BacktickStart(page.Line(line), content_col);
  int width = static_cast<int>(lit.size()) + 2 * (content_col - col);
  if (!page.eval) {
    page.Error(line, col, "'" + lit + "' refers to a rule, but the site has no pricing/ folder", width, "unknown-rule");
    return nullptr;
  }
  figures::FigureRef ref;
  std::string err;
  if (!figures::ParseFigureRef(std::string_view(lit).substr(1), *page.eval, &ref, &err)) {
    page.Error(line, col, err, width, "unknown-rule");
    return nullptr;
  }
  page.Ref("rule", ref.ToString(), line, col);
  const cost::ModelResult* r = figures::FindResult(*page.eval, ref.model, ref.scenario, &err);
  if (!r) {
    page.Error(line, col, err, width, "unknown-model");
    return nullptr;
  }
  std::vector<std::string> ids;
  *name = ref.ToString();
  for (const auto& rule : r->rules) {
    if (rule.id == ref.figure) return &rule;
    ids.push_back(rule.id);
  }
  std::string s = Suggest(ref.figure, ids);
  page.Error(line, col, "unknown rule '" + ref.ToString() + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"),
             width, "unknown-rule");
  return nullptr;
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

// Wraps the paragraph's inlines in <label> with the item's checkbox `box`
// first, followed by `after` (HTML) when a rule recommends the item. The
// label's class names the binding, for styles and for tests of what readers see.
void LabelItem(cmark_node* item, const std::string& box, Binding binding, const std::string& after) {
  cmark_node* para = cmark_node_first_child(item);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) {
    para = NewNode(CMARK_NODE_PARAGRAPH);
    cmark_node_prepend_child(item, para);
  }
  cmark_node* label = NewNode(CMARK_NODE_CUSTOM_INLINE);
  std::string open = binding == Binding::kEstablished   ? "<label class=\"task-established\">"
                     : binding == Binding::kRecommended ? "<label class=\"task-recommended\">"
                                                        : "<label>";
  open += box + " ";
  cmark_node_set_on_enter(label, open.c_str());
  cmark_node_set_on_exit(label, "</label>");
  while (cmark_node* c = cmark_node_first_child(para)) {
    cmark_node_unlink(c);
    cmark_node_append_child(label, c);
  }
  cmark_node_append_child(para, label);
  if (!after.empty()) {
    cmark_node* extra = NewNode(CMARK_NODE_CUSTOM_INLINE);
    cmark_node_set_on_enter(extra, (" " + after).c_str());
    cmark_node_append_child(para, extra);
  }
  // The item now renders as a plain <li>; the checkbox is ours.
  cmark_node_set_syntax_extension(item, nullptr);
}

}  // namespace

void ExpandChecklist(PageExpansion& page, cmark_node* list) {
  // A bound item's box (established) or advice (recommended) and the progress
  // line are rendered by figures/fragments.h, as the what-if engine renders
  // them again with a reader's values.
  const figures::Speaker lang = page.ctx.Speaker();
  std::vector<figures::ChecklistItem> items;
  figures::ChecklistCount count;
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    if (!IsTaskItem(item)) continue;
    figures::ChecklistItem entry;
    entry.checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
    bool shown = entry.checked;
    std::string box = figures::TaskBox(entry.checked), after;
    Binding binding = Binding::kNone;
    cmark_node* para = cmark_node_first_child(item);
    if (cmark_node* span = para ? RuleSpan(para, page.eval) : nullptr) {
      binding = BindingOf(cmark_node_get_literal(span), page.eval);
      if (const cost::RuleResult* rule = RuleOf(page, span, &entry.rule)) {
        entry.binding = binding == Binding::kEstablished ? '!' : '?';
        figures::Fragment f;
        f.kind = "task";
        f.items = {entry};
        std::string error;
        std::string html = figures::ChecklistElement(f, *page.eval, lang, &error);
        if (binding == Binding::kEstablished) {
          shown = rule->holds;
          box = page.AsFragment(std::move(f), std::move(html));
        } else if (page.whatif) {
          after = page.AsFragment(std::move(f), std::move(html));
        } else if (rule->holds && !entry.checked) {
          after = figures::RecommendationHtml(*rule, lang);
        }
        if (binding == Binding::kRecommended && rule->holds && !entry.checked) ++count.recommended;
      }
      RemoveSpan(span);
    }
    LabelItem(item, box, binding, after);
    ++count.total;
    if (entry.binding == '!') count.met += shown ? 1 : 0;
    else count.done += shown ? 1 : 0;
    items.push_back(std::move(entry));
  }
  std::string id = "checklist-" + std::to_string(++page.checklists);
  std::string progress = figures::ProgressElement(count, id, lang);
  if (page.eval) {
    figures::Fragment f;
    f.kind = "progress";
    f.chart_id = id;
    f.items = std::move(items);
    std::string error;
    std::string html = figures::ChecklistElement(f, *page.eval, lang, &error);
    if (!html.empty()) progress = page.AsFragment(std::move(f), std::move(html));
  }
  cmark_node* wrap = NewNode(CMARK_NODE_CUSTOM_BLOCK);
  std::string open = "<div class=\"checklist\" role=\"group\" aria-labelledby=\"" + id + "\">\n" + progress + "\n";
  cmark_node_set_on_enter(wrap, open.c_str());
  cmark_node_set_on_exit(wrap, "</div>\n");
  cmark_node_insert_before(list, wrap);
  cmark_node_unlink(list);
  cmark_node_append_child(wrap, list);
}

}  // namespace costsite::markdown
