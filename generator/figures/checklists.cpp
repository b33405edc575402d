#include "figures/checklists.h"

#include "figures/format.h"
#include "figures/html.h"
#include "figures/lookup.h"

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
  // An item a rule ticks is not work anyone did: counted apart from "done".
  if (count.met > 0)
    text += (IsCjk(lang) ? "，" : ", ") + Replace(UiText("progress_met", lang), "{count}", std::to_string(count.met));
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
    html += " <span class=\"task-reason\">" + Escape(reason) + "</span>";
  return html;
}

const cost::RuleResult* FindRule(const cost::Evaluation& eval, std::string_view ref, std::string* error) {
  FigureRef r;
  if (!ParseFigureRef(ref, eval, &r, error)) return nullptr;
  const cost::ModelResult* result = FindResult(eval, r.model, r.scenario, error);
  if (!result) return nullptr;
  for (const auto& rule : result->rules)
    if (rule.id == r.figure) return &rule;
  *error = "unknown rule '" + r.ToString() + "'";
  return nullptr;
}

std::string TaskBox(bool checked) {
  return std::string("<input type=\"checkbox\" disabled") + (checked ? " checked" : "") + ">";
}

std::string EstablishedBox(const cost::RuleResult& rule, const Speaker& lang) {
  if (!rule.holds) return TaskBox(false);
  return TaskBox(true) + "<span class=\"task-badge task-met\">" + Escape(UiText("met", lang)) + "</span>";
}

std::string TaskAdvice(const cost::RuleResult& rule, bool checked, const Speaker& lang) {
  return "<span class=\"task-advice\">" + (rule.holds && !checked ? RecommendationHtml(rule, lang) : "") +
         "</span>";
}

bool CountChecklist(const std::vector<ChecklistItem>& items, const cost::Evaluation& eval, ChecklistCount* count,
                    std::string* error) {
  *count = ChecklistCount();
  for (const ChecklistItem& item : items) {
    bool checked = item.checked;
    if (item.binding) {
      const cost::RuleResult* rule = FindRule(eval, item.rule, error);
      if (!rule) return false;
      if (item.binding == '!') {
        count->met += rule->holds ? 1 : 0;
        ++count->total;
        continue;
      }
      if (item.binding == '?' && rule->holds && !checked) ++count->recommended;
    }
    ++count->total;
    count->done += checked ? 1 : 0;
  }
  return true;
}

std::string ProgressElement(const ChecklistCount& count, std::string_view id, const Speaker& lang) {
  return "<p class=\"checklist-progress\" id=\"" + Escape(id) + "\">" + ChecklistProgress(count, lang) + "</p>";
}

}  // namespace costsite::figures
