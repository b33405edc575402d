#include "cost/engine.h"

#include "base/suggest.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace costsite::cost {

std::string UnitText(const Value& v) {
  std::string text = v.display ? v.display->text : FormatDimension(v.dim);
  return text.empty() ? "a number" : text;  // a bare number has no unit text
}

Interval InUnit(const Interval& v, const Unit& unit) {
  if (unit.scale == Decimal(1)) return v;
  return *Divide(v, Interval(unit.scale));
}

Interval InUnit(const Value& v, const Unit& unit) { return InUnit(v.v, unit); }

Unit ShownUnit(const Unit& unit) {
  // Money written with a number in front of its currency (a model's
  // `unit: 1000 USD/month`, the step of `ceil(total, 100 USD/month)`) is
  // shown in the currency's own unit: a currency symbol before a count of
  // thousands read $2,376/month as "$2.38", with neither scale nor month.
  const std::string& text = unit.text;
  const size_t space = text.find(' ');
  if (unit.dim.IsMoney() && space != std::string::npos && space > 0 && IsCurrencyCodeText(text.substr(space + 1)))
    if (std::optional<Decimal> n = Decimal::Parse(text.substr(0, space)); n && !n->IsNegative() && !n->IsZero())
      return Unit{unit.scale / *n, unit.dim, text.substr(space + 1), unit.declared};
  return unit;
}

Unit DisplayUnit(const Value& v) {
  if (v.display) return ShownUnit(*v.display);
  return Unit{Decimal(1), v.dim, FormatDimension(v.dim), {}};
}

namespace {

// Short lists are searched; from this size on, a set is kept beside them.
constexpr size_t kIndexFrom = 16;

std::string PriceKey(const PriceUse& p) { return p.id + '\0' + p.variant + '\0' + p.date; }

}  // namespace

bool Trace::NewInput(const std::string& name) {
  if (explain.inputs.size() < kIndexFrom) {
    for (const InputUse& in : explain.inputs) {
      if (in.name == name) return false;
    }
    return true;
  }
  if (input_names_.empty())
    for (const InputUse& in : explain.inputs) input_names_.insert(in.name);
  return input_names_.insert(name).second;
}

void Trace::AddInput(const InputUse& in) {
  if (NewInput(in.name)) explain.inputs.push_back(in);
}

void Trace::AddInput(InputUse in, const Value& v) {
  if (!NewInput(in.name)) return;
  in.is_bool = v.is_bool;
  in.bool_value = v.flag;
  if (!v.is_bool) {
    in.unit = InternUnit(DisplayUnit(v));
    in.value = InUnit(Ends(v.v), in.unit);
  }
  explain.inputs.push_back(std::move(in));
}

void Trace::AddPrice(const Shared<PriceUse>& p) {
  if (explain.prices.size() < kIndexFrom) {
    for (const auto& q : explain.prices) {
      if (q->id == p->id && q->variant == p->variant && q->date == p->date) return;
    }
  } else {
    if (price_keys_.empty())
      for (const auto& q : explain.prices) price_keys_.insert(PriceKey(q));
    if (!price_keys_.insert(PriceKey(p)).second) return;
  }
  explain.prices.push_back(p);  // shared, not copied
}

void Trace::AddFx(const FxUse& fx) {
  if (std::find(explain.fx.begin(), explain.fx.end(), fx) == explain.fx.end()) explain.fx.push_back(fx);
}

void Trace::AddConversion(const Value& v, const Unit& from, const Unit& to, const UnitTable& units) {
  if (v.is_bool) return;
  if (auto c = TimeConversion(InUnit(Ends(v.v), from), from, to, units)) explain.conversions.push_back(std::move(*c));
}

// Conversions are not absorbed: a referenced figure's value is shown as it
// is, in its own unit, among the inputs.
void Trace::Absorb(const Explanation& other) {
  for (const auto& p : other.prices) AddPrice(p);
  for (const auto& f : other.fx) AddFx(f);
}

