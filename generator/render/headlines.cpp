#include "render/headlines.h"

#include "figures/lookup.h"
#include "figures/tables.h"

namespace costsite::render {

bool ResolveHeadline(const std::string& ref, const cost::Evaluation& eval, const std::string& display_currency,
                     Headline* out, std::string* error) {
  figures::FigureRef parsed;
  if (!figures::ParseFigureRef(ref, eval, &parsed, error)) return false;
  cost::Figure figure;
  if (!figures::ResolveFigure(eval, parsed, {}, &figure, error)) return false;
  if (figure.is_bool) {
    *error = "headline '" + ref + "' is true/false, not a figure to compare";
    return false;
  }
  Headline h;
  h.model = parsed.model;
  h.result = eval.Find(parsed.model, parsed.scenario);
  if (figure.IsMoney() && !display_currency.empty() && figure.Currency() != display_currency) {
    figures::FormatOptions opt;
    opt.currency = display_currency;
    std::string from = figure.Currency();
    cost::Figure converted;
    if (!figures::ResolveFigure(eval, parsed, opt, &converted, error)) return false;
    for (const cost::FxUse& fx : converted.explain->fx)
      if ((fx.base == from && fx.quote == display_currency) || (fx.base == display_currency && fx.quote == from))
        h.fx = fx;
    figure = std::move(converted);
  }
  h.figure = std::move(figure);
  *out = std::move(h);
  return true;
}

std::string HeadlineLabel(const Headline& h, const figures::Speaker& lang) {
  if (h.figure.id != "total" || !h.result) return figures::FigureLabel(h.figure, lang);
  std::string title = figures::Pick(h.result->title, lang);
  if (title.empty()) title = h.model;
  if (!h.result->scenario.empty())
    title += (figures::IsCjk(lang) ? "（" : " (") + figures::ScenarioLabel(*h.result, lang) +
             (figures::IsCjk(lang) ? "）" : ")");
  return title;
}

}  // namespace costsite::render
