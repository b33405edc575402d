#include "content/front_matter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "base/calendar.h"
#include "base/yaml_util.h"

namespace costsite::content {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}


// Keys read as text; a key costsite reads in another form (a list, a number)
// is not a param either.
enum class Field { kTitle, kDescription, kWeight, kDraft, kHeadless, kBuild, kTranslationOf, kHeadline, kDate, kLastmod,
                   kLinkTitle, kSummary, kSlug, kUrl, kTags, kCategories, kAliases, kMenu, kPublishDate, kExpiryDate,
                   kTranslationKey, kParam };

Field FieldOf(std::string_view lower) {
  static const std::pair<std::string_view, Field> kFields[] = {
      {"title", Field::kTitle},         {"description", Field::kDescription},
      {"weight", Field::kWeight},       {"draft", Field::kDraft},
      {"headless", Field::kHeadless},   {"build", Field::kBuild},
      {"_build", Field::kBuild},
      {"translation_of", Field::kTranslationOf}, {"headline", Field::kHeadline},
      {"date", Field::kDate},           {"lastmod", Field::kLastmod},
      {"linktitle", Field::kLinkTitle}, {"summary", Field::kSummary},
      {"slug", Field::kSlug},           {"url", Field::kUrl},
      {"tags", Field::kTags},           {"categories", Field::kCategories},
      {"aliases", Field::kAliases},     {"menu", Field::kMenu},
      // Hugo's names for the days a page is published from and until.
      {"publishdate", Field::kPublishDate}, {"pubdate", Field::kPublishDate},
      {"expirydate", Field::kExpiryDate},   {"unpublishdate", Field::kExpiryDate},
      {"translationkey", Field::kTranslationKey},
  };
  for (const auto& [name, field] : kFields)
    if (name == lower) return field;
  return Field::kParam;
}

// A scalar field's value as written: its text, where it is, and its line.
struct Scalar {
  std::string text;
  SourcePos pos;
  bool plain = true;
};

// Sets a text-valued field; false when `field` is not one (the caller then
// reads it in its own form). Errors are reported at the value.
bool SetScalar(Field field, const std::string& key, const Scalar& v, std::string_view text, FrontMatter* front,
               Diagnostics* diags) {
  // A date Hugo cannot read either (`2018-06-24:00:00+02:00`, `2023-02-29`)
  // leaves the page without it there, and a real Hugo site builds with it:
  // a warning at the value, and the page is read as without that date.
  auto day = [&](std::string* out) {
    if (!ParseDay(v.text, out)) {
      out->clear();
      diags->Warning(v.pos, "front matter '" + key + "' is not a date ('" + v.text +
                                "'; write YYYY-MM-DD, optionally followed by a time); the page is read as "
                                "without it, as Hugo reads it",
                     text, static_cast<int>(std::max<size_t>(v.text.size(), 1)), "front-matter");
    }
  };
  switch (field) {
    case Field::kTitle: front->title = v.text; return true;
    case Field::kDescription: front->set_description(v.text); return true;
    case Field::kDate: day(&front->more_mut().date); return true;
    case Field::kLastmod: day(&front->more_mut().lastmod); return true;
    case Field::kPublishDate: day(&front->more_mut().publish_date); return true;
    case Field::kExpiryDate: day(&front->more_mut().expiry_date); return true;
    case Field::kTranslationKey: front->more_mut().translation_key = v.text; return true;
    case Field::kLinkTitle: front->more_mut().link_title = v.text; return true;
    case Field::kSummary: front->more_mut().summary = v.text; return true;
    case Field::kSlug: front->more_mut().slug = v.text; front->more_mut().slug_pos = v.pos; return true;
    case Field::kUrl: front->more_mut().url = {v.text, v.pos}; return true;
    case Field::kTranslationOf: front->more_mut().translation_of = v.text; front->more_mut().translation_pos = v.pos; return true;
    case Field::kHeadline:
      front->more_mut().headline = v.text;
      front->more_mut().headline_pos = v.pos;
      front->more_mut().headline_line = std::string(LineOf(text, v.pos.line));
      if (!v.plain) ++front->more_mut().headline_pos.col;  // under the reference, not its quote
      return true;
    default: return false;
  }
}

