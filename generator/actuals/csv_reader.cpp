#include "actuals/csv_reader.h"

#include <algorithm>
#include <cstring>

namespace costsite::actuals {

namespace {

constexpr size_t kChunk = 1 << 18;  // bytes read at a time
constexpr std::string_view kBom = "\xEF\xBB\xBF";

const char* Find(const char* from, const char* to, char c) {
  return from >= to ? nullptr : static_cast<const char*>(std::memchr(from, c, to - from));
}

// UTF-16 without a byte order mark: the header's ASCII letters alternate
// with zero bytes, all on one side of each pair.
bool LooksUtf16(std::string_view head) {
  const size_t pairs = std::min<size_t>(head.size() / 2, 16);
  if (pairs < 2) return false;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    even += head[2 * i] == '\0';
    odd += head[2 * i + 1] == '\0';
  }
  return (even == pairs && odd == 0) || (odd == pairs && even == 0);
}

}  // namespace

CsvReader::CsvReader(std::istream& in) : in_(in) {}

bool CsvReader::Fill() {
  if (eof_) return false;
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  in_.read(buf_.data() + old, kChunk);
  size_t got = static_cast<size_t>(in_.gcount());
  buf_.resize(old + got);
  if (got < kChunk) eof_ = true;
  return got > 0;
}

bool CsvReader::Next(std::vector<CsvField>* fields, CsvError* error) {
  fields->clear();
  error->message.clear();
  while (!stopped_) {
    if (first_) {
      while (buf_.size() < kBom.size() && Fill()) {
      }
      if (std::string_view(buf_).substr(0, kBom.size()) == kBom) pos_ = kBom.size();
      first_ = false;
    }
    // Find the record's end: a line feed outside quotes. A quote opens a
    // quoted field only at a field's start; inside one, a doubled quote is
    // a quote and a single one closes it. A stray quote inside an unquoted
    // field is reported by SplitFields and does not swallow the lines after
    // it. Only quotes are visited (memchr), not every byte.
    size_t scan = pos_;
    bool in_quotes = false, multiline = false;
    size_t end = 0;
    for (;;) {
      const char* base = buf_.data();
      const char* record_start = base + pos_;
      const char* stop_at = base + buf_.size();
      const char* nl = Find(base + scan, stop_at, '\n');
      const char* limit = nl ? nl : stop_at;
      for (const char* q = Find(base + scan, limit, '"'); q; q = Find(q + 1, limit, '"')) {
        if (in_quotes) {
          if (q + 1 < limit && q[1] == '"') {
            ++q;
          } else {
            in_quotes = false;
          }
        } else if (q == record_start || q[-1] == ',') {
          in_quotes = true;
        }
      }
      if (nl && !in_quotes) {
        end = nl - base;
        break;
      }
      if (nl) {
        multiline = true;
        scan = nl - base + 1;
        continue;
      }
      if (eof_ && !Fill()) {
        end = buf_.size();
        break;
      }
      // More input is needed: keep the record, read on, and scan it again
      // from its start (a doubled quote may straddle the chunks).
      buf_.erase(0, pos_);
      pos_ = 0;
      if (buf_.size() > kMaxRecord) {
        stopped_ = true;
        *error = {next_line_, 1,
                  "a record longer than 1 MiB (an unclosed quote?); the rest of the file is not read"};
        return true;
      }
      Fill();
      scan = 0;
      in_quotes = false;
      multiline = false;
    }
    if (end == pos_ && pos_ >= buf_.size() && eof_) return false;
    rec_begin_ = pos_;
    rec_end_ = end;
    // CRLF, and the CR CR LF of a CSV writer whose line end went through a
    // second CRLF translation (Python's csv module on Windows without newline='').
    while (rec_end_ > rec_begin_ && buf_[rec_end_ - 1] == '\r') --rec_end_;
    record_line_ = next_line_;
    next_line_ += 1 + (multiline ? static_cast<int>(std::count(buf_.begin() + rec_begin_, buf_.begin() + end, '\n')) : 0);
    pos_ = std::min(end + 1, buf_.size());
    if (rec_end_ == rec_begin_) continue;  // a blank line holds no data
    if (in_quotes) {
      *error = {record_line_, 1, "unclosed quote: the file ends inside a quoted field"};
      return true;
    }
    SplitFields(fields, error);
    return true;
  }
  return false;
}

