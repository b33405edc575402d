// Hugo's `ref` and `relref` shortcodes: a page they name that does not exist
// is an error at the shortcode, wherever the path climbs with `../`, and the
// message quotes the shortcode as the author wrote it.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

fs::path WriteRefSite(const fs::path& src) {
  WriteAll(src / "config.toml", "title = \"R\"\ndefaultContentLanguage = \"en\"\n"
                                "[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n"
                                "[languages.zh-cn]\ncontentDir = \"content/zh-cn\"\nweight = 2\n");
  WriteAll(src / "content/en/overview/other/_index.md", "---\ntitle: Other\n---\nOther.\n");
  WriteAll(src / "content/zh-cn/overview/other/_index.md", "---\ntitle: 其他\n---\n其他。\n");
  WriteAll(src / "content/zh-cn/overview/quickstart/_index.md", "---\ntitle: 快速开始\n---\n正文。\n");
  return src / "content/en/overview/quickstart/_index.md";
}

TEST_CASE("A relref that climbs with ../ to a page that does not exist is an error at the shortcode") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(WriteRefSite(src), "---\ntitle: QS\n---\n\n[a]({{< relref \"../nothere/\" >}})\n"
                              "[b]({{< relref \"../../nothere\" >}})\n[c]({{< ref \"../../../../x\" >}})\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "content/en/overview/quickstart/_index.md:5:1: error: broken link '{{< relref \"../nothere/\" >}}': "
                      "no page content/en/overview/nothere.md\n"
                      " 5 | [a]({{< relref \"../nothere/\" >}})\n"
                      "   | ^\n"));
  CHECK(Has(r.output, "content/en/overview/quickstart/_index.md:6:1: error: broken link '{{< relref \"../../nothere\" >}}': "
                      "no page content/en/nothere.md\n"));
  CHECK(Has(r.output, "content/en/overview/quickstart/_index.md:7:1: error: broken link '{{< ref \"../../../../x\" >}}': "
                      "it points outside content/\n"));
  CHECK(Has(r.output, "3 errors"));
  CHECK_FALSE(fs::exists(tmp.path() / "out/en/index.html"));
}

TEST_CASE("A relref that climbs with ../ to a page that exists leads to it") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(WriteRefSite(src), "---\ntitle: QS\n---\n\n[a]({{< relref \"../other/\" >}}) "
                              "[b]({{< relref \"../../overview/other\" >}})\n"
                              "<a href='{{< relref \"../other\" >}}'>c</a>\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string en = ReadAll(out / "en/overview/quickstart/index.html");
  CHECK(Has(en, "<a href=\"../other/index.html\">a</a> <a href=\"../other/index.html\">b</a>"));
}

TEST_CASE("A ref with a lang argument links to that language's page, as Hugo's does") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  fs::path page = WriteRefSite(src);
  WriteAll(src / "content/zh-cn/only.md", "---\ntitle: 仅中文\n---\n正文。\n");
  SECTION("relative to the page's folder or to the language's root, in Markdown and raw HTML") {
    WriteAll(page, "---\ntitle: QS\n---\n\n[a]({{< relref path=\"../other\" lang=\"zh-cn\" >}}) "
                   "[b]({{< ref path=\"/overview/quickstart\" lang=\"zh-cn\" >}}) "
                   "[c]({{< relref path=\"only.md\" lang=\"zh-cn\" >}}) [d]({{< relref path=\"../other\" lang=\"en\" >}})\n");
    fs::path out = tmp.path() / "out";
    CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const std::string en = ReadAll(out / "en/overview/quickstart/index.html");
    CHECK(Has(en, "<a href=\"../../../zh-cn/overview/other/index.html\">a</a> "
                  "<a href=\"../../../zh-cn/overview/quickstart/index.html\">b</a> "
                  "<a href=\"../../../zh-cn/only/index.html\">c</a> <a href=\"../other/index.html\">d</a>"));
  }
  SECTION("a language the page is not written in, or the site does not have, is an error at the shortcode") {
    WriteAll(page, "---\ntitle: QS\n---\n\n[a]({{< relref path=\"only.md\" lang=\"en\" >}})\n"
                   "[b]({{< relref path=\"only.md\" lang=\"fr\" >}})\n");
    CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(Has(r.output, "content/en/overview/quickstart/_index.md:5:1: error: broken link "
                        "'{{< relref path=\"only.md\" lang=\"en\" >}}': page only is not written in 'en' (only in 'zh-cn')\n"));
    CHECK(Has(r.output, "content/en/overview/quickstart/_index.md:6:1: error: broken link "
                        "'{{< relref path=\"only.md\" lang=\"fr\" >}}': the site has no language 'fr'\n"));
  }
}

TEST_CASE("A broken ref in raw HTML is named as written") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: D\nlanguages: [en]\ndefault_language: en\nraw_html: true\n");
  WriteAll(src / "content/p.en.md", "---\ntitle: P\n---\n\n<p><a href='{{< relref \"./api\" >}}'>y</a></p>\n");
  CliResult r = Costsite("build --source " + src.string() + " --out " + (tmp.path() / "out").string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "content/p.en.md:5:13: error: broken link '{{< relref \"./api\" >}}': no page content/api.md\n"));
}

TEST_CASE("A ref by a file's name alone finds the one page with it, and a file of another language links there") {
  // Laid out as Gitea's docs: file-name language suffixes, pages in folders
  // below the one the ref is written in.
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "config.yaml", "title: G\ndefaultContentLanguage: en-us\nlanguages:\n  en-us: {weight: 1}\n"
                                "  zh-cn: {weight: 2}\n");
  WriteAll(src / "content/doc/help/seek-help.en-us.md", "---\ntitle: Seek help\n---\nAsk.\n");
  WriteAll(src / "content/doc/help/seek-help.zh-cn.md", "---\ntitle: 需要帮助\n---\n提问。\n");
  WriteAll(src / "content/doc/usage/labels.zh-cn.md", "---\ntitle: 标签\n---\n标签。\n");
  WriteAll(src / "content/doc/admin/labels.en-us.md", "---\ntitle: Labels\n---\nLabels.\n");
  WriteAll(src / "content/page/start.zh-cn.md",
           "---\ntitle: 开始\n---\n[a]({{< relref \"seek-help.zh-cn.md\" >}}) [b]({{< relref \"seek-help.md\" >}})\n"
           "[c]({{< relref \"doc/help/seek-help.en-us.md\" >}})\n");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string start = ReadAll(out / "zh-cn/page/start/index.html");
  CHECK(Has(start, "<a href=\"../../doc/help/seek-help/index.html\">a</a>"));
  CHECK(Has(start, "<a href=\"../../doc/help/seek-help/index.html\">b</a>"));
  // The English file named: its page, not the Chinese one at the same key.
  CHECK(Has(start, "<a href=\"../../../en-us/doc/help/seek-help/index.html\">c</a>"));
  // A name two pages have finds neither: an error at the shortcode.
  WriteAll(src / "content/page/start.zh-cn.md", "---\ntitle: 开始\n---\n[d]({{< relref \"labels.md\" >}})\n");
  r = Costsite("build --source " + src.string() + " --out " + out.string());
  CHECK(r.exit_code == 1);
  CHECK(Has(r.output, "content/page/start.zh-cn.md:4:1: error: broken link '{{< relref \"labels.md\" >}}'"));
}

}  // namespace
}  // namespace costsite
