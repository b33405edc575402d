#include "output/staging.h"

#include "content/site_layout.h"

#include <algorithm>
#include <sys/wait.h>
#include <unistd.h>

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
  CHECK(CheckOutputLocation(src, src / "site", content::kSourceDirs).empty());
  CHECK(CheckOutputLocation(src, tmp.path() / "elsewhere", content::kSourceDirs).empty());
  CHECK(CheckOutputLocation(src, src, content::kSourceDirs) == "the output folder cannot be the site folder itself");
  CHECK(CheckOutputLocation(src, src / "content" / "out", content::kSourceDirs) == "the output folder cannot be inside content/");
  CHECK(CheckOutputLocation(src, src / "pricing", content::kSourceDirs) == "the output folder cannot be inside pricing/");
  CHECK(CheckOutputLocation(src, src / "templates/x", content::kSourceDirs) == "the output folder cannot be inside templates/");
  CHECK(CheckOutputLocation(src, tmp.path(), content::kSourceDirs) == "the output folder cannot contain the site folder");
  CHECK(CheckOutputLocation(src, src / "..", content::kSourceDirs) == "the output folder cannot contain the site folder");
  WriteAll(src / "site.yaml", "title: x\n");
  CHECK(CheckOutputLocation(src, src / "site.yaml", content::kSourceDirs) ==
        "the output folder cannot be an existing file that is not a folder");
  fs::create_symlink("nowhere", tmp.path() / "dangling");
  CHECK(CheckOutputLocation(src, tmp.path() / "dangling", content::kSourceDirs) ==
        "the output folder cannot be an existing file that is not a folder");
  fs::create_symlink("site-src/content", tmp.path() / "to-content");  // a link is judged by its target
  CHECK(CheckOutputLocation(src, tmp.path() / "to-content", content::kSourceDirs) == "the output folder cannot be inside content/");
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

TEST_CASE("Staging makes a folder it made before again when it is gone, and lists every file once") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  {
    Staging s(out);
    std::string err;
    REQUIRE(s.Begin(&err));
    REQUIRE(s.Write("en/a/index.html", "A", &err));
    // The folder is remembered as made; a remembered folder that is not
    // there (as when two folders' names hash alike) is made at the write.
    fs::remove_all(s.dir() / "en");
    REQUIRE(s.Write("en/a/search.js", "S", &err));
    for (int i = 0; i < 300; ++i) REQUIRE(s.Write("zh/p" + std::to_string(i) + "/index.html", "P", &err));
    CHECK(s.files_written() == 302);
    REQUIRE(s.Commit(&err));
  }
  CHECK(ReadAll(out / "en/a/search.js") == "S");
  CHECK_FALSE(fs::exists(out / "en/a/index.html"));
  const std::vector<std::string> listed = ParseManifest(ReadAll(out / ".costsite-manifest"));
  REQUIRE(listed.size() == 302);
  CHECK(listed.front() == "en/a/index.html");  // written, then removed by hand: still listed
  CHECK(listed[1] == "en/a/search.js");
  CHECK(listed[2] == "zh/p0/index.html");
  CHECK(std::is_sorted(listed.begin(), listed.end()));
}

// Staging remembers only recent folders (a fixed table, not one entry per
// folder of the site): a folder written into again long after, its entry
// taken by others, is found made, and new folders deep down are made whole.
TEST_CASE("Staging writes into a folder again after thousands of others, and into new nested folders") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  const int kFolders = 10000;  // more than the folders it remembers
  {
    Staging s(out);
    std::string err;
    REQUIRE(s.Begin(&err));
    for (int i = 0; i < kFolders; ++i) REQUIRE(s.Write("en/p" + std::to_string(i) + "/index.html", "P", &err));
    for (int i = 0; i < kFolders; i += 997) REQUIRE(s.Write("en/p" + std::to_string(i) + "/search.js", "S", &err));
    REQUIRE(s.Write("zh/a/b/c/d/index.html", "D", &err));
    REQUIRE(s.Write("zh/a/b/index.html", "B", &err));
    CHECK(s.files_written() == static_cast<size_t>(kFolders + (kFolders + 996) / 997 + 2));
    REQUIRE(s.Commit(&err));
  }
  CHECK(ReadAll(out / "en/p0/search.js") == "S");
  CHECK(ReadAll(out / "en/p9970/search.js") == "S");
  CHECK(ReadAll(out / "en/p9999/index.html") == "P");
  CHECK(ReadAll(out / "zh/a/b/c/d/index.html") == "D");
  CHECK(ReadAll(out / "zh/a/b/index.html") == "B");
}

