#include "figures/inputs_form.h"

#include <algorithm>

#include "figures/format.h"
#include "figures/html.h"
#include "figures/tables.h"

namespace costsite::figures {
namespace {

// Attribute values are plain decimal notation, as <input type=number> and
// `eval --set` read them, never the page's display format.
std::string Number(const cost::Decimal& x) { return x.ToString(); }

// The unit beside the field, in words: "次请求/秒", "美元/小时", "%".
std::string UnitWords(const cost::Figure& f, const Speaker& lang) {
  if (f.unit->text.empty()) return "";
  if (f.IsMoney()) return PriceUnitHeader(f.unit, lang);
  return UnitText(f.unit, f.value, lang);
}

// The scenario picker: the base case, then each scenario by its label.
std::string ScenarioPicker(const cost::ModelResult& r, const std::vector<const cost::ScenarioInfo*>& scenarios,
                           const Speaker& lang) {
  std::string id = "ws-" + r.model;
  std::string html = "<div class=\"cost-input\"><label for=\"" + Escape(id) + "\">" +
                     Escape(UiText("whatif_scenario", lang)) + "</label>\n<select id=\"" + Escape(id) +
                     "\" name=\"scenario(" + Escape(r.model) + ")\" data-wf-pick=\"" + Escape(r.model) +
                     "\">\n<option value=\"\" selected>" + Escape(UiText("base", lang)) + "</option>\n";
  for (const cost::ScenarioInfo* s : scenarios) {
    const std::string& label = Pick(s->label, lang);
    html += "<option value=\"" + Escape(s->id) + "\">" + Escape(label.empty() ? s->id : label) + "</option>\n";
  }
  return html + "</select></div>\n";
}

// The as-of field: a date input bounded by the dates the prices cover.
std::string DateField(const cost::ModelResult& r, const DateRange& dates, const Speaker& lang) {
  std::string id = "wd-" + r.model;
  return "<div class=\"cost-input\"><label for=\"" + Escape(id) + "\">" + Escape(UiText("whatif_as_of", lang)) +
         "</label>\n<input type=\"date\" id=\"" + Escape(id) + "\" name=\"as-of(" + Escape(r.model) + ")\" value=\"" + Escape(dates.max) +
         "\" min=\"" + Escape(dates.min) + "\" max=\"" + Escape(dates.max) + "\" data-wf-as-of=\"" +
         Escape(r.model) + "\"></div>\n";
}

// The price entries `r`'s figures read, as "provider/entry".
void PricesRead(const cost::ModelResult& r, std::vector<std::string>* ids) {
  auto add = [&](const cost::Explanation& e) {
    for (const cost::PriceUse& p : e.prices)
      if (std::find(ids->begin(), ids->end(), p.id) == ids->end()) ids->push_back(p.id);
  };
  for (const cost::Figure* f : r.AllFigures()) add(f->explain);
  for (const cost::LineItem& i : r.items) {
    add(i.cost.explain);
    if (i.quantity) add(i.quantity->explain);
  }
}

}  // namespace

bool PriceDates(const cost::Evaluation& eval, const cost::ModelResult& r, DateRange* out) {
  std::vector<std::string> ids;
  PricesRead(r, &ids);
  std::string newest;
  *out = DateRange();
  for (const std::string& id : ids) {
    size_t slash = id.find('/');
    const cost::ProviderView* p = eval.FindProvider(std::string_view(id).substr(0, slash));
    if (!p || slash == std::string::npos) continue;
    for (const cost::PriceEntryView& e : p->entries) {
      if (e.id != std::string_view(id).substr(slash + 1) || e.dated.empty() || e.dated.front().date.empty()) continue;
      if (out->min.empty() || e.dated.front().date > out->min) out->min = e.dated.front().date;
      if (e.dated.back().date > newest) newest = e.dated.back().date;
    }
  }
  out->max = r.as_of.empty() ? newest : r.as_of;
  return !out->min.empty() && !out->max.empty() && out->min < out->max;
}

std::string InputsForm(const cost::ModelResult& r, const std::vector<const cost::InputRange*>& inputs,
                       const InputsChoices& choices, const Speaker& lang) {
  const std::vector<const cost::ScenarioInfo*>& scenarios = choices.scenarios;
  const std::string& title = Pick(r.title, lang);
  std::string label = UiText("whatif_inputs", lang) + (title.empty() ? "" : (IsCjk(lang) ? "：" : ": ") + title);
  std::string html = "<form class=\"cost-inputs\" data-wf-model=\"" + Escape(r.model) + "\" aria-label=\"" +
                     Escape(label) + "\"";
  // The status line's words, for the page's script ({label}, {min}, {max}, {error} are its to fill).
  for (const char* word : {"updated", "invalid", "failed"})
    html += std::string(" data-wf-") + word + "=\"" + Escape(UiText(std::string("whatif_") + word, lang)) + "\"";
  if (choices.as_of) html += " data-wf-invalid-date=\"" + Escape(UiText("whatif_invalid_date", lang)) + "\"";
  html += ">\n";
  if (!scenarios.empty()) html += ScenarioPicker(r, scenarios, lang);
  if (choices.as_of) html += DateField(r, *choices.as_of, lang);
  for (const cost::InputRange* in : inputs) {
    const cost::Figure& f = *r.Find(in->param);
    std::string name = r.model + "." + in->param;
    std::string id = "wi-" + r.model + "-" + in->param;
    std::string words = UnitWords(f, lang);
    html += "<div class=\"cost-input\"><label for=\"" + Escape(id) + "\">" + Escape(FigureLabel(f, lang)) +
            "</label>\n<input type=\"number\" id=\"" + Escape(id) + "\" name=\"" + Escape(name) + "\" value=\"" +
            Number(f.value.lo) + "\" min=\"" + Number(in->min) + "\" max=\"" + Number(in->max) + "\" step=\"" +
            (in->step ? Number(*in->step) : std::string("any")) + "\" data-unit=\"" + Escape(f.unit->text) +
            "\" inputmode=\"decimal\">\n";
    if (!words.empty()) html += "<span class=\"cost-input-unit\">" + Escape(words) + "</span>";
    html += "</div>\n";
  }
  html += "<button type=\"reset\">" + Escape(UiText("whatif_reset", lang)) +
          "</button>\n<output class=\"cost-inputs-status\" aria-live=\"polite\"></output>\n</form>\n";
  return html;
}

}  // namespace costsite::figures
