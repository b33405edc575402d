#include "output/staging.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "tests/test_util.h"

namespace costsite::output {
namespace {

namespace fs = std::filesystem;

TEST_CASE("CheckOutputLocation refuses the source, its parents and its input folders") {
  TempDir tmp;
  fs::path src = tmp.path() / "site-src";
  fs::create_directories(src / "content");
  CHECK(CheckOutputLocation(src, src / "site").empty());
  CHECK(CheckOutputLocation(src, tmp.path() / "elsewhere").empty());
  CHECK(CheckOutputLocation(src, src) == "the output folder cannot be the site folder itself");
  CHECK(CheckOutputLocation(src, src / "content" / "out") == "the output folder cannot be inside content/");
  CHECK(CheckOutputLocation(src, src / "pricing") == "the output folder cannot be inside pricing/");
  CHECK(CheckOutputLocation(src, src / "templates/x") == "the output folder cannot be inside templates/");
  CHECK(CheckOutputLocation(src, tmp.path()) == "the output folder cannot contain the site folder");
  CHECK(CheckOutputLocation(src, src / "..") == "the output folder cannot contain the site folder");
}

TEST_CASE("Staging swaps in a complete folder and records a manifest") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  {
    Staging s(out);
    std::string err;
    REQUIRE(s.Begin(&err));
    REQUIRE(s.Write("a/index.html", "A", &err));
    REQUIRE(s.Write("b.css", "B", &err));
    CHECK_FALSE(fs::exists(out));  // nothing visible before Commit
    REQUIRE(s.Commit(&err));
  }
  CHECK(ReadAll(out / "a/index.html") == "A");
  CHECK(ReadAll(out / ".costsite-manifest") == "a/index.html\nb.css\n");
  CHECK(ForeignFiles(out).empty());

  {  // an abandoned build leaves the old site exactly as it was
    Staging s(out);
    std::string err;
    REQUIRE(s.Begin(&err));
    REQUIRE(s.Write("a/index.html", "NEW", &err));
  }
  CHECK(ReadAll(out / "a/index.html") == "A");
  int leftovers = 0;
  for (const auto& e : fs::directory_iterator(tmp.path())) leftovers += e.path().filename() != "site";
  CHECK(leftovers == 0);
}

TEST_CASE("ForeignFiles lists files the manifest does not know") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  fs::create_directories(out / "x");
  std::ofstream(out / ".costsite-manifest") << "x/index.html\n";
  std::ofstream(out / "x/index.html") << "ours";
  std::ofstream(out / "notes.txt") << "theirs";
  CHECK(ForeignFiles(out) == std::vector<std::string>{"notes.txt"});
  CHECK(ForeignFiles(tmp.path() / "missing").empty());
}

}  // namespace
}  // namespace costsite::output
