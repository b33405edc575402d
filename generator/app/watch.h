// Watching a site's sources for serve: site.yaml, content/, pricing/ and
// templates/. On Linux the kernel reports changes as they happen (inotify),
// so an edit is picked up within milliseconds; elsewhere, or when inotify
// is unavailable, the files' sizes and modification times are polled.
#ifndef COSTSITE_APP_WATCH_H_
#define COSTSITE_APP_WATCH_H_

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace costsite::app {

class SourceWatcher {
 public:
  explicit SourceWatcher(std::filesystem::path root);
  ~SourceWatcher();
  SourceWatcher(const SourceWatcher&) = delete;
  SourceWatcher& operator=(const SourceWatcher&) = delete;

  /// Waits until some source changes, at most `timeout` (or until `stop`
  /// is set), then returns the site-relative paths that changed ("content/
  /// a.en.md"; a folder with a trailing '/'), sorted, once each, after a
  /// short quiet spell so that an
  /// editor's save in several steps counts once. Editors' temporary files
  /// (".a.swp", "a~") are ignored.
  std::vector<std::string> Wait(std::chrono::milliseconds timeout, const std::atomic<bool>& stop);
  /// True when changes come from the kernel, false when polled.
  bool live() const { return fd_ >= 0; }

 private:
  void WatchTree(const std::filesystem::path& dir);
  std::map<std::string, std::string> Stamps() const;

  std::filesystem::path root_;
  int fd_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor -> site-relative folder ("" = the root)
  std::map<std::string, std::string> stamps_;  // polling: path -> size and mtime
};

}  // namespace costsite::app

#endif  // COSTSITE_APP_WATCH_H_