Engine::Engine(const UnitTable& units, const PriceBook& prices, const Options& options,
               std::vector<const ModelDef*> models, const Evaluation* prior, Diagnostics& diags)
    : units_(units), prices_(prices), options_(options), prior_(prior), diags_(diags) {
  for (const ModelDef* def : models) {
    if (auto it = model_index_.find(def->id); it != model_index_.end()) {
      const Located& first = models_[it->second]->def->where;
      Report(def->where, 0, def->id.size(),
             "duplicate model id '" + def->id + "' (first defined at " + PlaceText(first.pos(), first.line()) + ")",
             "duplicate-id");
      continue;
    }
    if (prior_ && prior_->Find(def->id)) {
      Report(def->where, 0, def->id.size(), "duplicate model id '" + def->id + "'", "duplicate-id");
      continue;
    }
    model_index_.emplace(def->id, models_.size());
    defs_.push_back(def);
    models_.push_back(std::make_unique<Model>());
    models_.back()->def = def;
    Check(models_.size() - 1);
  }
}

Engine::Engine(const Engine& checked, std::vector<const ModelDef*> models, Diagnostics& diags)
    : units_(checked.units_), prices_(checked.prices_), options_(checked.options_), prior_(checked.prior_),
      diags_(diags), shared_parsed_(&checked.parsed_) {
  quiet_ = true;
  for (const ModelDef* def : models) {
    model_index_.emplace(def->id, models_.size());
    defs_.push_back(def);
    models_.push_back(std::make_unique<Model>());
    models_.back()->def = def;
    Check(models_.size() - 1);
  }
  quiet_ = false;
}

void Engine::ReleaseChecked(size_t m) {
  models_[m].reset();
}

ModelGroups::ModelGroups(size_t n) : parent_(n) {
  for (size_t m = 0; m < n; ++m) parent_[m] = m;
}

size_t ModelGroups::Root(size_t m) {
  while (parent_[m] != m) m = parent_[m] = parent_[parent_[m]];
  return m;
}

void ModelGroups::Join(size_t a, size_t b) {
  a = Root(a), b = Root(b);
  if (a != b) parent_[std::max(a, b)] = std::min(a, b);
}

std::vector<std::vector<size_t>> ModelGroups::Groups(const std::vector<char>& keep) {
  std::vector<std::vector<size_t>> groups;
  std::vector<size_t> group_of(parent_.size(), SIZE_MAX);
  for (size_t m = 0; m < parent_.size(); ++m) {
    if (!keep.empty() && !keep[m]) continue;
    size_t r = Root(m);
    if (group_of[r] == SIZE_MAX) group_of[r] = groups.size(), groups.emplace_back();
    groups[group_of[r]].push_back(m);
  }
  return groups;
}

std::vector<std::vector<size_t>> Engine::Groups() {
  ModelGroups joined(models_.size());
  for (size_t m = 0; m < models_.size(); ++m) {
    for (const std::string& id : ModelsRead(m)) {
      auto it = model_index_.find(id);
      if (it == model_index_.end()) continue;  // a model of the prior evaluation
      joined.Join(m, it->second);
    }
    // What the model reads is known now (ModelsRead keeps it): its parses go,
    // and the engine of its group parses them again. Kept until the groups
    // were evaluated, every model's parses were held at once, the largest
    // part of a build's peak at one model per report (3.3 KB a model; 165 MB
    // at 50,000), for parsing each formula once. A formula that failed to
    // parse keeps its empty entry, so that its error is not reported again.
    for (const Located* src : FormulasOf(*models_[m]->def)) {
      auto it = parsed_.find(src);
      if (it != parsed_.end() && it->second) parsed_.erase(it);
    }
  }
  return joined.Groups();
}

