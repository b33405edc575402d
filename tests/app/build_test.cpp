// End-to-end: build fixture sites with the real binary and inspect the output.
#include <catch2/catch.hpp>
#include <cstdio>
#include <regex>
#include <set>

#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

RunResult RunCostsite(const std::string& args) {
  std::string cmd = std::string(COSTSITE_BINARY) + " " + args + " 2>&1";
  RunResult r{0, {}};
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::vector<std::string> HtmlFiles(const fs::path& site) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(site))
    if (e.path().extension() == ".html") out.push_back(fs::relative(e.path(), site).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Urls(const std::string& html) {
  static const std::regex kAttr("(?:href|src|content=\"0; url)=\"([^\"]*)\"");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kAttr); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

std::set<std::string> Ids(const std::string& html) {
  static const std::regex kId(" id=\"([^\"]*)\"");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kId); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

// Browsers percent-decode a fragment before looking for the element's id.
std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST_CASE("A bilingual fixture site builds with every page in both languages") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  fs::path site = tmp.path() / "out";
  RunResult r = RunCostsite("build --source " + (tmp.path() / "src").string() + " --out " + site.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("Built 6 pages (zh 3, en 3), 1 warning") != std::string::npos);
  CHECK(r.output.find("content/reports/storage.zh.md:1:1: warning: no 'en' translation") != std::string::npos);

  const std::vector<std::string> expected = {
      "404.html", "en/index.html", "en/reports/gpu/index.html", "en/reports/storage/index.html", "index.html",
      "zh/index.html", "zh/reports/gpu/index.html", "zh/reports/storage/index.html"};
  CHECK(HtmlFiles(site) == expected);
  CHECK_FALSE(fs::exists(site / "en/reports/draft"));

  std::string zh = ReadAll(site / "zh/reports/gpu/index.html");
  std::string en = ReadAll(site / "en/reports/gpu/index.html");
  CHECK(zh.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  // Translations link to each other, in the switcher and as alternates.
  CHECK(zh.find("<a href=\"../../../en/reports/gpu/index.html\" hreflang=\"en\"") != std::string::npos);
  CHECK(en.find("<a href=\"../../../zh/reports/gpu/index.html\" hreflang=\"zh-CN\"") != std::string::npos);
  CHECK(zh.find("<link rel=\"alternate\" hreflang=\"en\" href=\"../../../en/reports/gpu/index.html\">") !=
        std::string::npos);
  // Markdown links to other pages become relative links to their index.html.
  CHECK(zh.find("href=\"../storage/index.html#%E5%AE%B9%E9%87%8F\"") != std::string::npos);  // #容量
  std::string en_gpu = ReadAll(site / "en/reports/gpu/index.html");
  CHECK(en_gpu.find("href=\"../storage/index.html\">from the root") != std::string::npos);
  // A table of contents, heading anchors, the site's own footer override.
  CHECK(zh.find("<nav class=\"toc\"") != std::string::npos);
  CHECK(zh.find("<h2 id=\"细节\">") != std::string::npos);
  CHECK(zh.find("Fixture footer override") != std::string::npos);
  // The untranslated page falls back with a notice in the reader's language.
  std::string fallback = ReadAll(site / "en/reports/storage/index.html");
  CHECK(fallback.find("class=\"notice\"") != std::string::npos);
  CHECK(fallback.find("has not been translated into English") != std::string::npos);
  // The home page lists reports by weight.
  std::string home = ReadAll(site / "en/index.html");
  CHECK(home.find("GPU cost") < home.find("存储成本"));
  CHECK(ReadAll(site / "index.html").find("url=zh/index.html") != std::string::npos);
}

TEST_CASE("Every URL the build writes is relative and resolves to a file and anchor") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  // And with the home page's reports listed one a page: the later pages sit
  // two folders deeper (zh/page/2/), and every link of theirs must still resolve.
  const bool one_a_page = GENERATE(false, true);
  if (one_a_page) WriteAll(tmp.path() / "src/site.yaml", ReadAll(tmp.path() / "src/site.yaml") + "pager_size: 1\n");
  fs::path site = tmp.path() / "out";
  REQUIRE(RunCostsite("build --source " + (tmp.path() / "src").string() + " --out " + site.string()).exit_code == 0);
  CHECK(fs::exists(site / "zh/page/2/index.html") == one_a_page);
  int checked = 0;
  for (const std::string& file : HtmlFiles(site)) {
    std::string html = ReadAll(site / file);
    for (const std::string& url : Urls(html)) {
      INFO(file << ": " << url);
      if (url == "https://example.com/pricing") continue;  // written by the author
      CHECK(url.find("://") == std::string::npos);
      // 404.html is served for a missing path at any depth: its links start
      // at the server's root, and only its.
      const bool not_found = file == "404.html";
      CHECK((url.rfind("/", 0) == 0) == not_found);
      CHECK(url.find("file:") == std::string::npos);
      size_t hash = url.find('#');
      std::string path = url.substr(0, hash);
      if (not_found && path.size() > 1 && path.back() == '/') path += "index.html";
      fs::path target = path.empty()  ? site / file
                        : not_found   ? site / path.substr(1)
                                      : (site / file).parent_path() / path;
      CHECK(fs::is_regular_file(target));  // folders always end in index.html
      if (hash != std::string::npos && fs::is_regular_file(target))
        CHECK(Ids(ReadAll(target)).count(PercentDecode(url.substr(hash + 1))) == 1);
      ++checked;
    }
  }
  CHECK(checked > 20);
}

