#include "render/search_index.h"

#include <map>
#include <unordered_map>
#include <unordered_set>
#include <nlohmann/json.hpp>
#include <set>

namespace costsite::render {

namespace {

constexpr size_t kSnippetChars = 160;

// Decodes the code point at `*i` and advances past it; U+FFFD for bad bytes.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
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

// Han ideographs (and their extensions) and kana: scripts without spaces.
bool IsCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

// ASCII letters and digits, and Latin-1/Latin Extended-A letters.
bool IsWordChar(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7);
}

// Lowercase for the letters IsWordChar accepts (search.js does the same).
char32_t Lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  // Latin Extended-A pairs: upper case even, lower odd, except U+0139-U+0148.
  if (((c >= 0x100 && c <= 0x12F) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
  return c;
}

bool IsDigits(const std::u32string& w) {
  for (char32_t c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::vector<std::string> SearchTerms(std::string_view text) {
  std::vector<std::string> terms;
  std::unordered_set<std::string> seen;  // hot: one lookup per word and bigram
  auto add = [&](const std::u32string& t) {
    std::string s;
    for (char32_t c : t) AppendUtf8(c, &s);
    if (seen.insert(s).second) terms.push_back(std::move(s));
  };
  std::u32string word;
  char32_t prev_cjk = 0;
  auto end_word = [&] {
    if (word.size() >= 2 || (!word.empty() && IsDigits(word))) add(word);
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    char32_t c = NextCodePoint(text, &i);
    if (IsWordChar(c)) {
      word += Lower(c);
      prev_cjk = 0;
      continue;
    }
    end_word();
    if (IsCjk(c)) {
      add(std::u32string(1, c));
      if (prev_cjk) add(std::u32string{prev_cjk, c});
      prev_cjk = c;
    } else {
      prev_cjk = 0;
    }
  }
  end_word();
  return terms;
}

std::string Snippet(std::string_view text, size_t max_chars) {
  std::string out;
  size_t count = 0;
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    char32_t c = NextCodePoint(text, &i);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (count == max_chars) {
      out += "…";
      return out;
    }
    if (space) {
      out += ' ';
      ++count;
      space = false;
    }
    AppendUtf8(c, &out);
    ++count;
  }
  return out;
}

std::string BuildSearchIndex(const std::vector<OutputFile>& files, SearchIndexStats* stats) {
  using nlohmann::json;
  json pages = json::array();
  // Hashed while collecting (the hot path); the JSON object sorts the keys,
  // so the file does not depend on hash order.
  std::map<std::string, std::unordered_map<std::string, std::vector<int>>> postings;  // lang -> term -> pages
  for (const OutputFile& f : files) {
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".html") != 0) continue;
    std::string lang = f.path.substr(0, f.path.find('/'));
    int page = static_cast<int>(pages.size());
    pages.push_back({lang, f.path, f.title, Snippet(f.search_text, kSnippetChars)});
    auto& terms = postings[lang];
    for (std::string& t : SearchTerms(f.title + "\n" + f.search_text)) terms[t].push_back(page);
  }
  json index = {{"v", 1}, {"p", pages}, {"t", json::object()}};
  size_t term_count = 0;
  for (const auto& [lang, terms] : postings) {
    json& j = index["t"][lang];
    j = json::object();
    for (const auto& [term, list] : terms) j[term] = list;
    term_count += terms.size();
  }
  std::string text = "window.COSTSITE_SEARCH=" +
                     index.dump(-1, ' ', false, json::error_handler_t::replace) + ";\n";
  if (stats) *stats = {pages.size(), term_count, text.size()};
  return text;
}

}  // namespace costsite::render