// The names written are held in memory up to a piece (256 KiB) and the rest
// in a temporary file: a manifest read back across pieces lists each once,
// and a path written twice is found with one copy on each side.
TEST_CASE("Staging lists names spilled past its memory piece, and finds one written twice across them") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  const std::string folder(200, 'f');  // about 220 bytes a name: 3,000 names are 2.5 pieces
  auto name = [&](int i) { return folder + "/p" + std::to_string(i) + ".html"; };
  {
    Staging s(out);
    std::string err;
    REQUIRE(s.Begin(&err));
    for (int i = 0; i < 3000; ++i) REQUIRE(s.Write(name(i), "P", &err));
    REQUIRE(s.Commit(&err));
  }
  const std::vector<std::string> listed = ParseManifest(ReadAll(out / ".costsite-manifest"));
  REQUIRE(listed.size() == 3000);
  CHECK(std::is_sorted(listed.begin(), listed.end()));
  CHECK(std::count(listed.begin(), listed.end(), name(0)) == 1);
  CHECK(std::count(listed.begin(), listed.end(), name(2999)) == 1);

  Staging again(out);
  std::string err;
  REQUIRE(again.Begin(&err));
  for (int i = 0; i < 3000; ++i) REQUIRE(again.Write(name(i), "Q", &err));
  REQUIRE(again.Write(name(7), "R", &err));  // its first copy is in the first piece, long written out
  CHECK_FALSE(again.Commit(&err));
  CHECK(err == "two outputs were written to " + name(7) + "; nothing was replaced");
  CHECK(ReadAll(out / name(7)) == "P");  // the site built before stays
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
  // costsite writes neither links nor empty folders: removing them would lose the user's.
  fs::create_directories(tmp.path() / "photos");
  std::ofstream(tmp.path() / "photos/a.jpg") << "jpeg";
  fs::create_symlink("../photos", out / "photos");
  fs::create_symlink("index.html", out / "x/alias.html");
  fs::create_directories(out / "empty");
  CHECK(ForeignFiles(out) == std::vector<std::string>{"empty/", "notes.txt", "photos", "x/alias.html"});
}

TEST_CASE("The manifest holds any file name and reads its older form") {
  const std::vector<std::string> names = {"a/index.html", "new\nline.html", "tab\there.html", "back\\slash",
                                          "cr\rhere", "\\n-literal"};
  const std::string text = FormatManifest(std::vector<std::string_view>(names.begin(), names.end()));
  CHECK(text == "a/index.html\nnew\\nline.html\ntab\there.html\nback\\\\slash\ncr\\rhere\n\\\\n-literal\n");
  CHECK(ParseManifest(text) == names);
  CHECK(ParseManifest("a/index.html\nb.css\n") == std::vector<std::string>{"a/index.html", "b.css"});

  TempDir tmp;
  fs::path out = tmp.path() / "site";
  Staging s(out);
  std::string err;
  REQUIRE(s.Begin(&err));
  REQUIRE(s.Write("new\nline.html", "N", &err));
  REQUIRE(s.Commit(&err));
  CHECK(ForeignFiles(out).empty());
}