// What a field takes, for the error about a value of another kind.
std::string Expected(Field field) {
  switch (field) {
    case Field::kWeight: return "a whole number";
    case Field::kDraft:
    case Field::kHeadless: return "true or false";
    case Field::kBuild: return "a map (build: {render: never})";
    case Field::kTags:
    case Field::kCategories: return "a term or a list of terms";
    case Field::kAliases: return "a path or a list of paths";
    case Field::kMenu: return "a menu's name, a list of names or a map of menus";
    default: return "text";
  }
}

// A page's weight. One that is not a whole number orders the page as Hugo
// orders it, with a warning at the value: a decimal number by its whole part
// (`2.5` as 2), anything else (`2100,`, `heavy`) as no weight (0). A real
// Hugo site builds with such a typo, so it must not stop the build here.
int ReadWeight(const YAML::Node& v, const std::string& key, const SourcePos& pos, std::string_view text,
               Diagnostics* diags) {
  int weight = 0;
  if (v.IsScalar() && YAML::convert<int>::decode(v, weight)) return weight;
  weight = 0;
  double number = 0;
  if (v.IsScalar() && YAML::convert<double>::decode(v, number) && std::isfinite(number) && std::abs(number) < 1e9)
    weight = static_cast<int>(number);
  diags->Warning(pos,
                 "front matter '" + key + "' must be a whole number" +
                     (v.IsScalar() ? ", not '" + v.Scalar() + "'" : std::string()) +
                     "; the page is ordered as with weight " + std::to_string(weight) +
                     (weight == 0 ? " (none), as Hugo orders it" : ", as Hugo orders it"),
                 text, 1, "front-matter");
  return weight;
}

// A list of terms: `tags: [a, b]`, a block list, or one term as a scalar.
bool ReadTerms(const YAML::Node& v, std::vector<std::string>* out) {
  if (v.IsScalar()) {
    out->push_back(v.Scalar());
    return true;
  }
  if (!v.IsSequence()) return v.IsNull();
  for (const auto& item : v) {
    if (!item.IsScalar()) return false;
    out->push_back(item.Scalar());
  }
  return true;
}

// `menu: main`, `menu: [main, docs]`, or `menu: {main: {weight: 2, name: X}}`.
bool ReadMenus(const YAML::Node& v, std::vector<MenuEntry>* out) {
  std::vector<std::string> names;
  if (v.IsScalar() || v.IsSequence()) {
    if (!ReadTerms(v, &names)) return false;
    for (auto& n : names) out->push_back({std::move(n), 0, {}});
    return true;
  }
  if (!v.IsMap()) return false;
  for (const auto& kv : v) {
    MenuEntry e{kv.first.Scalar(), 0, {}};
    if (kv.second.IsMap()) {
      for (const auto& f : kv.second) {
        std::string k = Lower(f.first.Scalar());
        if (k == "weight") e.weight = f.second.as<int>();
        else if (k == "name") e.name = f.second.as<std::string>();
        else if (k == "parent") e.parent = f.second.as<std::string>();
        else if (k == "identifier") e.identifier = f.second.as<std::string>();
      }
    } else if (!kv.second.IsNull()) {
      return false;
    }
    out->push_back(std::move(e));
  }
  return true;
}

}  // namespace

bool ParseDay(std::string_view text, std::string* day) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') return false;
  if (!IsIsoDay(text.substr(0, 10))) return false;
  *day = std::string(text.substr(0, 10));
  return true;
}

// Days compare as text (YYYY-MM-DD). A date without a time is midnight in
// Hugo, so a page expiring today has expired, and one published today is out.
bool PublishedBy(const FrontMatter& front, const SiteConfig& cfg) {
  if (front.draft && !cfg.build_drafts) return false;
  const FrontMatterMore& more = front.more();
  const std::string& from = more.publish_date.empty() ? more.date : more.publish_date;
  if (!cfg.build_future && !from.empty() && from > cfg.today) return false;
  if (!cfg.build_expired && !more.expiry_date.empty() && more.expiry_date <= cfg.today) return false;
  return true;
}

