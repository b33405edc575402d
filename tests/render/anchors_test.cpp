#include "render/anchors.h"

#include <catch2/catch.hpp>

#include "render/site_renderer.h"

namespace costsite::render {
namespace {

TEST_CASE("CollectIds reads ids and anchor names, not text, comments or scripts") {
  struct Case {
    std::string html;
    std::vector<std::string> ids;
  };
  const std::vector<Case> cases = {
      {"<h2 id=\"costs\">Costs</h2><p ID='b'>x</p>", {"b", "costs"}},
      {"<a name=\"old\"></a><div name=\"not-an-anchor\"></div>", {"old"}},
      {"<p>id=\"text\" is prose</p><!-- <h2 id=\"hidden\"> -->", {}},
      {"<script>var s = '<h2 id=\"js\">';</script><style>#x{}</style><h3 id=after>", {"after"}},
      {"<SCRIPT>'<b id=\"no\">'</Script><p title=\"a > b\" id=\"q\">", {"q"}},
      {"<h2 id=\"r&amp;d\">R&amp;D</h2><h2 id=\"&#x6210;本\">", {"r&d", "成本"}},
      {"<h2 id=\"a\"></h2><h2 id=\"a\"></h2>", {"a"}},
      {"<br/><img src=x id=pic/>", {"pic/"}},  // unquoted values end at a space or '>'
  };
  for (const Case& c : cases) {
    INFO(c.html);
    CHECK(CollectIds(c.html) == c.ids);
  }
}

TEST_CASE("A fragment is found as written, percent-decoded, or as the top of the page") {
  IdList ids = {"costs", "成本"};
  CHECK(FragmentFound(ids, "costs"));
  CHECK(FragmentFound(ids, "%E6%88%90%E6%9C%AC"));
  CHECK(FragmentFound(ids, ""));
  CHECK(FragmentFound(ids, "top"));
  CHECK_FALSE(FragmentFound(ids, "Costs"));
  CHECK_FALSE(FragmentFound(ids, "missing"));
  CHECK_FALSE(FragmentFound(ids, "cost"));  // a prefix of an id is not that id
  CHECK_FALSE(FragmentFound(IdList(), "costs"));
  // Ids longer than 127 bytes take two bytes of length; the ids after them are still found.
  const std::string long_id(300, 'x');
  IdList mixed(std::vector<std::string>{"b", long_id, "a", "b"});
  CHECK(FragmentFound(mixed, long_id));
  CHECK(FragmentFound(mixed, "a"));
  CHECK(FragmentFound(mixed, "b"));
  CHECK_FALSE(FragmentFound(mixed, std::string(299, 'x')));
  CHECK(Fragment("gpu.md#costs") == "costs");
  CHECK(Fragment("gpu.md").empty());
}

TEST_CASE("CheckAnchors warns at the link, quoting its line, only for pages of the site") {
  OutputFile a, b;
  a.path = "en/a/index.html";
  a.anchors.ids = {"intro"};
  a.anchors.links = {
      {"en/b/index.html", "page reports/b", "costs", "b.md#costs", {"content/a.en.md", 3, 5}, "See [b](b.md#costs)."},
      {"en/b/index.html", "page reports/b", "missing", "b.md#missing", {"content/a.en.md", 4, 1}, "[x](b.md#missing)"},
      {"en/a/index.html", "this page", "intro", "#intro", {"content/a.en.md", 5, 1}, "[top](#intro)"},
      {"other.pdf", "page other.pdf", "p2", "other.pdf#p2", {"content/a.en.md", 6, 1}, "[pdf](other.pdf#p2)"},
  };
  b.path = "en/b/index.html";
  b.anchors.ids = {"costs"};
  Diagnostics diags;
  CheckAnchors({a, b}, &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 1);
  CHECK(FormatDiagnostic(all[0]) ==
        "content/a.en.md:4:1: warning: link to 'b.md#missing': page reports/b has no heading or element "
        "with id 'missing'\n 4 | [x](b.md#missing)\n   | ^\n");
  CHECK(all[0].code == "broken-anchor");
}

// A build keeps only the files with fragment links; the pages they lead to
// are read back, each once, and a target that is no page is not checked.
TEST_CASE("CheckAnchors reads back a page not among the files, once, and skips what is no page") {
  OutputFile a;
  a.path = "en/a/index.html";
  a.anchors.ids = {"intro"};
  a.anchors.links = {
      {"en/b/index.html", "page reports/b", "costs", "b.md#costs", {"content/a.en.md", 3, 5}, "[b](b.md#costs)"},
      {"en/b/index.html", "page reports/b", "missing", "b.md#missing", {"content/a.en.md", 4, 1}, "[x](b.md#missing)"},
      {"en/a/index.html", "this page", "gone", "#gone", {"content/a.en.md", 5, 1}, "[top](#gone)"},
      {"static/x.html", "page static/x.html", "p2", "x.html#p2", {"content/a.en.md", 6, 1}, "[x](x.html#p2)"},
  };
  std::vector<std::string> asked;
  Diagnostics diags;
  CheckAnchors({a}, &diags, [&](std::string_view path) -> std::optional<IdList> {
    asked.emplace_back(path);
    if (path == "en/b/index.html") return IdList{"costs"};
    return std::nullopt;  // not a page of the site
  });
  CHECK(asked == std::vector<std::string>{"en/b/index.html", "static/x.html"});  // a's own ids were kept
  auto all = diags.Sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].message == "link to 'b.md#missing': page reports/b has no heading or element with id 'missing'");
  CHECK(all[1].message == "link to '#gone': this page has no heading or element with id 'gone'");
}

}  // namespace
}  // namespace costsite::render
