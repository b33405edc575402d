#include "base/fs_util.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <functional>
#include <set>
#include <system_error>

namespace costsite {

namespace fs = std::filesystem;

bool ReadFile(const fs::path& path, std::string* out, std::string* error) {
  uintmax_t size = 0;
  return ReadFile(path, out, error, UINTMAX_MAX, &size);
}

namespace {

// Reads the open file `fd` (and closes it); `path` only names it in errors.
bool ReadOpenFile(int fd, const fs::path& path, std::string* out, std::string* error, uintmax_t max_bytes,
                  uintmax_t* size) {
  // One fstat and one read into a string of the exact size: a stream would
  // copy through its buffer and leave up to twice the capacity, and every
  // page's text stays in memory for the whole build. The size limit is
  // checked on the open file, not by a stat of the path first.
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    *error = "cannot read " + path.string();
    return false;
  }
  if (st.st_size > 0 && static_cast<uintmax_t>(st.st_size) > max_bytes) {
    ::close(fd);
    error->clear();
    *size = static_cast<uintmax_t>(st.st_size);
    return false;
  }
  out->clear();
  out->resize(static_cast<size_t>(std::max<off_t>(st.st_size, 0)));
  // A regular file is read up to the size fstat gave, without a read that
  // only finds the end; other files (a pipe, /proc) have no size to trust.
  const bool sized = S_ISREG(st.st_mode) && st.st_size > 0;
  size_t have = 0;
  char more[4096];  // past the size fstat gave: a file without one
  for (;;) {
    bool tail = have == out->size();
    if (tail && sized) break;
    ssize_t n = tail ? ::read(fd, more, sizeof more) : ::read(fd, out->data() + have, out->size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      *error = "cannot read " + path.string() + ": " + std::strerror(errno);
      return false;
    }
    if (n == 0) break;
    if (tail) out->append(more, static_cast<size_t>(n));
    have += static_cast<size_t>(n);
  }
  ::close(fd);
  out->resize(have);
  *size = have;
  return true;
}

// Opens `rel` below the folder `root_fd` when every link on the way stays
// below it, in one call that checks and opens together (nothing can swap a
// link in between). -1 with errno EXDEV when the walk would leave the
// folder, which includes any absolute link, even one pointing back inside;
// ENOSYS or EPERM where the kernel or a sandbox lacks openat2.
int OpenBeneath(int root_fd, const std::string& rel) {
#ifdef SYS_openat2
  struct open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  return static_cast<int>(::syscall(SYS_openat2, root_fd, rel.c_str(), &how, sizeof how));
#else
  (void)root_fd;
  (void)rel;
  errno = ENOSYS;
  return -1;
#endif
}

}  // namespace

bool ReadFile(const fs::path& path, std::string* out, std::string* error, uintmax_t max_bytes, uintmax_t* size) {
  return ReadOpenFile(::open(path.c_str(), O_RDONLY | O_CLOEXEC), path, out, error, max_bytes, size);
}

ReadInside ReadFileInside(const fs::path& root, const std::string& rel, std::string* out, std::string* error,
                          uintmax_t max_bytes, uintmax_t* size) {
  const fs::path path = root / rel;
  int root_fd = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  int fd = root_fd < 0 ? -1 : OpenBeneath(root_fd, rel);
  const int open_errno = errno;
  if (root_fd >= 0) ::close(root_fd);
  if (fd < 0 && (root_fd < 0 || open_errno == EXDEV || open_errno == ENOSYS || open_errno == EPERM ||
                 open_errno == ELOOP)) {
    // Not settled by the kernel's walk: an absolute link may still point
    // back inside, so the whole rule is applied to the resolved path.
    if (!InsideRoot(root, path)) return ReadInside::kOutside;
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (ReadOpenFile(fd, path, out, error, max_bytes, size)) return ReadInside::kRead;
  return error->empty() ? ReadInside::kTooLarge : ReadInside::kFailed;
}

bool IsWithin(const fs::path& path, const fs::path& dir) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path d = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  auto [dend, pit] = std::mismatch(d.begin(), d.end(), p.begin(), p.end());
  if (dend == d.end()) return true;
  // A trailing empty element ("dir/") still counts as inside.
  return std::next(dend) == d.end() && dend->empty();
}

bool InsideRoot(const fs::path& root, const fs::path& p) {
  return IsWithin(p, root);  // both resolved by weakly_canonical
}

std::vector<std::string> ListFiles(const fs::path& dir, const fs::path& root,
                                   std::vector<std::string>* escaped) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  // The folder itself may be a link to elsewhere; then what lies below it
  // is outside too, though no entry is a link.
  if (!InsideRoot(root, dir)) {
    if (escaped) escaped->push_back("");
    return files;
  }
  // The real folders are walked first, then the links to folders (inside
  // the root) in path order, each folder once: a link to a folder already
  // read, or to one of its ancestors, adds nothing, so a loop ends and a
  // price list reached twice is not read twice.
  std::set<fs::path> seen;  // every folder walked, resolved
  std::vector<std::string> links;  // relative to `dir`: links to folders still to walk
  auto walk = [&](const fs::path& folder) {
    seen.insert(fs::weakly_canonical(folder, ec));
    auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      // Lexically: fs::relative would follow the very symlink being checked.
      std::string rel = p.lexically_relative(dir).generic_string();
      if (it->is_symlink(ec)) {
        if (!InsideRoot(root, p)) {
          if (escaped) escaped->push_back(rel);
          continue;
        }
        if (it->is_directory(ec)) {
          links.push_back(rel);
          continue;
        }
      } else if (it->is_directory(ec)) {
        seen.insert(fs::weakly_canonical(p, ec));
      }
      if (it->is_regular_file(ec)) files.push_back(rel);
    }
  };
  walk(dir);
  while (!links.empty()) {
    std::sort(links.begin(), links.end(), std::greater<>());
    std::string rel = std::move(links.back());
    links.pop_back();
    fs::path target = fs::weakly_canonical(dir / rel, ec);
    bool read = false;
    for (fs::path up = target; !read; up = up.parent_path()) {
      read = seen.count(up) > 0;
      if (up == up.parent_path()) break;
    }
    if (!read) walk(dir / rel);
  }
  std::sort(files.begin(), files.end());
  return files;
}

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  bool ok = n != 0 && i + n <= s.size();
  for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  if (ok && n == 2) ok = b >= 0xC2;
  if (ok && n == 3) {
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 >= 0xA0);
  }
  if (ok && n == 4) {
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    ok = b <= 0xF4 && !(b == 0xF0 && b1 < 0x90) && !(b == 0xF4 && b1 >= 0x90);
  }
  return ok ? n : 0;
}

namespace {

// Every page passes here: ASCII is skipped eight bytes at a time, the
// three-byte sequences of CJK text (lead E1-EC or EE-EF, whose second byte
// has no further limits) are checked inline, and positions are only worked
// out for a file that turns out to be invalid.
bool WellFormed(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (((b >= 0xE1 && b <= 0xEC) || b >= 0xEE) && b <= 0xEF && i + 2 < s.size() && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace

bool ValidUtf8(std::string_view s, int* line, int* col) {
  if (WellFormed(s)) return true;
  int l = 1, c = 1;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      *line = l;
      *col = c;
      return false;
    }
    if (b == '\n') {
      ++l;
      c = 1;
    } else {
      c += static_cast<int>(n);
    }
    i += n;
  }
  return true;
}

}  // namespace costsite
