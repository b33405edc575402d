#include "app/watch.h"

#include <poll.h>
#include <unistd.h>

#include <set>
#include <thread>

#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "base/fs_util.h"
#include "content/site_layout.h"

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

// Swap files, backups and the like that editors write beside a file.
bool IsEditorScratch(std::string_view name) {
  if (name.empty() || name[0] == '.' || name[0] == '#' || name.back() == '~') return true;
  for (std::string_view ext : {".swp", ".swx", ".tmp"})
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) return true;
  return name == "4913";  // vim's probe file
}

// The quiet spell that ends a burst of events: long enough to join the
// truncate-and-write or write-and-rename of one save, short against the
// time an update takes.
constexpr auto kQuiet = std::chrono::milliseconds(15);

}  // namespace

SourceWatcher::SourceWatcher(fs::path root) : root_(std::move(root)) {
#ifdef __linux__
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ >= 0) {
    int wd = inotify_add_watch(fd_, root_.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE);
    if (wd >= 0) dirs_[wd] = "";
    for (std::string_view dir : content::kSourceDirs) WatchTree(root_ / dir);
    WatchTree(root_ / content::kHugoConfigDir);
  }
#endif
  if (fd_ < 0) stamps_ = Stamps();
}

SourceWatcher::~SourceWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

void SourceWatcher::WatchTree(const fs::path& dir) {
#ifdef __linux__
  std::error_code ec;
  // Watch what the build reads (ListFiles): content/, pricing/ and
  // templates/ may be links within the site, but nothing outside it
  // (InsideRoot; a new folder may become a link before it is watched), and
  // no linked folder below them.
  if (!fs::is_directory(dir, ec) || !InsideRoot(root_, dir)) return;
  int wd = inotify_add_watch(fd_, dir.c_str(),
                             IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF);
  if (wd < 0) return;
  // Lexically: fs::relative would name a linked folder by its target's path.
  dirs_[wd] = dir.lexically_relative(root_).generic_string();
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory(ec) && !e.is_symlink(ec) && !IsEditorScratch(e.path().filename().string()))
      WatchTree(e.path());
#else
  (void)dir;
#endif
}

std::map<std::string, std::string> SourceWatcher::Stamps() const {
  std::map<std::string, std::string> out;
  std::error_code ec;
  auto stamp = [&](const fs::path& p) {
    return std::to_string(fs::file_size(p, ec)) + ":" +
           std::to_string(fs::last_write_time(p, ec).time_since_epoch().count());
  };
  for (const auto& e : fs::directory_iterator(root_, ec))
    if (content::IsSettingsFile(e.path().filename().string()) && e.is_regular_file(ec))
      out[e.path().filename().string()] = stamp(e.path());
  std::vector<std::string> ignored;
  for (const std::string& rel : ListFiles(root_ / content::kHugoConfigDir, root_, &ignored))
    out[std::string(content::kHugoConfigDir) + "/" + rel] = stamp(root_ / content::kHugoConfigDir / rel);
  for (std::string_view dir : content::kSourceDirs) {
    std::vector<std::string> ignored;
    for (const std::string& rel : ListFiles(root_ / dir, root_, &ignored))
      out[std::string(dir) + "/" + rel] = stamp(root_ / dir / rel);
  }
  return out;
}

std::vector<std::string> SourceWatcher::Wait(std::chrono::milliseconds timeout, const std::atomic<bool>& stop) {
  std::set<std::string> changed;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  if (fd_ < 0) {
    // Polling: compare stamps every 300 ms until something differs.
    while (!stop && std::chrono::steady_clock::now() < deadline) {
      std::map<std::string, std::string> now = Stamps();
      for (const auto& [path, s] : now)
        if (stamps_.count(path) == 0 || stamps_.at(path) != s) changed.insert(path);
      for (const auto& [path, s] : stamps_)
        if (!now.count(path)) changed.insert(path);
      stamps_ = std::move(now);
      if (!changed.empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    return {changed.begin(), changed.end()};
  }
#ifdef __linux__
  alignas(inotify_event) char buf[16 * 1024];
  bool any = false;
  while (!stop) {
    auto now = std::chrono::steady_clock::now();
    // Until the first event: up to the deadline, waking to look at `stop`;
    // after it: until the burst goes quiet.
    auto wait = any ? kQuiet : std::min<std::chrono::steady_clock::duration>(deadline - now, std::chrono::milliseconds(200));
    if (!any && now >= deadline) break;
    pollfd pfd{fd_, POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(wait).count()) + 1);
    if (ready <= 0) {
      if (any) break;  // quiet: the burst is over
      continue;
    }
    for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) {
      for (char* p = buf; p < buf + n;) {
        auto* e = reinterpret_cast<inotify_event*>(p);
        p += sizeof(inotify_event) + e->len;
#ifdef IN_Q_OVERFLOW
        // The kernel dropped events: what changed is unknown, so report
        // site.yaml, for which serve builds everything again.
        if (e->mask & IN_Q_OVERFLOW) {
          changed.insert(std::string(content::kConfigFile));
          any = true;
          continue;
        }
#endif
        auto dir = dirs_.find(e->wd);
        if (dir == dirs_.end() || e->len == 0) continue;
        std::string name = e->name;
        if (IsEditorScratch(name)) continue;
        std::string rel = dir->second.empty() ? name : dir->second + "/" + name;
        if (dir->second.empty() && !content::IsSettingsFile(name)) {
          // In the site folder itself: site.yaml or Hugo's configuration, or
          // a watched folder made anew.
          bool watched = name == content::kHugoConfigDir;
          for (std::string_view w : content::kSourceDirs) watched = watched || name == w;
          if (!watched) continue;
        }
        if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) WatchTree(root_ / rel);
        changed.insert(e->mask & IN_ISDIR ? rel + "/" : rel);  // a folder: whatever it holds changed
        any = true;
      }
    }
  }
#endif
  return {changed.begin(), changed.end()};
}

}  // namespace costsite::app
