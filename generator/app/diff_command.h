// `costsite diff OLD NEW`: how the cost models' figures changed between two
// versions of a site, each a source folder or a git revision, with every
// change split into its causes by sequential substitution (docs/ci.md):
// prices, then exchange rates, then parameters and quantities, then formulas.
#ifndef COSTSITE_APP_DIFF_COMMAND_H_
#define COSTSITE_APP_DIFF_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "cost/inputs.h"
#include "cost/interval.h"

namespace costsite::app {

/// One figure of one model and scenario, before and after, with its change
/// split into causes. The four causes add up to after - before (midpoints).
struct FigureChange {
  std::string model, scenario, figure;  // scenario "" = base case
  std::string title;                    // the model's title in the report language
  std::string unit;                     // the new unit ("" if none)
  bool money = false;
  std::optional<cost::Interval> before, after;  // nullopt: not there on that side
  cost::Decimal prices, fx, params, formulas;   // contributions, in `unit`
  bool comparable = true;  // false when the unit changed: no difference is computed

  cost::Decimal Change() const;             // after - before, on midpoints
  std::optional<cost::Decimal> Percent() const;  // nullopt when before is 0 or missing
};

/// One side of a diff: what the pricing stage read and the site's options.
struct DiffSide {
  std::string label;  // as given on the command line
  cost::Inputs inputs;
  cost::Options options;
};

/// The changes of every `total` and derived figure between `old_side` and
/// `new_side`, in model order (new side's, then models only in the old side).
/// `lang` picks the model titles. Unchanged figures are included.
std::vector<FigureChange> AttributeChanges(const DiffSide& old_side, const DiffSide& new_side,
                                           const std::string& lang);

/// The changes as a Markdown comment, as JSON, or as an HTML page.
std::string DiffMarkdown(const std::vector<FigureChange>& changes, const std::string& old_label,
                         const std::string& new_label);
std::string DiffJson(const std::vector<FigureChange>& changes, const std::string& old_label,
                     const std::string& new_label);
std::string DiffHtml(const std::vector<FigureChange>& changes, const std::string& old_label,
                     const std::string& new_label, const std::string& lang);

/// Runs `costsite diff` with its arguments (after "diff"); returns the exit code.
int RunDiff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace costsite::app

#endif  // COSTSITE_APP_DIFF_COMMAND_H_