TEST_CASE("A broken site reports every problem and leaves the old output untouched") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "good");
  CopyFixture("sites/broken", tmp.path() / "bad");
  fs::path site = tmp.path() / "out";
  REQUIRE(RunCostsite("build --source " + (tmp.path() / "good").string() + " --out " + site.string()).exit_code == 0);
  std::string before = ReadAll(site / "zh/reports/gpu/index.html");

  RunResult r = RunCostsite("build --source " + (tmp.path() / "bad").string() + " --out " + site.string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("content/bad.zh.md:2:8: error: '[' is not closed: end the list with ']'") != std::string::npos);
  CHECK(r.output.find("content/ok.fr.md: error: unknown language suffix 'fr' (site languages: zh, en)") !=
        std::string::npos);
  CHECK(r.output.find("2 errors, 1 warning; nothing was written") != std::string::npos);
  CHECK(ReadAll(site / "zh/reports/gpu/index.html") == before);
  int siblings = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) siblings += 1;
  CHECK(siblings == 3);  // good, bad, out: no staging folder left behind
}

TEST_CASE("Output folders holding foreign files are refused unless forced") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  fs::path site = tmp.path() / "out";
  WriteAll(site / "precious.txt", "keep me");
  std::string args = "build --source " + (tmp.path() / "src").string() + " --out " + site.string();
  RunResult r = RunCostsite(args);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("holds 1 file(s) costsite did not write (precious.txt)") != std::string::npos);
  CHECK(ReadAll(site / "precious.txt") == "keep me");
  CHECK(RunCostsite(args + " --force").exit_code == 0);
  CHECK(RunCostsite(args).exit_code == 0);  // now it is costsite's own folder
}

TEST_CASE("The command line reports usage errors with exit code 2") {
  CHECK(RunCostsite("").exit_code == 2);
  CHECK(RunCostsite("frobnicate").exit_code == 2);
  RunResult typo = RunCostsite("biuld");
  CHECK(typo.exit_code == 2);
  CHECK(typo.output.rfind("costsite: unknown command 'biuld' (did you mean 'build'?)\n", 0) == 0);
  CHECK(RunCostsite("frobnicate").output.rfind("costsite: unknown command 'frobnicate'\n", 0) == 0);
  CHECK(RunCostsite("build --no-such-flag").exit_code == 2);
  CHECK(RunCostsite("build --out").exit_code == 2);
  RunResult v = RunCostsite("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.output.rfind("costsite ", 0) == 0);
  CHECK(RunCostsite("build --help").output.find("--source DIR") != std::string::npos);
  CHECK(RunCostsite("--help").exit_code == 0);
}

TEST_CASE("The output folder may not point at the sources") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  fs::path src = tmp.path() / "src";
  RunResult r = RunCostsite("build --source " + src.string() + " --out " + (src / "content").string());
  CHECK(r.exit_code == 2);  // a usage error, as docs/commands.md says
  CHECK(r.output.find("the output folder cannot be inside content/") != std::string::npos);
  CHECK(fs::exists(src / "content/reports/gpu.zh.md"));
}

