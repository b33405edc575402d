#include "render/shortcodes.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <optional>

#include "base/fs_util.h"
#include "figures/html.h"

namespace costsite::render {

namespace mstch = kainjow::mustache;

namespace {

// Mustache treats "" as true; an empty value is left unset.
void SetValue(mstch::data* d, const std::string& key, const std::string& value) {
  if (value == "true" || value == "false") d->set(key, mstch::data(value == "true"));
  else if (!value.empty()) d->set(key, value);
}

}  // namespace

bool UsesInner(const std::string& text) {
  for (size_t at = text.find("inner"); at != std::string::npos; at = text.find("inner", at + 1)) {
    size_t end = at + 5;
    while (end < text.size() && text[end] == ' ') ++end;
    if (text.compare(end, 2, "}}") == 0) return true;  // {{inner}}, {{{inner}}}, {{#inner}}, {{& inner}}
  }
  return false;
}

mstch::data ShortcodeData(const markdown::ShortcodeCall& call, bool wants_inner, int uid,
                          const markdown::LinkRewriter* rewrite) {
  mstch::data d;
  d.set("name", call.name);
  d.set("uid", "sc-" + std::to_string(uid));
  d.set("paired", mstch::data(call.paired));
  d.set("markdown_form", mstch::data(call.markdown_form));
  if (wants_inner && call.render_inner && !call.render_inner().empty()) d.set("inner", call.render_inner());
  // As written, without the line breaks that follow the opening tag and end
  // the last line (`{{< highlight >}}` on a line of its own).
  std::string_view raw = call.inner_raw;
  if (!raw.empty() && raw.front() == '\n') raw.remove_prefix(1);
  if (!raw.empty() && raw.back() == '\n') raw.remove_suffix(1);
  if (!raw.empty()) d.set("inner_raw", std::string(raw));
  mstch::data args{mstch::data::type::list};
  for (size_t i = 0; i < call.positional.size(); ++i) {
    mstch::data item;
    item.set("value", call.positional[i]);
    args.push_back(item);
    SetValue(&d, "arg" + std::to_string(i), call.positional[i]);
  }
  d.set("args", args);
  std::string label = call.positional.empty() ? "" : call.positional[0];
  for (const char* key : {"name", "header", "title"}) {
    for (const auto& [k, v] : call.named)
      if (k == key && !v.empty()) label = v;
  }
  for (const auto& [k, v] : call.named) {
    std::string value = v;
    if (rewrite && !value.empty() && (k == "src" || k == "link" || k == "href" || k == "url"))
      value = (*rewrite)(markdown::Link{value, call.pos, k == "src"});
    SetValue(&d, k, value);
  }
  SetValue(&d, "label", label);
  return d;
}

std::vector<std::string> ShortcodeFilePlaces(const content::SiteConfig& config, const content::PageSource& src,
                                             const std::string& file) {
  std::vector<std::string> places;
  size_t slash = src.path.rfind('/');
  places.push_back((slash == std::string::npos ? std::string() : src.path.substr(0, slash + 1)) + file);
  const std::string content = "content/";
  if (config.content_layout == content::ContentLayout::kFolders) {
    places.push_back(content + std::string(content::ContentFolderOf(config, src.lang)) + "/examples/" + file);
    if (config.default_language != src.lang)
      places.push_back(content + std::string(content::ContentFolderOf(config, config.default_language)) + "/examples/" + file);
  } else {
    places.push_back(content + "examples/" + file);
  }
  return places;
}

bool AddShortcodeFile(const std::filesystem::path& root, const content::SiteConfig& config,
                      const content::PageSource& src, const markdown::ShortcodeCall& call,
                      const std::string& template_text, mstch::data* data, Diagnostics* diags) {
  if (template_text.find("file_text") == std::string::npos) return true;
  std::string file, language;
  for (const auto& [k, v] : call.named) {
    if (k == "file") file = v;
    if (k == "language" || k == "lang") language = v;
  }
  auto warn = [&](const std::string& message) {
    diags->Add({Severity::kWarning, call.pos, message, call.source_line, call.width, "shortcode-file"});
  };
  if (file.empty()) {
    warn("shortcode '" + call.name + "' names no file (file=\"…\")");
    return false;
  }
  if (root.empty()) return false;
  constexpr uintmax_t kMaxBytes = 1 << 20;
  const std::vector<std::string> places = ShortcodeFilePlaces(config, src, file);
  for (const std::string& place : places) {
    std::string text, error;
    uintmax_t size = 0;
    switch (ReadFileInside(root, place, &text, &error, kMaxBytes, &size)) {
      case ReadInside::kRead: {
        if (language.empty()) {
          size_t dot = file.rfind('.');
          if (dot != std::string::npos && file.find('/', dot) == std::string::npos) language = file.substr(dot + 1);
        }
        if (!text.empty() && text.back() == '\n') text.pop_back();
        data->set("file_text", text);
        if (!language.empty()) data->set("file_lang", language);
        return true;
      }
      case ReadInside::kOutside:
        warn("'" + place + "' lies outside the site: it is not shown");
        return false;
      case ReadInside::kTooLarge:
        warn("'" + place + "' is " + std::to_string(size) + " bytes: a file a shortcode shows may have at most 1 MB");
        return false;
      case ReadInside::kFailed:
        break;  // not there: the next place
    }
  }
  std::string tried;
  for (const std::string& place : places) tried += (tried.empty() ? "" : ", ") + place;
  warn("no file '" + file + "' for shortcode '" + call.name + "' (looked for " + tried + ")");
  return false;
}

namespace {

// The site's param `name` (as written; looked up in lower case, as Hugo
// does) in the page's language, or nullopt after a warning at the call.
std::optional<std::string> SiteParam(const content::SiteConfig& config, const content::PageSource& src,
                                     const markdown::ShortcodeCall& call, std::string name, Diagnostics* diags) {
  std::string key = name;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = config.params.find(key);
  if (it == config.params.end()) {
    diags->Add({Severity::kWarning, call.pos, "no param '" + name + "' (add it to site.yaml's params:, or to Hugo's [params])",
                call.source_line, call.width, "shortcode"});
    return std::nullopt;
  }
  return Pick(it->second, src.lang, "");
}

// "v1.31" -> {1, 31}; nullopt unless MAJOR.MINOR (a patch after is allowed).
std::optional<std::pair<long, long>> MajorMinor(std::string_view version) {
  if (!version.empty() && (version[0] == 'v' || version[0] == 'V')) version.remove_prefix(1);
  long parts[2] = {0, 0};
  size_t at = 0;
  for (int i = 0; i < 2; ++i) {
    size_t start = at;
    while (at < version.size() && std::isdigit(static_cast<unsigned char>(version[at]))) ++at;
    if (at == start || at - start > 6) return std::nullopt;
    parts[i] = std::stol(std::string(version.substr(start, at - start)));
    if (i == 0 && (at >= version.size() || version[at] != '.')) return std::nullopt;
    ++at;
  }
  return std::make_pair(parts[0], parts[1]);
}

// Kubernetes' `{{< skew WHICH [N] >}}`: a release named from the site's params
// `version` ("v1.31": currentVersion, currentVersionAddMinor N) and `latest`
// (latestVersion, nextMinorVersion, prevMinorVersion, oldestMinorVersion),
// printed MAJOR.MINOR without the "v"; currentPatchVersion is `fullversion`.
bool SkewText(const content::SiteConfig& config, const content::PageSource& src, const markdown::ShortcodeCall& call,
              std::string* text, Diagnostics* diags) {
  auto warn = [&](const std::string& message) {
    diags->Add({Severity::kWarning, call.pos, message, call.source_line, call.width, "shortcode"});
    return true;
  };
  if (call.positional.empty()) return warn("shortcode 'skew' names no version ({{< skew currentVersion >}})");
  const std::string& which = call.positional.front();
  auto strip = [](std::string v) { return !v.empty() && (v[0] == 'v' || v[0] == 'V') ? v.substr(1) : v; };
  if (which == "currentPatchVersion") {
    if (auto full = SiteParam(config, src, call, "fullversion", diags)) *text = markdown::EscapeMarkdownText(strip(*full));
    return true;
  }
  long add = 0;
  std::string param = "latest";
  if (which == "currentVersion" || which == "currentVersionAddMinor") {
    param = "version";
    if (which == "currentVersionAddMinor") {
      const std::string n = call.positional.size() > 1 ? call.positional[1] : "";
      char* end = nullptr;
      add = std::strtol(n.c_str(), &end, 10);
      if (n.empty() || *end != '\0') return warn("shortcode 'skew currentVersionAddMinor' wants a number of minor versions, not '" + n + "'");
    }
  } else if (which == "nextMinorVersion") {
    add = 1;
  } else if (which == "prevMinorVersion") {
    add = -1;
  } else if (which == "oldestMinorVersion") {
    add = -2;
  } else if (which != "latestVersion") {
    return warn("shortcode 'skew' knows no '" + which + "' (currentVersion, currentVersionAddMinor N, currentPatchVersion, "
                "latestVersion, nextMinorVersion, prevMinorVersion or oldestMinorVersion)");
  }
  std::optional<std::string> version = SiteParam(config, src, call, param, diags);
  if (!version) return true;
  auto mm = MajorMinor(*version);
  if (!mm || mm->second + add < 0)
    return warn("param '" + param + "' is '" + *version + "', not a version such as v1.31, for shortcode 'skew " + which + "'");
  *text = std::to_string(mm->first) + "." + std::to_string(mm->second + add);
  return true;
}

}  // namespace

bool ParamText(const content::SiteConfig& config, const content::PageSource& src, const markdown::ShortcodeCall& call,
               std::string* text, Diagnostics* diags) {
  if (call.paired) return false;
  if (call.name == "skew") return SkewText(config, src, call, text, diags);
  if (call.name != "param" || call.positional.empty()) return false;
  if (auto value = SiteParam(config, src, call, call.positional.front(), diags))
    *text = markdown::EscapeMarkdownText(*value);
  return true;
}

namespace {

// Reads the first of `places` that exists and renders it as Markdown with the
// page's options, its own front matter left out and `<!--more-->` dropped.
// Returns false when none exists; a file outside the site or too large is a
// warning (through `warn`) and renders nothing. `found`: which place was read.
bool RenderMarkdownFile(const std::filesystem::path& root, const std::vector<std::string>& places,
                        const markdown::MarkdownOptions& page, int* depth, Diagnostics* diags,
                        const std::function<void(const std::string&)>& warn, std::string* html,
                        size_t* found) {
  if (root.empty()) return true;
  for (const std::string& place : places) {
    *found = static_cast<size_t>(&place - places.data());
    std::string text, error;
    uintmax_t size = 0;
    ReadInside read = ReadFileInside(root, place, &text, &error, 1 << 20, &size);
    if (read == ReadInside::kFailed) continue;
    if (read != ReadInside::kRead) {
      warn("'" + place + "' " + (read == ReadInside::kOutside ? "lies outside the site" : "is over 1 MB") +
           ": it is not shown");
      return true;
    }
    std::string_view body = text;
    int first_line = 1;
    if (body.rfind("---\n", 0) == 0 || body.rfind("---\r\n", 0) == 0) {
      size_t end = body.find("\n---", 3);
      if (end != std::string_view::npos) {
        size_t after = body.find('\n', end + 4);
        after = after == std::string_view::npos ? body.size() : after + 1;
        first_line += static_cast<int>(std::count(body.begin(), body.begin() + static_cast<long>(after), '\n'));
        body.remove_prefix(after);
      }
    }
    std::string source(body);
    for (size_t at; (at = source.find("<!--more-->")) != std::string::npos;) source.erase(at, 11);
    markdown::MarkdownOptions options = page;
    options.cost_refs = nullptr;  // the page's own references are its text's
    ++*depth;
    markdown::RenderedMarkdown r = markdown::RenderMarkdown(place, source, first_line, options, diags);
    --*depth;
    *html = std::move(r.html);
    while (!html->empty() && html->back() == '\n') html->pop_back();
    return true;
  }
  return false;
}

std::string Tried(const std::vector<std::string>& places) {
  std::string tried;
  for (const std::string& place : places) tried += (tried.empty() ? "" : ", ") + place;
  return tried;
}

// content/<the page's language folder>/DIR/NAME, then the default language's
// (content/DIR/NAME when languages are told apart by suffix).
std::vector<std::string> LanguagePlaces(const content::SiteConfig& config, const content::PageSource& src,
                                        const std::string& dir, const std::string& name) {
  std::vector<std::string> places;
  if (config.content_layout == content::ContentLayout::kFolders) {
    places.push_back("content/" + std::string(content::ContentFolderOf(config, src.lang)) + "/" + dir + name);
    if (config.default_language != src.lang)
      places.push_back("content/" + std::string(content::ContentFolderOf(config, config.default_language)) + "/" + dir +
                       name);
  } else {
    places.push_back("content/" + dir + name);
  }
  return places;
}

// Marks `html` read from the default language's folder (LanguagePlaces' second
// place) with that language, for a page in another one: a screen reader
// then reads it in its own language's voice, as it is written.
std::string InLanguageOf(const content::SiteConfig& config, size_t found, bool in_line, std::string html) {
  if (found == 0 || config.content_layout != content::ContentLayout::kFolders || html.empty()) return html;
  const std::string lang = figures::Escape(config.default_language);
  if (in_line) return "<span lang=\"" + lang + "\">" + html + "</span>";
  return "<div lang=\"" + lang + "\">\n" + html + "</div>\n";
}

}  // namespace

std::string IncludeMarkdown(const std::filesystem::path& root, const content::SiteConfig& config,
                            const content::PageSource& src, const markdown::ShortcodeCall& call,
                            const markdown::MarkdownOptions& page, int* depth, Diagnostics* diags) {
  auto warn = [&](const std::string& message) {
    diags->Add({Severity::kWarning, call.pos, message, call.source_line, call.width, "shortcode-file"});
  };
  if (call.positional.empty() || call.positional.front().empty()) {
    warn("shortcode 'include' names no file ({{< include \"name.md\" >}})");
    return {};
  }
  constexpr int kMaxDepth = 8;
  if (*depth >= kMaxDepth) {
    warn("includes nest more than " + std::to_string(kMaxDepth) + " deep (does one include itself?)");
    return {};
  }
  const std::string& name = call.positional.front();
  const std::vector<std::string> places = LanguagePlaces(config, src, "includes/", name);
  std::string html;
  size_t found = 0;
  if (!RenderMarkdownFile(root, places, page, depth, diags, warn, &html, &found)) {
    warn("no file '" + name + "' to include (looked for " + Tried(places) + ")");
    return {};
  }
  // Inside a paragraph ("{{< include "prereqs.md" >}} {{< version-check >}}"),
  // a file of one paragraph is its text.
  if (call.in_line && html.rfind("<p>", 0) == 0 && html.size() >= 7 &&
      html.compare(html.size() - 4, 4, "</p>") == 0 && html.find("<p>", 3) == std::string::npos)
    return InLanguageOf(config, found, true, html.substr(3, html.size() - 7));
  return InLanguageOf(config, found, false, html.empty() ? html : html + "\n");
}

std::string GlossaryDefinition(const std::filesystem::path& root, const content::SiteConfig& config,
                               const content::PageSource& src, const markdown::ShortcodeCall& call,
                               const markdown::MarkdownOptions& page, int* depth, Diagnostics* diags) {
  auto warn = [&](const std::string& message) {
    diags->Add({Severity::kWarning, call.pos, message, call.source_line, call.width, "shortcode-file"});
  };
  std::string id, length, prepend;
  for (const auto& [key, value] : call.named) {
    if (key == "term_id") id = value;
    else if (key == "length") length = value;
    else if (key == "prepend") prepend = value;
  }
  if (id.empty() || id.find('/') != std::string::npos || id.find("..") != std::string::npos) {
    warn("shortcode 'glossary_definition' names no term (term_id=\"pod\")");
    return {};
  }
  if (length != "short" && length != "long" && length != "all") {
    warn("shortcode 'glossary_definition' wants length=\"short\", \"long\" or \"all\", not \"" + length +
         "\": the short definition is shown");
    length = "short";
  }
  if (*depth >= 8) return {};
  const std::vector<std::string> places = LanguagePlaces(config, src, "docs/reference/glossary/", id + ".md");
  std::string html;
  size_t found = 0;
  if (!RenderMarkdownFile(root, places, page, depth, diags, warn, &html, &found)) {
    warn("no glossary term '" + id + "' (looked for " + Tried(places) + ")");
    return {};
  }
  // The definition's first paragraph, as Hugo's Kubernetes shortcode takes it.
  const size_t open = html.find("<p>");
  const size_t close = open == std::string::npos ? std::string::npos : html.find("</p>", open);
  std::string first = close == std::string::npos ? std::string() : html.substr(open + 3, close - open - 3);
  std::string prepended;
  if (!prepend.empty() && !first.empty()) {
    // "prepend" opens the sentence, so the definition's first letter is lower case.
    std::string rest = first;
    if (std::isupper(static_cast<unsigned char>(rest[0])) && (rest.size() < 2 || !std::isupper(static_cast<unsigned char>(rest[1]))))
      rest[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[0])));
    prepended = "<p>" + figures::Escape(prepend) + " " + rest + "</p>";
  }
  if (length == "short") {
    if (!prepended.empty()) return InLanguageOf(config, found, false, prepended + "\n");
    if (call.in_line) return InLanguageOf(config, found, true, first);
    return InLanguageOf(config, found, false, first.empty() ? first : "<p>" + first + "</p>\n");
  }
  if (!prepended.empty()) html.replace(open, close + 4 - open, prepended);
  return InLanguageOf(config, found, false, html.empty() ? html : html + "\n");
}

}  // namespace costsite::render