void ReadFrontMatterFields(const YAML::Node& doc, const std::string& path, std::string_view text, int first_line,
                           FrontMatter* front, Diagnostics* diags) {
  for (const auto& kv : doc) {
    const std::string key = kv.first.Scalar();
    const std::string lower = Lower(key);
    const YAML::Node& v = kv.second;
    const Field field = FieldOf(lower);
    auto wrong = [&] {
      diags->Error(PosOf(v, path, first_line),
                   "front matter '" + key + "' must be " + Expected(field) +
                       (v.IsScalar() ? ", not '" + v.Scalar() + "'" : std::string()),
                   text, 1, "front-matter");
    };
    try {
      if (field == Field::kWeight) {
        front->weight = ReadWeight(v, key, PosOf(v, path, first_line), text, diags);
      } else if (field == Field::kDraft) {
        front->draft = v.as<bool>();
      } else if (field == Field::kHeadless) {
        front->headless = v.as<bool>();
      } else if (field == Field::kBuild) {
        if (!v.IsMap()) wrong();
        for (const auto& option : v)
          if (Lower(option.first.Scalar()) == "render") {
            const std::string render = Lower(option.second.Scalar());
            if (render == "never" || render == "false") front->headless = true;
          }
      } else if (field == Field::kTags || field == Field::kCategories) {
        if (!ReadTerms(v, field == Field::kTags ? &front->more_mut().tags : &front->more_mut().categories)) wrong();
      } else if (field == Field::kAliases) {
        std::vector<std::string> list;
        if (!ReadTerms(v, &list)) wrong();
        size_t i = 0;
        for (auto& a : list) {
          const YAML::Node item = v.IsSequence() ? v[i++] : v;
          front->more_mut().aliases.push_back({std::move(a), PosOf(item, path, first_line)});
        }
      } else if (field == Field::kMenu) {
        if (!ReadMenus(v, &front->more_mut().menus)) wrong();
      } else if (v.IsScalar() || (v.IsNull() && field <= Field::kHeadline)) {
        // yaml-cpp reads `title: ~` as "null"; kept as it always was. The
        // fields after kHeadline came later: a null is no value there.
        SourcePos pos = PosOf(v, path, first_line);
        std::string_view line = LineOf(text, pos.line);
        size_t at = static_cast<size_t>(std::max(pos.col, 1) - 1);
        bool plain = !(at < line.size() && (line[at] == '"' || line[at] == '\''));
        if (!SetScalar(field, key, {v.as<std::string>(), pos, plain}, text, front, diags))
          front->more_mut().params.push_back({lower, v.Scalar(), {}, false});
      } else if (lower == "params" && v.IsMap()) {  // Hugo's [params] table: its keys are params
        for (const auto& p : v) {
          Param param{Lower(p.first.Scalar()), {}, {}, !p.second.IsScalar()};
          if (p.second.IsScalar()) param.value = p.second.Scalar();
          if (p.second.IsScalar() || (p.second.IsSequence() && ReadTerms(p.second, &param.items)))
            front->more_mut().params.push_back(std::move(param));
        }
      } else if (field == Field::kParam && v.IsSequence()) {
        Param p{lower, {}, {}, true};
        if (ReadTerms(v, &p.items)) front->more_mut().params.push_back(std::move(p));
      } else if (field != Field::kParam && !v.IsNull()) {
        wrong();
      }
    } catch (const YAML::Exception&) {
      wrong();
    }
  }
}

