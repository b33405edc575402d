// YAML syntax errors in plain words. The parsers say where they gave up and
// why in their own terms ("end of map not found", "illegal map value");
// this looks at the text around that place for the mistakes people make
// (a key indented one space off, a tab, a missing space after ':', a quote
// or bracket left open, a list item among map keys) and names the mistake
// at its own line and column. Both YAML readers (yaml-cpp for site.yaml and
// front matter, libyaml for pricing files) word their errors through it.
#ifndef COSTSITE_BASE_YAML_ERRORS_H_
#define COSTSITE_BASE_YAML_ERRORS_H_

#include <optional>
#include <string>
#include <string_view>

namespace costsite {

/// Where and why a text is not YAML: 0-based line, byte column and the
/// number of bytes to underline.
struct YamlSyntaxError {
  int line = -1, column = -1;
  int span = 1;
  std::string message;
};

/// The mistake that made the parser stop at 0-based `line`:`column` with
/// `parser_message` (yaml-cpp's wording), in plain words; when none of the
/// known mistakes is found, "malformed YAML: " + `parser_message` there.
YamlSyntaxError ExplainYamlError(std::string_view text, int line, int column, std::string_view parser_message);

/// A quote that opens a value and is not closed before the end of `text`.
/// yaml-cpp reads the rest of the text into that value without a word.
std::optional<YamlSyntaxError> FindUnclosedQuote(std::string_view text);

}  // namespace costsite

#endif  // COSTSITE_BASE_YAML_ERRORS_H_
