// The fixture site tests/fixtures/sites/hugo-docs, laid out as Hugo lays a
// documentation site out: its static/ files and page bundles' files are
// published where Hugo publishes them.
#include <catch2/catch.hpp>
#include <set>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

const fs::path kFixture = fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/hugo-docs";

// The files below `dir` that are neither pages nor costsite's or Hugo's own
// (HTML, feeds, scripts, styles): what the site's authors put there.
std::set<std::string> AuthorFiles(const fs::path& dir) {
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".svg" || ext == ".csv" || ext == ".txt"))
      files.insert(fs::relative(e.path(), dir).generic_string());
  }
  return files;
}

const std::set<std::string> kExpected = {
    // static/, at the root
    "files/sample.csv", "images/costsite-logo.svg", "robots.txt",
    // a branch bundle's file, a nested branch bundle's, a leaf bundle's (nested folder included)
    "en/bundles/banner.svg", "en/bundles/branch/icon.svg", "en/bundles/leaf/diagram.svg",
    "en/bundles/leaf/files/data.csv", "en/bundles/shared/photo.svg",
    "zh/bundles/banner.svg", "zh/bundles/branch/icon.svg", "zh/bundles/leaf/diagram.svg",
    "zh/bundles/leaf/files/data.csv",
    // only the English bundle has it: the Chinese page gets the same file
    "zh/bundles/shared/photo.svg"};

TEST_CASE("hugo-docs: static/ and bundle files are published, each language's bundle with its own") {
  TempDir tmp;
  CliResult r = Costsite("build --source " + kFixture.string() + " --out " + (tmp.path() / "site").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(AuthorFiles(tmp.path() / "site") == kExpected);
  CHECK(ReadAll(tmp.path() / "site/zh/bundles/leaf/files/data.csv") == "lang,rows\nzh,2\n");
  CHECK(ReadAll(tmp.path() / "site/en/bundles/leaf/files/data.csv") == "lang,rows\nen,2\n");
  CHECK(ReadAll(tmp.path() / "site/zh/bundles/shared/photo.svg") ==
        ReadAll(kFixture / "content/en/bundles/shared/photo.svg"));
  CHECK(fs::exists(tmp.path() / "site/404.html"));
}

// Hugo (Debian's hugo) publishes the same files; it serves the default
// language at the root, where costsite writes en/.
TEST_CASE("hugo-docs: Hugo publishes the same static and bundle files") {
  TempDir tmp;
  if (!BuildWithHugo("hugo-docs", tmp.path() / "hugo")) return;
  std::set<std::string> hugo;
  for (const std::string& f : AuthorFiles(tmp.path() / "hugo"))
    hugo.insert(f.rfind("zh/", 0) == 0 || f.find('/') == std::string::npos || f.rfind("files/", 0) == 0 ||
                        f.rfind("images/", 0) == 0
                    ? f
                    : "en/" + f);
  CHECK(hugo == kExpected);
}

}  // namespace
}  // namespace costsite
