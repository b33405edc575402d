// The what-if engine's one entry point, the same code natively and in the
// WebAssembly build: evaluate pricing inputs (cost/inputs_json.h) with
// parameter overrides and write every figure as the build writes it.
#ifndef COSTSITE_FIGURES_WHATIF_H_
#define COSTSITE_FIGURES_WHATIF_H_

#include <string>
#include <string_view>

#include "figures/number_text.h"

namespace costsite::figures {

/// `inputs`: InputsToJson's text. `request`: a JSON object
///   {"sets": [["model.param", "800"]], "langs": ["zh", "en"],
///    "locales": {"zh": LocaleDataJson…}, "words": {"zh": {"yes": "是", "no": "否"}}}
/// Returns {"errors": [text…], "results": [{"model", "scenario", "figures":
/// [{"id", "plain", "zh", "en"}], "rules": [{"id", "holds"}]}]}.
std::string WhatIfRun(std::string_view inputs, std::string_view request);

/// LocaleData as JSON and back (the page carries the build's locale data).
std::string LocaleDataJson(const LocaleData& data);
bool LocaleDataFromJson(std::string_view json, LocaleData* data);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_WHATIF_H_
