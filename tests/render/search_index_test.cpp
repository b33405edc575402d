#include "render/search_index.h"

#include <catch2/catch.hpp>

namespace costsite::render {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

OutputFile File(std::string path, std::string search_text, std::string title) {
  OutputFile f;
  f.path = std::move(path);
  f.search_text = std::move(search_text);
  f.title = std::move(title);
  return f;
}

TEST_CASE("Search terms: Chinese by bigrams, English by lowercase words") {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"GPU 成本", {"gpu", "成本"}},
      {"Monthly Cost, monthly cost", {"monthly", "cost"}},
      {"向量数据库", {"向量", "量数", "数据", "据库"}},
      {"a 7 x", {"7"}},  // single letters are not words; numbers are
      {"Café ÉTÉ", {"café", "été"}},
      {"A100的价格", {"a100", "的价", "价格"}},
      // A character with no CJK neighbour is indexed alone.
      {"的 GPU，和。成本 x 量", {"的", "gpu", "和", "成本", "量"}},
      {"𠀀𠀁", {"𠀀𠀁"}},  // supplementary ideographs pair like the others
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(SearchTerms(c.text) == c.expected);
  }
}

TEST_CASE("Search terms: British and American spellings are one term") {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"quantisation quantization", {"quantization"}},
      {"Optimise optimised optimising optimisations", {"optimize", "optimized", "optimizing", "optimizations"}},
      {"utilisation utilization", {"utilization"}},
      {"colour colours coloured color", {"color", "colors", "colored"}},
      {"analyse analysed", {"analyze", "analyzed"}},
      {"behaviour behavior", {"behavior"}},
      // Three letters must stay before the suffix: short words are left as they are.
      {"rise wise hour our four", {"rise", "wise", "hour", "our", "four"}},
      {"123our", {"123or"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(SearchTerms(c.text) == c.expected);
  }
}

TEST_CASE("Snippets collapse whitespace and cut at a code point") {
  CHECK(Snippet("  a \n b  ", 10) == "a b");
  CHECK(Snippet("成本报告", 2) == "成本…");
  CHECK(Snippet("one two three", 7) == "one two…");
  CHECK(Snippet("abc", 3) == "abc");
  CHECK(Snippet("abc  \n", 3) == "abc");
  CHECK(Snippet("", 5).empty());
  CHECK(Snippet("\t\r\n", 5).empty());
  // An invalid byte inside a run becomes U+FFFD; a real U+FFFD stays.
  CHECK(Snippet("ab\xff" "cd", 10) == "ab\xEF\xBF\xBD" "cd");
  CHECK(Snippet("a\xEF\xBF\xBD" "b c", 10) == "a\xEF\xBF\xBD" "b c");
  CHECK(Snippet("x\xff", 1) == "x…");
}

TEST_CASE("The index holds Chinese bigrams and English words with deduplicated postings") {
  std::vector<OutputFile> files = {
      File("zh/reports/gpu/index.html", "GPU 推理成本每月", "GPU 成本"),
      File("en/reports/gpu/index.html", "GPU inference costs, costs and costs", "GPU cost"),
      File("style.css", "", ""),
  };
  SearchIndexStats stats;
  std::string js = BuildSearchIndex(files, &stats);
  CHECK(js.rfind("window.COSTSITE_SEARCH=", 0) == 0);
  CHECK(js.find("\"推理\":[0]") != std::string::npos);
  CHECK(js.find("\"成本\":[0]") != std::string::npos);
  CHECK(js.find("\"costs\":[1]") != std::string::npos);
  CHECK(js.find("\"p\":[[\"zh\",\"zh/reports/gpu/index.html\",\"GPU 成本\"") != std::string::npos);
  CHECK(stats.pages == 2);
  CHECK(stats.bytes == js.size());
  CHECK(Has(SearchTerms("costs"), "costs"));
}

TEST_CASE("Titles and snippets are valid JSON strings whatever they hold") {
  std::vector<OutputFile> files = {
      File("en/a/index.html", "line\u2028two", "Say \"hi\" \\ tab\there\n\x01 end \xff"),
  };
  std::string js = BuildSearchIndex(files, nullptr);
  CHECK(js.find("\"Say \\\"hi\\\" \\\\ tab\\u0009here\\n\\u0001 end \xEF\xBF\xBD\"") != std::string::npos);
  CHECK(js.find("\"line\\u2028two\"") != std::string::npos);
}

TEST_CASE("Postings of pages in a row are written as runs") {
  std::vector<OutputFile> files;
  for (int i = 0; i < 6; ++i) {
    std::string text = i == 4 ? "storage" : "gpu storage";
    files.push_back(File("en/r" + std::to_string(i) + "/index.html", text, "t"));
  }
  std::string js = BuildSearchIndex(files, nullptr);
  CHECK(js.find("\"gpu\":[0,-3,2]") != std::string::npos);  // 0, 1-3, then 5
  CHECK(js.find("\"storage\":[0,-5]") != std::string::npos);
}

}  // namespace
}  // namespace costsite::render