void Engine::Check(size_t m) {
  Model& model = *models_[m];
  const ModelDef& d = *model.def;
  if (!d.unit.empty()) {
    UnitError err;
    if (auto u = ParseUnit(d.unit.text, units_, &err)) {
      model.total_unit = InternUnit(*u).ptr();
    } else {
      Report(d.unit, err.offset, err.length, err.message, "unknown-unit");
    }
  }
  std::unordered_set<std::string_view> seen;  // the first of an id is its name
  const size_t declared = d.params.size() + d.items.size() + d.figures.size();
  const bool indexed = declared > Model::kScannedNames;  // else FindName scans the definition
  if (indexed) model.names.reserve(declared);
  auto add = [&](const std::string& id, const Located& at, Kind kind, size_t i) {
    if (id == "total" || id == "subtotal" || id == "share") {
      Report(at, 0, id.size(), "'" + id + "' is a built-in figure and cannot be redefined",
             "duplicate-id");
    } else if (!seen.insert(id).second) {
      Report(at, 0, id.size(), "duplicate id '" + id + "' in model '" + d.id + "'", "duplicate-id");
    } else if (indexed) {
      model.names.push_back({id, kind, static_cast<uint32_t>(i)});
    }
  };
  for (size_t i = 0; i < d.params.size(); ++i) add(d.params[i].id, d.params[i].value, Kind::kParam, i);
  for (size_t i = 0; i < d.items.size(); ++i) add(d.items[i].id(), d.items[i].where, Kind::kItem, i);
  for (size_t i = 0; i < d.figures.size(); ++i) add(d.figures[i].id(), d.figures[i].where, Kind::kFigure, i);
  std::sort(model.names.begin(), model.names.end(), [](const Name& a, const Name& b) { return a.id < b.id; });
  model.names.shrink_to_fit();
  for (size_t i = 0; i < d.items.size(); ++i) {
    if (d.items[i].group.empty()) continue;
    if (!model.indexes) model.indexes.emplace();
    model.indexes->group_items[d.items[i].group].push_back(i);
  }
  std::vector<ScenarioInfo> infos;
  for (size_t i = 0; i < d.scenarios.size(); ++i) {
    if (!model.indexes) model.indexes.emplace();
    model.indexes->scenarios[d.scenarios[i].id].push_back(i);
    infos.push_back({d.scenarios[i].id, d.scenarios[i].label});
  }
  model.scenario_infos = SharedList<ScenarioInfo>(std::move(infos));
  std::set<std::string> scenarios;
  for (const auto& sc : d.scenarios) {
    if (!scenarios.insert(sc.id).second) {
      Report(sc.where, 0, sc.id.size(), "duplicate scenario '" + sc.id + "' in model '" + d.id + "'",
             "duplicate-id");
    }
    for (const auto& p : sc.params) {
      std::optional<Name> named = model.FindName(p.id);
      if (!named || named->kind != Kind::kParam) {
        Report(p.value, 0, p.value.text.size(),
               "scenario '" + sc.id + "' overrides unknown parameter '" + p.id + "'", "unknown-reference");
      }
    }
    for (const VariantChoice& c : sc.variants) {
      std::string_view id = c.price;
      if (!id.empty() && id[0] == '@') id.remove_prefix(1);
      const CompiledEntry* entry = prices_.Find(id);
      if (!entry) {
        ReportUnknown(sc.where, 0, sc.id.size(), "unknown price '" + c.price + "' in scenario '" + sc.id + "'",
                      id.substr(0, id.find('/')));
        continue;
      }
      // A misspelled variant would silently fall back to the base price.
      std::vector<std::string> known = VariantNames({entry});
      if (std::find(known.begin(), known.end(), c.variant) == known.end()) {
        Report(c.where, 0, c.variant.size(),
               "scenario '" + sc.id + "' of model '" + d.id + "': price '@" + std::string(id) +
                   "' has no variant '" + c.variant + "'" + DidYouMean(c.variant, known),
               "unknown-variant");
      }
    }
    if (!sc.variant.empty()) CheckScenarioVariant(m, sc);
  }
}

std::vector<std::string> Engine::VariantNames(const std::vector<const CompiledEntry*>& entries) const {
  std::set<std::string> names;
  for (const CompiledEntry* e : entries)
    for (const CompiledValue& v : e->values)
      for (const auto& [name, value] : v.variants) names.insert(name);
  return {names.begin(), names.end()};
}

std::vector<const Node*> Engine::ReferencesIn(const std::vector<const Located*>& formulas) {
  std::vector<const Node*> refs;
  for (const Located* src : formulas)
    if (const Node* node = src->empty() ? nullptr : Parsed(*src)) CollectReferences(*node, &refs);
  return refs;
}

