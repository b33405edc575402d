#include "base/yaml_errors.h"

#include <cctype>
#include <vector>

namespace costsite {
namespace {

// One line of the text as the block structure sees it.
struct YamlLine {
  std::string_view text;
  int indent = 0;
  int tab = -1;          // column of a tab in the leading white space, -1 if none
  bool content = false;  // starts a node in block context (not blank, a comment or inside a quote, flow or block scalar)
  bool item = false;     // "- …"
  std::string key;       // "key: …" (after "- " for an item), "" if none
  int key_col = 0;
  bool opens = false;    // "key:" or "-" with nothing after it: the next lines may be deeper
};

struct Open {
  char c;
  int line, col;
};

// Splits `text` into lines and follows quotes, flow collections ([…], {…})
// and block scalars (| and >) across them, so that only lines that start a
// node in block context count as content. Stops after line `last`.
class Scanner {
 public:
  Scanner(std::string_view text, int last) {
    size_t at = 0;
    for (int n = 0; at <= text.size() && n <= last; ++n) {
      size_t nl = text.find('\n', at);
      std::string_view l = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      Scan(l, n);
      if (nl == std::string_view::npos) break;
      at = nl + 1;
    }
  }
  std::vector<YamlLine> lines;
  std::vector<Open> flows;  // open brackets at the end
  std::optional<Open> quote;

 private:
  void Scan(std::string_view l, int n) {
    YamlLine y;
    y.text = l;
    size_t ws = 0;
    while (ws < l.size() && (l[ws] == ' ' || l[ws] == '\t')) {
      if (l[ws] == '\t' && y.tab < 0) y.tab = static_cast<int>(ws);
      ++ws;
    }
    size_t spaces = l.find_first_not_of(' ');
    y.indent = static_cast<int>(spaces == std::string_view::npos ? l.size() : spaces);
    const bool blank = ws == l.size();
    if (block_indent_ >= 0) {
      if (blank || y.indent > block_indent_) {
        y.tab = -1;
        lines.push_back(y);
        return;
      }
      block_indent_ = -1;
    }
    const bool inside = quote || !flows.empty();
    if (inside || blank) y.tab = -1;
    y.content = !inside && !blank && l[ws] != '#';
    if (y.content) Structure(&y);
    Lex(l, n, inside ? 0 : ws, y.indent);
    lines.push_back(y);
  }

  static void Structure(YamlLine* y) {
    std::string_view l = y->text;
    size_t pos = static_cast<size_t>(y->indent);
    if (l[pos] == '-' && (pos + 1 == l.size() || l[pos + 1] == ' ')) {
      y->item = true;
      pos = l.find_first_not_of(' ', pos + 1);
      if (pos == std::string_view::npos || l[pos] == '#') {
        y->opens = true;
        return;
      }
    }
    if (std::string_view("\"'[{&*!|>").find(l[pos]) != std::string_view::npos) return;
    for (size_t i = pos; i < l.size(); ++i) {
      if (l[i] == '#' && i > 0 && l[i - 1] == ' ') return;
      if (l[i] != ':' || (i + 1 < l.size() && l[i + 1] != ' ')) continue;
      y->key = std::string(l.substr(pos, i - pos));
      while (!y->key.empty() && y->key.back() == ' ') y->key.pop_back();
      y->key_col = static_cast<int>(pos);
      size_t rest = l.find_first_not_of(' ', i + 1);
      y->opens = rest == std::string_view::npos || l[rest] == '#';
      return;
    }
  }

