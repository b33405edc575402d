// Flow diagrams from ```flow blocks: ordered lists of steps, no script.
#include "markdown/flow_blocks.h"

#include <catch2/catch.hpp>

#include "markdown/markdown.h"
#include "tests/markdown/cost_test_fixture.h"

namespace costsite::markdown {
namespace {

TEST_CASE("A flow block becomes titled ordered lists of steps with branches") {
  Diagnostics diags;
  std::string html = RenderFlow("# 结果缓存\n请求 → 缓存检查 → 命中\n  未命中 -> 模型 <FP16> → 响应\n", {"p.md", 5, 1}, &diags);
  CHECK(diags.Sorted().empty());
  CHECK(html ==
        "<div class=\"flow\"><div class=\"flow-part\"><p class=\"flow-title\">结果缓存</p>"
        "<ol class=\"flow-path\"><li>请求</li><li>缓存检查</li><li>命中</li></ol>"
        "<ol class=\"flow-path flow-branch\"><li>未命中</li><li>模型 &lt;FP16&gt;</li><li>响应</li></ol>"
        "</div></div>\n");
}

TEST_CASE("An empty step in a flow is an error at its place") {
  Diagnostics diags;
  std::string html = RenderFlow("a → b\nrequest →  → reply\n", {"p.md", 5, 1}, &diags);
  CHECK(html.empty());
  CHECK(AllDiagnostics(diags) ==
        "p.md:6:10: error: empty step in flow diagram (write text between the arrows)\n"
        " 6 | request →  → reply\n"
        "   |          ^\n");
}

TEST_CASE("A flow block renders in a page and other code blocks stay code") {
  Diagnostics diags;
  MarkdownOptions opt;
  auto out = RenderMarkdown("p.md", "```flow\nA → B\n```\n\n```text\nA → B\n```\n", 1, opt, &diags);
  CHECK(out.html.find("<ol class=\"flow-path\"><li>A</li><li>B</li></ol>") != std::string::npos);
  CHECK(out.html.find("<pre><code class=\"language-text\">A → B") != std::string::npos);
  CHECK(out.html.find("language-flow") == std::string::npos);
}

}  // namespace
}  // namespace costsite::markdown
