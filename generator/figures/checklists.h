// The words of a checklist: its progress line and the reason a rule gives
// for recommending an item. A recommendation is never shown as done.
#ifndef COSTSITE_FIGURES_CHECKLISTS_H_
#define COSTSITE_FIGURES_CHECKLISTS_H_

#include <string>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::figures {

/// What a checklist holds: items done, items in all, open items a rule recommends.
struct ChecklistCount {
  int done = 0;
  int total = 0;
  int recommended = 0;
};

/// "2 / 8 已完成，3 项建议" / "2 / 8 done, 3 recommended" (no recommendation
/// part when none is), as HTML-escaped text.
std::string ChecklistProgress(const ChecklistCount& count, const Speaker& lang);

/// The badge and reason after a recommended item: "建议" and the rule's
/// condition in words with the value it tests, "GPU 占比超过 50%：62%".
std::string RecommendationHtml(const cost::RuleResult& rule, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_CHECKLISTS_H_
