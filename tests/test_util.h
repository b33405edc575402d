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

// True in a build under AddressSanitizer: gcc defines __SANITIZE_ADDRESS__,
// clang answers __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

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

/// `html` without the figures' popovers (`<span class="fig-pop" …>…</span>`),
/// for tests about what sits beside a figure.
inline std::string WithoutPopovers(std::string html) {
  const std::string open = "<span class=\"fig-pop\"";
  for (size_t at; (at = html.find(open)) != std::string::npos;) {
    size_t p = at + 1;
    int depth = 1;
    while (depth > 0) {
      size_t o = html.find("<span", p), c = html.find("</span>", p);
      if (c == std::string::npos) return html;
      if (o != std::string::npos && o < c) ++depth, p = o + 1;
      else --depth, p = c + 7;
    }
    html.erase(at, p - at);
  }
  return html;
}

}  // namespace costsite

#endif  // COSTSITE_TESTS_TEST_UTIL_H_
