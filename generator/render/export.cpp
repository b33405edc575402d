#include "render/export.h"

#include <algorithm>

#include "base/fs_util.h"
#include "cost/evaluation.h"
#include "figures/lookup.h"
#include "figures/plain.h"
#include "markdown/cost_nodes.h"

namespace costsite::render {

namespace {

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

// JSON written as nlohmann's dump(1, '\t') writes it (one tab per level, a
// space after ':'), streamed into a string: building a JSON document of
// every model first was a twentieth of a large site's build.
class PrettyJson {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The next element of an object: its key; then one value.
  void Key(std::string_view key) {
    Next();
    Quoted(key);
    out_ += ": ";
    keyed_ = true;
  }
  void String(std::string_view s) {
    Value();
    Quoted(s);
  }
  void Null() {
    Value();
    out_ += "null";
  }
  void Bool(bool b) {
    Value();
    out_ += b ? "true" : "false";
  }
  std::string Take() { return std::move(out_); }

 private:
  // Before a value: inside an array it is the next element; after a key it
  // is that key's.
  void Value() {
    if (keyed_) keyed_ = false;
    else if (!counts_.empty()) Next();
  }
  void Next() {
    out_ += counts_.back()++ ? ",\n" : "\n";
    out_.append(counts_.size(), '\t');
  }
  void Open(char c) {
    Value();
    out_ += c;
    counts_.push_back(0);
  }
  void Close(char c) {
    bool any = counts_.back() > 0;
    counts_.pop_back();
    if (any) {
      out_ += '\n';
      out_.append(counts_.size(), '\t');
    }
    out_ += c;
  }
  // Escaped as nlohmann escapes (quotes, backslashes, control characters),
  // UTF-8 kept, invalid bytes replaced by U+FFFD.
  void Quoted(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        size_t n = Utf8SequenceLength(s, i);
        if (n == 0) {
          out_ += "\xEF\xBF\xBD";
          ++i;
        } else {
          out_.append(s.data() + i, n);
          i += n;
        }
        continue;
      }
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          } else {
            out_ += static_cast<char>(c);
          }
      }
      ++i;
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<int> counts_;  // elements written in each open container
  bool keyed_ = false;       // a key was written, its value is next
};

void Localized(const LocalizedText& t, PrettyJson* j) {
  j->BeginObject();
  for (const auto& [lang, text] : t) {
    j->Key(lang);
    j->String(text);
  }
  j->EndObject();
}

void PutValue(const cost::Figure& f, PrettyJson* j) {
  if (f.is_bool) {
    j->Key("value");
    j->Bool(f.bool_value);
    return;
  }
  j->Key("lo");
  j->String(f.value.lo.ToString());
  j->Key("hi");
  j->String(f.value.hi.ToString());
}

void FigureJson(const Row& row, PrettyJson* j) {
  const cost::Figure& f = *row.figure;
  j->BeginObject();
  j->Key("kind");
  j->String(row.kind);
  j->Key("id");
  j->String(f.id);
  j->Key("label");
  Localized(f.label, j);
  if (!row.group.empty()) {
    j->Key("group");
    j->String(row.group);
  }
  j->Key("unit");
  j->String(f.unit->text);
  if (f.IsMoney()) {
    j->Key("currency");
    j->String(f.Currency());
  }
  PutValue(f, j);
  if (row.item && row.item->quantity) {
    j->Key("quantity");
    j->BeginObject();
    j->Key("unit");
    j->String(row.item->quantity->unit->text);
    PutValue(*row.item->quantity, j);
    j->EndObject();
  }
  if (row.item && row.item->unit_price) {
    const cost::PriceUse& p = *row.item->unit_price;
    j->Key("unit_price");
    j->BeginObject();
    std::string value_text = figures::PlainPrice(p);
    for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"price", &p.id},
                                     {"variant", &p.variant}, {"value", &value_text}, {"date", &p.date},
                                     {"source", &p.source}}) {
      // A price given by a parameter or formula names no price list entry.
      if (p.id.empty() && (key == std::string_view("price") || key == std::string_view("variant"))) continue;
      j->Key(key);
      j->String(*value);
    }
    j->EndObject();
  }
  j->EndObject();
}