TEST_CASE("An --out naming an existing file is refused and the file kept") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  const fs::path src = tmp.path() / "src";
  const std::string site_yaml = ReadAll(src / "site.yaml");
  WriteAll(tmp.path() / "notes.txt", "keep me");
  fs::create_symlink("notes.txt", tmp.path() / "link.txt");
  for (const fs::path& out : {tmp.path() / "notes.txt", tmp.path() / "link.txt", src / "site.yaml"}) {
    RunResult r = RunCostsite("build --source " + src.string() + " --out " + out.string());
    INFO(out << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output == "costsite: the output folder cannot be an existing file that is not a folder (--out " +
                          out.string() + "); nothing was written\n");
  }
  CHECK(ReadAll(tmp.path() / "notes.txt") == "keep me");
  CHECK(fs::is_symlink(tmp.path() / "link.txt"));
  CHECK(ReadAll(src / "site.yaml") == site_yaml);
  CHECK(RunCostsite("build --source " + src.string()).exit_code == 0);  // the sources still build
}

TEST_CASE("The --threads option takes 1 or more and clamps a huge count instead of crashing") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  const std::string base = "build --quiet --source " + (tmp.path() / "src").string() + " --out " +
                           (tmp.path() / "out").string() + " --threads ";
  for (const char* bad : {"0", "-1", "abc", "4x", "", "00"}) {
    RunResult r = RunCostsite(base + "'" + bad + "'");
    INFO(bad << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.rfind("costsite: --threads needs a whole number of at least 1 (got '" + std::string(bad) + "')\n",
                         0) == 0);
  }
  for (const char* good : {"1", "50000", "99999999999999999999"}) {
    RunResult r = RunCostsite(base + good);
    INFO(good << "\n" << r.output);
    CHECK(r.exit_code == 0);
  }
  CHECK(fs::exists(tmp.path() / "out/en/reports/gpu/index.html"));
}

TEST_CASE("A link or an empty folder put into the output folder counts as foreign") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  const fs::path out = tmp.path() / "out";
  const std::string args = "build --source " + (tmp.path() / "src").string() + " --out " + out.string();
  REQUIRE(RunCostsite(args).exit_code == 0);
  WriteAll(tmp.path() / "mine/photo.jpg", "jpeg");
  fs::create_symlink("../mine", out / "photos");
  fs::create_directories(out / "drafts");
  RunResult r = RunCostsite(args);
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("holds 2 file(s) costsite did not write (drafts/, photos)") != std::string::npos);
  CHECK(fs::is_symlink(out / "photos"));
  CHECK(fs::is_directory(out / "drafts"));
  CHECK(RunCostsite(args + " --force").exit_code == 0);
  CHECK_FALSE(fs::exists(out / "photos"));
  CHECK(ReadAll(tmp.path() / "mine/photo.jpg") == "jpeg");  // the link went, not what it led to
}

TEST_CASE("File names with a newline or a tab survive the manifest") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  for (const char* name : {"new\nline", "tab\there", "back\\slash"}) {
    WriteAll(tmp.path() / "src/content/reports" / (std::string(name) + ".en.md"), "---\ntitle: Odd\n---\nText.\n");
    WriteAll(tmp.path() / "src/static/files" / (std::string(name) + ".txt"), "odd\n");  // published as named
  }
  const fs::path out = tmp.path() / "out";
  const std::string args = "build --quiet --source '" + (tmp.path() / "src").string() + "' --out " + out.string();
  REQUIRE(RunCostsite(args).exit_code == 0);
  // A page's URL has a '-' for the space (as Hugo makes it); a static file keeps its name.
  CHECK(fs::exists(out / "en/reports/new-line/index.html"));
  CHECK(fs::exists(out / "en/reports/tab-here/index.html"));
  CHECK(fs::exists(out / "files/new\nline.txt"));
  const std::string manifest = ReadAll(out / ".costsite-manifest");
  CHECK(manifest.find("files/new\\nline.txt\n") != std::string::npos);
  CHECK(manifest.find("files/tab\there.txt\n") != std::string::npos);  // a tab is written as it is
  RunResult again = RunCostsite(args);  // the folder is still recognised as costsite's own
  INFO(again.output);
  CHECK(again.exit_code == 0);
}

}  // namespace
}  // namespace costsite

