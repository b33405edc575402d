// The hugo-zh-cn fixture, built end to end: a Docsy-style bilingual site whose
// Chinese language is named with its region (content/zh-cn/), whose
// translations keep their English source in HTML comments, whose section
// pages start with an empty line before the front matter, and whose aliases
// start with the language's folder.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

struct Built {
  TempDir tmp;
  fs::path site;
  CliResult result;
  Built() {
    site = tmp.path() / "out";
    result = Costsite("build --source " + (fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/hugo-zh-cn").string() +
                      " --out " + site.string());
  }
  std::string Page(const std::string& rel) const { return ReadAll(site / rel); }
};

// A copy of the fixture, for a test that adds pages or changes its settings.
struct Copy {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  Copy() { fs::copy(fs::path(COSTSITE_SOURCE_DIR) / "tests/fixtures/sites/hugo-zh-cn", src, fs::copy_options::recursive); }
  CliResult Build(const std::string& out) const {
    return Costsite("build --source " + src.string() + " --out " + (tmp.path() / out).string());
  }
  fs::path Out(const std::string& rel) const { return tmp.path() / "out" / rel; }
  // `rel` below content/en and content/zh-cn, one body under each language's title.
  void Both(const std::string& rel, const std::string& en_title, const std::string& zh_title,
            const std::string& body) const {
    WriteAll(src / "content/en" / rel, "---\ntitle: " + en_title + "\n---\n\n" + body);
    WriteAll(src / "content/zh-cn" / rel, "---\ntitle: " + zh_title + "\n---\n\n" + body);
  }
};

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

TEST_CASE("A language named with its region reads in its primary language's words") {
  Built b;
  INFO(b.result.output);
  REQUIRE(b.result.exit_code == 0);
  CHECK(Has(b.result.output, " 0 warnings"));  // no "no UI strings for language 'zh-cn'"
  std::string zh = b.Page("zh-cn/docs/selectors/index.html");
  CHECK(Has(zh, "<html lang=\"zh-CN\">"));
  CHECK(Has(zh, "<a href=\"../../index.html\">首页</a>"));
  CHECK(Has(zh, "<p class=\"sc-admonition-title\">注意</p>"));
  CHECK_FALSE(Has(zh, ">Home<"));
  CHECK(Has(b.Page("en/docs/selectors/index.html"), "<p class=\"sc-admonition-title\">Note</p>"));
}

TEST_CASE("Hugo's heading shortcode is a heading in the page's language, with an id made of its words") {
  Built b;
  INFO(b.result.output);
  REQUIRE(b.result.exit_code == 0);
  CHECK(Has(b.result.output, " 0 warnings"));
  std::string zh = b.Page("zh-cn/docs/configure-pod/index.html");
  CHECK(Has(zh, "<h2 id=\"准备开始\">\n准备开始\n"));
  CHECK(Has(zh, "<h2 id=\"接下来\">\n接下来\n"));
  CHECK(Has(zh, "<p class=\"sc-admonition-title\">注意</p>\n<p>删除 Pod 会停止其中的容器。</p>"));
  CHECK(Has(zh, "<p class=\"sc-feature-state\">特性状态：<code>Kubernetes v1.27 [stable]</code></p>"));
  std::string en = b.Page("en/docs/configure-pod/index.html");
  CHECK(Has(en, "<h2 id=\"before-you-begin\">\nBefore you begin\n"));
  CHECK(Has(en, "<h2 id=\"whats-next\">\nWhat's next\n"));
  CHECK(Has(en, "<p class=\"sc-admonition-title\">Caution</p>"));
  CHECK(Has(en, "<p class=\"sc-feature-state\">Feature state: <code>Kubernetes v1.27 [stable]</code></p>"));
}

TEST_CASE("Kubernetes' code_sample and codenew show a file of the language's examples, else the default language's") {
  Built b;
  INFO(b.result.output);
  REQUIRE(b.result.exit_code == 0);
  std::string zh = b.Page("zh-cn/docs/configure-pod/index.html");
  // Only in English: the English file.
  CHECK(Has(zh, "<figure class=\"sc-code-sample\"><figcaption><code>pods/simple-pod.yaml</code></figcaption>\n"
                "<pre><code class=\"language-yaml\">apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx</code></pre></figure>"));
  // Translated: the page's own language's.
  CHECK(Has(zh, "<pre><code class=\"language-yaml\"># 只有一个容器的 Pod。\napiVersion: v1\nkind: Pod</code></pre>"));
  CHECK(Has(b.Page("en/docs/configure-pod/index.html"),
            "<pre><code class=\"language-yaml\"># A Pod with one container.\napiVersion: v1\nkind: Pod</code></pre>"));
}

TEST_CASE("A file a shortcode names and no place holds is a warning at the shortcode") {
  Copy c;
  WriteAll(c.src / "content/en/docs/missing.md",
           "---\ntitle: Missing\n---\n\nText.\n\n{{% code_sample file=\"pods/none.yaml\" %}}\n");
  CliResult r = c.Build("out");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(Has(r.output, "content/en/docs/missing.md:7:1: warning: no file 'pods/none.yaml' for shortcode 'code_sample' "
                      "(looked for content/en/docs/pods/none.yaml, content/en/examples/pods/none.yaml)"));
  CHECK_FALSE(Has(ReadAll(c.Out("en/docs/missing/index.html")), "sc-code-sample\"><figcaption><code>pods/none"));
}

TEST_CASE("Kubernetes' glossary_tooltip, comment, tabs and table shortcodes and Docsy's pageinfo read as on their sites") {
  Built b;
  INFO(b.result.output);
  REQUIRE(b.result.exit_code == 0);
  CHECK(Has(b.result.output, " 0 warnings"));
  std::string zh = b.Page("zh-cn/docs/configure-pod/index.html");
  CHECK(Has(zh, "<p>Pod 运行容器。</p>"));
  CHECK_FALSE(Has(zh, "与英文页面保持同步"));  // a comment is for the page's authors
  CHECK(Has(zh, "<div class=\"sc-tabs\">\n<section class=\"sc-tab\"><p class=\"sc-tab-title\">Linux</p>\n<p>执行 Linux 步骤。</p>"));
  CHECK(Has(zh, "<figure class=\"sc-table\"><figcaption>使用的端口</figcaption>\n<table tabindex=\"0\">"));
  CHECK(Has(zh, "<aside class=\"sc-admonition sc-pageinfo\" role=\"note\"><p>本页<strong>仍在编写</strong>。</p>"));  // Docsy's
  std::string en = b.Page("en/docs/configure-pod/index.html");
  CHECK(Has(en, "<p>A Pod runs containers.</p>"));
  CHECK_FALSE(Has(en, "Keep this page in step"));
}

TEST_CASE("Kubernetes' include shows a file of the language's includes folder, which is not published") {
  Built b;
  INFO(b.result.output);
  REQUIRE(b.result.exit_code == 0);
  CHECK(Has(b.result.output, " 0 warnings"));
  std::string zh = b.Page("zh-cn/docs/configure-pod/index.html");
  // With Kubernetes' version-check after it on the same line.
  CHECK(Has(zh, "<p>你需要一个至少有<strong>两个</strong>节点的集群。 要获知版本信息，请输入 <code>kubectl version</code>。</p>"));
  CHECK(Has(zh, "你的 Kubernetes 服务器版本必须不低于版本 v1.27。要获知版本信息，请输入 <code>kubectl version</code>。"));
  // Not translated: the default language's, its link resolved for this page.
  CHECK(Has(zh, "<div lang=\"en\">\n<p>Read the <a href=\"../../../en/docs/selectors/index.html\">selectors</a> first.</p>\n</div>"));
  CHECK(Has(b.Page("en/docs/configure-pod/index.html"),
            "<p>You need a cluster with at least <strong>two</strong> nodes. To check the version, enter "
            "<code>kubectl version</code>.</p>"));
  CHECK(Has(b.Page("en/docs/configure-pod/index.html"),
            "Your Kubernetes server must be at or later than version v1.27. To check the version, enter"));
  // headless: true and _build: {render: never} publish nothing.
  CHECK_FALSE(fs::exists(b.site / "en/includes"));
  CHECK_FALSE(fs::exists(b.site / "zh-cn/includes"));
  CHECK_FALSE(fs::exists(b.site / "en/docs/not-built"));
  CHECK_FALSE(Has(b.Page("en/docs/index.html"), "Not built"));
}

TEST_CASE("An include that is missing or includes itself is a warning at its place") {
  Copy c;
  WriteAll(c.src / "content/en/includes/loop.md", "Again:\n\n{{< include \"loop.md\" >}}\n");
  WriteAll(c.src / "content/en/docs/includes-test.md",
           "---\ntitle: Includes\n---\n\n{{< include \"none.md\" >}}\n\n{{< include \"loop.md\" >}}\n");
  CliResult r = c.Build("out");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(Has(r.output, "content/en/docs/includes-test.md:5:1: warning: no file 'none.md' to include "
                      "(looked for content/en/includes/none.md)"));
  CHECK(Has(r.output, "content/en/includes/loop.md:3:1: warning: includes nest more than 8 deep"));
}

TEST_CASE("Kubernetes' glossary_definition shows a term's definition, and skew a release from the site's params") {
  Built b;
  INFO(b.result.output);
  REQUIRE(b.result.exit_code == 0);
  CHECK(Has(b.result.output, " 0 warnings"));
  const std::string en = b.Page("en/docs/concepts/pods/index.html");
  // length="short": the first paragraph, not what follows <!--more-->.
  CHECK(Has(en, "<div class=\"content\">\n<p>The smallest and simplest Kubernetes object. A Pod represents a set of "
                "running <strong>containers</strong> on your cluster.</p>\n<p>In Kubernetes, a node is a worker "
                "machine in Kubernetes.</p>"));  // prepend: its first letter in lower case
  // length="long": the whole definition, without the <!--more--> marker.
  CHECK(Has(en, "<p>A Pod is typically set up to run a single primary container.</p>"));
  CHECK_FALSE(Has(en, "more--"));
  CHECK(Has(en, "<p>This page is about Kubernetes 1.31: a client at v1.31 works with\ncontrol planes v1.30 to v1.32\n"
                "(patch 1.31.2, oldest 1.29).</p>"));
  const std::string zh = b.Page("zh-cn/docs/concepts/pods/index.html");
  CHECK(Has(zh, "<p>Pod 是 Kubernetes 的原子对象，表示集群上一组正在运行的<strong>容器</strong>。</p>"));
  CHECK_FALSE(Has(zh, "通常创建 Pod 是为了运行单个主容器"));  // short: the first paragraph only
  // Not translated: the default language's, marked as written in it.
  CHECK(Has(zh, "<div lang=\"en\">\n<p>A node is a worker machine in Kubernetes.</p>\n</div>"));
  CHECK(Has(zh, "<p>本页针对 Kubernetes 1.31。</p>"));
  // The terms are resources of the glossary's bundle, not pages.
  CHECK_FALSE(fs::exists(b.site / "en/docs/reference/glossary/pod"));
  CHECK(fs::exists(b.site / "en/docs/reference/glossary/index.html"));
}

TEST_CASE("A glossary term or a skew version that cannot be shown is a warning at the shortcode") {
  Copy c;
  WriteAll(c.src / "content/en/docs/terms.md",
           "---\ntitle: Terms\n---\n\n{{< glossary_definition term_id=\"pdo\" length=\"short\" >}}\n\n"
           "{{< glossary_definition term_id=\"pod\" length=\"medium\" >}}\n\n"
           "Version {{< skew nextVersion >}} and {{< skew currentVersionAddMinor x >}}.\n");
  CliResult r = c.Build("out");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(Has(r.output, "content/en/docs/terms.md:5:1: warning: no glossary term 'pdo' (looked for "
                      "content/en/docs/reference/glossary/pdo.md)"));
  CHECK(Has(r.output, "content/en/docs/terms.md:7:1: warning: shortcode 'glossary_definition' wants length=\"short\", "
                      "\"long\" or \"all\", not \"medium\": the short definition is shown"));
  CHECK(Has(r.output, "content/en/docs/terms.md:9:9: warning: shortcode 'skew' knows no 'nextVersion'"));
  CHECK(Has(r.output, "warning: shortcode 'skew currentVersionAddMinor' wants a number of minor versions, not 'x'"));
  const std::string page = ReadAll(c.Out("en/docs/terms/index.html"));
  CHECK(Has(page, "<p>The smallest and simplest Kubernetes object."));  // the short definition, as said

  // Without the params a skew reads, it says which one is missing.
  std::string config = ReadAll(c.src / "site.yaml");
  config = config.substr(0, config.find("params:"));
  WriteAll(c.src / "site.yaml", config);
  WriteAll(c.src / "content/en/docs/terms.md", "---\ntitle: Terms\n---\n\nVersion {{< skew latestVersion >}}.\n");
  r = c.Build("out2");
  CHECK(Has(r.output, "content/en/docs/terms.md:5:9: warning: no param 'latest' (add it to site.yaml's params:, or to "
                      "Hugo's [params])"));
}

TEST_CASE("Docsy's blocks show their titles and content, a feature's link resolved and named in the page's language") {
  Copy c;
  const std::string blocks =
      "{{< blocks/cover title=\"Welcome\" subtitle=\"Costs, explained\" height=\"full\" >}}\nRead the [docs](docs/).\n"
      "{{< /blocks/cover >}}\n\n{{% blocks/lead color=\"primary\" %}}\nA **lead**.\n{{% /blocks/lead %}}\n\n"
      "{{< blocks/section color=\"dark\" >}}\n{{% blocks/feature icon=\"fa-book\" title=\"Fast\" url=\"docs/selectors/\" %}}\n"
      "In seconds.\n{{% /blocks/feature %}}\n{{< /blocks/section >}}\n\n{{< blocks/link-down color=\"info\" >}}\n";
  c.Both("_index.md", "Home", "首页", blocks);
  CliResult r = c.Build("out");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, " 0 warnings"));
  const std::string en = ReadAll(c.Out("en/index.html"));
  CHECK(Has(en, "<div class=\"sc-block sc-cover\"><p class=\"sc-cover-title\">Welcome</p>\n"
                "<p class=\"sc-cover-subtitle\">Costs, explained</p>\n<p>Read the <a href=\"docs/index.html\">docs</a>.</p>"));
  CHECK(Has(en, "<div class=\"sc-block sc-lead\"><p>A <strong>lead</strong>.</p>"));
  CHECK(Has(en, "<div class=\"sc-feature\"><p class=\"sc-feature-title\">Fast</p>\n<p>In seconds.</p>\n"
                "<p><a href=\"docs/selectors/index.html\">Read more</a></p></div>"));
  const std::string zh = ReadAll(c.Out("zh-cn/index.html"));
  CHECK(Has(zh, "<p><a href=\"docs/selectors/index.html\">阅读更多</a></p>"));
  CHECK_FALSE(Has(en, "blocks/"));
}

