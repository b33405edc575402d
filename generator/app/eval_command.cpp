#include "app/eval_command.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "base/fs_util.h"
#include "base/localized.h"
#include "base/suggest.h"
#include "cost/prices.h"
#include "cost/evaluation.h"
#include "cost/units.h"
#include "content/site_layout.h"
#include "figures/plain.h"
#include "load/site_loader.h"
#include "pricing/pricing.h"

namespace costsite {
namespace {

using cost::Figure;
using cost::ModelResult;

std::string Qualified(const ModelResult& r, const std::string& figure) {
  return r.model + (r.scenario.empty() ? "" : "[" + r.scenario + "]") + "." + figure;
}

void PrintExplanation(const cost::Explanation& e, std::ostream& out) {
  if (!e.formula.empty()) out << "    formula: " << e.formula << "\n";
  for (const auto& in : e.inputs) out << "    input: " << in.name << " = " << figures::PlainInput(in) << "\n";
  for (const cost::PriceUse& p : e.prices) {
    if (p.actual) {
      out << "    actual: " << p.id << (p.variant.empty() ? "" : " [" + p.variant + "]") << " = " << figures::PlainPrice(p) << " (" << (p.date.empty() ? "all periods" : p.date)
          << ", FOCUS export " << p.source << ", " << p.lines << (p.lines == 1 ? " line)\n" : " lines)\n");
      continue;
    }
    out << "    price: @" << p.id << (p.variant == "on_demand" ? "" : ":" + p.variant) << " = "
        << figures::PlainPrice(p) << " (" << p.date << (p.source.empty() ? "" : ", " + p.source) << ")\n";
    if (!p.shape->empty()) out << "      shape: " << figures::PlainPriceShape(p.shape) << "\n";
  }
  for (const auto& fx : e.fx) out << "    fx: " << figures::PlainFx(fx) << "\n";
  for (const auto& c : e.conversions) {
    out << "    conversion: " << figures::PlainAmount(c.from_value, c.from) << " × "
        << figures::PlainAmount(c.factor, c.factor_unit) << " = " << figures::PlainAmount(c.to_value, c.to) << "\n";
  }
}

void PrintHuman(const ModelResult& r, const std::string& only, bool explain, std::ostream& out) {
  for (const Figure* f : r.AllFigures()) {
    if (!only.empty() && f->id != only) continue;
    out << Qualified(r, f->id) << " = " << figures::PlainFigure(*f) << "\n";
    if (explain) PrintExplanation(f->explain, out);
  }
  if (!only.empty()) return;
  for (const auto& rule : r.rules) {
    out << Qualified(r, "rule." + rule.id) << " = " << (rule.holds ? "true" : "false") << "\n";
  }
  for (const auto& x : r.expectations) {
    out << Qualified(r, "expect." + x.figure) << ": stated " << x.stated_text << ", computed "
        << figures::PlainAmount(x.computed, x.unit) << ": "
        << (x.ok ? "ok" : x.known_discrepancy ? "known discrepancy" : "MISMATCH") << "\n";
  }
}

// A text in several languages as the schema writes it: {"en": …, "zh": …}.
// (nlohmann would write LocalizedText, a list of pairs, as [["en", …], …].)
nlohmann::json LocalizedJson(const LocalizedText& t) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [lang, text] : t) j[lang] = text;
  return j;
}

// A price's shape, the fields it has: {"percent": "50", "of": "on_demand"},
// {"hours": "16:30-00:30"}, {"tiers": {"basis", "by", "steps": [{"from" or "above", "price"}]}}.
nlohmann::json ShapeJson(const cost::PriceShape& shape) {
  nlohmann::json j = nlohmann::json::object();
  if (shape.percent) j["percent"] = shape.percent->ToString(), j["of"] = shape.of;
  if (!shape.hours.empty()) j["hours"] = shape.hours;
  if (shape.tiers) {
    nlohmann::json steps = nlohmann::json::array();
    for (const cost::TierStep& step : shape.tiers->steps) {
      const cost::Interval& v = step.price;
      steps.push_back({{step.above ? "above" : "from", step.from.ToString()},
                       {"price", v.IsPoint() ? v.lo.ToString() : v.lo.ToString() + " to " + v.hi.ToString()}});
    }
    j["tiers"] = {{"basis", shape.tiers->marginal ? "marginal" : "whole"}, {"by", shape.tiers->by.text}, {"steps", steps}};
  }
  return j;
}

