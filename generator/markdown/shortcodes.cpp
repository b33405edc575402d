#include "markdown/shortcodes.h"

#include <algorithm>

namespace costsite::markdown {

namespace {

// A byte range of the body that is code: a fenced block or a code span.
struct Range {
  size_t begin, end;
};

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;  // a line may hold its "\n"
}

// The fence a line opens or closes ("```", "~~~~"), or "" when none: up to
// three spaces (after any blockquote markers and list indentation) and three
// or more backticks or tildes.
std::string_view FenceOf(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && i + 1 < line.size() &&
      line[i + 1] == ' ') {
    i += 2;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return {};
  size_t j = i;
  while (j < line.size() && line[j] == line[i]) ++j;
  if (j - i < 3) return {};
  if (line[i] == '`' && line.find('`', j) != std::string_view::npos) return {};  // an inline span
  return line.substr(i, j - i);
}

// Fenced code blocks and code spans of `body`, in order.
std::vector<Range> CodeRanges(std::string_view body) {
  std::vector<Range> out;
  size_t pos = 0;
  std::string_view open_fence;
  size_t fence_start = 0;
  size_t para_start = 0;  // code spans do not cross a blank line
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string_view::npos ? body.size() : nl + 1;
    std::string_view line = body.substr(pos, end - pos);
    std::string_view fence = FenceOf(line);
    if (!open_fence.empty()) {
      if (!fence.empty() && fence[0] == open_fence[0] && fence.size() >= open_fence.size() &&
          IsBlankLine(line.substr(line.find(fence) + fence.size()))) {
        out.push_back({fence_start, end});
        open_fence = {};
        para_start = end;
      }
    } else if (!fence.empty()) {
      open_fence = fence;
      fence_start = pos;
    } else if (IsBlankLine(line)) {
      para_start = end;
    } else {
      // Code spans starting on this line, closed before the next blank line.
      for (size_t i = pos; i < end;) {
        if (body[i] != '`' || (i > 0 && body[i - 1] == '\\' && i > pos)) {
          ++i;
          continue;
        }
        size_t run = i;
        while (run < body.size() && body[run] == '`') ++run;
        size_t n = run - i;
        size_t blank = body.find("\n\n", run);
        size_t search = run;
        bool closed = false;
        while ((search = body.find('`', search)) != std::string_view::npos &&
               (blank == std::string_view::npos || search < blank)) {
          size_t close_end = search;
          while (close_end < body.size() && body[close_end] == '`') ++close_end;
          if (close_end - search == n) {
            out.push_back({i, close_end});
            i = close_end;
            closed = true;
            break;
          }
          search = close_end;
        }
        if (!closed) i = run;
        if (closed && i >= end) {  // a span running over lines: go on after it
          end = body.find('\n', i);
          end = end == std::string_view::npos ? body.size() : end + 1;
        }
      }
    }
    (void)para_start;
    pos = end;
  }
  if (!open_fence.empty()) out.push_back({fence_start, body.size()});  // open to the end
  return out;
}

// One shortcode tag as read.
struct Tag {
  size_t begin = 0, end = 0;  // "{{" .. past "}}"
  bool markdown_form = false;
  bool closing = false, self_closing = false, escaped = false;
  std::string name;
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> named;
  std::string error;  // set when the tag cannot be read
};

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '/' || c == '.';
}

