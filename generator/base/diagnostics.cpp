#include "base/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "base/display_width.h"

namespace costsite {

std::string_view LineOf(std::string_view text, int line) {
  if (line < 1) return {};
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view l = text.substr(start, end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

namespace {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

}  // namespace

int CharColumn(std::string_view line, int byte_col) {
  if (byte_col <= 0) return byte_col;
  size_t bytes = static_cast<size_t>(byte_col - 1);
  int chars = 1;
  for (size_t i = 0; i < bytes; ++i) {
    // Past the line's end (a column after its last character), bytes are characters.
    if (i >= line.size() || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars;
}

std::string PlaceText(const SourcePos& pos, std::string_view line) {
  std::string out = pos.path;
  if (pos.line > 0) {
    out += ":" + std::to_string(pos.line);
    if (pos.col > 0) out += ":" + std::to_string(CharColumn(line, pos.col));
  }
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = PlaceText(d.pos, d.source_line);
  if (d.pos.path.empty()) out = "costsite" + out;
  out += ": ";
  out += SeverityName(d.severity);
  out += ": ";
  out += d.message;
  out += "\n";
  if (d.pos.line > 0 && !d.source_line.empty()) {
    std::string num = std::to_string(d.pos.line);
    std::string pad(num.size(), ' ');
    std::string shown;
    for (char c : d.source_line) shown += (c == '\t') ? ' ' : c;
    out += " " + num + " | " + shown + "\n";
    if (d.pos.col > 0) {
      size_t col_bytes = static_cast<size_t>(d.pos.col - 1);
      int indent = DisplayWidth(d.source_line, col_bytes);
      int width = std::max(1, DisplayWidth(d.source_line.substr(std::min(col_bytes, d.source_line.size())),
                                           static_cast<size_t>(std::max(d.span, 1))));
      out += " " + pad + " | " + std::string(indent, ' ') + "^" + std::string(width - 1, '~') + "\n";
    }
  }
  return out;
}

void Diagnostics::Add(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mu_);
  items_.push_back(std::move(d));
}

void Diagnostics::Error(const SourcePos& pos, std::string message, std::string_view text, int span,
                        std::string code) {
  Add({Severity::kError, pos, std::move(message), std::string(LineOf(text, pos.line)), span,
       std::move(code)});
}

void Diagnostics::Warning(const SourcePos& pos, std::string message, std::string_view text,
                          int span, std::string code) {
  Add({Severity::kWarning, pos, std::move(message), std::string(LineOf(text, pos.line)), span,
       std::move(code)});
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

int Diagnostics::ErrorCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

int Diagnostics::WarningCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard<std::mutex> lock(mu_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const bool a_later = !a.root_cause, b_later = !b.root_cause;
    return std::tie(a_later, a.pos.path, a.pos.line, a.pos.col, a.message) <
           std::tie(b_later, b.pos.path, b.pos.line, b.pos.col, b.message);
  });
  return out;
}

void Diagnostics::MergeIf(const Diagnostics& other, const std::function<bool(const Diagnostic&)>& keep) {
  std::vector<Diagnostic> picked;
  {
    std::lock_guard<std::mutex> lock(other.mu_);
    for (const Diagnostic& d : other.items_)
      if (keep(d)) picked.push_back(d);
  }
  std::lock_guard<std::mutex> lock(mu_);
  for (Diagnostic& d : picked) items_.push_back(std::move(d));
}

void Diagnostics::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  items_.clear();
}

void Diagnostics::Merge(const Diagnostics& other) {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard<std::mutex> lock(other.mu_);
    copy = other.items_;
  }
  std::lock_guard<std::mutex> lock(mu_);
  items_.insert(items_.end(), copy.begin(), copy.end());
}

}  // namespace costsite
