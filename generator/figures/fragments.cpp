#include "figures/fragments.h"

#include "figures/charts.h"
#include "figures/html.h"
#include "figures/lookup.h"
#include "figures/tables.h"

namespace costsite::figures {

std::string MarkFragment(std::string_view html, int id, std::string_view fig) {
  size_t name_end = html.find_first_of(" >", 1);
  if (html.empty() || html[0] != '<' || name_end == std::string_view::npos) return std::string(html);
  std::string attrs = " data-wf=\"" + std::to_string(id) + "\"";
  if (!fig.empty()) attrs += " data-fig=\"" + Escape(fig) + "\"";
  std::string out(html.substr(0, name_end));
  out += attrs;
  out += html.substr(name_end);
  return out;
}

std::string FigureElement(const cost::Figure& f, const FormatOptions& opt, const Speaker& lang, PagePopovers* ids) {
  return FigureHtml(f, FormatFigure(f, opt, lang), lang, ids);
}

std::string DirectiveElement(const Fragment& f, const cost::Evaluation& eval, const Speaker& lang,
                             SourceList* sources, PagePopovers* ids, std::string* error) {
  std::vector<const cost::ModelResult*> results;
  for (const std::string& scenario : f.scenarios) {
    const cost::ModelResult* r = FindResult(eval, f.model, scenario, error);
    if (!r) return "";
    results.push_back(r);
  }
  FormatOptions opt;
  OptionError oerr;
  if (results.empty() || !ParseFormatOptions(f.format, &opt, &oerr)) {
    *error = results.empty() ? "a fragment without results" : oerr.message;
    return "";
  }
  // What the build checked before rendering: the first result has the figures.
  const cost::ModelResult& r = *results.front();
  for (const std::string& id : f.figures) {
    if (f.chart == "stacked") break;  // its rows are the items and groups any result has
    if (!r.Find(id)) {
      *error = "figure '" + r.model + "." + id + "' did not evaluate";
      return "";
    }
  }
  if (f.kind == "table") return LineItemTable(r, lang, sources, ids, opt);
  if (f.kind == "params") return ParamsTable(r, lang, ids);
  if (f.kind == "rules") return RulesList(r, lang);
  if (f.kind == "expectations") return ExpectationsTable(r, lang, ids);
  if (f.kind == "compare") return CompareTable(results, f.figures, lang, sources, ids, opt);
  if (f.kind == "budget" && f.figures.size() == 3)
    return BudgetTable(r, f.figures[0], f.figures[1], f.figures[2], lang, sources, ids, opt);
  if (f.kind == "chart") {
    if (f.chart == "breakdown")
      return ChartFigure(BreakdownChart(r, lang, f.chart_id), LineItemTable(r, lang, sources, ids), lang);
    if (f.chart == "stacked") {
      ChartSpec spec = StackedChart(results, f.by_group, lang, f.chart_id);
      return ChartFigure(spec, CompareTable(results, f.figures, lang, sources, ids), lang);
    }
    if ((f.chart == "compare" || f.chart == "range") && f.figures.size() == 1) {
      ChartSpec spec = f.chart == "compare" ? CompareChart(results, f.figures[0], lang, f.chart_id)
                                            : RangeChart(results, f.figures[0], lang, f.chart_id);
      return ChartFigure(spec, CompareTable(results, f.figures, lang, sources, ids), lang);
    }
  }
  *error = "unknown fragment kind '" + f.kind + (f.chart.empty() ? "" : " " + f.chart) + "'";
  return "";
}

std::string ChecklistElement(const Fragment& f, const cost::Evaluation& eval, const Speaker& lang,
                             std::string* error) {
  if (f.kind == "progress") {
    ChecklistCount count;
    return CountChecklist(f.items, eval, &count, error) ? ProgressElement(count, f.chart_id, lang) : "";
  }
  if (f.kind != "task" || f.items.size() != 1 || !f.items[0].binding) {
    *error = "a malformed checklist fragment";
    return "";
  }
  const ChecklistItem& item = f.items[0];
  const cost::RuleResult* rule = FindRule(eval, item.rule, error);
  if (!rule) return "";
  return item.binding == '!' ? EstablishedBox(*rule, lang) : TaskAdvice(*rule, item.checked, lang);
}

}  // namespace costsite::figures
