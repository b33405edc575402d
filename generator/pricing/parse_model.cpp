// Models: params, groups, items, figures, scenarios, rules, expectations.
#include <algorithm>
#include <cctype>

#include "pricing/pricing.h"
#include "pricing/yaml_read.h"

namespace costsite::pricing {
namespace {

// `input: {min, max, step}`; the bounds are checked against the value when
// the model is evaluated (they are formulas with units).
void ReadInput(YamlFile& f, const YamlNode& v, const std::string& param, cost::ParamDef* p) {
  const YamlNode& in = v["input"];
  std::string what = "the input of parameter '" + param + "'";
  if (!f.ExpectMap(in, what)) return;
  f.CheckKeys(in, {"min", "max", "step"}, what);
  if (!in["min"] || !in["max"]) {
    f.Error(in, what + " needs `min` and `max`", "missing-key");
    return;
  }
  cost::InputDef def;
  def.min = f.Text(in["min"], "min");
  def.max = f.Text(in["max"], "max");
  if (in["step"]) def.step = f.Text(in["step"], "step");
  p->input = std::move(def);
}

void ReadParam(YamlFile& f, const YamlNode& key, const YamlNode& v, std::vector<cost::ParamDef>* out,
               bool inputs) {
  cost::ParamDef p;
  p.id = f.Id(key, "parameter name", false);
  if (v.IsMap()) {
    if (inputs) f.CheckKeys(v, {"value", "label", "input"}, "parameter '" + p.id + "'");
    else f.CheckKeys(v, {"value", "label"}, "parameter '" + p.id + "' of a scenario");
    if (!v["value"]) {
      f.Error(key, "parameter '" + p.id + "' needs a value", "missing-key");
      return;
    }
    p.value = f.Text(v["value"], "value");
    if (v["label"]) p.label = f.Localized(v["label"], "label");
    if (inputs && v["input"]) ReadInput(f, v, p.id, &p);
  } else {
    p.value = f.Text(v, "parameter '" + p.id + "'");
  }
  if (!p.value.empty()) out->push_back(std::move(p));
}

// `inputs`: a model's own params may be adjustable; a scenario's may not.
void ReadParams(YamlFile& f, const YamlNode& node, std::vector<cost::ParamDef>* out, bool inputs) {
  if (!f.ExpectMap(node, "params")) return;
  f.ForEachNamed(node, "params", [&](const YamlNode& k, const YamlNode& v) { ReadParam(f, k, v, out, inputs); });
}

// A named selection of the FOCUS export, `ec2: {ServiceName: "Amazon EC2",
// period: 2024-10, measure: EffectiveCost}`: a parameter whose value is the
// actual(…) call it stands for, so formulas use it by name and the export is
// read for it with every other call.
void ReadActualSelection(YamlFile& f, const YamlNode& key, const YamlNode& v, std::vector<cost::ParamDef>* out) {
  cost::ParamDef p;
  p.id = f.Id(key, "selection name", false);
  if (!f.ExpectMap(v, "selection '" + p.id + "'")) return;
  std::string args;
  for (const auto& kv : v) {
    std::string column = f.Scalar(kv.first, "column");
    if (column == "label") {
      p.label = f.Localized(kv.second, "label");
      continue;
    }
    std::string value = f.Scalar(kv.second, column);
    std::string arg;
    if (column == "period" || column == "measure") {
      arg = column + "=" + value;
    } else {
      std::string quoted;
      for (char c : value) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
      }
      std::string name = column;
      if (column.rfind("tag:", 0) == 0) {
        // A tag key a formula name cannot hold ("user:team", "cost-center") is quoted: tag."user:team".
        std::string key = column.substr(4);
        bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        });
        name = plain ? "tag." + key : "tag.\"" + key + "\"";
      }
      arg = name + "=\"" + quoted + "\"";
    }
    args += (args.empty() ? "" : ", ") + arg;
  }
  p.value = f.Text(key, "selection");
  p.value.text = "actual(" + args + ")";
  out->push_back(std::move(p));
}

