// Flow diagrams written as text: a fenced block whose info string is `flow`
// becomes ordered lists of steps with arrows drawn by CSS, readable without
// script, offline and by screen readers (the steps are list items in order).
#ifndef COSTSITE_MARKDOWN_FLOW_BLOCKS_H_
#define COSTSITE_MARKDOWN_FLOW_BLOCKS_H_

#include <string>
#include <string_view>

#include "base/diagnostics.h"

struct cmark_node;

namespace costsite::markdown {

/// The HTML of one flow block's text: "# title" lines start a part, every
/// other line is a path of steps separated by "→" (or "->"), and an indented
/// line branches off the path above it. `at` is the block's first text line;
/// an empty step is an error there. Returns "" after an error.
std::string RenderFlow(std::string_view text, const SourcePos& at, Diagnostics* diags);

/// Replaces every ```flow block under `root` with its HTML.
void ExpandFlowBlocks(cmark_node* root, const std::string& path, int line_offset, Diagnostics* diags);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_FLOW_BLOCKS_H_
