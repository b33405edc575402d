#include "render/single_file.h"

#include <catch2/catch.hpp>

namespace costsite::render {
namespace {

TEST_CASE("Single files link other pages under base_url, escaped for the attribute") {
  Theme theme;
  const std::string html = "<p><a href=\"../other/index.html?a=1&amp;b=2\">x</a> <a href=\"#top\">t</a></p>";
  CHECK(MakeSingleFile(html, "en/page/index.html", theme, "https://r.example.com") ==
        "<p><a href=\"https://r.example.com/en/other/index.html?a=1&amp;b=2\">x</a> <a href=\"#top\">t</a></p>");
  // site.yaml refuses such a base_url; the output is safe without that check.
  CHECK(MakeSingleFile(html, "en/page/index.html", theme, "https://r.example.com/\"><script>alert(1)</script>'") ==
        "<p><a href=\"https://r.example.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;/en/other/"
        "index.html?a=1&amp;b=2\">x</a> <a href=\"#top\">t</a></p>");
  CHECK(MakeSingleFile(html, "en/page/index.html", theme, "") == "<p><a>x</a> <a href=\"#top\">t</a></p>");
}

TEST_CASE("SingleFilePath and ResolveRelative") {
  CHECK(SingleFilePath("zh/reports/gpu/index.html") == "single/zh/reports/gpu.html");
  CHECK(ResolveRelative("zh/a/index.html", "../../style.css") == "style.css");
}

}  // namespace
}  // namespace costsite::render
