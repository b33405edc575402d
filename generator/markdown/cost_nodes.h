// Cost figures and directives in Markdown: `=model.figure` code spans, `cost …`
// fenced blocks, and task-list items bound to rules, expanded on the node tree.
#ifndef COSTSITE_MARKDOWN_COST_NODES_H_
#define COSTSITE_MARKDOWN_COST_NODES_H_

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "figures/fragments.h"
#include "figures/provenance.h"

namespace costsite::cost {
struct SpendData;  // cost/spend.h
class Evaluation;
}

namespace costsite::markdown {

/// One thing a page refers to in the cost engine, as written.
struct CostRef {
  std::string kind;    // "figure", "rule", "input" (a model a `cost model` block reads),
                       // "convert" (a figure shown in another currency or unit),
                       // or the directive: "table", "compare"…
  std::string target;  // "inference[spot].total", a model id, or the directive's arguments
  SourcePos pos;
};

/// What expanding a page's cost nodes produced besides HTML.
struct CostOutput {
  std::vector<CostRef> refs;   // in document order
  figures::SourceList sources; // every price shown, for the report's source list
  std::vector<std::string> whatif_models;  // models of the page's `cost inputs` blocks, in order
  std::vector<figures::Fragment> fragments;  // on a page with inputs: its cost-derived elements
  std::optional<cost::Evaluation> evaluation;  // the site's, extended by the page's `cost model` blocks
};

/// What a page needs to expand its cost nodes.
struct CostContext {
  std::string lang;                              // language the page is in
  const cost::Evaluation* evaluation = nullptr;  // nullptr: no cost engine
  CostOutput* out = nullptr;                     // optional: refs and sources
  const figures::UiWords* words = nullptr;         // the theme's UI words (nullptr: keys)
  std::string fallback_lang;                     // site default: for a missing word or label
  const cost::SpendData* spend = nullptr;        // the export's sums for `cost actuals` (nullptr: no export read)

  /// The page's language with the words the figures stage writes in it.
  figures::Speaker Speaker() const { return {lang, words, fallback_lang}; }
};

/// Replaces cost figures, directives and rule-bound checklist items in the
/// tree under `root` by their HTML; `line_offset` maps tree lines to the file.
/// Every task list becomes labelled, disabled checkboxes with a progress count.
void ExpandCostNodes(cmark_node* root, const std::string& path, std::string_view body,
                     int line_offset, const CostContext& ctx, Diagnostics* diags);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_COST_NODES_H_