  void Lex(std::string_view l, int n, size_t from, int indent) {
    bool at_start = !quote && flows.empty() ? true : quote ? false : at_start_;
    for (size_t i = from; i < l.size(); ++i) {
      char c = l[i];
      char next = i + 1 < l.size() ? l[i + 1] : '\0';
      if (quote) {
        if (quote->c == '"' && c == '\\') ++i;
        else if (quote->c == '\'' && c == '\'' && next == '\'') ++i;
        else if (c == quote->c) quote.reset(), at_start = false;
        continue;
      }
      if (c == '#' && (i == 0 || l[i - 1] == ' ' || l[i - 1] == '\t')) break;
      if (c == ' ' || c == '\t') continue;
      if (at_start && (c == '"' || c == '\'')) {
        quote = Open{c, n, static_cast<int>(i)};
      } else if (at_start && (c == '[' || c == '{')) {
        flows.push_back({c, n, static_cast<int>(i)});
      } else if (!flows.empty() && (c == ']' || c == '}')) {
        flows.pop_back();
        at_start = false;
      } else if (!flows.empty() && c == ',') {
        at_start = true;
      } else if (c == '-' && at_start && flows.empty() && (next == ' ' || next == '\0')) {
        // a list item: a value may follow
      } else if (c == ':' && (next == ' ' || next == '\0' ||
                              (!flows.empty() && (next == ',' || next == ']' || next == '}')))) {
        at_start = true;
        size_t v = l.find_first_not_of(' ', i + 1);
        if (flows.empty() && v != std::string_view::npos && (l[v] == '|' || l[v] == '>')) {
          block_indent_ = indent;
          break;
        }
      } else {
        at_start = false;
      }
    }
    at_start_ = at_start;
  }

