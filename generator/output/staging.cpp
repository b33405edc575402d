#include "output/staging.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <dirent.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <atomic>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace costsite::output {

namespace fs = std::filesystem;

namespace {

fs::path Normal(const fs::path& p) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(p, ec), ec);
}

bool Inside(const fs::path& p, const fs::path& dir) {  // p == dir or below it
  auto [d, q] = std::mismatch(dir.begin(), dir.end(), p.begin(), p.end());
  return d == dir.end();
}

// The staging folder currently in use, removed if the build is interrupted.
// A plain buffer, because a signal handler may only touch such memory.
char g_staging_path[4096];
std::atomic<bool> g_staging_active{false};
// Set by the signal handler: writers stop so the folder can be removed.
std::atomic<bool> g_aborting{false};
// The lock file this process holds (OutputLock), removed if interrupted.
char g_lock_path[4096];
std::atomic<bool> g_lock_held{false};

// struct linux_dirent64, as getdents64(2) fills it.
struct DirEntry64 {
  uint64_t ino;
  int64_t off;
  unsigned short reclen;
  unsigned char type;
  char name[1];
};

// Removes the entry `name` of the folder `dirfd`, and everything below it,
// with system calls only: a signal handler may run while another thread
// holds malloc's lock, so it must neither allocate nor fork (fork takes that
// lock too, and the build would hang instead of stopping).
void RemoveTreeAt(int dirfd, const char* name, int depth) {
  if (unlinkat(dirfd, name, 0) == 0 || (errno != EISDIR && errno != EPERM)) return;
  int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  alignas(8) char buf[4096];
  for (long n; (n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0;) {
    for (long at = 0; at < n;) {
      const DirEntry64* e = reinterpret_cast<const DirEntry64*>(buf + at);
      at += e->reclen;
      if (e->name[0] == '.' && (e->name[1] == '\0' || (e->name[1] == '.' && e->name[2] == '\0'))) continue;
      if (e->type == DT_DIR && depth < 64) {
        RemoveTreeAt(fd, e->name, depth + 1);
      } else if (unlinkat(fd, e->name, 0) != 0 && errno == EISDIR && depth < 64) {
        RemoveTreeAt(fd, e->name, depth + 1);
      }
    }
  }
  close(fd);
  unlinkat(dirfd, name, AT_REMOVEDIR);
}

extern "C" void OnInterrupt(int sig) {
  int saved_errno = errno;
  if (g_staging_active.load()) {
    // Render threads are still running: stop new writes, give the ones in
    // flight a moment (nanosleep is async-signal-safe), then remove. A write
    // that lands during a pass makes its folder non-empty: try again.
    g_aborting = true;
    timespec pause{0, 100 * 1000 * 1000};
    nanosleep(&pause, nullptr);
    for (int pass = 0; pass < 5 && access(g_staging_path, F_OK) == 0; ++pass) {
      RemoveTreeAt(AT_FDCWD, g_staging_path, 0);
      timespec retry{0, 20 * 1000 * 1000};
      if (access(g_staging_path, F_OK) == 0) nanosleep(&retry, nullptr);
    }
  }
  // Held, so removing it is safe: a build waiting on it sees it gone and
  // locks the next one (OutputLock::Acquire).
  if (g_lock_held.load()) unlink(g_lock_path);
  errno = saved_errno;
  signal(sig, SIG_DFL);
  raise(sig);
}

void CatchInterrupts() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) signal(sig, OnInterrupt);
}

// `.<name>.costsite-<what>` beside the output folder `out`.
fs::path Sibling(const fs::path& out, const std::string& what) {
  return out.parent_path() / ("." + out.filename().string() + ".costsite-" + what);
}

