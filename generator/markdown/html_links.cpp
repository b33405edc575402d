#include "markdown/html_links.h"

#include <cctype>

namespace costsite::markdown {

namespace {

bool NameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The few character references a URL attribute holds in practice.
std::string DecodeReferences(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kRefs[] = {
      {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool done = false;
    if (s[i] == '&')
      for (const auto& ref : kRefs)
        if (s.compare(i, ref.first.size(), ref.first) == 0) {
          out += ref.second;
          i += ref.first.size() - 1;
          done = true;
          break;
        }
    if (!done) out += s[i];
  }
  return out;
}

}  // namespace

std::vector<HtmlUrl> FindHtmlUrls(std::string_view html) {
  std::vector<HtmlUrl> out;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
  };
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t close = html.find("-->", i + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    ++i;
    if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
    size_t name_start = i;
    while (i < html.size() && NameChar(html[i])) ++i;
    std::string tag = Lower(html.substr(name_start, i - name_start));
    for (;;) {  // attributes, up to the tag's end
      skip_space();
      if (i >= html.size() || html[i] == '>' || html[i] == '/' || html[i] == '<') break;
      size_t attr_start = i;
      while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '=' &&
             html[i] != '>' && html[i] != '/')
        ++i;
      if (i == attr_start) {
        ++i;
        continue;
      }
      std::string attr = Lower(html.substr(attr_start, i - attr_start));
      skip_space();
      if (i >= html.size() || html[i] != '=') continue;
      ++i;
      skip_space();
      size_t begin, end;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        char quote = html[i];
        begin = i + 1;
        end = html.find(quote, begin);
        if (end == std::string_view::npos) return out;  // an unfinished tag: nothing more to read
        i = end + 1;
      } else {
        begin = i;
        while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '>') ++i;
        end = i;
      }
      if (attr == "href" || attr == "src")
        out.push_back({begin, end, DecodeReferences(html.substr(begin, end - begin)),
                       attr == "src" && (tag == "img" || tag == "source")});
    }
    if (tag == "script" || tag == "style") {  // their text is not HTML
      size_t close = Lower(html.substr(i)).find("</" + tag);
      i = close == std::string::npos ? html.size() : i + close;
    }
  }
  return out;
}

std::string AttributeValue(std::string_view url) {
  std::string out;
  for (char c : url) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace costsite::markdown
