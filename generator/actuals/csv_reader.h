// RFC 4180 records read from a stream in fixed-size chunks: a record may hold
// quoted commas, doubled quotes and line breaks; CRLF or LF ends it. Only the
// current record is kept, so memory does not grow with the file. Internal to
// the actuals stage.
#ifndef COSTSITE_ACTUALS_CSV_READER_H_
#define COSTSITE_ACTUALS_CSV_READER_H_

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <deque>
#include <vector>

namespace costsite::actuals {

/// One field of a record: its value (quotes removed, "" unescaped) and where it starts.
struct CsvField {
  std::string_view value;
  int line = 0;  // 1-based line of the file
  int col = 0;   // 1-based byte column on that line
  int width = 0; // bytes its text takes on that line, quotes included (what a caret underlines)
};

/// A malformed record: where, and why.
struct CsvError {
  int line = 0, col = 0;
  std::string message;
};

class CsvReader {
 public:
  /// A record longer than this is refused (an unclosed quote, most likely).
  static constexpr size_t kMaxRecord = 1 << 20;

  explicit CsvReader(std::istream& in);

  /// The next record's fields into `*fields` (valid until the next call).
  /// False at the end of input, or on a malformed record with `*error` set
  /// (reading may go on with the next record).
  bool Next(std::vector<CsvField>* fields, CsvError* error);
  /// The text of 1-based `line` if it belongs to the record just read ("" otherwise).
  std::string_view LineText(int line) const;
  /// The line number the last record started on.
  int RecordLine() const { return record_line_; }

 private:
  bool Fill();  // reads one more chunk; false at the end of input
  bool SplitFields(std::vector<CsvField>* fields, CsvError* error);

  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0;          // start of the next record in buf_
  size_t rec_begin_ = 0, rec_end_ = 0;  // the current record, without its line ending
  int record_line_ = 0;     // line the current record starts on
  int next_line_ = 1;       // line the next record starts on
  bool eof_ = false;
  bool first_ = true;       // a BOM may open the first record
  bool stopped_ = false;    // an over-long record: nothing more is read
  std::deque<std::string> unescaped_;  // fields that held "" (by field index; stable addresses)
};

/// Why a header line is not comma-separated UTF-8 text, as a spreadsheet that
/// saved the file again may leave it; an empty message when it is.
struct HeaderFault {
  int line = 0, col = 0;
  std::string message;
  bool binary = false;  // UTF-16 or binary data: its line is not text to show
};

/// The fault of `header`, the record `reader` just read: UTF-16 text, other
/// binary data (zero bytes), lines ended by a carriage return alone (one line
/// holds the whole file), or a single field holding ';', a tab or '|'
/// (another separator).
HeaderFault CheckHeader(const CsvReader& reader, const std::vector<CsvField>& header);

}  // namespace costsite::actuals

#endif  // COSTSITE_ACTUALS_CSV_READER_H_
