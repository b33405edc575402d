// The home page compares each report's headline figure, the one its front
// matter names (`headline: model[scenario].figure`), in the site's display
// currency: never a sum of unrelated reports.
#ifndef COSTSITE_RENDER_HEADLINES_H_
#define COSTSITE_RENDER_HEADLINES_H_

#include <optional>
#include <string>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::render {

/// A report's headline figure, ready to show.
struct Headline {
  std::string model;                // the model it belongs to
  const cost::ModelResult* result = nullptr;  // that model in the headline's scenario
  cost::Figure figure;              // in the display currency when it is money and one is set
  std::optional<cost::FxUse> fx;    // the rate it was converted at, if it was
};

/// What the headline is called: the model's title for its total (with the
/// scenario's label), else the figure's label.
std::string HeadlineLabel(const Headline& h, const figures::Speaker& lang);

/// Looks `ref` ("model[scenario].figure") up in `eval` and converts a money
/// figure to `display_currency` ("" = its own) at its model's date. False
/// and a message when `ref` names nothing or cannot be converted.
bool ResolveHeadline(const std::string& ref, const cost::Evaluation& eval, const std::string& display_currency,
                     Headline* out, std::string* error);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_HEADLINES_H_
