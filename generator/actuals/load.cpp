// LoadActuals: the files of an actuals/ folder, plain or gzip-compressed,
// each streamed through Accumulator::ParseFocus.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <streambuf>
#include <system_error>
#include <tuple>

#include <zlib.h>

#include "actuals/actuals.h"
#include "actuals/csv_reader.h"

namespace costsite::actuals {

namespace {

// A read-only stream buffer over a gzip file, so a .csv.gz reads like a .csv.
class GzipBuf : public std::streambuf {
 public:
  explicit GzipBuf(const std::filesystem::path& path) : file_(gzopen(path.c_str(), "rb")) {
    if (file_) gzbuffer(file_, 1 << 17);
  }
  ~GzipBuf() override {
    if (file_) gzclose(file_);
  }
  GzipBuf(const GzipBuf&) = delete;
  GzipBuf& operator=(const GzipBuf&) = delete;
  bool ok() const { return file_ != nullptr; }
  /// zlib's message after a failed read ("" when none).
  std::string error() const {
    if (!file_) return "cannot open";
    int code = Z_OK;
    const char* msg = gzerror(file_, &code);
    return code == Z_OK || code == Z_STREAM_END ? "" : msg;
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    int n = file_ ? gzread(file_, buf_, sizeof buf_) : 0;
    if (n <= 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  gzFile file_;
  char buf_[1 << 17];
};

// Passes a stream's bytes through unchanged and fingerprints them (size,
// line feeds and CRC-32 of the text), so a file that repeats another's text
// is found without keeping either.
class FingerprintBuf : public std::streambuf {
 public:
  explicit FingerprintBuf(std::streambuf* source) : source_(source) {}
  /// The text read so far: equal for two files only when their text is.
  std::tuple<uint64_t, uint64_t, uLong> Fingerprint() const { return {size_, lines_, crc_}; }
  uint64_t lines() const { return lines_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::streamsize n = Pass(buf_, sizeof buf_);
    if (n <= 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }
  // A large read goes straight into the reader's buffer, without a copy here.
  std::streamsize xsgetn(char* s, std::streamsize count) override {
    std::streamsize got = std::min<std::streamsize>(egptr() - gptr(), count);
    std::copy(gptr(), gptr() + got, s);
    gbump(static_cast<int>(got));
    if (got < count) got += std::max<std::streamsize>(0, Pass(s + got, count - got));
    return got;
  }

 private:
  std::streamsize Pass(char* s, std::streamsize count) {
    std::streamsize n = source_->sgetn(s, count);
    if (n <= 0) return n;
    crc_ = crc32(crc_, reinterpret_cast<const Bytef*>(s), static_cast<uInt>(n));
    size_ += static_cast<uint64_t>(n);
    lines_ += static_cast<uint64_t>(std::count(s, s + n, '\n'));
    return n;
  }

  std::streambuf* source_;
  uint64_t size_ = 0, lines_ = 0;
  uLong crc_ = crc32(0, Z_NULL, 0);
  char buf_[1 << 16];
};

// In any letters' case: an export saved as COST.CSV or .csv.GZ is read too.
bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                    });
}

// The export's files below `dir`, in sorted path order. `unread`, when
// given, gets the files of an export in another form (Parquet, the default
// of AWS Data Exports; a ZIP of a legacy CUR), which are not read.
std::vector<std::filesystem::path> ExportFiles(const std::filesystem::path& dir, Diagnostics& diags,
                                               std::vector<std::filesystem::path>* unread = nullptr) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!it->is_regular_file(ec)) continue;
    if (EndsWith(name, ".csv") || EndsWith(name, ".csv.gz")) files.push_back(it->path());
    else if (unread && (EndsWith(name, ".parquet") || EndsWith(name, ".zip")))
      unread->push_back(it->path());
  }
  if (unread) std::sort(unread->begin(), unread->end());
  if (ec) diags.Error({dir.filename().string(), 0, 0}, "cannot read the folder: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

std::string Shown(const std::filesystem::path& dir, const std::filesystem::path& file) {
  return (dir.filename() / file.lexically_relative(dir)).generic_string();
}

}  // namespace

