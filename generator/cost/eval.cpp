// Evaluation of formula trees: names, prices, operators with dimensional
// analysis and interval arithmetic.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "base/suggest.h"
#include "cost/engine.h"

namespace costsite::cost {
namespace {

std::string RangeText(const Interval& v) { return v.lo.ToString() + " to " + v.hi.ToString(); }



// The count nouns of a unit as written, each with the power it has: "gpus/
// node" is gpu¹ node⁻¹. A count noun (units.yaml's `gpu`, built-in
// `requests`) has no dimension, so dimensions alone cannot tell 24 GPUs from
// 24 nodes; these terms can. Spellings are one noun in either number
// ("node", "nodes"); `spelled` keeps the first spelling seen.
struct CountTerms {
  std::map<std::string, int> power;
  std::map<std::string, std::string> spelled;
  bool operator==(const CountTerms& o) const { return power == o.power; }
};

std::string CountKey(std::string_view term) {
  std::string key(term);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key.size() > 2 && key.back() == 's') key.pop_back();
  return key;
}

// Calls each(term, op) for the terms of a unit's text as ParseUnit reads
// them, left to right: `op` is '/' for a term that divides, else '*' (the
// first term's too), and the term is trimmed of spaces.
template <class Each>
void ForEachUnitTerm(std::string_view text, Each&& each) {
  char op = '*';
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '*' && text[i] != '/') continue;
    std::string_view term = text.substr(start, i - start);
    while (!term.empty() && term.front() == ' ') term.remove_prefix(1);
    while (!term.empty() && term.back() == ' ') term.remove_suffix(1);
    each(term, op);
    if (i < text.size()) op = text[i];
    start = i + 1;
  }
}

bool IsCountNoun(std::string_view term, const UnitTable& units) {
  const Unit* u = term.empty() || term == "%" ? nullptr : units.Find(term);
  return u && u->dim.IsNone() && u->scale == Decimal(1);
}

CountTerms CountsOf(const std::optional<Unit>& unit, const UnitTable& units, int sign = 1,
                    CountTerms out = {}) {
  if (!unit) return out;
  ForEachUnitTerm(unit->text, [&](std::string_view term, char op) {
    if (!IsCountNoun(term, units)) return;
    const std::string key = CountKey(term);
    out.spelled.emplace(key, std::string(term));
    if ((out.power[key] += sign * (op == '/' ? -1 : 1)) == 0) out.power.erase(key);
  });
  return out;
}

// `display` with its count nouns made `want`: those it has dropped, then
// `want`'s appended ("vcpus/node" wanting none is "vcpus"; no unit wanting
// gpu¹ is "gpus"). nullopt when that is no unit ParseUnit reads, or a noun
// would have to multiply a unit that has other terms.
std::optional<Unit> WithCounts(const std::optional<Unit>& display, const CountTerms& want, const UnitTable& units) {
  std::string kept;  // the terms that are not count nouns, as written
  if (display) {
    ForEachUnitTerm(display->text, [&](std::string_view term, char op) {
      if (term.empty() || IsCountNoun(term, units)) return;
      if (!kept.empty() || op == '/') kept += op;
      kept += std::string(term);
    });
  }
  std::string over, under;
  for (const auto& [key, power] : want.power) {
    if (power == 1 && over.empty()) over = want.spelled.at(key);
    else if (power == -1) under += "/" + (units.Find(key) ? key : want.spelled.at(key));  // per node, not per nodes
    else return std::nullopt;
  }
  if (!over.empty() && !kept.empty()) return std::nullopt;
  std::string text = (over.empty() ? kept : over) + under;
  if (text.empty() || text.front() == '/') return std::nullopt;
  return ParseUnit(text, units, nullptr);
}

// A unit for `l op r` made of the terms its operands were written in, where
// the canonical unit reads as no author wrote it: 10 USD / 2 months is
// "USD/month" (not 0.00685 USD/h), 100 GB × 2 months "GB*months" (not
// 146000000000000 h*B), 2 GPUs × 10 h "gpus*h" (not 20 h), 3 nodes × 500
// h/month "nodes*h/month" (not 2.05 nodes). Terms of one unit cancel (USD/month
// × months is USD; `*cancelled` says when every term did: a plain number).
// nullopt when an operand with a unit was not written with one, or a kind
// would be measured by more than two terms, or raised to a power. Money drops the count nouns it is multiplied
// by: 2 GPUs × 3 USD/h is 6 USD/h, such a price being per GPU.
// Two or more kinds besides time (USD/B, B/request is one: counts have no
// dimension): a unit made of canonical units reads as nobody wrote it.
bool MixesMeasures(const Dimension& dim) {
  int kinds = 0;
  for (int b = 0; b < kBaseDimCount; ++b) kinds += b != kTime && dim.exp[b] != 0;
  return kinds >= 2;
}

