// A price over time: a step line per series (a dated price stays in force
// until the next one, docs/pricing.md), a point per dated value, the value axis
// from zero with round ticks, and the dates under the plot.
#include <algorithm>
#include <cmath>
#include <set>

#include "figures/chart_svg.h"
#include "figures/html.h"

namespace costsite::figures {

namespace {

using cost::Decimal;

// Days since 1970-01-01 of a YYYY-MM-DD date (H. Hinnant's days_from_civil).
long Days(const std::string& date) {
  if (date.size() < 10) return 0;
  int y = std::stoi(date.substr(0, 4));
  unsigned m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// A round step (1, 2 or 5 × 10^n) giving at most four intervals up to `max`.
Decimal Step(const Decimal& max) {
  double raw = max.ToDouble() / 4;
  int exp = static_cast<int>(std::floor(std::log10(raw)));
  double m = raw / std::pow(10.0, exp);
  int f = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return Decimal(f) * Decimal::PowerOfTen(exp);
}

std::string Desc(const ChartSpec& spec, const Speaker& lang) {
  std::string out;
  const bool cjk = IsCjk(lang);
  for (const Line& line : spec.lines) {
    if (!out.empty()) out += cjk ? "；" : "; ";
    out += line.label + (cjk ? "：" : ": ");
    for (size_t i = 0; i < line.points.size(); ++i)
      out += (i ? (cjk ? "，" : ", ") : "") + line.points[i].date + " " + line.points[i].text;
  }
  return out;
}

}  // namespace

std::string RenderHistory(const ChartSpec& spec, const Speaker& lang, ChartLayout layout, const std::string& desc) {
  const int width = ChartWidth(layout);
  const bool wide = layout == ChartLayout::kWide;
  Decimal max(0);
  std::set<std::string> dates;
  for (const Line& line : spec.lines)
    for (const Point& p : line.points) max = cost::Max(max, p.value), dates.insert(p.date);
  if (max <= Decimal(0)) max = Decimal(1);
  const Decimal step = Step(max);
  std::vector<Decimal> ticks;
  for (Decimal t(0); ticks.empty() || ticks.back() < max; t += step) ticks.push_back(t);

  int tick_w = 0;
  for (const Decimal& t : ticks) tick_w = std::max(tick_w, TextWidth(spec.tick_text(t), kChartFontPx));
  const int legend_h = spec.lines.size() > 1 ? LegendHeight(spec.legend, width) : 0;
  const int left = kEdge + tick_w + 8, right = width - kEdge - 8;
  const int plot_top = 8 + legend_h + 6, plot_h = wide ? 160 : 130, plot_bottom = plot_top + plot_h;
  const int height = plot_bottom + 26;
  const long d0 = Days(*dates.begin()), d1 = Days(*dates.rbegin());
  auto x_of = [&](const std::string& date) {
    if (d1 == d0) return (left + right) / 2;
    return left + 8 + static_cast<int>((Days(date) - d0) * (right - left - 16) / (d1 - d0));
  };
  auto y_of = [&](const Decimal& v) {
    Decimal px = (v / ticks.back() * Decimal(plot_h)).RoundHalfAwayFromZero(0);
    return plot_bottom - static_cast<int>(px.ToInt().value_or(0));
  };

  std::string out = SvgOpen(spec, layout, height, desc.empty() ? Desc(spec, lang) : desc);
  if (legend_h) out += Legend(spec.legend, width, 6);
  for (const Decimal& t : ticks) {
    int y = y_of(t);
    out += "<line class=\"" + std::string(t == Decimal(0) ? "chart-axis" : "chart-grid") + "\" x1=\"" + I(left) +
           "\" y1=\"" + I(y) + "\" x2=\"" + I(right) + "\" y2=\"" + I(y) + "\"/>\n";
    out += Text("chart-tick", left - 6, y + 5, "end", spec.tick_text(t));
  }
  // Dates under the plot; one that would touch the one before is left out,
  // except the newest, which replaces it.
  std::vector<std::pair<int, std::string>> shown;  // (left edge, text)
  for (const std::string& d : dates) {
    int w = TextWidth(d, kChartFontPx);
    int x = std::clamp(x_of(d) - w / 2, kEdge, width - kEdge - w);
    auto overlaps = [&] {
      return !shown.empty() && shown.back().first + TextWidth(shown.back().second, kChartFontPx) + 8 > x;
    };
    if (d == *dates.rbegin())
      while (overlaps()) shown.pop_back();
    if (!overlaps()) shown.push_back({x, d});
  }
  for (const auto& [x, d] : shown) out += Text("chart-tick", x, plot_bottom + 18, "", d);
  const std::string sep = IsCjk(lang) ? "：" : ": ";
  for (size_t i = 0; i < spec.lines.size(); ++i) {
    const Line& line = spec.lines[i];
    if (line.points.empty()) continue;
    std::string cls = "chart-series-" + I(static_cast<int>(i % kSeriesColours));
    std::string d = "M" + I(x_of(line.points[0].date)) + " " + I(y_of(line.points[0].value));
    for (size_t k = 1; k < line.points.size(); ++k)
      d += "H" + I(x_of(line.points[k].date)) + "V" + I(y_of(line.points[k].value));
    d += "H" + I(x_of(*dates.rbegin()));  // in force until the newest date shown
    out += "<g class=\"" + cls + "\">\n<path class=\"chart-line " + cls + "\" d=\"" + d + "\"/>\n";
    for (const Point& p : line.points)
      out += "<circle class=\"chart-point " + cls + "\" cx=\"" + I(x_of(p.date)) + "\" cy=\"" + I(y_of(p.value)) +
             "\" r=\"4\"><title>" + Escape(line.label + " " + p.date + sep + p.text) + "</title></circle>\n";
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

}  // namespace costsite::figures
