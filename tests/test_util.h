// Shared helpers for tests: temporary folders, file reading, running the CLI.
#ifndef COSTSITE_TESTS_TEST_UTIL_H_
#define COSTSITE_TESTS_TEST_UTIL_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace costsite {

/// All diagnostics, formatted and joined, for a test's failure message.
inline std::string AllDiagnostics(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.Sorted()) out += FormatDiagnostic(d);
  return out;
}

/// A fresh folder under the system temp folder, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("costsite-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteAll(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

/// Copies the fixture `name` from tests/fixtures/ into `dest`.
inline void CopyFixture(const std::string& name, const std::filesystem::path& dest) {
  std::filesystem::copy(std::filesystem::path(COSTSITE_SOURCE_DIR) / "tests/fixtures" / name, dest,
                        std::filesystem::copy_options::recursive);
}

}  // namespace costsite

#endif  // COSTSITE_TESTS_TEST_UTIL_H_
