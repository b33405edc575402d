#include "markdown/table_limits.h"

#include <catch2/catch.hpp>

#include "markdown/markdown.h"

namespace costsite::markdown {
namespace {

// The diagnostics CheckTableLimits reports for `body` (starting at line 3),
// formatted as the CLI prints them.
std::string Check(std::string_view body, TableLimits limits) {
  Diagnostics diags;
  bool ok = CheckTableLimits("content/t.md", body, 3, limits, &diags);
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) out += FormatDiagnostic(d);
  CHECK(ok == out.empty());
  return out;
}

TEST_CASE("Tables wider than the limit are reported at their header row") {
  const TableLimits limits{3, 1000};
  struct Case {
    const char* body;
    const char* expected;
  } cases[] = {
      {"| a | b | c |\n|---|:-:|--:|\n| 1 |\n", ""},
      {"| a | b | c | d |\n|---|---|---|---|\n| 1 |\n",
       "content/t.md:3:1: error: table has 4 columns (a table may have at most 3)\n"
       " 3 | | a | b | c | d |\n"
       "   | ^\n"},
      // In a block quote and a list item; without outer pipes; \r line ends.
      {"Text.\n\n> a | b | c | d\n> -|-|-|-\n",
       "content/t.md:5:3: error: table has 4 columns (a table may have at most 3)\n"
       " 5 | > a | b | c | d\n"
       "   |   ^\n"},
      {"- item\n\n  | a | b | c | d |\r  | - | - | - | - |\r",
       "content/t.md:5:3: error: table has 4 columns (a table may have at most 3)\n"
       " 5 |   | a | b | c | d |\n"
       "   |   ^\n"},
      // A delimiter row needs a text line above it; dashes alone are a rule.
      {"|---|---|---|---|\n", ""},
      {"a\n\n|---|---|---|---|\n", ""},
      {"Title\n-------------\n\n---- ---- ---- ----\n", ""},
      // Conservative: in a code block too.
      {"```\nx\n|-|-|-|-|\n```\n",
       "content/t.md:4:1: error: table has 4 columns (a table may have at most 3)\n"
       " 4 | x\n"
       "   | ^\n"},
  };
  for (const Case& c : cases) {
    INFO(c.body);
    CHECK(Check(c.body, limits) == c.expected);
  }
}

TEST_CASE("A page's table cells are bounded: every row counts as wide as its table") {
  const TableLimits limits{256, 12};
  // 3 columns x (header + 3 rows) = 12 cells: at the limit.
  CHECK(Check("| a | b | c |\n|---|---|---|\n| 1 |\n| 2 |\n| 3 |\n\nText.\n", limits) == "");
  // Two tables: 6 + 8 cells; the second passes the limit and is named.
  CHECK(Check("| a | b |\n|---|---|\n| 1 |\n| 2 |\n\n| c | d |\n|---|---|\n| 3 |\n| 4 |\n| 5 |\n", limits) ==
        "content/t.md:8:1: error: the tables of this page have more than 12 cells (rows × columns; a short row "
        "counts as wide as its table)\n"
        " 8 | | c | d |\n"
        "   | ^\n");
}

TEST_CASE("A page over the table limits is not parsed, and says why") {
  Diagnostics diags;
  MarkdownOptions opt;
  opt.tables = {2, 100};
  RenderedMarkdown r = RenderMarkdown("content/t.md", "## A\n\n| a | b | c |\n|---|---|---|\n", 4, opt, &diags);
  CHECK(r.html.empty());
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.Sorted()[0].pos.line == 6);
  CHECK(diags.Sorted()[0].code == "table-too-large");
}

}  // namespace
}  // namespace costsite::markdown