void ReadItem(YamlFile& f, const YamlNode& key, const YamlNode& v, cost::ModelDef* m) {
  cost::ItemDef item;
  item.where = f.At(f.Pos(key), f.Id(key, "item name", false));  // the id is the key as written
  if (!f.ExpectMap(v, "item '" + item.id() + "'")) return;
  f.CheckKeys(v, {"label", "group", "quantity", "price", "formula", "unit"}, "item '" + item.id() + "'");
  if (v["label"]) item.label = f.Localized(v["label"], "label");
  if (v["group"]) item.group = f.Id(v["group"], "group name", false);
  if (v["quantity"]) item.quantity = f.Text(v["quantity"], "quantity");
  if (v["price"]) item.price = f.Text(v["price"], "price");
  if (v["formula"]) item.formula = f.Text(v["formula"], "formula");
  if (v["unit"]) item.unit = f.Text(v["unit"], "unit");
  bool product = !item.quantity.empty() && !item.price.empty();
  if (!item.formula.empty() && (!item.quantity.empty() || !item.price.empty())) {
    f.Error(key, "item '" + item.id() + "' has both a formula and a quantity or price", "malformed-item");
    return;
  }
  if (item.formula.empty() && !product) {
    f.Error(key, "item '" + item.id() + "' needs a formula, or a quantity and a price", "missing-key");
    return;
  }
  m->items.push_back(std::move(item));
}

void ReadFigure(YamlFile& f, const YamlNode& key, const YamlNode& v, cost::ModelDef* m) {
  cost::FigureDef fig;
  fig.where = f.At(f.Pos(key), f.Id(key, "figure name", false));  // the id is the key as written
  if (v.IsMap()) {
    f.CheckKeys(v, {"formula", "unit", "label"}, "figure '" + fig.id() + "'");
    if (!v["formula"]) {
      f.Error(key, "figure '" + fig.id() + "' needs a formula", "missing-key");
      return;
    }
    fig.formula = f.Text(v["formula"], "formula");
    if (v["unit"]) fig.unit = f.Text(v["unit"], "unit");
    if (v["label"]) fig.label = f.Localized(v["label"], "label");
  } else {
    fig.formula = f.Text(v, "figure '" + fig.id() + "'");
  }
  if (!fig.formula.empty()) m->figures.push_back(std::move(fig));
}

void ReadScenario(YamlFile& f, const YamlNode& key, const YamlNode& v, cost::ModelDef* m) {
  cost::ScenarioDef sc;
  sc.id = f.Id(key, "scenario name", false);
  sc.where = f.At(f.Pos(key), sc.id);
  if (!f.ExpectMap(v, "scenario '" + sc.id + "'")) return;
  f.CheckKeys(v, {"label", "as_of", "params", "variant", "variants"}, "scenario '" + sc.id + "'");
  if (v["label"]) sc.label = f.Localized(v["label"], "label");
  if (v["as_of"]) sc.as_of = f.Date(v["as_of"]);
  if (v["params"]) ReadParams(f, v["params"], &sc.params, false);
  if (v["variant"]) {
    sc.variant = f.Id(v["variant"], "variant", false);
    sc.variant_where = f.Text(v["variant"], "variant");
  }
  if (v["variants"] && f.ExpectMap(v["variants"], "variants")) {
    for (const auto& kv : v["variants"]) {
      cost::VariantChoice c{f.Scalar(kv.first, "price"), f.Id(kv.second, "variant", false), {}};
      c.where = f.Text(kv.second, "variant");
      sc.variants.push_back(std::move(c));
    }
  }
  m->scenarios.push_back(std::move(sc));
}

void ReadRule(YamlFile& f, const YamlNode& key, const YamlNode& v, cost::ModelDef* m) {
  cost::RuleDef r;
  r.id = f.Id(key, "rule name", false);
  if (!f.ExpectMap(v, "rule '" + r.id + "'")) return;
  f.CheckKeys(v, {"when", "label", "recommend", "condition"}, "rule '" + r.id + "'");
  if (!v["when"]) {
    f.Error(key, "rule '" + r.id + "' needs `when`", "missing-key");
    return;
  }
  r.when = f.Text(v["when"], "when");
  if (v["label"]) r.label = f.Localized(v["label"], "label");
  if (v["recommend"]) r.recommend = f.Localized(v["recommend"], "recommend");
  if (v["condition"]) r.condition = f.Localized(v["condition"], "condition");
  m->rules.push_back(std::move(r));
}