std::optional<Unit> ComposedUnit(const Value& l, const Value& r, char op, const Dimension& dim,
                                 const UnitTable& units, bool* cancelled = nullptr) {
  struct Term {
    std::string text;
    Unit unit;
    int power;
    int operand;
  };
  std::vector<Term> terms;
  bool ok = true;
  auto add = [&](const Value& v, int sign, int operand) {
    if (!v.display) {
      ok = ok && v.dim.IsNone();
      return;
    }
    ForEachUnitTerm(v.display->text, [&](std::string_view text, char term_op) {
      if (!ok || text.empty()) return;
      std::optional<Unit> u = text == "%" ? std::nullopt : ParseUnit(text, units, nullptr);
      if (!u) {
        ok = false;
        return;
      }
      const int power = sign * (term_op == '/' ? -1 : 1);
      const bool noun = IsCountNoun(text, units);
      for (Term& t : terms) {
        const bool same = noun ? IsCountNoun(t.text, units) && CountKey(t.text) == CountKey(text)
                               : t.unit.scale == u->scale && t.unit.dim == u->dim;
        if (same) {
          t.power += power;
          return;
        }
      }
      terms.push_back({std::string(text), std::move(*u), power, operand});
    });
  };
  add(l, 1, 0);
  add(r, op == '/' ? -1 : 1, 1);
  if (!ok) return std::nullopt;
  std::erase_if(terms, [](const Term& t) { return t.power == 0; });
  const bool money = std::any_of(terms.begin(), terms.end(), [](const Term& t) { return t.unit.dim.IsMoney(); });
  if (money)
    std::erase_if(terms, [&](const Term& t) { return t.power > 0 && IsCountNoun(t.text, units); });
  // One kind measured twice, over and under: kept as a ratio where one
  // operand wrote it so (5 GB × 500 h/month is GB*h/month) or where nothing
  // but counts is left beside it (24 h/day × 30 days/month is h/month); else
  // the two make a number (USD/h × 2 months is USD, 100 GB/s × 1 h GB).
  std::array<size_t, kBaseDimCount> first{};
  first.fill(terms.size());
  std::vector<bool> drop(terms.size(), false);
  for (size_t i = 0; i < terms.size(); ++i) {
    const Term& t = terms[i];
    if (t.power != 1 && t.power != -1) return std::nullopt;
    for (int b = 0; b < kBaseDimCount; ++b) {
      if (t.unit.dim.exp[b] == 0) continue;
      if (first[b] == terms.size()) {
        first[b] = i;
        continue;
      }
      const Term& other = terms[first[b]];
      if (other.power == t.power || drop[first[b]]) return std::nullopt;  // a third, or a square
      if (other.operand == t.operand) continue;
      const bool more = std::any_of(terms.begin(), terms.end(), [&](const Term& u) {
        return u.unit.dim.exp[b] == 0 && !IsCountNoun(u.text, units);
      });
      if (more) drop[first[b]] = drop[i] = true;
    }
  }
  for (size_t i = terms.size(); i-- > 0;)
    if (drop[i]) terms.erase(terms.begin() + static_cast<std::ptrdiff_t>(i));
  if (terms.empty()) {
    if (cancelled) *cancelled = dim.IsNone();
    return std::nullopt;
  }
  std::string over, under;
  for (const Term& t : terms) {
    if (t.power > 0) {
      over += (over.empty() ? "" : "*") + t.text;
      continue;
    }
    // Per month, not per months; a scaled term keeps its plural ("1M tokens").
    std::string_view one(t.text);
    if (one.find(' ') == one.npos && one.size() > 2 && one.back() == 's') {
      one.remove_suffix(1);
      const Unit* u = units.Find(one);
      if (!u || !(u->scale == t.unit.scale) || !(u->dim == t.unit.dim)) one = t.text;
    }
    under += "/" + std::string(one);
  }
  if (over.empty()) return std::nullopt;
  std::optional<Unit> made = ParseUnit(over + under, units, nullptr);
  if (!made || !(made->dim == dim)) return std::nullopt;
  return made;
}

