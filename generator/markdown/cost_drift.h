// Keeping a page's languages together: `check` warns when the languages of a
// page refer to different figures or tables, when a translation's
// `translation_of` hash no longer matches its source, and when prose types a
// number that an evaluated figure on the page already gives.
#ifndef COSTSITE_MARKDOWN_COST_DRIFT_H_
#define COSTSITE_MARKDOWN_COST_DRIFT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "cost/decimal.h"
#include "markdown/cost_nodes.h"

struct cmark_node;

namespace costsite::content {
struct Page;
}
namespace costsite::cost {
class Evaluation;
}

namespace costsite::markdown {

/// A number typed in prose ("17,232.40", "1.7万", "83%"), with its value
/// (a double: the drift checks are a heuristic to within 0.5 %).
struct LiteralNumber {
  std::string text;
  double value = 0;
  bool percent = false;
  SourcePos pos;
};

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

/// The numbers in one run of prose text; years and dates are skipped.
std::vector<LiteralNumber> FindNumbers(std::string_view text);

/// Warns about drift between the languages of `page` and about prose numbers
/// that repeat a figure; `eval` may be nullptr (then only the first two checks).
void CheckPageDrift(const content::Page& page, const cost::Evaluation* eval, Diagnostics* diags);

/// The same with each source's references already collected (`refs[i]` for
/// `page.sources[i]`), as the renderer does while parsing the page.
void CheckPageDrift(const content::Page& page, const std::vector<PageCostRefs>& refs,
                    const cost::Evaluation* eval, Diagnostics* diags);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_COST_DRIFT_H_
