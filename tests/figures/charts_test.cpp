// SVG charts: well-formed, accessible name and description, data table, deterministic.
#include "figures/charts.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "figures/text_width.h"

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
  ChartSpec s;
  s.id = "c1", s.title = "Cost breakdown: Demo <&>";
  Bar gpu, ops;
  gpu.label = "GPU", gpu.value = Interval(Decimal(900)), gpu.text = "$900.00/month";
  ops.label = "Ops", ops.value = Interval(Decimal(100), Decimal(300)), ops.text = "$100.00–300.00/month";
  s.bars = {gpu, ops};
  s.tick_text = [](const Decimal& v) { return "$" + v.ToString(); };
  return s;
}

// The texts of an SVG with their position and anchor.
struct SvgText {
  int x = 0, y = 0;
  std::string anchor, text;
};

int Attr(const std::string& tag, const std::string& name) {
  size_t at = tag.find(" " + name + "=\"");
  return at == std::string::npos ? -1 : std::stoi(tag.substr(at + name.size() + 3));
}

// Each <text> (or each <tspan> of a multi-line text), markup stripped.
std::vector<SvgText> Texts(const std::string& svg) {
  std::vector<SvgText> out;
  size_t i = 0;
  while ((i = svg.find("<text ", i)) != std::string::npos) {
    size_t end = svg.find("</text>", i);
    std::string el = svg.substr(i, end - i);
    std::string tag = el.substr(0, el.find('>'));
    std::string anchor = tag.find("text-anchor=\"end\"") != std::string::npos      ? "end"
                         : tag.find("text-anchor=\"middle\"") != std::string::npos ? "middle"
                                                                                   : "start";
    size_t title_end = el.find("</title>");
    std::string body = el.substr(title_end == std::string::npos ? el.find('>') + 1 : title_end + 8);
    if (body.find("<tspan") == std::string::npos) {
      out.push_back({Attr(tag, "x"), Attr(tag, "y"), anchor, body});
    } else {
      size_t t = 0;
      while ((t = body.find("<tspan", t)) != std::string::npos) {
        std::string ttag = body.substr(t, body.find('>', t) - t);
        size_t start = body.find('>', t) + 1;
        out.push_back({Attr(ttag, "x"), Attr(ttag, "y"), anchor, body.substr(start, body.find("</tspan>", t) - start)});
        t = start;
      }
    }
    i = end;
  }
  return out;
}

int ViewBox(const std::string& svg, int index) {
  size_t at = svg.find("viewBox=\"0 0 ");
  std::string rest = svg.substr(at + 13);
  return index == 0 ? std::stoi(rest) : std::stoi(rest.substr(rest.find(' ') + 1));
}

