#include "markdown/cost_nodes.h"

namespace costsite::markdown {

void ExpandCostNodes(cmark_node* root, const std::string& path, std::string_view body,
                     int line_offset, const CostContext& ctx, Diagnostics* diags) {
  // Figures and directives are expanded here once the cost engine is wired in.
}

}  // namespace costsite::markdown
