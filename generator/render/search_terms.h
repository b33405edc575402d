// How the search index cuts text into terms: lowercase words of letters and
// digits (British spellings made American) and, in runs of CJK characters,
// each pair of neighbours. Internal to the render stage: the index
// (search_index.cpp) and SearchTerms read it. Inline, as every byte of every
// page passes here.
#ifndef COSTSITE_RENDER_SEARCH_TERMS_H_
#define COSTSITE_RENDER_SEARCH_TERMS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace costsite::render::search {

// Decodes the code point at `*i` and advances past it; U+FFFD for bad bytes.
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
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


inline int Utf8Length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

inline void AppendUtf8(char32_t cp, std::string* out) {
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
inline bool IsCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

// Latin-1/Latin Extended-A letters (ASCII letters and digits are handled
// inline by ForEachTerm).
inline bool IsWordChar(char32_t c) { return c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7; }

// Lowercase for the letters IsWordChar accepts (search.js does the same).
inline char32_t Lower(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  // Latin Extended-A pairs: upper case even, lower odd, except U+0139-U+0148.
  if (((c >= 0x100 && c <= 0x12F) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
  return c;
}

// ASCII letters and digits, by table: tested for every ASCII byte of every page.
inline constexpr auto kAsciiWord = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return t;
}();
inline bool IsAsciiWordByte(unsigned char c) { return c < 128 && kAsciiWord[c]; }

// British and American spellings of a word as one term: -ise/-isation and
// -yse forms become -ize/-ization and -yze, -our forms -or ("quantisation",
// "quantization" → "quantization"; "colours" → "colors"). Queries are
// normalised the same way (search.js), so either spelling finds both. A word
// must keep three letters before the suffix ("rise", "hour" stay).
// The suffixes, longest first for each family; search.js has the same table.
inline constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
    {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"isers", "izers"},
    {"ised", "ized"},         {"iser", "izer"},       {"ises", "izes"},   {"ise", "ize"},
    {"ysing", "yzing"},       {"ysed", "yzed"},       {"yses", "yzes"},   {"yse", "yze"},
    {"ouring", "oring"},      {"ourful", "orful"},    {"oured", "ored"},  {"ours", "ors"},
    {"our", "or"},
};

inline void NormalizeSpelling(std::string* word) {
  for (const auto& [from, to] : kSpellings) {
    // The last letter first: most words end in none of the suffixes', and
    // a call to compare per suffix per word was a percent of a build.
    if (word->back() != from.back() || word->size() < from.size() + 3) continue;
    if (word->compare(word->size() - from.size(), from.size(), from) != 0) continue;
    word->replace(word->size() - from.size(), from.size(), to);
    return;
  }
}

// Calls emit(term) for every term occurrence of `text`, in order. The hot
// loop of indexing (every byte of every page passes here): runs of ASCII
// letters and digits are copied lowercased in one go, three-byte sequences
// (all of the BMP's CJK) are decoded inline, and a CJK character or bigram is
// a view of the text itself (neighbours are adjacent bytes), so only words are
// copied.
template <class Emit>
void ForEachTerm(std::string_view text, Emit&& emit) {
  constexpr size_t kNone = std::string_view::npos;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  std::string word;
  size_t word_chars = 0;
  bool digits_only = true;
  size_t prev_cjk = kNone;  // byte offset of the previous CJK character
  size_t run_chars = 0;     // CJK characters in the current run
  size_t lone_size = 0;     // bytes of the run's first character
  auto end_word = [&] {
    if (word_chars >= 2 || (word_chars == 1 && digits_only)) {
      if (!digits_only) NormalizeSpelling(&word);
      emit(std::string_view(word));
    }
    word.clear();
    word_chars = 0;
    digits_only = true;
  };
  // A run of one CJK character is indexed as that character; longer runs
  // only by their bigrams, which a one-character query scans (search.js).
  auto end_run = [&] {
    if (run_chars == 1) emit(text.substr(prev_cjk, lone_size));
    run_chars = 0;
    prev_cjk = kNone;
  };
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (run_chars) end_run();
      if (!IsAsciiWordByte(c)) {
        if (!word.empty()) end_word();
        ++i;
        continue;
      }
      size_t start = i;
      while (i < n && IsAsciiWordByte(p[i])) {
        digits_only = digits_only && p[i] <= '9';
        ++i;
      }
      size_t at = word.size();
      word.append(text.data() + start, i - start);
      for (size_t k = at; k < word.size(); ++k)
        if (word[k] >= 'A' && word[k] <= 'Z') word[k] = static_cast<char>(word[k] + 32);
      word_chars += i - start;
      continue;
    }
    size_t start = i;
    char32_t cp;
    if ((c & 0xF0) == 0xE0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      cp = (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      i += 3;
    } else {
      cp = NextCodePoint(text, &i);
    }
    if (IsWordChar(cp)) {
      if (run_chars) end_run();
      AppendUtf8(Lower(cp), &word);
      ++word_chars;
      digits_only = false;
      continue;
    }
    if (!word.empty()) end_word();
    // Overlong encodings are not taken as views: the index holds valid UTF-8.
    if (IsCjk(cp) && static_cast<int>(i - start) == Utf8Length(cp)) {
      if (prev_cjk != kNone) emit(text.substr(prev_cjk, i - prev_cjk));
      if (run_chars++ == 0) lone_size = i - start;
      prev_cjk = start;
    } else if (run_chars) {
      end_run();
    }
  }
  end_word();
  if (run_chars) end_run();
}

}  // namespace costsite::render::search

#endif  // COSTSITE_RENDER_SEARCH_TERMS_H_
