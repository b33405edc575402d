// A `cost inputs` block as readers see it: a form of the model's adjustable
// parameters (`input:`), each a labelled number field with its unit in the
// page's language. The page's script reads the fields and asks the what-if
// engine to recompute the page; without a script the form shows the
// author's values.
#ifndef COSTSITE_FIGURES_INPUTS_FORM_H_
#define COSTSITE_FIGURES_INPUTS_FORM_H_

#include <string>
#include <vector>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::figures {

/// The form for `inputs` of model result `r` (its base case). Each field's
/// name is "MODEL.PARAM", its value, bounds and step are numbers in the
/// unit written in `data-unit` (the formula syntax `eval --set` takes).
/// REQUIRES: every input's param is in r.params.
std::string InputsForm(const cost::ModelResult& r, const std::vector<const cost::InputRange*>& inputs,
                       const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_INPUTS_FORM_H_
