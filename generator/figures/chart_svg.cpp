// The SVG of a chart, laid out for one width. Labels are measured
// (text_width.h): a long label wraps to two lines, then ends in "…" with the
// full text in a <title>; value labels get the room they need on the right.
// Coordinates are integers, so output never depends on how a platform prints
// floating point.
#include <algorithm>
#include <cmath>

#include "figures/chart_svg.h"
#include "figures/charts.h"
#include "figures/html.h"
#include "figures/text_width.h"

namespace costsite::figures {

using cost::Decimal;

std::string I(int v) { return std::to_string(v); }

int ChartWidth(ChartLayout layout) { return layout == ChartLayout::kWide ? 640 : 360; }


int Scale::X(const Decimal& v) const {
  if (log) {
    if (v <= Decimal(0)) return left;
    double pos = (std::log10(v.ToDouble()) - lo_exp) / (hi_exp - lo_exp);
    return left + std::clamp(static_cast<int>(std::lround(pos * width)), 0, width);
  }
  if (v <= min || max <= min) return left;
  // (v - min) / (max - min) is a product with the span's inverse (boost
  // divides so): the inverse is made once per chart, not once per bar end.
  Decimal px = ((v - min) * per_max * Decimal(width)).RoundHalfAwayFromZero(0);
  return left + std::clamp(static_cast<int>(px.ToInt().value_or(0)), 0, width);
}

std::vector<Decimal> Scale::Ticks() const {
  std::vector<Decimal> out;
  if (log)
    for (int e = lo_exp; e <= hi_exp; ++e) out.push_back(Decimal::PowerOfTen(e));
  return out;
}

namespace {

// Smallest and largest positive values the bars reach.
bool Span(const ChartSpec& spec, Decimal* lo, Decimal* hi) {
  bool any = false;
  for (const Bar& b : spec.bars) {
    Decimal v = b.value.lo > Decimal(0) ? b.value.lo : b.value.Mid();
    if (v <= Decimal(0)) continue;
    if (!any || v < *lo) *lo = v;
    if (!any || b.value.hi > *hi) *hi = b.value.hi;
    any = true;
  }
  return any;
}

}  // namespace

bool NeedsLogScale(const ChartSpec& spec) {
  if (spec.kind != ChartKind::kBars && spec.kind != ChartKind::kRanges) return false;
  // A log scale has no place for a negative value (a credit, a saving).
  for (const Bar& b : spec.bars)
    if (b.value.lo < Decimal(0)) return false;
  Decimal lo, hi;
  return spec.tick_text && Span(spec, &lo, &hi) && hi > lo * Decimal(100);
}

Scale MakeScale(const ChartSpec& spec, int left, int width) {
  Scale s;
  s.left = left, s.width = std::max(width, 1);
  if (NeedsLogScale(spec)) {
    Decimal lo, hi;
    Span(spec, &lo, &hi);
    s.log = true;
    s.lo_exp = static_cast<int>(std::floor(std::log10(lo.ToDouble()) + 1e-9));
    s.hi_exp = static_cast<int>(std::ceil(std::log10(hi.ToDouble()) - 1e-9));
    if (s.hi_exp <= s.lo_exp) s.hi_exp = s.lo_exp + 1;
    return s;
  }
  s.min = s.max = Decimal(0);
  for (const Bar& b : spec.bars) {
    s.max = cost::Max(s.max, b.value.hi);
    if (b.value.lo < s.min) s.min = b.value.lo;
  }
  if (s.max > s.min) s.per_max = Decimal(1) / (s.max - s.min);
  return s;
}

std::string SvgOpen(const ChartSpec& spec, ChartLayout layout, int height, const std::string& desc) {
  const bool wide = layout == ChartLayout::kWide;
  std::string id = wide ? spec.id : spec.id + "-narrow";
  std::string cls = std::string("chart ") + (wide ? "chart-wide" : "chart-narrow") +
                    (spec.kind == ChartKind::kRanges ? " chart-range" : "");
  int w = ChartWidth(layout);
  return "<svg class=\"" + cls + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
         "-desc\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + I(w) + " " + I(height) + "\" width=\"" +
         I(w) + "\" height=\"" + I(height) + "\">\n<title id=\"" + id + "-title\">" + Escape(spec.title) +
         "</title>\n<desc id=\"" + id + "-desc\">" + Escape(desc) + "</desc>\n";
}

std::string Text(const std::string& cls, int x, int y, const std::string& anchor, const WrappedText& t,
                 const std::string& full) {
  std::string out = "<text class=\"" + cls + "\" x=\"" + I(x) + "\" y=\"" + I(y) + "\"" +
                    (anchor.empty() ? "" : " text-anchor=\"" + anchor + "\"") + ">";
  if (t.shortened) out += "<title>" + Escape(full) + "</title>";
  if (t.lines.size() == 1) return out + Escape(t.lines[0]) + "</text>\n";
  for (size_t i = 0; i < t.lines.size(); ++i)
    out += "<tspan x=\"" + I(x) + "\" y=\"" + I(y + kLineHeight * static_cast<int>(i)) + "\">" +
           Escape(t.lines[i]) + "</tspan>";
  return out + "</text>\n";
}

std::string Text(const std::string& cls, int x, int y, const std::string& anchor, const std::string& s) {
  return Text(cls, x, y, anchor, WrappedText{{s}, false}, s);
}

int LegendHeight(const std::vector<std::string>& legend, int width) {
  if (legend.empty()) return 0;
  int x = kEdge, rows = 1;
  for (const std::string& name : legend) {
    int w = kSwatch + 4 + std::min(TextWidth(name, kChartFontPx), width - kSwatch - 8) + 14;
    if (x + w > width && x > kEdge) x = kEdge, ++rows;
    x += w;
  }
  return rows * kLegendRow + 6;
}

std::string Legend(const std::vector<std::string>& legend, int width, int top) {
  std::string out = "<g class=\"chart-legend\">\n";
  int x = kEdge, y = top;
  for (size_t i = 0; i < legend.size(); ++i) {
    WrappedText t = WrapText(legend[i], width - kSwatch - 8, kChartFontPx, 1);
    int w = kSwatch + 4 + TextWidth(t.lines.empty() ? "" : t.lines[0], kChartFontPx) + 14;
    if (x + w > width && x > kEdge) x = kEdge, y += kLegendRow;
    out += "<rect class=\"chart-swatch chart-series-" + I(static_cast<int>(i % kSeriesColours)) + "\" x=\"" + I(x) +
           "\" y=\"" + I(y + 3) + "\" width=\"" + I(kSwatch) + "\" height=\"" + I(kSwatch) + "\"/>\n";
    out += Text("chart-legend-label", x + kSwatch + 4, y + 14, "", t, legend[i]);
    x += w;
  }
  return out + "</g>\n";
}

// Tick labels under the plot, each on its own grid line: centred on it, or,
// where the chart's edge leaves no room for that, starting (left edge) or
// ending (right edge) at it. When not every label fits, every second (third…)
// is labelled, from the first, so the labels shown stay evenly spaced.
std::string AxisTicks(const ChartSpec& spec, const Scale& s, const std::vector<std::pair<int, int>>& spans,
                      int labels_y, int width) {
  struct Label {
    int x, left, right;
    std::string anchor, text;
  };
  std::string out;
  std::vector<Label> labels;
  for (const Decimal& t : s.Ticks()) {
    const int x = s.X(t);
    for (const auto& [top, end] : spans)
      out += "<line class=\"chart-grid\" x1=\"" + I(x) + "\" y1=\"" + I(top) + "\" x2=\"" + I(x) + "\" y2=\"" +
             I(end) + "\"/>\n";
    Label l{x, 0, 0, "middle", spec.tick_text(t)};
    const int w = TextWidth(l.text, kChartFontPx);
    if (x - w / 2 - 1 < kEdge) l.anchor = "start", l.left = x, l.right = x + w;
    else if (x + w / 2 + 1 > width - kEdge) l.anchor = "end", l.left = x - w, l.right = x;
    else l.left = x - w / 2, l.right = x + w / 2;
    labels.push_back(std::move(l));
  }
  const size_t n = labels.size();
  size_t every = 1;
  for (; every < n; ++every) {
    bool fits = true;
    for (size_t i = every; i < n && fits; i += every) fits = labels[i].left >= labels[i - every].right + 8;
    if (fits) break;
  }
  for (size_t i = 0; i < n; i += every)
    out += Text("chart-tick", labels[i].x, labels_y + 15, labels[i].anchor, labels[i].text);
  return out;
}

}  // namespace costsite::figures
