#include "render/search_page.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "render/search_terms.h"

namespace costsite::render {

namespace search {

std::vector<Part> CutParts(std::string_view text, std::span<const SearchSection> sections) {
  const size_t n = std::min<size_t>(sections.size(), kParts - 1);
  auto begin_of = [&](size_t k) { return k == 0 ? 0 : std::min(text.size(), sections[k - 1].begin); };
  std::vector<Part> parts(n + 1);
  for (size_t k = 0; k <= n; ++k) {
    const size_t from = begin_of(k), to = k == n ? text.size() : std::max(from, begin_of(k + 1));
    parts[k] = {k, from, k == 0 ? 0 : std::clamp(sections[k - 1].body, from, to), to};
  }
  return parts;
}

namespace {

// Reads the character at `*i`, moves past it, and returns what a JSON string
// writes instead of it: "" when it is written as it is. Quotes, backslashes
// and control characters are escaped, and U+2028/U+2029 (line ends to older
// JavaScript); invalid UTF-8 becomes U+FFFD. `buf` holds a \u00XX escape.
std::string_view JsonEscapeAt(std::string_view s, size_t* i, char (&buf)[6]) {
  static const char kHex[] = "0123456789abcdef";
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const size_t start = *i;
  const unsigned char c = static_cast<unsigned char>(s[start]);
  if (c < 0x80) {
    ++*i;
    if (c == '"') return "\\\"";
    if (c == '\\') return "\\\\";
    if (c == '\n') return "\\n";
    if (c >= 0x20) return {};
    buf[0] = '\\', buf[1] = 'u', buf[2] = '0', buf[3] = '0', buf[4] = kHex[c >> 4], buf[5] = kHex[c & 15];
    return std::string_view(buf, 6);
  }
  const char32_t cp = NextCodePoint(s, i);
  if (cp == 0xFFFD && s.substr(start, *i - start) != kReplacement) return kReplacement;  // invalid
  if (cp == 0x2028) return "\\u2028";
  if (cp == 0x2029) return "\\u2029";
  return {};
}

// An ASCII character JSON writes as it is and that is not white space:
// JsonEscapeAt returns "" for it.
constexpr std::array<bool, 256> kJsonPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x21; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();
bool IsJsonPlainAscii(char c) { return kJsonPlainAscii[static_cast<unsigned char>(c)]; }

}  // namespace

// Runs of plain bytes are copied at once: every page's title passes here,
// and nlohmann's dump took a JSON value per string.
void AppendJsonString(std::string_view s, std::string* out) {
  *out += '"';
  size_t plain = 0;  // start of the run not yet copied
  char buf[6];
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (std::string_view escape = JsonEscapeAt(s, &i, buf); !escape.empty()) {
      out->append(s.data() + plain, start - plain);
      *out += escape;
      plain = i;
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  *out += '"';
}

// One pass and one copy over every page's text, where collapsing and
// escaping were a pass and a string each.
void AppendJsonLine(std::string_view text, std::string* out) {
  *out += '"';
  size_t plain = 0;      // start of the bytes not yet copied
  bool owed = false;     // a space before the next character
  bool written = false;  // a character is out: a space may follow
  char buf[6];
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      out->append(text.data() + plain, start - plain);
      plain = ++i;
      owed = written;
      continue;
    }
    if (owed) {
      *out += ' ';
      owed = false;
    }
    written = true;
    if (IsJsonPlainAscii(c)) {  // a run of them at once: most of an English page
      do ++i;
      while (i < text.size() && IsJsonPlainAscii(text[i]));
      continue;
    }
    if (std::string_view escape = JsonEscapeAt(text, &i, buf); !escape.empty()) {
      out->append(text.data() + plain, start - plain);
      *out += escape;
      plain = i;
    }
  }
  out->append(text.data() + plain, text.size() - plain);
  *out += '"';
}

}  // namespace search

std::vector<std::string> SearchTerms(std::string_view text) {
  std::vector<std::string> terms;
  std::unordered_set<std::string_view> seen;
  std::vector<std::string> all;
  search::ForEachTerm(text, [&](std::string_view t) { all.emplace_back(t); });
  for (const std::string& t : all)
    if (seen.insert(t).second) terms.push_back(t);
  return terms;
}

std::string SearchTextFile(std::string_view page_path) {
  std::string_view stem = page_path;
  if (stem.size() >= 5 && stem.substr(stem.size() - 5) == ".html") stem.remove_suffix(5);
  return std::string(stem) + ".search.js";
}

std::string SearchTextScript(std::string_view page_path, std::string_view text,
                             std::span<const SearchSection> sections) {
  std::string out = "costsiteSearchText(";
  out.reserve(text.size() + text.size() / 8 + 64);
  search::AppendJsonString(page_path, &out);
  out += ",[";
  bool first = true;
  for (const search::Part& part : search::CutParts(text, sections)) {
    if (!first) out += ',';
    first = false;
    search::AppendJsonLine(text.substr(part.text_from, part.to - part.text_from), &out);
  }
  out += "]);\n";
  return out;
}

}  // namespace costsite::render