// `variant: X` applies to every price of the model that has X; when none has
// it, the scenario is the base case under another name.
void Engine::CheckScenarioVariant(size_t m, const ScenarioDef& sc) {
  const ModelDef& d = *models_[m]->def;
  std::vector<const Located*> formulas;
  for (const auto& p : d.params) formulas.push_back(&p.value);
  for (const auto& i : d.items) formulas.insert(formulas.end(), {&i.quantity.get(), &i.price.get(), &i.formula});
  for (const auto& f : d.figures) formulas.push_back(&f.formula);
  for (const auto& p : sc.params) formulas.push_back(&p.value);
  std::vector<const CompiledEntry*> used;
  for (const Node* r : ReferencesIn(formulas))
    if (r->kind == NodeKind::kPrice)
      if (const CompiledEntry* e = prices_.Find(r->name)) used.push_back(e);
  std::vector<std::string> known = VariantNames(used);
  if (std::find(known.begin(), known.end(), sc.variant) != known.end()) return;
  Report(sc.variant_where, 0, sc.variant.size(),
         "scenario '" + sc.id + "' of model '" + d.id + "' sets variant '" + sc.variant +
             "', which none of the prices the model uses has" + DidYouMean(sc.variant, known),
         "unknown-variant");
}

void Engine::Report(const Located& src, size_t offset, size_t length, std::string message,
                    std::string code, Severity severity) {
  if (quiet_) return;
  auto key = std::make_tuple(src.pos().path, src.line_no, src.col_no + static_cast<int>(offset), message);
  if (!reported_.insert(key).second) return;
  ReportAt(diags_, src, offset, length, std::move(message), std::move(code), severity);
}

void Engine::ReportUnknown(const Located& src, size_t offset, size_t length, std::string message,
                           std::string_view id) {
  if (const std::string* file = prices_.UnparsedFileOf(id)) {
    FollowsFrom(src, offset, length, message, *file);
    return;
  }
  Report(src, offset, length, std::move(message), "unknown-reference");
}

void Engine::FollowsFrom(const Located& src, size_t offset, size_t length, const std::string& message,
                         const std::string& file) {
  Report(src, offset, length, message + " (follows from the error in " + file + ")", "follows-from-error",
         Severity::kNote);
}

void Engine::Fail(const Node& at, const Scope& s, std::string message, std::string code) {
  // A value that only a scenario makes (its params give a zero divisor) is
  // an error at a formula the base case evaluates fine: the message says where.
  if (code == "division-by-zero" && !s.scenario.empty() && s.origin.scenario.empty()) {
    const ModelDef& d = *models_[s.model]->def;
    message += " in scenario '" + s.scenario + "' of model '" + d.id + "'";
  }
  Report(*s.src, at.offset, at.length, std::move(message), std::move(code));
}

const Node* Engine::Parsed(const Located& src) {
  if (shared_parsed_) {
    auto shared = shared_parsed_->find(&src);
    if (shared != shared_parsed_->end()) return shared->second.get();
  }
  auto it = parsed_.find(&src);
  if (it != parsed_.end()) return it->second.get();
  FormulaError err;
  auto node = ParseFormula(src.text, units_, &err);
  if (!node) Report(src, err.offset, err.length, err.message, "malformed-formula");
  return parsed_.emplace(&src, std::move(node)).first->second.get();
}

std::optional<Value> Engine::EvalLocated(const Located& src, size_t m, const std::string& scenario,
                                         Trace* trace, Origin origin) {
  const Node* node = Parsed(src);
  if (!node) return std::nullopt;
  Scope s{m, scenario, &src, trace, origin};
  if (trace && trace->explain.formula.empty()) trace->explain.formula = src.text;
  return Eval(*node, s);
}

void Engine::ShowIn(const Unit& unit, Value* v, Trace* trace) const {
  if (trace && v->display) trace->AddConversion(*v, ShownUnit(*v->display), ShownUnit(unit), units_);
  v->display = unit;
}

LocalizedText Engine::LabelOf(size_t m, std::string_view id) const {
  const Model& model = *models_[m];
  const ModelDef& d = *model.def;
  if (std::optional<Name> named = model.FindName(id)) {
    auto [kind, i] = std::pair(named->kind, named->index);
    return kind == Kind::kParam ? d.params[i].label : kind == Kind::kItem ? d.items[i].label : d.figures[i].label;
  }
  if (id == "total") return d.title;
  if (id.rfind("subtotal.", 0) == 0) {
    LocalizedText label;  // the last declaration wins, as in the result's groups
    for (const auto& g : d.groups)
      if (g.id == id.substr(9)) label = g.label;
    return label;
  }
  return {};
}

