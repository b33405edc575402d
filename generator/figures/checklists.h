// The words of a checklist: its progress line and the reason a rule gives
// for recommending an item. A recommendation is never shown as done.
#ifndef COSTSITE_FIGURES_CHECKLISTS_H_
#define COSTSITE_FIGURES_CHECKLISTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::figures {

/// What a checklist holds: items done, items in all, open items a rule recommends.
struct ChecklistCount {
  int done = 0;         // ticked by the author, unbound or `?`
  int total = 0;
  int met = 0;          // `!` items whose rule holds: the figures establish them, no one did them
  int recommended = 0;
};

/// "2 / 8 已完成，1 项由数据确认，3 项建议" / "2 / 8 done, 1 met by the
/// figures, 3 recommended" (no part for none), as HTML-escaped text.
std::string ChecklistProgress(const ChecklistCount& count, const Speaker& lang);

/// The badge and reason after a recommended item: "建议" and the rule's
/// condition in words with the value it tests, "GPU 占比超过 50%：62%".
std::string RecommendationHtml(const cost::RuleResult& rule, const Speaker& lang);

/// One item of a checklist as its page wrote it: the rule it is bound to and
/// the box its author ticked. What the build and the what-if engine need to
/// give the item's box, its advice and the list's progress line.
struct ChecklistItem {
  char binding = 0;      // '!' established, '?' recommended, 0 not bound
  std::string rule;      // bound: "model[scenario].rule"
  bool checked = false;  // the box as written ("- [x]")
};

/// The rule `ref` ("model[scenario].rule") names, or nullptr with `error` set.
const cost::RuleResult* FindRule(const cost::Evaluation& eval, std::string_view ref, std::string* error);

/// An item's box: `<input type="checkbox" disabled>`, ` checked` when ticked.
std::string TaskBox(bool checked);
/// The box of an item a rule ticks (`!`): checked with a "met by the
/// figures" badge while the rule holds, so it never reads as work done.
std::string EstablishedBox(const cost::RuleResult& rule, const Speaker& lang);

/// The advice after a recommended item on a page with what-if inputs:
/// `<span class="task-advice">` holding RecommendationHtml when `rule` holds
/// and the item is open, else empty (kept, for a reader's values to fill).
std::string TaskAdvice(const cost::RuleResult& rule, bool checked, const Speaker& lang);

/// The count of `items` with their rules' verdicts in `eval`; false with
/// `error` set when a rule is missing (a reader's value made its model fail).
bool CountChecklist(const std::vector<ChecklistItem>& items, const cost::Evaluation& eval, ChecklistCount* count,
                    std::string* error);

/// The progress line `<p class="checklist-progress" id="ID">…</p>`.
std::string ProgressElement(const ChecklistCount& count, std::string_view id, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_CHECKLISTS_H_
