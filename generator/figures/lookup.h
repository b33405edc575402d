// Finding what a page refers to in the evaluation: "inference[spot].total",
// with the display conversions its options ask for. Errors come back as
// messages for the caller to place in the Markdown file.
#ifndef COSTSITE_FIGURES_LOOKUP_H_
#define COSTSITE_FIGURES_LOOKUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/format.h"

namespace costsite::figures {

/// A reference as written: model, optional scenario, figure id.
struct FigureRef {
  std::string model;
  std::string scenario;  // "" = base
  std::string figure;
  /// "model[scenario].figure", as a page writes it.
  std::string ToString() const;
};

/// Splits "model[scenario].figure" (figure ids may hold dots: "share.gpu"),
/// picking the longest model id `eval` knows when ids are ambiguous. False
/// and a message when malformed.
bool ParseFigureRef(std::string_view text, const cost::Evaluation& eval, FigureRef* out,
                    std::string* error);

/// The model result `model`/`scenario`, or nullptr with a message ("unknown
/// model 'x'", "unknown scenario 's' of model 'm'").
const cost::ModelResult* FindResult(const cost::Evaluation& eval, std::string_view model,
                                    std::string_view scenario, std::string* error);

/// The figure `ref` with `opt`'s currency, unit and percent applied; false
/// and a message ("unknown figure 'inference.totl' (did you mean 'total'?)").
bool ResolveFigure(const cost::Evaluation& eval, const FigureRef& ref, const FormatOptions& opt,
                   cost::Figure* out, std::string* error);


}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_LOOKUP_H_