// Reads the tag at `at` (body[at..] starts with "{{" then '<' or '%' after
// optional spaces). False when it is not a shortcode tag at all.
bool ReadTag(std::string_view body, size_t at, Tag* tag) {
  size_t i = at + 2;
  while (i < body.size() && body[i] == ' ') ++i;
  if (i >= body.size() || (body[i] != '<' && body[i] != '%')) return false;
  char delim = body[i];
  tag->begin = at;
  tag->markdown_form = delim == '%';
  ++i;
  std::string close = std::string(1, delim == '<' ? '>' : '%') + "}}";
  if (body.compare(i, 2, "/*") == 0) {  // Hugo's escape: {{</* x */>}}
    size_t end = body.find("*/" + close, i + 2);
    if (end == std::string_view::npos) return false;
    tag->escaped = true;
    tag->name = std::string(body.substr(i + 2, end - i - 2));  // the text shown
    tag->end = end + 2 + close.size();
    return true;
  }
  size_t end = body.find(close, i);
  if (end == std::string_view::npos) return false;
  tag->end = end + close.size();
  std::string_view inside = body.substr(i, end - i);
  size_t p = 0;
  auto skip = [&] { while (p < inside.size() && std::isspace(static_cast<unsigned char>(inside[p]))) ++p; };
  skip();
  if (p < inside.size() && inside[p] == '/') {
    tag->closing = true;
    ++p;
    skip();
  }
  size_t n = p;
  while (p < inside.size() && IsNameChar(inside[p])) ++p;
  tag->name = std::string(inside.substr(n, p - n));
  if (tag->name.empty()) return false;
  while (true) {
    skip();
    if (p >= inside.size()) break;
    if (inside[p] == '/' && inside.substr(p + 1).find_first_not_of(" \t\r\n") == std::string_view::npos) {
      tag->self_closing = true;
      break;
    }
    // An argument: a value, or key=value; values may be "quoted" or `raw`.
    auto read_value = [&](std::string* v) {
      if (p < inside.size() && (inside[p] == '"' || inside[p] == '`')) {
        char q = inside[p++];
        while (p < inside.size() && inside[p] != q) {
          if (q == '"' && inside[p] == '\\' && p + 1 < inside.size()) ++p;
          *v += inside[p++];
        }
        if (p >= inside.size()) return false;
        ++p;
        return true;
      }
      while (p < inside.size() && !std::isspace(static_cast<unsigned char>(inside[p])) && inside[p] != '=') *v += inside[p++];
      return !v->empty();
    };
    std::string first;
    if (!read_value(&first)) {
      tag->error = "cannot read the arguments of shortcode '" + tag->name + "'";
      return true;
    }
    if (p < inside.size() && inside[p] == '=') {
      ++p;
      std::string value;
      if (!read_value(&value) && value.empty() && p < inside.size()) {
        tag->error = "cannot read the value of argument '" + first + "'";
        return true;
      }
      tag->named.emplace_back(first, value);
    } else {
      tag->positional.push_back(first);
    }
  }
  return true;
}

bool InRanges(const std::vector<Range>& ranges, size_t at, size_t* skip_to) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), at, [](size_t a, const Range& r) { return a < r.begin; });
  if (it == ranges.begin()) return false;
  --it;
  if (at < it->end) {
    *skip_to = it->end;
    return true;
  }
  return false;
}

// The next shortcode tag at or after `from` outside code, or false.
bool NextTag(std::string_view body, const std::vector<Range>& code, size_t from, Tag* tag) {
  for (size_t at = body.find("{{", from); at != std::string_view::npos; at = body.find("{{", at + 1)) {
    size_t skip_to = 0;
    if (InRanges(code, at, &skip_to)) {
      at = skip_to - 1;
      continue;
    }
    *tag = Tag();
    if (ReadTag(body, at, tag)) return true;
  }
  return false;
}

// Hugo's escape inside code: "{{</* x */>}}" shows as "{{< x >}}".
std::string Unescape(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size();) {
    Tag tag;
    if (code.compare(i, 2, "{{") == 0 && ReadTag(code, i, &tag) && tag.escaped) {
      char d = tag.markdown_form ? '%' : '<';
      out += std::string("{{") + d + tag.name + (d == '<' ? ">" : "%") + "}}";
      i = tag.end;
    } else {
      out += code[i++];
    }
  }
  return out;
}

}  // namespace

