#include "pricing/yaml_read.h"

#include <cctype>
#include <set>

#include "base/yaml_errors.h"
#include "cost/prices.h"

namespace costsite::pricing {
namespace {

bool IsWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

SourcePos YamlFile::Pos(const YamlNode& node) {
  const YamlMark m = node.Mark();
  if (m.line < 0) return {path_, 0, 0};
  int line = m.line + 1, col = m.column + 1;
  std::string_view l = Line(line);
  size_t at = static_cast<size_t>(m.column);
  if (node.IsScalar() && at < l.size()) {
    char c = l[at];
    if (c == '"' || c == '\'') {
      ++col;
    } else if ((c == '|' || c == '>') && !node.IsPlain()) {
      // A block scalar's content starts on the next non-empty line.
      for (int next = line + 1; next <= line + 50; ++next) {
        std::string_view nl = Line(next);
        size_t indent = nl.find_first_not_of(' ');
        if (indent == std::string_view::npos) continue;
        line = next;
        col = static_cast<int>(indent) + 1;
        break;
      }
    }
  }
  return {path_, line + first_line_ - 1, col};
}

void YamlFile::Error(const SourcePos& pos, std::string message, std::string code, int span) {
  Diagnostic d{Severity::kError, pos, std::move(message),
               std::string(Line(pos.line - first_line_ + 1)), span, std::move(code)};
  diags_.Add(std::move(d));
}

void YamlFile::Error(const YamlNode& node, std::string message, std::string code) {
  int span = node.IsScalar() ? static_cast<int>(std::max<size_t>(node.Scalar().size(), 1)) : 1;
  Error(Pos(node), std::move(message), std::move(code), span);
}

cost::Located YamlFile::Text(const YamlNode& node, std::string_view what) {
  if (!node.IsScalar()) {
    Error(node, "expected a value for " + std::string(what), "malformed-yaml");
    return {};
  }
  return At(Pos(node), node.Scalar());
}

cost::Located YamlFile::At(const SourcePos& pos, std::string text) {
  if (!source_) {
    own_source_ = new cost::SourceText(path_, std::string(text_), first_line_);
    source_ = cost::SourceRef(own_source_);
  }
  return {std::move(text), source_, pos.line, pos.col};
}

void YamlFile::PutTextAway(TextShelf* shelf, const cost::Located& keep) {
  if (!own_source_) return;
  own_source_->PutAway(shelf, keep.source == source_ ? keep.line_no : 0);
}

std::string YamlFile::Scalar(const YamlNode& node, std::string_view what) {
  if (!node.IsScalar()) {
    Error(node, "expected a value for " + std::string(what), "malformed-yaml");
    return "";
  }
  return node.Scalar();
}

std::string YamlFile::Date(const YamlNode& node) {
  std::string d = Scalar(node, "date");
  if (!d.empty() && !cost::IsIsoDate(d)) {
    Error(node, "malformed date '" + d + "': write YYYY-MM-DD", "malformed-date");
    return "";
  }
  return d;
}

LocalizedText YamlFile::Localized(const YamlNode& node, std::string_view what, bool intern) {
  LocalizedText out;
  if (node.IsScalar()) {
    out.emplace("", node.Scalar());
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      if (kv.first.IsScalar() && kv.second.IsScalar()) {
        out.emplace(kv.first.Scalar(), kv.second.Scalar());
      } else {
        Error(kv.first, "expected text for language '" + kv.first.Scalar() + "' of " +
                            std::string(what) + " (a comma inside {…} separates entries: quote the text)",
              "malformed-yaml");
      }
    }
  } else {
    Error(node, "expected text or {zh: …, en: …} for " + std::string(what), "malformed-yaml");
  }
  if (!intern) return out;
  return std::move(out.Intern());  // held by every figure and table row that shows it
}

bool YamlFile::Bool(const YamlNode& node, std::string_view what) {
  std::string v = Scalar(node, what);
  if (v == "true" || v == "yes") return true;
  if (v != "false" && v != "no" && !v.empty()) {
    Error(node, "expected true or false for " + std::string(what), "malformed-yaml");
  }
  return false;
}

std::string YamlFile::Id(const YamlNode& node, std::string_view what, bool dotted) {
  std::string id = Scalar(node, what);
  if (id.empty()) {  // "" written (Scalar reported a value that is not text)
    if (node.IsScalar()) Error(node, "expected a value for " + std::string(what), "missing-key");
    return id;
  }
  bool ok = true;
  if (!dotted) {
    ok = IsWord(id) && !std::isdigit(static_cast<unsigned char>(id[0]));
  } else {
    size_t start = 0;
    for (size_t i = 0; i <= id.size(); ++i) {
      if (i == id.size() || id[i] == '.' || id[i] == '-') {
        ok = ok && IsWord(std::string_view(id).substr(start, i - start));
        start = i + 1;
      }
    }
  }
  if (!ok) {
    Error(node, "malformed " + std::string(what) + " '" + id + "': " +
                    (dotted ? "use [a-z0-9_] words joined by '.' or '-'"
                            : "use a lowercase word of [a-z0-9_] starting with a letter"),
          "malformed-id");
  }
  return id;
}

bool YamlFile::ExpectMap(const YamlNode& node, std::string_view what) {
  if (node.IsMap()) return true;
  Error(node, "expected a map for " + std::string(what), "malformed-yaml");
  return false;
}

bool YamlFile::ExpectList(const YamlNode& node, std::string_view what) {
  if (node.IsSequence()) return true;
  Error(node, "expected a list for " + std::string(what), "malformed-yaml");
  return false;
}

bool YamlFile::CheckKeys(const YamlNode& node, std::initializer_list<std::string_view> allowed,
                         std::string_view what) {
  std::set<std::string> seen;
  bool distinct = true;
  for (const auto& kv : node) {
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (!key.empty() && !seen.insert(key).second) {  // a key that is no name is reported as such
      Error(kv.first, "duplicate key '" + key + "' in " + std::string(what), "duplicate-id");
      distinct = false;
      continue;
    }
    bool known = allowed.size() == 0;
    for (auto a : allowed) known = known || a == key;
    if (known) continue;
    // "{formula: fx(x, CNY)}": the comma ended the value and began a new key.
    bool split = key.find_first_of(" ()") != std::string::npos;
    Error(kv.first, "unknown key '" + key + "' in " + std::string(what) +
                        (split ? " (a comma inside {…} separates entries: quote the value)" : ""),
          "unknown-key");
  }
  return distinct;
}

bool YamlFile::Load(YamlNode* root) {
  YamlDoc::Error e;
  if (!YamlDoc::Parse(text_, &doc_, &e)) {
    // A document past the limits is YAML; other errors are worded by what the mistake was.
    YamlSyntaxError why = e.refused ? YamlSyntaxError{e.mark.line, e.mark.column, 1, "malformed YAML: " + e.message}
                                    : ExplainYamlError(text_, e.mark.line, e.mark.column, e.message);
    SourcePos pos{path_, why.line >= 0 ? why.line + first_line_ : 0, why.line >= 0 && why.column >= 0 ? why.column + 1 : 0};
    Diagnostic d{Severity::kError, pos, why.message, std::string(Line(why.line + 1)), why.span, "malformed-yaml"};
    d.root_cause = true;
    diags_.Add(std::move(d));
    return false;
  }
  *root = doc_.Root();
  return true;
}

void YamlFile::Guard(const std::function<void()>& body) {
  try {
    body();
  } catch (const std::exception& e) {
    Error(SourcePos{path_, 0, 0}, std::string("cannot read pricing file: ") + e.what(), "malformed-yaml");
  }
}

}  // namespace costsite::pricing
