#include "markdown/heading_ids.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "markdown/cmark_util.h"
#include "markdown/markdown.h"

namespace costsite::markdown {

// Hugo's sanitizeAnchorName for the "github" type: trim white space (any
// Unicode's); then an ASCII space, a tab or '-' becomes '-' (an ideographic
// space is dropped, as Hugo does), a letter, digit or '_' is kept lowercased, anything else
// (punctuation, symbols, emoji, full-width punctuation) is dropped. Runs of
// spaces are not collapsed ("a  b" -> "a--b"). Letters are Unicode's L*
// categories and digits Nd, as in Go's unicode package; ICU answers both.
std::string Slugify(std::string_view text) {
  auto is_space = [](UChar32 c) { return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
                                         c == 0x85 || u_isUWhiteSpace(c); };
  std::string out;
  std::vector<UChar32> cps;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    cps.push_back(c < 0 ? 0xFFFD : c);
  }
  size_t begin = 0, end = cps.size();
  while (begin < end && is_space(cps[begin])) ++begin;
  while (end > begin && is_space(cps[end - 1])) --end;
  for (size_t k = begin; k < end; ++k) {
    UChar32 c = cps[k];
    if (c == '-' || c == ' ' || c == '\t') {
      out += '-';
      continue;
    }
    if (c != '_' && !u_isalpha(c) && u_charType(c) != U_DECIMAL_DIGIT_NUMBER) continue;
    c = u_tolower(c);
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<size_t>(n));
  }
  return out.empty() ? "heading" : out;
}

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The length of a trailing attribute block `{#id .class key=value}` at the
// end of `text` (spaces before it included), filling `id`; 0 when there is
// none. Goldmark reads the same tokens; a block it would not read stays text.
size_t TrailingAttributes(std::string_view text, std::string* id) {
  size_t end = text.size();
  while (end > 0 && IsBlank(text[end - 1])) --end;
  if (end == 0 || text[end - 1] != '}') return 0;
  size_t open = text.rfind('{', end - 1);
  if (open == std::string_view::npos) return 0;
  std::string_view inner = text.substr(open + 1, end - 1 - open - 1);
  std::string found;
  bool any = false;
  for (size_t i = 0; i < inner.size();) {
    while (i < inner.size() && IsBlank(inner[i])) ++i;
    if (i >= inner.size()) break;
    size_t j = i;
    while (j < inner.size() && !IsBlank(inner[j])) ++j;
    std::string_view token = inner.substr(i, j - i);
    if (token.size() > 1 && token[0] == '#') {
      found = std::string(token.substr(1));
    } else if (!(token.size() > 1 && token[0] == '.') && token.find('=') == std::string_view::npos) {
      return 0;
    }
    any = true;
    i = j;
  }
  if (!any) return 0;
  size_t start = open;
  while (start > 0 && IsBlank(text[start - 1])) --start;
  *id = found;
  return text.size() - start;
}

// The source text of an ATX heading's line from its '#' on: the markers and
// an optional closing sequence removed.
std::string AtxText(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  std::string_view rest = line.substr(i);
  size_t end = rest.size();
  while (end > 0 && IsBlank(rest[end - 1])) --end;
  size_t hashes = end;
  while (hashes > 0 && rest[hashes - 1] == '#') --hashes;
  if (hashes < end && (hashes == 0 || IsBlank(rest[hashes - 1]))) end = hashes;
  return std::string(rest.substr(0, end));
}

// Removes the last `count` bytes of the trailing text nodes of `h`.
void TrimTrailingText(cmark_node* h, size_t count) {
  for (cmark_node* n = cmark_node_last_child(h); n && count > 0;) {
    cmark_node* prev = cmark_node_previous(n);
    std::string lit = Literal(n);
    if (lit.size() > count) {
      lit.resize(lit.size() - count);
      while (!lit.empty() && IsBlank(lit.back())) lit.pop_back();
      cmark_node_set_literal(n, lit.c_str());
      return;
    }
    count -= lit.size();
    cmark_node_free(n);  // unlinks it
    n = prev;
  }
}

}  // namespace

HeadingSource ReadHeadingSource(cmark_node* h, LineIndex* body) {
  HeadingSource out;
  int first = cmark_node_get_start_line(h), last = cmark_node_get_end_line(h);
  int col = cmark_node_get_start_column(h);
  if (cmark_node_get_heading_level(h) > 0 && first == last) {
    std::string_view line = body->Line(first);
    size_t at = col > 0 ? static_cast<size_t>(col - 1) : 0;
    if (at > line.size()) at = line.size();
    // The '#' may follow a container's markers ("> ## x"): start at it.
    size_t hash = line.find('#', at);
    out.text = AtxText(hash == std::string_view::npos ? line.substr(at) : line.substr(hash));
  }
  if (out.text.empty() || first != last) {  // a setext heading: its lines
    out.text.clear();
    for (int l = first; l < last; ++l) out.text += std::string(body->Line(l)) + (l + 1 < last ? "\n" : "");
  }
  // An inline shortcode's placeholder (shortcodes.h) is not part of the id.
  for (size_t open; (open = out.text.find("\xEE\x80\x80")) != std::string::npos;) {
    size_t close = out.text.find("\xEE\x80\x81", open);
    out.text.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
  }
  // The attribute block, as it appears in the trailing text nodes.
  std::string tail;
  for (cmark_node* n = cmark_node_last_child(h); n && cmark_node_get_type(n) == CMARK_NODE_TEXT;
       n = cmark_node_previous(n))
    tail = Literal(n) + tail;
  std::string id;
  if (size_t cut = TrailingAttributes(tail, &id); cut > 0) {
    TrimTrailingText(h, cut);
    std::string ignored;
    if (size_t src_cut = TrailingAttributes(out.text, &ignored); src_cut > 0) out.text.resize(out.text.size() - src_cut);
    out.custom_id = id;
  }
  return out;
}

}  // namespace costsite::markdown
