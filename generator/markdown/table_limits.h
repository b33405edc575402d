// Limits on GFM tables, checked on a page's text before cmark-gfm parses it.
// cmark-gfm pads every row of a table to its header's width, so a table costs
// rows x columns cells however little text it is: a 64 KB page of one header
// 8,000 columns wide and 8,000 one-cell rows made 64 million cells (12 GB,
// then a crash). The check is one pass over the text, linear in its size.
#ifndef COSTSITE_MARKDOWN_TABLE_LIMITS_H_
#define COSTSITE_MARKDOWN_TABLE_LIMITS_H_

#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace costsite::markdown {

/// How large the tables of one page may be (docs/authoring.md).
struct TableLimits {
  int max_columns = 256;      // per table, counted on its delimiter row (|---|---|)
  long max_cells = 100'000;   // per page: every table's rows x its columns
};

/// Reports each table of `body` (which starts at line `first_line` of `path`)
/// wider than `limits.max_columns`, and the table at which the page's cells
/// pass `limits.max_cells`, at the table's header row. Returns false if it
/// reported anything. Conservative: a line that looks like a delimiter row
/// counts as a table wherever it is (in a code block too), and a table's rows
/// are all the lines up to the next blank one.
bool CheckTableLimits(const std::string& path, std::string_view body, int first_line,
                      const TableLimits& limits, Diagnostics* diags);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_TABLE_LIMITS_H_