// Every text's measured box lies inside the viewBox.
void CheckTextsInside(const std::string& svg) {
  int w = ViewBox(svg, 0), h = ViewBox(svg, 1);
  auto texts = Texts(svg);
  CHECK_FALSE(texts.empty());
  for (const SvgText& t : texts) {
    std::string plain = t.text;
    for (auto [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
      for (size_t p; (p = plain.find(from)) != std::string::npos;) plain.replace(p, from.size(), to);
    int tw = TextWidth(plain, kChartFontPx);
    int left = t.anchor == "end" ? t.x - tw : t.anchor == "middle" ? t.x - tw / 2 : t.x;
    INFO(t.text << " at x=" << t.x << " y=" << t.y << " width " << tw << " in " << w << "×" << h);
    CHECK(left >= 0);
    CHECK(left + tw <= w);
    CHECK(t.y - kChartFontPx >= 0);
    CHECK(t.y + 4 <= h);
  }
}

TEST_CASE("A bar chart is well-formed SVG with an accessible name") {
  std::string svg = RenderChart(Spec(), testing::SpeakerFor("en"), ChartLayout::kWide);
  std::string why;
  INFO(svg);
  CHECK(WellFormed(svg, &why));
  CHECK(why.empty());
  CHECK(svg.find("<svg class=\"chart chart-wide\" role=\"img\" aria-labelledby=\"c1-title c1-desc\"") == 0);
  CHECK(svg.find("<title id=\"c1-title\">Cost breakdown: Demo &lt;&amp;&gt;</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"c1-desc\">GPU: $900.00/month; Ops: $100.00–300.00/month</desc>") != std::string::npos);
  // Each bar tells its value on hover.
  CHECK(svg.find("<title>GPU: $900.00/month</title></rect>") != std::string::npos);
  CHECK(svg.find("chart-whisker") != std::string::npos);
  CHECK(svg.find("chart-note") == std::string::npos);  // 9× apart: linear
  CheckTextsInside(svg);
  CHECK(svg == RenderChart(Spec(), testing::SpeakerFor("en"), ChartLayout::kWide));  // deterministic
}

TEST_CASE("The widest bar ends where the value column begins") {
  std::string svg = RenderChart(Spec(), testing::SpeakerFor("en"), ChartLayout::kWide);
  // "$100.00–300.00/month" is the widest value; the 900 bar ends before it and its value after.
  int value_w = TextWidth("$100.00–300.00/month", kChartFontPx);
  size_t rect = svg.find("<rect class=\"chart-bar\"");
  std::string tag = svg.substr(rect, svg.find('>', rect) - rect);
  CHECK(Attr(tag, "x") + Attr(tag, "width") == 640 - value_w - 6 - 2);
}

TEST_CASE("A range chart draws whiskers and a midpoint, no bars") {
  ChartSpec s = Spec();
  s.kind = ChartKind::kRanges;
  std::string svg = RenderChart(s, testing::SpeakerFor("zh"), ChartLayout::kWide);
  std::string why;
  CHECK(WellFormed(svg, &why));
  CHECK(svg.find("chart-bar") == std::string::npos);
  CHECK(svg.find("<circle class=\"chart-dot\"") != std::string::npos);
  CHECK(svg.find("<desc id=\"c1-desc\">GPU：$900.00/month；Ops") != std::string::npos);
}

TEST_CASE("Long labels wrap or are shortened with the full text in a title") {
  ChartSpec s = Spec();
  s.bars[0].label = "Long-term memory benchmark, recommended stack on GCP with moderate use and three replicas";
  s.bars[1].label = "长期记忆基准测试报告的综合推荐方案（以 GCP 为主，中等使用量，三副本部署）";
  for (auto layout : {ChartLayout::kWide, ChartLayout::kNarrow}) {
    for (const char* lang : {"en", "zh"}) {
      std::string svg = RenderChart(s, testing::SpeakerFor(lang), layout);
      INFO(svg);
      std::string why;
      CHECK(WellFormed(svg, &why));
      CHECK(svg.find("<title>Long-term memory benchmark, recommended stack") != std::string::npos);
      CHECK(svg.find("<tspan") != std::string::npos);
      CheckTextsInside(svg);
    }
  }
}

TEST_CASE("Values spanning more than 100 times get a log scale with labelled ticks and a note") {
  ChartSpec s = Spec();
  s.bars[0].value = Interval(Decimal(796)), s.bars[0].text = "$796/month";
  s.bars[1].value = Interval(Decimal(438336)), s.bars[1].text = "$438,336/month";
  CHECK(NeedsLogScale(s));
  for (const char* lang : {"en", "zh"}) {
    std::string svg = RenderChart(s, testing::SpeakerFor(lang), ChartLayout::kNarrow);
    INFO(svg);
    CHECK(svg.find(">$100<") != std::string::npos);  // decades 10^2 … 10^6
    CHECK(svg.find(">$1000000<") != std::string::npos);
    CHECK(svg.find("class=\"chart-note\"") != std::string::npos);
    CheckTextsInside(svg);
  }
  std::string en = RenderChart(s, testing::SpeakerFor("en"), ChartLayout::kWide);
  CHECK(en.find("Logarithmic scale") != std::string::npos);
  std::string zh = RenderChart(s, testing::SpeakerFor("zh"), ChartLayout::kWide);
  CHECK(zh.find("对数刻度") != std::string::npos);
  s.bars[1].value = Interval(Decimal(70000));
  CHECK_FALSE(NeedsLogScale(s));  // 88×: linear
}

// The x of each attribute `name` of the elements of `cls` ("chart-grid", x1).
std::vector<int> Xs(const std::string& svg, const std::string& cls, const std::string& name) {
  std::vector<int> out;
  for (size_t i = 0; (i = svg.find("class=\"" + cls + "\"", i)) != std::string::npos; ++i) {
    const size_t start = svg.rfind('<', i);
    out.push_back(Attr(svg.substr(start, svg.find('>', i) - start), name));
  }
  return out;
}

TEST_CASE("Log axis labels sit on their grid lines and are dropped evenly when they do not fit") {
  ChartSpec s = Spec();
  // Eight decades, labels as long as "US$100,000,000" at 360 px: not all fit.
  s.bars[0].value = Interval(Decimal(1)), s.bars[0].text = "US$1";
  s.bars[1].value = Interval(*Decimal::Parse("99000000")), s.bars[1].text = "US$99,000,000";
  s.bars[0].value = Interval(*Decimal::Parse("0.1"));
  s.tick_text = [](const Decimal& v) { return "US$" + v.ToString() + "0"; };
  for (ChartLayout layout : {ChartLayout::kNarrow, ChartLayout::kWide}) {
    std::string svg = RenderChart(s, testing::SpeakerFor("zh"), layout);
    INFO(svg);
    CheckTextsInside(svg);
    std::vector<int> grid = Xs(svg, "chart-grid", "x1");
    std::vector<int> lines;  // one x per grid line (a narrow chart repeats each beside every bar)
    for (int x : grid)
      if (std::find(lines.begin(), lines.end(), x) == lines.end()) lines.push_back(x);
    std::vector<int> labels = Xs(svg, "chart-tick", "x");
    REQUIRE(lines.size() == 10);  // 10^-1 … 10^8
    REQUIRE(labels.size() >= 2);
    // Each label is on a line, and the lines labelled are every k-th from the first.
    std::vector<size_t> at;
    for (int x : labels) {
      auto it = std::find(lines.begin(), lines.end(), x);
      CHECK(it != lines.end());
      at.push_back(static_cast<size_t>(it - lines.begin()));
    }
    CHECK(at.front() == 0);
    for (size_t i = 1; i < at.size(); ++i) CHECK(at[i] - at[i - 1] == at[1] - at[0]);
    if (layout == ChartLayout::kNarrow) CHECK(labels.size() < lines.size());
  }
}

TEST_CASE("A negative item is drawn left of the zero line") {
  ChartSpec s = Spec();
  s.bars[0].value = Interval(Decimal(900)), s.bars[0].text = "$900/month";
  s.bars[1].label = "Credit", s.bars[1].value = Interval(Decimal(-500)), s.bars[1].text = "-$500/month";
  CHECK_FALSE(NeedsLogScale(s));
  for (ChartLayout layout : {ChartLayout::kWide, ChartLayout::kNarrow}) {
    std::string svg = RenderChart(s, testing::SpeakerFor("en"), layout);
    INFO(svg);
    CheckTextsInside(svg);
    std::vector<int> x = Xs(svg, "chart-bar", "x"), w = Xs(svg, "chart-bar", "width");
    std::vector<int> zero = Xs(svg, "chart-axis", "x1");
    REQUIRE(x.size() == 2);
    REQUIRE_FALSE(zero.empty());
    CHECK(x[0] == zero[0]);              // the amount starts at zero, rightwards
    CHECK(w[1] > 0);                     // the credit is drawn…
    CHECK(x[1] + w[1] == zero[0]);       // …ending at zero, leftwards
    CHECK(std::abs(w[0] * 5 - w[1] * 9) <= 9);  // to scale: 500 / 900, to a pixel
    CHECK(svg.find(">-$500/month</text>") != std::string::npos);
  }
}

TEST_CASE("A stacked chart has a legend and a titled segment per part") {
  ChartSpec s = Spec();
  s.kind = ChartKind::kStacked;
  s.legend = {"GPU instances", "对象存储"};
  s.bars[0].segments = {{0, Decimal(600), "$600"}, {1, Decimal(300), "$300"}};
  s.bars[1].value = Interval(Decimal(200));
  s.bars[1].segments = {{0, Decimal(200), "$200"}};
  std::string svg = RenderChart(s, testing::SpeakerFor("en"), ChartLayout::kWide);
  INFO(svg);
  CHECK(svg.find("chart-swatch chart-series-0") != std::string::npos);
  CHECK(svg.find("chart-swatch chart-series-1") != std::string::npos);
  CHECK(svg.find("<title>GPU · 对象存储: $300</title>") != std::string::npos);
  CHECK(svg.find("GPU: $900.00/month (GPU instances $600, 对象存储 $300)") != std::string::npos);
  CheckTextsInside(svg);
}

TEST_CASE("A history chart draws a step line and a titled point per dated value") {
  ChartSpec s;
  s.id = "h", s.title = "Price history: p4d", s.kind = ChartKind::kHistory;
  s.legend = {"On-demand", "Spot"};
  s.lines = {{"On-demand", {{"2023-01-01", Decimal(40), "$40/h"}, {"2025-08-04", Decimal(32), "$32/h"}}},
             {"Spot", {{"2024-10-31", Decimal(10), "$10/h"}}}};
  s.tick_text = [](const Decimal& v) { return "$" + v.ToString() + "/h"; };
  for (auto layout : {ChartLayout::kWide, ChartLayout::kNarrow}) {
    std::string svg = RenderChart(s, testing::SpeakerFor("en"), layout);
    INFO(svg);
    std::string why;
    CHECK(WellFormed(svg, &why));
    CHECK(svg.find("<title>On-demand 2023-01-01: $40/h</title></circle>") != std::string::npos);
    CHECK(svg.find(">2025-08-04<") != std::string::npos);
    CHECK(svg.find(">$0/h<") != std::string::npos);
    CHECK(svg.find("class=\"chart-line chart-series-1\"") != std::string::npos);
    CHECK(svg.find("On-demand: 2023-01-01 $40/h, 2025-08-04 $32/h; Spot: 2024-10-31 $10/h") != std::string::npos);
    CheckTextsInside(svg);
  }
}

TEST_CASE("A chart figure carries both layouts and its data table") {
  std::string html = ChartFigure(Spec(), "<table><tr><td>1</td></tr></table>\n", testing::SpeakerFor("zh"));
  std::string why;
  CHECK(WellFormed(html, &why));
  CHECK(html.find("<svg class=\"chart chart-wide\"") != std::string::npos);
  CHECK(html.find("<svg class=\"chart chart-narrow\" role=\"img\" aria-labelledby=\"c1-narrow-title c1-narrow-desc\"") !=
        std::string::npos);
  CHECK(html.find("<details class=\"chart-data\">\n<summary>图表数据</summary>\n<table>") != std::string::npos);
  CHECK(html.find("<figcaption>Cost breakdown: Demo &lt;&amp;&gt;</figcaption>") != std::string::npos);
}

}  // namespace
}  // namespace costsite::figures