TEST_CASE("Hugo's youtube and vimeo are links to the video, and mermaid shows the diagram's source") {
  Copy c;
  const std::string body =
      "{{< youtube dQw4w9WgXcQ >}}\n\nWatch {{< vimeo id=\"146022717\" title=\"the talk\" >}} first.\n\n"
      "{{< mermaid >}}\ngraph TD;\n  A-->B;\n{{< /mermaid >}}\n";
  c.Both("docs/media.md", "Media", "媒体", body);
  CliResult r = c.Build("out");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(r.output, " 0 warnings"));
  const std::string en = ReadAll(c.Out("en/docs/media/index.html"));
  // Linked, not embedded: the page reads offline, and nothing is fetched until a reader asks.
  CHECK(Has(en, "<a class=\"sc-video\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Video on YouTube</a>"));
  CHECK(Has(en, "<p>Watch <a class=\"sc-video\" href=\"https://vimeo.com/146022717\">the talk</a> first.</p>"));
  CHECK(Has(en, "<pre class=\"sc-mermaid\"><code class=\"language-mermaid\">graph TD;\n  A--&gt;B;</code></pre>"));
  CHECK_FALSE(Has(en, "<iframe"));
  const std::string zh = ReadAll(c.Out("zh-cn/docs/media/index.html"));
  CHECK(Has(zh, ">YouTube 视频</a>"));
}