namespace {

// One `key: value` line of the front matter: the value's text (unquoted) and
// whether it was written plain, with its 0-based column.
struct SimpleField {
  std::string_view key, value;
  bool plain = true;
  size_t column = 0;
};

// Splits one front-matter line the way YAML would, for the forms pages
// actually use; false for anything else (a list, a nested map, a block or
// escaped scalar, a comment after a value, a null), which yaml-cpp reads.
bool SplitSimpleLine(std::string_view line, SimpleField* f) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = line[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  f->key = line.substr(0, colon);
  size_t v = colon + 1;
  if (v >= line.size() || line[v] != ' ') return false;  // `key:` alone is a null, or a nested map
  while (v < line.size() && line[v] == ' ') ++v;
  std::string_view rest = line.substr(v);
  f->column = v;
  if (rest.empty() || rest.find('\t') != std::string_view::npos) return false;
  char q = rest[0];
  if (q == '"' || q == '\'') {
    size_t close = rest.find(q, 1);
    if (close == std::string_view::npos || rest.find_first_not_of(' ', close + 1) != std::string_view::npos)
      return false;
    f->value = rest.substr(1, close - 1);
    f->plain = false;
    // Escapes (and '' in single quotes) change the text: left to yaml-cpp.
    return q == '\'' || f->value.find('\\') == std::string_view::npos;
  }
  if (std::string_view("-?:,[]{}#&*!|>%@`").find(q) != std::string_view::npos) return false;
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.find(": ") != std::string_view::npos || rest.find(" #") != std::string_view::npos || rest.back() == ':')
    return false;
  if (rest == "~" || rest == "null" || rest == "Null" || rest == "NULL") return false;
  f->value = rest;
  return true;
}

}  // namespace

// yaml-cpp takes about ten microseconds for even two lines, and a large site
// has tens of thousands of pages. Only forms whose meaning is plain are
// taken, and typed fields only in their plain spelling (`weight: 12`, `draft:
// false`); false sends the whole block to yaml-cpp, which then reads it, and
// reports its errors, as before. Nothing is reported before the block is
// known to be simple, so nothing is reported twice.
bool ReadSimpleFrontMatter(std::string_view yaml, const std::string& path, std::string_view text,
                           int first_line, FrontMatter* front, Diagnostics* diags) {
  struct Line {
    std::string key;
    Field field;
    SimpleField f;
    int line_no;
  };
  std::vector<Line> lines;
  size_t line_no = 0;
  for (size_t pos = 0; pos < yaml.size(); ++line_no) {
    size_t nl = yaml.find('\n', pos);
    std::string_view line = yaml.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? yaml.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(' ') == std::string_view::npos || line[0] == '#') continue;
    SimpleField f;
    if (!SplitSimpleLine(line, &f)) return false;
    std::string key = Lower(f.key);
    for (const Line& l : lines)
      if (l.key == key) return false;
    Field field = FieldOf(key);
    if (field == Field::kWeight) {
      std::string_view digits = f.value.substr(f.value[0] == '-' ? 1 : 0);
      if (!f.plain || digits.empty() || digits.size() > 9 || (digits[0] == '0' && digits.size() > 1) ||
          digits.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    } else if (field == Field::kDraft || field == Field::kHeadless) {
      if (!f.plain || (f.value != "true" && f.value != "false")) return false;
    } else if (field == Field::kBuild) {
      return false;  // a map: yaml-cpp reads it
    } else if (field == Field::kTags || field == Field::kCategories || field == Field::kAliases ||
               field == Field::kMenu) {
      return false;  // their scalar form is rare: yaml-cpp reads it
    } else if (field == Field::kParam && f.plain && f.value.find_first_of("'\"") != std::string_view::npos) {
      return false;
    }
    lines.push_back({std::move(key), field, f, static_cast<int>(line_no) + first_line});
  }
  FrontMatter out;
  for (const Line& l : lines) {
    const SimpleField& f = l.f;
    if (l.field == Field::kWeight) {
      out.weight = std::stoi(std::string(f.value));
    } else if (l.field == Field::kDraft) {
      out.draft = f.value == "true";
    } else if (l.field == Field::kHeadless) {
      out.headless = f.value == "true";
    } else {
      Scalar v{std::string(f.value), {path, l.line_no, static_cast<int>(f.column) + 1}, f.plain};
      if (!SetScalar(l.field, std::string(f.key), v, text, &out, diags))
        out.more_mut().params.push_back({l.key, v.text, {}, false});
    }
  }
  *front = std::move(out);
  return true;
}

