#include "figures/inputs_form.h"

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
  if (f.unit.text.empty()) return "";
  if (f.IsMoney()) return PriceUnitHeader(f.unit, lang);
  return UnitText(f.unit, f.value, lang);
}

}  // namespace

std::string InputsForm(const cost::ModelResult& r, const std::vector<const cost::InputRange*>& inputs,
                       const Speaker& lang) {
  const std::string& title = Pick(r.title, lang);
  std::string label = UiText("whatif_inputs", lang) + (title.empty() ? "" : (IsCjk(lang) ? "：" : ": ") + title);
  std::string html = "<form class=\"cost-inputs\" data-wf-model=\"" + Escape(r.model) + "\" aria-label=\"" +
                     Escape(label) + "\"";
  // The status line's words, for the page's script ({label}, {min}, {max}, {error} are its to fill).
  for (const char* word : {"updated", "invalid", "failed"})
    html += std::string(" data-wf-") + word + "=\"" + Escape(UiText(std::string("whatif_") + word, lang)) + "\"";
  html += ">\n";
  for (const cost::InputRange* in : inputs) {
    const cost::Figure& f = *r.Find(in->param);
    std::string name = r.model + "." + in->param;
    std::string id = "wi-" + r.model + "-" + in->param;
    std::string words = UnitWords(f, lang);
    html += "<div class=\"cost-input\"><label for=\"" + Escape(id) + "\">" + Escape(FigureLabel(f, lang)) +
            "</label>\n<input type=\"number\" id=\"" + Escape(id) + "\" name=\"" + Escape(name) + "\" value=\"" +
            Number(f.value.lo) + "\" min=\"" + Number(in->min) + "\" max=\"" + Number(in->max) + "\" step=\"" +
            (in->step ? Number(*in->step) : std::string("any")) + "\" data-unit=\"" + Escape(f.unit.text) +
            "\" inputmode=\"decimal\">\n";
    if (!words.empty()) html += "<span class=\"cost-input-unit\">" + Escape(words) + "</span>";
    html += "</div>\n";
  }
  html += "<button type=\"reset\">" + Escape(UiText("whatif_reset", lang)) +
          "</button>\n<output class=\"cost-inputs-status\" aria-live=\"polite\"></output>\n</form>\n";
  return html;
}

}  // namespace costsite::figures
