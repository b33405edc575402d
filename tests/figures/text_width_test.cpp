// Label widths as text is set: CJK at a full em, Latin at typical widths; wrapping and shortening.
#include "figures/text_width.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

namespace costsite::figures {
namespace {

TEST_CASE("Wide characters take a full em, Latin less") {
  CHECK(TextWidth("成本构成", 13) == 52);   // 4 × 13 px
  CHECK(TextWidth("，（）", 10) == 30);     // full-width punctuation
  CHECK(TextWidth("ＡＢ", 10) == 20);       // full-width Latin
  CHECK(TextWidth("0123456789", 10) == 64);
  CHECK(TextWidth("iiii", 10) < TextWidth("mmmm", 10));
  CHECK(TextWidth("Ops", 13) < TextWidth("运维", 13) + 13);
  CHECK(TextWidth("", 13) == 0);
  // A Latin label is narrower than the same number of CJK characters, wider than a third of it.
  CHECK(TextWidth("Benchmark", 13) < TextWidth("基准测试推荐方案的成本", 13));
  CHECK(TextWidth("Benchmark", 13) > 9 * 13 / 3);
  CHECK(TextWidth("CN¥50,000.00–80,000.00/month", 13) >= 200);  // the label that was cut off
}

TEST_CASE("Widths round up, so a measured label never overflows") {
  CHECK(TextWidth("i", 13) == 5);  // 0.32 em × 13 = 4.16 → 5
  CHECK(CharWidth(U'中') == 1000);
  CHECK(CharWidth(U'a') == 620);
}

TEST_CASE("A label that fits stays on one line") {
  WrappedText t = WrapText("GPU instances", 200, 13, 2);
  REQUIRE(t.lines.size() == 1);
  CHECK(t.lines[0] == "GPU instances");
  CHECK_FALSE(t.shortened);
}

TEST_CASE("Latin wraps between words, CJK between characters") {
  WrappedText en = WrapText("Benchmark (recommended stack)", 160, 13, 2);
  REQUIRE(en.lines.size() == 2);
  CHECK(en.lines[0] == "Benchmark");
  CHECK(en.lines[1] == "(recommended stack)");
  CHECK_FALSE(en.shortened);

  WrappedText zh = WrapText("长期记忆基准测试综合推荐方案", 100, 13, 2);  // 7 characters a line
  REQUIRE(zh.lines.size() == 2);
  CHECK(zh.lines[0] == "长期记忆基准测");
  CHECK(zh.lines[1] == "试综合推荐方案");
  for (const auto& l : zh.lines) CHECK(TextWidth(l, 13) <= 100);
}

TEST_CASE("Closing CJK punctuation does not start a line") {
  WrappedText t = WrapText("一二三四五六七，八九", 91, 13, 2);  // 7 characters fit
  REQUIRE(t.lines.size() == 2);
  CHECK(t.lines[0] == "一二三四五六");
  CHECK(t.lines[1] == "七，八九");
}

TEST_CASE("Mixed text breaks at spaces and around CJK") {
  WrappedText t = WrapText("GPU 实例（A100 80GB）按需价格", 110, 13, 3);
  REQUIRE(t.lines.size() >= 2);
  for (const auto& l : t.lines) CHECK(TextWidth(l, 13) <= 110);
  auto no_spaces = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  std::string joined;
  for (const auto& l : t.lines) joined += l;
  CHECK(no_spaces(joined) == no_spaces("GPU 实例（A100 80GB）按需价格"));  // nothing lost but spaces
}

TEST_CASE("Too long for the lines allowed: the last line ends in an ellipsis") {
  std::string label = "Self-hosted vector database cluster with three replicas across availability zones";
  WrappedText t = WrapText(label, 150, 13, 2);
  REQUIRE(t.lines.size() == 2);
  CHECK(t.shortened);
  CHECK(t.lines[1].size() >= 3);
  CHECK(t.lines[1].substr(t.lines[1].size() - 3) == "…");
  for (const auto& l : t.lines) CHECK(TextWidth(l, 13) <= 150);

  WrappedText zh = WrapText("向量数据库集群三副本跨可用区部署含备份与监控", 80, 13, 1);
  REQUIRE(zh.lines.size() == 1);
  CHECK(zh.shortened);
  CHECK(zh.lines[0] == "向量数据库…");  // 6 em = 78 px
  CHECK(TextWidth(zh.lines[0], 13) <= 80);
}

TEST_CASE("A word longer than a line is broken between characters") {
  WrappedText t = WrapText("p4d.24xlarge.per_gpu.reserved_3y", 100, 13, 3);
  REQUIRE(t.lines.size() >= 2);
  for (const auto& l : t.lines) CHECK(TextWidth(l, 13) <= 100);
}

}  // namespace
}  // namespace costsite::figures