  int block_indent_ = -1;  // the indent of the key that began a block scalar, -1 outside one
  bool at_start_ = true;   // inside a flow at the end of a line: a value may start
};

std::string Spaces(int n) { return std::to_string(n) + (n == 1 ? " space" : " spaces"); }

YamlSyntaxError At(int line, int column, int span, std::string message) {
  return {line, column, span < 1 ? 1 : span, std::move(message)};
}

// "unit:USD/h": a key, a colon and no space, read as one plain word.
std::optional<YamlSyntaxError> MissingSpace(const YamlLine& y, int n) {
  if (!y.content || !y.key.empty()) return std::nullopt;
  std::string_view l = y.text;
  size_t pos = static_cast<size_t>(y.indent);
  if (y.item) pos = l.find_first_not_of(' ', pos + 1);
  if (pos == std::string_view::npos || !(std::isalpha(static_cast<unsigned char>(l[pos])) || l[pos] == '_')) return std::nullopt;
  size_t colon = pos;
  while (colon < l.size() && (std::isalnum(static_cast<unsigned char>(l[colon])) || l[colon] == '_' ||
                              l[colon] == '.' || l[colon] == '-'))
    ++colon;
  if (colon + 1 >= l.size() || l[colon] != ':' || l[colon + 1] == ' ' || l[colon + 1] == ':') return std::nullopt;
  std::string key(l.substr(pos, colon - pos));
  size_t end = l.find(" #", colon);
  std::string value(l.substr(colon + 1, end == std::string_view::npos ? std::string_view::npos : end - colon - 1));
  while (!value.empty() && value.back() == ' ') value.pop_back();
  return At(n, static_cast<int>(colon), 1,
            "'" + key + ":" + value + "' needs a space after ':' (" + key + ": " + value +
                "); without it YAML reads one word, not a key and its value");
}

// "title: a: b": a second ': ' in a plain value.
std::optional<YamlSyntaxError> ColonInValue(const YamlLine& y, int n) {
  if (!y.content || y.key.empty()) return std::nullopt;
  std::string_view l = y.text;
  size_t v = l.find_first_not_of(' ', static_cast<size_t>(y.key_col) + y.key.size() + 1);
  if (v == std::string_view::npos || std::string_view("\"'[{|>&*!#").find(l[v]) != std::string_view::npos)
    return std::nullopt;
  size_t colon = l.find(": ", v);
  if (colon == std::string_view::npos) return std::nullopt;
  if (size_t hash = l.find(" #", v); hash != std::string_view::npos && hash < colon) return std::nullopt;
  return At(n, static_cast<int>(colon), 1,
            "the value of '" + y.key + "' holds ': ', which YAML reads as the start of another key: put the value in quotes (" +
                y.key + ": \"" + std::string(l.substr(v)) + "\")");
}

struct Level {
  int indent;
  bool item;
};

// Indentation of content line `e` against the lines before it; also a list
// item among the keys of a map.
std::optional<YamlSyntaxError> Indentation(const std::vector<YamlLine>& lines, int e) {
  const YamlLine& y = lines[e];
  if (!y.content || (y.key.empty() && !y.item)) return std::nullopt;
  std::vector<Level> stack;
  const YamlLine* prev = nullptr;
  for (int i = 0; i < e; ++i) {
    const YamlLine& l = lines[i];
    if (!l.content) continue;
    while (!stack.empty() && stack.back().indent > l.indent) stack.pop_back();
    if (!stack.empty() && stack.back().indent == l.indent) stack.back() = {l.indent, l.item};
    else stack.push_back({l.indent, l.item});
    if (l.item && !l.key.empty()) stack.push_back({l.key_col, false});
    prev = &l;
  }
  if (stack.empty() || !prev) return std::nullopt;
  const int n = y.indent;
  const std::string what = y.item ? "this list item" : "'" + y.key + "'";
  const int span = y.item ? 1 : static_cast<int>(y.key.size());
  auto beside = [&](const Level& l) {
    return std::string(l.item ? "the list items beside it are " : "the keys beside it are ") +
           (l.indent == 0 ? "not indented" : "indented " + std::to_string(l.indent));
  };
  std::optional<Level> popped;
  while (!stack.empty() && stack.back().indent > n) popped = stack.back(), stack.pop_back();
  if (popped && (stack.empty() || stack.back().indent < n))
    return At(e, n, span, what + " is indented " + Spaces(n) + "; " + beside(*popped));
  if (stack.empty()) return std::nullopt;
  const Level& top = stack.back();
  if (top.indent < n) {
    if (prev->opens) return std::nullopt;
    return At(e, n, span, what + " is indented " + Spaces(n) + "; " + beside(top));
  }
  // Aligned with `top`.
  if (y.item && !top.item && !(prev->opens && prev->indent == n)) {
    return At(e, n, 1,
              "a list item among the keys of a map: the lines beside it are keys ('key: value'); drop the '- ', or put "
              "the list under a key of its own");
  }
  return std::nullopt;
}

}  // namespace

std::optional<YamlSyntaxError> FindUnclosedQuote(std::string_view text) {
  Scanner s(text, 1 << 30);
  if (!s.quote) return std::nullopt;
  return At(s.quote->line, s.quote->col, 1,
            std::string("the quote ") + s.quote->c + " that opens this value is not closed: end the value with " +
                s.quote->c);
}

YamlSyntaxError ExplainYamlError(std::string_view text, int line, int column, std::string_view parser_message) {
  if (auto q = FindUnclosedQuote(text)) return *q;
  const int last = line < 0 ? 1 << 30 : line;
  Scanner s(text, last);
  for (int i = 0; i < static_cast<int>(s.lines.size()); ++i) {
    const YamlLine& y = s.lines[i];
    if (y.tab >= 0) {
      int width = static_cast<int>(y.text.find_first_not_of(" \t"));
      return At(i, y.tab, width - y.tab, "a tab indents this line; YAML indents with spaces only");
    }
  }
  if (parser_message.find("flow") != std::string_view::npos && !s.flows.empty()) {
    const Open& o = s.flows.back();
    const char close = o.c == '{' ? '}' : ']';
    return At(o.line, o.col, 1,
              std::string("'") + o.c + "' is not closed: end the " + (o.c == '{' ? "map" : "list") + " with '" +
                  close + "'");
  }
  if (line >= 0 && line < static_cast<int>(s.lines.size())) {
    int prev = line - 1;
    while (prev >= 0 && !s.lines[prev].content) --prev;
    if (prev >= 0)
      if (auto m = MissingSpace(s.lines[prev], prev)) return *m;
    if (auto m = MissingSpace(s.lines[line], line)) return *m;
    if (auto m = ColonInValue(s.lines[line], line)) return *m;
    if (auto m = Indentation(s.lines, line)) return *m;
  }
  std::string msg = parser_message.empty() ? "malformed YAML" : "malformed YAML: " + std::string(parser_message);
  return At(line, column, 1, msg);
}

}  // namespace costsite
