#include "figures/checklists.h"

#include "figures/format.h"
#include "figures/html.h"

namespace costsite::figures {

namespace {

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  size_t pos = text.find(from);
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

}  // namespace

std::string ChecklistProgress(const ChecklistCount& count, const Speaker& lang) {
  std::string text = std::to_string(count.done) + " / " + std::to_string(count.total) + " " + UiText("progress", lang);
  if (count.recommended > 0)
    text += (IsCjk(lang) ? "，" : ", ") +
            Replace(UiText("progress_recommended", lang), "{count}", std::to_string(count.recommended));
  return Escape(text);
}

std::string RecommendationHtml(const cost::RuleResult& rule, const Speaker& lang) {
  std::string html = "<span class=\"task-badge\">" + Escape(UiText("recommended", lang)) + "</span>";
  std::string reason = Pick(rule.condition, lang);
  if (reason.empty()) reason = Pick(rule.label, lang);
  if (rule.measured) {
    std::string value = FormatFigure(*rule.measured, {}, lang);
    reason += (IsCjk(lang) ? "：" : ": ") + value;  // the condition may end in parentheses
  }
  if (!reason.empty())
    html += " <span class=\"task-reason\" title=\"" + Escape(rule.when) + "\">" + Escape(reason) + "</span>";
  return html;
}

}  // namespace costsite::figures
