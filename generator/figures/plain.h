// Locale-free text of figures for tools, not readers: `eval`, `diff`, the data
// exports and diagnostics print values in one fixed, parseable form
// ("248.20 USD/month", "500 – 1500 CNY/month", "32.77 USD/h") whatever the
// page languages are. Readers get figures through format.h.
#ifndef COSTSITE_FIGURES_PLAIN_H_
#define COSTSITE_FIGURES_PLAIN_H_

#include <string>

#include "cost/evaluation.h"

namespace costsite::figures {

/// 2 decimals for money (3 significant digits below 0.1), otherwise up to 3
/// decimals (3 significant digits below 1).
std::string PlainNumber(const cost::Decimal& v, bool money);
/// "248.20", "500 – 1500".
std::string PlainValue(const cost::Interval& v, bool money);
/// `v` with `unit`: "248.20 USD/month", "50%", "730 h", "4".
std::string PlainAmount(const cost::Interval& v, const cost::Unit& unit);
/// A figure: its amount, or "true"/"false".
std::string PlainFigure(const cost::Figure& f);
/// An input of a formula, as PlainFigure.
std::string PlainInput(const cost::InputUse& in);
/// A price as its list states it, unrounded: "32.77 USD/h", "25 to 50 USD/month".
std::string PlainPrice(const cost::PriceUse& p);
/// A price's shape in plain words, "" for a plain price: "50% of on_demand;
/// hours 16:30-00:30 UTC; tiers (whole, by tokens): from 0 1.25, from 200000 2.5".
std::string PlainPriceShape(const cost::PriceShape& shape);
/// "1 USD = 7.2 CNY (2025-01-01, source)".
std::string PlainFx(const cost::FxUse& fx);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_PLAIN_H_
