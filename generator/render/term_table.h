// The search index's table of terms, internal to the render stage
// (search_index.cpp): each term's bytes to the parts of the pages that hold
// it, written out as a run sorted by term.
#ifndef COSTSITE_RENDER_TERM_TABLE_H_
#define COSTSITE_RENDER_TERM_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/spill.h"

namespace costsite::render::search {

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
// order, and every `batch` of them (64K) the log is sorted by term (counting
// sort) and each term's new slots are appended at once: one touch of a term's
// list per batch of pages. A list is varint deltas: a page number usually
// takes a byte.
class TermTable {
 public:
  // `batch`: entries of the log sorted in at once (eight bytes each). A table
  // cut into runs at a small size needs a small batch: a log of 512 KB in a
  // table of 512 KB cut a run after every page.
  explicit TermTable(uint32_t batch = 1u << 16) : batch_(batch ? batch : 1) {}

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
    *this = TermTable(batch_);
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
    if (log_.size() >= batch_) Flush();
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
    const size_t before = t->postings.size();
    AppendVarint(t->postings.empty() ? slot : slot - t->last_flushed, &t->postings);
    postings_bytes_ += t->postings.size() - before;
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
  uint32_t batch_;
};

}  // namespace costsite::render::search

#endif  // COSTSITE_RENDER_TERM_TABLE_H_
