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
  // "成本 " is 7 bytes (two 3-byte characters and a space) and 5 columns wide,
  // so the caret under the backtick (byte 8) is indented by 5.
  CHECK(FormatDiagnostic(d) == "a.md:1:8: warning: m\n 1 | 成本 `=x`\n   |      ^~~~\n");
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

}  // namespace
}  // namespace costsite
