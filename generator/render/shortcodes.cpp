#include "render/shortcodes.h"

#include <algorithm>

#include "base/fs_util.h"

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
    if (rewrite && !value.empty() && (k == "src" || k == "link" || k == "href"))
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

bool ParamText(const content::SiteConfig& config, const content::PageSource& src, const markdown::ShortcodeCall& call,
               std::string* text, Diagnostics* diags) {
  if (call.name != "param" || call.paired || call.positional.empty()) return false;
  std::string name = call.positional.front();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = config.params.find(name);
  if (it == config.params.end()) {
    diags->Add({Severity::kWarning, call.pos,
                "no param '" + call.positional.front() + "' (add it to site.yaml's params:, or to Hugo's [params])",
                call.source_line, call.width, "shortcode"});
    return true;
  }
  *text = markdown::EscapeMarkdownText(Pick(it->second, src.lang, ""));
  return true;
}

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
  std::vector<std::string> places;
  if (config.content_layout == content::ContentLayout::kFolders) {
    places.push_back("content/" + std::string(content::ContentFolderOf(config, src.lang)) + "/includes/" + name);
    if (config.default_language != src.lang)
      places.push_back("content/" + std::string(content::ContentFolderOf(config, config.default_language)) + "/includes/" +
                       name);
  } else {
    places.push_back("content/includes/" + name);
  }
  if (root.empty()) return {};
  for (const std::string& place : places) {
    std::string text, error;
    uintmax_t size = 0;
    ReadInside read = ReadFileInside(root, place, &text, &error, 1 << 20, &size);
    if (read == ReadInside::kFailed) continue;
    if (read != ReadInside::kRead) {
      warn("'" + place + "' " + (read == ReadInside::kOutside ? "lies outside the site" : "is over 1 MB") +
           ": it is not included");
      return {};
    }
    // Its own front matter (`---` … `---`) is not shown.
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
    markdown::MarkdownOptions options = page;
    options.cost_refs = nullptr;  // the page's own references are its text's
    ++*depth;
    markdown::RenderedMarkdown r = markdown::RenderMarkdown(place, body, first_line, options, diags);
    --*depth;
    // Inside a paragraph ("{{< include "prereqs.md" >}} {{< version-check >}}"),
    // a file of one paragraph is its text.
    std::string& html = r.html;
    while (!html.empty() && html.back() == '\n') html.pop_back();
    if (call.in_line && html.rfind("<p>", 0) == 0 && html.size() >= 7 &&
        html.compare(html.size() - 4, 4, "</p>") == 0 && html.find("<p>", 3) == std::string::npos)
      return html.substr(3, html.size() - 7);
    return html + "\n";
  }
  std::string tried;
  for (const std::string& place : places) tried += (tried.empty() ? "" : ", ") + place;
  warn("no file '" + name + "' to include (looked for " + tried + ")");
  return {};
}

}  // namespace costsite::render