namespace {

// Normalizes a '/'-separated path below a folder given as parts: "." is
// dropped, ".." goes up; false when it would go above `parts`' root.
bool Walk(std::string_view path, std::vector<std::string>* parts) {
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    start = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts->empty()) return false;
      parts->pop_back();
      continue;
    }
    parts->emplace_back(part);
  }
  return true;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::vector<std::string> Parent(const std::string& key) {
  std::vector<std::string> parts;
  Walk(key, &parts);
  if (!parts.empty()) parts.pop_back();
  return parts;
}

// A path that a URL cannot hold as written: query, fragment, backslash, control.
bool OddUrlPath(std::string_view p) {
  for (char c : p)
    if (c == '?' || c == '#' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return true;
  return false;
}

}  // namespace

const std::string& FrontMatter::description() const {
  static const std::string kNone;
  return description_ ? *description_ : kNone;
}

void FrontMatter::set_description(std::string text) {
  if (text.empty()) description_ = HeapOptional<std::string>();
  else description_ = std::move(text);
}

const FrontMatterMore& FrontMatter::more() const {
  static const FrontMatterMore kNone;
  return more_ ? *more_ : kNone;
}

FrontMatterMore& FrontMatter::more_mut() {
  if (!more_) more_.emplace();
  return *more_;
}

std::string HugoPath(std::string_view path, bool lowercase) {
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  bool hyphen = false;  // a space was left out: a '-' goes before the next kept character
  const int32_t size = static_cast<int32_t>(path.size());
  for (int32_t i = 0; i < size;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(path.data(), i, size, c);
    const bool kept =
        c >= 0 && (u_isalpha(c) || u_isdigit(c) || U_GET_GC_MASK(c) & U_GC_M_MASK ||
                   (c < 0x80 && std::string_view("./\\_#+~-@").find(static_cast<char>(c)) != std::string_view::npos) ||
                   (c == '%' && i + 1 < size && hex(path[static_cast<size_t>(i)]) && hex(path[static_cast<size_t>(i) + 1])));
    if (kept) {
      if (hyphen) out += '-';
      hyphen = false;
      if (lowercase && u_isupper(c)) {
        char buf[U8_MAX_LENGTH];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(buf, n, U8_MAX_LENGTH, u_tolower(c), error);
        if (!error) out.append(buf, static_cast<size_t>(n));
      } else {
        out.append(path.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      }
    } else if (!out.empty() && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c))) {
      hyphen = true;
    }
  }
  return out;
}

namespace {

// `pattern` (PermalinkTokens) for the page of file key `key`.
std::string ExpandPermalink(std::string_view pattern, const FrontMatter& front, const std::string& key,
                            bool lowercase) {
  const std::string& date = front.more().date;  // YYYY-MM-DD
  const std::string day = date.size() >= 10 ? date : "0001-01-01";
  const std::vector<std::string> parts = [&] {
    std::vector<std::string> p;
    Walk(key, &p);
    return p;
  }();
  const std::string filename = parts.empty() ? std::string() : parts.back();
  const std::string title = HugoPath(front.title, lowercase);
  const std::string slug = front.more().slug.empty() ? std::string() : HugoPath(front.more().slug, lowercase);
  std::string sections;
  for (size_t i = 0; i + 1 < parts.size(); ++i) sections += (sections.empty() ? "" : "/") + parts[i];
  std::string out;
  for (size_t at = 0; at < pattern.size();) {
    if (pattern[at] != ':') {
      out += pattern[at++];
      continue;
    }
    size_t end = at + 1;
    while (end < pattern.size() && std::islower(static_cast<unsigned char>(pattern[end]))) ++end;
    const std::string_view token = pattern.substr(at, end - at);
    if (token == ":year") out += day.substr(0, 4);
    else if (token == ":month") out += day.substr(5, 2);
    else if (token == ":day") out += day.substr(8, 2);
    else if (token == ":section") out += parts.empty() ? std::string() : parts.front();
    else if (token == ":sections") out += sections;
    else if (token == ":title") out += title;
    else if (token == ":slug") out += slug.empty() ? title : slug;
    else if (token == ":filename") out += filename;
    else if (token == ":slugorfilename") out += slug.empty() ? filename : slug;
    else out += token;  // not a token (UnknownPermalinkToken): as written
    at = end;
  }
  return out;
}

}  // namespace

