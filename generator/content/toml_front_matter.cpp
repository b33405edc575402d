// TOML front matter (between `+++` lines), translated line by line to YAML so
// that the YAML reader reads both and its diagnostics land on the TOML line:
// `key = value` becomes `key:  value` (the value keeps its column), and a
// `[menu.main]` table becomes a flow mapping `menu: {main: {` whose entries
// follow one per line, closed on the table's last line. An array of tables
// (`[[social]]`, repeated) becomes a flow sequence of such mappings,
// `social: [{` … `}, {` … `}]`. TOML strings, numbers,
// booleans and one-line or multi-line arrays of them are YAML flow values as
// written; dates are quoted, since a plain `10:00` in a flow mapping is not.
#include <cctype>
#include <vector>

#include "content/front_matter.h"

namespace costsite::content {

namespace {

bool BareKey(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  return true;
}

// The value with a trailing comment removed (outside strings).
std::string_view StripComment(std::string_view v) {
  char quote = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      v = v.substr(0, i);
      break;
    }
  }
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

// Net count of '[' over ']' outside strings, for arrays spanning lines.
int Depth(std::string_view v) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    }
  }
  return depth;
}

}  // namespace

bool TomlToYaml(std::string_view toml, const std::string& path, std::string_view text, int first_line,
                std::string* yaml, Diagnostics* diags) {
  std::vector<std::string> out;
  std::string closer;      // what closes the current table ("}}", or "}]" for an array of tables)
  std::string array_name;  // the current table is an element of this array of tables
  int last_entry = -1;     // index in `out` of the line that ends the table's last entry
  int array_depth = 0;     // inside a multi-line array
  bool ok = true;
  auto fail = [&](int line, int col, const std::string& msg) {
    diags->Error({path, first_line + line, col}, msg, text, 1, "front-matter");
    ok = false;
  };
  auto close_table = [&] {
    if (closer.empty()) return;
    out[static_cast<size_t>(last_entry)] += closer;
    closer.clear();
    array_name.clear();
  };
  int line_no = 0;
  for (size_t pos = 0; pos <= toml.size(); ++line_no) {
    if (pos == toml.size() && (toml.empty() || toml.back() == '\n')) break;
    size_t nl = toml.find('\n', pos);
    std::string_view line = toml.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? toml.size() + 1 : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (array_depth > 0) {  // a multi-line array goes on as written
      std::string_view v = StripComment(line);
      array_depth += Depth(v);
      out.emplace_back(v);
      if (!closer.empty()) last_entry = static_cast<int>(out.size()) - 1;
      continue;
    }
    size_t indent = line.find_first_not_of(" \t");
    if (indent == std::string_view::npos || line[indent] == '#') {
      out.emplace_back();
      continue;
    }
    std::string_view body = StripComment(line.substr(indent));
    if (body[0] == '[') {
      const bool array = body.size() > 1 && body[1] == '[';
      const size_t brackets = array ? 2 : 1;
      if (array && array_name == body) {  // the array's next table
        out[static_cast<size_t>(last_entry)] += "},";
        out.emplace_back(" {");
        last_entry = static_cast<int>(out.size()) - 1;
        continue;
      }
      close_table();
      if (body.size() < 2 * brackets || body.substr(body.size() - brackets) != std::string_view("]]", brackets)) {
        fail(line_no, static_cast<int>(indent) + 1,
             array ? "TOML array of tables header is not closed by ']]'" : "TOML table header is not closed by ']'");
        out.emplace_back();
        continue;
      }
      std::string_view name = body.substr(brackets, body.size() - 2 * brackets);
      std::string header;
      for (size_t start = 0; start <= name.size();) {
        size_t dot = name.find('.', start);
        if (dot == std::string_view::npos) dot = name.size();
        std::string_view part = name.substr(start, dot - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!BareKey(part)) {
          fail(line_no, static_cast<int>(indent) + 2, "TOML table name '" + std::string(name) + "' is not read");
          break;
        }
        const bool last = dot == name.size();
        header += std::string(part) + (array && last ? ": [{" : ": {");
        closer.insert(0, array && last ? "}]" : "}");
        start = dot + 1;
      }
      if (array) array_name = std::string(body);
      out.push_back(std::move(header));
      last_entry = static_cast<int>(out.size()) - 1;
      continue;
    }
    size_t eq = body.find('=');
    std::string_view key = body.substr(0, eq == std::string_view::npos ? 0 : eq);
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
    std::string key_text(key);
    if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key_text = std::string(key.substr(1, key.size() - 2));
    if (eq == std::string_view::npos || !BareKey(key_text)) {
      fail(line_no, static_cast<int>(indent) + 1,
           "expected 'key = value' (TOML front matter reads bare keys, strings, numbers, booleans, dates, "
           "arrays and [tables])");
      out.emplace_back();
      continue;
    }
    size_t vstart = eq + 1;
    while (vstart < body.size() && body[vstart] == ' ') ++vstart;
    std::string_view value = body.substr(vstart);
    const int value_col = static_cast<int>(indent + vstart) + 1;
    if (value.empty() || value.rfind("\"\"\"", 0) == 0 || value.rfind("'''", 0) == 0 || value[0] == '{') {
      fail(line_no, value_col,
           value.empty() ? "TOML key '" + key_text + "' has no value"
                         : "TOML multi-line strings and inline tables are not read in front matter");
      out.emplace_back();
      continue;
    }
    std::string v(value);
    std::string day;
    if (std::isdigit(static_cast<unsigned char>(value[0])) && ParseDay(value, &day)) v = "\"" + v + "\"";
    if (value[0] == '[') array_depth = Depth(value);
    // The value keeps its column: `key = ` and `key:  ` are as wide.
    std::string entry(indent, ' ');
    if (!closer.empty() && last_entry >= 0 && out[static_cast<size_t>(last_entry)].back() != '{')
      out[static_cast<size_t>(last_entry)] += ',';
    entry += key_text + ":";
    entry.append(static_cast<size_t>(std::max(1, value_col - 1 - static_cast<int>(entry.size()))), ' ');
    if (closer.empty()) entry.erase(0, indent);  // top-level YAML keys start the line
    out.push_back(entry + v);
    if (!closer.empty()) last_entry = static_cast<int>(out.size()) - 1;
  }
  close_table();
  yaml->clear();
  for (const auto& l : out) *yaml += l + "\n";
  return ok;
}

}  // namespace costsite::content