namespace costsite {
namespace {

TEST_CASE("costsite eval prints figures, explains them, and rejects bad usage") {
  std::string src = std::string(COSTSITE_SOURCE_DIR) + "/tests/fixtures/pricing/basic";
  RunResult all = RunCostsite("eval --source " + src);
  CHECK(all.exit_code == 0);
  CHECK(all.output.find("basic.storage = 11.50 USD/month") != std::string::npos);  // 500 GB x 0.023
  RunResult one = RunCostsite("eval basic.storage --explain --source " + src);
  CHECK(one.exit_code == 0);
  CHECK(one.output.find("basic.gpu =") == std::string::npos);
  CHECK(one.output.find("formula:") != std::string::npos);
  CHECK(RunCostsite("eval basic.nope --source " + src).exit_code == 1);
  CHECK(RunCostsite("eval a b --source " + src).exit_code == 2);
  CHECK(RunCostsite("eval --frobnicate").exit_code == 2);
}

}  // namespace
}  // namespace costsite

namespace costsite {
namespace {

TEST_CASE("check --format json reports diagnostics for machines") {
  TempDir tmp;
  CopyFixture("sites/basic", tmp.path() / "src");
  std::string src = (tmp.path() / "src").string();
  RunResult ok = RunCostsite("check --format json --source " + src);
  CHECK(ok.exit_code == 0);  // one warning (a missing translation) is not an error
  CHECK(ok.output.find("\"ok\": true") != std::string::npos);
  CHECK(ok.output.find("\"warnings\": 1") != std::string::npos);
  CHECK(ok.output.find("\"code\": \"missing-translation\"") != std::string::npos);
  CHECK(ok.output.find("\"path\": \"content/reports/storage.zh.md\"") != std::string::npos);
  RunResult strict = RunCostsite("check --strict --format json --source " + src);
  CHECK(strict.exit_code == 1);
  CHECK(strict.output.find("\"ok\": false") != std::string::npos);
  CHECK(strict.output.find("\"severity\": \"error\"") != std::string::npos);
  CHECK(RunCostsite("check --format yaml --source " + src).exit_code == 2);
}

TEST_CASE("An alias at another page's URL or another alias is an error, one at the page's own URL is left out") {
  TempDir tmp;
  const fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: {en: Site}\nlanguages: [en]\n");
  WriteAll(src / "content/a.en.md", "---\ntitle: A\naliases: [/old/, /en/b/, /404.html, /style.css/]\n---\nText.\n");
  WriteAll(src / "content/b.en.md", "---\ntitle: B\n---\nText.\n");
  WriteAll(src / "content/c.en.md", "---\ntitle: C\naliases: [/old/, /en/c/, /older/]\n---\nText.\n");
  RunResult r = RunCostsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  INFO(r.output);
  CHECK(r.exit_code != 0);
  for (const char* taken : {"en/b/index.html", "404.html", "style.css/index.html"})
    CHECK(r.output.find(std::string("content/a.en.md:1:1: error: alias '") + taken +
                        "' is already a page, a file of the site or another alias") != std::string::npos);
  CHECK(r.output.find("content/c.en.md:1:1: error: alias 'old/index.html' is already a page, a file of the site or "
                      "another alias") != std::string::npos);
  CHECK(r.output.find("alias 'en/c/index.html'") == std::string::npos);  // c's own URL
  CHECK(r.output.find("alias 'older/index.html'") == std::string::npos);
  CHECK(r.output.find("4 errors") != std::string::npos);

  // Without the collisions, the redirects are written, "/x/" at the site's root and "x" beside the
  // page, as Hugo writes them; none at the page's own URL.
  WriteAll(src / "content/a.en.md", "---\ntitle: A\naliases: [/old/, a-old]\n---\nText.\n");
  WriteAll(src / "content/c.en.md", "---\ntitle: C\naliases: [/en/c/, /older/]\n---\nText.\n");
  r = RunCostsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  REQUIRE(r.exit_code == 0);
  CHECK(ReadAll(tmp.path() / "out/old/index.html").find("url=../en/a/index.html") != std::string::npos);
  CHECK(ReadAll(tmp.path() / "out/older/index.html").find("url=../en/c/index.html") != std::string::npos);
  CHECK(ReadAll(tmp.path() / "out/en/a-old/index.html").find("url=../a/index.html") != std::string::npos);
  CHECK(ReadAll(tmp.path() / "out/en/c/index.html").find("http-equiv=\"refresh\"") == std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path() / "out/en/old"));
}

}  // namespace
}  // namespace costsite
