// Cost figures and directives in Markdown: `=model.figure` code spans, `cost …`
// fenced blocks, and task-list items bound to rules, expanded on the node tree.
#ifndef COSTSITE_MARKDOWN_COST_NODES_H_
#define COSTSITE_MARKDOWN_COST_NODES_H_

#include <cmark-gfm.h>

#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace costsite::cost {
class Evaluation;
}

namespace costsite::markdown {

/// What a page needs to expand its cost nodes.
struct CostContext {
  std::string lang;                              // language the page is in
  const cost::Evaluation* evaluation = nullptr;  // nullptr: no cost engine
};

/// Replaces cost figures, directives and rule-bound checklist items in the
/// tree under `root` by their HTML; `line_offset` maps tree lines to the file.
void ExpandCostNodes(cmark_node* root, const std::string& path, std::string_view body,
                     int line_offset, const CostContext& ctx, Diagnostics* diags);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_COST_NODES_H_
