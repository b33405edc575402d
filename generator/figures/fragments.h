// The cost-derived elements of a page with what-if inputs ("fragments"): one
// function per kind turns its evaluated values into the element's HTML, the
// same for the build (markdown/, after it has checked what the page wrote)
// and for the what-if engine that renders it again with a reader's values
// (figures/whatif.cpp), so that at the author's values both give the same
// bytes. Only the cmark walk and the positioned diagnostics stay in markdown/.
#ifndef COSTSITE_FIGURES_FRAGMENTS_H_
#define COSTSITE_FIGURES_FRAGMENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/checklists.h"
#include "figures/format.h"
#include "figures/provenance.h"
#include "figures/strings.h"

namespace costsite::figures {

/// What renders one element of a page again, as the build resolved it.
struct Fragment {
  int id = 0;            // its data-wf, unique on the page, from 1
  std::string kind;      // "figure", a directive (table, params, rules, expectations, compare, budget,
                         // chart), or a checklist's "task" (an item's box or advice) or "progress"
  std::string figure;    // "figure": the span after '=' as written ("inference[spot].total precision=0")
  std::string model;     // a directive's model
  std::vector<std::string> scenarios;  // the results it shows, in order ("" = base); one for a table
  std::vector<std::string> figures;    // compare: its rows; budget: budget, estimate, actual;
                                       // chart compare/range: its figure; stacked: its table's rows
  std::string chart;     // chart: breakdown, compare, range or stacked
  std::string chart_id;  // chart, progress: its element id ("cost-chart-2", "checklist-1")
  bool by_group = false; // stacked chart: by group
  std::string format;    // a directive's precision= and compact words, space-separated
  int popovers = 0;      // popover ids the page used before it
  std::vector<ChecklistItem> items;  // task: its item; progress: every item of the list
};

/// `html` with the fragment's root attributes ` data-wf="ID"` (and
/// ` data-fig="FIG"` when `fig` is not empty) after its first tag's name.
std::string MarkFragment(std::string_view html, int id, std::string_view fig = {});

/// An inline figure as a page shows it: its text in `opt`'s format, with its
/// provenance popover.
std::string FigureElement(const cost::Figure& f, const FormatOptions& opt, const Speaker& lang, PagePopovers* ids);

/// The element of directive fragment `f` (not "figure"), from `eval`'s
/// results; "" with `error` set when a result or figure it shows is missing
/// (a reader's value made it fail) or `f` is malformed.
std::string DirectiveElement(const Fragment& f, const cost::Evaluation& eval, const Speaker& lang,
                             SourceList* sources, PagePopovers* ids, std::string* error);

/// The element of checklist fragment `f` ("task" or "progress") from
/// `eval`'s rules: an established item's box, a recommended item's advice,
/// or the list's progress line; "" with `error` set when a rule is missing.
std::string ChecklistElement(const Fragment& f, const cost::Evaluation& eval, const Speaker& lang,
                             std::string* error);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_FRAGMENTS_H_
