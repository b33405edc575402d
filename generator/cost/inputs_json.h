// The pricing inputs as JSON, for the what-if engine in the reader's browser:
// the native build writes the models, prices, rates and units a page needs,
// the WebAssembly build of this same engine reads them back into the same
// types and evaluates them, so no YAML parser is needed there.
#ifndef COSTSITE_COST_INPUTS_JSON_H_
#define COSTSITE_COST_INPUTS_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/inputs.h"

namespace costsite::cost {

/// `inputs` and `options` as one JSON object (the source lines of formulas,
/// kept for carets, are left out; positions are kept).
std::string InputsToJson(const Inputs& inputs, const Options& options);

/// `models` (by id) and what they read: the other models their formulas
/// name, the price entries they name, every exchange rate and unit. The
/// `extra` models (a page's `cost model` blocks, which `all` does not hold)
/// come along after `all`'s, with what they read.
Inputs InputsFor(const Inputs& all, const std::vector<std::string>& models,
                 const std::vector<const ModelDef*>& extra = {});

/// The inverse of InputsToJson; false with `error` set for text that is not
/// such an object.
bool InputsFromJson(std::string_view json, Inputs* inputs, Options* options, std::string* error);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_INPUTS_JSON_H_
