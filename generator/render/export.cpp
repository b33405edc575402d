#include "render/export.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cost/evaluation.h"
#include "figures/lookup.h"
#include "markdown/cost_nodes.h"

namespace costsite::render {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view kSchema = "costsite.data/1";

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// A labelled figure with what kind of figure it is.
struct Row {
  std::string kind;  // param, item, subtotal, share, total, figure
  const cost::Figure* figure;
  std::string group;
  const cost::LineItem* item = nullptr;
};

std::vector<Row> Rows(const cost::ModelResult& r) {
  std::vector<Row> rows;
  for (const auto& f : r.params) rows.push_back({"param", &f, {}});
  for (const auto& i : r.items) rows.push_back({"item", &i.cost, i.group, &i});
  for (const auto& g : r.groups) rows.push_back({"subtotal", &g.subtotal, g.id});
  for (const auto& f : r.shares) rows.push_back({"share", &f, {}});
  if (r.total) rows.push_back({"total", &*r.total, {}});
  for (const auto& f : r.figures) rows.push_back({"figure", &f, {}});
  return rows;
}

ordered_json Localized(const LocalizedText& t) {
  ordered_json j = ordered_json::object();
  for (const auto& [lang, text] : t) j[lang] = text;
  return j;
}

void PutValue(const cost::Figure& f, ordered_json* j) {
  if (f.is_bool) {
    (*j)["value"] = f.bool_value;
    return;
  }
  (*j)["lo"] = f.value.lo.ToString();
  (*j)["hi"] = f.value.hi.ToString();
}

ordered_json FigureJson(const Row& row) {
  const cost::Figure& f = *row.figure;
  ordered_json j = {{"kind", row.kind}, {"id", f.id}, {"label", Localized(f.label)}};
  if (!row.group.empty()) j["group"] = row.group;
  j["unit"] = f.unit;
  if (!f.currency.empty()) j["currency"] = f.currency;
  PutValue(f, &j);
  if (row.item && row.item->quantity) {
    ordered_json q = {{"unit", row.item->quantity->unit}};
    PutValue(*row.item->quantity, &q);
    j["quantity"] = q;
  }
  if (row.item && row.item->unit_price) {
    const cost::PriceUse& p = *row.item->unit_price;
    j["unit_price"] = {{"price", p.id}, {"variant", p.variant}, {"value", p.value_text},
                       {"date", p.date}, {"source", p.source}};
  }
  return j;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + CsvField(fields[i]);
  return line + "\r\n";
}

std::string ModelCsv(const std::vector<const cost::ModelResult*>& results,
                     const std::vector<std::string>& languages) {
  std::vector<std::string> header = {"scenario", "kind", "id", "group", "unit", "currency", "lo", "hi"};
  for (const auto& l : languages) header.push_back("label_" + l);
  std::string csv = CsvLine(header);
  for (const cost::ModelResult* r : results) {
    for (const Row& row : Rows(*r)) {
      const cost::Figure& f = *row.figure;
      std::string lo = f.is_bool ? (f.bool_value ? "true" : "false") : f.value.lo.ToString();
      std::string hi = f.is_bool ? lo : f.value.hi.ToString();
      std::vector<std::string> fields = {r->scenario, row.kind, f.id, row.group, f.unit, f.currency, lo, hi};
      for (const auto& l : languages) fields.push_back(Pick(f.label, l));
      csv += CsvLine(fields);
    }
  }
  return csv;
}

std::string ModelJson(const std::vector<const cost::ModelResult*>& results) {
  const cost::ModelResult& base = *results.front();
  ordered_json scenarios = ordered_json::array();
  for (const cost::ModelResult* r : results) {
    ordered_json s = {{"scenario", r->scenario.empty() ? ordered_json() : ordered_json(r->scenario)}};
    for (const auto& info : base.scenarios)
      if (info.id == r->scenario) s["label"] = Localized(info.label);
    s["as_of"] = r->as_of;
    ordered_json figures = ordered_json::array();
    for (const Row& row : Rows(*r)) figures.push_back(FigureJson(row));
    s["figures"] = figures;
    scenarios.push_back(s);
  }
  ordered_json j = {{"schema", kSchema}, {"model", base.model}, {"title", Localized(base.title)},
                    {"results", scenarios}};
  return j.dump(1, '\t', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string DataFile(std::string_view model, std::string_view ext) {
  std::string name;
  for (char c : model) name += IsIdChar(c) || c == '.' ? c : '_';
  return "data/" + name + "." + std::string(ext);
}

std::vector<std::vector<const cost::ModelResult*>> ResultsByModel(const cost::Evaluation& evaluation) {
  // Results come grouped by model: base case first, then each scenario.
  std::vector<std::vector<const cost::ModelResult*>> models;
  for (const cost::ModelResult& r : evaluation.results()) {
    if (models.empty() || models.back().front()->model != r.model) models.emplace_back();
    models.back().push_back(&r);
  }
  return models;
}

std::vector<OutputFile> ExportModel(const std::vector<const cost::ModelResult*>& results,
                                    const std::vector<std::string>& languages) {
  const std::string& id = results.front()->model;
  std::vector<OutputFile> files(2);
  files[0].path = DataFile(id, "json");
  files[0].content = ModelJson(results);
  files[1].path = DataFile(id, "csv");
  files[1].content = ModelCsv(results, languages);
  return files;
}

void ExportData(const cost::Evaluation& evaluation, const std::vector<std::string>& languages,
                const std::function<void(OutputFile file)>& write) {
  for (const auto& results : ResultsByModel(evaluation))
    for (OutputFile& f : ExportModel(results, languages)) write(std::move(f));
}

std::vector<std::string> ModelsOfRefs(const std::vector<markdown::CostRef>& refs,
                                      const cost::Evaluation& evaluation) {
  std::vector<const cost::ModelResult*> found;
  for (const markdown::CostRef& ref : refs) {
    std::string model;
    if (ref.kind == "figure" || ref.kind == "rule") {
      figures::FigureRef parsed;
      std::string err;
      if (figures::ParseFigureRef(ref.target, evaluation, &parsed, &err)) model = parsed.model;
    } else if (ref.kind == "input") {
      model = ref.target;
    } else {  // a directive: "model=ID scenario=S"
      for (size_t at = ref.target.find("model="); at != std::string::npos; at = ref.target.find("model=", at + 1)) {
        if (at > 0 && ref.target[at - 1] != ' ') continue;
        model = ref.target.substr(at + 6, ref.target.find(' ', at) - at - 6);
      }
    }
    // Figures of a page's own inline models are not the site's.
    if (const cost::ModelResult* r = model.empty() ? nullptr : evaluation.Find(model)) found.push_back(r);
  }
  // In the evaluation's order, once each, as the site lists models.
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<std::string> out;
  for (const cost::ModelResult* r : found) out.push_back(r->model);
  return out;
}

}  // namespace costsite::render
