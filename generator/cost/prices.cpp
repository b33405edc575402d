#include "cost/prices.h"

#include <algorithm>
#include <cctype>

#include "base/calendar.h"
#include "base/suggest.h"
#include "cost/formula.h"

namespace costsite::cost {

void ReportAt(Diagnostics& diags, const Located& at, size_t offset, size_t length,
              std::string message, std::string code, Severity severity) {
  SourcePos pos = at.pos();
  if (pos.line > 0 && pos.col > 0) pos.col += static_cast<int>(offset);
  diags.Add({severity, pos, std::move(message), std::string(at.line()),
             static_cast<int>(std::max<size_t>(length, 1)), std::move(code)});
}

bool IsIsoDate(std::string_view d) { return IsIsoDay(d); }

namespace {

std::string Where(const Located& at) { return PlaceText(at.pos(), at.line()); }

}  // namespace

std::optional<Interval> PlainValue(const Located& v, const UnitTable& units, Diagnostics& diags) {
  FormulaError err;
  auto node = ParseFormula(v.text, units, &err);
  if (!node) {
    ReportAt(diags, v, err.offset, err.length, err.message, "malformed-number");
    return std::nullopt;
  }
  auto number = [](const Node& n) { return n.kind == NodeKind::kNumber && !n.has_unit; };
  if (number(*node)) return Interval(node->number);
  if (node->kind == NodeKind::kRange && number(*node->args[0]) && number(*node->args[1]) &&
      node->args[0]->number <= node->args[1]->number) {
    return Interval(node->args[0]->number, node->args[1]->number);
  }
  if (node->kind == NodeKind::kRange && number(*node->args[0]) && number(*node->args[1])) {
    ReportAt(diags, v, 0, v.text.size(),
             "malformed price '" + v.text + "': the lower end of the range is above its upper end", "malformed-number");
    return std::nullopt;
  }
  ReportAt(diags, v, 0, v.text.size(),
           "malformed price '" + v.text + "': write a number or 'LOW to HIGH'", "malformed-number");
  return std::nullopt;
}

namespace {

PriceShape* ShapeFor(CompiledValue* v, const std::string& variant) {
  for (auto& [name, shape] : v->shapes)
    if (name == variant) return &shape;
  v->shapes.emplace_back(variant, PriceShape{});
  return &v->shapes.back().second;
}

std::optional<CompiledValue> CompileValue(const PriceValue& pv, const std::string& checked,
                                          const UnitTable& units, Diagnostics& diags) {
  CompiledValue out;
  out.date = pv.date;
  out.checked = pv.checked.empty() ? checked : pv.checked;
  bool ok = true;
  if (!pv.price.empty()) {
    auto v = PlainValue(pv.price, units, diags);
    ok = ok && v.has_value();
    if (v) out.variants.emplace_back("on_demand", *v);
  }
  if (pv.tiers) {
    auto tiers = CompileTiers(*pv.tiers, units, diags);
    ok = ok && tiers.has_value();
    if (tiers) {
      out.variants.emplace_back("on_demand", tiers->steps.front().price);
      ShapeFor(&out, "on_demand")->tiers = std::move(*tiers);
    }
  }
  for (const auto& [name, text] : pv.variants) {
    bool is_form = false;
    if (auto pct = ParsePercentOf(text, diags, &is_form)) {
      out.variants.emplace_back(name, Interval(Decimal(0)));
      PriceShape* shape = ShapeFor(&out, name);
      shape->percent = pct->first;
      shape->of = pct->second;
      continue;
    }
    if (is_form) {
      ok = false;
      continue;
    }
    auto v = PlainValue(text, units, diags);
    ok = ok && v.has_value();
    if (v) out.variants.emplace_back(name, *v);
  }
  for (const auto& [name, text] : pv.hours) {
    std::string hours;
    if (ParseHours(text, &hours, diags)) ShapeFor(&out, name)->hours = hours;
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

// Where a variant of `pv` is written, for errors about it.
const Located* VariantText(const PriceValue& pv, const std::string& name) {
  for (const auto& [n, text] : pv.variants)
    if (n == name) return &text;
  return nullptr;
}

// A percentage names a variant of the same entry that is given as a price
// (a percentage of a percentage would hide what it is a share of).
bool CheckPercentBases(const CompiledEntry& ce, Diagnostics& diags) {
  std::vector<std::string> bases;
  for (const CompiledValue& v : ce.values)
    for (const auto& [name, value] : v.variants) {
      const PriceShape* shape = nullptr;
      for (const auto& [n, sh] : v.shapes)
        if (n == name) shape = &sh;
      if ((!shape || !shape->percent) && std::find(bases.begin(), bases.end(), name) == bases.end())
        bases.push_back(name);
    }
  bool ok = true;
  for (size_t i = 0; i < ce.values.size(); ++i) {
    const PriceValue& pv = i == 0 ? ce.entry->current : ce.entry->history[i - 1];
    for (const auto& [name, shape] : ce.values[i].shapes) {
      if (!shape.percent || std::find(bases.begin(), bases.end(), shape.of) != bases.end()) continue;
      const Located* at = VariantText(pv, name);
      std::string msg = "variant '" + name + "' is a percentage of '" + shape.of + "', which price '" + ce.entry->id +
                        "' does not give as a price" + DidYouMean(shape.of, bases);
      if (at) ReportAt(diags, *at, at->text.find(" of ") + 4, shape.of.size(), msg, "unknown-variant");
      ok = false;
    }
  }
  return ok;
}

std::string FromText(const std::string& date) { return date.empty() ? "always" : "from " + date; }

bool Has(const CompiledValue& v, const std::string& variant) {
  return std::any_of(v.variants.begin(), v.variants.end(), [&](const auto& p) { return p.first == variant; });
}

// The values of `e` in order of the date they are in force from, and what
// each inherits from the one before it. A value replaces the older one whole:
// a variant it does not give is not offered while it is in force, unless it
// inherits it. The entry's own value without a date of its own is in force
// always, or, when a history value is older than the date it was read, from
// that date on (it replaced that value by then).
bool DateValues(const PriceEntry& entry, CompiledEntry* ce, Diagnostics& diags) {
  std::vector<const PriceValue*> written{&entry.current};
  for (const auto& h : entry.history) written.push_back(&h);
  std::vector<size_t> order(ce->values.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  CompiledValue& own = ce->values[0];
  if (own.date.empty() && !own.checked.empty()) {
    for (size_t i = 1; i < ce->values.size(); ++i)
      if (ce->values[i].date <= own.checked) own.date = own.checked;
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return ce->values[a].date < ce->values[b].date; });
  bool ok = true;
  std::vector<CompiledValue> sorted;
  for (size_t k = 0; k < order.size(); ++k) {
    const PriceValue& pv = *written[order[k]];
    CompiledValue v = ce->values[order[k]];
    const CompiledValue* older = sorted.empty() ? nullptr : &sorted.back();
    // Two values written in force from one day: which one a model reads
    // would depend on the order they are listed in.
    if (const PriceValue* before = k == 0 ? nullptr : written[order[k - 1]];
        before && !pv.date.empty() && pv.date == before->date) {
      const Located& at = pv.where.empty() ? entry.where : pv.where;
      ReportAt(diags, at, 0, at.text.size(),
               "price '" + entry.id + "' has two values in force from " + pv.date + " (the other at " +
                   Where(before->where.empty() ? entry.where : before->where) + ")",
               "price-date");
      ok = false;
    }
    for (const Located& name : pv.inherit) {
      if (!older || !Has(*older, name.text)) {
        ReportAt(diags, name, 0, name.text.size(),
                 "price '" + entry.id + "' (" + FromText(v.date) + ") inherits variant '" + name.text +
                     "', which " + (older ? "the value " + FromText(older->date) + " does not give" : "no older value gives"),
                 "price-date");
        ok = false;
      }
    }
    std::vector<std::string> dropped;
    for (size_t i = 0; older && i < older->variants.size(); ++i) {
      const std::string& name = older->variants[i].first;
      if (Has(v, name)) continue;
      bool listed = std::any_of(pv.inherit.begin(), pv.inherit.end(), [&](const Located& l) { return l.text == name; });
      if (pv.inherit_all || listed) {
        std::pair<std::string, Interval> inherited = older->variants[i];
        v.variants.push_back(std::move(inherited));
        for (const auto& [shaped, shape] : older->shapes)
          if (shaped == name) v.shapes.emplace_back(shaped, shape);
      } else if (!pv.inherit_given) {
        dropped.push_back(name);
      }
    }
    if (!dropped.empty()) {
      std::string names, list;
      for (const std::string& d : dropped) {
        names += (names.empty() ? "'" : ", '") + d + "'";
        list += (list.empty() ? "" : ", ") + d;
      }
      const Located& at = pv.where.empty() ? entry.where : pv.where;
      ReportAt(diags, at, 0, at.text.size(),
               "price '" + entry.id + "': the value " + FromText(v.date) + " does not give " +
                   (dropped.size() == 1 ? "variant " : "variants ") + names + ", which the value " +
                   FromText(older->date) + " gives; " + (dropped.size() == 1 ? "it is" : "they are") +
                   " not offered while this value is in force (it was once carried over): add `inherit: [" + list +
                   "]` to keep " + (dropped.size() == 1 ? "it" : "them") + ", or `inherit: false` to say it was dropped",
               "variant-dropped", Severity::kWarning);
    }
    sorted.push_back(std::move(v));
  }
  ce->values = std::move(sorted);
  return ok;
}

}  // namespace

PriceBook::PriceBook(const Inputs& inputs, const UnitTable& units, Diagnostics& diags) {
  std::map<std::string, const PriceList*, std::less<>> providers;
  for (const auto& list : inputs.price_lists) {
    auto [it, fresh] = providers.emplace(list.provider, &list);
    if (!fresh) {
      ReportAt(diags, list.where, 0, list.provider.size(),
               "duplicate provider id '" + list.provider + "' (first defined at " +
                   Where(it->second->where) + ")",
               "duplicate-id");
      continue;
    }
    CompileList(list, units, diags);
    if (list.entries.empty()) named_only_.push_back(&list);
  }
  CompileRates(inputs, diags);
  for (const UnparsedFile& f : inputs.unparsed) {
    if (!f.provider.empty()) unparsed_.emplace(f.provider, f.path);
    if (!f.model.empty()) unparsed_.emplace(f.model, f.path);
    if (f.rates && unparsed_rates_.empty()) unparsed_rates_ = f.path;
  }
}

const std::string* PriceBook::UnparsedFileOf(std::string_view id) const {
  auto it = unparsed_.find(id);
  return it == unparsed_.end() ? nullptr : &it->second;
}

void PriceBook::CompileList(const PriceList& list, const UnitTable& units, Diagnostics& diags) {
  for (const auto& entry : list.entries) {
    std::string id = list.provider + "/" + entry.id;
    if (auto it = index_.find(id); it != index_.end()) {
      ReportAt(diags, entry.where, 0, entry.id.size(),
               "duplicate price id '" + entry.id + "' in provider '" + list.provider +
                   "' (first defined at " + Where(entries_[it->second].entry->where) + ")",
               "duplicate-id");
      continue;
    }
    // An entry dropped for an error reported here: a model's reference to it
    // follows from that error, and says so instead of "unknown price".
    auto dropped = [&] {
      if (entry.where.source) unparsed_.emplace(id, entry.where.source->path);
    };
    CompiledEntry ce{&list, &entry, {}, {}};
    UnitError uerr;
    auto unit = ParseUnit(entry.unit.text, units, &uerr);
    if (!unit) {
      ReportAt(diags, entry.unit, uerr.offset, uerr.length, uerr.message, "unknown-unit");
      dropped();
      continue;
    }
    ce.unit = *unit;
    if (!ce.unit.dim.IsMoney() && !list.currency.empty()) {
      const Unit* money = units.Find(list.currency);
      if (!money) {
        ReportAt(diags, list.where, 0, list.provider.size(),
                 "unknown currency '" + list.currency + "'", "unknown-currency");
        dropped();
        continue;
      }
      // The unit as if written in full after the currency: "GB/month" is
      // USD/GB/month (per GB per month), as "USD/GB/month" reads, not USD
      // over (GB/month), which is USD·month/GB.
      const std::string full = list.currency + (unit->text.empty() ? "" : "/" + unit->text);
      auto priced = ParseUnit(full, units, &uerr);
      if (!priced) {
        ReportAt(diags, entry.unit, 0, entry.unit.text.size(), uerr.message, "unknown-unit");
        dropped();
        continue;
      }
      ce.unit = *priced;
      ce.unit.text = full;
    }
    bool ok = true;
    auto current = CompileValue(entry.current, list.date, units, diags);
    ok = current.has_value();
    if (current) current->own = true, ce.values.push_back(std::move(*current));
    for (const auto& h : entry.history) {
      auto v = CompileValue(h, list.date, units, diags);
      ok = ok && v.has_value();
      if (v) ce.values.push_back(std::move(*v));
    }
    if (!ok || !CheckPercentBases(ce, diags) || !DateValues(entry, &ce, diags)) {
      dropped();
      continue;
    }
    // Each ranged value is one uncertain input, the same wherever it is used.
    for (size_t k = 0; k < ce.values.size(); ++k)
      for (auto& [variant, value] : ce.values[k].variants)
        value = Uncertain(value, "@" + id + ":" + variant + "@" + ce.values[k].date + "#" + std::to_string(k));
    index_.emplace(id, entries_.size());
    if (!entry.original.empty())
      originals_[list.provider + "/\"" + entry.original.text + "\""].push_back(entries_.size());
    entries_.push_back(std::move(ce));
  }
}

void PriceBook::CompileRates(const Inputs& inputs, Diagnostics& diags) {
  std::vector<const cost::Rate*> compiled_from;  // rates_[k] was read from *compiled_from[k]
  for (const auto& r : inputs.rates) {
    bool ok = true;
    for (const std::string* code : {&r.base, &r.quote}) {
      if (!IsCurrencyCode(*code)) {
        ReportAt(diags, r.where, 0, 1, UnknownCurrencyMessage(*code), "unknown-currency");
        ok = false;
      }
    }
    auto d = Decimal::Parse(r.rate.text);
    if (!d || *d <= Decimal(0)) {
      ReportAt(diags, r.rate, 0, r.rate.text.size(),
               "malformed rate '" + r.rate.text + "': write a positive number", "malformed-number");
      ok = false;
    }
    if (!ok) continue;
    // A second rate of the pair for the same day, either way round: which
    // one converts would depend on the order the rates are listed in.
    const cost::Rate* twin = nullptr;
    for (size_t k = 0; k < rates_.size() && !twin; ++k) {
      const CompiledRate& c = rates_[k];
      const bool same = c.base == r.base && c.quote == r.quote, inverse = c.base == r.quote && c.quote == r.base;
      if (c.date != r.date || !(same || inverse)) continue;
      if ((same && c.rate == *d) || (inverse && c.rate * *d == Decimal(1))) continue;  // the same rate again
      twin = compiled_from[k];
    }
    if (twin) {
      ReportAt(diags, r.rate, 0, r.rate.text.size(),
               "a second " + r.base + "/" + r.quote + " rate for " + (r.date.empty() ? "no date" : r.date) +
                   " that differs from the one at " + Where(twin->where),
               "duplicate-rate");
      continue;
    }
    rates_.push_back({r.base, r.quote, r.date, r.source, *d});
    compiled_from.push_back(&r);
  }
}

const CompiledEntry* PriceBook::Find(std::string_view id) const {
  size_t quote = id.rfind('"');
  if (quote == std::string_view::npos) {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &entries_[it->second];
  }
  auto it = originals_.find(id.substr(0, quote + 1));
  if (it == originals_.end()) return nullptr;
  std::string_view part = id.substr(quote + 1);  // "" or ".input"
  const CompiledEntry* found = nullptr;
  for (size_t k : it->second) {
    const std::string& own = entries_[k].entry->id;
    bool match = part.empty() || (own.size() > part.size() && own.compare(own.size() - part.size(), part.size(), part) == 0);
    if (!match) continue;
    if (found) return nullptr;  // ambiguous: the reference must name the part
    found = &entries_[k];
  }
  return found;
}

std::vector<std::string> PriceBook::NamesNear(std::string_view id) const {
  std::string_view provider = id.substr(0, id.find('/'));
  std::vector<std::string> names;
  if (id.find('"') != std::string_view::npos) {
    std::string prefix = std::string(provider) + "/\"";
    for (auto it = originals_.lower_bound(prefix); it != originals_.end() && it->first.rfind(prefix, 0) == 0; ++it) {
      for (size_t k : it->second) {
        const std::string& own = entries_[k].entry->id;
        size_t dot = own.rfind('.');
        names.push_back(it->first.substr(provider.size() + 1) + (it->second.size() > 1 && dot != std::string::npos ? own.substr(dot) : ""));
      }
    }
    return names;
  }
  std::string prefix = std::string(provider) + "/";
  for (auto it = index_.lower_bound(prefix); it != index_.end() && it->first.rfind(prefix, 0) == 0; ++it)
    names.push_back(it->first.substr(prefix.size()));
  return names;
}

namespace {
// The value in force on `date` ("" = the newest): the one with the newest
// date on or before it; a value in force always counts as the oldest.
const CompiledValue* InForce(const CompiledEntry& e, const std::string& date) {
  const CompiledValue* best = nullptr;
  for (const CompiledValue& v : e.values) {
    if (!date.empty() && v.date > date) continue;
    if (!best || v.date > best->date) best = &v;
  }
  return best;
}

const Interval* VariantOf(const CompiledValue& v, const std::string& variant) {
  for (const auto& p : v.variants)
    if (p.first == variant) return &p.second;
  return nullptr;
}
}  // namespace

bool PriceBook::HasVariant(const CompiledEntry& e, const std::string& variant,
                           const std::string& date) const {
  const CompiledValue* v = InForce(e, date);
  return v && VariantOf(*v, variant);
}

namespace {
const PriceShape* ShapeIn(const CompiledValue& v, const std::string& variant) {
  for (const auto& [name, shape] : v.shapes)
    if (name == variant) return &shape;
  return nullptr;
}
}  // namespace

bool PriceBook::Lookup(const CompiledEntry& e, const std::string& variant, const std::string& date,
                       PriceFound* out, std::string* error) const {
  auto key = std::make_tuple(&e, variant, date);
  {
    std::lock_guard<std::mutex> lock(found_->mutex);
    if (auto it = found_->by_key.find(key); it != found_->by_key.end()) {
      *out = it->second;
      return true;
    }
  }
  if (!Find(e, variant, date, out, error)) return false;  // not kept: each caller words its error
  std::lock_guard<std::mutex> lock(found_->mutex);
  found_->by_key.emplace(std::move(key), *out);
  return true;
}

bool PriceBook::Find(const CompiledEntry& e, const std::string& variant, const std::string& date,
                     PriceFound* out, std::string* error) const {
  std::string id = e.list->provider + "/" + e.entry->id;
  const CompiledValue* found = InForce(e, date);
  const Interval* value = found ? VariantOf(*found, variant) : nullptr;
  if (!value) {
    bool ever = std::any_of(e.values.begin(), e.values.end(), [&](const CompiledValue& v) { return VariantOf(v, variant); });
    std::string name = "price '@" + id + "'" + (variant == "on_demand" ? "" : ":" + variant);
    if (!ever) {
      *error = "price '@" + id + "' has no variant '" + variant + "'";
    } else if (!found) {
      // The earliest value, so the author sees how far the date falls short.
      std::string first;
      for (const CompiledValue& v : e.values)
        if (!v.date.empty() && (first.empty() || v.date < first)) first = v.date;
      *error = name + " has no value on or before " + date + (first.empty() ? "" : ": its first value is in force from " + first);
    } else {
      *error = "price '@" + id + "' does not offer " +
               (variant == "on_demand" ? std::string("its plain price") : "variant '" + variant + "'") + " on " +
               date + ": the value in force then (" + FromText(found->date) + ") does not give it";
    }
    return false;
  }
  PriceUse use;
  const PriceShape* shape = ShapeIn(*found, variant);
  if (shape) use.shape = *shape;
  Interval stated = *value;
  std::string when = found->date;
  if (shape && shape->percent) {  // resolved against its base in force on the same date
    // A value replaces the entry whole (inherited variants are copied in), so the base is in it.
    const PriceShape* base_shape = ShapeIn(*found, shape->of);
    if (base_shape && base_shape->percent) {  // checked at load for names; here for dates
      *error = "price '@" + id + "':" + variant + " is a percentage of '" + shape->of + "', itself a percentage";
      return false;
    }
    PriceFound base;
    if (!Lookup(e, shape->of, date, &base, error)) return false;
    Interval factor(*shape->percent / Decimal(100));
    stated = base.use->value * factor;
    if (base.use->shape->tiers) {
      PriceShape& scaled = use.shape.Edit();
      scaled.tiers = base.use->shape->tiers;
      for (TierStep& step : scaled.tiers->steps) step.price = step.price * factor;
    }
    if (base.use->since > when) when = base.use->since;
    for (const auto& [name, label] : e.list->variant_labels)
      if (name == shape->of) use.of_label = label;
  }
  out->unit = e.unit;
  out->dim = e.unit.dim;
  out->value = stated * Interval(e.unit.scale);
  use.id = id;
  use.variant = variant;
  use.value = stated;
  use.unit = e.unit;
  use.date = found->checked;
  use.since = when;
  use.source = e.entry->source.empty() ? e.list->source : e.entry->source;
  use.provider_name = e.list->name;
  use.label = e.entry->label;
  for (const auto& [name, label] : e.list->variant_labels)
    if (name == variant) use.variant_label = label;
  out->use = std::make_shared<const PriceUse>(std::move(use));
  return true;
}

bool PriceBook::Rate(const std::string& from, const std::string& to, const std::string& date,
                     Decimal* factor, FxUse* used, std::string* error) const {
  const CompiledRate* best = nullptr;
  for (const auto& r : rates_) {
    bool match = (r.base == from && r.quote == to) || (r.base == to && r.quote == from);
    if (!match || (!date.empty() && r.date > date)) continue;
    if (!best || r.date >= best->date) best = &r;
  }
  if (!best) {
    *error = "no exchange rate between " + from + " and " + to +
             (date.empty() ? "" : " on or before " + date);
    return false;
  }
  *factor = best->base == from ? best->rate : Decimal(1) / best->rate;
  *used = FxUse{best->base, best->quote, best->rate, best->date, best->source};
  return true;
}

std::vector<ProviderView> PriceBook::Views() const {
  std::vector<ProviderView> out;
  for (const auto& e : entries_) {
    if (out.empty() || out.back().id != e.list->provider) {
      out.push_back({e.list->provider, e.list->name, e.list->currency, e.list->source,
                     e.list->region, e.list->date, {}, e.list->variant_labels});
    }
    auto own = std::find_if(e.values.begin(), e.values.end(), [](const CompiledValue& cv) { return cv.own; });
    PriceEntryView v{e.entry->id, e.entry->label, e.unit, {}, own == e.values.end() ? "" : own->checked,
                     e.entry->source.empty() ? e.list->source : e.entry->source, e.entry->note,
                     e.entry->where.pos(), std::string(e.entry->where.line()), {}, {}, {}};
    if (own != e.values.end()) v.since = own->date;
    for (const CompiledValue& cv : e.values) {
      // A value in force always is drawn at the date it was read.
      DatedPrice dated{cv.date.empty() ? cv.checked : cv.date, cv.checked, cv.date, {}, {}};
      // Each variant as it was in force on this value's date: a percentage resolved against its base.
      for (const auto& [name, value] : cv.variants) {
        PriceFound found;
        std::string error;
        bool resolved = ShapeIn(cv, name) && ShapeIn(cv, name)->percent && Lookup(e, name, dated.date, &found, &error);
        dated.variants.emplace_back(name, resolved ? found.use->value : value);
        if (const PriceShape* shape = ShapeIn(cv, name))
          dated.shapes.emplace_back(name, resolved ? *found.use->shape : *shape);
      }
      if (own != e.values.end() && &cv == &*own) v.variants = dated.variants, v.shapes = dated.shapes;
      v.dated.push_back(std::move(dated));
    }
    std::stable_sort(v.dated.begin(), v.dated.end(),
                     [](const DatedPrice& a, const DatedPrice& b) {  // undated: last
                       return !a.date.empty() && (b.date.empty() || a.date < b.date);
                     });
    out.back().entries.push_back(std::move(v));
  }
  for (const PriceList* list : named_only_)
    out.push_back({list->provider, list->name, list->currency, list->source, list->region, list->date, {},
                   list->variant_labels});
  return out;
}

}  // namespace costsite::cost
