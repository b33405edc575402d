#include "load/hugo_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "base/fs_util.h"
#include "content/site_layout.h"

namespace costsite::load {

namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Hugo's keys are read in any case (baseURL, baseurl).
YAML::Node Get(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return YAML::Node();
  for (const auto& kv : map)
    if (kv.first.IsScalar() && Lower(kv.first.Scalar()) == key) return kv.second;
  return YAML::Node();
}

std::string Text(const YAML::Node& node) { return node && node.IsScalar() ? node.Scalar() : std::string(); }

// Goldmark's renderer settings: `unsafe = true` passes raw HTML through.
constexpr std::string_view kRenderer = "markup.goldmark.renderer";

// The lines of a TOML file that hold what costsite reads: the keys below at
// the top, in [params], [languages.X], [languages.X.params] and
// [markup.goldmark.renderer] (or, for config/_default/languages.toml, [X] and
// [X.params], given `prefix` "languages."; for config/_default/markup.toml,
// [goldmark.renderer], given "markup."). The rest of a Hugo configuration (menus, arrays of tables,
// inline tables, multi-line strings) is Hugo's and never parsed.
std::string KeptToml(std::string_view text, const std::string& prefix) {
  static const std::set<std::string, std::less<>> kTop = {
      "title", "baseurl", "defaultcontentlanguage", "defaultcontentlanguageinsubdir", "contentdir",
      "disablelanguages", "disablepathtolower", "disablekinds", "builddrafts", "buildfuture", "buildexpired",
      "pluralizelisttitles", "disablealiases"};
  static const std::set<std::string, std::less<>> kLanguage = {"title", "weight", "contentdir", "languagename",
                                                               "disabled"};
  std::string out;
  std::string table;  // the current table, lowercased, with `prefix`
  bool keep_table = prefix.empty();
  // The rest of a value that goes on past its line (never kept): a
  // multi-line string until its closing quotes, an array until its brackets
  // close. Its lines may look like headers or keys, and are neither.
  std::string_view open_string;
  int open_brackets = 0;
  auto count = [](std::string_view s, std::string_view what) {
    int n = 0;
    for (size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + what.size())) ++n;
    return n;
  };
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!open_string.empty()) {
      if (line.find(open_string) != std::string_view::npos) open_string = {};
      out += '\n';
      continue;
    }
    if (open_brackets > 0) {
      open_brackets += count(line, "[") - count(line, "]");
      out += '\n';
      continue;
    }
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
      out += '\n';
      continue;
    }
    std::string_view body = line.substr(first);
    if (body.rfind("[[", 0) == 0) {  // an array of tables: never kept
      table = "\x01";
      keep_table = false;
      out += '\n';
      continue;
    }
    if (body[0] == '[') {
      size_t close = body.find(']');
      std::string name = Lower(std::string(body.substr(1, close == std::string_view::npos ? 0 : close - 1)));
      name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
      name.erase(std::remove(name.begin(), name.end(), '"'), name.end());
      table = prefix + name;
      size_t dots = std::count(table.begin(), table.end(), '.');
      keep_table = table == "params" || table == "languages" || table == kRenderer || table == "permalinks" ||
                   table == "taxonomies" ||
                   table == "permalinks.page" ||
                   (table.rfind("languages.", 0) == 0 && (dots == 1 || (dots == 2 && EndsWith(table, ".params"))));
      out += keep_table ? "[" + table + "]\n" : "\n";
      continue;
    }
    size_t eq = body.find('=');
    std::string key = Lower(std::string(body.substr(0, eq == std::string_view::npos ? 0 : eq)));
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
    bool keep = false;
    if (table.empty() && prefix.empty()) keep = kTop.count(key) > 0;
    else if (keep_table && (table == "params" || EndsWith(table, ".params"))) keep = !key.empty();
    else if (keep_table && table == kRenderer) keep = key == "unsafe";
    else if (keep_table && (table == "permalinks" || table == "permalinks.page" || table == "taxonomies"))
      keep = !key.empty();
    else if (keep_table && table.rfind("languages.", 0) == 0) keep = kLanguage.count(key) > 0;
    // One line each: a value that goes on past its line is not read.
    std::string_view value = eq == std::string_view::npos ? std::string_view() : body.substr(eq + 1);
    for (std::string_view quotes : {std::string_view("\"\"\""), std::string_view("'''")})
      if (count(value, quotes) == 1) open_string = quotes;
    if (open_string.empty()) open_brackets = std::max(0, count(value, "[") - count(value, "]"));
    if (keep && (value.find("\"\"\"") != std::string_view::npos || value.find("'''") != std::string_view::npos ||
                 (value.find('[') != std::string_view::npos && value.find(']') == std::string_view::npos) ||
                 value.find('{') != std::string_view::npos))
      keep = false;
    out += keep ? std::string(line) + "\n" : "\n";
  }
  return out;
}

