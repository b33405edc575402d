#include "render/search_index.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstring>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <thread>
#include <unordered_set>

#include "render/spill.h"


namespace costsite::render {

namespace {

// A page is cut into parts: its top (title and the text before the first
// heading), then each h2/h3 section. A term's postings name parts: slot *
// kParts + part number; sections past the last number stay in the last part.
constexpr uint32_t kPartBits = 8;
constexpr uint32_t kParts = 1u << kPartBits;


// Decodes the code point at `*i` and advances past it; U+FFFD for bad bytes.
inline char32_t NextCodePoint(std::string_view s, size_t* i) {  // inline: called per character of every page
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


int Utf8Length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

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

// Latin-1/Latin Extended-A letters (ASCII letters and digits are handled
// inline by ForEachTerm).
bool IsWordChar(char32_t c) { return c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7; }

// Lowercase for the letters IsWordChar accepts (search.js does the same).
char32_t Lower(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  // Latin Extended-A pairs: upper case even, lower odd, except U+0139-U+0148.
  if (((c >= 0x100 && c <= 0x12F) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
  return c;
}

// ASCII letters and digits, by table: tested for every ASCII byte of every page.
constexpr auto kAsciiWord = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return t;
}();
bool IsAsciiWordByte(unsigned char c) { return c < 128 && kAsciiWord[c]; }

// British and American spellings of a word as one term: -ise/-isation and
// -yse forms become -ize/-ization and -yze, -our forms -or ("quantisation",
// "quantization" → "quantization"; "colours" → "colors"). Queries are
// normalised the same way (search.js), so either spelling finds both. A word
// must keep three letters before the suffix ("rise", "hour" stay).
// The suffixes, longest first for each family; search.js has the same table.
constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
    {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"isers", "izers"},
    {"ised", "ized"},         {"iser", "izer"},       {"ises", "izes"},   {"ise", "ize"},
    {"ysing", "yzing"},       {"ysed", "yzed"},       {"yses", "yzes"},   {"yse", "yze"},
    {"ouring", "oring"},      {"ourful", "orful"},    {"oured", "ored"},  {"ours", "ors"},
    {"our", "or"},
};

void NormalizeSpelling(std::string* word) {
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

// Reads the character at `*i`, moves past it, and returns what a JSON string
// writes instead of it: "" when it is written as it is. Quotes, backslashes
// and control characters are escaped, and U+2028/U+2029 (line ends to older
// JavaScript); invalid UTF-8 becomes U+FFFD. `buf` holds a \u00XX escape.
std::string_view JsonEscapeAt(std::string_view s, size_t* i, char (&buf)[6]) {
  static const char kHex[] = "0123456789abcdef";
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const size_t start = *i;
  const unsigned char c = static_cast<unsigned char>(s[start]);
  if (c < 0x80) {
    ++*i;
    if (c == '"') return "\\\"";
    if (c == '\\') return "\\\\";
    if (c == '\n') return "\\n";
    if (c >= 0x20) return {};
    buf[0] = '\\', buf[1] = 'u', buf[2] = '0', buf[3] = '0', buf[4] = kHex[c >> 4], buf[5] = kHex[c & 15];
    return std::string_view(buf, 6);
  }
  const char32_t cp = NextCodePoint(s, i);
  if (cp == 0xFFFD && s.substr(start, *i - start) != kReplacement) return kReplacement;  // invalid
  if (cp == 0x2028) return "\\u2028";
  if (cp == 0x2029) return "\\u2029";
  return {};
}

// Writes `s` as a JSON string (JsonEscapeAt); runs of plain bytes are copied
// at once. Every page's title passes here, and nlohmann's dump took a JSON
// value per string.
void AppendJsonString(std::string_view s, std::string* out) {
  *out += '"';
  size_t plain = 0;  // start of the run not yet copied
  char buf[6];
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (std::string_view escape = JsonEscapeAt(s, &i, buf); !escape.empty()) {
      out->append(s.data() + plain, start - plain);
      *out += escape;
      plain = i;
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  *out += '"';
}

// `text` as a JSON string with each run of white space made one space and
// none at either end, as the search box shows an excerpt, escaped as
// AppendJsonString does. One pass and one copy over every page's text, where
// collapsing and escaping were a pass and a string each.
void AppendJsonLine(std::string_view text, std::string* out) {
  *out += '"';
  size_t plain = 0;      // start of the bytes not yet copied
  bool owed = false;     // a space before the next character
  bool written = false;  // a character is out: a space may follow
  char buf[6];
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      out->append(text.data() + plain, start - plain);
      plain = ++i;
      owed = written;
      continue;
    }
    if (owed) {
      *out += ' ';
      owed = false;
    }
    written = true;
    if (std::string_view escape = JsonEscapeAt(text, &i, buf); !escape.empty()) {
      out->append(text.data() + plain, start - plain);
      *out += escape;
      plain = i;
    }
  }
  out->append(text.data() + plain, text.size() - plain);
  *out += '"';
}

}  // namespace

std::vector<std::string> SearchTerms(std::string_view text) {
  std::vector<std::string> terms;
  std::unordered_set<std::string_view> seen;
  std::vector<std::string> all;
  ForEachTerm(text, [&](std::string_view t) { all.emplace_back(t); });
  for (const std::string& t : all)
    if (seen.insert(t).second) terms.push_back(t);
  return terms;
}


// One part of a page: section 0 is the page's top, k its k-th h2/h3 section.
struct Part {
  size_t section = 0;
  size_t terms_from = 0;  // the part's terms: from here (its heading)
  size_t text_from = 0;   // its text: from here (after the heading)
  size_t to = 0;
};

// The parts of `text`, in order: each section from its heading to the next
// heading; at most kParts (the last one takes the rest of the page).
std::vector<Part> CutParts(std::string_view text, std::span<const SearchSection> sections) {
  const size_t n = std::min<size_t>(sections.size(), kParts - 1);
  auto begin_of = [&](size_t k) { return k == 0 ? 0 : std::min(text.size(), sections[k - 1].begin); };
  std::vector<Part> parts(n + 1);
  for (size_t k = 0; k <= n; ++k) {
    const size_t from = begin_of(k), to = k == n ? text.size() : std::max(from, begin_of(k + 1));
    parts[k] = {k, from, k == 0 ? 0 : std::clamp(sections[k - 1].body, from, to), to};
  }
  return parts;
}

// Term bytes to the slots of the pages holding them: the hot loop of
// indexing, where every term occurrence of every page comes.
//
// Looking a term up: its first eight bytes (all of a CJK bigram or a short
// word) are one integer kept in the table's slot with its length, so hashing
// is a multiply and comparing is two tests, in one cache line; longer terms'
// remaining bytes live in an arena.
//
// Recording a page: appending a slot to each of a page's thousand or so
// terms' lists, page after page, was a cache miss per term (a fifth of a
// build). Instead each distinct (term, page) goes to a log, written in
// order, and every 64K of them the log is sorted by term (counting sort) and
// each term's new slots are appended at once: one touch of a term's list per
// batch of pages. A list is varint deltas: a page number usually takes a byte.
class TermTable {
 public:
  struct Term {
    uint32_t offset = 0, size = 0;  // of the term's bytes in the arena
    uint32_t last_flushed = 0;      // the last slot in `postings`
    std::string postings;           // varint: first slot, then steps to each next slot
  };

