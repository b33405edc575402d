// The source watcher reports edits within moments, once each, with editors'
// scratch files left out, and follows folders created after it started.
#include "app/watch.h"

#include <catch2/catch.hpp>
#include <thread>

#include "tests/test_util.h"

namespace costsite::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

TEST_CASE("The watcher reports changed sources, once each, and ignores scratch files") {
  TempDir tmp;
  WriteAll(tmp.path() / "site.yaml", "title: x\n");
  WriteAll(tmp.path() / "content/a.en.md", "a\n");
  WriteAll(tmp.path() / "pricing/p.yaml", "p\n");
  SourceWatcher watcher(tmp.path());
  std::atomic<bool> stop{false};
  CHECK(watcher.Wait(std::chrono::milliseconds(50), stop).empty());

  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    WriteAll(tmp.path() / "content/.a.en.md.swp", "scratch");
    WriteAll(tmp.path() / "content/a.en.md", "a, edited\n");
    WriteAll(tmp.path() / "content/a.en.md", "a, edited twice\n");
    WriteAll(tmp.path() / "notes.txt", "not a source");
  });
  auto start = Clock::now();
  std::vector<std::string> changed = watcher.Wait(std::chrono::seconds(5), stop);
  writer.join();
  CHECK(changed == std::vector<std::string>{"content/a.en.md"});
  if (watcher.live()) CHECK(Clock::now() - start < std::chrono::seconds(1));

  fs::create_directories(tmp.path() / "content/reports");
  std::vector<std::string> folder = watcher.Wait(std::chrono::seconds(5), stop);
  CHECK(folder == std::vector<std::string>{"content/reports/"});
  WriteAll(tmp.path() / "content/reports/b.en.md", "b\n");
  WriteAll(tmp.path() / "pricing/p.yaml", "p2\n");
  std::vector<std::string> both = watcher.Wait(std::chrono::seconds(5), stop);
  CHECK(both == std::vector<std::string>{"content/reports/b.en.md", "pricing/p.yaml"});
}

// The watcher watches what a build reads (docs/authoring.md, "Files the site
// reads"): no linked folder below content/, pricing/ or templates/, and
// above all none outside the site, neither at the start nor in a folder
// that appears later (moved in whole, links and all); a linked templates/
// inside the site is watched, its changes named by the link's path.
TEST_CASE("The watcher does not follow linked folders the build does not read") {
  TempDir tmp;
  fs::path site = tmp.path() / "site";
  fs::path outside = tmp.path() / "outside";
  WriteAll(site / "site.yaml", "title: x\n");
  WriteAll(site / "content/a.en.md", "a\n");
  WriteAll(site / "themes/plain/page.html", "<p>\n");
  fs::create_directory_symlink(site / "themes/plain", site / "templates");
  WriteAll(outside / "x.en.md", "x\n");
  fs::create_directory_symlink(outside, site / "content/linked");
  WriteAll(tmp.path() / "staging/b.en.md", "b\n");
  fs::create_directory_symlink(outside, tmp.path() / "staging/linked");
  SourceWatcher watcher(site);
  std::atomic<bool> stop{false};

  WriteAll(outside / "x.en.md", "x, edited\n");
  CHECK(watcher.Wait(std::chrono::milliseconds(300), stop).empty());

  fs::rename(tmp.path() / "staging", site / "content/new");
  CHECK(watcher.Wait(std::chrono::seconds(5), stop) == std::vector<std::string>{"content/new/"});
  WriteAll(outside / "x.en.md", "x, edited twice\n");
  CHECK(watcher.Wait(std::chrono::milliseconds(300), stop).empty());

  WriteAll(site / "themes/plain/page.html", "<p>edited\n");
  CHECK(watcher.Wait(std::chrono::seconds(5), stop) == std::vector<std::string>{"templates/page.html"});
}

}  // namespace
}  // namespace costsite::app
