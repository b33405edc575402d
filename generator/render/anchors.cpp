#include "render/anchors.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_map>

#include "render/site_renderer.h"

namespace costsite::render {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// ASCII only, inline: every tag and attribute name of every page passes
// here, and HTML's names are ASCII (the C library's tolower is a call that
// consults the locale).
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return Lower(c); });
  return out;
}

size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from) {
  auto it = std::search(hay.begin() + std::min(from, hay.size()), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return Lower(a) == Lower(b); });
  return it == hay.end() ? std::string_view::npos : static_cast<size_t>(it - hay.begin());
}

void AppendUtf8(unsigned long cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Character references in an attribute value: numeric ones and the named ones
// HTML escapers write; anything else stays as written.
std::string DecodeEntities(std::string_view s) {
  static const std::pair<std::string_view, char> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    auto named = std::find_if(std::begin(kNamed), std::end(kNamed), [&](const auto& e) { return e.first == name; });
    if (named != std::end(kNamed)) {
      out += named->second;
    } else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (digits.empty() || *end != '\0') {
        out += s[i];
        continue;
      }
      AppendUtf8(cp, &out);
    } else {
      out += s[i];
      continue;
    }
    i = semi;
  }
  return out;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// ASCII case-insensitive equality with a lowercase literal, without copying:
// every tag and attribute name of every page is compared.
bool NameIs(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}

// Reads the attributes of the tag whose name ends at `p`, adding ids to `ids`;
// returns the position after the tag.
size_t ReadAttributes(std::string_view html, size_t p, bool anchor, std::vector<std::string>* ids) {
  while (p < html.size() && html[p] != '>') {
    if (IsSpace(html[p]) || html[p] == '/') {
      ++p;
      continue;
    }
    size_t start = p;
    while (p < html.size() && !IsSpace(html[p]) && html[p] != '=' && html[p] != '>' && html[p] != '/') ++p;
    std::string_view attr = html.substr(start, p - start);
    while (p < html.size() && IsSpace(html[p])) ++p;
    if (p >= html.size() || html[p] != '=') continue;
    ++p;
    while (p < html.size() && IsSpace(html[p])) ++p;
    std::string_view value;
    if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
      size_t close = html.find(html[p], p + 1);
      if (close == std::string_view::npos) close = html.size();
      value = html.substr(p + 1, close - p - 1);
      p = std::min(close + 1, html.size());
    } else {
      size_t v = p;
      while (p < html.size() && !IsSpace(html[p]) && html[p] != '>') ++p;
      value = html.substr(v, p - v);
    }
    if (!value.empty() && (NameIs(attr, "id") || (anchor && NameIs(attr, "name"))))
      ids->push_back(value.find('&') == std::string_view::npos ? std::string(value) : DecodeEntities(value));
  }
  return p + 1;
}

}  // namespace

std::vector<std::string> CollectIds(std::string_view html) {
  std::vector<std::string> ids;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    // '!' first: compare() was a memcmp call for every tag of every page.
    if (i + 3 < html.size() && html[i + 1] == '!' && html[i + 2] == '-' && html[i + 3] == '-') {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    size_t p = i + 1;
    if (p >= html.size() || !IsAsciiAlpha(html[p])) {
      ++i;
      continue;
    }
    while (p < html.size() && !IsSpace(html[p]) && html[p] != '>' && html[p] != '/') ++p;
    std::string_view tag = html.substr(i + 1, p - i - 1);
    i = ReadAttributes(html, p, NameIs(tag, "a"), &ids);
    bool script = NameIs(tag, "script");
    if (script || NameIs(tag, "style")) {  // raw text up to the end tag
      i = FindNoCase(html, script ? "</script" : "</style", i);
      if (i == std::string_view::npos) break;
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string_view Fragment(std::string_view url) {
  size_t hash = url.find('#');
  return hash == std::string_view::npos ? std::string_view() : url.substr(hash + 1);
}

IdList::IdList(std::initializer_list<std::string_view> ids)
    : IdList(std::vector<std::string>(ids.begin(), ids.end())) {}

IdList::IdList(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  size_t bytes = 0;
  for (const std::string& id : ids) bytes += id.size() + 2;
  packed_.reserve(bytes);
  for (const std::string& id : ids) {
    for (size_t v = id.size(); ; v >>= 7) {
      packed_ += static_cast<char>((v & 0x7F) | (v >= 0x80 ? 0x80 : 0));
      if (v < 0x80) break;
    }
    packed_ += id;
  }
  packed_.shrink_to_fit();
}

// A linear scan: a page has tens of ids, and only fragment links ask.
bool IdList::Contains(std::string_view id) const {
  for (size_t i = 0; i < packed_.size();) {
    size_t size = 0;
    for (int shift = 0; i < packed_.size(); shift += 7) {
      unsigned char b = static_cast<unsigned char>(packed_[i++]);
      size |= static_cast<size_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) break;
    }
    if (std::string_view(packed_).substr(i, size) == id) return true;
    i += size;
  }
  return false;
}

bool FragmentFound(const IdList& ids, std::string_view fragment) {
  if (fragment.empty() || Lower(fragment) == "top") return true;  // HTML: the top of the document
  return ids.Contains(fragment) || ids.Contains(PercentDecode(fragment));
}

void CheckAnchors(const std::vector<OutputFile>& files, Diagnostics* diags, const ReadIds& read_back) {
  std::unordered_map<std::string_view, const std::optional<IdList>*> ids;
  for (const OutputFile& f : files) ids.emplace(f.path, &f.anchors.ids);
  std::unordered_map<std::string_view, std::optional<IdList>> read;  // targets read back, by path
  for (const OutputFile& f : files) {
    for (const FragmentLink& link : f.anchors.links) {
      auto target = ids.find(link.target);
      const std::optional<IdList>* found = target == ids.end() ? nullptr : target->second;
      if (!found || !*found) {
        auto [at, added] = read.try_emplace(link.target);
        if (added && read_back) at->second = read_back(link.target);
        found = &at->second;
      }
      if (!*found || FragmentFound(**found, link.id)) continue;
      diags->Add({Severity::kWarning, link.pos,
                  "link to '" + link.url + "': " + link.page + " has no heading or element with id '" + link.id + "'",
                  link.line, 1, "broken-anchor"});
    }
  }
}

}  // namespace costsite::render
