// `cost inputs`: the form readers of a page change a model's parameters
// with, evaluated again in their browser by the what-if engine.
#include "markdown/cost_directive.h"

#include "base/suggest.h"
#include "figures/inputs_form.h"
#include "figures/lookup.h"

namespace costsite::markdown {

namespace {

// The scenarios a `cost inputs` block offers (scenarios=all or a,b); false
// after reporting an unknown one.
bool OfferedScenarios(PageExpansion& page, const Directive& d, const cost::ModelResult& r,
                      std::vector<const cost::ScenarioInfo*>* out) {
  auto sc = d.args.find("scenarios");
  if (sc == d.args.end()) return true;
  if (sc->second.value == "all") {
    for (const cost::ScenarioInfo& s : r.scenarios) out->push_back(&s);
    return true;
  }
  int col = sc->second.value_col;
  for (const std::string& id : Split(sc->second.value)) {
    auto it = std::find_if(r.scenarios.begin(), r.scenarios.end(), [&](const auto& s) { return s.id == id; });
    if (it == r.scenarios.end()) {
      std::string err;
      figures::FindResult(*page.eval, r.model, id, &err);
      page.Error(d.line, col, err, static_cast<int>(id.size()), "unknown-scenario");
      return false;
    }
    out->push_back(&*it);
    col += static_cast<int>(id.size()) + 1;
  }
  return true;
}

}  // namespace

std::string InputsBlock(PageExpansion& page, const Directive& d, const cost::ModelResult& r) {
  auto input_of = [&](std::string_view id) -> const cost::InputRange* {
    for (const cost::InputRange& in : r.inputs)
      if (in.param == id) return &in;
    return nullptr;
  };
  std::vector<const cost::InputRange*> chosen;
  if (auto p = d.args.find("params"); p != d.args.end()) {
    int col = p->second.value_col;
    for (const std::string& id : Split(p->second.value)) {
      const cost::InputRange* in = input_of(id);
      if (!in) {
        std::vector<std::string> ids;
        for (const cost::InputRange& x : r.inputs) ids.push_back(x.param);
        std::string s = Suggest(id, ids);
        page.Error(d.line, col,
                   (r.Find(id) ? "parameter '" + r.model + "." + id + "' has no `input:` in its model"
                               : "unknown adjustable parameter '" + r.model + "." + id + "'") +
                       (s.empty() ? "" : " (did you mean '" + s + "'?)"),
                   static_cast<int>(id.size()), "unknown-figure");
        return "";
      }
      chosen.push_back(in);
      col += static_cast<int>(id.size()) + 1;
    }
  } else {
    for (const cost::InputRange& in : r.inputs) chosen.push_back(&in);
  }
  figures::InputsChoices choices;
  if (!OfferedScenarios(page, d, r, &choices.scenarios)) return "";
  if (auto a = d.args.find("as_of"); a != d.args.end()) {
    figures::DateRange dates;
    const int span = static_cast<int>(a->second.value.size());
    if (a->second.value != "pick") {
      page.Error(d.line, a->second.value_col, "expected as_of=pick, got '" + a->second.value + "'", span,
                 "bad-directive-argument");
      return "";
    }
    if (r.as_of != page.eval->AsOf()) {
      page.Error(d.line, a->second.value_col, "model '" + r.model + "' pins its own as_of: " + r.as_of +
                 " (a date field needs a model that takes the site's)", span, "bad-directive-argument");
      return "";
    }
    if (!figures::PriceDates(*page.eval, r, &dates)) {
      page.Error(d.line, a->second.value_col, "model '" + r.model + "' reads no price with an earlier dated value",
                 span, "bad-directive-argument");
      return "";
    }
    choices.as_of = dates;
  }
  if (chosen.empty() && choices.scenarios.empty() && !choices.as_of) {
    const Arg& m = d.args.at("model");
    page.Error(d.line, m.value_col, "model '" + r.model + "' has no parameter with `input:` (see pricing.md)",
               static_cast<int>(m.value.size()), "bad-directive-argument");
    return "";
  }
  if (CostOutput* out = page.ctx.out) out->whatif_models.push_back(r.model);
  return figures::InputsForm(r, chosen, choices, page.ctx.Speaker());
}

}  // namespace costsite::markdown