// TOML tables as read, made into one YAML map at the end (yaml-cpp's
// operator[] on a key not yet there gives a node that is only attached when
// assigned, so tables are not built in place).
struct Table {
  std::map<std::string, YAML::Node> values;
  std::map<std::string, Table> tables;
  YAML::Node ToNode() const {
    YAML::Node n(YAML::NodeType::Map);
    for (const auto& [k, v] : values) n[k] = v;
    for (const auto& [k, t] : tables) n[k] = t.ToNode();
    return n;
  }
};

bool LoadNode(const fs::path& root, const std::string& rel, const std::string& prefix, YAML::Node* node,
              Diagnostics* diags) {
  std::string text, error;
  uintmax_t size = 0;
  if (ReadFileInside(root, rel, &text, &error, 4 << 20, &size) != ReadInside::kRead) {
    diags->Error({rel, 0, 0}, "cannot read Hugo's configuration " + rel + (error.empty() ? "" : ": " + error), {}, 1,
                 "site-config");
    return false;
  }
  if (!EndsWith(rel, ".toml")) {
    try {
      *node = YAML::Load(text);
    } catch (const YAML::Exception& e) {
      diags->Error({rel, e.mark.line + 1, e.mark.column + 1}, "cannot read Hugo's configuration: " + e.msg, {}, 1,
                   "site-config");
      return false;
    }
    return true;
  }
  // The kept lines are headers and `key = value` on one line, and a TOML
  // value of that kind (a string, number, boolean, date or one-line array)
  // is a YAML flow value too.
  Table doc;
  Table* at = &doc;
  std::string kept = KeptToml(text, prefix);
  for (size_t pos = 0; pos < kept.size();) {
    size_t nl = kept.find('\n', pos);
    std::string line = kept.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? kept.size() : nl + 1;
    if (line.empty()) continue;
    if (line[0] == '[') {  // written by KeptToml: "[a.b]"
      at = &doc;
      std::string name = line.substr(1, line.size() - 2);
      for (size_t from = 0; from <= name.size();) {
        size_t dot = std::min(name.find('.', from), name.size());
        at = &at->tables[name.substr(from, dot - from)];
        from = dot + 1;
      }
      continue;
    }
    size_t eq = line.find('=');
    std::string key = line.substr(0, eq);
    key.erase(0, key.find_first_not_of(" \t"));
    key.erase(key.find_last_not_of(" \t") + 1);
    try {
      at->values[Lower(key)] = YAML::Load(line.substr(eq + 1));
    } catch (const YAML::Exception&) {
      // not read: costsite's default stays
    }
  }
  *node = doc.ToNode();
  return true;
}

}  // namespace

std::string HugoConfigFile(const fs::path& root) {
  const std::string in_dir = std::string(content::kHugoConfigDir) + "/_default/";
  for (const std::string& dir : {std::string(), in_dir})
    for (std::string_view name : content::kHugoConfigNames) {
      std::error_code ec;
      if (fs::is_regular_file(root / (dir + std::string(name)), ec)) return dir + std::string(name);
    }
  return {};
}

// The setting `key` of Hugo's configuration `file`, or, when `file` is in
// config/_default/, of that folder's own file for it (languages.toml,
// markup.yaml, …) when there is one; false when that file cannot be read.
bool KeyOrItsFile(const fs::path& root, const std::string& file, const YAML::Node& doc, const std::string& key,
                  YAML::Node* out, Diagnostics* diags) {
  *out = Get(doc, key);
  if (file.rfind("config/_default/", 0) != 0) return true;
  for (const char* ext : {".toml", ".yaml", ".yml"}) {
    std::error_code ec;
    const std::string rel = "config/_default/" + key + ext;
    if (!fs::is_regular_file(root / rel, ec)) continue;
    YAML::Node file_doc;
    if (!LoadNode(root, rel, key + ".", &file_doc, diags)) return false;
    *out = EndsWith(rel, ".toml") ? Get(file_doc, key) : file_doc;
    break;
  }
  return true;
}

