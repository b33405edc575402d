#include "content/site_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "base/calendar.h"
#include "base/suggest.h"
#include "base/yaml_util.h"

namespace costsite::content {

namespace {

bool IsLanguageCode(const std::string& s) {
  static const std::regex kLang("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  return std::regex_match(s, kLang);
}

// base_url is written into links, sitemap.xml and canonical tags: an
// absolute web URL whose every character is safe in an attribute as it is.
bool IsBaseUrl(std::string_view url) {
  size_t host = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
  if (host == 0 || url.size() == host) return false;
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= ' ' || c == 0x7f || std::string_view("\"'<>`\\").find(ch) != std::string_view::npos) return false;
  }
  return true;
}

// " (did you mean 'base_url'?)" for a setting site.yaml does not have:
// spelled as Hugo spells it (`baseURL`, `defaultContentLanguage` has no
// such twin), or mistyped.
std::string SettingHint(std::string_view key) {
  static const std::vector<std::string> kSettings = {
      "title", "description", "params", "languages", "default_language", "content_layout", "as_of",
      "build_date", "display_currency", "month_hours", "max_price_age", "raw_html", "lowercase_urls", "permalinks", "taxonomies",
      "default_language_at_root", "translation_fallback", "toc_min_headings", "pager_size", "base_url",
      "build_drafts", "build_future", "build_expired"};
  auto folded = [](std::string_view k) {
    std::string out;
    for (char c : k)
      if (c != '_' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  for (const std::string& setting : kSettings)
    if (folded(setting) == folded(key)) return " (did you mean '" + setting + "'?)";
  return DidYouMean(key, kSettings);
}

struct Reader {
  const std::string& path;
  std::string_view text;
  Diagnostics* diags;

  void Error(const YAML::Node& n, const std::string& msg) {
    diags->Error(PosOf(n, path), msg, text, 1, "site-config");
  }
  std::string Str(const YAML::Node& n, const char* key) {
    if (!n.IsScalar()) {
      Error(n, std::string("'") + key + "' must be a string");
      return {};
    }
    return n.Scalar();
  }
  int Int(const YAML::Node& n, const char* key, int fallback) {
    try {
      return n.as<int>();
    } catch (const YAML::Exception&) {
      Error(n, std::string("'") + key + "' must be a whole number");
      return fallback;
    }
  }
  bool Bool(const YAML::Node& n, const char* key, bool fallback) {
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      Error(n, std::string("'") + key + "' must be true or false");
      return fallback;
    }
  }
};

}  // namespace

std::string UnknownPermalinkToken(std::string_view pattern) {
  for (size_t at = pattern.find(':'); at != std::string_view::npos; at = pattern.find(':', at + 1)) {
    size_t end = at + 1;
    while (end < pattern.size() && std::islower(static_cast<unsigned char>(pattern[end]))) ++end;
    const std::string_view token = pattern.substr(at, end - at);
    if (std::find(std::begin(kPermalinkTokens), std::end(kPermalinkTokens), token) == std::end(kPermalinkTokens))
      return std::string(token);
  }
  return {};
}

SiteConfig ParseSiteConfig(const std::string& path, std::string_view text, Diagnostics* diags) {
  SiteConfig cfg;
  auto doc = ParseYaml(path, text, diags);
  if (!doc) return cfg;
  if (!doc->IsMap()) {
    diags->Error({path, 1, 1}, "site.yaml must be a map of settings", text, 1, "site-config");
    return cfg;
  }
  Reader r{path, text, diags};
  bool have_default = false;
  SourcePos default_pos{path, 0, 0};
  bool languages_given = true;  // false after an error in them: the default is not checked against a guess
  for (const auto& kv : *doc) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "title" || key == "description") {
      LocalizedText* t = key == "title" ? &cfg.title : &cfg.description;
      if (!ReadLocalized(v, t)) r.Error(v, "'" + key + "' must be text or a map of language to text");
    } else if (key == "params") {
      if (!v.IsMap()) r.Error(v, "'params' must be a map of name to text, or to a map of language to text");
      for (const auto& p : v.IsMap() ? v : YAML::Node()) {
        LocalizedText value;
        if (!ReadLocalized(p.second, &value)) {
          r.Error(p.second, "param '" + p.first.Scalar() + "' must be text or a map of language to text");
          continue;
        }
        std::string name = p.first.Scalar();
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        cfg.params[name] = value;
      }
    } else if (key == "languages") {
      if (!v.IsSequence() || v.size() == 0) {
        r.Error(v, "'languages' must be a non-empty list such as [zh, en]");
        languages_given = false;
        continue;
      }
      cfg.languages.clear();
      for (const auto& l : v) {
        std::string code = r.Str(l, "languages");
        if (!IsLanguageCode(code)) {
          r.Error(l, "'" + code + "' is not a language code (expected e.g. zh, en, pt-BR)");
        } else if (std::find(cfg.languages.begin(), cfg.languages.end(), code) != cfg.languages.end()) {
          r.Error(l, "language '" + code + "' is listed twice");
        } else {
          cfg.languages.push_back(code);
        }
      }
    } else if (key == "default_language") {
      cfg.default_language = r.Str(v, "default_language");
      default_pos = PosOf(v, path);
      have_default = true;
    } else if (key == "content_layout") {
      std::string layout = r.Str(v, "content_layout");
      if (layout == "suffix") {
        cfg.content_layout = ContentLayout::kSuffix;
      } else if (layout == "folders") {
        cfg.content_layout = ContentLayout::kFolders;
      } else if (v.IsScalar()) {
        r.Error(v, "'content_layout' must be 'suffix' (gpu.zh.md beside gpu.en.md) or 'folders' "
                   "(content/zh/gpu.md and content/en/gpu.md)");
      }
    } else if (key == "as_of" || key == "build_date") {
      std::string s = r.Str(v, key.c_str());
      if (!IsIsoDay(s)) r.Error(v, "'" + key + "' must be a date YYYY-MM-DD");
      (key == "as_of" ? cfg.as_of : cfg.build_date) = s;
    } else if (key == "display_currency") {
      cfg.display_currency = r.Str(v, "display_currency");
    } else if (key == "month_hours") {
      cfg.month_hours = r.Int(v, "month_hours", 730);
      if (cfg.month_hours <= 0) r.Error(v, "'month_hours' must be a positive number of hours");
    } else if (key == "max_price_age") {
      cfg.max_price_age_days = r.Int(v, "max_price_age", 0);
    } else if (key == "raw_html") {
      cfg.raw_html = r.Bool(v, "raw_html", false);
    } else if (key == "lowercase_urls") {
      cfg.lowercase_urls = r.Bool(v, "lowercase_urls", true);
    } else if (key == "taxonomies") {
      if (!v.IsSequence()) {
        r.Error(v, "'taxonomies' must be a list of the taxonomies listed: [tags, categories], [tags] or []");
        continue;
      }
      cfg.taxonomies.clear();
      for (const auto& t : v) {
        const std::string name = r.Str(t, "taxonomies");
        if (name != "tags" && name != "categories") {
          r.Error(t, "unknown taxonomy '" + name + "': costsite lists tags and categories");
        } else if (std::find(cfg.taxonomies.begin(), cfg.taxonomies.end(), name) == cfg.taxonomies.end()) {
          cfg.taxonomies.push_back(name);
        }
      }
    } else if (key == "permalinks") {
      if (!v.IsMap()) r.Error(v, "'permalinks' must be a map of section to URL pattern, such as {blog: /:section/:year/:slug/}");
      for (const auto& p : v.IsMap() ? v : YAML::Node()) {
        const std::string pattern = r.Str(p.second, "permalinks");
        if (pattern.empty()) continue;
        if (std::string token = UnknownPermalinkToken(pattern); !token.empty()) {
          std::string known;
          for (std::string_view t : kPermalinkTokens) known += (known.empty() ? "" : ", ") + std::string(t);
          r.Error(p.second, "unknown token '" + token + "' in the permalink of '" + p.first.Scalar() + "' (known: " +
                                known + ")");
          continue;
        }
        cfg.permalinks[p.first.Scalar()] = pattern;
      }
    } else if (key == "default_language_at_root") {
      cfg.default_language_at_root = r.Bool(v, "default_language_at_root", false);
    } else if (key == "translation_fallback") {
      cfg.translation_fallback = r.Bool(v, "translation_fallback", true);
    } else if (key == "build_drafts") {
      cfg.build_drafts = r.Bool(v, "build_drafts", false);
    } else if (key == "build_future") {
      cfg.build_future = r.Bool(v, "build_future", true);
    } else if (key == "build_expired") {
      cfg.build_expired = r.Bool(v, "build_expired", true);
    } else if (key == "toc_min_headings") {
      cfg.toc_min_headings = r.Int(v, "toc_min_headings", 4);
    } else if (key == "pager_size") {
      cfg.pager_size = r.Int(v, "pager_size", 200);
      if (cfg.pager_size < 0) r.Error(v, "'pager_size' must be 0 (every entry on one page) or a number of entries");
    } else if (key == "base_url") {
      cfg.base_url = r.Str(v, "base_url");
      while (!cfg.base_url.empty() && cfg.base_url.back() == '/') cfg.base_url.pop_back();
      if (!cfg.base_url.empty() && !IsBaseUrl(cfg.base_url)) {
        r.Error(v, "'base_url' must be an http:// or https:// URL without spaces, quotes or angle brackets "
                   "(e.g. https://reports.example.com)");
        cfg.base_url.clear();
      }
    } else {
      diags->Warning(PosOf(kv.first, path), "unknown setting '" + key + "'" + SettingHint(key), text,
                     static_cast<int>(key.size()), "site-config");
    }
  }
  if (!have_default) cfg.default_language = cfg.languages.front();
  if (languages_given &&
      std::find(cfg.languages.begin(), cfg.languages.end(), cfg.default_language) == cfg.languages.end()) {
    std::string listed;
    for (const std::string& l : cfg.languages) listed += (listed.empty() ? "" : ", ") + l;
    diags->Error(default_pos, "default_language '" + cfg.default_language +
                                  "' is not one of the site's languages (" + listed + ")",
                 text, static_cast<int>(std::max<size_t>(cfg.default_language.size(), 1)), "site-config");
  }
  if (cfg.title.empty()) diags->Error({path, 1, 1}, "site.yaml has no 'title'", text, 1, "site-config");
  return cfg;
}

std::string HtmlLang(std::string_view lang) {
  if (lang == "zh") return "zh-CN";
  std::string tag;
  size_t start = 0;
  for (size_t i = 0; start <= lang.size(); ++i) {
    size_t end = std::min(lang.find_first_of("-_", start), lang.size());
    std::string part(lang.substr(start, end - start));
    for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (i > 0 && part.size() == 2) {
      for (char& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (i > 0 && part.size() == 4 && !part.empty()) {
      part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    }
    tag += (i > 0 ? "-" : "") + part;
    start = end + 1;
  }
  return tag;
}

}  // namespace costsite::content