std::vector<std::string> ExportColumns(const std::filesystem::path& dir, Diagnostics& diags, bool* unreadable) {
  std::vector<std::string> common;
  if (unreadable) *unreadable = false;
  // An export in another form is not read: said once, so that a month whose
  // only file is Parquet does not read as a month without spend.
  std::vector<std::filesystem::path> unread;
  const std::vector<std::filesystem::path> files = ExportFiles(dir, diags, &unread);
  for (const auto& file : unread)
    diags.Warning({Shown(dir, file), 0, 0},
                  "not read: costsite reads FOCUS exports as CSV (.csv or .csv.gz); export it as CSV, or convert it "
                  "(duckdb -c \"COPY (FROM 'x.parquet') TO 'x.csv'\")",
                  {}, 1, "actuals-format");
  for (const auto& file : files) {
    std::unique_ptr<GzipBuf> buf;
    std::ifstream plain;
    std::istream* in = &plain;
    std::optional<std::istream> gz;
    if (EndsWith(file.string(), ".gz")) {
      buf = std::make_unique<GzipBuf>(file);
      gz.emplace(buf.get());
      in = &*gz;
    } else {
      plain.open(file, std::ios::binary);
    }
    CsvReader reader(*in);
    std::vector<CsvField> fields;
    CsvError error;
    std::vector<std::string> names;
    // A header that does not read (UTF-16 text, another separator, a cut
    // gzip stream) names no column here: reading the file says why.
    bool read = reader.Next(&fields, &error) && error.message.empty() &&
                CheckHeader(reader, fields).message.empty() && (!buf || buf->error().empty());
    // A header without FOCUS's charge period is not FOCUS's (a provider's
    // own export): its columns are not the export's, and reading it says so.
    read = read && std::any_of(fields.begin(), fields.end(), [](const CsvField& f) {
             return f.value == "ChargePeriodStart" || CurrentColumnName(f.value) == "ChargePeriodStart";
           });
    if (!read && unreadable) *unreadable = true;
    if (read)
      for (const CsvField& f : fields) {
        names.emplace_back(f.value);
        if (std::string_view current = CurrentColumnName(f.value); !current.empty()) names.emplace_back(current);
      }
    // Any file's columns: exports of several providers have columns of their
    // own (x_ResourceGroupName), and FOCUS's own samples leave Tags out; a
    // line of a file without a column reads it as empty.
    common.insert(common.end(), names.begin(), names.end());
  }
  std::sort(common.begin(), common.end());
  common.erase(std::unique(common.begin(), common.end()), common.end());
  return common;
}

bool HasColumn(const std::vector<std::string>& columns, std::string_view name) {
  if (std::binary_search(columns.begin(), columns.end(), name)) return true;
  std::string_view current = CurrentColumnName(name);
  return !current.empty() && std::binary_search(columns.begin(), columns.end(), current);
}

Totals LoadActuals(const std::filesystem::path& dir, const Query& query, Diagnostics& diags) {
  Accumulator acc(query);
  // Each file's text, so a second copy of an export (a download saved twice,
  // a folder copied into another) is an error instead of counting twice.
  std::map<std::tuple<uint64_t, uint64_t, uLong>, std::string> seen;
  for (const auto& file : ExportFiles(dir, diags)) {
    std::string shown = Shown(dir, file);
    std::unique_ptr<GzipBuf> gz;
    std::ifstream plain;
    std::streambuf* source = nullptr;
    if (EndsWith(shown, ".gz")) {
      gz = std::make_unique<GzipBuf>(file);
      if (gz->ok()) source = gz.get();
    } else {
      plain.open(file, std::ios::binary);
      if (!plain) {
        diags.Error({shown, 0, 0}, "cannot open the file");
        continue;
      }
      source = plain.rdbuf();
    }
    Diagnostics parsed;
    if (source) {
      FingerprintBuf print(source);
      std::istream in(&print);
      acc.ParseFocus(shown, in, parsed);
      // A header alone (a month without charges) may well repeat another's.
      if (print.lines() > 1) {
        auto [it, fresh] = seen.emplace(print.Fingerprint(), shown);
        if (!fresh)
          parsed.Error({shown, 1, 1},
                       "the same text as " + it->second +
                           ": a copy of one export file would count its lines twice; remove one of them",
                       {}, 1, "focus");
      }
    }
    // A cut or corrupt gzip stream ends the text anywhere, in the header or
    // in a line: what the parse found there follows from it, so that one
    // error stands for the file.
    std::string why = gz ? gz->error() : "";
    if (why.empty()) {
      diags.Merge(parsed);
      continue;
    }
    // zlib names the file before its message ("./actuals/a.csv.gz: unexpected end of file").
    if (std::string prefix = file.string() + ": "; why.rfind(prefix, 0) == 0) why.erase(0, prefix.size());
    diags.Error({shown, 0, 0}, "cannot read the compressed file: " + why);
  }
  return acc.Finish(diags);
}

}  // namespace costsite::actuals