bool ReadHugoConfig(const fs::path& root, const std::string& file, content::SiteConfig* cfg, Diagnostics* diags) {
  YAML::Node doc;
  if (!LoadNode(root, file, "", &doc, diags)) return false;
  // Goldmark's `unsafe` is in `markup`.
  YAML::Node languages, markup;
  if (!KeyOrItsFile(root, file, doc, "languages", &languages, diags) ||
      !KeyOrItsFile(root, file, doc, "markup", &markup, diags))
    return false;
  content::SiteConfig out;
  out.raw_html = Text(Get(Get(Get(markup, "goldmark"), "renderer"), "unsafe")) == "true";
  out.lowercase_urls = Text(Get(doc, "disablepathtolower")) != "true";
  // disableKinds without taxonomy pages, or [taxonomies] naming some: the
  // taxonomies listed (of tags and categories, the two costsite lists).
  if (YAML::Node kinds = Get(doc, "disablekinds"); kinds && kinds.IsSequence())
    for (const auto& k : kinds)
      if (const std::string kind = Lower(Text(k)); kind == "taxonomy" || kind == "term" || kind == "taxonomyterm")
        out.taxonomies.clear();
  if (YAML::Node named = Get(doc, "taxonomies"); named && named.IsMap() && named.size() > 0 && !out.taxonomies.empty()) {
    out.taxonomies.clear();
    std::vector<std::string> other;
    for (const auto& kv : named) {
      const std::string plural = Lower(Text(kv.second));
      if (plural == "tags" || plural == "categories") out.taxonomies.push_back(plural);
      else other.push_back(plural);
    }
    // Not a mistake in the site (Hugo makes their pages), but pages Hugo
    // writes that this build does not: said once, not left to be found.
    if (!other.empty()) {
      std::string names;
      for (const std::string& n : other) names += (names.empty() ? "'" : ", '") + n + "'";
      diags->Warning({file, 0, 0}, (other.size() == 1 ? "taxonomy " + names + " has" : "taxonomies " + names + " have") +
                                       " no pages here: only tags and categories are listed");
    }
  }
  // [permalinks] (or, since Hugo 0.115, [permalinks.page]): section -> pattern.
  if (YAML::Node links = Get(doc, "permalinks"); links && links.IsMap()) {
    const YAML::Node page = Get(links, "page");
    for (const auto& kv : page && page.IsMap() ? page : links) {
      if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
      const std::string pattern = kv.second.Scalar();
      if (std::string token = content::UnknownPermalinkToken(pattern); !token.empty()) {
        diags->Warning({file, 0, 0}, "the permalink of '" + kv.first.Scalar() + "' has token '" + token +
                                         "', which costsite does not make: its pages keep their own URLs",
                       {}, 1, "site-config");
        continue;
      }
      out.permalinks[kv.first.Scalar()] = pattern;
    }
  }
  out.default_language = Lower(Text(Get(doc, "defaultcontentlanguage")));
  if (out.default_language.empty()) out.default_language = "en";
  std::set<std::string> disabled;
  if (YAML::Node list = Get(doc, "disablelanguages"); list && list.IsSequence())
    for (const auto& l : list) disabled.insert(Lower(Text(l)));
  // Each language's settings, taken out of the YAML nodes before sorting
  // (assigning a YAML::Node writes through to the node it refers to).
  struct Language {
    std::string code, title, description, content_dir, name;
    int weight = 0;
    std::vector<std::pair<std::string, std::string>> params;
  };
  // `params` values that are text, by lowercased name.
  auto text_params = [](const YAML::Node& params) {
    std::vector<std::pair<std::string, std::string>> out;
    if (params && params.IsMap())
      for (const auto& kv : params)
        if (kv.first.IsScalar() && kv.second.IsScalar()) out.emplace_back(Lower(kv.first.Scalar()), kv.second.Scalar());
    return out;
  };
  std::vector<Language> langs;
  if (languages && languages.IsMap()) {
    for (const auto& kv : languages) {
      Language l;
      l.code = Lower(kv.first.Scalar());
      const YAML::Node& node = kv.second;
      if (disabled.count(l.code) || Text(Get(node, "disabled")) == "true") continue;
      try {
        if (YAML::Node w = Get(node, "weight"); w && w.IsScalar()) l.weight = w.as<int>();
      } catch (const YAML::Exception&) {
      }
      l.title = Text(Get(node, "title"));
      l.name = Text(Get(node, "languagename"));
      l.description = Text(Get(Get(node, "params"), "description"));
      l.content_dir = Text(Get(node, "contentdir"));
      l.params = text_params(Get(node, "params"));
      langs.push_back(std::move(l));
    }
  }
  // A language's content may come from a module mount instead of its
  // contentDir (OpenTelemetry's site): `{source: content/zh, target: content,
  // lang: zh}`; a mount without `lang` is the default language's.
  if (YAML::Node mounts = Get(Get(doc, "module"), "mounts"); mounts && mounts.IsSequence()) {
    auto clean = [](std::string dir) {
      while (dir.rfind("./", 0) == 0) dir.erase(0, 2);
      while (!dir.empty() && dir.back() == '/') dir.pop_back();
      return dir;
    };
    for (const auto& m : mounts) {
      if (!m.IsMap() || clean(Text(Get(m, "target"))) != "content") continue;
      const std::string source = clean(Text(Get(m, "source")));
      std::string lang = Lower(Text(Get(m, "lang")));
      if (lang.empty()) lang = out.default_language;
      for (Language& l : langs)
        if (l.code == lang && l.content_dir.empty() && source != "content") l.content_dir = source;
    }
  }
  // Hugo's order: by weight (none after every weighted one), then by code.
  std::stable_sort(langs.begin(), langs.end(), [](const Language& a, const Language& b) {
    if ((a.weight != 0) != (b.weight != 0)) return a.weight != 0;
    if (a.weight != b.weight) return a.weight < b.weight;
    return a.code < b.code;
  });
  out.languages.clear();
  for (const Language& l : langs) out.languages.push_back(l.code);
  if (out.languages.empty()) out.languages.push_back(out.default_language);
  if (std::find(out.languages.begin(), out.languages.end(), out.default_language) == out.languages.end()) {
    diags->Error({file, 0, 0}, "defaultContentLanguage '" + out.default_language + "' is not one of its languages",
                 {}, 1, "site-config");
    return false;
  }
  // The site's title: Hugo's `title`, else (a theme's own setting, as
  // KubeSphere's) its params' `title`, else the site's folder name; a
  // language's own title, else its params' `title`, comes first.
  std::string title = Text(Get(doc, "title"));
  if (title.empty()) title = Text(Get(Get(doc, "params"), "title"));
  if (title.empty()) title = root.filename().string();
  const std::string description = Text(Get(Get(doc, "params"), "description"));
  for (const auto& [name, value] : text_params(Get(doc, "params"))) out.params[name][""] = value;
  bool folders = false;
  for (const Language& l : langs) {
    for (const auto& [name, value] : l.params) out.params[name][l.code] = value;
    std::string own = l.title;
    for (const auto& [name, value] : l.params)
      if (own.empty() && name == "title") own = value;
    out.title[l.code] = own.empty() ? title : own;
    if (!l.name.empty()) out.language_names[l.code] = l.name;
    if (!l.description.empty() || !description.empty())
      out.description[l.code] = l.description.empty() ? description : l.description;
    if (l.content_dir.empty()) continue;
    folders = true;
    std::string dir = l.content_dir;
    while (dir.rfind("./", 0) == 0) dir.erase(0, 2);
    while (!dir.empty() && dir.back() == '/') dir.pop_back();
    const std::string folder = dir.rfind("content/", 0) == 0 ? dir.substr(8) : std::string();
    if (folder.empty() || folder.find('/') != std::string::npos) {
      diags->Warning({file, 0, 0}, "language '" + l.code + "' has contentDir '" + dir +
                                       "': costsite reads its pages from content/" + l.code + "/", {}, 1, "site-config");
    } else if (folder != l.code) {
      out.content_folders[l.code] = folder;
    }
  }
  for (const std::string& l : out.languages)
    if (!out.title.contains(l)) out.title[l] = title;
  out.content_layout = folders ? content::ContentLayout::kFolders : content::ContentLayout::kSuffix;
  out.default_language_at_root = Text(Get(doc, "defaultcontentlanguageinsubdir")) != "true";
  out.translation_fallback = false;  // Hugo publishes a page in the languages it is written in
  out.implicit_lists = true;         // and lists each top-level folder and taxonomy
  out.pluralize_titles = Text(Get(doc, "pluralizelisttitles")) != "false";
  out.disable_aliases = Text(Get(doc, "disablealiases")) == "true";
  // Hugo's defaults: drafts, pages dated in the future and expired pages are not published.
  out.build_drafts = Text(Get(doc, "builddrafts")) == "true";
  out.build_future = Text(Get(doc, "buildfuture")) == "true";
  out.build_expired = Text(Get(doc, "buildexpired")) == "true";
  std::string base = Text(Get(doc, "baseurl"));
  while (!base.empty() && base.back() == '/') base.pop_back();
  const bool web = base.rfind("https://", 0) == 0 || base.rfind("http://", 0) == 0;
  if (web && base.find_first_of(" \"'<>`\\") == std::string::npos && base.find("://") + 3 < base.size())
    out.base_url = base;
  diags->Add({Severity::kNote, {file, 0, 0},
              "no site.yaml: the title, languages (" + [&] {
                std::string list;
                for (const std::string& l : out.languages) list += (list.empty() ? "" : ", ") + l;
                return list;
              }() + ")" + (out.raw_html ? ", base URL and raw HTML (goldmark's unsafe)" : " and base URL") +
                  " are read from Hugo's " + file,
              {}, 1, "site-config"});
  *cfg = std::move(out);
  return true;
}

}  // namespace costsite::load
