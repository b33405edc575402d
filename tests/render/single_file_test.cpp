#include "render/single_file.h"

#include <catch2/catch.hpp>

namespace costsite::render {
namespace {

TEST_CASE("Single files link other pages under base_url, escaped for the attribute") {
  load::Theme theme;
  const std::string html = "<p><a href=\"../other/index.html?a=1&amp;b=2\">x</a> <a href=\"#top\">t</a></p>";
  CHECK(MakeSingleFile(html, "en/page/index.html", theme, "https://r.example.com") ==
        "<p><a href=\"https://r.example.com/en/other/index.html?a=1&amp;b=2\">x</a> <a href=\"#top\">t</a></p>");
  // site.yaml refuses such a base_url; the output is safe without that check.
  CHECK(MakeSingleFile(html, "en/page/index.html", theme, "https://r.example.com/\"><script>alert(1)</script>'") ==
        "<p><a href=\"https://r.example.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;/en/other/"
        "index.html?a=1&amp;b=2\">x</a> <a href=\"#top\">t</a></p>");
  CHECK(MakeSingleFile(html, "en/page/index.html", theme, "") == "<p><a>x</a> <a href=\"#top\">t</a></p>");
}

TEST_CASE("Single files without base_url leave out data downloads and links to other reports") {
  load::Theme theme;
  const std::string html =
      "<p>a</p>\n<section class=\"data-downloads\" aria-labelledby=\"d\">\n<h2 id=\"d\">Data</h2>\n"
      "<ul><li><a href=\"../../../data/m.json\" download=\"m.json\">JSON</a></li></ul>\n</section>\n"
      "<nav class=\"report-pager\" aria-label=\"Other reports\">\n<a href=\"../b/index.html\">B</a>\n</nav>\n<p>z</p>";
  CHECK(MakeSingleFile(html, "en/reports/a/index.html", theme, "") == "<p>a</p>\n<p>z</p>");
  // With a base URL they stay, and lead there.
  std::string kept = MakeSingleFile(html, "en/reports/a/index.html", theme, "https://r.example.com");
  CHECK(kept.find("href=\"https://r.example.com/data/m.json\" download=\"m.json\"") != std::string::npos);
  CHECK(kept.find("href=\"https://r.example.com/en/reports/b/index.html\"") != std::string::npos);
}

TEST_CASE("SingleFilePath and ResolveRelative") {
  CHECK(SingleFilePath("zh/reports/gpu/index.html") == "single/zh/reports/gpu.html");
  CHECK(ResolveRelative("zh/a/index.html", "../../style.css") == "style.css");
}

}  // namespace
}  // namespace costsite::render
