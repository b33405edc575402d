// Two builds into one output folder at once: one succeeds, one fails while
// rendering. Whatever the timing, the folder must end up holding exactly the
// site the successful build reported, and nothing may be left beside it.
// (Before the output lock, the second build's start-up removed the first
// one's staging folder, and the first then committed part of a site.)
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

// A small bilingual site: the basic fixture and `pages` more reports, so a
// build lasts long enough for the two to overlap.
void WriteSite(const fs::path& dir, const std::string& marker, int pages) {
  CopyFixture("sites/basic", dir);
  for (int i = 0; i < pages; ++i)
    for (const char* lang : {"en", "zh"})
      WriteAll(dir / "content/reports" / ("r" + std::to_string(i) + "." + lang + ".md"),
               "---\ntitle: R" + std::to_string(i) + "\n---\n## Part\n\n" + marker + " " + std::to_string(i) + ".\n");
}

std::vector<std::string> Entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("Racing builds into one output folder leave one complete site", "[output][race]") {
  TempDir tmp;
  const fs::path& t = tmp.path();
  WriteSite(t / "a", "Site A", 40);
  WriteSite(t / "b", "Site B", 40);
  WriteSite(t / "bad", "Site B", 40);  // fails while rendering, after it has begun its output
  WriteAll(t / "bad/content/reports/zz.en.md", "---\ntitle: Broken\n---\nSee [nothing](nosuch.md).\n");
  for (const char* s : {"a", "b"}) {
    CliResult r = Costsite("build --quiet --source " + (t / s).string() + " --out " + (t / "logs" / s).string());
    REQUIRE(r.exit_code == 0);
  }
  const std::map<std::string, std::string> reference[2] = {Snapshot(t / "logs/a"), Snapshot(t / "logs/b")};
  REQUIRE(reference[0].count(".costsite-manifest"));
  REQUIRE(reference[0] != reference[1]);
  REQUIRE(Costsite("build --quiet --source " + (t / "a").string() + " --out " + (t / "out").string()).exit_code == 0);
  const std::vector<std::string> expected_entries = Entries(t);

  for (int run = 0; run < 20; ++run) {
    // Each run replaces the site the last one left; the failing build starts
    // 0 to 135 ms after the good one, or first, every other run.
    const int good = (run + 1) % 2;  // b, a, b, …
    const std::string delay = "0." + std::string(run % 10 < 7 ? "0" : "") + std::to_string((run % 10) * 15);
    const std::string build = std::string(COSTSITE_BINARY) + " build --quiet --out '" + (t / "out").string() + "'";
    const std::string good_cmd = build + " --source '" + (t / (good ? "b" : "a")).string() + "' >'" +
                                 (t / "logs/good.txt").string() + "' 2>&1; echo $? >'" +
                                 (t / "logs/good.rc").string() + "'";
    const std::string bad_cmd = build + " --source '" + (t / "bad").string() + "' >'" +
                                (t / "logs/bad.txt").string() + "' 2>&1; echo $? >'" +
                                (t / "logs/bad.rc").string() + "'";
    const std::string first = run % 4 < 2 ? good_cmd : bad_cmd, second = run % 4 < 2 ? bad_cmd : good_cmd;
    const std::string script = "(" + first + ") & sleep " + delay + "; " + second + "; wait";
    REQUIRE(std::system(script.c_str()) == 0);
    INFO("run " << run << ", delay " << delay << " s\n--- good ---\n"
                << ReadAll(t / "logs/good.txt") << "--- bad ---\n" << ReadAll(t / "logs/bad.txt"));
    CHECK(ReadAll(t / "logs/good.rc") == "0\n");
    CHECK(ReadAll(t / "logs/bad.rc") == "1\n");
    // The failing build never commits, so the folder is the good build's site, whole.
    const auto now = Snapshot(t / "out");
    CHECK(now.size() == reference[good].size());
    CHECK(now == reference[good]);
    CHECK(Entries(t) == expected_entries);  // no staging folder, no lock file left
  }
}

}  // namespace
}  // namespace costsite
