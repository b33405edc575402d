#include "figures/text_width.h"

#include <string_view>

namespace costsite::figures {

namespace {

struct Glyph {
  char32_t cp;
  size_t begin, end;  // bytes in the text
  int width;          // thousandths of an em
};

// UTF-8 to code points; a malformed byte counts as one replacement character.
std::vector<Glyph> Decode(std::string_view s) {
  std::vector<Glyph> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back({cp, i, i + len, CharWidth(cp)});
    i += len;
  }
  return out;
}

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Punctuation that must not start a line (，。、）etc.).
bool NoBreakBefore(char32_t c) {
  static constexpr std::u32string_view kClosing = U"，。、；：？！）》」』】〉”’";
  return kClosing.find(c) != std::u32string_view::npos;
}

constexpr int kEllipsis = 1000;  // "…"

int Sum(const std::vector<Glyph>& g, size_t from, size_t to) {
  int w = 0;
  for (size_t i = from; i < to; ++i) w += g[i].width;
  return w;
}

}  // namespace

int CharWidth(char32_t c) {
  if (IsWide(c)) return 1000;
  if (c == ' ') return 320;
  if (c >= '0' && c <= '9') return 640;
  if (c == 'M' || c == 'W' || c == 'm' || c == 'w' || c == '%' || c == 0x2014 || c == 0x2026) return 1000;
  if (c == 'I' || c == 'i' || c == 'j' || c == 'l' || c == '.' || c == ',' || c == ':' || c == ';' ||
      c == '\'' || c == '!' || c == '|')
    return 320;
  if (c == 'f' || c == 't' || c == 'r' || c == '(' || c == ')' || c == '[' || c == ']' || c == '-' ||
      c == '/')
    return 420;
  if (c >= 'A' && c <= 'Z') return 760;
  if (c >= 'a' && c <= 'z') return 620;
  return 680;  // other punctuation, symbols (¥ € – ×) and letters of other scripts
}

int TextWidth(std::string_view utf8, int font_px) {
  int w = 0;
  for (const Glyph& g : Decode(utf8)) w += g.width;
  return (w * font_px + 999) / 1000;
}

WrappedText WrapText(std::string_view utf8, int max_px, int font_px, int max_lines) {
  std::vector<Glyph> g = Decode(utf8);
  const int max = max_px * 1000 / font_px;
  std::vector<std::pair<size_t, size_t>> spans;  // glyph ranges of the lines
  size_t start = 0, brk = 0;                     // brk: where the line may end (0 = nowhere yet)
  auto skip_spaces = [&](size_t i) {
    while (i < g.size() && g[i].cp == ' ') ++i;
    return i;
  };
  start = skip_spaces(0);
  for (size_t i = start; i < g.size(); ++i) {
    if (i > start && IsWide(g[i].cp) && !NoBreakBefore(g[i].cp)) brk = i;
    if (Sum(g, start, i + 1) > max && g[i].cp != ' ') {
      size_t end = brk > start ? brk : (i > start ? i : i + 1);
      size_t trimmed = end;
      while (trimmed > start && g[trimmed - 1].cp == ' ') --trimmed;
      spans.push_back({start, trimmed});
      start = skip_spaces(end);
      brk = 0;
      i = start == 0 ? 0 : start - 1;  // re-read from the new line's start
      continue;
    }
    if (g[i].cp == ' ' || (IsWide(g[i].cp) && !(i + 1 < g.size() && NoBreakBefore(g[i + 1].cp)))) brk = i + 1;
  }
  size_t last = g.size();
  while (last > start && g[last - 1].cp == ' ') --last;
  if (last > start) spans.push_back({start, last});

  WrappedText out;
  auto text = [&](size_t a, size_t b) {
    return a >= b ? std::string() : std::string(utf8.substr(g[a].begin, g[b - 1].end - g[a].begin));
  };
  if (static_cast<int>(spans.size()) > max_lines) {
    spans.resize(max_lines);
    size_t a = spans.back().first, b = last;
    while (b > a && Sum(g, a, b) + kEllipsis > max) --b;
    while (b > a && g[b - 1].cp == ' ') --b;
    spans.back().second = b;
    out.shortened = true;
  }
  for (size_t k = 0; k < spans.size(); ++k) {
    out.lines.push_back(text(spans[k].first, spans[k].second));
    if (out.shortened && k + 1 == spans.size()) out.lines.back() += "…";
  }
  return out;
}

}  // namespace costsite::figures
