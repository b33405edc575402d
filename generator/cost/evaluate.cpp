#include "cost/evaluate.h"

#include <atomic>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "base/large_stack.h"
#include "base/suggest.h"
#include "base/today.h"
#include "base/parallel.h"

#include "cost/engine.h"
#include "cost/evaluation_data.h"
#include "cost/prices.h"
#include "cost/result_store.h"

namespace costsite::cost {
namespace {

template <typename Out>  // std::vector<ModelResult> or ResultList
void EvaluateModels(Engine& engine, Out* out) {
  // The memoised figures of a model no other model reads are dropped once
  // its results are built: they are most of an evaluation's memory (about a
  // kilobyte a figure, with its trace), and a large site has many models.
  std::set<std::string> read = engine.ReadByOthers();
  for (size_t m = 0; m < engine.model_count(); ++m) {
    out->push_back(engine.Build(m, ""));
    for (const auto& sc : engine.model(m).scenarios) {
      out->push_back(engine.Build(m, sc.id));
      engine.ForgetScenario(m, sc.id);
    }
    if (!read.count(engine.model(m).id)) engine.Forget(m);
  }
}

// True when some model has a parameter readers may adjust (`input:`): its
// definitions are then kept after evaluation (ForgetModelsUnlessAdjustable).
bool AnyAdjustable(const Inputs& inputs) {
  for (const ModelDef& m : inputs.models)
    for (const ParamDef& p : m.params)
      if (p.input) return true;
  return false;
}

// Each model's results, one list after another. Reserved, and each model's
// list freed once moved: grown by doubling, the list of 50,000 results (960
// bytes each) held up to three times its size.
ResultList InModelOrder(std::vector<ResultList>* per_model) {
  size_t count = 0;
  for (const auto& results : *per_model) count += results.size();
  ResultList out;
  out.reserve(count);
  for (ResultList& results : *per_model) out.Append(std::move(results));
  return out;
}

// Evaluates the groups of `engine` (Engine::Groups) on `threads` threads, one
// engine per group, and returns the results in model order as one engine
// would have made them.
// With `defs` (the definitions of the engine's models, by index, when none
// is adjustable: nothing reads them after evaluation), each group's
// definitions are freed once it is evaluated, not all at the end: a site of
// one model per report held them all (3.1 KB a model) through the whole
// evaluation, the peak of its build (docs/performance.md). No other group
// reads them (Engine::Groups).
// With `store`, each result is written there as its group is done
// (Options::spill_results), so the results are never all held at once.
ResultList EvaluateGroups(Engine& engine, const std::vector<std::vector<size_t>>& groups, int threads,
                          Diagnostics& diags, std::vector<ModelDef>* defs,
                          const std::shared_ptr<ResultStore>& store) {
  std::vector<ResultList> per_model(engine.model_count());
  std::atomic<size_t> next{0};
  ParallelFor(static_cast<size_t>(threads), threads, [&](size_t, int) {
    RunOnLargeStack([&] {
      for (size_t g; (g = next.fetch_add(1)) < groups.size();) {
        std::vector<const ModelDef*> group_defs;
        for (size_t m : groups[g]) group_defs.push_back(&engine.model(m));
        {
          Engine group(engine, group_defs, diags);
          std::vector<ModelResult> results;
          EvaluateModels(group, &results);
          // Each model's base case, then its scenarios, in the group's order.
          size_t at = 0;
          for (size_t k = 0; k < groups[g].size(); ++k) {
            size_t count = 1 + group.model(k).scenarios.size();
            auto& mine = per_model[groups[g][k]];
            for (size_t i = 0; i < count && at < results.size(); ++i) {
              if (store) mine.Freeze(std::move(results[at++]), store);
              else mine.push_back(std::move(results[at++]));
            }
          }
        }  // the group's engine is gone: nothing points into its definitions now
        for (size_t m : groups[g]) engine.ReleaseChecked(m);
        // The group's own definitions, found by address: the engine leaves
        // out a duplicate model id, so its model m need not be (*defs)[m].
        if (defs) {
          for (const ModelDef* def : group_defs) {
            ModelDef gone = std::move((*defs)[static_cast<size_t>(def - defs->data())]);  // moved: its buffers go
          }
        }
      }
    });
  });
  return InModelOrder(&per_model);
}

// Adds the site's count units (`units:`) to the table before any unit is
// parsed. A spelling that already names a built-in unit of another kind, or a
// currency, would change what formulas mean, so it is an error at its place.
void DeclareUnits(EvaluationCore* core, Diagnostics& diags) {
  if (core->inputs.units.empty()) return;
  auto names = std::make_shared<std::vector<UnitNames>>();
  for (const UnitDecl& d : core->inputs.units) names->push_back(d.names);
  core->declared_units = names;
  std::set<std::string, std::less<>> seen;
  for (const UnitDecl& d : core->inputs.units) {
    const std::string kind = d.distinct ? d.keys.front().text : std::string();
    for (const Located& key : d.keys) {
      std::string message;
      if (!seen.insert(key.text).second) {
        message = "unit '" + key.text + "' is declared twice";
      } else if (IsCurrencyCode(key.text)) {
        message = "'" + key.text + "' is a currency code and cannot name a count unit";
      } else if (!core->units.DeclareCount(key.text, names, kind)) {
        message = "'" + key.text + "' is a built-in unit that is not a count; choose another name";
      }
      if (!message.empty()) ReportAt(diags, key, 0, key.text.size(), message, "unit-collision");
    }
  }
}

// Puts each `--set` value in place of the parameter's own. A model id may
// hold dots, so "a.b.c" is model "a.b" + parameter "c" or model "a" +
// parameter "b.c", whichever exists.
void ApplyParamSets(Inputs* inputs, const std::vector<ParamSet>& sets, Diagnostics& diags) {
  for (const ParamSet& set : sets) {
    const std::string& target = set.target.text;
    ParamDef* found = nullptr;
    ModelDef* model = nullptr;
    for (size_t dot = target.find('.'); dot != std::string::npos && !found; dot = target.find('.', dot + 1)) {
      for (ModelDef& m : inputs->models) {
        if (m.id != target.substr(0, dot)) continue;
        model = &m;
        for (ParamDef& p : m.params)
          if (p.id == target.substr(dot + 1)) found = &p;
      }
    }
    if (found) {
      found->value = set.value;
      continue;
    }
    std::string message;
    if (model) {
      std::vector<std::string> ids;
      for (const ParamDef& p : model->params) ids.push_back(p.id);
      std::string typed = target.substr(model->id.size() + 1);
      message = "model '" + model->id + "' has no parameter '" + typed + "'" + DidYouMean(typed, ids);
    } else {
      std::vector<std::string> ids;
      for (const ModelDef& m : inputs->models) ids.push_back(m.id);
      std::string typed = target.substr(0, target.find('.'));
      message = target.find('.') == std::string::npos
                    ? "expected MODEL.PARAMETER=VALUE, got '" + target + "'"
                    : "unknown model '" + typed + "'" + DidYouMean(typed, ids);
    }
    ReportAt(diags, set.target, 0, target.size(), message, "unknown-reference");
  }
}

// A fingerprint of pricing inputs, places included: a value that moved to
// another line is shown with its new place, so it counts as changed.
class InputHash {
 public:
  InputHash& operator<<(std::string_view s) {
    for (unsigned char c : s) h_ = (h_ ^ c) * 1099511628211ull;
    h_ = (h_ ^ 0xff) * 1099511628211ull;  // ends each string: "ab","c" differs from "a","bc"
    return *this;
  }
  InputHash& operator<<(long long n) { return *this << std::string_view(std::to_string(n)); }
  InputHash& operator<<(bool b) { return *this << (b ? 1LL : 0LL); }
  InputHash& operator<<(const SourcePos& p) { return *this << p.path << static_cast<long long>(p.line) << static_cast<long long>(p.col); }
  InputHash& operator<<(const Located& l) { return *this << l.text << l.pos() << l.line(); }
  InputHash& operator<<(const LocalizedText& t) {
    *this << static_cast<long long>(t.size());
    for (const auto& [lang, text] : t) *this << lang << text;
    return *this;
  }
  InputHash& operator<<(const PriceValue& v) {
    *this << v.date << v.checked << v.where << v.price << v.tiers.has_value();
    if (v.tiers) {
      *this << v.tiers->where << v.tiers->basis << v.tiers->by << static_cast<long long>(v.tiers->steps.size());
      for (const TierStepDef& s : v.tiers->steps) *this << s.from << s.price << static_cast<long long>(s.above);
    }
    *this << static_cast<long long>(v.variants.size());
    for (const auto& [name, value] : v.variants) *this << name << value;
    *this << static_cast<long long>(v.hours.size());
    for (const auto& [name, value] : v.hours) *this << name << value;
    *this << v.inherit_given << v.inherit_all << static_cast<long long>(v.inherit.size());
    for (const Located& l : v.inherit) *this << l;
    return *this;
  }
  InputHash& operator<<(const PriceEntry& e) {
    *this << e.id << e.where << e.label << e.unit << e.current << static_cast<long long>(e.history.size());
    for (const PriceValue& v : e.history) *this << v;
    return *this << e.source << e.note;
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 14695981039346656037ull;
};

// A price list apart from its entries' values: its fields, and which
// entries it has in which order.
uint64_t ListPrint(const PriceList& list) {
  InputHash h;
  h << list.provider << list.where << list.name << list.currency << list.source << list.region << list.date;
  for (const auto& [variant, label] : list.variant_labels) h << variant << label;
  for (const PriceEntry& e : list.entries) h << e.id;
  return h.value();
}

// Rates, units and unparsed files: any change to them evaluates everything.
uint64_t SharedPrint(const Inputs& in) {
  InputHash h;
  for (const Rate& r : in.rates) h << r.base << r.quote << r.rate << r.date << r.source << r.where;
  for (const UnitDecl& u : in.units) {
    for (const std::string& k : u.names.keys) h << k;
    h << u.names.zh << u.names.zh_measure << u.names.zh_per << u.names.en_one << u.names.en_other << u.names.en_per;
    for (const Located& k : u.keys) h << k;
    h << u.distinct;
  }
  for (const UnparsedFile& f : in.unparsed) h << f.path << f.provider << f.model << f.rates;
  return h.value();
}

// Every formula of `d` and the prices its scenarios choose variants of, as
// one text (to look for the names it may read).
std::string FormulaText(const ModelDef& d) {
  std::string text;
  auto add = [&](const Located& l) { text += l.text, text += '\n'; };
  for (const auto& p : d.params) add(p.value);
  for (const auto& i : d.items) add(i.quantity), add(i.price), add(i.formula);
  for (const auto& f : d.figures) add(f.formula);
  for (const auto& sc : d.scenarios) {
    for (const auto& p : sc.params) add(p.value);
    for (const VariantChoice& c : sc.variants) text += c.price, text += '\n';
  }
  for (const auto& rule : d.rules) add(rule.when);
  for (const auto& x : d.expectations) add(x.figure), add(x.stated), add(x.tolerance);
  return text;
}

// Whether `text` spells `name` not followed by a letter, digit, '_' or '-'
// ("gpu3" is not in "@bench/gpu30"; a following '.' may end it, so it counts).
bool Spells(std::string_view text, std::string_view name) {
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const size_t end = at + name.size();
    const unsigned char next = end < text.size() ? static_cast<unsigned char>(text[end]) : ' ';
    if (!std::isalnum(next) && next != '_' && next != '-') return true;
  }
  return false;
}

// The keys ("provider/id") of the entries that differ between `before` and
// `now`; false when the lists cannot be compared entry by entry.
bool ChangedPrices(const Inputs& before, const Inputs& now, std::set<std::string>* changed) {
  if (before.price_lists.size() != now.price_lists.size() || SharedPrint(before) != SharedPrint(now)) return false;
  for (size_t i = 0; i < now.price_lists.size(); ++i) {
    const PriceList& a = before.price_lists[i];
    const PriceList& b = now.price_lists[i];
    if (ListPrint(a) != ListPrint(b)) return false;
    for (size_t e = 0; e < b.entries.size(); ++e)
      if ((InputHash() << a.entries[e]).value() != (InputHash() << b.entries[e]).value())
        changed->insert(b.provider + "/" + b.entries[e].id);
  }
  return true;
}

// The results hold copies of what pages show; the definitions are not read
// again (the prices and rates are, by EvaluateExtra's inline models), unless
// a parameter is adjustable: a page with inputs then carries the models it
// shows and what they read (Evaluation::WhatIfInputs), for the engine in
// the reader's browser to evaluate again.
void ForgetModelsUnlessAdjustable(EvaluationCore* core) {
  if (AnyAdjustable(core->inputs)) return;
  std::vector<ModelDef>().swap(core->inputs.models);
}

// The models set aside read again into `inputs->models`, in order: the
// parameter sets of `eval --set` are applied to the definitions.
void BringBack(Inputs* inputs, Diagnostics& diags) {
  inputs->models.reserve(inputs->aside.size());
  for (const ModelAside& a : inputs->aside) {
    ModelDef def;
    if (inputs->reader->Read(a, &def, diags)) inputs->models.push_back(std::move(def));
  }
  std::vector<ModelAside>().swap(inputs->aside);
  inputs->reader.reset();
}

// What a full evaluation and a re-evaluation both start from: the inputs
// with their units declared and their prices booked.
std::shared_ptr<EvaluationCore> NewCore(Inputs inputs, const Options& options, Diagnostics& diags) {
  auto core = std::make_shared<EvaluationCore>(std::move(inputs), options);
  DeclareUnits(core.get(), diags);
  core->prices = std::make_unique<PriceBook>(core->inputs, core->units, diags);
  core->providers = core->prices->Views();
  return core;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The models set aside (Inputs::aside) in groups that evaluate
// independently, as Engine::Groups makes them but from the names each
// model's formulas may read: a group may hold models that do not read each
// other (a word that only looks like a model id joins them), which is
// harmless, as a figure is the same in any engine that has what it reads.
// A later model of an id already taken is reported as the engine reports
// it, and left out of every group.
std::vector<std::vector<size_t>> AsideGroups(const std::vector<ModelAside>& aside, Diagnostics& diags) {
  std::unordered_map<std::string_view, size_t> index;
  std::vector<char> kept(aside.size(), 0);
  for (size_t m = 0; m < aside.size(); ++m) {
    auto [it, added] = index.emplace(aside[m].id, m);
    if (added) {
      kept[m] = 1;
      continue;
    }
    const Located& first = aside[it->second].where;
    ReportAt(diags, aside[m].where, 0, aside[m].id.size(),
             "duplicate model id '" + aside[m].id + "' (first defined at " + PlaceText(first.pos(), first.line()) + ")",
             "duplicate-id");
  }
  ModelGroups joined(aside.size());
  for (size_t m = 0; m < aside.size(); ++m) {
    if (!kept[m]) continue;
    for (const std::string& name : aside[m].may_read)
      if (auto it = index.find(name); it != index.end()) joined.Join(m, it->second);
  }
  return joined.Groups(kept);
}

// Evaluates the models set aside, a group at a time on `threads` threads:
// each group's definitions are read again, checked and evaluated by one
// engine, and freed with it, so that what is held at once does not grow
// with the number of models (the definitions of the groups being evaluated,
// and a ModelAside per model). The results are in model order, as
// Evaluate makes them from the definitions.
ResultList EvaluateAside(const EvaluationCore& core, int threads, Diagnostics& diags,
                         const std::shared_ptr<ResultStore>& store) {
  const std::vector<ModelAside>& aside = core.inputs.aside;
  const std::vector<std::vector<size_t>> groups = AsideGroups(aside, diags);
  std::vector<ResultList> per_model(aside.size());
  std::atomic<size_t> next{0};
  ParallelFor(static_cast<size_t>(threads), threads, [&](size_t, int) {
    RunOnLargeStack([&] {
      for (size_t g; (g = next.fetch_add(1)) < groups.size();) {
        std::vector<ModelDef> defs(groups[g].size());
        std::vector<const ModelDef*> read;
        std::vector<size_t> read_m;  // the index in `aside` of each
        for (size_t k = 0; k < groups[g].size(); ++k) {
          if (!core.inputs.reader->Read(aside[groups[g][k]], &defs[k], diags)) continue;
          read.push_back(&defs[k]);
          read_m.push_back(groups[g][k]);
        }
        // A group's ids are distinct (AsideGroups): the engine keeps every
        // model, in the order given.
        Engine engine(core.units, *core.prices, core.options, read, nullptr, diags);
        // Every formula parsed, and a formula that does not parse reported,
        // as the engine that checked every model did before this one built
        // them (Engine::Groups); the group is evaluated as one.
        engine.Groups();
        std::vector<ModelResult> results;
        EvaluateModels(engine, &results);
        size_t at = 0;
        for (size_t k = 0; k < engine.model_count(); ++k) {
          const size_t m = read_m[k];
          size_t count = 1 + engine.model(k).scenarios.size();
          for (size_t i = 0; i < count && at < results.size(); ++i) {
            if (store) per_model[m].Freeze(std::move(results[at++]), store);
            else per_model[m].push_back(std::move(results[at++]));
          }
        }
      }
    });
  });
  return InModelOrder(&per_model);
}

}  // namespace

bool MaySetAside(const ModelDef& d) {
  for (const ParamDef& p : d.params)
    if (p.input) return false;
  return FormulaText(d).find("actual") == std::string::npos;
}

ModelAside SetAside(const ModelDef& d) {
  ModelAside out{d.id, d.where, {}};
  std::set<std::string_view> names;
  for (const Located* src : FormulasOf(d)) {
    std::string_view t = src->text;
    for (size_t p = 0; p < t.size(); ++p) {
      if (!IsWordChar(t[p]) || (p > 0 && IsWordChar(t[p - 1]))) continue;
      for (size_t e = p; e < t.size(); ++e) {
        if (t[e] == '.' || t[e] == '[') {
          if (t.substr(p, e - p) != d.id) names.insert(t.substr(p, e - p));
          if (t[e] == '[') break;
        } else if (!IsWordChar(t[e])) {
          break;
        }
      }
    }
  }
  out.may_read.assign(names.begin(), names.end());
  return out;
}

Evaluation Evaluate(Inputs inputs, const Options& given, Diagnostics& diags, int threads) {
  // Without a pinned date, prices are those in force today: a value dated
  // in the future does not become current before its day.
  Options options = given;
  std::string error;
  if (options.today.empty() && !Today(&options.today, &error)) diags.Error({"COSTSITE_TODAY", 0, 0}, error);
  if (!inputs.aside.empty() && !options.sets.empty()) BringBack(&inputs, diags);
  ApplyParamSets(&inputs, options.sets, diags);
  std::shared_ptr<EvaluationCore> core = NewCore(std::move(inputs), options, diags);
  auto data = std::make_shared<EvaluationData>();
  data->core = core;
  if (!core->inputs.aside.empty()) {
    data->results = EvaluateAside(*core, threads, diags,
                                  options.spill_results ? std::make_shared<ResultStore>() : nullptr);
    std::vector<ModelAside>().swap(core->inputs.aside);
    core->inputs.reader.reset();
  } else {
    std::vector<const ModelDef*> models;
    for (const auto& m : core->inputs.models) models.push_back(&m);
    Engine engine(core->units, *core->prices, core->options, std::move(models), nullptr, diags);
    // A site of many independent models (one per report, say) evaluates on
    // every core; models that read each other stay in one group. On one
    // thread too: a group's engine, its parses and its definitions are freed
    // as soon as it is done, where one engine for the whole site held every
    // parse and definition to the end (2 × 20,000 pages on one thread:
    // 284 MiB at the peak against 200 on two).
    std::vector<std::vector<size_t>> groups;
    if (engine.model_count() > 1) RunOnLargeStack([&] { groups = engine.Groups(); });
    if (groups.size() > 1)
      data->results = EvaluateGroups(engine, groups, threads, diags,
                                     AnyAdjustable(core->inputs) ? nullptr : &core->inputs.models,
                                     options.spill_results ? std::make_shared<ResultStore>() : nullptr);
    else RunOnLargeStack([&] { EvaluateModels(engine, &data->results); });
  }
  ForgetModelsUnlessAdjustable(core.get());
  return Evaluation(std::move(data));
}

Evaluation EvaluateExtra(const Evaluation& base, ModelDef model, Diagnostics& diags) {
  const auto& prior = base.data();
  auto data = std::make_shared<EvaluationData>(*prior);
  auto def = std::make_shared<const ModelDef>(std::move(model));
  data->extra.push_back(def);
  const EvaluationCore& core = *data->core;
  Engine engine(core.units, *core.prices, core.options, {def.get()}, &base, diags);
  RunOnLargeStack([&] { EvaluateModels(engine, &data->results); });
  return Evaluation(std::move(data));
}

}  // namespace costsite::cost

namespace costsite::cost {

namespace {

// The models of `previous`, in order, each with its results' place there.
using ModelSpans = std::vector<std::pair<std::string, std::pair<size_t, size_t>>>;
ModelSpans SpansOf(const Evaluation& previous) {
  ModelSpans before;
  for (size_t i = 0; i < previous.results().size(); ++i) {
    const std::string& id = previous.results()[i].model;
    if (before.empty() || before.back().first != id) before.push_back({id, {i, i}});
    before.back().second.second = i + 1;
  }
  return before;
}

// Whether `core`'s inputs can be evaluated again model by model from
// `previous`: the same models in the same order, the same dates, no extras.
bool SameModels(const Evaluation& previous, const ModelSpans& before, const Inputs& inputs, const Options& options) {
  const auto& prior = previous.data();
  bool same = prior && prior->core && prior->extra.empty() && prior->core->options.today == options.today &&
              prior->core->options.as_of == options.as_of &&
              prior->core->options.month_hours == options.month_hours && before.size() == inputs.models.size();
  for (size_t m = 0; same && m < inputs.models.size(); ++m) same = before[m].first == inputs.models[m].id;
  return same;
}

// The results of `core`'s models in model order: those of the models marked
// in `changed`, of the models that read a price in `changed_prices`, and of
// the models that read any of those (directly or through others) built again,
// the others copied from `previous` (`before` gives their places).
void RebuildChanged(const Evaluation& previous, const ModelSpans& before, const EvaluationCore& core,
                    const std::vector<char>& changed, const std::set<std::string>& changed_prices,
                    Diagnostics& diags, ResultList* results, ReevaluateStats* stats) {
  const std::vector<ModelDef>& defs = core.inputs.models;
  const size_t n = defs.size();
  std::map<std::string, size_t, std::less<>> index;
  for (size_t m = 0; m < n; ++m) index.emplace(defs[m].id, m);
  // Who reads whom. A model unchanged names the models it named in the last
  // evaluation (ModelResult::uses; the models are the same). A changed model
  // is read as text: every model id its formulas spell counts, which may be
  // more than it reads, never less. Neither parses the formulas of the models
  // that stay as they were: at 10,000 models that parse costs more than
  // building the few that changed.
  std::vector<std::vector<size_t>> reads(n), readers(n);
  std::vector<char> dirty(n, 0);
  std::vector<size_t> queue;
  for (size_t m = 0; m < n; ++m) {
    const bool mine = changed[m] != 0;
    const std::string text = (mine || !changed_prices.empty()) ? FormulaText(defs[m]) : std::string();
    if (mine) {
      for (const auto& [id, k] : index)
        if (k != m && Spells(text, id)) reads[m].push_back(k);
    } else {
      for (const std::string& id : previous.results()[before[m].second.first].uses)
        if (auto it = index.find(id); it != index.end()) reads[m].push_back(it->second);
    }
    for (size_t k : reads[m]) readers[k].push_back(m);
    // A price is named by its id, in a formula or in a scenario's choice
    // of variant: a model whose text does not spell it cannot read it.
    bool hit = mine;
    for (auto p = changed_prices.begin(); !hit && p != changed_prices.end(); ++p)
      hit = Spells(text, std::string_view(*p).substr(p->find('/') + 1));
    if (hit) dirty[m] = 1, queue.push_back(m);
  }
  while (!queue.empty()) {
    size_t m = queue.back();
    queue.pop_back();
    for (size_t r : readers[m])
      if (!dirty[r]) dirty[r] = 1, queue.push_back(r);
  }
  // The engine holds the models built again and every model they read,
  // directly or not: a figure is the same in any engine that has what it
  // reads (as in Evaluate's groups).
  std::vector<char> needed = dirty;
  for (size_t m = 0; m < n; ++m)
    if (dirty[m]) queue.push_back(m);
  while (!queue.empty()) {
    size_t m = queue.back();
    queue.pop_back();
    for (size_t k : reads[m])
      if (!needed[k]) needed[k] = 1, queue.push_back(k);
  }
  std::vector<const ModelDef*> models;
  std::vector<size_t> at(n, SIZE_MAX);
  for (size_t m = 0; m < n; ++m)
    if (needed[m]) at[m] = models.size(), models.push_back(&defs[m]);
  Engine engine(core.units, *core.prices, core.options, std::move(models), nullptr, diags);
  // In model order, as Evaluate lists them.
  for (size_t m = 0; m < n; ++m) {
    if (!dirty[m]) {
      for (size_t i = before[m].second.first; i < before[m].second.second; ++i)
        results->push_back(previous.results().shared(i));  // shared, not copied
      continue;
    }
    stats->rebuilt.insert(defs[m].id);
    results->push_back(engine.Build(at[m], ""));
    for (const auto& sc : defs[m].scenarios) {
      results->push_back(engine.Build(at[m], sc.id));
      engine.ForgetScenario(at[m], sc.id);
    }
  }
}

// The sets of `sets` that name model `id` ("id.param"), in order.
std::vector<std::pair<std::string, std::string>> SetsOf(const std::vector<ParamSet>& sets, const std::string& id) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const ParamSet& s : sets)
    if (s.target.text.size() > id.size() && s.target.text.compare(0, id.size(), id) == 0 &&
        s.target.text[id.size()] == '.')
      out.push_back({s.target.text, s.value.text});
  return out;
}

Evaluation EvaluateAll(Inputs inputs, const Options& given, Diagnostics& diags, int threads,
                       ReevaluateStats* stats) {
  stats->full = true;
  for (const ModelDef& m : inputs.models) stats->rebuilt.insert(m.id);
  return Evaluate(std::move(inputs), given, diags, threads);
}

}  // namespace