  // Records that slot `slot` holds `term`. REQUIRES: slots arrive in
  // non-decreasing order.
  void Add(std::string_view term, uint32_t slot) {
    uint64_t head = Head(term);
    uint64_t h = Hash(head, term);
    if ((terms_.size() + 1) * 2 > index_.size()) Grow();
    size_t mask = index_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& e = index_[i];
      if (e.id == 0) {  // a new term
        e = {head, static_cast<uint32_t>(term.size()), static_cast<uint32_t>(terms_.size() + 1)};
        Term& t = terms_.emplace_back();
        t.offset = static_cast<uint32_t>(arena_.size());
        t.size = static_cast<uint32_t>(term.size());
        arena_.append(term);
        last_.push_back(slot);
        Log(e.id - 1, slot);
        return;
      }
      if (e.head != head || e.size != term.size()) continue;
      const Term& t = terms_[e.id - 1];
      if (term.size() > 8 && std::memcmp(arena_.data() + t.offset + 8, term.data() + 8, term.size() - 8) != 0)
        continue;
      uint32_t id = e.id - 1;
      if (last_[id] != slot) {
        last_[id] = slot;
        Log(id, slot);
      }
      return;
    }
  }

  // Moves the log into the terms' lists. Call before reading them.
  void Flush() {
    if (log_.empty()) return;
    // Counting sort by term: the log is in slot order, so each term's slots
    // stay in order.
    std::vector<uint32_t> start(terms_.size() + 1, 0);
    for (const auto& [id, slot] : log_) ++start[id + 1];
    for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<uint32_t> sorted(log_.size());
    std::vector<uint32_t> at(start.begin(), start.end() - 1);
    for (const auto& [id, slot] : log_) sorted[at[id]++] = slot;
    for (uint32_t id = 0; id < terms_.size(); ++id)
      for (uint32_t k = start[id]; k < start[id + 1]; ++k) Post(&terms_[id], sorted[k]);
    log_.clear();
  }

