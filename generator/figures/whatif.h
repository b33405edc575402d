// The what-if engine's one entry point, the same code natively and in the
// WebAssembly build: evaluate pricing inputs (cost/inputs_json.h) with
// parameter overrides and write every figure as the build writes it.
#ifndef COSTSITE_FIGURES_WHATIF_H_
#define COSTSITE_FIGURES_WHATIF_H_

#include <memory>
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

/// A page's what-if engine between a reader's changes (what the page script
/// uses; WhatIfRun answers one request whole, as the tests' reference): Open
/// reads the page's data and evaluates the author's values once; each Update
/// evaluates again only the models the changed inputs reach
/// (cost::ReevaluateSets) and renders again only their fragments.
class WhatIfSession {
 public:
  WhatIfSession();
  ~WhatIfSession();
  /// `inputs` and `request` as WhatIfRun's (its "sets" are ignored: the page
  /// shows the author's values); evaluates them and renders every fragment,
  /// what the page shows (the build's bytes). Returns {"errors": [text…]};
  /// after an error in the request, Update has nothing to work on.
  std::string Open(std::string_view inputs, std::string_view request);
  /// `change`: {"sets": [["model.param", "800 QPS"], …], "picks": {MODEL:
  /// SCENARIO}, "as_of": {MODEL: DATE}} (as WhatIfRun's request reads them),
  /// every input that differs from the author's value (not only the last one
  /// changed; {} for the author's values); a bare array is the sets alone.
  /// Another date evaluates every model again, another pick renders every
  /// fragment again. Returns {"errors": [text…], "fragments": [{"id", "html"}],
  /// "rebuilt": [model…]}: the fragments, in the first of "langs", whose HTML
  /// differs from what the page shows (the build's, or what the last answer
  /// without errors sent); an answer with errors holds no fragments, and the
  /// page is then expected to keep what it shows.
  std::string Update(std::string_view change);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

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
