// Diagnostics with source positions, collected across a whole run so that one
// build reports every problem, printed in compiler style:
//
//   content/gpu.en.md:12:7: error: unknown figure 'gpu.totl'
//      12 | The bill is `=gpu.totl`.
//         |       ^~~~~~~~~~~~~~~~~
#ifndef COSTSITE_BASE_DIAGNOSTICS_H_
#define COSTSITE_BASE_DIAGNOSTICS_H_

#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace costsite {

/// A place in a source file; line and col are 1-based, 0 means unknown.
/// `col` counts bytes of the line (what the readers find); messages print it
/// in characters (CharColumn), so an editor jumps to the right place.
struct SourcePos {
  std::string path;
  int line = 0;
  int col = 0;
};

enum class Severity { kNote, kWarning, kError };

/// One problem found in the inputs.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;
  std::string source_line;  // the offending line's text, without its newline
  int span = 1;             // columns to underline, starting at pos.col
  std::string code;         // stable machine-readable kind, e.g. "unit-mismatch"
  // A file that could not be read at all (a YAML syntax error): other
  // problems may follow from it, so it is listed first.
  bool root_cause = false;
};

/// Returns the 1-based `line` of `text` without its line ending ("" if absent).
std::string_view LineOf(std::string_view text, int line);

/// Byte column `byte_col` (1-based) of `line` counted in UTF-8 code points
/// instead; 0 stays 0, and a byte that is not UTF-8 counts as one.
int CharColumn(std::string_view line, int byte_col);

/// "path:line:col" for `pos` (col in characters of `line`, its source line).
std::string PlaceText(const SourcePos& pos, std::string_view line);

/// Formats `d` as "path:line:col: severity: message" (col in characters)
/// plus the source line and a caret underline when the line is known.
std::string FormatDiagnostic(const Diagnostic& d);

/// A thread-safe list of diagnostics; stages append, the CLI prints.
class Diagnostics {
 public:
  void Add(Diagnostic d);
  /// Adds an error at `pos`, taking the source line from `text` when given.
  void Error(const SourcePos& pos, std::string message, std::string_view text = {},
             int span = 1, std::string code = {});
  void Warning(const SourcePos& pos, std::string message, std::string_view text = {},
               int span = 1, std::string code = {});

  bool HasErrors() const;
  int ErrorCount() const;
  int WarningCount() const;
  /// All diagnostics, root causes first, then sorted by path, line, column,
  /// then message, so output does not depend on the order threads reported them.
  std::vector<Diagnostic> Sorted() const;
  /// Appends everything from `other`.
  void Merge(const Diagnostics& other);
  /// Appends the diagnostics of `other` for which `keep` holds.
  void MergeIf(const Diagnostics& other, const std::function<bool(const Diagnostic&)>& keep);
  void Clear();

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
};

}  // namespace costsite

#endif  // COSTSITE_BASE_DIAGNOSTICS_H_