  // About the bytes the table holds: what a run is cut by.
  size_t Bytes() const {
    return index_.capacity() * sizeof(Slot) + terms_.capacity() * sizeof(Term) + postings_bytes_ +
           arena_.capacity() + last_.capacity() * sizeof(uint32_t) + log_.capacity() * sizeof(log_[0]);
  }
  bool empty() const { return terms_.empty(); }

  // Appends the table to `run`, terms sorted by their bytes, each as
  // varint(size) bytes varint(size) postings, and empties the table (its
  // memory freed). REQUIRES: called between pages.
  void WriteRun(SpillStream* run) {
    Flush();
    std::vector<uint32_t> order(terms_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return Text(terms_[a]) < Text(terms_[b]); });
    std::string piece;
    for (uint32_t id : order) {
      const Term& t = terms_[id];
      AppendVarint(t.size, &piece);
      piece += Text(t);
      AppendVarint(t.postings.size(), &piece);
      piece += t.postings;
      if (piece.size() >= (1u << 16)) {
        run->Append(piece);
        piece.clear();
      }
    }
    run->Append(piece);
    *this = TermTable();
  }

  const std::vector<Term>& terms() const { return terms_; }
  std::string_view Text(const Term& t) const { return std::string_view(arena_).substr(t.offset, t.size); }

  // Appends the slots of `t`, in order, to `out`. REQUIRES: Flush() since
  // the last Add.
  static void Slots(std::string_view postings, std::vector<uint32_t>* out) {
    uint32_t slot = 0, value = 0;
    int shift = 0;
    bool first = true;
    for (unsigned char b : postings) {
      value |= static_cast<uint32_t>(b & 0x7F) << shift;
      shift += 7;
      if (b & 0x80) continue;
      slot = first ? value : slot + value;
      first = false;
      out->push_back(slot);
      value = 0;
      shift = 0;
    }
  }

 private:
  struct Slot {
    uint64_t head = 0;  // the term's first 8 bytes
    uint32_t size = 0;
    uint32_t id = 0;  // 0 = empty, else term number + 1
  };

  void Log(uint32_t id, uint32_t slot) {
    log_.push_back({id, slot});
    if (log_.size() >= (1u << 16)) Flush();
  }