InputUse Engine::NameInput(std::string name, size_t m, std::string_view id, const std::string& scenario) const {
  InputUse in;
  in.name = std::move(name);
  in.label = LabelOf(m, id);
  InputScenario read_in{scenario, {}};
  if (const ScenarioDef* sc = scenario.empty() ? nullptr : FindScenario(m, scenario)) read_in.label = sc->label;
  in.scenario = std::move(read_in);
  return in;
}

bool Engine::CheckDeclared(const Located& unit_src, const Located& at, Value* v, Trace* trace) {
  if (unit_src.empty()) return true;
  UnitError err;
  auto unit = ParseUnit(unit_src.text, units_, &err);
  if (!unit) {
    Report(unit_src, err.offset, err.length, err.message, "unknown-unit");
    return false;
  }
  if (v->is_bool || unit->dim != v->dim) {
    Report(at, 0, at.text.size(),
           "unit mismatch: the formula gives " + (v->is_bool ? std::string("true/false") : UnitText(*v)) +
               ", declared " + unit->text,
           "unit-mismatch");
    return false;
  }
  ShowIn(*unit, v, trace);
  return true;
}

bool Engine::HasFigure(size_t m, std::string_view id) const {
  const Model& model = *models_[m];
  if (model.FindName(id)) return true;
  if (id == "total") return model.total_unit != nullptr;
  auto has_group = [&](std::string_view g) { return !g.empty() && model.GroupItems(g) != nullptr; };
  if (id.substr(0, 9) == "subtotal.") return has_group(id.substr(9));
  if (id.substr(0, 6) == "share.") {
    std::string_view x = id.substr(6);
    std::optional<Name> named = model.FindName(x);
    bool item = named && named->kind == Kind::kItem;
    return model.total_unit && (item || has_group(x));
  }
  return false;
}

std::string Engine::AsOf(size_t m, const std::string& scenario) const {
  const ScenarioDef* sc = scenario.empty() ? nullptr : FindScenario(m, scenario);
  if (sc && !sc->as_of.empty()) return sc->as_of;
  const ModelDef& d = *defs_[m];
  return d.as_of.empty() ? options_.as_of : d.as_of.get();
}

std::string Engine::DateOf(size_t m, const std::string& scenario) const {
  std::string pinned = AsOf(m, scenario);
  return pinned.empty() ? options_.today : pinned;
}

const ScenarioDef* Engine::FindScenario(size_t m, const std::string& id) const {
  const Model& model = *models_[m];
  const std::vector<size_t>* places = model.ScenarioPlaces(id);
  return places ? &model.def->scenarios[places->front()] : nullptr;
}

Engine::Lookup Engine::Get(size_t m, const std::string& scenario, const std::string& id,
                           const Scope* from, const Node* at, const Entry** out) {
  if (!HasFigure(m, id)) return Lookup::kUnknown;
  auto key = std::make_tuple(m, scenario, id);
  Entry& e = memo_[key];
  if (e.state == State::kBusy) {
    auto first = std::find(stack_.begin(), stack_.end(), key);
    bool one_model = std::all_of(first, stack_.end(), [&](const auto& k) { return std::get<0>(k) == m; });
    std::string cycle;
    for (auto it = first; it != stack_.end(); ++it) {
      cycle += (one_model ? "" : models_[std::get<0>(*it)]->def->id + ".") + std::get<2>(*it) + " → ";
    }
    cycle += (one_model ? "" : models_[m]->def->id + ".") + id;
    if (from && at) Fail(*at, *from, "reference cycle: " + cycle, "cycle");
    return Lookup::kFailed;
  }
  if (e.state == State::kPending) {
    if (stack_.size() > 500) {
      if (from && at) Fail(*at, *from, "references nested too deeply", "cycle");
      return Lookup::kFailed;
    }
    e.state = State::kBusy;
    stack_.push_back(key);
    Entry computed;
    bool ok = Compute(m, scenario, id, &computed);
    stack_.pop_back();
    Entry& slot = memo_[key];
    slot = std::move(computed);
    slot.state = ok ? State::kDone : State::kFailed;
  }
  const Entry& done = memo_[key];
  *out = &done;
  return done.state == State::kDone ? Lookup::kFound : Lookup::kFailed;
}

