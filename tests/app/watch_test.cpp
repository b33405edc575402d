// The source watcher reports edits within moments, once each, with editors'
// scratch files left out, and follows folders created after it started.
#include "app/watch.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <set>
#include <thread>

#include "tests/test_util.h"

namespace costsite::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Everything the watcher reports until `expected` is all in, or 5 s pass. A
// burst of writes normally comes back from one Wait; on a loaded machine the
// writer may pause longer than the quiet spell and split it in two, which is
// right too, so the reports are joined. Each report is sorted, once each.
std::set<std::string> WaitFor(SourceWatcher& watcher, const std::set<std::string>& expected,
                              const std::atomic<bool>& stop) {
  std::set<std::string> seen;
  auto deadline = Clock::now() + std::chrono::seconds(5);
  while (!std::includes(seen.begin(), seen.end(), expected.begin(), expected.end()) && Clock::now() < deadline) {
    std::vector<std::string> got = watcher.Wait(std::chrono::seconds(5), stop);
    CHECK(std::adjacent_find(got.begin(), got.end(), std::greater_equal<>()) == got.end());
    seen.insert(got.begin(), got.end());
  }
  // Nothing else comes after (a scratch file or a non-source reported late).
  for (const std::string& late : watcher.Wait(std::chrono::milliseconds(100), stop)) seen.insert(late);
  return seen;
}

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
  std::vector<std::string> first = watcher.Wait(std::chrono::seconds(5), stop);
  if (watcher.live()) CHECK(Clock::now() - start < std::chrono::seconds(1));
  writer.join();
  std::set<std::string> changed(first.begin(), first.end());
  for (const std::string& late : watcher.Wait(std::chrono::milliseconds(100), stop)) changed.insert(late);
  CHECK(first == std::vector<std::string>{"content/a.en.md"});  // once, without the scratch file
  CHECK(changed == std::set<std::string>{"content/a.en.md"});   // and nothing else after it

  fs::create_directories(tmp.path() / "content/reports");
  CHECK(WaitFor(watcher, {"content/reports/"}, stop) == std::set<std::string>{"content/reports/"});
  WriteAll(tmp.path() / "content/reports/b.en.md", "b\n");
  WriteAll(tmp.path() / "pricing/p.yaml", "p2\n");
  CHECK(WaitFor(watcher, {"content/reports/b.en.md", "pricing/p.yaml"}, stop) ==
        std::set<std::string>{"content/reports/b.en.md", "pricing/p.yaml"});
}

TEST_CASE("The watcher reports a Hugo site's configuration, at the root and under config/") {
  TempDir tmp;
  WriteAll(tmp.path() / "hugo.toml", "title = \"x\"\n");
  WriteAll(tmp.path() / "config/_default/languages.toml", "[en]\nweight = 1\n");
  WriteAll(tmp.path() / "content/a.en.md", "a\n");
  SourceWatcher watcher(tmp.path());
  std::atomic<bool> stop{false};
  CHECK(watcher.Wait(std::chrono::milliseconds(50), stop).empty());
  WriteAll(tmp.path() / "hugo.toml", "title = \"y\"\n");
  WriteAll(tmp.path() / "notes.toml", "not the site's\n");
  CHECK(WaitFor(watcher, {"hugo.toml"}, stop) == std::set<std::string>{"hugo.toml"});
  WriteAll(tmp.path() / "config/_default/languages.toml", "[en]\nweight = 2\n");
  CHECK(WaitFor(watcher, {"config/_default/languages.toml"}, stop) ==
        std::set<std::string>{"config/_default/languages.toml"});
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
