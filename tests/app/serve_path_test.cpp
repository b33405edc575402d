// What serve answers: request targets resolve inside the served folder or not
// at all, whatever their encoding; only loopback Host headers are accepted.
#include "app/serve_path.h"

#include <catch2/catch.hpp>

namespace costsite::app {
namespace {

namespace fs = std::filesystem;

TEST_CASE("A request target resolves inside the served folder or not at all") {
  const fs::path root = "/srv/site";
  struct Case {
    std::string target;
    std::string want;  // "" = refused
  };
  const std::string long_name(256, 'a');
  const std::string longest_name(255, 'a');
  std::string long_path;
  for (int i = 0; i < 40; ++i) long_path += "/" + std::string(110, 'b');
  const Case cases[] = {
      {"/", "/srv/site"},
      {"/en/", "/srv/site/en"},
      {"/en", "/srv/site/en"},
      {"/en/reports/a/index.html", "/srv/site/en/reports/a/index.html"},
      {"/en/?q=1", "/srv/site/en"},
      {"/a%20b.html", "/srv/site/a b.html"},
      {"/%E6%88%90%E6%9C%AC/", "/srv/site/\xE6\x88\x90\xE6\x9C\xAC"},
      {"/a+b", "/srv/site/a+b"},
      {"/..%2e", "/srv/site/..."},
      {"/" + longest_name, "/srv/site/" + longest_name},
      // An absolute remainder would replace the folder when joined.
      {"//etc/passwd", ""},
      {"///etc/passwd", ""},
      {"//proc/self/environ", ""},
      {"/%2fetc/passwd", ""},
      {"/%2Fetc/passwd", ""},
      {"/en//a", ""},
      // Parent and current folders, plain and encoded.
      {"/..", ""},
      {"/../site.yaml", ""},
      {"/en/../../etc/passwd", ""},
      {"/..%2f..%2fetc/passwd", ""},
      {"/%2e%2e/etc/passwd", ""},
      {"/%2e%2e%2f%2e%2e%2fetc%2fpasswd", ""},
      {"/./en/", ""},
      // NUL, backslashes, bad escapes.
      {"/index.html%00.png", ""},
      {"/%00", ""},
      {"/..\\..\\etc\\passwd", ""},
      {"/%5c..%5cetc", ""},
      {"/a%2", ""},
      {"/a%zz", ""},
      {"/%", ""},
      // Not a path from the root.
      {"", ""},
      {"en/", ""},
      {"http://example.com/", ""},
      {"?/etc/passwd", ""},
      // Over-long names and paths: no such file is served.
      {"/" + long_name, ""},
      {"/en/" + long_name + "/index.html", ""},
      {long_path, ""},
  };
  for (const Case& c : cases) {
    INFO("target: " << c.target.substr(0, 80));
    std::optional<fs::path> got = ResolveRequestPath(root, c.target);
    if (c.want.empty()) {
      CHECK_FALSE(got.has_value());
    } else {
      REQUIRE(got.has_value());
      CHECK(got->string() == c.want);
    }
  }
}

TEST_CASE("Only loopback Host headers are accepted") {
  for (const char* host : {"127.0.0.1", "127.0.0.1:8000", "localhost", "localhost:1", "LocalHost:65535", "[::1]",
                           "[::1]:8000"})
    CHECK(IsLoopbackHost(host));
  for (const char* host : {"", "example.com", "example.com:8000", "127.0.0.1.example.com", "localhost.",
                           "evil.localhost", "localhost:", "localhost:80a", "localhost:123456", "127.0.0.2",
                           "0.0.0.0", "::1", "[::1", "[::2]:80", "127.0.0.1:8000:1", "localhost\r\nX: y"})
    CHECK_FALSE(IsLoopbackHost(host));
}

}  // namespace
}  // namespace costsite::app
