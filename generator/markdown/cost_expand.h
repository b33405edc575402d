// Internal to the markdown stage: the state one page's cost expansion shares
// between figures (cost_nodes.cpp), directives (cost_directives.cpp) and
// checklists (cost_checklists.cpp).
#ifndef COSTSITE_MARKDOWN_COST_EXPAND_H_
#define COSTSITE_MARKDOWN_COST_EXPAND_H_

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/line_index.h"
#include "cost/evaluation.h"
#include "figures/fragments.h"
#include "markdown/cost_nodes.h"

namespace costsite::markdown {

/// One page being expanded.
struct PageExpansion {
  const std::string& path;
  std::string_view body;
  int line_offset;
  const CostContext& ctx;
  Diagnostics* diags;
  const cost::Evaluation* eval;  // the site's, or one extended by inline models
  std::optional<cost::Evaluation> local;  // owns `eval` when extended
  int charts = 0;                         // for unique chart ids
  int checklists = 0;
  figures::PagePopovers popovers;           // for unique popover ids
  LineIndex lines = LineIndex(body);      // the body's lines by number
  bool whatif = false;                    // the page has a `cost inputs` block: elements are fragments

  /// On a page with inputs (and an output), marks `html` as fragment `f`
  /// (its id is the next one) and records `f`; otherwise returns `html`.
  std::string AsFragment(figures::Fragment f, std::string html, std::string_view fig = {});

  /// The body-relative line of `n`, from its nearest positioned ancestor.
  int LineOf(cmark_node* n) const;
  /// The text of body line `line` (1-based), as costsite::LineOf finds it,
  /// without scanning the body again: a page may have 100,000 figures.
  std::string_view Line(int line) { return lines.Line(line); }
  /// A file position: body line `line`, column `col`.
  SourcePos Pos(int line, int col) const { return {path, line + line_offset, col}; }
  /// Reports an error at body line `line`, column `col`, underlining `span` columns.
  void Error(int line, int col, std::string message, int span = 1, std::string code = {});
  /// Records a reference for the drift check.
  void Ref(std::string kind, std::string target, int line, int col);
  figures::SourceList* Sources() { return ctx.out ? &ctx.out->sources : nullptr; }
};

/// Expands one `cost …` fenced block; returns its HTML, or "" after reporting an error.
std::string ExpandDirective(PageExpansion& page, cmark_node* block);

/// Turns the task list `list` into labelled checkboxes with a progress count:
/// an item with a `!model.rule` code span is ticked when the rule holds (an
/// established fact), one with `?model.rule` is marked recommended, never done.
void ExpandChecklist(PageExpansion& page, cmark_node* list);

/// Columns of a code span's backticks before `content_col` on `line_text`.
int BacktickStart(std::string_view line_text, int content_col);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_COST_EXPAND_H_
