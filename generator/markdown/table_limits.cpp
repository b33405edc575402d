#include "markdown/table_limits.h"

#include <cstring>

namespace costsite::markdown {

namespace {

// One line of the body: its text without the line ending, its 1-based number
// and where its content starts once block quote markers and indentation are
// skipped (tables may sit in quotes and list items).
struct Line {
  std::string_view text;
  int number = 0;
  size_t content = 0;

  std::string_view Content() const { return text.substr(content); }
  bool Blank() const { return Content().find_first_not_of(" \t") == std::string_view::npos; }
};

size_t ContentStart(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '>')) ++i;
  return i;
}

// The number of columns of a GFM delimiter row ("| :-- | --: |" has 2), or 0
// when `s` is not one. A row of dashes alone is a thematic break or a setext
// underline, never a delimiter row, so a pipe or a colon is required.
int DelimiterColumns(std::string_view s) {
  bool dash = false, pipe_or_colon = false, cell_has_dash = false;
  int columns = 0;
  for (char c : s) {
    switch (c) {
      case '-':
        dash = true;
        if (!cell_has_dash) ++columns;
        cell_has_dash = true;
        break;
      case '|':
        pipe_or_colon = true;
        cell_has_dash = false;
        break;
      case ':':
        pipe_or_colon = true;
        break;
      case ' ':
      case '\t':
        break;
      default:
        return 0;
    }
  }
  return dash && pipe_or_colon ? columns : 0;
}

// Calls `fn` on every line, split where cmark splits: at \n, \r\n and \r.
template <typename Fn>
void ForEachLine(std::string_view body, int first_line, Fn fn) {
  int number = first_line;
  // A plain loop: find_first_of("\r\n") calls memchr over the two endings
  // once per byte of the page: 3 % of a build with cost content per page.
  const char* p = body.data();
  const char* const end_of_body = p + body.size();
  while (p < end_of_body) {
    // The line's end, '\n' or '\r', by two memchr calls: this runs over every page's whole text.
    const char* end = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end_of_body - p)));
    if (!end) end = end_of_body;
    if (const void* cr = std::memchr(p, '\r', static_cast<size_t>(end - p))) end = static_cast<const char*>(cr);
    std::string_view text(p, static_cast<size_t>(end - p));
    fn(Line{text, number++, ContentStart(text)});
    p = end + (end + 1 < end_of_body && end[0] == '\r' && end[1] == '\n' ? 2 : 1);
  }
}

void Report(const std::string& path, const Line& header, std::string message, Diagnostics* diags) {
  diags->Add({Severity::kError, {path, header.number, static_cast<int>(header.content) + 1}, std::move(message),
              std::string(header.text), 1, "table-too-large"});
}

}  // namespace

bool CheckTableLimits(const std::string& path, std::string_view body, int first_line,
                      const TableLimits& limits, Diagnostics* diags) {
  bool ok = true, cells_reported = false;
  long cells = 0;
  int columns = 0;  // of the table the current line belongs to; 0: none
  Line previous, header;
  ForEachLine(body, first_line, [&](const Line& line) {
    if (columns > 0 && !line.Blank()) {
      cells += columns;  // a row, however few cells it writes
    } else if (int n = previous.Blank() ? 0 : DelimiterColumns(line.Content()); n > 0) {
      header = previous;
      if (n > limits.max_columns) {
        Report(path, header, "table has " + std::to_string(n) + " columns (a table may have at most " +
                                 std::to_string(limits.max_columns) + ")", diags);
        ok = false;
        columns = 0;  // reported; counting its cells would only repeat the news
      } else {
        columns = n;
        cells += n;  // the header row
      }
    } else {
      columns = 0;
    }
    if (cells > limits.max_cells && !cells_reported) {
      Report(path, header, "the tables of this page have more than " + std::to_string(limits.max_cells) +
                               " cells (rows × columns; a short row counts as wide as its table)", diags);
      ok = false;
      cells_reported = true;
    }
    previous = line;
  });
  return ok;
}

}  // namespace costsite::markdown