bool Engine::Compute(size_t m, const std::string& scenario, const std::string& id, Entry* e) {
  const Model& model = *models_[m];
  const ModelDef& d = *model.def;
  if (id == "total") return ComputeSum(m, scenario, "", e);
  if (id.rfind("subtotal.", 0) == 0) return ComputeSum(m, scenario, id.substr(9), e);
  if (id.rfind("share.", 0) == 0) return ComputeShare(m, scenario, id.substr(6), e);
  const Name named = *model.FindName(id);
  auto [kind, i] = std::pair(named.kind, named.index);
  Trace trace;
  std::optional<Value> v;
  if (kind == Kind::kItem) return ComputeItem(m, scenario, d.items[i], e);
  if (kind == Kind::kParam) {
    const Located* src = &d.params[i].value;
    Origin origin{id, "", ""};
    if (const std::vector<size_t>* same = model.ScenarioPlaces(scenario)) {
      for (size_t k : *same) {  // the last override of `id` wins
        for (const auto& p : d.scenarios[k].params) {
          if (p.id == id) src = &p.value, origin.scenario = scenario;
        }
      }
    }
    v = EvalLocated(*src, m, scenario, &trace, origin);
    // The bounds hold the base case (and a `--set` value), not a scenario's own choice.
    if (v && origin.scenario.empty() && d.params[i].input && !CheckInput(m, d.params[i], *src, *v, e)) return false;
  } else {
    const FigureDef& f = d.figures[i];
    v = EvalLocated(f.formula, m, scenario, &trace, {f.id(), "", ""});
    if (v && !CheckDeclared(f.unit, f.formula, &*v, &trace)) return false;
  }
  if (!v) return false;
  e->value = std::move(*v);
  e->explain = ShareExplanation(std::move(trace.explain));
  return true;
}

bool Engine::CheckInput(size_t m, const ParamDef& p, const Located& src, const Value& v, Entry* e) {
  const InputDef& in = *p.input;
  if (v.is_bool || !v.v.IsPoint()) {
    Report(src, 0, src.text.size(),
           "parameter '" + p.id + "' has an `input:`, so its value must be one quantity, not " +
               (v.is_bool ? "true/false" : "a range"),
           "malformed-input");
    return false;
  }
  const Unit unit = DisplayUnit(v);
  // A value given on the command line (--set) that is not in its input's
  // unit is the mistake, not the model's bounds: one error, at the value.
  const bool set_here = src.pos().path == "--set";
  bool told = false;
  auto bound = [&](const Located& b, std::string_view name) -> std::optional<Decimal> {
    std::optional<Value> bv = EvalLocated(b, m, "", nullptr, {p.id, name, ""});
    if (!bv) return std::nullopt;
    if (set_here && !bv->is_bool && bv->dim != v.dim) {
      if (!std::exchange(told, true))
        Report(src, 0, src.text.size(),
               "unit mismatch: parameter '" + p.id + "' is in " + UnitText(*bv) + " (its input's " +
                   std::string(name) + "), not " + unit.text,
               "unit-mismatch");
      return std::nullopt;
    }
    if (bv->is_bool || bv->dim != v.dim) {
      Report(b, 0, b.text.size(),
             "unit mismatch: the input's " + std::string(name) + " is in " +
                 (bv->is_bool ? std::string("true/false") : UnitText(*bv)) + ", parameter '" + p.id + "' in " +
                 unit.text,
             "unit-mismatch");
      return std::nullopt;
    }
    if (!bv->v.IsPoint()) {
      Report(b, 0, b.text.size(), "the input's " + std::string(name) + " must be one value, not a range",
             "malformed-input");
      return std::nullopt;
    }
    return bv->v.lo;
  };
  std::optional<Decimal> lo = bound(in.min, "min"), hi = bound(in.max, "max");
  std::optional<Decimal> step = in.step.empty() ? std::optional<Decimal>(1) : bound(in.step, "step");
  if (!lo || !hi || !step) return false;
  auto in_unit = [&](const Decimal& x) { return InUnit(Interval(x), unit).lo; };
  auto shown = [&](const Decimal& x) { return in_unit(x).ToString() + (unit.text.empty() ? "" : " " + unit.text); };
  if (*hi < *lo) {
    Report(in.max, 0, in.max.text.size(), "the input's max " + shown(*hi) + " is below its min " + shown(*lo),
           "malformed-input");
    return false;
  }
  if (!(Decimal(0) < *step)) {
    Report(in.step, 0, in.step.text.size(), "the input's step must be above zero", "malformed-input");
    return false;
  }
  if (v.v.lo < *lo || *hi < v.v.lo) {
    Report(src, 0, src.text.size(),
           "parameter '" + p.id + "' is " + shown(v.v.lo) + ", outside its input's bounds " + shown(*lo) + " to " +
               shown(*hi),
           "out-of-bounds");
    return false;
  }
  e->input = InputRange{p.id, in_unit(*lo), in_unit(*hi), std::nullopt};
  if (!in.step.empty()) e->input->step = in_unit(*step);
  return true;
}