void ReadExpectation(YamlFile& f, const YamlNode& v, cost::ModelDef* m) {
  if (!f.ExpectMap(v, "an expectation")) return;
  f.CheckKeys(v, {"figure", "stated", "tolerance", "source", "known_discrepancy", "note"},
              "an expectation");
  if (!v["figure"] || !v["stated"]) {
    f.Error(v, "an expectation needs `figure` and `stated`", "missing-key");
    return;
  }
  cost::ExpectationDef x;
  x.figure = f.Text(v["figure"], "figure");
  x.stated = f.Text(v["stated"], "stated");
  if (v["tolerance"]) x.tolerance = f.Text(v["tolerance"], "tolerance");
  if (v["source"]) x.source = f.Localized(v["source"], "source");
  if (v["known_discrepancy"]) x.known_discrepancy = f.Bool(v["known_discrepancy"], "known_discrepancy");
  if (v["note"]) x.note = f.Localized(v["note"], "note");
  m->expectations.push_back(std::move(x));
}

template <typename Fn>
void EachEntry(YamlFile& f, const YamlNode& node, std::string_view what, Fn fn) {
  if (!f.ExpectMap(node, what)) return;
  f.ForEachNamed(node, what, fn);
}

}  // namespace

void ReadModelNode(YamlFile& f, const YamlNode& root, const std::string& inline_id,
                   cost::ModelDef* m) {
  std::initializer_list<std::string_view> keys = {
      "model", "title", "as_of", "unit", "params", "groups", "items", "figures", "scenarios",
      "rules", "expectations", "actuals"};
  f.CheckKeys(root, keys, "a model");
  if (inline_id.empty()) {
    m->id = f.Id(root["model"], "model id", true);
    m->where = f.At(f.Pos(root["model"]), m->id);
  } else {
    if (root["model"]) f.Error(root["model"], "a model in a page takes its id from the page; remove `model:`", "unknown-key");
    m->id = inline_id;
    m->where = f.At(f.Pos(root), inline_id);
  }
  // Not interned: a title names one model, and the intern table's copy of
  // its words would be held for every model until the table is pruned.
  if (root["title"]) m->title = f.Localized(root["title"], "title", /*intern=*/false);
  if (root["as_of"]) m->as_of = f.Date(root["as_of"]);
  if (root["unit"]) m->unit = f.Text(root["unit"], "unit");
  if (root["params"]) ReadParams(f, root["params"], &m->params, true);
  if (root["actuals"]) {
    EachEntry(f, root["actuals"], "actuals",
              [&](const YamlNode& k, const YamlNode& v) { ReadActualSelection(f, k, v, &m->params); });
  }
  if (root["groups"]) {
    EachEntry(f, root["groups"], "groups", [&](const YamlNode& k, const YamlNode& v) {
      m->groups.push_back({f.Id(k, "group name", false), f.Localized(v, "group label")});
    });
  }
  auto each = [&](const char* key, auto fn) {
    if (root[key]) EachEntry(f, root[key], key, [&](const YamlNode& k, const YamlNode& v) { fn(f, k, v, m); });
  };
  each("items", ReadItem);
  each("figures", ReadFigure);
  each("scenarios", ReadScenario);
  each("rules", ReadRule);
  if (root["expectations"] && f.ExpectList(root["expectations"], "expectations")) {
    for (const auto& x : root["expectations"]) ReadExpectation(f, x, m);
  }
}

bool ParseModel(const std::string& path, std::string_view text, cost::ModelDef* out,
                Diagnostics& diags) {
  Diagnostics local;
  YamlFile f(path, text, local);
  f.Guard([&] {
    YamlNode loaded;
    if (!f.Load(&loaded)) return;
    const YamlNode& root = loaded;
    if (!root.IsMap() || !root["model"]) {
      f.Error(SourcePos{path, 1, 1}, "a model needs a top-level `model:`", "missing-key");
      return;
    }
    ReadModelNode(f, root, "", out);
  });
  diags.Merge(local);
  return !local.HasErrors();
}

bool ParseInlineModel(const std::string& path, std::string_view text, int first_line,
                      const std::string& id, cost::ModelDef* out, Diagnostics& diags) {
  Diagnostics local;
  YamlFile f(path, text, local, first_line);
  f.Guard([&] {
    YamlNode loaded;
    if (!f.Load(&loaded)) return;
    const YamlNode& root = loaded;
    if (!root.IsMap()) {
      f.Error(SourcePos{path, first_line, 1}, "a cost model block must be a YAML map", "malformed-yaml");
      return;
    }
    ReadModelNode(f, root, id, out);
  });
  diags.Merge(local);
  return !local.HasErrors();
}

}  // namespace costsite::pricing
