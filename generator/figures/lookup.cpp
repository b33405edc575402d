#include "figures/lookup.h"

#include <algorithm>

#include "base/suggest.h"

namespace costsite::figures {

std::string FigureRef::ToString() const {
  return model + (scenario.empty() ? "" : "[" + scenario + "]") + "." + figure;
}

namespace {

std::vector<std::string> ModelIds(const cost::Evaluation& eval) {
  std::vector<std::string> out;
  for (const auto& r : eval.results())
    if (r.scenario.empty()) out.push_back(r.model);
  return out;
}

}  // namespace

bool ParseFigureRef(std::string_view text, const cost::Evaluation& eval, FigureRef* out,
                    std::string* error) {
  *out = {};
  size_t bracket = text.find('[');
  size_t dot = text.find('.');
  if (bracket != std::string_view::npos && (dot == std::string_view::npos || bracket < dot)) {
    size_t close = text.find(']', bracket);
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != '.') {
      *error = "expected model[scenario].figure, got '" + std::string(text) + "'";
      return false;
    }
    out->model = text.substr(0, bracket);
    out->scenario = text.substr(bracket + 1, close - bracket - 1);
    out->figure = text.substr(close + 2);
  } else {
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) {
      *error = "expected model.figure, got '" + std::string(text) + "'";
      return false;
    }
    out->model = text.substr(0, dot);
    out->figure = text.substr(dot + 1);
    // Model ids may hold dots too: prefer the longest prefix that is a model.
    for (size_t d = text.find('.', dot + 1); d != std::string_view::npos; d = text.find('.', d + 1)) {
      if (eval.Find(text.substr(0, d))) {
        out->model = text.substr(0, d);
        out->figure = text.substr(d + 1);
      }
    }
  }
  if (out->model.empty() || out->figure.empty()) {
    *error = "expected model.figure, got '" + std::string(text) + "'";
    return false;
  }
  return true;
}

namespace {

bool IdStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }
bool IdChar(char c) { return IdStart(c) || c == '.' || c == '-' || c == ':' || c == '/'; }

// An id at `*i` of `s`: advances past it; false when none starts there.
bool ReadId(std::string_view s, size_t* i) {
  if (*i >= s.size() || !IdStart(s[*i])) return false;
  while (*i < s.size() && IdChar(s[*i])) ++*i;
  return s[*i - 1] != '.' && s[*i - 1] != '-' && s[*i - 1] != ':' && s[*i - 1] != '/';
}

}  // namespace

bool IsReferenceSpan(std::string_view literal, const cost::Evaluation* eval) {
  if (literal.size() < 2 || (literal[0] != '=' && literal[0] != '!' && literal[0] != '?')) return false;
  const char last = literal.back();
  if (last == ' ' || last == '\t' || last == '\n') return false;
  std::string_view name = literal.substr(1, literal.find(' ') == std::string_view::npos ? std::string_view::npos
                                                                                       : literal.find(' ') - 1);
  // The first id names a known model: a reference, however mistyped after it.
  if (eval) {
    size_t end = name.find_first_of("[. ");
    for (size_t d = name.find('.'); d != std::string_view::npos; d = name.find('.', d + 1))
      if (eval->Find(name.substr(0, d))) return true;
    if (eval->Find(name.substr(0, end))) return true;
  }
  // model.figure (ids may hold dots) or model[scenario].figure
  size_t i = 0;
  if (!ReadId(name, &i)) return false;
  if (i == name.size()) return name.find('.') != std::string_view::npos;
  if (name[i] != '[') return false;
  ++i;
  if (!ReadId(name, &i) || i >= name.size() || name[i] != ']') return false;
  ++i;
  if (i >= name.size() || name[i] != '.') return false;
  ++i;
  return ReadId(name, &i) && i == name.size();
}

const cost::ModelResult* FindResult(const cost::Evaluation& eval, std::string_view model,
                                    std::string_view scenario, std::string* error) {
  const cost::ModelResult* base = eval.Find(model);
  if (!base) {
    *error = "unknown model '" + std::string(model) + "'" + DidYouMean(model, ModelIds(eval));
    return nullptr;
  }
  if (scenario.empty()) return base;
  if (const cost::ModelResult* r = eval.Find(model, scenario)) return r;
  std::vector<std::string> ids;
  for (const auto& s : base->scenarios) ids.push_back(s.id);
  *error = "unknown scenario '" + std::string(scenario) + "' of model '" + std::string(model) + "'" +
           DidYouMean(scenario, ids);
  return nullptr;
}

bool ResolveFigure(const cost::Evaluation& eval, const FigureRef& ref, const FormatOptions& opt,
                   cost::Figure* out, std::string* error) {
  const cost::ModelResult* r = FindResult(eval, ref.model, ref.scenario, error);
  if (!r) return false;
  const cost::Figure* f = r->Find(ref.figure);
  if (!f) {
    std::vector<std::string> ids;
    for (const cost::Figure* g : r->AllFigures()) ids.push_back(g->id);
    *error = "unknown figure '" + ref.ToString() + "'" + DidYouMean(ref.figure, ids);
    return false;
  }
  *out = *f;
  if (!opt.unit.empty() || !opt.currency.empty()) {
    std::string unit = opt.unit;
    if (unit.empty()) {
      if (!out->IsMoney()) {
        *error = "currency=" + opt.currency + " needs a money figure; '" + ref.ToString() + "' is in " +
                 (out->unit->text.empty() ? std::string("no unit") : out->unit->text);
        return false;
      }
      std::string per = out->Per();
      unit = opt.currency + (per.empty() ? "" : "/" + per);
    }
    cost::Figure converted;
    if (!eval.Reexpress(*out, *r, unit, &converted, error)) return false;
    *out = std::move(converted);
  }
  if (opt.percent && out->unit->text != "%") {
    if (!out->unit->text.empty() || out->is_bool) {
      *error = "percent needs a ratio; '" + ref.ToString() + "' is in " + out->unit->text;
      return false;
    }
    out->value = out->value * cost::Interval(cost::Decimal(100));
    out->unit = cost::PercentUnit();
  }
  return true;
}

}  // namespace costsite::figures
