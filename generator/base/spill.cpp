#include "base/spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace costsite {

namespace {

// An unnamed file in `dir`: O_TMPFILE where the file system has it, else a
// named one removed at once. -1 when neither can be made.
int OpenUnnamed(const std::filesystem::path& dir) {
#ifdef O_TMPFILE
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
#endif
  std::string name = (dir / "costsite-spill-XXXXXX").string();
  int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named >= 0) ::unlink(name.c_str());
  return named;
}

}  // namespace

SpillFile::SpillFile(std::filesystem::path dir) : dir_(std::move(dir)) {}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool SpillFile::Append(std::string_view data, uint64_t* at) {
  int fd;
  {
    // The file is made at the first piece: a small site makes none.
    std::lock_guard<std::mutex> lock(mu_);
    if (fd_ < 0 && !failed_) {
      std::error_code ec;
      std::filesystem::path dir = dir_.empty() ? std::filesystem::temp_directory_path(ec) : dir_;
      fd_ = ec ? -1 : OpenUnnamed(dir);
      failed_ = fd_ < 0;
    }
    if (failed_) return false;
    fd = fd_;
    *at = size_;
    size_ += data.size();  // the range is this caller's, written outside the lock
  }
  for (size_t done = 0; done < data.size();) {
    ssize_t n = ::pwrite(fd, data.data() + done, data.size() - done, static_cast<off_t>(*at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;  // the range stays unused; the caller keeps its bytes
    done += static_cast<size_t>(n);
  }
  return true;
}

bool SpillFile::Read(uint64_t at, size_t size, char* out) const {
  for (size_t done = 0; done < size;) {
    ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

void SpillStream::Append(std::string_view data) {
  tail_.append(data);
  size_ += data.size();
  if (tail_.size() < piece_) return;
  uint64_t at = 0;
  // A piece that cannot be written stays in memory: more memory, same bytes.
  if (!file_->Append(tail_, &at)) return;
  extents_.push_back({at, tail_.size()});
  tail_.clear();
}

void SpillStream::Seal() {
  uint64_t at = 0;
  if (tail_.empty() || !file_->Append(tail_, &at)) return;  // not written: kept, as in Append
  extents_.push_back({at, tail_.size()});
  std::string().swap(tail_);
}

// Moves the next block of the stream into buf_; false at the end or on a
// read error.
bool SpillStream::Reader::Fill() {
  buf_.clear();  // called once the buffer is read to its end
  buf_at_ = 0;
  while (extent_ < stream_->extents_.size() && in_extent_ == stream_->extents_[extent_].size) {
    ++extent_;
    in_extent_ = 0;
  }
  if (extent_ < stream_->extents_.size()) {
    const Extent& e = stream_->extents_[extent_];
    size_t n = static_cast<size_t>(std::min<uint64_t>(block_, e.size - in_extent_));
    buf_.resize(n);
    if (!stream_->file_->Read(e.at + in_extent_, n, buf_.data())) return false;
    in_extent_ += n;
    return true;
  }
  if (extent_ == stream_->extents_.size() && in_extent_ < stream_->tail_.size()) {
    const auto n = static_cast<size_t>(std::min<uint64_t>(block_, stream_->tail_.size() - in_extent_));  // the tail, held in memory
    buf_.append(stream_->tail_, static_cast<size_t>(in_extent_), n);
    in_extent_ += n;
    return true;
  }
  return false;
}

bool SpillStream::Reader::Read(size_t n, std::string* out) {
  // Copied out a block at a time: gathered whole in the buffer first, a
  // common term's list (100 KB at 2 x 50,000 pages) left every one of the
  // index merge's hundred readers holding a buffer that large.
  while (n > 0) {
    if (buf_at_ == buf_.size() && !Fill()) return false;
    const size_t take = std::min(n, buf_.size() - buf_at_);
    out->append(buf_, buf_at_, take);
    buf_at_ += take;
    read_ += take;
    n -= take;
  }
  return true;
}

bool SpillStream::Reader::ReadVarint(uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (buf_at_ == buf_.size() && !Fill()) return false;
    unsigned char b = static_cast<unsigned char>(buf_[buf_at_++]);
    ++read_;
    *v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

HeldText::HeldText(std::string text) {
  if (!text.empty()) word_ = reinterpret_cast<uintptr_t>(new std::string(std::move(text)));
}

HeldText::HeldText(const HeldText& o) : file_(o.file_), word_(o.word_) {
  if (!file_ && o.word_) word_ = reinterpret_cast<uintptr_t>(new std::string(*o.text()));
}

HeldText::HeldText(HeldText&& o) noexcept : file_(std::move(o.file_)), word_(std::exchange(o.word_, 0)) {}

HeldText& HeldText::operator=(HeldText o) noexcept {
  std::swap(file_, o.file_);
  std::swap(word_, o.word_);
  return *this;
}

HeldText::~HeldText() {
  if (!file_) delete text();
}

const std::string* HeldText::in_memory() const {
  static const std::string kEmpty;
  if (file_) return nullptr;
  return word_ ? text() : &kEmpty;
}

std::string HeldText::str() const {
  if (!file_) return word_ ? *text() : std::string();
  const uint64_t at = word_ >> kSizeBits, size = word_ & kMaxSize;
  std::string out(size, '\0');
  if (!file_->file().Read(at, size, out.data())) out.clear();
  return out;
}

TextShelf::TextShelf(std::filesystem::path dir, size_t piece)
    : file_(new HeldFile(std::move(dir))), piece_(piece) {}

TextShelf::~TextShelf() { Flush(); }  // the texts put away hold the file still

void TextShelf::Put(HeldText* text) {
  if (text->file_ || !text->word_ || text->text()->size() > HeldText::kMaxSize) return;
  held_ += *text->text();
  waiting_.push_back(text);
  if (held_.size() >= piece_) Flush();
}

void TextShelf::Flush() {
  uint64_t at = 0;
  if (held_.empty() || !file_->file().Append(held_, &at) || at + held_.size() > HeldText::kMaxAt) {
    // Not written, or past what a place holds: the texts stay in memory.
    held_.clear();
    waiting_.clear();
    return;
  }
  for (HeldText* text : waiting_) {
    const uint64_t size = text->text()->size();
    delete text->text();
    text->word_ = at << HeldText::kSizeBits | size;
    text->file_ = file_;
    at += size;
  }
  held_.clear();
  waiting_.clear();
}

}  // namespace costsite
