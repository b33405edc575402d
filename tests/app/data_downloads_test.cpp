// A report's data downloads name each model in the page's language, with the
// language's own colon before the links.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

TEST_CASE("The data downloads put the page language's colon between a model's title and its files") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);
  WriteAll(src / "content/reports/dl.zh.md", "---\ntitle: 下载\n---\n合计 `=example.total`。\n");
  WriteAll(src / "content/reports/dl.en.md", "---\ntitle: Downloads\n---\nTotal `=example.total`.\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string zh = ReadAll(src / "site/zh/reports/dl/index.html");
  std::string en = ReadAll(src / "site/en/reports/dl/index.html");
  auto line = [](const std::string& html) {
    size_t at = html.find("data-downloads");
    REQUIRE(at != std::string::npos);
    size_t li = html.find("<li>", at);
    return html.substr(li, html.find("</li>", li) - li);
  };
  INFO(line(zh));
  CHECK(line(zh).find("：<a href=\"../../../data/example.json\"") != std::string::npos);
  CHECK(line(zh).find(": <a") == std::string::npos);
  INFO(line(en));
  CHECK(line(en).find(": <a href=\"../../../data/example.json\"") != std::string::npos);
}

}  // namespace
}  // namespace costsite
