#include "base/fs_util.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

TEST_CASE("ListFiles is sorted and reports symlinks leaving the root by their own path") {
  TempDir tmp;
  fs::path root = tmp.path() / "site";
  WriteAll(root / "content/b.md", "b");
  WriteAll(root / "content/a/z.md", "z");
  WriteAll(tmp.path() / "outside/secret.md", "secret");
  fs::create_symlink("../../../outside/secret.md", root / "content/a/link.md");
  fs::create_symlink("b.md", root / "content/inside.md");
  std::vector<std::string> escaped;
  auto files = ListFiles(root / "content", root, &escaped);
  CHECK(files == std::vector<std::string>{"a/z.md", "b.md", "inside.md"});
  CHECK(escaped == std::vector<std::string>{"a/link.md"});
}

TEST_CASE("ListFiles follows links to folders inside the root, each folder once") {
  TempDir tmp;
  fs::path root = tmp.path() / "site";
  WriteAll(root / "pricing/own.yaml", "o");
  WriteAll(root / "pricing/real/r.yaml", "r");
  WriteAll(root / "shared/prices/s.yaml", "s");
  WriteAll(root / "shared/prices/deep/d.yaml", "d");
  WriteAll(tmp.path() / "outside/x.yaml", "x");
  fs::create_symlink("../shared/prices", root / "pricing/shared");   // a folder elsewhere in the site: read
  fs::create_symlink("../shared/prices", root / "pricing/again");    // the same folder by a second link: once
  fs::create_symlink("real", root / "pricing/alias");                // a folder already read: nothing more
  fs::create_symlink("..", root / "pricing/real/loop");              // a loop: ends
  fs::create_symlink("../../outside", root / "pricing/away");        // leaves the site: reported
  std::vector<std::string> escaped;
  auto files = ListFiles(root / "pricing", root, &escaped);
  CHECK(files == std::vector<std::string>{"again/deep/d.yaml", "again/s.yaml", "own.yaml", "real/r.yaml"});
  CHECK(escaped == std::vector<std::string>{"away"});
}

TEST_CASE("InsideRoot follows symbolic links, of files and of folders, before judging") {
  TempDir tmp;
  fs::path root = tmp.path() / "site";
  WriteAll(root / "content/a.md", "a");
  WriteAll(root / "shared/t.mustache", "t");
  WriteAll(tmp.path() / "outside/secret.md", "secret");
  fs::create_symlink("../outside", root / "templates");  // a whole folder elsewhere
  fs::create_symlink("shared", root / "partials");        // a folder link inside is fine
  fs::create_symlink("../outside/secret.md", root / "site.yaml");
  CHECK(InsideRoot(root, root / "content/a.md"));
  CHECK(InsideRoot(root, root / "partials/t.mustache"));
  CHECK(InsideRoot(root, root / "content/not-yet.md"));
  CHECK_FALSE(InsideRoot(root, root / "site.yaml"));
  CHECK_FALSE(InsideRoot(root, root / "templates"));
  CHECK_FALSE(InsideRoot(root, root / "templates/secret.md"));
  CHECK_FALSE(InsideRoot(root, root / "content/../../outside/secret.md"));

  std::vector<std::string> escaped;  // the folder itself escapes: nothing below it is listed
  CHECK(ListFiles(root / "templates", root, &escaped).empty());
  CHECK(escaped == std::vector<std::string>{""});
  escaped.clear();
  CHECK(ListFiles(root / "partials", root, &escaped) == std::vector<std::string>{"t.mustache"});
  CHECK(escaped.empty());
}