// A value in a ratio of measures of one kind, as written: 500 h/month, 2
// GB/TB. It has no dimension, so the rules that keep an operand's unit of
// the result's dimension would keep the other operand's and hide it (3 nodes
// × 500 h/month read 2.05 nodes).
bool IsMeasureRatio(const Value& v, const UnitTable& units) {
  if (!v.display || !v.dim.IsNone()) return false;
  bool measured = false;
  ForEachUnitTerm(v.display->text, [&](std::string_view term, char) {
    if (measured || term.empty() || term == "%" || IsCountNoun(term, units)) return;
    std::optional<Unit> u = ParseUnit(term, units, nullptr);
    measured = u && !u->dim.IsNone();
  });
  return measured;
}

}  // namespace

std::string RangeSource(const std::string& model, const Origin& o, size_t offset) {
  std::string name = model + "|" + std::string(o.id);
  if (!o.part.empty()) name += "." + std::string(o.part);
  if (!o.scenario.empty()) name += "[" + std::string(o.scenario) + "]";
  return name + "@" + std::to_string(offset);
}

std::optional<Value> Engine::Number(const Node& n, Scope& s, const Value& v, std::string_view what) {
  if (!v.is_bool) return v;
  Fail(n, s, std::string(what) + " needs a number, not true/false", "type-mismatch");
  return std::nullopt;
}

std::string Engine::ModelCurrency(const Scope& s, const Value& fallback) const {
  const std::shared_ptr<const Unit>& total = models_[s.model]->total_unit;
  return total && total->dim.IsMoney() ? total->dim.currency : fallback.dim.currency;
}

bool Engine::Same(const Node& at, Scope& s, const Value& a, const Value& b, std::string_view verb) {
  if (a.is_bool || b.is_bool) {
    Fail(at, s, "cannot " + std::string(verb) + " true/false values", "type-mismatch");
    return false;
  }
  if (a.dim == b.dim) return true;
  std::string hint;
  if (a.dim.IsMoney() && b.dim.IsMoney() && a.dim.currency != b.dim.currency) {
    hint = " (convert with fx(x, " + ModelCurrency(s, a) + "))";
  }
  Fail(at, s, "unit mismatch: cannot " + std::string(verb) + " " + UnitText(a) + " and " + UnitText(b) + hint,
       "unit-mismatch");
  return false;
}