bool Engine::ComputeItem(size_t m, const std::string& scenario, const ItemDef& item, Entry* e) {
  const Model& model = *models_[m];
  Trace trace;
  std::optional<Value> v;
  if (!item.formula.empty()) {
    v = EvalLocated(item.formula, m, scenario, &trace, {item.id(), "", ""});
  } else {
    Trace qt, pt;
    auto q = EvalLocated(item.quantity, m, scenario, &qt, {item.id(), "quantity", ""});
    auto p = EvalLocated(item.price, m, scenario, &pt, {item.id(), "price", ""});
    if (!q || !p) return false;
    const Node* pn = Parsed(item.price);
    if (pn && pn->kind == NodeKind::kPrice && pt.explain.prices.size() == 1) {
      e->unit_price = pt.explain.prices[0];
    } else if (!p->is_bool) {  // a parameter or a formula: its value, in the unit it was written in
      PriceUse used;
      used.unit = DisplayUnit(*p);
      used.value = InUnit(Ends(p->v), used.unit);
      e->unit_price = std::move(used);
    }
    e->quantity = q;
    e->quantity_explain = qt.explain;
    trace.explain.formula = item.quantity->text + " × " + item.price->text;
    for (const auto& sub : {&qt.explain.inputs, &pt.explain.inputs})
      for (const InputUse& in : *sub) trace.AddInput(in);
    trace.Absorb(qt.explain);
    trace.Absorb(pt.explain);
    if (q->is_bool || p->is_bool) {
      Report(item.where, 0, item.id().size(), "item '" + item.id() + "': quantity and price must be numbers",
             "type-mismatch");
      return false;
    }
    auto dim = Multiply(q->dim, p->dim);
    if (!dim) {
      Report(item.where, 0, item.id().size(),
             "unit mismatch: cannot multiply " + UnitText(*q) + " by " + UnitText(*p), "unit-mismatch");
      return false;
    }
    v = Value{false, false, q->v * p->v, *dim, std::nullopt};
    // The unit as the author wrote it ("GB/month" × "CNY/GB" is CNY/month,
    // not the canonical CNY/h), as a product in a formula keeps it.
    if (p->display && p->dim == *dim) v->display = p->display;
    else if (q->display && q->dim == *dim) v->display = q->display;
    else v->display = PerTimeUnit(*dim, *q, *p, units_);
  }
  if (!v) return false;
  if (v->is_bool) {
    Report(item.where, 0, item.id().size(), "item '" + item.id() + "' must be a number, not true/false",
           "type-mismatch");
    return false;
  }
  const Located& at = item.formula.empty() ? item.price.get() : item.formula;
  if (!item.unit.empty()) {
    if (!CheckDeclared(item.unit, at, &*v, &trace)) return false;
  } else if (model.total_unit && model.total_unit->dim == v->dim) {
    ShowIn(*model.total_unit, &*v, &trace);
  }
  if (e->quantity && e->unit_price)
    e->factor = TimeFactor(DisplayUnit(*e->quantity), e->unit_price->unit, DisplayUnit(*v), units_);
  e->value = std::move(*v);
  e->explain = std::move(trace.explain);
  return true;
}

}  // namespace costsite::cost
