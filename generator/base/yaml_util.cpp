#include "base/yaml_util.h"

#include <yaml-cpp/yaml.h>

#include "base/yaml_errors.h"

namespace costsite {

namespace {

void ReportSyntax(const std::string& path, std::string_view text, const YamlSyntaxError& e, int first_line,
                  Diagnostics* diags) {
  int line = e.line >= 0 ? e.line + 1 : 0;
  Diagnostic d{Severity::kError, {path, line ? line + first_line - 1 : 0, e.column >= 0 && line ? e.column + 1 : 0},
               e.message, std::string(LineOf(text, line)), e.span, "yaml"};
  d.root_cause = true;
  diags->Add(std::move(d));
}

}  // namespace

std::optional<YAML::Node> ParseYaml(const std::string& path, std::string_view text,
                                    Diagnostics* diags, int first_line) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    // yaml-cpp reads an unclosed quote to the end of the text.
    if (auto quote = FindUnclosedQuote(text)) {
      ReportSyntax(path, text, *quote, first_line, diags);
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    ReportSyntax(path, text, ExplainYamlError(text, e.mark.line, e.mark.column, e.msg), first_line, diags);
  }
  return std::nullopt;
}

SourcePos PosOf(const YAML::Node& node, const std::string& path, int first_line) {
  YAML::Mark m = node.Mark();
  if (m.line < 0) return {path, 0, 0};
  return {path, m.line + first_line, m.column + 1};
}

bool ReadLocalized(const YAML::Node& node, LocalizedText* out) {
  if (!node.IsDefined() || node.IsNull()) return true;
  if (node.IsScalar()) {
    (*out)[""] = node.Scalar();
    return true;
  }
  if (!node.IsMap()) return false;
  for (const auto& kv : node) {
    if (!kv.second.IsScalar()) return false;
    (*out)[kv.first.Scalar()] = kv.second.Scalar();
  }
  return true;
}

}  // namespace costsite