TEST_CASE("Front matter after an empty first line is the page's") {
  Built b;
  REQUIRE(b.result.exit_code == 0);
  std::string zh = b.Page("zh-cn/docs/index.html");
  CHECK(Has(zh, "<h1>文档</h1>"));
  CHECK_FALSE(Has(zh, "type: docs"));
  CHECK(Has(b.Page("en/docs/index.html"), "<h1>Documentation</h1>"));
}

TEST_CASE("HTML comments of a translation are not shown, and no shortcode leaks out of them") {
  Built b;
  REQUIRE(b.result.exit_code == 0);
  std::string zh = b.Page("zh-cn/docs/selectors/index.html");
  CHECK_FALSE(Has(zh, "&lt;!--"));
  CHECK_FALSE(Has(zh, "overview"));
  CHECK_FALSE(Has(zh, "select objects with a"));
  CHECK_FALSE(Has(zh, "\xEE\x80\x80"));
  CHECK(Has(zh, "<p>“字段选择器（Field selectors）”允许你根据字段的值筛选对象。</p>"));
  CHECK(Has(zh, "<p>字段选择器本质上是资源“过滤器（Filters）”。</p>"));
  // raw_html is off: the <div> is shown as text, the shortcode inside it still renders.
  CHECK(Has(zh, "<p>&lt;div class=&quot;shown&quot;&gt;</p>\n<aside class=\"sc-admonition sc-note\""));
  CHECK(Has(zh, "<p>内联</p>"));
  std::string en = b.Page("en/docs/selectors/index.html");
  CHECK_FALSE(Has(en, "&lt;!--"));
  CHECK_FALSE(Has(en, "{{&lt;"));  // the note after the fenced block renders
  CHECK(Has(en, "<p class=\"sc-admonition-title\">Note</p>\n<p>Field selectors are essentially resource <em>filters</em>.</p>"));
}

