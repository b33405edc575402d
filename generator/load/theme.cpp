#include "load/theme.h"

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>
#include <set>
#include <vector>

#include "base/fs_util.h"
#include "base/yaml_util.h"
#include "content/site_layout.h"
#include "load/embedded_theme.h"

namespace costsite::load {

namespace fs = std::filesystem;

namespace {

// "templates/" + rel: a theme file's path as diagnostics show it.
std::string InTemplates(std::string_view rel) {
  return std::string(content::kTemplatesDir) + "/" + std::string(rel);
}

}  // namespace

std::map<std::string, ThemeFile> CollectThemeFiles(const fs::path& site_root, Diagnostics* diags) {
  std::map<std::string, ThemeFile> files;
  for (const EmbeddedFile& f : EmbeddedTheme())
    files[std::string(f.path)] = {"(default theme)/" + std::string(f.path), std::string(f.content)};
  std::vector<std::string> escaped;
  for (const std::string& rel : ListFiles(site_root / content::kTemplatesDir, site_root, &escaped)) {
    ThemeFile f{InTemplates(rel), {}};
    std::string err;
    uintmax_t size = 0;
    ReadInside read = ReadFileInside(site_root, f.origin, &f.text, &err, UINTMAX_MAX, &size);
    if (read == ReadInside::kOutside) {
      diags->Error({f.origin, 0, 0}, "symbolic link points outside the site folder", {}, 1, "path-escape");
      continue;
    }
    if (read != ReadInside::kRead) {
      diags->Error({f.origin, 0, 0}, err, {}, 1, "io");
      continue;
    }
    files[rel] = std::move(f);
  }
  for (const auto& e : escaped)
    diags->Error({InTemplates(e), 0, 0}, "symbolic link points outside the site folder", {}, 1,
                 "path-escape");
  return files;
}

namespace {

constexpr int kMaxPartialDepth = 16;

// Replaces every {{> name}} in `text` by the partial's text, recursively.
std::string InlinePartials(const ThemeFile& file, const std::map<std::string, ThemeFile>& files,
                           int depth, Diagnostics* diags) {
  const std::string& text = file.text;
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    auto it = files.find("partials/" + name + ".mustache");
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + open, '\n'));
    int col = static_cast<int>(open - (text.rfind('\n', open) == std::string::npos
                                            ? static_cast<size_t>(-1)
                                            : text.rfind('\n', open)));
    if (it == files.end()) {
      diags->Error({file.origin, line, col}, "unknown partial '" + name + "' (no partials/" + name +
                                                 ".mustache in the theme)",
                   text, static_cast<int>(close + 2 - open), "template");
    } else if (depth >= kMaxPartialDepth) {
      diags->Error({file.origin, line, col}, "partials nest too deeply (a partial includes itself?)",
                   text, static_cast<int>(close + 2 - open), "template");
    } else {
      out += InlinePartials(it->second, files, depth + 1, diags);
    }
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

// Reads one i18n file's words into `table`; a key already there is replaced,
// so a site's file overrides the built-in one key by key.
void ReadWords(const ThemeFile& file, figures::WordTable* table,
               Diagnostics* diags) {
  auto doc = ParseYaml(file.origin, file.text, diags);
  if (!doc) return;
  if (!doc->IsMap()) {
    diags->Error({file.origin, 1, 1}, "UI strings must be a map of key to text", file.text, 1, "i18n");
    return;
  }
  for (const auto& kv : *doc) {
    if (!kv.second.IsScalar()) {
      diags->Error(PosOf(kv.second, file.origin),
                   "UI string '" + kv.first.Scalar() + "' must be text", file.text, 1, "i18n");
      continue;
    }
    (*table)[kv.first.Scalar()] = kv.second.Scalar();
  }
}

const EmbeddedFile* FindEmbedded(std::string_view path) {
  for (const EmbeddedFile& f : EmbeddedTheme())
    if (f.path == path) return &f;
  return nullptr;
}

// The built-in words of `lang` and then the site's templates/i18n/LANG.yaml
// over them. A language with a region or script ("zh-cn", Hugo's usual name
// for its Chinese folder) first takes the words of its primary language
// ("zh"), so its pages read in Chinese. False when no file exists.
bool ReadLanguage(const std::map<std::string, ThemeFile>& files, const std::string& lang,
                  figures::WordTable* table, Diagnostics* diags) {
  bool any = false;
  std::string primary(figures::PrimaryLanguage(lang));
  for (const std::string& code : primary == lang ? std::vector<std::string>{lang}
                                                  : std::vector<std::string>{primary, lang}) {
    const std::string path = "i18n/" + code + ".yaml";
    const EmbeddedFile* builtin = FindEmbedded(path);
    if (builtin)
      ReadWords({"(default theme)/" + path, std::string(builtin->content)}, table, diags);
    auto it = files.find(path);
    bool site = it != files.end() && it->second.origin.rfind(InTemplates(""), 0) == 0;
    if (site) ReadWords(it->second, table, diags);
    any = any || builtin || site;
  }
  return any;
}

void LoadStrings(const std::map<std::string, ThemeFile>& files, const content::SiteConfig& cfg,
                 Theme* theme, Diagnostics* diags) {
  const std::string& def_lang = cfg.default_language;
  std::set<std::string> without_file;
  for (const std::string& lang : cfg.languages) {
    if (ReadLanguage(files, lang, &theme->strings[lang], diags)) continue;
    without_file.insert(lang);
    diags->Warning({InTemplates("i18n/" + lang + ".yaml"), 0, 0},
                   "no UI strings for language '" + lang + "'; the words of the default language '" +
                       def_lang + "' are used",
                   {}, 1, "missing-ui-string");
  }
  // Every key known in any language must exist in each: a missing word falls
  // back to the default language's, reported once per language and key.
  std::set<std::string> keys;
  for (const auto& [lang, table] : theme->strings)
    for (const auto& kv : table) keys.insert(kv.first);
  const auto& def = theme->strings[def_lang];
  for (const std::string& lang : cfg.languages) {
    auto& table = theme->strings[lang];
    // A language's name is its own, never another language's word: the
    // configuration's (Hugo's languageName), else the theme's, else its code.
    if (auto n = cfg.language_names.find(lang); n != cfg.language_names.end()) table["language_name"] = n->second;
    else if (!table.count("language_name")) table["language_name"] = lang;
    for (const std::string& key : keys) {
      if (table.count(key)) continue;
      auto d = def.find(key);
      table[key] = d != def.end() ? d->second : key;
      if (without_file.count(lang)) continue;  // reported once above
      diags->Warning({InTemplates("i18n/" + lang + ".yaml"), 0, 0},
                     "missing UI string '" + key + "' in language '" + lang + "' (" +
                         (d != def.end() ? "the default language '" + def_lang + "' word is used"
                                         : "the key itself is shown") +
                         ")",
                     {}, 1, "missing-ui-string");
    }
  }
}

// The values of `id="..."` written as plain text in a template; an id made
// with a tag (`id="{{x}}"`) is the template's own business.
void CollectTemplateIds(std::string_view text, std::set<std::string>* ids) {
  constexpr std::string_view kKey = " id=\"";
  for (size_t at = text.find(kKey); at != std::string_view::npos; at = text.find(kKey, at + 1)) {
    size_t start = at + kKey.size(), end = text.find('"', start);
    if (end == std::string_view::npos) break;
    std::string_view id = text.substr(start, end - start);
    if (!id.empty() && id.find("{{") == std::string_view::npos) ids->emplace(id);
  }
}

}  // namespace

