// Publishing: with base_url, sitemap.xml with hreflang pairs and canonical
// links; without it, nothing absolute anywhere. 404.html always, its links
// starting at the server's root (it is served for a missing path at any depth).
#include <catch2/catch.hpp>
#include <regex>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

TEST_CASE("With base_url: sitemap.xml, canonical links, and 404.html under base_url's path") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);
  WriteAll(src / "site.yaml", ReadAll(src / "site.yaml") + "base_url: https://reports.example.org/costs/\n");
  CliResult r = Costsite("build --source " + src.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string sitemap = ReadAll(src / "site/sitemap.xml");
  CHECK(sitemap.find("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"") != std::string::npos);
  CHECK(sitemap.find("<loc>https://reports.example.org/costs/en/reports/example/</loc>") != std::string::npos);
  CHECK(sitemap.find("<loc>https://reports.example.org/costs/zh/reports/example/</loc>") != std::string::npos);
  CHECK(sitemap.find("<xhtml:link rel=\"alternate\" hreflang=\"zh-CN\" "
                     "href=\"https://reports.example.org/costs/zh/reports/example/\"/>") != std::string::npos);
  CHECK(sitemap.find("hreflang=\"en\" href=\"https://reports.example.org/costs/en/\"/>") != std::string::npos);
  CHECK(ReadAll(src / "site/en/reports/example/index.html")
            .find("<link rel=\"canonical\" href=\"https://reports.example.org/costs/en/reports/example/\">") !=
        std::string::npos);
  std::string not_found = ReadAll(src / "site/404.html");
  CHECK(not_found.find("href=\"/costs/style.css\"") != std::string::npos);
  CHECK(not_found.find("href=\"/costs/en/\"") != std::string::npos);
  CHECK(not_found.find("href=\"/costs/zh/\"") != std::string::npos);
  CHECK(not_found.find("://") == std::string::npos);  // no host: works on a preview server too
}

TEST_CASE("Without base_url: 404.html in both languages, and nothing absolute") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);
  REQUIRE(Costsite("build --source " + src.string()).exit_code == 0);
  CHECK_FALSE(fs::exists(src / "site/sitemap.xml"));
  std::string not_found = ReadAll(src / "site/404.html");
  CHECK(not_found.find("<p lang=\"zh-CN\">页面不存在。 <a href=\"/zh/\">") != std::string::npos);
  CHECK(not_found.find("<p lang=\"en\">This page does not exist. <a href=\"/en/\">") != std::string::npos);
  CHECK(not_found.find("href=\"/style.css\"") != std::string::npos);
  static const std::regex kUrl("(?:href|src)=\"([^\"]*)\"");
  for (const auto& [path, text] : Snapshot(src / "site")) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    if (path == "404.html") continue;  // served at any depth: links from the server's root
    INFO(path);
    CHECK(text.find("rel=\"canonical\"") == std::string::npos);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kUrl); it != std::sregex_iterator(); ++it) {
      std::string url = (*it)[1];
      INFO(url);
      CHECK(url.rfind("/", 0) != 0);  // never root-relative
      // The only absolute URLs are the price sources the content cites.
      if (url.find("://") != std::string::npos) CHECK(url.rfind("https://example.com/", 0) == 0);
    }
  }
}

}  // namespace
}  // namespace costsite