nlohmann::json ExplainJson(const cost::Explanation& e) {
  nlohmann::json j = {{"formula", e.formula}, {"inputs", nlohmann::json::array()},
                      {"prices", nlohmann::json::array()}, {"fx", nlohmann::json::array()}};
  for (const auto& in : e.inputs) j["inputs"].push_back({{"name", in.name}, {"value", figures::PlainInput(in)}});
  for (const auto& fx : e.fx) j["fx"].push_back(figures::PlainFx(fx));
  for (const cost::PriceUse& p : e.prices) {
    j["prices"].push_back({{"id", p.id}, {"variant", p.variant}, {"value", figures::PlainPrice(p)},
                           {"date", p.date}, {"source", p.source}});
    if (p.actual) {
      j["prices"].back()["actual"] = true;
      j["prices"].back()["lines"] = p.lines;
    }
    if (!p.shape->empty()) j["prices"].back()["shape"] = ShapeJson(p.shape);
  }
  return j;
}

nlohmann::json FigureJson(const Figure& f, bool explain) {
  nlohmann::json j = {{"id", f.id}};
  if (f.is_bool) {
    j["bool"] = f.bool_value;
  } else {
    j["lo"] = f.value.lo.ToString();
    j["hi"] = f.value.hi.ToString();
    j["unit"] = f.unit->text;
    j["currency"] = f.Currency();
  }
  j["text"] = figures::PlainFigure(f);
  if (explain) j["explain"] = ExplainJson(f.explain);
  return j;
}

nlohmann::json ModelJson(const ModelResult& r, const std::string& only, bool explain) {
  nlohmann::json j = {{"model", r.model}, {"scenario", r.scenario}, {"as_of", r.as_of},
                      {"title", LocalizedJson(r.title)}, {"figures", nlohmann::json::array()}};
  for (const Figure* f : r.AllFigures()) {
    if (only.empty() || f->id == only) j["figures"].push_back(FigureJson(*f, explain));
  }
  if (!only.empty()) return j;
  j["rules"] = nlohmann::json::array();
  for (const auto& rule : r.rules) j["rules"].push_back({{"id", rule.id}, {"holds", rule.holds}});
  j["expectations"] = nlohmann::json::array();
  for (const auto& x : r.expectations) {
    j["expectations"].push_back({{"figure", x.figure}, {"stated", x.stated_text},
                                 {"stated_lo", x.stated.lo.ToString()}, {"stated_hi", x.stated.hi.ToString()},
                                 {"computed_lo", x.computed.lo.ToString()},
                                 {"computed_hi", x.computed.hi.ToString()}, {"unit", x.unit.text},
                                 {"ok", x.ok}, {"known_discrepancy", x.known_discrepancy}});
  }
  return j;
}

