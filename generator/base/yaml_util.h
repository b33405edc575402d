// Small helpers shared by the stages that read YAML with yaml-cpp: positions
// from marks, and third-party exceptions turned into diagnostics.
#ifndef COSTSITE_BASE_YAML_UTIL_H_
#define COSTSITE_BASE_YAML_UTIL_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/localized.h"

namespace YAML {
class Node;
}

namespace costsite {

/// Parses `text` as one YAML document; on a syntax error reports it at the
/// right place (lines shifted by `first_line - 1`) and returns nullopt.
std::optional<YAML::Node> ParseYaml(const std::string& path, std::string_view text,
                                    Diagnostics* diags, int first_line = 1);

/// The 1-based position of `node` in `path`, shifted by `first_line - 1`.
SourcePos PosOf(const YAML::Node& node, const std::string& path, int first_line = 1);

/// Reads a string, or a map of language -> string, as localized text.
/// A plain string applies to every language (stored under key "").
bool ReadLocalized(const YAML::Node& node, LocalizedText* out);

}  // namespace costsite

#endif  // COSTSITE_BASE_YAML_UTIL_H_
