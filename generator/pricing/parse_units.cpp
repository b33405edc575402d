// Count units a site declares (`units:`), with their names per language, so
// that "32 块 GPU" / "32 GPUs" read right without the author writing the noun.
#include <cctype>

#include "pricing/yaml_read.h"

namespace costsite::pricing {
namespace {

// A spelling the unit parser reads as one unit name: letters and '_'.
bool IsUnitSpelling(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

void AddKey(YamlFile& f, const YamlNode& node, cost::UnitDecl* d) {
  cost::Located key = f.Text(node, "unit name");
  if (key.empty()) return;
  if (!IsUnitSpelling(key.text)) {
    f.Error(node, "malformed unit name '" + key.text + "': use letters and '_' only", "malformed-id");
    return;
  }
  d->names.keys.push_back(key.text);
  d->keys.push_back(std::move(key));
}

// `en: GPU` (same in both numbers) or `en: [GPU, GPUs]` (singular, plural).
void ReadEnglish(YamlFile& f, const YamlNode& node, cost::UnitNames* n) {
  if (node.IsScalar()) {
    n->en_one = f.Scalar(node, "en");
    return;
  }
  if (!node.IsSequence() || node.size() != 2) {
    f.Error(node, "expected `en: NAME` or `en: [singular, plural]`", "bad-value");
    return;
  }
  int i = 0;
  for (const auto& item : node) (i++ == 0 ? n->en_one : n->en_other) = f.Scalar(item, "en");
}

void ReadUnit(YamlFile& f, const YamlNode& key, const YamlNode& v, std::vector<cost::UnitDecl>* out) {
  cost::UnitDecl d;
  AddKey(f, key, &d);
  if (d.keys.empty()) return;
  const std::string what = "unit '" + d.keys[0].text + "'";
  if (!f.ExpectMap(v, what)) return;
  f.CheckKeys(v, {"aliases", "zh", "measure", "zh_per", "en", "en_per", "distinct"}, what);
  if (v["aliases"] && f.ExpectList(v["aliases"], "aliases"))
    for (const auto& a : v["aliases"]) AddKey(f, a, &d);
  cost::UnitNames& n = d.names;
  if (v["zh"]) n.zh = f.Scalar(v["zh"], "zh");
  if (v["measure"]) n.zh_measure = f.Scalar(v["measure"], "measure");
  if (v["zh_per"]) n.zh_per = f.Scalar(v["zh_per"], "zh_per");
  if (v["en"]) ReadEnglish(f, v["en"], &n);
  if (v["en_per"]) n.en_per = f.Scalar(v["en_per"], "en_per");
  if (v["distinct"]) d.distinct = f.Bool(v["distinct"], "distinct");
  if (!v["zh"] || !v["en"]) {
    f.Error(key, what + " needs its names: `zh:` and `en:`", "missing-key");
    return;
  }
  if (n.zh.empty() || n.en_one.empty()) return;  // reported where they are written
  out->push_back(std::move(d));
}

}  // namespace

void ReadUnitsNode(YamlFile& f, const YamlNode& root, std::vector<cost::UnitDecl>* out) {
  f.CheckKeys(root, {"units"}, "a units file");
  if (!f.ExpectMap(root["units"], "units")) return;
  f.CheckKeys(root["units"], {}, "");  // repeated names only
  for (const auto& kv : root["units"]) ReadUnit(f, kv.first, kv.second, out);
}

}  // namespace costsite::pricing
