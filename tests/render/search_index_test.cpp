#include "render/search_index.h"

#include <catch2/catch.hpp>
#include <iterator>
#include <random>

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

// The text of a search-text script for one part holding `text`.
std::string PartText(const std::string& text) {
  const std::string script = SearchTextScript("p.html", text, {});
  const std::string head = "costsiteSearchText(\"p.html\",[";
  const std::string tail = "]);\n";
  REQUIRE(script.rfind(head, 0) == 0);
  REQUIRE(script.size() >= head.size() + tail.size());
  return script.substr(head.size(), script.size() - head.size() - tail.size());
}

TEST_CASE("Search texts collapse white space, drop it at the ends and escape as JSON") {
  CHECK(PartText("  a \n b  ") == "\"a b\"");
  CHECK(PartText("abc  \n") == "\"abc\"");
  CHECK(PartText("") == "\"\"");
  CHECK(PartText("\t\r\n") == "\"\"");
  // An invalid byte becomes U+FFFD; a real U+FFFD stays.
  CHECK(PartText("ab\xff" "cd") == "\"ab\xEF\xBF\xBD" "cd\"");
  CHECK(PartText("a\xEF\xBF\xBD" "b c") == "\"a\xEF\xBF\xBD" "b c\"");

  // Random texts made of pieces whose outputs are known one by one: white
  // space collapses between pieces, everything else maps piece to piece.
  struct Piece {
    const char* in;
    const char* out;  // nullptr: white space
  };
  const Piece pieces[] = {
      {" ", nullptr}, {"\n", nullptr}, {"\t", nullptr}, {"\r", nullptr}, {"a", "a"}, {"Zz9", "Zz9"},
      {"\"", "\\\""}, {"\\", "\\\\"}, {"\x01", "\\u0001"}, {"\x1f", "\\u001f"}, {"成本", "成本"},
      {"\xff", "\xEF\xBF\xBD"}, {"\xEF\xBF\xBD", "\xEF\xBF\xBD"}, {"\xE2\x80\xA8", "\\u2028"},
      {"\xE2\x80\xA9", "\\u2029"}, {"\xEF\xFF\xFD", "\xEF\xBF\xBD"}, {"é", "é"},
  };
  std::mt19937 rng(5);
  for (int round = 0; round < 500; ++round) {
    std::string in, expected;
    bool owed = false;
    for (int k = static_cast<int>(rng() % 12); k > 0; --k) {
      const Piece& p = pieces[rng() % std::size(pieces)];
      in += p.in;
      if (!p.out) {
        owed = !expected.empty();
        continue;
      }
      if (owed) expected += ' ';
      owed = false;
      expected += p.out;
    }
    INFO(in);
    CHECK(PartText(in) == "\"" + expected + "\"");
  }
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

TEST_CASE("The index cuts a page at its h2 and h3 headings: each section has its anchor, heading and own text") {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  OutputFile f = File("en/r/index.html", "Intro words. Storage tiers cold data. Egress fees", "Report");
  f.search_sections = {{"storage", "Storage tiers", 13, 27}, {"egress", "Egress", 38, 44}};
  SearchIndexStats stats;
  std::string js = BuildSearchIndex({f}, &stats);
  CHECK(js.find("\"p\":[[\"en\",\"en/r/index.html\",\"Report\",[[\"\",\"\"],[\"storage\",\"Storage tiers\"],"
                "[\"egress\",\"Egress\"]]]]") != std::string::npos);
  // The parts' text is beside the page, not in the index.
  CHECK(js.find("cold data") == std::string::npos);
  CHECK(SearchTextFile(f.path) == "en/r/index.search.js");
  CHECK(SearchTextScript(f.path, f.search_text, f.search_sections) ==
        "costsiteSearchText(\"en/r/index.html\",[\"Intro words.\",\"cold data.\",\"fees\"]);\n");
  // Section numbers: 0 the top (with the title), 1 storage, 2 egress.
  CHECK(js.find("\"report\":[0]") != std::string::npos);
  CHECK(js.find("\"intro\":[0]") != std::string::npos);
  CHECK(js.find("\"storage\":[1]") != std::string::npos);  // the heading counts as its section's text
  CHECK(js.find("\"cold\":[1]") != std::string::npos);
  CHECK(js.find("\"fees\":[2]") != std::string::npos);
  CHECK(stats.pages == 1);
  CHECK(stats.sections == 3);
}

TEST_CASE("A long section stays one part: its text file holds all of it, the index none") {
  std::string body;
  for (int i = 0; i < 100; ++i) body += "w" + std::to_string(i) + " ";
  OutputFile f = File("en/r/index.html", "Top. Long " + body, "R");
  f.search_sections = {{"long", "Long", 5, 9}};
  SearchIndexStats stats;
  std::string js = BuildSearchIndex({f}, &stats);
  CHECK(stats.sections == 2);
  CHECK(js.find("[[\"\",\"\"],[\"long\",\"Long\"]]") != std::string::npos);
  CHECK(js.find("\"w0\":[1]") != std::string::npos);
  CHECK(js.find("\"w99\":[1]") != std::string::npos);
  CHECK(js.find("\"long\":[1]") != std::string::npos);  // the heading belongs to its section
  CHECK(js.find("w0 w1") == std::string::npos);
  body.pop_back();
  CHECK(SearchTextScript(f.path, f.search_text, f.search_sections) ==
        "costsiteSearchText(\"en/r/index.html\",[\"Top.\",\"" + body + "\"]);\n");
}

TEST_CASE("Sections are numbered through the whole index, page after page") {
  OutputFile a = File("en/a/index.html", "alpha. Head one beta", "A");
  a.search_sections = {{"head-one", "Head one", 7, 16}};
  OutputFile b = File("en/b/index.html", "beta gamma", "B");
  std::string js = BuildSearchIndex({a, b}, nullptr);
  // a: top 0, head-one 1; b: top 2. "beta" is in sections 1 and 2: a run of one step.
  CHECK(js.find("\"beta\":[1,1]") != std::string::npos);
  CHECK(js.find("\"gamma\":[2]") != std::string::npos);
}

TEST_CASE("Titles and texts are valid JSON strings whatever they hold") {
  std::vector<OutputFile> files = {
      File("en/a/index.html", "line\u2028two", "Say \"hi\" \\ tab\there\n\x01 end \xff"),
  };
  std::string js = BuildSearchIndex(files, nullptr);
  CHECK(js.find("\"Say \\\"hi\\\" \\\\ tab\\u0009here\\n\\u0001 end \xEF\xBF\xBD\"") != std::string::npos);
  CHECK(SearchTextScript(files[0].path, files[0].search_text, {}).find("\"line\\u2028two\"") != std::string::npos);
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
