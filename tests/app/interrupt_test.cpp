// A build interrupted mid-way (Ctrl-C or kill) leaves the previous site
// exactly as it was.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

// A site with enough pages that writing it takes a noticeable time.
void WriteBigSite(const fs::path& root, const std::string& marker) {
  WriteAll(root / "site.yaml", "title: {zh: 站点, en: Site}\nlanguages: [zh, en]\n");
  std::string body;
  for (int i = 0; i < 200; ++i) body += "Paragraph " + std::to_string(i) + " " + marker + ".\n\n";
  for (int p = 0; p < 600; ++p) {
    std::string name = "content/r" + std::to_string(p);
    WriteAll(root / (name + ".zh.md"), "---\ntitle: 报告 " + std::to_string(p) + "\n---\n" + body);
    WriteAll(root / (name + ".en.md"), "---\ntitle: Report " + std::to_string(p) + "\n---\n" + body);
  }
}

int RunAndSignal(const fs::path& src, const fs::path& out, int sig, int after_ms) {
  pid_t pid = fork();
  if (pid == 0) {
    execl(COSTSITE_BINARY, COSTSITE_BINARY, "build", "--quiet", "--source", src.c_str(), "--out", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(after_ms));
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

int Siblings(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) n += 1;
  return n;
}

TEST_CASE("An interrupted build leaves the previous site exactly as it was") {
  TempDir tmp;
  fs::path old_src = tmp.path() / "old", new_src = tmp.path() / "new", out = tmp.path() / "out";
  WriteBigSite(old_src, "OLD");
  WriteBigSite(new_src, "NEW");
  std::string cmd = std::string(COSTSITE_BINARY) + " build --quiet --source " + old_src.string() +
                    " --out " + out.string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string before = ReadAll(out / "en/r599/index.html");
  REQUIRE(before.find("OLD") != std::string::npos);

  for (int sig : {SIGINT, SIGTERM, SIGKILL}) {
    int interrupted = 0;
    for (int delay : {150, 60, 20, 5}) {  // find a delay that lands mid-build
      int status = RunAndSignal(new_src, out, sig, delay);
      if (WIFSIGNALED(status)) {
        interrupted = 1;
        break;
      }
      REQUIRE(std::system(cmd.c_str()) == 0);  // it finished first: restore the old site and retry
    }
    INFO("signal " << sig);
    REQUIRE(interrupted == 1);
    CHECK(ReadAll(out / "en/r599/index.html") == before);
    if (sig != SIGKILL) CHECK(Siblings(tmp.path()) == 3);  // old, new, out: the staging folder is gone
  }
  // SIGKILL cannot be caught: its staging folder is removed by the next build.
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(Siblings(tmp.path()) == 3);
}

}  // namespace
}  // namespace costsite