// A leftover of a build that is gone: "staging-PID" or "old-PID" whose
// process no longer runs. A running build's folders are never touched.
bool Abandoned(std::string_view what) {
  for (std::string_view kind : {"staging-", "old-"}) {
    if (what.substr(0, kind.size()) != kind) continue;
    std::string_view digits = what.substr(kind.size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    pid_t pid = static_cast<pid_t>(std::stol(std::string(digits)));
    return pid != getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
  }
  return false;
}

// A path costsite may write: relative, with no empty, "." or ".." part.
bool SafeRel(std::string_view rel) {
  for (size_t start = 0;;) {
    size_t slash = rel.find('/', start);
    std::string_view part = rel.substr(start, slash == std::string_view::npos ? rel.npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

}  // namespace

std::string CheckOutputLocation(const fs::path& source, const fs::path& out,
                                std::span<const std::string_view> input_dirs) {
  fs::path src = Normal(source), dst = Normal(out);
  std::error_code ec;
  // The build replaces the output as a whole: an existing file there (or a
  // link to one, or a broken link) would be lost.
  if (fs::exists(fs::symlink_status(out, ec)) && !fs::is_directory(fs::status(out, ec)))
    return "the output folder cannot be an existing file that is not a folder";
  if (dst == src) return "the output folder cannot be the site folder itself";
  if (Inside(src, dst)) return "the output folder cannot contain the site folder";
  for (std::string_view sub : input_dirs) {
    if (Inside(dst, src / sub))
      return "the output folder cannot be inside " + std::string(sub) + "/";
  }
  if (dst == dst.root_path()) return "the output folder cannot be the file system root";
  return {};
}

void FormatManifest(const std::vector<std::string_view>& files,
                    const std::function<void(std::string_view piece)>& sink) {
  std::string text;
  for (std::string_view f : files) {
    for (char c : f) {
      if (c == '\\') text += "\\\\";
      else if (c == '\n') text += "\\n";
      else if (c == '\r') text += "\\r";
      else text += c;
    }
    text += '\n';
    if (text.size() >= 64 * 1024) {
      sink(text);
      text.clear();
    }
  }
  if (!text.empty()) sink(text);
}

std::string FormatManifest(const std::vector<std::string_view>& files) {
  std::string text;
  FormatManifest(files, [&](std::string_view piece) { text += piece; });
  return text;
}

std::vector<std::string> ParseManifest(std::string_view text) {
  std::vector<std::string> names;
  std::string name;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      if (!name.empty()) names.push_back(std::move(name));
      name.clear();
    } else if (c == '\\' && i + 1 < text.size() && std::string_view("\\nr").find(text[i + 1]) != std::string_view::npos) {
      char e = text[++i];
      name += e == 'n' ? '\n' : e == 'r' ? '\r' : '\\';
    } else {
      name += c;
    }
  }
  if (!name.empty()) names.push_back(std::move(name));
  return names;
}

std::vector<std::string> ForeignFiles(const fs::path& out) {
  std::vector<std::string> foreign;
  std::error_code ec;
  if (!fs::is_directory(out, ec)) return foreign;
  std::ifstream in(out / std::string(kManifestName), std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> names = ParseManifest(text);
  std::set<std::string> listed(names.begin(), names.end());
  for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    // Lexically: fs::relative would follow a link being judged.
    std::string rel = it->path().lexically_relative(out).generic_string();
    // costsite writes only regular files, so a link (the iterator does not
    // descend into one) or an empty folder is the user's, and would be lost.
    if (it->is_symlink(ec)) {
      foreign.push_back(rel);
    } else if (it->is_directory(ec)) {
      if (fs::is_empty(it->path(), ec)) foreign.push_back(rel + "/");
    } else if (rel != kManifestName && !listed.count(rel)) {
      foreign.push_back(rel);
    }
  }
  std::sort(foreign.begin(), foreign.end());
  return foreign;
}

OutputLock::OutputLock(fs::path out) : file_(Sibling(Normal(out), "lock")) {}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  // Removed while still held, so that no one can lock it in between.
  g_lock_held = false;
  ::unlink(file_.c_str());
  ::close(fd_);
}

bool OutputLock::Acquire(const std::function<void()>& waiting, std::string* error) {
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  bool told = false;
  for (;;) {
    int fd = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
      *error = "cannot create " + file_.string() + ": " + std::strerror(errno);
      return false;
    }
    int rc = ::flock(fd, LOCK_EX | LOCK_NB);
    if (rc != 0 && errno == EWOULDBLOCK) {
      if (!told && waiting) waiting();
      told = true;
      while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
      }
    }
    if (rc != 0) {
      *error = "cannot lock " + file_.string() + ": " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    // The holder removes the file as it lets go: the lock just taken may be
    // on a file no longer at the path, which guards nothing. Then again.
    struct stat held, now;
    if (::fstat(fd, &held) == 0 && ::stat(file_.c_str(), &now) == 0 && held.st_dev == now.st_dev &&
        held.st_ino == now.st_ino) {
      fd_ = fd;
      std::snprintf(g_lock_path, sizeof g_lock_path, "%s", file_.c_str());
      g_lock_held = true;
      CatchInterrupts();
      return true;
    }
    ::close(fd);
  }
}

