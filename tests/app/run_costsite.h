// Running the real costsite binary from end-to-end tests.
#ifndef COSTSITE_TESTS_APP_RUN_COSTSITE_H_
#define COSTSITE_TESTS_APP_RUN_COSTSITE_H_

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace costsite {

struct CliResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

/// Runs `costsite ARGS` through the shell (ARGS may set variables before it
/// with `env`), capturing both streams.
inline CliResult Costsite(const std::string& args, const std::string& env = "") {
  std::string cmd = env + " " + std::string(COSTSITE_BINARY) + " " + args + " 2>&1";
  CliResult r{0, {}};
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// Every file below `dir`: relative path -> bytes.
inline std::map<std::string, std::string> Snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), dir).generic_string()] = ReadAll(e.path());
  return files;
}

/// Builds the fixture site `tests/fixtures/sites/NAME` with Hugo (Debian's
/// /usr/bin/hugo, which the test setup installs) into `out`, from a copy made
/// beside it (Hugo writes a lock file and resources/ into its source). False
/// when hugo is not installed: the caller skips its comparison, with a
/// warning. A failed Hugo build is a failed test.
inline bool BuildWithHugo(const std::string& name, const std::filesystem::path& out) {
  if (!std::filesystem::exists("/usr/bin/hugo")) {
    WARN("hugo is not installed: the comparison with Hugo is skipped");
    return false;
  }
  const std::filesystem::path src = out.parent_path() / (out.filename().string() + "-src");
  std::filesystem::copy(std::filesystem::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites" / name, src,
                        std::filesystem::copy_options::recursive);
  CliResult r{0, {}};
  FILE* p = popen(("/usr/bin/hugo --quiet -s '" + src.string() + "' -d '" + out.string() + "' 2>&1").c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  r.exit_code = pclose(p);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return true;
}

}  // namespace costsite

#endif  // COSTSITE_TESTS_APP_RUN_COSTSITE_H_
