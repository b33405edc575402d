// A price list as YAML, in one fixed layout, so that writing what was read
// gives the same bytes (an import that changes nothing changes no file).
#include <cctype>
#include <sstream>

#include "imports/imports.h"

namespace costsite::imports {
namespace {

// A YAML double-quoted scalar.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

// Numbers and ids as they are; anything else quoted.
std::string Scalar(std::string_view s) {
  bool plain = !s.empty();
  for (char c : s) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
  return plain ? std::string(s) : Quoted(s);
}

std::string Localized(const LocalizedText& t) {
  std::string out = "{";
  for (const char* lang : {"zh", "en"}) {
    auto it = t.find(lang);
    if (it == t.end()) continue;
    out += (out.size() > 1 ? ", " : "") + std::string(lang) + ": " + Quoted(it->second);
  }
  return out + "}";
}

// The keys of one value, each line indented by `pad`; `first` starts the
// first line (a list item's "- ").
void WriteValue(const cost::PriceValue& v, const std::string& pad, std::ostream& out) {
  if (!v.price.empty()) out << pad << "price: " << Scalar(v.price.text) << "\n";
  if (v.tiers) {
    out << pad << "tiers:\n";
    out << pad << "  basis: " << v.tiers->basis.text << "\n";
    out << pad << "  by: " << Scalar(v.tiers->by.text) << "\n";
    out << pad << "  steps:\n";
    for (const cost::TierStepDef& step : v.tiers->steps)
      out << pad << "    - {" << (step.above ? "above: " : "from: ") << Scalar(step.from.text)
          << ", price: " << Scalar(step.price.text) << "}\n";
  }
  if (!v.variants.empty()) {
    out << pad << "variants:\n";
    for (const auto& [name, value] : v.variants) {
      const cost::Located* hours = nullptr;
      for (const auto& h : v.hours)
        if (h.first == name) hours = &h.second;
      out << pad << "  " << name << ": ";
      if (hours) {
        out << "{price: " << Scalar(value.text) << ", hours: " << Quoted(hours->text) << "}\n";
      } else {
        out << Scalar(value.text) << "\n";
      }
    }
  }
  if (!v.date.empty()) out << pad << "since: " << v.date << "\n";
  if (!v.checked.empty()) out << pad << "checked: " << v.checked << "\n";
  if (v.inherit_all) out << pad << "inherit: true\n";
  if (!v.inherit.empty()) {
    out << pad << "inherit: [";
    for (size_t k = 0; k < v.inherit.size(); ++k) out << (k ? ", " : "") << v.inherit[k].text;
    out << "]\n";
  } else if (v.inherit_given && !v.inherit_all) {
    out << pad << "inherit: false\n";
  }
}

}  // namespace

std::string WritePriceList(const cost::PriceList& list, std::string_view header_comment) {
  std::ostringstream out;
  if (!header_comment.empty()) out << "# " << header_comment << "\n";
  out << "provider: " << list.provider << "\n";
  if (!list.name.empty()) out << "name: " << Localized(list.name) << "\n";
  if (!list.currency.empty()) out << "currency: " << list.currency << "\n";
  if (!list.source.empty()) out << "source: " << Quoted(list.source) << "\n";
  if (!list.region.empty()) out << "region: " << Quoted(list.region) << "\n";
  if (!list.date.empty()) out << "date: " << list.date << "\n";
  if (!list.variant_labels.empty()) {
    out << "variant_labels:\n";
    for (const auto& [name, label] : list.variant_labels) out << "  " << name << ": " << Localized(label) << "\n";
  }
  out << "prices:\n";
  for (const cost::PriceEntry& e : list.entries) {
    out << "  - id: " << e.id << "\n";
    if (!e.original.empty()) out << "    original: " << Quoted(e.original.text) << "\n";
    if (!e.label.empty()) out << "    label: " << Localized(e.label) << "\n";
    if (!e.unit.empty()) out << "    unit: " << Quoted(e.unit.text) << "\n";
    WriteValue(e.current, "    ", out);
    if (!e.source.empty()) out << "    source: " << Quoted(e.source) << "\n";
    if (!e.note.empty()) out << "    note: " << Localized(e.note) << "\n";
    if (!e.history.empty()) {
      out << "    history:\n";
      for (const cost::PriceValue& h : e.history) {
        std::ostringstream value;
        WriteValue(h, "        ", value);
        std::string text = value.str();
        text.replace(0, 8, "      - ");  // the first key starts the list item
        out << text;
      }
    }
  }
  return out.str();
}

}  // namespace costsite::imports