TEST_CASE("ReadFileInside reads what InsideRoot allows and nothing else") {
  TempDir tmp;
  fs::path root = tmp.path() / "site";
  WriteAll(root / "content/a.md", "page a");
  WriteAll(root / "shared/b.md", "page b");
  WriteAll(tmp.path() / "outside/secret.md", "secret");
  fs::create_symlink("../shared/b.md", root / "content/relative.md");
  fs::create_symlink(fs::absolute(root / "shared/b.md"), root / "content/absolute.md");  // absolute, yet inside
  fs::create_symlink("../../outside/secret.md", root / "content/escape.md");
  fs::create_symlink(fs::absolute(tmp.path() / "outside"), root / "content/elsewhere");
  auto read = [&](const std::string& rel, std::string* text, uintmax_t max = UINTMAX_MAX) {
    std::string err;
    uintmax_t size = 0;
    ReadInside r = ReadFileInside(root, rel, text, &err, max, &size);
    if (r == ReadInside::kFailed) CHECK_FALSE(err.empty());
    if (r == ReadInside::kTooLarge) CHECK(size == 6);  // the size of a.md, the only file read with a limit
    return r;
  };
  std::string text;
  CHECK(read("content/a.md", &text) == ReadInside::kRead);
  CHECK(text == "page a");
  CHECK(read("content/relative.md", &text) == ReadInside::kRead);
  CHECK(text == "page b");
  CHECK(read("content/absolute.md", &text) == ReadInside::kRead);
  CHECK(text == "page b");
  text = "unchanged";
  CHECK(read("content/escape.md", &text) == ReadInside::kOutside);
  CHECK(read("content/elsewhere/secret.md", &text) == ReadInside::kOutside);
  CHECK(read("content/../../outside/secret.md", &text) == ReadInside::kOutside);
  CHECK(text == "unchanged");
  CHECK(read("content/missing.md", &text) == ReadInside::kFailed);
  CHECK(read("content/a.md", &text, 3) == ReadInside::kTooLarge);
}

TEST_CASE("IsWithin compares normalised paths") {
  CHECK(IsWithin("/a/b/c", "/a/b"));
  CHECK(IsWithin("/a/b", "/a/b"));
  CHECK(IsWithin("/a/b/../b/c", "/a/b"));
  CHECK_FALSE(IsWithin("/a/bc", "/a/b"));
  CHECK_FALSE(IsWithin("/a/b/../../x", "/a/b"));
}

TEST_CASE("ValidUtf8 finds the first bad byte") {
  int line = 0, col = 0;
  CHECK(ValidUtf8("成本 cost\n", &line, &col));
  CHECK_FALSE(ValidUtf8("ok\nab\xff", &line, &col));
  CHECK(line == 2);
  CHECK(col == 3);
  CHECK_FALSE(ValidUtf8("\xc0\x80", &line, &col));          // overlong
  CHECK_FALSE(ValidUtf8("\xed\xa0\x80", &line, &col));      // surrogate
  CHECK_FALSE(ValidUtf8("\xe6\x88", &line, &col));          // truncated
  // Long runs of ASCII around the bad byte, at every offset within a word.
  for (size_t pad = 0; pad < 17; ++pad) {
    std::string text = "first line\n" + std::string(pad, 'a') + "\xf5\x80\x80\x80" + std::string(20, 'b');
    INFO(pad);
    CHECK_FALSE(ValidUtf8(text, &line, &col));
    CHECK(line == 2);
    CHECK(col == static_cast<int>(pad) + 1);
    CHECK(ValidUtf8("first line\n" + std::string(pad, 'a') + "成本" + std::string(20, 'b'), &line, &col));
  }
}

// ValidUtf8 takes three-byte sequences inline; it must accept exactly those
// Utf8SequenceLength does (E0 needs A0-BF next, ED 80-9F: no overlongs or
// surrogates), followed by ASCII or not.
TEST_CASE("ValidUtf8 agrees with Utf8SequenceLength on every three-byte sequence") {
  int line = 0, col = 0, mismatches = 0;
  for (int b0 = 0xE0; b0 <= 0xEF; ++b0)
    for (int b1 = 0; b1 < 256; ++b1)
      for (int b2 = 0; b2 < 256; ++b2) {
        std::string seq{static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        bool expected = Utf8SequenceLength(seq, 0) == 3;
        if (ValidUtf8(seq, &line, &col) != expected || ValidUtf8(seq + "x", &line, &col) != expected) ++mismatches;
      }
  CHECK(mismatches == 0);
}

}  // namespace
}  // namespace costsite
