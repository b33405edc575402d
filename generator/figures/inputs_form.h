// A `cost inputs` block as readers see it: a form of the model's adjustable
// parameters (`input:`), each a labelled number field with its unit in the
// page's language. The page's script reads the fields and asks the what-if
// engine to recompute the page; without a script the form shows the
// author's values.
#ifndef COSTSITE_FIGURES_INPUTS_FORM_H_
#define COSTSITE_FIGURES_INPUTS_FORM_H_

#include <optional>
#include <string>
#include <vector>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::figures {

/// The dates an as-of field offers: from the first date every price a
/// model reads has a value for, to the date the build took them at.
struct DateRange {
  std::string min, max;  // YYYY-MM-DD
};

/// The as-of dates a form for model result `r` offers: `min` is the first
/// date on which every price its figures read has a value (the newest of
/// their oldest dated values), `max` is r.as_of, else the newest date of
/// those prices. False when min is not before max (nothing to pick).
bool PriceDates(const cost::Evaluation& eval, const cost::ModelResult& r, DateRange* out);

/// What a form offers besides its number fields.
struct InputsChoices {
  std::vector<const cost::ScenarioInfo*> scenarios;  // a scenario picker, when not empty
  std::optional<DateRange> as_of;                    // an as-of date field
};

/// The form for `inputs` of model result `r` (its base case). Each field's
/// name is "MODEL.PARAM", its value, bounds and step are numbers in the
/// unit written in `data-unit` (the formula syntax `eval --set` takes).
/// With scenarios, a labelled select first, named "scenario(MODEL)", of the
/// base case (value "", selected) and those scenarios (value: the id). With
/// as_of, a date field named "as-of" (value `max`, bounded by min and max).
/// REQUIRES: every input's param is in r.params.
std::string InputsForm(const cost::ModelResult& r, const std::vector<const cost::InputRange*>& inputs,
                       const InputsChoices& choices, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_INPUTS_FORM_H_