TEST_CASE("An alias that starts with the page's own language folder redirects from that folder") {
  Built b;
  REQUIRE(b.result.exit_code == 0);
  CHECK(Has(b.Page("en/docs/old-selectors/index.html"), "url=../selectors/index.html"));
  CHECK(Has(b.Page("zh-cn/docs/old-selectors/index.html"), "url=../selectors/index.html"));
  CHECK_FALSE(fs::exists(b.site / "en/en"));
  CHECK_FALSE(fs::exists(b.site / "zh-cn/zh-cn"));
  // "/en/docs/selectors/" is the page's own URL here (Hugo keeps English at the root): no redirect over it.
  CHECK(Has(b.Page("en/docs/selectors/index.html"), "<h1>Field Selectors</h1>"));
}

TEST_CASE("An alias from the site's root is written at the root, whatever the page's language") {
  // dubbo-website: zh-cn is the default language, in its own folder, and its pages keep the old
  // /zh/... URLs as aliases; Hugo writes those at the site's root.
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "config.toml", "title = \"A\"\ndefaultContentLanguage = \"zh-cn\"\ndefaultContentLanguageInSubdir = true\n"
                                "[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n"
                                "[languages.zh-cn]\ncontentDir = \"content/zh-cn\"\nweight = 2\n");
  WriteAll(src / "content/en/docs/lb.md", "---\ntitle: LB\naliases:\n    - /old/lb/\n    - lb-old\n---\nBody\n");
  WriteAll(src / "content/zh-cn/docs/lb.md",
           "---\ntitle: 负载均衡\naliases:\n    - /zh/overview/load-balance/\n---\n正文\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(Has(ReadAll(out / "zh/overview/load-balance/index.html"), "url=../../../zh-cn/docs/lb/index.html"));
  CHECK(Has(ReadAll(out / "old/lb/index.html"), "url=../../en/docs/lb/index.html"));
  CHECK(Has(ReadAll(out / "en/docs/lb-old/index.html"), "url=../lb/index.html"));
  CHECK_FALSE(fs::exists(out / "zh-cn/zh"));
  CHECK_FALSE(fs::exists(out / "en/old"));
}

}  // namespace
}  // namespace costsite