int PlaceholderIndex(std::string_view literal, std::string_view prefix) {
  while (!literal.empty() && (literal.back() == '\n' || literal.back() == ' ')) literal.remove_suffix(1);
  if (literal.rfind(prefix, 0) != 0 || literal.size() < prefix.size() + 4 ||
      literal.substr(literal.size() - 3) != "-->")
    return -1;
  std::string_view digits = literal.substr(prefix.size(), literal.size() - prefix.size() - 3);
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return digits.empty() ? -1 : n;
}

std::string RefTarget(const ShortcodeCall& call) {
  if (call.name != "ref" && call.name != "relref") return "";
  std::string path = call.positional.empty() ? "" : call.positional[0];
  for (const auto& [k, v] : call.named)
    if (k == "path") path = v;
  std::string frag;
  if (size_t hash = path.find('#'); hash != std::string::npos) {
    frag = path.substr(hash);
    path.resize(hash);
  }
  if (path.empty()) return frag.empty() ? "#" : frag;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.size() < 3 || path.compare(path.size() - 3, 3, ".md") != 0) path += ".md";
  std::string out;
  for (char c : path) out += c == ' ' ? std::string("%20") : std::string(1, c);
  return out + frag;
}

std::string EscapeMarkdownText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#!|&~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

ShortcodeBody CutShortcodes(const std::string& path, std::string_view body, int first_line, Diagnostics* diags,
                            const ShortcodeText& text_form) {
  ShortcodeBody out;
  out.placeholder_prefix = "<!--cs-sc-";
  while (body.find(out.placeholder_prefix) != std::string_view::npos) out.placeholder_prefix += "x-";
  if (body.find("{{") == std::string_view::npos) {
    out.text = std::string(body);
    return out;
  }
  std::vector<Range> code = CodeRanges(body);
  auto bol_of = [&](size_t at) {
    if (at == 0) return size_t{0};
    size_t nl = body.rfind('\n', at - 1);
    return nl == std::string_view::npos ? size_t{0} : nl + 1;
  };
  // Line numbers are asked for in increasing positions: count on from the last.
  size_t counted_to = 0;
  int counted_lines = 0;
  auto line_no = [&](size_t at) {
    if (at < counted_to) counted_to = 0, counted_lines = 0;
    counted_lines += static_cast<int>(std::count(body.begin() + counted_to, body.begin() + at, '\n'));
    counted_to = at;
    return first_line + counted_lines;
  };
  auto pos_of = [&](size_t at) { return SourcePos{path, line_no(at), static_cast<int>(at - bol_of(at)) + 1}; };
  auto line_of = [&](size_t at) {
    size_t bol = bol_of(at), eol = body.find('\n', at);
    return std::string(body.substr(bol, eol == std::string_view::npos ? body.npos : eol - bol));
  };
  auto warn = [&](size_t at, size_t width, const std::string& msg) {
    diags->Add({Severity::kWarning, pos_of(at), msg, line_of(at), static_cast<int>(width), "shortcode"});
  };
  // Copies body[from, to), unescaping Hugo's escapes in code.
  auto copy = [&](size_t from, size_t to) {
    size_t i = from;
    while (i < to) {
      size_t skip_to = 0;
      if (InRanges(code, i, &skip_to)) {
        size_t stop = std::min(skip_to, to);
        out.text += Unescape(body.substr(i, stop - i));
        i = stop;
        continue;
      }
      auto next = std::upper_bound(code.begin(), code.end(), i, [](size_t a, const Range& r) { return a < r.begin; });
      size_t stop = next == code.end() ? to : std::min(to, next->begin);
      out.text.append(body.substr(i, stop - i));
      i = stop;
    }
  };
  size_t done = 0;
  Tag tag;
  while (NextTag(body, code, done, &tag)) {
    copy(done, tag.begin);
    done = tag.end;
    if (tag.escaped) {
      char d = tag.markdown_form ? '%' : '<';
      out.text += std::string("{{") + d + tag.name + (d == '<' ? ">" : "%") + "}}";
      continue;
    }
    if (!tag.error.empty()) {
      warn(tag.begin, tag.end - tag.begin, tag.error);
      continue;
    }
    if (tag.closing) {
      warn(tag.begin, tag.end - tag.begin, "closing shortcode '" + tag.name + "' without an opening one");
      continue;
    }
    ShortcodeCall call;
    call.name = tag.name;
    call.positional = tag.positional;
    call.named = tag.named;
    call.markdown_form = tag.markdown_form;
    call.pos = pos_of(tag.begin);
    call.source_line = line_of(tag.begin);
    call.width = static_cast<int>(std::min(tag.end, tag.begin + call.source_line.size()) - tag.begin);
    call.inner_line = line_no(tag.end);
    size_t end = tag.end;
    if (!tag.self_closing) {  // paired when a closing tag of its name follows
      int depth = 0;
      Tag t;
      for (size_t from = tag.end; NextTag(body, code, from, &t); from = t.end) {
        if (t.escaped || t.name != tag.name) continue;
        if (!t.closing) {
          if (!t.self_closing) ++depth;
          continue;
        }
        if (depth-- > 0) continue;
        call.paired = true;
        call.inner_raw = std::string(body.substr(tag.end, t.begin - tag.end));
        end = t.end;
        break;
      }
    }
    done = end;
    std::string ref = RefTarget(call);
    if (call.name == "ref" || call.name == "relref") {
      RefUse use{call.pos.line, ref, std::string(body.substr(tag.begin, end - tag.begin)), {}, false};
      for (const auto& [k, v] : call.named)
        if (k == "lang") use.lang = v;
      out.refs.push_back(std::move(use));
      out.text += ref;
      continue;
    }
    if (std::string words; text_form && !call.paired && text_form(call, &words)) {
      out.text += words;
      continue;
    }
    // A shortcode alone on its lines is a block, else it is inline.
    size_t bol = tag.begin;
    while (bol > 0 && (body[bol - 1] == ' ' || body[bol - 1] == '\t')) --bol;
    size_t eol = end;
    while (eol < body.size() && (body[eol] == ' ' || body[eol] == '\t' || body[eol] == '\r')) ++eol;
    bool block = (bol == 0 || body[bol - 1] == '\n') && (eol == body.size() || body[eol] == '\n');
    // One without inner content on a line of its own between two lines of
    // text is in the middle of a paragraph ("Kubernetes\n{{< glossary_tooltip
    // … >}}\n都一直在…"), where Hugo leaves it: inline, not a block that would
    // cut the paragraph in two.
    if (block && !call.paired && bol > 0 && eol < body.size()) {
      size_t prev_end = bol - 1, prev_begin = body.rfind('\n', prev_end == 0 ? 0 : prev_end - 1);
      prev_begin = prev_begin == std::string_view::npos || prev_end == 0 ? 0 : prev_begin + 1;
      size_t next_end = body.find('\n', eol + 1);
      std::string_view prev = body.substr(prev_begin, prev_end - prev_begin);
      std::string_view next = body.substr(eol + 1, next_end == std::string_view::npos ? body.npos : next_end - eol - 1);
      if (!IsBlankLine(prev) && !IsBlankLine(next) && next.find("{{") == std::string_view::npos &&
          prev.find("{{") == std::string_view::npos)
        block = false;
    }
    std::string n = std::to_string(out.calls.size());
    long lines = std::count(body.begin() + tag.begin, body.begin() + end, '\n');
    if (block) {
      out.text += out.placeholder_prefix + n + "-->" + std::string(lines, '\n');
    } else {
      // Inline: a private-use token cmark keeps inside a text node.
      out.text += "\xEE\x80\x80" + n + "\xEE\x80\x81";
    }
    out.calls.push_back(std::move(call));
  }
  copy(done, body.size());
  return out;
}

}  // namespace costsite::markdown