  // The first eight bytes of `s` as one little-endian integer, zero-padded:
  // two overlapping four-byte loads (or three single bytes), no byte loop.
  static uint64_t Head(std::string_view s) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size() < 8 ? s.size() : 8;
    if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      return a | (static_cast<uint64_t>(b) << (8 * (n - 4)));
    }
    if (n == 0) return 0;
    return p[0] | (static_cast<uint64_t>(p[n / 2]) << (8 * (n / 2))) | (static_cast<uint64_t>(p[n - 1]) << (8 * (n - 1)));
  }

  // Mixes the head, the length and any bytes past the head (a murmur3
  // finalizer per eight bytes).
  static uint64_t Hash(uint64_t head, std::string_view s) {
    auto mix = [](uint64_t h) {
      h ^= h >> 33;
      h *= 0xff51afd7ed558ccdull;
      h ^= h >> 33;
      h *= 0xc4ceb9fe1a85ec53ull;
      return h ^ (h >> 33);
    };
    uint64_t h = mix(head ^ (static_cast<uint64_t>(s.size()) << 56));
    for (size_t i = 8; i < s.size(); i += 8) h = mix(h ^ Head(s.substr(i)));
    return h;
  }

  void Post(Term* t, uint32_t slot) {
    uint32_t v = t->postings.empty() ? slot : slot - t->last_flushed;
    char buf[5];
    size_t n = 0;
    while (v >= 0x80) {
      buf[n++] = static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    buf[n++] = static_cast<char>(v);
    t->postings.append(buf, n);
    postings_bytes_ += n;
    t->last_flushed = slot;
  }

  void Grow() {
    std::vector<Slot> old = std::move(index_);
    index_.assign(std::max<size_t>(1024, old.size() * 2), Slot());
    size_t mask = index_.size() - 1;
    for (const Slot& e : old) {
      if (e.id == 0) continue;
      size_t i = Hash(e.head, Text(terms_[e.id - 1])) & mask;
      while (index_[i].id != 0) i = (i + 1) & mask;
      index_[i] = e;
    }
  }

  std::vector<Slot> index_;
  std::vector<Term> terms_;
  std::vector<uint32_t> last_;  // per term: the last slot logged
  std::vector<std::pair<uint32_t, uint32_t>> log_;  // (term, slot), in slot order
  std::string arena_;
  size_t postings_bytes_ = 0;  // of every term's list
};

// Each worker has a table per language, so indexing takes no locks; a page's
// repeated terms are caught by the term's last slot (a worker's pages arrive
// in increasing slot order).
//
// Memory: a table that grows past SearchIndexLimits::run_bytes is written out
// as a run sorted by term (between two pages, so a page's terms are in one
// run) and emptied; Finish merges every run of a language. A page's entry
// (lang, path, title, sections) is written as its JSON at once into a stream
// of its worker and language. Both streams keep a piece in memory and the
// rest in one temporary file (render/spill.h), so a build of any size holds
// a few runs and a few pieces, and per page only its Slot (8 bytes).
struct SearchIndexBuilder::Impl {
  struct Table {  // one worker's pages of one language
    TermTable terms;                                  // since the last run
    std::vector<std::unique_ptr<SpillStream>> runs;   // written out, each sorted
    std::unique_ptr<SpillStream> pages;               // entries: varint(size) JSON, in slot order
  };
  struct Worker {
    std::vector<std::pair<std::string, std::unique_ptr<Table>>> languages;  // few: a linear search
  };
  struct Slot {
    uint32_t parts = 0;   // the page's parts (its top and sections)
    uint16_t worker = 0;  // who added it
    uint8_t lang = 0;     // its language in the worker's `languages`
    bool present = false;
  };

  explicit Impl(const SearchIndexLimits& l) : limits(l), spill(l.temp_dir) {}
  std::unique_ptr<SpillStream> Stream() { return std::make_unique<SpillStream>(&spill, limits.piece_bytes); }
  Table& For(Worker& w, std::string_view lang, uint8_t* index) {
    for (size_t i = 0; i < w.languages.size(); ++i)
      if (w.languages[i].first == lang) return *w.languages[*index = static_cast<uint8_t>(i)].second;
    if (w.languages.size() > 255) throw std::length_error("search index: too many languages");
    *index = static_cast<uint8_t>(w.languages.size());
    auto& table = w.languages.emplace_back(std::string(lang), std::make_unique<Table>()).second;
    table->pages = Stream();
    return *table;
  }

  SearchIndexLimits limits;
  SpillFile spill;
  std::vector<Slot> slots;
  std::vector<Worker> workers;
};

SearchIndexBuilder::SearchIndexBuilder(size_t slots, int workers, SearchIndexLimits limits)
    : impl_(std::make_unique<Impl>(limits)) {
  if (slots >= (size_t{1} << (32 - kPartBits))) throw std::length_error("search index: too many pages");
  if (workers > 0xFFFF) throw std::length_error("search index: too many workers");
  impl_->slots.resize(slots);
  impl_->workers.resize(std::max(1, workers));
}
SearchIndexBuilder::~SearchIndexBuilder() = default;

