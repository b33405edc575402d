// Byte streams too large to hold while a large site renders (the search
// index's sorted runs and page entries, the names of the files written),
// written once in order and read back
// once in order. Each stream keeps up to a piece in memory and appends every
// full piece to one unnamed temporary file that its streams share, so what a
// build holds does not grow with the number of pages. A small site never
// fills a piece and creates no file.
#ifndef COSTSITE_BASE_SPILL_H_
#define COSTSITE_BASE_SPILL_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/counted.h"

namespace costsite {

/// An unnamed file in a temporary folder, deleted when closed; appends from
/// several threads at once are safe.
class SpillFile {
 public:
  /// `dir`: where the file is made ("" = std::filesystem::temp_directory_path()).
  explicit SpillFile(std::filesystem::path dir = {});
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  /// Appends `data` and sets `*at` to its offset; false when the file cannot
  /// be made or written (the caller keeps the bytes in memory instead).
  bool Append(std::string_view data, uint64_t* at);
  /// Reads `size` bytes at `at` into `out`; false on a read error.
  bool Read(uint64_t at, size_t size, char* out) const;

 private:
  std::filesystem::path dir_;
  std::mutex mu_;
  int fd_ = -1;
  bool failed_ = false;
  uint64_t size_ = 0;
};

/// Bytes appended in order, their full pieces in a SpillFile.
class SpillStream {
 public:
  /// REQUIRES: `file` outlives the stream. `piece`: bytes held before they are
  /// written out.
  SpillStream(SpillFile* file, size_t piece) : file_(file), piece_(piece) {}
  void Append(std::string_view data);
  /// Writes out the bytes still held (less than a piece) and frees their
  /// buffer, for a stream that is complete: a build writes many runs, and
  /// each held up to a piece until the end.
  void Seal();
  /// Bytes appended in all.
  uint64_t size() const { return size_; }
  /// Bytes held in memory, not yet written out.
  size_t held() const { return tail_.size(); }

  /// Reads the stream from its start, in order, `block` bytes of the file
  /// at a time: a reader holds one block, however long what it reads is.
  class Reader {
   public:
    explicit Reader(const SpillStream* stream, size_t block = size_t{64} << 10)
        : stream_(stream), block_(block ? block : 1) {}
    /// Appends the next `n` bytes to `out`; false past the end or on a read
    /// error (`out` may then hold part of them).
    bool Read(size_t n, std::string* out);
    /// The next unsigned LEB128 number.
    bool ReadVarint(uint64_t* v);
    bool AtEnd() const { return read_ >= stream_->size_; }
    /// Bytes the reader's buffer holds room for.
    size_t buffered() const { return buf_.capacity(); }

   private:
    bool Fill();
    const SpillStream* stream_;
    size_t block_;
    uint64_t read_ = 0;   // bytes of the stream consumed
    size_t extent_ = 0;   // the extent being read (extents_.size(): the memory tail)
    uint64_t in_extent_ = 0;
    std::string buf_;
    size_t buf_at_ = 0;
  };

 private:
  struct Extent {
    uint64_t at = 0, size = 0;
  };
  SpillFile* file_;
  size_t piece_;
  uint64_t size_ = 0;
  std::vector<Extent> extents_;  // written out, in order
  std::string tail_;             // after them, in memory
};

/// A SpillFile shared by the HeldTexts put away in it and the TextShelf that
/// put them there (through CountedRef), deleted with the last.
class HeldFile : public Counted {
 public:
  explicit HeldFile(std::filesystem::path dir) : file_(std::move(dir)) {}
  SpillFile& file() const { return file_; }

 private:
  mutable SpillFile file_;
};

/// A text kept for a whole build but read seldom (a page's first paragraph,
/// which only lists show): in memory, or, once a TextShelf has put it away,
/// its place in a SpillFile that many such texts share.
class HeldText {
 public:
  HeldText() = default;
  HeldText(std::string text);  // NOLINT: a text is held as it is
  HeldText(const char* text) : HeldText(std::string(text)) {}  // NOLINT
  HeldText(const HeldText& o);
  HeldText(HeldText&& o) noexcept;
  HeldText& operator=(HeldText o) noexcept;
  ~HeldText();
  /// The text, read back from its file when put away ("" if it cannot be read).
  std::string str() const;
  bool empty() const { return !file_ && !word_; }
  bool put_away() const { return file_ != nullptr; }
  /// The text when in memory (at a place that stays while it is held); null
  /// once put away (str() reads it back).
  const std::string* in_memory() const;
  friend bool operator==(const HeldText& a, const HeldText& b) { return a.str() == b.str(); }

 private:
  friend class TextShelf;
  // Put away: the offset in `file_` (40 bits) and the size (24 bits); a text
  // larger than that stays in memory.
  static constexpr int kSizeBits = 24;
  static constexpr uint64_t kMaxSize = (uint64_t{1} << kSizeBits) - 1, kMaxAt = (uint64_t{1} << 40) - 1;
  // Every page holds one, from loading to the end of rendering: 16 bytes,
  // where the text inline beside a shared_ptr to the file took 48.
  CountedRef<HeldFile> file_;
  // With file_: the place. Without: the text in memory, on the heap (0 when empty).
  uint64_t word_ = 0;
  std::string* text() const { return reinterpret_cast<std::string*>(static_cast<uintptr_t>(word_)); }
};

/// Puts HeldTexts away into one SpillFile, a piece of many texts at a time
/// (one write per piece, not per text).
class TextShelf {
 public:
  /// `dir`: where the file is made ("" = the system's temporary folder).
  explicit TextShelf(std::filesystem::path dir = {}, size_t piece = size_t{64} << 10);
  ~TextShelf();
  TextShelf(const TextShelf&) = delete;
  TextShelf& operator=(const TextShelf&) = delete;
  /// Puts `text` away (at the latest at Flush). REQUIRES: `text` stays where
  /// it is until then. An empty text, or one already put away, stays as it is.
  void Put(HeldText* text);
  /// Writes out the texts not yet written; a text that cannot be written stays in memory.
  void Flush();

 private:
  CountedRef<HeldFile> file_;  // held by the shelf too
  size_t piece_;
  std::string held_;
  std::vector<HeldText*> waiting_;  // their texts are in `held_`, in order
};

/// Appends `v` as unsigned LEB128 (seven bits a byte, low first). Inline:
/// the search index writes one for every page a term is on.
inline void AppendVarint(uint64_t v, std::string* out) {
  char buf[10];
  size_t n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out->append(buf, n);
}

/// Reads a value AppendVarint wrote at `*at` of `in`, moving `*at` past it;
/// false when `in` ends first or the value runs past 64 bits.
inline bool ReadVarint(std::string_view in, size_t* at, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *at < in.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in[(*at)++]);
    *v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

/// A signed value as an unsigned one whose varint is short when the
/// magnitude is small (0, -1, 1, -2… as 0, 1, 2, 3…), and back.
inline uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
inline int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

}  // namespace costsite

#endif  // COSTSITE_BASE_SPILL_H_