namespace {

bool WriteAll(int fd, std::string_view content) {
  const char* data = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool ReplaceFile(const fs::path& file, std::string_view content, std::string* error) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".costsite-" + std::to_string(getpid()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write " + file.string() + ": " + std::strerror(errno);
    return false;
  }
  bool ok = WriteAll(fd, content);
  if (!ok) *error = "cannot write " + file.string() + ": " + std::strerror(errno);
  ::close(fd);
  if (ok && ::rename(tmp.c_str(), file.c_str()) != 0) {
    *error = "cannot replace " + file.string() + ": " + std::strerror(errno);
    ok = false;
  }
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

Staging::Staging(fs::path out) : out_(Normal(out)) {}

Staging::~Staging() {
  if (!committed_ && !dir_.empty()) {
    g_staging_active = false;
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

bool Staging::Begin(std::string* error) {
  std::error_code ec;
  fs::create_directories(out_.parent_path(), ec);
  // Leftovers of builds that were killed (SIGKILL cannot be caught); the
  // lock file and the folders of a build still running stay.
  const std::string prefix = "." + out_.filename().string() + ".costsite-";
  for (const auto& e : fs::directory_iterator(out_.parent_path(), ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && Abandoned(std::string_view(name).substr(prefix.size())))
      fs::remove_all(e.path(), ec);
  }
  dir_ = Sibling(out_, "staging-" + std::to_string(getpid()));
  fs::remove_all(dir_, ec);
  if (!fs::create_directories(dir_, ec)) {
    *error = "cannot create " + dir_.string() + ": " + ec.message();
    return false;
  }
  std::snprintf(g_staging_path, sizeof g_staging_path, "%s", dir_.c_str());
  g_staging_active = true;
  CatchInterrupts();
  return true;
}


int Staging::Open(std::string_view rel, std::string* error) {
  if (g_aborting.load()) {
    *error = "interrupted";
    return -1;
  }
  if (!SafeRel(rel)) {  // a page key or asset name gone wrong: never outside dir_
    *error = "refusing to write '" + std::string(rel) + "': not a plain path inside the output folder";
    return -1;
  }
  fs::path p = dir_ / fs::path(std::string(rel));
  std::error_code ec;
  // create_directories stats every component; a site has far fewer folders
  // than files, so remember the ones made.
  const std::string_view parent = rel.substr(0, rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/'));
  const uint64_t parent_hash = std::hash<std::string_view>()(parent);
  bool known;
  {
    std::lock_guard<std::mutex> lock(mu_);
    known = parent_hash != 0 && made_dirs_[parent_hash % kMadeDirs] == parent_hash;
  }
  if (!known) {
    // Usually only the last folder is new (one per page): try it alone first.
    if (::mkdir(p.parent_path().c_str(), 0755) != 0 && errno != EEXIST)
      fs::create_directories(p.parent_path(), ec);
    std::lock_guard<std::mutex> lock(mu_);
    made_dirs_[parent_hash % kMadeDirs] = parent_hash;
  }
  // One open/write/close: no stream buffering, no extra syscalls per page.
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT && known) {  // another folder's hash: this one is new
    fs::create_directories(p.parent_path(), ec);
    fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) *error = "cannot write " + p.string() + ": " + std::strerror(errno);
  return fd;
}

bool Staging::Close(int fd, std::string_view rel, bool ok, std::string* error) {
  if (!ok) *error = "cannot write " + (dir_ / fs::path(std::string(rel))).string() + ": " + std::strerror(errno);
  ::close(fd);
  if (!ok) return false;
  std::lock_guard<std::mutex> lock(mu_);
  written_.Append(rel);
  written_.Append(std::string_view("\0", 1));
  ++written_count_;
  return true;
}

bool Staging::Write(std::string_view rel, std::string_view content, std::string* error) {
  int fd = Open(rel, error);
  if (fd < 0) return false;
  return Close(fd, rel, WriteAll(fd, content), error);
}

bool Staging::WriteStreamed(std::string_view rel, const std::function<void(const Sink& sink)>& fill,
                            std::string* error) {
  int fd = Open(rel, error);
  if (fd < 0) return false;
  bool ok = true;
  fill([&](std::string_view piece) { ok = ok && WriteAll(fd, piece); });
  return Close(fd, rel, ok, error);
}

size_t Staging::files_written() const {
  std::lock_guard<std::mutex> lock(mu_);
  return written_count_;
}

bool Staging::Commit(std::string* error) {
  std::string names;
  {
    std::lock_guard<std::mutex> lock(mu_);
    names.reserve(written_.size());
    if (!SpillStream::Reader(&written_).Read(written_.size(), &names)) {
      *error = "cannot read back the names of the files written; nothing was replaced";
      return false;
    }
  }
  std::vector<std::string_view> files;
  for (size_t at = 0; at < names.size();) {
    size_t end = names.find('\0', at);
    files.push_back(std::string_view(names).substr(at, end - at));
    at = end + 1;
  }
  std::sort(files.begin(), files.end());
  // Two outputs at one path: the one written last would win, by chance.
  if (auto twice = std::adjacent_find(files.begin(), files.end()); twice != files.end()) {
    *error = "two outputs were written to " + std::string(*twice) + "; nothing was replaced";
    return false;
  }
  // Written as it is made: at 2 x 50,000 pages the manifest's text, held
  // whole, was 24 MB of the build's peak, which came as it ended.
  if (!WriteStreamed(kManifestName, [&](const Sink& sink) { FormatManifest(files, sink); }, error)) return false;
  std::error_code ec;
  if (!fs::exists(out_, ec)) {
    fs::rename(dir_, out_, ec);
  } else {
    // Linux swaps the two folders in one step; elsewhere, two renames.
    if (::renameat2(AT_FDCWD, dir_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      fs::path old = Sibling(out_, "old-" + std::to_string(getpid()));
      fs::rename(out_, old, ec);
      if (!ec) fs::rename(dir_, out_, ec);
      if (!ec) fs::remove_all(old, ec);
    } else {
      fs::remove_all(dir_, ec);  // now holds the previous site
    }
  }
  if (ec) {
    *error = "cannot replace " + out_.string() + ": " + ec.message();
    return false;
  }
  committed_ = true;
  g_staging_active = false;
  return true;
}

}  // namespace costsite::output