std::string UrlKey(const FrontMatter& front, const std::string& file_key, std::string_view text, Diagnostics* diags,
                   const SiteConfig* cfg, bool is_list, std::string_view lang) {
  const bool lowercase = !cfg || cfg->lowercase_urls;
  const std::string key = HugoPath(file_key, lowercase);
  if (cfg && !is_list && front.more().url.text.empty() && !cfg->permalinks.empty()) {
    const std::string section = key.substr(0, key.find('/'));
    auto it = cfg->permalinks.find(section);
    std::vector<std::string> parts;
    if (it != cfg->permalinks.end() && key.find('/') != std::string::npos &&
        Walk(ExpandPermalink(it->second, front, key, lowercase), &parts) && !parts.empty())
      return Join(parts);
  }
  if (!front.more().url.text.empty()) {
    std::vector<std::string> parts;
    const std::string& u = front.more().url.text;
    int span = static_cast<int>(u.size());
    if (u.find("://") != std::string::npos || OddUrlPath(u) || !Walk(u, &parts)) {
      diags->Error(front.more().url.pos, "url '" + u + "' leaves the language's folder (write a path such as /docs/page/)",
                   text, span, "front-matter");
      return key;
    }
    // `url: /zh-cn/bar/` on a zh-cn page: Hugo's URL from the site's root,
    // which names the language's folder; the page's URL below it is bar/.
    if (!lang.empty() && u.starts_with('/') && !parts.empty() && Lower(parts.front()) == Lower(lang))
      parts.erase(parts.begin());
    if (parts.empty()) {
      diags->Error(front.more().url.pos, "url '" + u + "' is the home page's URL", text, span, "front-matter");
      return key;
    }
    return Join(parts);
  }
  if (!front.more().slug.empty()) {
    const std::string& s = front.more().slug;
    if (s.find('/') != std::string::npos || s == "." || s == ".." || OddUrlPath(s)) {
      diags->Error(front.more().slug_pos, "slug '" + s + "' must be one part of a URL (no '/', not '.' or '..')", text,
                   static_cast<int>(s.size()), "front-matter");
      return key;
    }
    std::vector<std::string> parts = Parent(key);
    if (key.empty()) return key;  // the home page has no last part to replace
    std::string part = HugoPath(s, lowercase);
    parts.push_back(part.empty() ? s : part);
    return Join(parts);
  }
  return key;
}

std::vector<std::string> AliasFiles(const FrontMatter& front, const std::string& url_key, std::string_view lang,
                                    std::string_view text, Diagnostics* diags) {
  std::vector<std::string> out;
  for (const WrittenPath& a : front.more().aliases) {
    // As Hugo's renderAliases: "/x" from the site's root, "x" from the
    // folder the page's own URL is in (its language's folder included).
    const bool absolute = !a.text.empty() && a.text[0] == '/';
    std::vector<std::string> parts;
    if (!absolute) {
      parts = Parent(url_key);
      parts.insert(parts.begin(), std::string(lang));
    }
    bool walked = a.text.find("://") == std::string::npos && !OddUrlPath(a.text) && Walk(a.text, &parts);
    if (!walked || parts.empty()) {
      diags->Error(a.pos, "alias '" + a.text + "' is not a path below the site's root", text,
                   static_cast<int>(std::max<size_t>(a.text.size(), 1)), "front-matter");
      continue;
    }
    const std::string& last = parts.back();
    bool file = last.size() > 5 && last.compare(last.size() - 5, 5, ".html") == 0;  // Hugo's "old.html"
    out.push_back(Join(parts) + (file ? "" : "/index.html"));
  }
  return out;
}

}  // namespace costsite::content