std::optional<Value> Engine::Eval(const Node& n, Scope& s) {
  switch (n.kind) {
    case NodeKind::kNumber: {
      Value v;
      v.v = Interval(n.has_unit ? n.number * n.unit.scale : n.number);
      if (n.has_unit) {
        v.dim = n.unit.dim;
        v.display = n.unit;
      }
      return v;
    }
    case NodeKind::kBool: return Value{true, n.flag, {}, {}, std::nullopt};
    case NodeKind::kName: return EvalName(n, s);
    case NodeKind::kPrice: return EvalPrice(n, s);
    case NodeKind::kCall: return EvalCall(n, s);
    case NodeKind::kUnitArg:
      Fail(n, s, "a unit is not a value here", "malformed-formula");
      return std::nullopt;
    case NodeKind::kNegate: {
      auto v = Eval(*n.args[0], s);
      if (!v || !Number(n, s, *v, "'-'")) return std::nullopt;
      v->v = -v->v;
      return v;
    }
    case NodeKind::kBinary: return EvalBinary(n, s);
    case NodeKind::kCompare: return EvalCompare(n, s);
    case NodeKind::kRange: return EvalRange(n, s);
    case NodeKind::kSelect:  // the parser makes these only as arguments of actual()
      Fail(n, s, "a selection is only an argument of actual()", "malformed-formula");
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Value> Engine::FromPrior(const Node& n, Scope& s, std::string_view model,
                                       std::string_view scenario, std::string_view figure) {
  const ModelResult* r = prior_ ? prior_->Find(model, scenario) : nullptr;
  const Figure* f = r ? r->Find(figure) : nullptr;
  if (!f) {
    Fail(n, s, "unknown reference '" + n.name + "'", "unknown-reference");
    return std::nullopt;
  }
  Value v;
  if (f->is_bool) {
    v.is_bool = true;
    v.flag = f->bool_value;
  } else {
    v.v = f->value * Interval(f->unit->scale);
    v.dim = f->unit->dim;
    v.display = f->unit;
  }
  if (s.trace) {
    InputUse in;
    in.name = n.name;
    in.label = f->label;
    InputScenario read_in{std::string(scenario), {}};
    for (const ScenarioInfo& sc : r->scenarios)
      if (sc.id == scenario) read_in.label = sc.label;
    in.scenario = std::move(read_in);
    s.trace->AddInput(std::move(in), v);
    s.trace->Absorb(f->explain);
  }
  return v;
}

std::optional<Value> Engine::EvalName(const Node& n, Scope& s) {
  const Entry* e = nullptr;
  Lookup found = Lookup::kUnknown;
  size_t from_model = s.model;  // the model and figure the name resolved to
  std::string figure_id = n.name;
  if (n.scenario.empty()) found = Get(s.model, s.scenario, n.name, &s, &n, &e);
  if (found == Lookup::kFailed) return std::nullopt;
  if (found == Lookup::kUnknown) {
    // model.figure or model[scenario].figure; a model id may itself contain dots.
    for (size_t dot = n.name.find('.'); dot != std::string::npos; dot = n.name.find('.', dot + 1)) {
      std::string model = n.name.substr(0, dot), figure = n.name.substr(dot + 1);
      auto it = model_index_.find(model);
      if (it == model_index_.end()) {
        if (prior_ && prior_->Find(model)) return FromPrior(n, s, model, n.scenario, figure);
        continue;
      }
      if (!n.scenario.empty() && !FindScenario(it->second, n.scenario)) {
        Fail(n, s, "unknown scenario '" + n.scenario + "' in model '" + model + "'", "unknown-reference");
        return std::nullopt;
      }
      found = Get(it->second, n.scenario, figure, &s, &n, &e);
      from_model = it->second;
      figure_id = figure;
      if (found == Lookup::kFailed) return std::nullopt;
      if (found == Lookup::kUnknown) {
        Fail(n, s, "unknown figure '" + figure + "' in model '" + model + "'", "unknown-reference");
        return std::nullopt;
      }
      break;
    }
  }
  if (found == Lookup::kFound && e->undefined) {
    Fail(n, s, "'" + n.name + "' is undefined: it is a share of a total that is zero", "undefined-share");
    return std::nullopt;
  }
  if (found != Lookup::kFound) {
    // model.figure of a model whose file is not YAML.
    for (size_t dot = n.name.find('.'); dot != std::string::npos; dot = n.name.find('.', dot + 1)) {
      if (!prices_.UnparsedFileOf(n.name.substr(0, dot))) continue;
      ReportUnknown(*s.src, n.offset, n.length, "unknown reference '" + n.name + "'", n.name.substr(0, dot));
      return std::nullopt;
    }
    std::string msg = "unknown reference '" + n.name + "'";
    if (units_.IsUnitName(n.name)) msg += ": a unit needs a number before it (1 " + n.name + ")";
    if (n.name == "total" && !models_[s.model]->total_unit) msg += ": the model declares no unit, so it has no total";
    Fail(n, s, msg, "unknown-reference");
    return std::nullopt;
  }
  if (s.trace) {
    std::string name = n.scenario.empty() ? n.name : n.name + " [" + n.scenario + "]";
    s.trace->AddInput(NameInput(std::move(name), from_model, figure_id, n.scenario), e->value);
    s.trace->Absorb(e->explain);
  }
  return e->value;
}

bool Engine::ResolvePrice(const Node& n, Scope& s, PriceFound* out) {
  const CompiledEntry* entry = prices_.Find(n.name);
  if (!entry) {
    std::string_view tail = std::string_view(n.name).substr(n.name.find('/') + 1);
    ReportUnknown(*s.src, n.offset, n.length,
                  "unknown price '@" + n.name + "'" + DidYouMean(tail, prices_.NamesNear(n.name)),
                  prices_.UnparsedFileOf(n.name) ? std::string_view(n.name)  // the entry had an error
                                                 : std::string_view(n.name).substr(0, n.name.find('/')));
    return false;
  }
  const std::string date = DateOf(s.model, s.scenario);
  std::string variant = n.variant;
  const ScenarioDef* sc = s.scenario.empty() ? nullptr : FindScenario(s.model, s.scenario);
  bool chosen = false;  // by the scenario's `variants:`, which Check has judged already
  if (variant.empty() && sc) {
    for (const VariantChoice& c : sc->variants) {
      if (c.price == "@" + n.name || c.price == n.name) variant = c.variant, chosen = true;
    }
    if (variant.empty() && !sc->variant.empty() && prices_.HasVariant(*entry, sc->variant, date)) {
      variant = sc->variant;
    }
  }
  if (variant.empty()) variant = "on_demand";
  std::string error;
  if (!prices_.Lookup(*entry, variant, date, out, &error)) {
    // A variant the price never has was reported at the scenario's line.
    std::vector<std::string> known = chosen ? VariantNames({entry}) : std::vector<std::string>{};
    if (!chosen || std::find(known.begin(), known.end(), variant) != known.end()) Fail(n, s, error, "price-date");
    return false;
  }
  return true;
}

std::optional<Value> Engine::EvalPrice(const Node& n, Scope& s) {
  PriceFound found;
  if (!ResolvePrice(n, s, &found)) return std::nullopt;
  if (const auto& tiers = found.use->shape->tiers) {
    Fail(n, s, "price '@" + found.use->id + "' is priced in tiers by " + tiers->by.text + ": write tiered(@" +
                   n.name + (n.variant.empty() ? "" : ":" + n.variant) + ", quantity)",
         "tiered-price");
    return std::nullopt;
  }
  if (s.trace) s.trace->AddPrice(Shared<PriceUse>(found.use));
  return Value{false, false, found.value, found.dim, found.unit};
}

// A long chain such as a + b + c + … parses as a left-deep tree. Walking its
// left spine in a loop keeps the recursion depth constant however long the
// chain is (sanitizer builds have frames large enough for 1,000 nested calls
// to exhaust the stack).
std::optional<Value> Engine::EvalBinary(const Node& n, Scope& s) {
  std::vector<const Node*> spine;
  for (const Node* cur = &n; cur->kind == NodeKind::kBinary && cur->op != "^"; cur = cur->args[0].get())
    spine.push_back(cur);
  if (spine.empty()) {  // a power: right-associative, evaluated as it stands
    auto l = Eval(*n.args[0], s);
    if (!l) return std::nullopt;
    return CombineBinary(n, s, std::move(*l));
  }
  std::optional<Value> acc = Eval(*spine.back()->args[0], s);
  for (auto it = spine.rbegin(); it != spine.rend() && acc; ++it) acc = CombineBinary(**it, s, std::move(*acc));
  return acc;
}

std::optional<Value> Engine::CombineBinary(const Node& n, Scope& s, Value left) {
  std::optional<Value> l(std::move(left));
  auto r = Eval(*n.args[1], s);
  if (!r) return std::nullopt;
  const std::string& op = n.op;
  if (op == "+" || op == "-") {
    if (!Same(n, s, *l, *r, op == "+" ? "add" : "subtract")) return std::nullopt;
    Value out = *l;
    out.v = op == "+" ? l->v + r->v : l->v - r->v;
    if (!out.display) out.display = r->display;
    return out;
  }
  if (!Number(*n.args[0], s, *l, "'" + op + "'") || !Number(*n.args[1], s, *r, "'" + op + "'")) {
    return std::nullopt;
  }
  if (op == "^") return EvalPower(n, s, *l, *r);
  auto dim = op == "*" ? Multiply(l->dim, r->dim) : Divide(l->dim, r->dim);
  if (!dim) {
    Fail(n, s, std::string("unit mismatch: cannot ") + (op == "*" ? "multiply " : "divide ") +
                   UnitText(*l) + (op == "*" ? " by " : " by ") + UnitText(*r) +
                   " (convert with fx(x, " + ModelCurrency(s, *l) + "))",
         "unit-mismatch");
    return std::nullopt;
  }
  Value out;
  out.dim = *dim;
  if (op == "*") {
    out.v = l->v * r->v;
  } else {
    auto q = Divide(l->v, r->v);
    if (!q) {
      Fail(*n.args[1], s,
           r->v.IsPoint() ? "division by zero"
                          : "division by a range that contains zero (" + RangeText(r->v) + ")",
           "division-by-zero");
      return std::nullopt;
    }
    out.v = *q;
  }
  std::optional<Unit> composed;
  bool cancelled = false;
  if (IsMeasureRatio(*l, units_) || IsMeasureRatio(*r, units_))
    composed = ComposedUnit(*l, *r, op[0], out.dim, units_, &cancelled);
  if (composed) out.display = std::move(composed);
  else if (cancelled) out.display.reset();  // 500 h/month / (730 h/month): a plain number
  else if (l->display && l->dim == out.dim) out.display = l->display;
  else if (r->display && r->dim == out.dim && op == "*") out.display = r->display;
  else out.display = PerTimeUnit(out.dim, *l, *r, units_);
  // Money per time per a measure reads in the operands' terms: 10,551 USD/month
  // over 600 TiB is 17.59 USD/month/TiB, where the canonical unit made it
  // 0.000000000016 USD/B/month.
  if (out.display && MixesMeasures(out.dim))
    if (auto c = ComposedUnit(*l, *r, op[0], out.dim, units_)) out.display = std::move(c);
  if (!out.display && !out.dim.IsNone()) out.display = ComposedUnit(*l, *r, op[0], out.dim, units_);
  // The count nouns must come out too: 3 nodes × 8 gpus/node is 24 GPUs,
  // not 24 nodes, though both have no dimension.
  const CountTerms want = CountsOf(r->display, units_, op == "*" ? 1 : -1, CountsOf(l->display, units_));
  if (!(CountsOf(out.display, units_) == want)) {
    const std::optional<Unit>* candidates[] = {&l->display, &r->display};
    bool found = false;
    for (const std::optional<Unit>* c : candidates) {
      if (*c && (*c)->dim == out.dim && CountsOf(*c, units_) == want) {
        out.display = **c;
        found = true;
        break;
      }
    }
    if (!found) {
      if (auto composed = ComposedUnit(*l, *r, op[0], out.dim, units_); composed && CountsOf(composed, units_) == want)
        out.display = std::move(composed);
      else if (auto made = WithCounts(out.display, want, units_); made && made->dim == out.dim) out.display = made;
      else if (want.power.empty() && out.dim.IsNone()) out.display.reset();  // the nouns cancel: a plain number
    }
  }
  return out;
}

std::optional<Value> Engine::EvalCompare(const Node& n, Scope& s) {
  auto l = Eval(*n.args[0], s);
  if (!l) return std::nullopt;
  auto r = Eval(*n.args[1], s);
  if (!r) return std::nullopt;
  const std::string& op = n.op;
  Value out{true, false, {}, {}, std::nullopt};
  if (l->is_bool && r->is_bool && (op == "==" || op == "!=")) {
    out.flag = (l->flag == r->flag) == (op == "==");
    return out;
  }
  if (!Same(n, s, *l, *r, "compare")) return std::nullopt;
  const Interval& a = l->v;
  const Interval& b = r->v;
  // A comparison of ranges holds only if it holds for every pair of values.
  bool eq_point = a.IsPoint() && b.IsPoint() && a.lo.NearlyEquals(b.lo);
  if (op == "<") out.flag = a.hi < b.lo && !a.hi.NearlyEquals(b.lo);
  if (op == "<=") out.flag = a.hi <= b.lo || a.hi.NearlyEquals(b.lo);
  if (op == ">") out.flag = a.lo > b.hi && !a.lo.NearlyEquals(b.hi);
  if (op == ">=") out.flag = a.lo >= b.hi || a.lo.NearlyEquals(b.hi);
  if (op == "==") out.flag = eq_point;
  if (op == "!=") out.flag = (a.hi < b.lo || b.hi < a.lo) && !eq_point;
  return out;
}

std::optional<Value> Engine::EvalRange(const Node& n, Scope& s) {
  auto l = Eval(*n.args[0], s);
  if (!l) return std::nullopt;
  auto r = Eval(*n.args[1], s);
  if (!r || !Same(n, s, *l, *r, "make a range of")) return std::nullopt;
  if (l->v.lo > r->v.hi) {
    Fail(n, s, "the lower end of the range is above its upper end", "malformed-formula");
    return std::nullopt;
  }
  Value out = *r;
  out.v = Uncertain(Interval(l->v.lo, r->v.hi), RangeSource(models_[s.model]->def->id, s.origin, n.offset));
  if (!out.display) out.display = l->display;
  return out;
}

}  // namespace costsite::cost