void SearchIndexBuilder::Add(int worker, size_t slot, std::string_view lang, std::string_view path,
                             std::string_view title, std::string_view text, std::span<const SearchSection> sections) {
  Impl::Slot& entry = impl_->slots.at(slot);  // each slot is written by one thread
  Impl::Table& table = impl_->For(impl_->workers.at(worker), lang, &entry.lang);
  entry.worker = static_cast<uint16_t>(worker);
  entry.present = true;
  uint32_t s = 0;
  auto emit = [&](std::string_view term) { table.terms.Add(term, s); };
  const std::vector<Part> parts = CutParts(text, sections);
  entry.parts = static_cast<uint32_t>(parts.size());
  std::string json = "[";
  AppendJsonString(lang, &json);
  json += ',';
  AppendJsonString(path, &json);
  json += ',';
  AppendJsonString(title, &json);
  json += ",[";
  for (size_t k = 0; k < parts.size(); ++k) {
    const Part& part = parts[k];
    s = (static_cast<uint32_t>(slot) << kPartBits) | static_cast<uint32_t>(k);
    json += k ? ",[" : "[";
    AppendJsonString(part.section > 0 ? std::string_view(sections[part.section - 1].anchor) : "", &json);
    json += ',';
    AppendJsonString(part.section > 0 ? std::string_view(sections[part.section - 1].heading) : "", &json);
    json += ']';
    if (k == 0) ForEachTerm(title, emit);
    ForEachTerm(text.substr(part.terms_from, part.to - part.terms_from), emit);
  }
  json += "]]";
  std::string size;
  AppendVarint(json.size(), &size);
  table.pages->Append(size);
  table.pages->Append(json);
  if (table.terms.Bytes() >= impl_->limits.run_bytes) {
    table.runs.push_back(impl_->Stream());
    table.terms.WriteRun(table.runs.back().get());
    table.runs.back()->Seal();
  }
}

std::string SearchTextFile(std::string_view page_path) {
  std::string_view stem = page_path;
  if (stem.size() >= 5 && stem.substr(stem.size() - 5) == ".html") stem.remove_suffix(5);
  return std::string(stem) + ".search.js";
}

std::string SearchTextScript(std::string_view page_path, std::string_view text,
                             std::span<const SearchSection> sections) {
  std::string out = "costsiteSearchText(";
  out.reserve(text.size() + text.size() / 8 + 64);
  AppendJsonString(page_path, &out);
  out += ",[";
  bool first = true;
  for (const Part& part : CutParts(text, sections)) {
    if (!first) out += ',';
    first = false;
    AppendJsonLine(text.substr(part.text_from, part.to - part.text_from), &out);
  }
  out += "]);\n";
  return out;
}

std::string SearchIndexBuilder::Finish(SearchIndexStats* stats) {
  std::string text;
  Finish([&](std::string_view piece) { text += piece; }, stats);
  return text;
}

namespace {

// One sorted run being merged: its next term and that term's postings.
struct RunCursor {
  explicit RunCursor(const SpillStream* run) : reader(run) {}
  // False at the run's end; sets *error when the run cannot be read back.
  bool Next(std::atomic<bool>* error) {
    term.clear();
    postings.clear();
    if (reader.AtEnd()) return false;
    uint64_t n = 0;
    if (reader.ReadVarint(&n) && reader.Read(n, &term) && reader.ReadVarint(&n) && reader.Read(n, &postings))
      return true;
    *error = true;
    return false;
  }
  SpillStream::Reader reader;
  std::string term, postings;
};

}  // namespace

