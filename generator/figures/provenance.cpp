#include "figures/provenance.h"

#include <algorithm>

#include "figures/format.h"
#include "figures/html.h"
#include "figures/strings.h"

namespace costsite::figures {

std::string VariantName(std::string_view variant, const LocalizedText* declared, const Speaker& lang) {
  if (declared && !Pick(*declared, lang).empty()) return Pick(*declared, lang);
  return VariantLabel(variant, lang);
}

namespace {

std::string Colon(const Speaker& lang) { return IsCjk(lang) ? "：" : ": "; }

std::string Paren(std::string_view text, const Speaker& lang) {
  return IsCjk(lang) ? "（" + std::string(text) + "）" : " (" + std::string(text) + ")";
}

std::string PriceName(const cost::PriceUse& p, const Speaker& lang) {
  std::string label = Pick(p.label, lang);
  std::string name = label.empty() ? p.id : label;
  if (!p.variant.empty() && p.variant != "on_demand") name += Paren(VariantName(p.variant, &p.variant_label, lang), lang);
  return name;
}

std::string PriceLine(const cost::PriceUse& p, const Speaker& lang) {
  std::string line = PriceName(p, lang) + " = " + FormatPrice(p.value, p.unit, lang);
  std::string when = p.date;
  if (!p.source.empty()) when += (when.empty() ? "" : IsCjk(lang) ? "，" : ", ") + p.source;
  if (!when.empty()) line += Paren(when, lang);
  return line;
}

std::string FxLine(const cost::FxUse& fx, const Speaker& lang) {
  std::string when = fx.date;
  if (!fx.source.empty()) when += (when.empty() ? "" : IsCjk(lang) ? "，" : ", ") + fx.source;
  return FormatFx(fx, lang) + (when.empty() ? "" : Paren(when, lang));
}

bool IsUrl(std::string_view s) { return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0; }

}  // namespace

std::string ProvenanceText(const cost::Figure& f, const Speaker& lang) {
  const cost::Explanation& e = f.explain;
  std::string out;
  auto add = [&](std::string line) {
    if (!out.empty()) out += '\n';
    out += line;
  };
  if (!e.formula.empty()) add(UiText("formula", lang) + Colon(lang) + e.formula);
  for (const cost::InputUse& in : e.inputs) add("  " + in.name + " = " + FormatInput(in, lang));
  if (!e.prices.empty()) add(UiText("prices", lang) + Colon(lang));
  for (const auto& p : e.prices) add("  " + PriceLine(p, lang));
  for (const auto& fx : e.fx) add(UiText("fx", lang) + Colon(lang) + FxLine(fx, lang));
  if (out.empty()) add(f.id);
  return out;
}

std::string FigureOpenTag(const cost::Figure& f, const Speaker& lang) {
  return "<abbr class=\"fig\" tabindex=\"0\" title=\"" + Escape(ProvenanceText(f, lang)) + "\">";
}

std::string FigureHtml(const cost::Figure& f, std::string_view text, const Speaker& lang) {
  return FigureOpenTag(f, lang) + Escape(text) + "</abbr>";
}

void SourceList::Add(const cost::PriceUse& p) {
  auto same = [&](const cost::PriceUse& q) {
    return q.id == p.id && q.variant == p.variant && q.date == p.date;
  };
  if (std::none_of(items_.begin(), items_.end(), same)) items_.push_back(p);
}

void SourceList::Add(const cost::Explanation& e) {
  for (const auto& p : e.prices) Add(p);
}

std::string RenderSources(const std::vector<cost::PriceUse>& prices, const Speaker& lang) {
  if (prices.empty()) return "";
  const std::string id(kSourcesId);
  std::string out = "<section class=\"sources\" aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" +
                    Escape(UiText("sources", lang)) + "</h2>\n<ol>\n";
  for (const auto& p : prices) {
    std::string provider = Pick(p.provider_name, lang);
    out += "<li>";
    if (!provider.empty()) out += Escape(provider) + " · ";
    out += Escape(PriceName(p, lang));
    out += Colon(lang) + Escape(FormatPrice(p.value, p.unit, lang));
    std::string comma = IsCjk(lang) ? "，" : ", ";
    if (!p.date.empty()) out += comma + "<time datetime=\"" + Escape(p.date) + "\">" + Escape(p.date) + "</time>";
    if (IsUrl(p.source))
      out += comma + "<a href=\"" + Escape(p.source) + "\">" + Escape(p.source) + "</a>";
    else if (!p.source.empty())
      out += comma + Escape(p.source);
    out += "</li>\n";
  }
  return out + "</ol>\n</section>\n";
}

}  // namespace costsite::figures
