#include "base/yaml_util.h"

#include <yaml-cpp/yaml.h>

namespace costsite {

std::optional<YAML::Node> ParseYaml(const std::string& path, std::string_view text,
                                    Diagnostics* diags, int first_line) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    int col = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    std::string msg = e.msg.empty() ? std::string("malformed YAML") : e.msg;
    msg = "malformed YAML: " + msg;
    Diagnostic d{Severity::kError, {path, line ? line + first_line - 1 : 0, col}, msg,
                 std::string(LineOf(text, line)), 1, "yaml"};
    diags->Add(std::move(d));
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