// The results `req` asks for, or an error message. A model id may contain
// dots, so "a.b.c" is tried as model "a.b.c", then "a" + "b.c", then "a.b" + "c".
std::vector<const ModelResult*> Select(const cost::Evaluation& ev, EvalRequest req, std::string* figure,
                                       std::string* error) {
  // "model[scenario]" and "model[scenario].figure", as Markdown writes them.
  if (size_t open = req.target.find('['); open != std::string::npos) {
    size_t close = req.target.find(']', open);
    bool tail_ok = close != std::string::npos &&
                   (close + 1 == req.target.size() || req.target[close + 1] == '.');
    if (!tail_ok || close == open + 1 || open == 0) {
      *error = "malformed target '" + req.target + "': write MODEL, MODEL.FIGURE or MODEL[SCENARIO].FIGURE";
      return {};
    }
    std::string scenario = req.target.substr(open + 1, close - open - 1);
    if (!req.scenario.empty() && req.scenario != scenario) {
      *error = "the target names scenario '" + scenario + "' and --scenario names '" + req.scenario + "'";
      return {};
    }
    req.scenario = scenario;
    req.target = req.target.substr(0, open) + req.target.substr(close + 1);
  }
  std::string model = req.target;
  if (!model.empty() && !ev.Find(model)) {
    model.clear();
    for (size_t dot = req.target.find('.'); dot != std::string::npos && model.empty();
         dot = req.target.find('.', dot + 1)) {
      if (ev.Find(req.target.substr(0, dot))) {
        model = req.target.substr(0, dot);
        *figure = req.target.substr(dot + 1);
      }
    }
    if (model.empty()) {
      std::vector<std::string> ids;
      for (const auto& r : ev.results())
        if (r.scenario.empty()) ids.push_back(r.model);
      size_t dot = req.target.find('.');
      std::string typed = req.target.substr(0, dot);
      *error = "unknown model '" + typed + "'" + DidYouMean(typed, ids);
      return {};
    }
  }
  std::vector<const ModelResult*> out;
  for (const auto& r : ev.results()) {
    if ((model.empty() || r.model == model) && r.scenario == req.scenario) out.push_back(&r);
  }
  if (out.empty() && model.empty() && req.scenario.empty()) {
    // No models at all: nothing to print, and nothing wrong.
  } else if (out.empty()) {
    std::set<std::string> ids;
    for (const auto& r : ev.results())
      if (model.empty() || r.model == model)
        for (const auto& sc : r.scenarios) ids.insert(sc.id);
    *error = "unknown scenario '" + req.scenario + "'" + (model.empty() ? "" : " of model '" + model + "'") +
             DidYouMean(req.scenario, {ids.begin(), ids.end()});
  } else if (!figure->empty() && !out[0]->Find(*figure)) {
    std::vector<std::string> ids;
    for (const cost::Figure* f : out[0]->AllFigures()) ids.push_back(f->id);
    *error = "unknown figure '" + *figure + "' in model '" + model + "'" + DidYouMean(*figure, ids);
    out.clear();
  }
  return out;
}

}  // namespace

int RunEval(const EvalRequest& req, std::ostream& out, Diagnostics& diags) {
  std::filesystem::path dir(req.source_dir);
  // site.yaml is optional here (a folder of models evaluates alone); when
  // present it is read as every command reads it.
  content::SiteConfig cfg;
  load::LoadConfig(dir, &cfg, &diags, /*required=*/false,
                   (dir / content::kConfigFile).lexically_normal().generic_string());
  pricing::Options options = load::PricingOptions(cfg);
  if (!req.as_of.empty()) {
    if (!cost::IsIsoDate(req.as_of)) {
      diags.Error({"--as-of", 1, 1}, "expected a date YYYY-MM-DD, got '" + req.as_of + "'", req.as_of,
                  static_cast<int>(req.as_of.size()), "usage");
      return 1;
    }
    options.as_of = req.as_of;  // as site.yaml's as_of: a model's or scenario's own wins
  }
  // Each --set is read as a one-line file named "--set", so a mistake in it
  // is shown with its column and a caret like any other.
  for (const std::string& set : req.sets) {
    size_t eq = set.find('=');
    cost::ParamSet p;
    p.target = cost::Located::OnLine(set.substr(0, eq), "--set", set, 1);
    if (eq == std::string::npos) {
      diags.Error(p.target.pos(), "expected MODEL.PARAMETER=VALUE, got '" + set + "'", set, static_cast<int>(set.size()),
                  "usage");
      continue;
    }
    p.value = cost::Located::OnLine(set.substr(eq + 1), "--set", set, static_cast<int>(eq) + 2);
    options.sets.push_back(std::move(p));
  }
  cost::Evaluation ev = load::LoadPricingWithActuals(dir, options, &diags);
  // A broken model does not hide the others: what evaluated is printed, the
  // errors are reported, and the exit status says that something failed.
  const bool failed = diags.HasErrors();
  // A --set that did not apply would print the author's figures as if they
  // answered the question asked: print nothing.
  for (const Diagnostic& d : diags.Sorted())
    if (d.severity == Severity::kError && d.pos.path == "--set") return 1;
  std::string figure, error;
  auto results = Select(ev, req, &figure, &error);
  if (!error.empty()) {
    // A target the failed models would have answered is not "unknown".
    if (!failed) diags.Error({}, error);
    return 1;
  }
  if (req.json) {
    nlohmann::json j = {{"version", 1}, {"models", nlohmann::json::array()}};
    for (const auto* r : results) j["models"].push_back(ModelJson(*r, figure, req.explain));
    out << j.dump(2) << "\n";
  } else {
    for (const auto* r : results) PrintHuman(*r, figure, req.explain, out);
  }
  return failed ? 1 : 0;
}

}  // namespace costsite
