// The bad-input suite: every folder under tests/bad-input/ is a broken site
// with, beside it, the exact diagnostics expected on stderr (expected.txt).
// Each case is built with the real binary into an output folder that already
// holds a good site, and must fail with exit 1 and exactly those diagnostics,
// without crashing, writing anything outside the output folder or touching
// the previous output.
//
// Files of a case that are not part of the site:
//   expected.txt      stderr, with the temp folder written as <TMP>
//   command.txt       the command instead of `build` (e.g. `check --strict`)
//   symlink.txt       "LINK TARGET": a symlink made at test time (git may not keep one);
//                     TARGET is relative to LINK's folder; <TMP>/outside/secret.md exists
//   generate.txt      "PATH BYTES": a Markdown file of that size made at test time
//   succeeds.txt      the build succeeds; no tag in a page's <main> may be a script,
//                     hold a javascript: URL or an event handler (Markdown with raw
//                     HTML off shows raw HTML as text)
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(COSTSITE_SOURCE_DIR) / "tests/bad-input";
const char* const kControlFiles[] = {"expected.txt", "command.txt", "symlink.txt", "generate.txt",
                                     "succeeds.txt"};

struct Run {
  int exit_code = -1;  // -1: killed by a signal (a crash)
  std::string err;
};

Run RunCostsite(const std::string& args, const fs::path& cwd, const fs::path& err_file) {
  std::string cmd = "cd '" + cwd.string() + "' && '" + COSTSITE_BINARY + "' " + args + " >/dev/null 2>'" +
                    err_file.string() + "'";
  int status = std::system(cmd.c_str());
  Run r;
  // The shell reports a child killed by signal N as exit 128 + N.
  if (WIFEXITED(status) && WEXITSTATUS(status) < 128) r.exit_code = WEXITSTATUS(status);
  r.err = ReadAll(err_file);
  return r;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size()))
    s.replace(i, from.size(), to);
  return s;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

/// Every file below `dir` (not following symlinks) with its size and, for
/// files under 1 MB, its content; symlinks by their target.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    std::string rel = fs::relative(it->path(), dir).generic_string();
    if (it->is_symlink()) {
      out[rel] = "-> " + fs::read_symlink(it->path()).string();
    } else if (it->is_regular_file()) {
      uintmax_t size = it->file_size();
      out[rel] = size < (1 << 20) ? ReadAll(it->path()) : "size " + std::to_string(size);
    } else {
      out[rel + "/"] = "";
    }
  }
  return out;
}

void CopyCase(const fs::path& from, const fs::path& to) {
  fs::copy(from, to, fs::copy_options::recursive);
  for (const char* f : kControlFiles) fs::remove(to / f);
}

void GenerateMarkdown(const fs::path& file, size_t bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  std::string head = "---\ntitle: 大文件\n---\n";
  const std::string para = "这是一个很长的段落，用于测试非常大的 Markdown 文件。 A very long paragraph.\n\n";
  out << head;
  size_t n = head.size();
  for (; n + para.size() <= bytes; n += para.size()) out << para;
  out << std::string(bytes - n, '.');  // exactly `bytes` in all
}

/// The part of a page between <main and </main>, lowercased.
std::string MainLower(const std::string& html) {
  size_t b = html.find("<main"), e = html.rfind("</main>");
  std::string s = b == std::string::npos || e == std::string::npos ? html : html.substr(b, e - b);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

/// Every tag (`<name ...>`) of `html`.
std::vector<std::string> Tags(const std::string& html) {
  static const std::regex kTag(R"(<[a-z!/][^>]*>)");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kTag); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

void CheckCase(const fs::path& case_dir) {
  const std::string name = case_dir.filename().string();
  TempDir tmp, logs;
  const fs::path src = tmp.path() / "src", out = tmp.path() / "out", outside = tmp.path() / "outside";
  CopyCase(case_dir, src);
  WriteAll(outside / "secret.md", "---\ntitle: secret\n---\nsecret\n");
  if (fs::exists(case_dir / "symlink.txt")) {
    std::istringstream in(ReadAll(case_dir / "symlink.txt"));
    std::string link, target;
    in >> link >> target;
    fs::create_directories((src / link).parent_path());
    fs::create_symlink(target, src / link);
  }
  if (fs::exists(case_dir / "generate.txt")) {
    std::istringstream in(ReadAll(case_dir / "generate.txt"));
    std::string path;
    size_t bytes = 0;
    in >> path >> bytes;
    GenerateMarkdown(src / path, bytes);
  }
  // A previous good site in the output folder.
  CopyFixture("sites/basic", tmp.path() / "good");
  REQUIRE(RunCostsite("build --source good --out out", tmp.path(), logs.path() / "good.txt").exit_code == 0);
  const auto out_before = Snapshot(out), src_before = Snapshot(src), outside_before = Snapshot(outside);

  std::string command = fs::exists(case_dir / "command.txt") ? Trim(ReadAll(case_dir / "command.txt")) : "build";
  std::string args = command + " --source src" + (command == "build" ? " --out out" : "");
  Run r = RunCostsite(args, tmp.path(), logs.path() / "stderr.txt");
  std::string err = Replace(r.err, tmp.path().string(), "<TMP>");
  INFO("case " << name << ": costsite " << args << "\n--- stderr ---\n" << err);

  REQUIRE(r.exit_code != -1);  // no crash
  const bool succeeds = fs::exists(case_dir / "succeeds.txt");
  CHECK(r.exit_code == (succeeds ? 0 : 1));
  if (fs::exists(case_dir / "expected.txt")) CHECK(Trim(err) == Trim(ReadAll(case_dir / "expected.txt")));
  // Nothing written beside the output folder, in the sources or outside them.
  std::vector<std::string> top;
  for (const auto& e : fs::directory_iterator(tmp.path())) top.push_back(e.path().filename().string());
  std::sort(top.begin(), top.end());
  CHECK(top == std::vector<std::string>{"good", "out", "outside", "src"});
  CHECK(Snapshot(src) == src_before);
  CHECK(Snapshot(outside) == outside_before);
  if (succeeds) {
    for (const auto& [rel, text] : Snapshot(out)) {
      if (rel.size() < 5 || rel.substr(rel.size() - 5) != ".html") continue;
      INFO(rel);
      // Raw HTML shown as text (&lt;script&gt;) is harmless; a tag is not.
      for (const std::string& tag : Tags(MainLower(text))) {
        INFO(tag);
        CHECK(tag.rfind("<script", 0) != 0);
        CHECK(tag.find("javascript:") == std::string::npos);
        CHECK_FALSE(std::regex_search(tag, std::regex(R"(\son[a-z]+\s*=)")));
      }
    }
  } else {
    CHECK(Snapshot(out) == out_before);  // the previous output is intact
  }
}

TEST_CASE("Every broken site of tests/bad-input fails with its exact diagnostics", "[bad-input]") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(kCases))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 14);
  for (const fs::path& c : cases) {
    DYNAMIC_SECTION(c.filename().string()) { CheckCase(c); }
  }
}

}  // namespace
}  // namespace costsite
