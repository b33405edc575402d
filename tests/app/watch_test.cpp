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

}  // namespace
}  // namespace costsite::app
