#include "base/diagnostics.h"

#include <catch2/catch.hpp>

namespace costsite {
namespace {

TEST_CASE("LineOf returns the requested line without its ending") {
  std::string_view text = "one\r\ntwo\nthree";
  CHECK(LineOf(text, 1) == "one");
  CHECK(LineOf(text, 2) == "two");
  CHECK(LineOf(text, 3) == "three");
  CHECK(LineOf(text, 4).empty());
  CHECK(LineOf(text, 0).empty());
}

TEST_CASE("FormatDiagnostic prints position, line and caret") {
  Diagnostic d{Severity::kError, {"pricing/aws.yaml", 3, 8}, "unknown unit 'hr'", "  unit: USD/hr", 6, ""};
  CHECK(FormatDiagnostic(d) ==
        "pricing/aws.yaml:3:8: error: unknown unit 'hr'\n"
        " 3 |   unit: USD/hr\n"
        "   |        ^~~~~~\n");
}

TEST_CASE("FormatDiagnostic counts wide characters as two columns") {
  Diagnostic d{Severity::kWarning, {"a.md", 1, 8}, "m", "成本 `=x`", 4, ""};
  // "成本 " is 7 bytes (two 3-byte characters and a space), 3 characters and
  // 5 columns wide: the backtick (byte 8) is character 4, and the caret
  // under it is indented by 5.
  CHECK(FormatDiagnostic(d) == "a.md:1:4: warning: m\n 1 | 成本 `=x`\n   |      ^~~~\n");
}

TEST_CASE("Columns are printed in characters, not bytes") {
  // A Chinese line: byte column 89 is character 51 (19 three-byte characters before it).
  std::string line = std::string(31, 'a') + "成本成本成本成本成本成本成本成本成本成" + std::string(10, 'b');
  CHECK(CharColumn(line, 89) == 51);
  CHECK(CharColumn(line, 1) == 1);
  CHECK(CharColumn(line, 0) == 0);
  CHECK(CharColumn("", 5) == 5);          // no line to count in: as given
  CHECK(CharColumn("ab", 4) == 4);        // past the end: one byte, one character
  CHECK(CharColumn("\xff\xfex", 3) == 3);  // bytes that are not UTF-8 count one each
  CHECK(PlaceText({"p.md", 2, 89}, line) == "p.md:2:51");
  Diagnostic d{Severity::kError, {"p.md", 2, 89}, "m", line, 1, ""};
  CHECK(FormatDiagnostic(d).rfind("p.md:2:51: error: m\n", 0) == 0);
}

TEST_CASE("FormatDiagnostic without a position names the tool") {
  Diagnostic d{Severity::kError, {}, "no site.yaml", "", 1, ""};
  CHECK(FormatDiagnostic(d) == "costsite: error: no site.yaml\n");
}

TEST_CASE("Diagnostics sorts by place and counts by severity") {
  Diagnostics diags;
  diags.Warning({"b.md", 2, 1}, "w");
  diags.Error({"a.md", 9, 1}, "e2");
  diags.Error({"a.md", 3, 4}, "e1", "x\ny\nzzzz", 1);
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].message == "e1");
  CHECK(sorted[0].source_line == "zzzz");
  CHECK(sorted[1].message == "e2");
  CHECK(sorted[2].message == "w");
  CHECK(diags.ErrorCount() == 2);
  CHECK(diags.WarningCount() == 1);
  CHECK(diags.HasErrors());
}

TEST_CASE("A root cause is listed before the problems that may follow from it") {
  Diagnostics diags;
  diags.Error({"content/a.md", 1, 1}, "unknown model 'm'");
  diags.Error({"pricing/a.yaml", 2, 1}, "unknown price '@broken/a100'");
  Diagnostic root{Severity::kError, {"pricing/broken.yaml", 3, 9}, "'{' is not closed", "", 1, "malformed-yaml"};
  root.root_cause = true;
  diags.Add(root);
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].pos.path == "pricing/broken.yaml");
  CHECK(sorted[1].pos.path == "content/a.md");
  CHECK(sorted[2].pos.path == "pricing/a.yaml");
}

}  // namespace
}  // namespace costsite