void SearchIndexBuilder::Finish(const std::function<void(std::string_view piece)>& sink,
                                SearchIndexStats* stats) {
  // Written in pieces of about a megabyte: a large site's index is tens of
  // megabytes, which need not all be in memory at once.
  constexpr size_t kPiece = 1 << 20;
  size_t bytes = 0;
  std::atomic<bool> read_error{false};
  auto to_sink = [&](std::string_view piece) {
    bytes += piece.size();
    sink(piece);
  };
  std::string out;
  out.reserve(kPiece + 4096);
  auto flush = [&](bool always) {
    if (!always && out.size() < kPiece) return;
    to_sink(out);
    out.clear();
  };
  const std::vector<Impl::Slot>& slots = impl_->slots;
  auto lang_of = [&](const Impl::Slot& s) -> std::string_view {
    return impl_->workers[s.worker].languages[s.lang].first;
  };
  // Slots to page numbers: the pages present, one language after another
  // (in the order languages first appear), each in slot order. A language's
  // pages are then numbered without gaps, so its runs are runs.
  std::vector<uint32_t> first_doc(slots.size(), 0);  // per slot: its top section's number
  std::vector<std::string_view> langs;
  for (const Impl::Slot& s : slots)
    if (s.present && std::find(langs.begin(), langs.end(), lang_of(s)) == langs.end()) langs.push_back(lang_of(s));
  size_t page_count = 0, doc_count = 0;
  out = "window.COSTSITE_SEARCH={\"v\":5,\"p\":[";
  for (std::string_view lang : langs) {
    // Each worker's entries of the language, read in order as its slots come.
    std::vector<std::unique_ptr<SpillStream::Reader>> readers(impl_->workers.size());
    for (const Impl::Slot& s : slots) {
      if (!s.present || lang_of(s) != lang) continue;
      auto& reader = readers[s.worker];
      if (!reader) reader = std::make_unique<SpillStream::Reader>(impl_->workers[s.worker].languages[s.lang].second->pages.get());
      first_doc[&s - slots.data()] = static_cast<uint32_t>(doc_count);
      doc_count += s.parts;
      if (page_count++) out += ',';
      uint64_t n = 0;
      if (!reader->ReadVarint(&n) || !reader->Read(n, &out)) read_error = true;
      flush(false);
    }
  }
  out += "],\"t\":{";
  flush(true);
  // Every worker's runs per language (what is left in a table becomes its
  // last run), languages sorted; a language without terms is left out.
  struct LanguageRuns {
    std::string_view lang;
    std::vector<const SpillStream*> runs;
  };
  std::vector<LanguageRuns> term_langs;
  for (Impl::Worker& w : impl_->workers)
    for (auto& language : w.languages) {
      const std::string_view lang = language.first;
      Impl::Table* table = language.second.get();
      if (!table->terms.empty()) {
        table->runs.push_back(impl_->Stream());
        table->terms.WriteRun(table->runs.back().get());
      }
      if (table->runs.empty()) continue;
      auto at = std::find_if(term_langs.begin(), term_langs.end(),
                             [&](const LanguageRuns& l) { return l.lang == lang; });
      if (at == term_langs.end()) at = term_langs.insert(term_langs.end(), {lang, {}});
      for (const auto& run : table->runs) at->runs.push_back(run.get());
    }
  std::sort(term_langs.begin(), term_langs.end(),
            [](const LanguageRuns& a, const LanguageRuns& b) { return a.lang < b.lang; });
  size_t run_count = 0;
  for (const LanguageRuns& l : term_langs) run_count += l.runs.size();
  std::vector<size_t> terms_in(term_langs.size(), 0);
  // Writes language k's table to `emit` in pieces: its runs merged by term
  // (a heap of cursors), each term's slots from every run merged in order.
  auto write_language = [&](size_t k, const std::function<void(std::string_view)>& emit) {
    std::string text;
    AppendJsonString(term_langs[k].lang, &text);
    text += ":{";
    std::vector<std::unique_ptr<RunCursor>> cursors;
    std::vector<size_t> heap;
    for (const SpillStream* run : term_langs[k].runs) {
      cursors.push_back(std::make_unique<RunCursor>(run));
      if (cursors.back()->Next(&read_error)) heap.push_back(cursors.size() - 1);
    }
    auto later = [&](size_t a, size_t b) { return cursors[a]->term > cursors[b]->term; };
    std::make_heap(heap.begin(), heap.end(), later);
    std::vector<uint32_t> merged;
    std::string term;
    // A number of a term's list, after a comma unless it is the first: the
    // index's most common piece (one per page a term is on), so written with
    // one append.
    bool first = true;
    auto put = [&](int64_t v) {
      char buf[24];
      char* p = buf;
      if (!first) *p++ = ',';
      first = false;
      text.append(buf, std::to_chars(p, buf + sizeof buf, v).ptr - buf);
    };
    bool first_term = true;
    while (!heap.empty()) {
      term = cursors[heap.front()]->term;
      merged.clear();
      // Each run's slots are sorted: merge them in turn.
      while (!heap.empty() && cursors[heap.front()]->term == term) {
        std::pop_heap(heap.begin(), heap.end(), later);
        RunCursor& c = *cursors[heap.back()];
        size_t mid = merged.size();
        TermTable::Slots(c.postings, &merged);
        if (mid > 0) std::inplace_merge(merged.begin(), merged.begin() + mid, merged.end());
        if (c.Next(&read_error)) std::push_heap(heap.begin(), heap.end(), later);
        else heap.pop_back();
      }
      // Terms are letters, digits and CJK characters: nothing to escape.
      text += first_term ? "\"" : ",\"";
      first_term = false;
      text += term;
      text += "\":[";
      first = true;
      // Deltas, and a run of pages that follow one another as its length,
      // negated: common words are on most pages, so their lists are mostly runs.
      uint32_t prev = 0;
      auto doc_of = [&](uint32_t slot) { return first_doc[slot >> kPartBits] + (slot & (kParts - 1)); };
      for (size_t m = 0; m < merged.size();) {
        uint32_t page = doc_of(merged[m]);
        put(page - prev);
        size_t run = 0;
        while (m + 1 + run < merged.size() && doc_of(merged[m + 1 + run]) == page + run + 1) ++run;
        if (run >= 2) {
          put(-static_cast<int64_t>(run));
          page += static_cast<uint32_t>(run);
          m += run;
        }
        prev = page;
        ++m;
      }
      text += ']';
      ++terms_in[k];
      if (text.size() >= kPiece) {
        emit(text);
        text.clear();
      }
    }
    text += '}';
    emit(text);
  };
  // Languages are independent: each one after the first is written on a
  // thread of its own (this is the serial tail of a build) into a stream
  // (in the temporary file when large), the first straight to `sink`, then
  // the others are copied after it in order.
  std::vector<std::unique_ptr<SpillStream>> later_text(term_langs.size());
  for (size_t k = 1; k < term_langs.size(); ++k) later_text[k] = impl_->Stream();
  auto write_later = [&](size_t k) { write_language(k, [&](std::string_view piece) { later_text[k]->Append(piece); }); };
  std::vector<std::thread> helpers;
  for (size_t k = 1; k < term_langs.size() && static_cast<int>(k) < static_cast<int>(impl_->workers.size()); ++k)
    helpers.emplace_back(write_later, k);
  if (!term_langs.empty()) write_language(0, to_sink);
  for (size_t k = helpers.size() + 1; k < term_langs.size(); ++k) write_later(k);
  for (auto& t : helpers) t.join();
  size_t term_count = term_langs.empty() ? 0 : terms_in[0];
  for (size_t k = 1; k < term_langs.size(); ++k) {
    to_sink(",");
    SpillStream::Reader reader(later_text[k].get());
    std::string piece;
    for (uint64_t left = later_text[k]->size(); left > 0;) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(left, kPiece));
      piece.clear();
      if (!reader.Read(n, &piece)) {
        read_error = true;
        break;
      }
      to_sink(piece);
      left -= n;
    }
    term_count += terms_in[k];
  }
  out = "}};\n";
  flush(true);
  if (stats) {
    *stats = {page_count, doc_count, term_count, bytes, run_count, {}};
    if (read_error) stats->error = "search index: cannot read back its temporary file";
  }
}

std::string BuildSearchIndex(const std::vector<OutputFile>& files, SearchIndexStats* stats) {
  SearchIndexBuilder builder(files.size(), 1);
  for (size_t i = 0; i < files.size(); ++i) {
    const OutputFile& f = files[i];
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".html") != 0) continue;
    builder.Add(0, i, f.path.substr(0, f.path.find('/')), f.path, f.title, f.search_text, f.search_sections);
  }
  return builder.Finish(stats);
}

}  // namespace costsite::render
