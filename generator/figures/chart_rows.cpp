// Horizontal bars, whiskers and stacked bars. Wide: labels in a left column
// sized to the longest (wrapped) label, values right of their bars. Narrow:
// each label on its own line(s) above its bar, so labels get the full width.
#include <algorithm>
#include <cstdlib>

#include "figures/chart_svg.h"
#include "figures/html.h"

namespace costsite::figures {

namespace {

constexpr int kMinRow = 28;

struct Row {
  WrappedText label;
  int top = 0, height = 0;
  int bar_mid = 0;      // y of the bar's centre line
  int label_y = 0;      // baseline of the label's first line
  int value_y = 0;      // baseline of the value
  bool value_below_label = false;
};

struct Layout {
  int width = 0, height = 0;
  Scale scale;
  std::vector<Row> rows;
  int rows_top = 0, rows_bottom = 0;
  int label_x = 0;  // wide: right edge of the label column
  std::vector<WrappedText> note;
};

int MaxValueWidth(const ChartSpec& spec) {
  int w = 0;
  for (const Bar& b : spec.bars) w = std::max(w, TextWidth(b.text, kChartFontPx));
  return w;
}

int MaxLineWidth(const WrappedText& t) {
  int w = 0;
  for (const std::string& l : t.lines) w = std::max(w, TextWidth(l, kChartFontPx));
  return w;
}

Layout Wide(const ChartSpec& spec, int top) {
  Layout l;
  l.width = ChartWidth(ChartLayout::kWide);
  const int value_w = MaxValueWidth(spec) + kGap + kEdge;
  // Labels take up to 2/5 of the width, less when long values need the room.
  int cap = std::min(l.width * 2 / 5, l.width - value_w - l.width / 4);
  cap = std::max(cap, 80);
  int label_w = 0, lines = 1;
  for (const Bar& b : spec.bars) {
    Row r;
    r.label = WrapText(b.label, cap - 10, kChartFontPx, 2);
    label_w = std::max(label_w, MaxLineWidth(r.label));
    lines = std::max(lines, static_cast<int>(r.label.lines.size()));
    l.rows.push_back(std::move(r));
  }
  l.label_x = kEdge + label_w + 8;
  l.scale = MakeScale(spec, l.label_x, l.width - value_w - l.label_x);
  const int row_h = std::max(kMinRow, lines * kLineHeight + 12);
  l.rows_top = top;
  for (size_t i = 0; i < l.rows.size(); ++i) {
    Row& r = l.rows[i];
    r.top = top + row_h * static_cast<int>(i), r.height = row_h;
    r.bar_mid = r.top + row_h / 2;
    r.label_y = r.bar_mid + 5 - (static_cast<int>(r.label.lines.size()) - 1) * kLineHeight / 2;
    r.value_y = r.bar_mid + 5;
  }
  l.rows_bottom = top + row_h * static_cast<int>(l.rows.size());
  return l;
}

Layout Narrow(const ChartSpec& spec, int top) {
  Layout l;
  l.width = ChartWidth(ChartLayout::kNarrow);
  const int value_w = MaxValueWidth(spec) + kGap + kEdge;
  const bool below = value_w > l.width / 2;  // long values get a line of their own
  l.scale = MakeScale(spec, kEdge, below ? l.width - 2 * kEdge : l.width - value_w - kEdge);
  l.rows_top = top;
  int y = top;
  for (const Bar& b : spec.bars) {
    Row r;
    r.label = WrapText(b.label, l.width - 2 * kEdge, kChartFontPx, 2);
    r.top = y;
    r.label_y = y + 14;
    int after = y + 4 + kLineHeight * static_cast<int>(r.label.lines.size());
    r.value_below_label = below;
    if (below) r.value_y = after + 10, after += kLineHeight;
    r.bar_mid = after + 2 + kBarHeight / 2;
    if (!below) r.value_y = r.bar_mid + 5;
    r.height = r.bar_mid + kBarHeight / 2 + 8 - y;
    y += r.height;
    l.rows.push_back(std::move(r));
  }
  l.rows_bottom = y;
  return l;
}

std::string Desc(const ChartSpec& spec, const Speaker& lang) {
  std::string out;
  const bool cjk = IsCjk(lang);
  for (const Bar& b : spec.bars) {
    if (!out.empty()) out += cjk ? "；" : "; ";
    out += b.label + (cjk ? "：" : ": ") + b.text;
    if (b.segments.empty()) continue;
    std::string parts;
    for (const Segment& s : b.segments)
      parts += (parts.empty() ? "" : cjk ? "，" : ", ") + spec.legend[s.series] + " " + s.text;
    out += cjk ? "（" + parts + "）" : " (" + parts + ")";
  }
  return out;
}

std::string Bars(const ChartSpec& spec, const Layout& l, const Speaker& lang) {
  std::string out;
  const bool wide = l.label_x > 0;
  const std::string sep = IsCjk(lang) ? "：" : ": ";
  for (size_t i = 0; i < spec.bars.size(); ++i) {
    const Bar& b = spec.bars[i];
    const Row& r = l.rows[i];
    const Scale& s = l.scale;
    const int lo = s.X(b.value.lo), hi = s.X(b.value.hi), mid = s.X(b.value.Mid()), zero = s.X(cost::Decimal(0));
    int y = r.bar_mid - kBarHeight / 2;
    out += "<g class=\"chart-row chart-row-" + I(static_cast<int>(i % 6)) + "\">\n";
    out += wide ? Text("chart-label", l.label_x - 8, r.label_y, "end", r.label, b.label)
                : Text("chart-label", kEdge, r.label_y, "", r.label, b.label);
    // A bar runs from the zero line to its value: right for an amount, left for a credit.
    if (spec.kind == ChartKind::kBars)
      out += "<rect class=\"chart-bar\" x=\"" + I(std::min(zero, mid)) + "\" y=\"" + I(y) + "\" width=\"" +
             I(std::abs(mid - zero)) +
             "\" height=\"" + I(kBarHeight) + "\"><title>" + Escape(b.label + sep + b.text) + "</title></rect>\n";
    if (spec.kind == ChartKind::kStacked) {
      cost::Decimal sum(0);
      for (const Segment& seg : b.segments) {
        int x0 = s.X(sum);
        sum += seg.value;
        int x1 = s.X(sum);
        if (x1 <= x0) continue;
        out += "<rect class=\"chart-seg chart-series-" + I(seg.series % kSeriesColours) + "\" x=\"" + I(x0) +
               "\" y=\"" + I(y) + "\" width=\"" + I(x1 - x0) + "\" height=\"" + I(kBarHeight) + "\"><title>" +
               Escape(b.label + " · " + spec.legend[seg.series] + sep + seg.text) + "</title></rect>\n";
      }
    }
    if ((spec.kind == ChartKind::kBars && !b.value.IsPoint()) || spec.kind == ChartKind::kRanges) {
      int m = r.bar_mid;
      out += "<path class=\"chart-whisker\" d=\"M" + I(lo) + " " + I(m) + "H" + I(hi) + "M" + I(lo) + " " +
             I(m - 6) + "V" + I(m + 6) + "M" + I(hi) + " " + I(m - 6) + "V" + I(m + 6) + "\"/>\n";
    }
    if (spec.kind == ChartKind::kRanges)
      out += "<circle class=\"chart-dot\" cx=\"" + I(mid) + "\" cy=\"" + I(r.bar_mid) + "\" r=\"4\"><title>" +
             Escape(b.label + sep + b.text) + "</title></circle>\n";
    // Right of the bar, or of the zero line for a negative one.
    int value_x = r.value_below_label ? kEdge : std::max({hi, mid, zero}) + kGap;
    out += Text("chart-value", value_x, r.value_y, "", b.text) + "</g>\n";
  }
  return out;
}

}  // namespace

std::string RenderRows(const ChartSpec& spec, const Speaker& lang, ChartLayout layout, const std::string& desc) {
  const int width = ChartWidth(layout);
  const int legend_h = spec.kind == ChartKind::kStacked ? LegendHeight(spec.legend, width) : 0;
  const int top = 8 + legend_h;
  Layout l = layout == ChartLayout::kWide ? Wide(spec, top) : Narrow(spec, top);
  int height = l.rows_bottom + 8;
  if (l.scale.log) {
    WrappedText note = WrapText(UiText("chart_log_scale", lang), width - 2 * kEdge, kChartFontPx, 2);
    l.note.push_back(note);
    height = l.rows_bottom + 22 + kLineHeight * static_cast<int>(note.lines.size()) + 4;
  }
  std::string full_desc = desc.empty() ? Desc(spec, lang) : desc;
  if (l.scale.log) full_desc += (IsCjk(lang) ? "。" : ". ") + UiText("chart_log_scale", lang);
  std::string out = SvgOpen(spec, layout, height, full_desc);
  if (legend_h) out += Legend(spec.legend, width, 6);
  if (l.scale.log) {
    // Narrow: grid lines only beside the bars, so they do not strike through the labels above them.
    std::vector<std::pair<int, int>> spans;
    if (layout == ChartLayout::kWide) spans.push_back({l.rows_top, l.rows_bottom});
    for (const Row& r : l.rows)
      if (layout == ChartLayout::kNarrow) spans.push_back({r.bar_mid - kBarHeight / 2 - 3, r.bar_mid + kBarHeight / 2 + 3});
    out += AxisTicks(spec, l.scale, spans, l.rows_bottom, width);
  }
  // The zero line. Narrow: beside each bar only, as labels above the bars
  // start at the axis and a line would strike through them; where no value
  // is negative, the bars' own left ends show it.
  const int zero = l.scale.X(cost::Decimal(0));
  if (layout == ChartLayout::kWide)
    out += "<line class=\"chart-axis\" x1=\"" + I(zero) + "\" y1=\"" + I(l.rows_top - 4) + "\" x2=\"" + I(zero) +
           "\" y2=\"" + I(l.rows_bottom) + "\"/>\n";
  else if (zero > l.scale.left)
    for (const Row& r : l.rows)
      out += "<line class=\"chart-axis\" x1=\"" + I(zero) + "\" y1=\"" + I(r.bar_mid - kBarHeight / 2 - 3) +
             "\" x2=\"" + I(zero) + "\" y2=\"" + I(r.bar_mid + kBarHeight / 2 + 3) + "\"/>\n";
  out += Bars(spec, l, lang);
  for (const WrappedText& note : l.note)
    out += Text("chart-note", kEdge, l.rows_bottom + 22 + kLineHeight, "", note, UiText("chart_log_scale", lang));
  return out + "</svg>\n";
}

}  // namespace costsite::figures
