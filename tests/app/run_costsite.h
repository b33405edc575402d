// Running the real costsite binary from end-to-end tests.
#ifndef COSTSITE_TESTS_APP_RUN_COSTSITE_H_
#define COSTSITE_TESTS_APP_RUN_COSTSITE_H_

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

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

}  // namespace costsite

#endif  // COSTSITE_TESTS_APP_RUN_COSTSITE_H_
