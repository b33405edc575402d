// Real Hugo sites' configurations that name things in ways of their own:
// languages' content from module mounts (OpenTelemetry's site), aliases
// turned off, links to an alias's URL, and lists ordered as Hugo collates
// their titles.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

// As OpenTelemetry's hugo.yaml: no contentDir, each language's folder
// mounted as content, the default language's without `lang`.
void WriteMountedSite(const fs::path& src, const std::string& extra) {
  WriteAll(src / "hugo.yaml", R"(baseURL: https://example.org
title: Docs
defaultContentLanguage: en
)" + extra + R"(languages:
  en:
    languageName: English
    weight: 1
  zh:
    languageName: 中文
    weight: 2
module:
  mounts:
    - source: content/en
      target: content
    - source: content/zh
      target: content
      lang: zh
)");
  WriteAll(src / "content/en/docs/signals.md",
           "---\ntitle: Signals\naliases: [/docs/concepts/data-sources]\n---\nWhat is collected.\n");
  WriteAll(src / "content/zh/docs/signals.md",
           "---\ntitle: 信号\naliases: [/docs/concepts/data-sources]\n---\n采集什么。\n");
  WriteAll(src / "content/en/docs/links.md",
           "---\ntitle: Links\n---\nSee [the old page](/docs/concepts/data-sources/).\n");
}

TEST_CASE("A Hugo site's languages may take their content from module mounts") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteMountedSite(src, "");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  // Each language's pages in its own folder, in its own language: translations of one page,
  // so their shared alias is one redirect, not two pages claiming one URL.
  CHECK(Has(ReadAll(out / "en/docs/signals/index.html"), "<html lang=\"en\""));
  CHECK(Has(ReadAll(out / "zh/docs/signals/index.html"), "<html lang=\"zh-CN\""));
  CHECK_FALSE(fs::exists(out / "en/en"));
  CHECK_FALSE(fs::exists(out / "en/zh"));
  CHECK(fs::exists(out / "docs/concepts/data-sources/index.html"));
  // A link to the alias's URL leads to the redirect the site writes there.
  CHECK_FALSE(Has(r.output, "leads nowhere"));
  CHECK(Has(r.output, "0 warnings"));
}

TEST_CASE("disableAliases writes no redirect for any page's aliases") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteMountedSite(src, "disableAliases: true\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(out / "en/docs/signals/index.html"));
  CHECK_FALSE(fs::exists(out / "docs/concepts"));
  // Nothing is there, so the link to it is said to lead nowhere, as it would with Hugo.
  CHECK(Has(r.output, "link '/docs/concepts/data-sources/' leads nowhere"));
}

TEST_CASE("Pages without weight or date are listed in their language's collation order as Hugo lists them") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "hugo.yaml", "title: t\ndefaultContentLanguage: zh\nlanguages:\n  zh:\n    contentDir: content/zh\n"
                              "    weight: 1\n  en:\n    contentDir: content/en\n    weight: 2\n");
  for (const char* title : {"中文", "入门文档", "博客", "安装", "用户案例", "Quick start"})
    WriteAll(src / "content/zh/docs" / (std::string(title) + ".md"), "---\ntitle: " + std::string(title) + "\n---\n正文。\n");
  for (const char* title : {"Zebra", "apple", "Banana"})
    WriteAll(src / "content/en/docs" / (std::string(title) + ".md"), "---\ntitle: " + std::string(title) + "\n---\nText.\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto order = [](const std::string& html, const std::vector<std::string>& titles) {
    size_t at = html.find("<main");
    for (const std::string& t : titles) {
      size_t next = html.find(">" + t + "</a>", at);
      if (next == std::string::npos) return false;
      at = next;
    }
    return true;
  };
  // Pinyin: an, bo, ru, yong, zhong; Latin before Han.
  std::string zh = ReadAll(out / "zh/docs/index.html");
  CHECK(order(zh, {"Quick start", "安装", "博客", "入门文档", "用户案例", "中文"}));
  // Letters before their case.
  std::string en = ReadAll(out / "en/docs/index.html");
  CHECK(order(en, {"apple", "Banana", "Zebra"}));
}

}  // namespace
}  // namespace costsite
