// What the example reports carry over from their source documents: the rows,
// tables, diagrams and recommendations a reader should find, in both
// languages, with their figures computed by the engine.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

// The example site, built once for this file's tests.
const fs::path& Site() {
  static TempDir tmp;
  static fs::path out = [] {
    fs::path o = tmp.path() / "site";
    std::string cmd = std::string(COSTSITE_BINARY) + " build --quiet --source " + COSTSITE_SOURCE_DIR +
                      " --out " + o.string();
    REQUIRE(std::system(cmd.c_str()) == 0);
    return o;
  }();
  return out;
}

std::string Page(const std::string& lang, const std::string& key) {
  return ReadAll(Site() / lang / "reports" / key / "index.html");
}

// The shown text of each engine figure in the table row whose first cell is
// `label`; empty when there is no such row.
std::vector<std::string> RowFigures(const std::string& html, const std::string& label, size_t from = 0) {
  std::vector<std::string> out;
  // An author's table row starts with <td>, a generated one with <th scope="row">.
  size_t at = std::min(html.find("<td>" + label + "</td>", from), html.find("<th scope=\"row\">" + label + "</th>", from));
  if (at == std::string::npos) return out;
  std::string row = html.substr(at, html.find("</tr>", at) - at);
  // A figure in a table may hold <wbr> after a unit's slash ("calls/<wbr>month").
  static const std::regex kFigure("<span class=\"fig\"[^>]*>((?:[^<]|<wbr>)*)</span>");
  for (auto it = std::sregex_iterator(row.begin(), row.end(), kFigure); it != std::sregex_iterator(); ++it)
    out.push_back(std::regex_replace((*it)[1].str(), std::regex("<wbr>"), ""));
  return out;
}

int Count(const std::string& html, const std::string& needle) {
  int n = 0;
  for (size_t p = html.find(needle); p != std::string::npos; p = html.find(needle, p + 1)) ++n;
  return n;
}

TEST_CASE("Example site: the combined optimisation table keeps its quality column and distillation row") {
  std::string zh = Page("zh", "cost-tracking"), en = Page("en", "cost-tracking");
  // The table whose header has a quality column.
  size_t zh_table = zh.find("<th scope=\"col\">质量</th>"), en_table = en.find("<th scope=\"col\">Quality</th>");
  REQUIRE(zh_table != std::string::npos);
  REQUIRE(en_table != std::string::npos);
  CHECK(RowFigures(zh, "蒸馏 + INT4（原文估计）", zh_table) == std::vector<std::string>{"US$15/天", "92%"});
  CHECK(RowFigures(en, "Distillation + INT4 (the source's estimate)", en_table) ==
        std::vector<std::string>{"$15/day", "92%"});
  CHECK(RowFigures(zh, "INT8 + 缓存", zh_table) == std::vector<std::string>{"US$30/天", "97%"});
  CHECK(RowFigures(en, "INT8 + caching + spot", en_table) == std::vector<std::string>{"$9/day", "97%"});
}

TEST_CASE("Example site: the LongMemEval large and academic tiers are shown item by item") {
  std::string zh = Page("zh", "longmemeval-cloud"), en = Page("en", "longmemeval-cloud");
  for (const std::string& html : {zh, en}) {
    CHECK(RowFigures(html, "Datadog") == std::vector<std::string>{"300"});
    CHECK(RowFigures(html, "CloudFront + WAF") == std::vector<std::string>{"150"});
    CHECK(RowFigures(html, "RDS PostgreSQL db.r5.xlarge").size() == 1);
    CHECK(RowFigures(html, "Pinecone p1.x2").size() == 1);
    CHECK(RowFigures(html, "Colab Pro+").size() == 1);
    CHECK(RowFigures(html, "Google Drive 2 TB").size() == 1);
  }
  CHECK(RowFigures(zh, "EKS + Spot 实例") == std::vector<std::string>{"1,500"});
  CHECK(RowFigures(en, "EKS + spot instances") == std::vector<std::string>{"1,500"});
  CHECK(RowFigures(zh, "GCP 抢占式 n1-standard-8 + 2×V100").size() == 2);  // hours and cost
  CHECK(RowFigures(en, "GCP preemptible n1-standard-8 + 2×V100").size() == 2);
  // EKS against GKE, and the ELK month, as figures.
  // (The page has what-if inputs, so a figure's tag may open with its data-wf attributes.)
  for (const auto& [page, before] : {std::pair{&zh, std::string("GKE 加抢占式 GPU 约 <span ")},
                                     std::pair{&en, std::string("GKE with preemptible GPUs at about <span ")}}) {
    size_t at = page->find(before);
    REQUIRE(at != std::string::npos);
    CHECK(page->find("class=\"fig", at) < page->find('>', at));
  }
  CHECK(zh.find(">US$1,200/月</span>") != std::string::npos);
  CHECK(en.find(">$1,200/month</span>") != std::string::npos);
  CHECK(zh.find(">US$248.20</span>") != std::string::npos);  // "每月 US$248.20": the text says the month
  CHECK(en.find(">$248.20/month</span>") != std::string::npos);
}

TEST_CASE("Example site: the optimisation report draws its five flows as diagrams") {
  for (const char* lang : {"zh", "en"}) {
    INFO(lang);
    std::string html = Page(lang, "optimisation");
    CHECK(Count(html, "<div class=\"flow\">") == 5);
    CHECK(Count(html, "<ol class=\"flow-path flow-branch\">") == 6);
    CHECK(html.find("language-flow") == std::string::npos);
  }
  std::string zh = Page("zh", "optimisation"), en = Page("en", "optimisation");
  CHECK(zh.find("<ol class=\"flow-path flow-branch\"><li>未命中</li><li>批处理队列</li>") != std::string::npos);
  CHECK(en.find("<ol class=\"flow-path flow-branch\"><li>miss</li><li>batching queue</li>") != std::string::npos);
}

TEST_CASE("Example site: the Huawei Cloud report gives its source's recommendation") {
  std::string zh = Page("zh", "huawei-cloud"), en = Page("en", "huawei-cloud");
  CHECK(zh.find("推荐在华为云上部署 LightMem") != std::string::npos);
  CHECK(zh.find("首选中规模方案") != std::string::npos);
  CHECK(en.find("Deploying LightMem on Huawei Cloud is recommended") != std::string::npos);
  CHECK(en.find("Prefer the mid-size set-up") != std::string::npos);
}

}  // namespace
}  // namespace costsite
