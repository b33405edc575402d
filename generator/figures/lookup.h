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

/// Whether a code span's text `literal` is a reference to the cost engine:
/// `=model.figure` (or `=model[scenario].figure`, options after a space) for
/// a figure, `!model.rule` / `?model.rule` for a checklist's rule. Only a
/// well-formed reference is one: ids of letters, digits and `_`, joined by
/// `.`, `-`, `:` or `/`. `==`, `!=`, `=x` and `= 5` stay code, and so does a
/// span ending in a space (how a page shows a reference as code:
/// ``` ``=model.total `` ```). A span whose first id names a model of
/// `eval` counts whatever follows, so that `=inference total` is reported.
bool IsReferenceSpan(std::string_view literal, const cost::Evaluation* eval);

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
