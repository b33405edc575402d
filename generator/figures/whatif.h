// The what-if engine's one entry point, the same code natively and in the
// WebAssembly build: evaluate pricing inputs (cost/inputs_json.h) with
// parameter overrides and write every figure as the build writes it.
#ifndef COSTSITE_FIGURES_WHATIF_H_
#define COSTSITE_FIGURES_WHATIF_H_

#include <string>
#include <string_view>
#include <vector>

#include "figures/number_text.h"

namespace costsite::figures {

/// `inputs`: InputsToJson's text. `request`: a JSON object
///   {"sets": [["model.param", "800"]], "langs": ["zh", "en"],
///    "locales": {"zh": LocaleDataJson…}, "words": {"zh": {"yes": "是", "no": "否"}},
///    "fallback": "en", "fragments": FragmentsJson…}
/// Returns {"errors": [text…], "results": [{"model", "scenario", "figures":
/// [{"id", "plain", "zh", "en"}], "rules": [{"id", "holds"}]}], "fragments":
/// [{"id", "html"}]}: with "fragments", each element of the page rendered
/// again in the first of "langs" (`fallback`, default "zh", for a missing
/// word), by the functions the build used (figures/fragments.h); one that
/// cannot be (its figure failed) is left out, with an error.
std::string WhatIfRun(std::string_view inputs, std::string_view request);

struct Fragment;

/// `fragments` as the request's "fragments" array: [{"id": "1", "kind":
/// "figure", "figure": "inference.total", "popovers": 0}, {"id": "2", "kind":
/// "table", "model": "inference", "scenarios": ["spot"], "format":
/// "precision=0", "popovers": 1}, {"id": "3", "kind": "chart", "chart":
/// "compare", "chart_id": "cost-chart-1", "model": "inference", "scenarios":
/// ["", "spot"], "figures": ["total"], "popovers": 4}, …].
std::string FragmentsJson(const std::vector<Fragment>& fragments);

/// LocaleData as JSON and back (the page carries the build's locale data).
std::string LocaleDataJson(const LocaleData& data);
bool LocaleDataFromJson(std::string_view json, LocaleData* data);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_WHATIF_H_
