// SVG charts: well-formed, accessible name and description, data table, deterministic.
#include "figures/charts.h"

#include <catch2/catch.hpp>
#include <vector>

#include "tests/figures/words_fixture.h"

namespace costsite::figures {
namespace {

using cost::Decimal;
using cost::Interval;

// A small XML well-formedness check: tags nest and close, attributes are quoted.
bool WellFormed(const std::string& xml, std::string* why) {
  std::vector<std::string> stack;
  size_t i = 0;
  while ((i = xml.find('<', i)) != std::string::npos) {
    size_t end = xml.find('>', i);
    if (end == std::string::npos) return *why = "unclosed tag", false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return *why = "empty tag", false;
    if (tag[0] == '/') {
      if (stack.empty() || stack.back() != tag.substr(1)) return *why = "mismatched </" + tag.substr(1) + ">", false;
      stack.pop_back();
      continue;
    }
    size_t quotes = std::count(tag.begin(), tag.end(), '"');
    if (quotes % 2) return *why = "unbalanced quotes in <" + tag + ">", false;
    std::string name = tag.substr(0, tag.find_first_of(" /"));
    if (tag.back() != '/') stack.push_back(name);
  }
  if (!stack.empty()) return *why = "unclosed <" + stack.back() + ">", false;
  return true;
}

ChartSpec Spec() {
  ChartSpec s{"c1", "Cost breakdown: Demo <&>", "", {}, false};
  s.bars.push_back({"GPU", Interval(Decimal(900)), "$900.00/month"});
  s.bars.push_back({"Ops", Interval(Decimal(100), Decimal(300)), "$100.00–300.00/month"});
  return s;
}

TEST_CASE("A bar chart is well-formed SVG with an accessible name") {
  std::string svg = RenderBarChart(Spec(), testing::SpeakerFor("en"));
  std::string why;
  INFO(svg);
  CHECK(WellFormed(svg, &why));
  CHECK(why.empty());
  CHECK(svg.find("<svg class=\"chart\" role=\"img\" aria-labelledby=\"c1-title c1-desc\"") == 0);
  CHECK(svg.find("<title id=\"c1-title\">Cost breakdown: Demo &lt;&amp;&gt;</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"c1-desc\">GPU: $900.00/month; Ops: $100.00–300.00/month</desc>") != std::string::npos);
  // Widest bar fills the plot (300 px from x=200); the range gets whiskers at 33 and 100 px.
  CHECK(svg.find("<rect class=\"chart-bar\" x=\"200\" y=\"14\" width=\"300\" height=\"16\"/>") != std::string::npos);
  CHECK(svg.find("<path class=\"chart-whisker\" d=\"M233 50H300M233 44V56M300 44V56\"/>") != std::string::npos);
  CHECK(svg == RenderBarChart(Spec(), testing::SpeakerFor("en")));  // deterministic
}

TEST_CASE("A range chart draws whiskers and a midpoint, no bars") {
  ChartSpec s = Spec();
  s.whiskers_only = true;
  std::string svg = RenderBarChart(s, testing::SpeakerFor("zh"));
  std::string why;
  CHECK(WellFormed(svg, &why));
  CHECK(svg.find("chart-bar") == std::string::npos);
  CHECK(svg.find("<circle class=\"chart-dot\" cx=\"267\" cy=\"50\" r=\"4\"/>") != std::string::npos);
  CHECK(svg.find("<desc id=\"c1-desc\">GPU：$900.00/month；Ops") != std::string::npos);
}

TEST_CASE("A chart figure carries its data table") {
  std::string html = ChartFigure(Spec(), "<table><tr><td>1</td></tr></table>\n", testing::SpeakerFor("zh"));
  std::string why;
  CHECK(WellFormed(html, &why));
  CHECK(html.find("<details class=\"chart-data\">\n<summary>图表数据</summary>\n<table>") != std::string::npos);
  CHECK(html.find("<figcaption>Cost breakdown: Demo &lt;&amp;&gt;</figcaption>") != std::string::npos);
}

}  // namespace
}  // namespace costsite::figures