TEST_CASE("A manifest of many names is written in pieces that make the same text") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  Staging s(out);
  std::string err;
  REQUIRE(s.Begin(&err));
  std::vector<std::string> names;
  for (int i = 0; i < 3000; ++i) {
    names.push_back("reports/a-report-with-a-long-name-" + std::to_string(i) + (i % 7 == 0 ? "/x\\y" : "") + "/index.html");
    REQUIRE(s.Write(names.back(), "x", &err));
  }
  REQUIRE(s.Commit(&err));
  std::sort(names.begin(), names.end());
  std::vector<std::string_view> views(names.begin(), names.end());
  std::vector<size_t> pieces;
  std::string streamed;
  FormatManifest(views, [&](std::string_view piece) {
    pieces.push_back(piece.size());
    streamed += piece;
  });
  CHECK(pieces.size() >= 2);  // past 64 KiB, in more than one piece
  CHECK(streamed == FormatManifest(views));
  std::ifstream in(out / std::string(kManifestName), std::ios::binary);
  std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(ParseManifest(written) == names);
  CHECK(ForeignFiles(out).empty());
}

TEST_CASE("Staging writes only plain relative paths, each once") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  Staging s(out);
  std::string err;
  REQUIRE(s.Begin(&err));
  for (const char* rel : {"../escape.html", "en/../index.html", "a//b.html", "/abs.html", "./x.html", "a/"}) {
    INFO(rel);
    CHECK_FALSE(s.Write(rel, "X", &err));
    CHECK(err == "refusing to write '" + std::string(rel) + "': not a plain path inside the output folder");
  }
  CHECK_FALSE(fs::exists(tmp.path() / "escape.html"));
  REQUIRE(s.Write("index.html", "one", &err));
  REQUIRE(s.Write("index.html", "two", &err));
  CHECK_FALSE(s.Commit(&err));
  CHECK(err == "two outputs were written to index.html; nothing was replaced");
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("Begin removes the staging folders of dead builds only") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  pid_t child = fork();  // a process that is gone by the time Begin looks
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);
  const fs::path dead = tmp.path() / (".site.costsite-staging-" + std::to_string(child));
  const fs::path alive = tmp.path() / (".site.costsite-staging-" + std::to_string(getppid()));
  const fs::path lock = tmp.path() / ".site.costsite-lock";
  fs::create_directories(dead);
  fs::create_directories(alive);
  std::ofstream(lock) << "";
  Staging s(out);
  std::string err;
  REQUIRE(s.Begin(&err));
  CHECK_FALSE(fs::exists(dead));
  CHECK(fs::exists(alive));  // another build, still running
  CHECK(fs::exists(lock));
}

TEST_CASE("OutputLock lets one process build a folder at a time and removes its file") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  const fs::path file = tmp.path() / ".site.costsite-lock";
  int ready[2], go[2];
  REQUIRE(pipe(ready) == 0);
  REQUIRE(pipe(go) == 0);
  pid_t holder = fork();
  if (holder == 0) {  // takes the lock, says so, holds it until told
    OutputLock lock(out);
    std::string err;
    bool ok = lock.Acquire({}, &err);
    char c = ok ? 'y' : 'n';
    (void)!write(ready[1], &c, 1);
    (void)!read(go[0], &c, 1);
    _exit(0);
  }
  char c = 0;
  REQUIRE(read(ready[0], &c, 1) == 1);
  REQUIRE(c == 'y');
  CHECK(fs::exists(file));
  bool waited = false;
  {
    OutputLock lock(out);
    std::string err;
    // Told to wait: let the holder go; Acquire returns once it has.
    REQUIRE(lock.Acquire([&] {
      waited = true;
      (void)!write(go[1], "x", 1);
    }, &err));
    CHECK(fs::exists(file));
  }
  if (!waited) (void)!write(go[1], "x", 1);  // (the test fails; do not leave the holder hanging)
  int status = 0;
  waitpid(holder, &status, 0);
  CHECK(waited);
  CHECK_FALSE(fs::exists(file));  // released: nothing left beside the output
}

}  // namespace
}  // namespace costsite::output
