#include "markdown/html_links.h"

#include <catch2/catch.hpp>

namespace costsite::markdown {
namespace {

TEST_CASE("FindHtmlUrls reads href and src from tags, quoted or not, decoding references") {
  const std::string html =
      "<p><a class=x href=\"/a?b=1&amp;c=2\">A</a> <IMG SRC='pic.png' alt=\"src=no.png\">"
      "<!-- <a href=\"hidden\"> --><source src=v.webm><a href = \"spaced\">s</a>"
      "<script>var s = '<a href=\"in-script\">';</script><link href=\"style.css\"></p>";
  std::vector<HtmlUrl> urls = FindHtmlUrls(html);
  REQUIRE(urls.size() == 5);
  CHECK(urls[0].url == "/a?b=1&c=2");
  CHECK(html.substr(urls[0].begin, urls[0].end - urls[0].begin) == "/a?b=1&amp;c=2");
  CHECK_FALSE(urls[0].is_image);
  CHECK(urls[1].url == "pic.png");
  CHECK(urls[1].is_image);
  CHECK(urls[2].url == "v.webm");
  CHECK(urls[2].is_image);
  CHECK(urls[3].url == "spaced");
  CHECK(urls[4].url == "style.css");
}

TEST_CASE("FindHtmlUrls stops at an unfinished tag and ignores text that is not a tag") {
  CHECK(FindHtmlUrls("a < b and c<3 href=\"x\"").empty());
  CHECK(FindHtmlUrls("<a href=\"never closed>").empty());
  CHECK(AttributeValue("a&b\"<>") == "a&amp;b&quot;&lt;&gt;");
}

}  // namespace
}  // namespace costsite::markdown