bool CsvReader::SplitFields(std::vector<CsvField>* fields, CsvError* error) {
  const char* base = buf_.data();
  const char* end = base + rec_end_;
  const char* p = base + rec_begin_;
  const char* line_start = p;
  int line = record_line_;
  for (size_t i = 0;; ++i) {
    CsvField f{{}, line, static_cast<int>(p - line_start) + 1};
    const char* stop;
    if (p < end && *p == '"') {
      const char* q = p + 1;
      bool escaped = false;
      const char* close;
      for (;;) {
        close = Find(q, end, '"');
        if (!close) {
          *error = {f.line, f.col, "unclosed quote"};
          return false;
        }
        if (close + 1 < end && close[1] == '"') {
          escaped = true;
          q = close + 2;
          continue;
        }
        break;
      }
      if (escaped) {
        if (unescaped_.size() <= i) unescaped_.resize(i + 1);
        std::string& s = unescaped_[i];
        s.clear();
        for (const char* c = p + 1; c < close; ++c) {
          s.push_back(*c);
          if (*c == '"') ++c;  // the second quote of a pair
        }
        f.value = s;
      } else {
        f.value = std::string_view(p + 1, close - p - 1);
      }
      const char* nl = Find(p, close, '\n');
      f.width = static_cast<int>((nl ? nl : close + 1) - p);  // over several lines: to the first one's end
      for (; nl; nl = Find(nl + 1, close, '\n')) ++line, line_start = nl + 1;
      stop = close + 1;
      if (stop < end && *stop != ',') {
        *error = {line, static_cast<int>(stop - line_start) + 1,
                  "unexpected character after a closing quote (a quote inside a quoted field is written \"\")"};
        return false;
      }
    } else {
      stop = Find(p, end, ',');
      if (!stop) stop = end;
      if (const char* q = Find(p, stop, '"')) {
        *error = {line, static_cast<int>(q - line_start) + 1,
                  "a quote inside an unquoted field (quote the whole field and double the quote)"};
        return false;
      }
      f.value = std::string_view(p, stop - p);
      f.width = static_cast<int>(stop - p);
    }
    fields->push_back(f);
    if (stop >= end) return true;
    p = stop + 1;
  }
}

std::string_view CsvReader::LineText(int line) const {
  if (line < record_line_) return {};
  const char* p = buf_.data() + rec_begin_;
  const char* end = buf_.data() + rec_end_;
  for (int l = record_line_; l < line; ++l) {
    const char* nl = Find(p, end, '\n');
    if (!nl) return {};
    p = nl + 1;
  }
  const char* nl = Find(p, end, '\n');
  std::string_view text(p, (nl ? nl : end) - p);
  while (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

HeaderFault CheckHeader(const CsvReader& reader, const std::vector<CsvField>& header) {
  const int line = reader.RecordLine();
  std::string_view head = reader.LineText(line);
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF" || LooksUtf16(head))
    return {line, 1, "the file is UTF-16 text: FOCUS exports are UTF-8; save it again as UTF-8 CSV", true};
  // Other bytes that text never holds: a macOS "._" file beside the export
  // (the resource fork a copy to a USB disk, a network share or a zip
  // leaves), or a Parquet or ZIP file named .csv.
  if (head.find('\0') != head.npos)
    return {line, 1,
            "the file is binary data, not CSV text (a macOS \"._\" file, or a Parquet or ZIP file named .csv?): "
            "remove it from actuals/, or export the bill as CSV",
            true};
  // Lines ended by CR alone (classic Mac text) read as one line: the header
  // and every charge after it, which would leave the file without lines.
  if (head.find('\r') < head.size() - 1)
    return {line, static_cast<int>(head.find('\r')) + 1,
            "the lines end with a carriage return alone: save the file again with LF or CRLF line ends"};
  if (header.size() == 1) {
    for (char sep : {';', '\t', '|'}) {
      if (size_t at = header[0].value.find(sep); at != std::string_view::npos)
        return {header[0].line, header[0].col + static_cast<int>(at),
                std::string("the header is one column holding '") + (sep == '\t' ? "\\t" : std::string(1, sep)) +
                    "': FOCUS exports are comma-separated; save the file again as CSV with commas"};
    }
  }
  return {};
}

}  // namespace costsite::actuals