Evaluation Reevaluate(const Evaluation& previous, Inputs inputs, const std::set<std::string>& changed_files,
                      const Options& given, Diagnostics& diags, int threads, ReevaluateStats* stats) {
  Options options = given;
  std::string error;
  if (options.today.empty() && !Today(&options.today, &error)) diags.Error({"COSTSITE_TODAY", 0, 0}, error);
  const auto& prior = previous.data();
  const ModelSpans before = SpansOf(previous);
  std::set<std::string> changed_prices;
  if (!SameModels(previous, before, inputs, options) || !options.sets.empty() || !prior->core->options.sets.empty() ||
      !ChangedPrices(prior->core->inputs, inputs, &changed_prices))
    return EvaluateAll(std::move(inputs), given, diags, threads, stats);
  std::shared_ptr<EvaluationCore> core = NewCore(std::move(inputs), options, diags);
  auto data = std::make_shared<EvaluationData>();
  data->core = core;
  std::vector<char> changed;
  for (const ModelDef& m : core->inputs.models) changed.push_back(changed_files.count(m.where.pos().path) > 0);
  RunOnLargeStack([&] {
    RebuildChanged(previous, before, *core, changed, changed_prices, diags, &data->results, stats);
  });
  ForgetModelsUnlessAdjustable(core.get());
  return Evaluation(std::move(data));
}

Evaluation ReevaluateSets(const Evaluation& previous, Inputs inputs, const Options& given, Diagnostics& diags,
                          ReevaluateStats* stats) {
  Options options = given;
  std::string error;
  if (options.today.empty() && !Today(&options.today, &error)) diags.Error({"COSTSITE_TODAY", 0, 0}, error);
  const ModelSpans before = SpansOf(previous);
  if (!SameModels(previous, before, inputs, options)) return EvaluateAll(std::move(inputs), given, diags, 1, stats);
  const std::vector<ParamSet>& was = previous.data()->core->options.sets;
  std::vector<char> changed;
  for (const ModelDef& m : inputs.models) changed.push_back(SetsOf(was, m.id) != SetsOf(options.sets, m.id));
  ApplyParamSets(&inputs, options.sets, diags);
  std::shared_ptr<EvaluationCore> core = NewCore(std::move(inputs), options, diags);
  auto data = std::make_shared<EvaluationData>();
  data->core = core;
  RunOnLargeStack([&] { RebuildChanged(previous, before, *core, changed, {}, diags, &data->results, stats); });
  ForgetModelsUnlessAdjustable(core.get());
  return Evaluation(std::move(data));
}

}  // namespace costsite::cost
