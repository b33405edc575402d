// Keeping a page's languages together: `check` warns when the languages of a
// page refer to different figures or tables, when a translation's
// `translation_of` hash no longer matches its source, and when prose types a
// number that a figure or parameter of a model the page uses already gives.
#ifndef COSTSITE_MARKDOWN_COST_DRIFT_H_
#define COSTSITE_MARKDOWN_COST_DRIFT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "cost/decimal.h"
#include "markdown/cost_nodes.h"
#include "markdown/prose_numbers.h"

struct cmark_node;

namespace costsite::content {
struct Page;
}
namespace costsite::cost {
class Evaluation;
}

namespace costsite::markdown {

/// What one Markdown source refers to, read from its node tree.
struct PageCostRefs {
  std::vector<CostRef> refs;  // figures (name only), rules, directives (sorted arguments)
  std::vector<LiteralNumber> numbers;
};

/// Collects the cost references and prose numbers of `body` (which starts at
/// line `first_line` of `path`).
PageCostRefs CollectCostRefs(const std::string& path, std::string_view body, int first_line);

/// The same from an already parsed document, before cost nodes are expanded.
PageCostRefs CollectCostRefs(cmark_node* doc, const std::string& path, int first_line);

/// Warns about drift between the languages of `page` and about prose numbers
/// that repeat a figure or parameter of a model the page refers to; `eval` may be nullptr (then only the first two checks).
void CheckPageDrift(const content::Page& page, const cost::Evaluation* eval, Diagnostics* diags);

/// The same with each source's references already collected (`refs[i]` for
/// `page.sources[i]`), as the renderer does while parsing the page.
void CheckPageDrift(const content::Page& page, const std::vector<PageCostRefs>& refs,
                    const cost::Evaluation* eval, Diagnostics* diags);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_COST_DRIFT_H_