// A plain decimal number, as the exports write values ("-12.5", "+3", "1e-3").
bool IsPlainNumber(std::string_view s) {
  size_t i = s.empty() || (s[0] != '-' && s[0] != '+') ? 0 : 1;
  size_t digits = 0, start = i;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++digits;
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++digits;
  if (digits == 0 || i == start) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == exp_start) return false;
  }
  return i == s.size();
}

// Spreadsheets run a cell that starts with = + - @ (or a tab or CR before
// one) as a formula, so a label such as =HYPERLINK(...) would act when the
// file is opened. As OWASP advises, such a cell gets a leading ' that makes it
// text; numbers keep their sign.
std::string NeutraliseFormula(const std::string& s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s[0]) == std::string_view::npos) return s;
  return IsPlainNumber(s) ? s : "'" + s;
}

std::string CsvField(const std::string& raw) {
  std::string s = NeutraliseFormula(raw);
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += CsvField(fields[i]);
  }
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
      std::vector<std::string> fields = {r->scenario, row.kind, f.id, row.group, f.unit->text, f.Currency(), lo, hi};
      for (const auto& l : languages) fields.push_back(Pick(f.label, l));
      csv += CsvLine(fields);
    }
  }
  return csv;
}

std::string ModelJson(const std::vector<const cost::ModelResult*>& results) {
  const cost::ModelResult& base = *results.front();
  PrettyJson j;
  j.BeginObject();
  j.Key("schema");
  j.String(kSchema);
  j.Key("model");
  j.String(base.model);
  j.Key("title");
  Localized(base.title, &j);
  j.Key("results");
  j.BeginArray();
  for (const cost::ModelResult* r : results) {
    j.BeginObject();
    j.Key("scenario");
    if (r->scenario.empty()) j.Null();
    else j.String(r->scenario);
    for (const auto& info : base.scenarios) {
      if (info.id != r->scenario) continue;
      j.Key("label");
      Localized(info.label, &j);
      break;
    }
    j.Key("as_of");
    j.String(r->as_of);
    j.Key("figures");
    j.BeginArray();
    for (const Row& row : Rows(*r)) FigureJson(row, &j);
    j.EndArray();
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
  return j.Take() + "\n";
}

}  // namespace

std::string DataFile(std::string_view model, std::string_view ext) {
  std::string name;
  for (char c : model) name += IsIdChar(c) || c == '.' ? c : '_';
  return "data/" + name + "." + std::string(ext);
}

std::vector<ModelPlaces> ResultsByModel(const cost::Evaluation& evaluation) {
  // Results come grouped by model: base case first, then each scenario.
  const cost::ResultList& results = evaluation.results();
  std::vector<ModelPlaces> models;
  for (size_t i = 0; i < results.size(); ++i) {
    if (models.empty() || results.model(models.back().first) != results.model(i))
      models.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i)});
    ++models.back().end;
  }
  return models;
}

std::vector<OutputFile> ExportModel(const cost::Evaluation& evaluation, ModelPlaces places,
                                    const std::vector<std::string>& languages) {
  cost::ResultScope scope;
  std::vector<const cost::ModelResult*> results;
  for (size_t at = places.first; at < places.end; ++at) results.push_back(&evaluation.results()[at]);
  return ExportModel(results, languages);
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

std::vector<std::string> ModelsOfRefs(const std::vector<markdown::CostRef>& refs,
                                      const cost::Evaluation& evaluation) {
  std::vector<size_t> found;  // places in the evaluation
  const size_t none = evaluation.results().size();
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
    if (size_t at = model.empty() ? none : evaluation.PlaceOf(model); at != none) found.push_back(at);
  }
  // In the evaluation's order, once each, as the site lists models (by
  // place, not by address: results are allocated one by one).
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<std::string> out;
  for (size_t at : found) out.push_back(evaluation.results()[at].model);
  return out;
}

}  // namespace costsite::render
