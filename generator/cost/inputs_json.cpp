#include "cost/inputs_json.h"

#include <set>

#include <nlohmann/json.hpp>

namespace costsite::cost {
namespace {

using nlohmann::json;

json J(const Located& l) {
  const std::string& path = l.source ? l.source->path : std::string();
  if (l.text.empty() && path.empty()) return json();
  return json::array({l.text, path, l.line_no, l.col_no});
}
void R(const json& j, Located* l) {
  if (!j.is_array() || j.size() != 4) return;
  l->text = j[0].get<std::string>();
  // One source per path, as when the definitions were read (without their
  // text: no caret is drawn from definitions read back).
  static thread_local SourceRef last;
  std::string path = j[1].get<std::string>();
  if (!last || last->path != path) last = SourceRef(new SourceText(std::move(path), std::string()));
  l->source = last;
  l->line_no = j[2].get<int>();
  l->col_no = j[3].get<int>();
}
void R(const json& j, OptionalLocated* l) {  // left unset when not written (J of an empty Located)
  if (!j.is_array() || j.size() != 4) return;
  Located read;
  R(j, &read);
  *l = std::move(read);
}

json J(const LocalizedText& t) {
  json j = json::object();
  for (const auto& [lang, text] : t) j[lang] = text;
  return j;
}
void R(const json& j, LocalizedText* t) {
  if (!j.is_object()) return;
  for (const auto& [lang, text] : j.items()) (*t)[lang] = text.get<std::string>();
}

// Declared before the list templates, which call them.
json J(const TiersDef& x);
void R(const json& j, TiersDef* x);
json J(const PriceValue& x);
void R(const json& j, PriceValue* x);
json J(const PriceEntry& x);
void R(const json& j, PriceEntry* x);
json J(const PriceList& x);
void R(const json& j, PriceList* x);
json J(const UnitDecl& x);
void R(const json& j, UnitDecl* x);
json J(const Rate& x);
void R(const json& j, Rate* x);
json J(const ParamDef& x);
void R(const json& j, ParamDef* x);
json J(const GroupDef& x);
void R(const json& j, GroupDef* x);
json J(const ItemDef& x);
void R(const json& j, ItemDef* x);
json J(const FigureDef& x);
void R(const json& j, FigureDef* x);
json J(const VariantChoice& x);
void R(const json& j, VariantChoice* x);
json J(const ScenarioDef& x);
void R(const json& j, ScenarioDef* x);
json J(const RuleDef& x);
void R(const json& j, RuleDef* x);
json J(const ExpectationDef& x);
void R(const json& j, ExpectationDef* x);
json J(const ModelDef& x);
void R(const json& j, ModelDef* x);
json J(const std::pair<std::string, Located>& x);
void R(const json& j, std::pair<std::string, Located>* x);
json J(const TierStepDef& x);
void R(const json& j, TierStepDef* x);
json J(const std::pair<std::string, LocalizedText>& x);
void R(const json& j, std::pair<std::string, LocalizedText>* x);

template <typename Seq>  // std::vector or RareList
json List(const Seq& v) {
  json j = json::array();
  for (const auto& x : v) j.push_back(J(x));
  return j;
}
template <typename Seq>
void ReadList(const json& j, Seq* v) {
  if (!j.is_array()) return;
  for (const json& x : j) R(x, &v->emplace_back());
}

json J(const std::pair<std::string, Located>& p) { return json::array({p.first, J(p.second)}); }
void R(const json& j, std::pair<std::string, Located>* p) {
  p->first = j[0].get<std::string>();
  R(j[1], &p->second);
}
json J(const TierStepDef& s) { return json::array({J(s.from), J(s.price), s.above}); }
void R(const json& j, TierStepDef* s) {
  R(j[0], &s->from);
  R(j[1], &s->price);
  s->above = j.size() > 2 && j[2].is_boolean() && j[2].get<bool>();
}
json J(const std::pair<std::string, LocalizedText>& p) { return json::array({p.first, J(p.second)}); }
void R(const json& j, std::pair<std::string, LocalizedText>* p) {
  p->first = j[0].get<std::string>();
  R(j[1], &p->second);
}

std::string S(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
}
bool B(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}
const json& At(const json& j, const char* key) {
  static const json kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

json J(const TiersDef& t) {
  return {{"where", J(t.where)}, {"basis", J(t.basis)}, {"by", J(t.by)}, {"steps", List(t.steps)}};
}
void R(const json& j, TiersDef* t) {
  R(At(j, "where"), &t->where);
  R(At(j, "basis"), &t->basis);
  R(At(j, "by"), &t->by);
  ReadList(At(j, "steps"), &t->steps);
}

json J(const PriceValue& v) {
  json j = {{"date", v.date},       {"checked", v.checked},     {"where", J(v.where)},
            {"price", J(v.price)},  {"variants", List(v.variants)}, {"hours", List(v.hours)},
            {"inherit_given", v.inherit_given}, {"inherit_all", v.inherit_all}, {"inherit", List(v.inherit)}};
  if (v.tiers) j["tiers"] = J(*v.tiers);
  return j;
}
void R(const json& j, PriceValue* v) {
  v->date = S(j, "date");
  v->checked = S(j, "checked");
  R(At(j, "where"), &v->where);
  R(At(j, "price"), &v->price);
  if (j.contains("tiers")) R(j["tiers"], &v->tiers.emplace());
  ReadList(At(j, "variants"), &v->variants);
  ReadList(At(j, "hours"), &v->hours);
  v->inherit_given = B(j, "inherit_given");
  v->inherit_all = B(j, "inherit_all");
  ReadList(At(j, "inherit"), &v->inherit);
}

json J(const PriceEntry& e) {
  return {{"id", e.id},           {"where", J(e.where)},          {"label", J(e.label)},
          {"unit", J(e.unit)},    {"current", J(e.current)},      {"history", List(e.history)},
          {"source", e.source},   {"note", J(e.note)}};
}
void R(const json& j, PriceEntry* e) {
  e->id = S(j, "id");
  R(At(j, "where"), &e->where);
  R(At(j, "label"), &e->label);
  R(At(j, "unit"), &e->unit);
  R(At(j, "current"), &e->current);
  ReadList(At(j, "history"), &e->history);
  e->source = S(j, "source");
  R(At(j, "note"), &e->note);
}

json J(const PriceList& p) {
  return {{"provider", p.provider}, {"where", J(p.where)},     {"name", J(p.name)},
          {"currency", p.currency}, {"source", p.source},      {"region", p.region},
          {"date", p.date},         {"entries", List(p.entries)}, {"variant_labels", List(p.variant_labels)}};
}
void R(const json& j, PriceList* p) {
  p->provider = S(j, "provider");
  R(At(j, "where"), &p->where);
  R(At(j, "name"), &p->name);
  p->currency = S(j, "currency");
  p->source = S(j, "source");
  p->region = S(j, "region");
  p->date = S(j, "date");
  ReadList(At(j, "entries"), &p->entries);
  ReadList(At(j, "variant_labels"), &p->variant_labels);
}

json J(const UnitDecl& u) {
  const UnitNames& n = u.names;
  return {{"keys", n.keys},     {"zh", n.zh},         {"zh_measure", n.zh_measure}, {"zh_per", n.zh_per},
          {"en_one", n.en_one}, {"en_other", n.en_other}, {"en_per", n.en_per},     {"at", List(u.keys)},
          {"distinct", u.distinct}};
}
void R(const json& j, UnitDecl* u) {
  UnitNames& n = u->names;
  if (j.contains("keys")) n.keys = j["keys"].get<std::vector<std::string>>();
  n.zh = S(j, "zh");
  n.zh_measure = S(j, "zh_measure");
  n.zh_per = S(j, "zh_per");
  n.en_one = S(j, "en_one");
  n.en_other = S(j, "en_other");
  n.en_per = S(j, "en_per");
  ReadList(At(j, "at"), &u->keys);
  u->distinct = B(j, "distinct");
}

json J(const Rate& r) {
  return {{"base", r.base}, {"quote", r.quote}, {"rate", J(r.rate)},
          {"date", r.date}, {"source", r.source}, {"where", J(r.where)}};
}
void R(const json& j, Rate* r) {
  r->base = S(j, "base");
  r->quote = S(j, "quote");
  R(At(j, "rate"), &r->rate);
  r->date = S(j, "date");
  r->source = S(j, "source");
  R(At(j, "where"), &r->where);
}

json J(const ParamDef& p) {
  json j = {{"id", p.id}, {"label", J(p.label)}, {"value", J(p.value)}};
  if (p.input) j["input"] = {{"min", J(p.input->min)}, {"max", J(p.input->max)}, {"step", J(p.input->step)}};
  return j;
}
void R(const json& j, ParamDef* p) {
  p->id = S(j, "id");
  R(At(j, "label"), &p->label);
  R(At(j, "value"), &p->value);
  if (const json& in = At(j, "input"); in.is_object()) {
    p->input.emplace();
    R(At(in, "min"), &p->input->min);
    R(At(in, "max"), &p->input->max);
    R(At(in, "step"), &p->input->step);
  }
}

json J(const GroupDef& g) { return {{"id", g.id}, {"label", J(g.label)}}; }
void R(const json& j, GroupDef* g) {
  g->id = S(j, "id");
  R(At(j, "label"), &g->label);
}

json J(const ItemDef& i) {
  return {{"id", i.id()},      {"where", J(i.where)},       {"label", J(i.label)},
          {"group", i.group},  {"quantity", J(i.quantity)}, {"price", J(i.price)},
          {"formula", J(i.formula)}, {"unit", J(i.unit)}};
}
void R(const json& j, ItemDef* i) {
  R(At(j, "where"), &i->where);
  if (i->where.text.empty()) i->where.text = S(j, "id");  // the id is the key as written
  R(At(j, "label"), &i->label);
  i->group = S(j, "group");
  R(At(j, "quantity"), &i->quantity);
  R(At(j, "price"), &i->price);
  R(At(j, "formula"), &i->formula);
  R(At(j, "unit"), &i->unit);
}

json J(const FigureDef& f) {
  return {{"id", f.id()}, {"where", J(f.where)}, {"label", J(f.label)}, {"formula", J(f.formula)}, {"unit", J(f.unit)}};
}
void R(const json& j, FigureDef* f) {
  R(At(j, "where"), &f->where);
  if (f->where.text.empty()) f->where.text = S(j, "id");
  R(At(j, "label"), &f->label);
  R(At(j, "formula"), &f->formula);
  R(At(j, "unit"), &f->unit);
}

json J(const VariantChoice& c) { return {{"price", c.price}, {"variant", c.variant}, {"where", J(c.where)}}; }
void R(const json& j, VariantChoice* c) {
  c->price = S(j, "price");
  c->variant = S(j, "variant");
  R(At(j, "where"), &c->where);
}

json J(const ScenarioDef& s) {
  return {{"id", s.id},           {"where", J(s.where)},     {"label", J(s.label)},
          {"as_of", s.as_of},     {"params", List(s.params)}, {"variant", s.variant},
          {"variant_where", J(s.variant_where)}, {"variants", List(s.variants)}};
}
void R(const json& j, ScenarioDef* s) {
  s->id = S(j, "id");
  R(At(j, "where"), &s->where);
  R(At(j, "label"), &s->label);
  s->as_of = S(j, "as_of");
  ReadList(At(j, "params"), &s->params);
  s->variant = S(j, "variant");
  R(At(j, "variant_where"), &s->variant_where);
  ReadList(At(j, "variants"), &s->variants);
}

json J(const RuleDef& r) {
  return {{"id", r.id}, {"when", J(r.when)}, {"label", J(r.label)}, {"recommend", J(r.recommend)},
          {"condition", J(r.condition)}};
}
void R(const json& j, RuleDef* r) {
  r->id = S(j, "id");
  R(At(j, "when"), &r->when);
  R(At(j, "label"), &r->label);
  R(At(j, "recommend"), &r->recommend);
  R(At(j, "condition"), &r->condition);
}

json J(const ExpectationDef& x) {
  return {{"figure", J(x.figure)}, {"stated", J(x.stated)}, {"tolerance", J(x.tolerance)},
          {"known_discrepancy", x.known_discrepancy}, {"source", J(x.source)}, {"note", J(x.note)}};
}
void R(const json& j, ExpectationDef* x) {
  R(At(j, "figure"), &x->figure);
  R(At(j, "stated"), &x->stated);
  R(At(j, "tolerance"), &x->tolerance);
  x->known_discrepancy = B(j, "known_discrepancy");
  R(At(j, "source"), &x->source);
  R(At(j, "note"), &x->note);
}

json J(const ModelDef& m) {
  return {{"id", m.id},           {"where", J(m.where)},         {"title", J(m.title)},
          {"as_of", m.as_of},     {"unit", J(m.unit)},           {"params", List(m.params)},
          {"groups", List(m.groups)}, {"items", List(m.items)},  {"figures", List(m.figures)},
          {"scenarios", List(m.scenarios)}, {"rules", List(m.rules)}, {"expectations", List(m.expectations)}};
}
void R(const json& j, ModelDef* m) {
  m->id = S(j, "id");
  R(At(j, "where"), &m->where);
  R(At(j, "title"), &m->title);
  m->as_of = S(j, "as_of");
  R(At(j, "unit"), &m->unit);
  ReadList(At(j, "params"), &m->params);
  ReadList(At(j, "groups"), &m->groups);
  ReadList(At(j, "items"), &m->items);
  ReadList(At(j, "figures"), &m->figures);
  ReadList(At(j, "scenarios"), &m->scenarios);
  ReadList(At(j, "rules"), &m->rules);
  ReadList(At(j, "expectations"), &m->expectations);
}

// Every formula text of a model, for finding what it names.
std::string FormulaText(const ModelDef& m) {
  std::string all;
  auto add = [&](const Located& l) { all += l.text, all += '\n'; };
  for (const auto& p : m.params) {
    add(p.value);
    if (p.input) add(p.input->min), add(p.input->max), add(p.input->step);
  }
  for (const auto& i : m.items) add(i.quantity), add(i.price), add(i.formula);
  for (const auto& f : m.figures) add(f.formula);
  for (const auto& s : m.scenarios) {
    for (const auto& p : s.params) add(p.value);
    for (const auto& c : s.variants) all += c.price + '\n';
  }
  for (const auto& r : m.rules) add(r.when);
  for (const auto& x : m.expectations) add(x.figure), add(x.stated);
  return all;
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '/' || c == '@';
}

// True when `text` names `name` as a whole word or as the start of a
// dotted reference ("other.total").
bool Names(const std::string& text, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    bool start = at == 0 || !IsIdChar(text[at - 1]) || text[at - 1] == '@';
    size_t end = at + name.size();
    bool stop = end >= text.size() || !IsIdChar(text[end]) || text[end] == '.' || text[end] == ':' ||
                text[end] == '[';
    if (start && stop) return true;
  }
  return false;
}

}  // namespace

std::string InputsToJson(const Inputs& in, const Options& options) {
  json j = {{"price_lists", List(in.price_lists)},
            {"rates", List(in.rates)},
            {"models", List(in.models)},
            {"units", List(in.units)},
            {"options", {{"as_of", options.as_of}, {"month_hours", options.month_hours}, {"today", options.today}}}};
  return j.dump();
}

Inputs InputsFor(const Inputs& all, const std::vector<std::string>& wanted, const std::vector<const ModelDef*>& extra) {
  Inputs out;
  out.rates = all.rates;
  out.units = all.units;
  // The models asked for and those their formulas name, to a fixed point.
  std::set<std::string> chosen(wanted.begin(), wanted.end());
  std::string text;
  for (bool grew = true; grew;) {
    grew = false;
    text.clear();
    for (const ModelDef* m : extra) text += FormulaText(*m);
    for (const ModelDef& m : all.models)
      if (chosen.count(m.id)) text += FormulaText(m);
    for (const ModelDef& m : all.models)
      if (!chosen.count(m.id) && Names(text, m.id)) chosen.insert(m.id), grew = true;
  }
  for (const ModelDef& m : all.models)
    if (chosen.count(m.id)) out.models.push_back(m);
  for (const ModelDef* m : extra) out.models.push_back(*m);
  // Price entries named as "@provider/id" (with or without a variant), and
  // their lists' other fields.
  for (const PriceList& list : all.price_lists) {
    PriceList kept = list;
    kept.entries.clear();
    for (const PriceEntry& e : list.entries)
      if (Names(text, "@" + list.provider + "/" + e.id)) kept.entries.push_back(e);
    if (!kept.entries.empty()) out.price_lists.push_back(std::move(kept));
  }
  return out;
}

bool InputsFromJson(std::string_view text, Inputs* in, Options* options, std::string* error) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    *error = "the what-if data is not a JSON object";
    return false;
  }
  ReadList(At(j, "price_lists"), &in->price_lists);
  ReadList(At(j, "rates"), &in->rates);
  ReadList(At(j, "models"), &in->models);
  ReadList(At(j, "units"), &in->units);
  const json& o = At(j, "options");
  if (o.is_object()) {
    options->as_of = S(o, "as_of");
    if (o.contains("month_hours")) options->month_hours = o["month_hours"].get<int>();
    options->today = S(o, "today");
  }
  return true;
}

}  // namespace costsite::cost