figures::UiWords BuiltinWords(Diagnostics* diags) {
  figures::UiWords words;
  constexpr std::string_view kDir = "i18n/", kExt = ".yaml";
  for (const EmbeddedFile& f : EmbeddedTheme()) {
    std::string_view p = f.path;
    if (p.rfind(kDir, 0) != 0 || p.size() <= kDir.size() + kExt.size() ||
        p.substr(p.size() - kExt.size()) != kExt)
      continue;
    std::string lang(p.substr(kDir.size(), p.size() - kDir.size() - kExt.size()));
    ReadWords({"(default theme)/" + std::string(p), std::string(f.content)}, &words[lang], diags);
  }
  return words;
}

Theme BuildTheme(const std::map<std::string, ThemeFile>& files, const content::SiteConfig& cfg,
                 Diagnostics* diags) {
  Theme theme;
  for (const auto& [path, file] : files) {
    const std::string ext = ".mustache";
    if (path.rfind("i18n/", 0) == 0) continue;
    if (path.size() <= ext.size() || path.compare(path.size() - ext.size(), ext.size(), ext) != 0) {
      theme.assets[path] = file.text;
      continue;
    }
    if (path.rfind("partials/", 0) == 0) continue;
    std::string name = path.substr(0, path.size() - ext.size());
    std::string text = InlinePartials(file, files, 0, diags);
    kainjow::mustache::mustache tmpl(text);
    if (!tmpl.is_valid()) {
      diags->Error({file.origin, 0, 0}, "template error: " + tmpl.error_message(), {}, 1, "template");
      continue;
    }
    CollectTemplateIds(text, &theme.ids);
    theme.templates[name] = std::move(text);
  }
  for (const char* required : {"base", "page", "home", "list"}) {
    if (!theme.templates.count(required))
      diags->Error({InTemplates(std::string(required) + ".mustache"), 0, 0},
                   std::string("missing template '") + required + "'", {}, 1, "template");
  }
  LoadStrings(files, cfg, &theme, diags);
  return theme;
}

}  // namespace costsite::load
