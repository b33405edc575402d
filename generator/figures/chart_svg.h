// Pieces the chart layouts share: the value scale, the <svg> element, text
// with wrapped lines, the legend and axis ticks. Internal to the figures stage.
#ifndef COSTSITE_FIGURES_CHART_SVG_H_
#define COSTSITE_FIGURES_CHART_SVG_H_

#include <string>
#include <utility>
#include <vector>

#include "figures/charts.h"
#include "figures/text_width.h"

namespace costsite::figures {

inline constexpr int kLineHeight = 16;  // between lines of chart text
inline constexpr int kBarHeight = 16;
inline constexpr int kGap = 6;          // between a bar's end and its value
inline constexpr int kEdge = 2;         // margin kept free at the chart's sides
inline constexpr int kSwatch = 12;
inline constexpr int kLegendRow = 20;
inline constexpr int kSeriesColours = 8;  // chart-series-0 … 7 in the theme

/// Where a value falls on the plot: linear from the smallest value or 0,
/// whichever is less (a negative bar is drawn left of the zero line), or log
/// over whole decades.
struct Scale {
  bool log = false;
  int left = 0, width = 1;  // px
  cost::Decimal min;        // linear: the value at the left end (0, or the most negative)
  cost::Decimal max;        // linear: the value at the right end
  cost::Decimal per_max;    // 1 / (max - min) (when max > min)
  int lo_exp = 0, hi_exp = 1;  // log: from 10^lo_exp to 10^hi_exp
  int X(const cost::Decimal& v) const;
  /// The labelled ticks: each power of ten of a log scale; none when linear.
  std::vector<cost::Decimal> Ticks() const;
};

std::string I(int v);

/// The scale of the spec's bars over [left, left + width].
Scale MakeScale(const ChartSpec& spec, int left, int width);

/// `<svg …>` with its title and description, for `layout`.
std::string SvgOpen(const ChartSpec& spec, ChartLayout layout, int height, const std::string& desc);

/// A <text> of one or more lines (tspans); `full` in a <title> when shortened.
std::string Text(const std::string& cls, int x, int y, const std::string& anchor, const WrappedText& t,
                 const std::string& full);
std::string Text(const std::string& cls, int x, int y, const std::string& anchor, const std::string& s);

/// Height of the legend of `legend` set in `width`; 0 when empty.
int LegendHeight(const std::vector<std::string>& legend, int width);
/// Swatches and names, flowing over rows, from `top`.
std::string Legend(const std::vector<std::string>& legend, int width, int top);

/// Grid lines over each [top, bottom] span at the scale's ticks, labels under `labels_y`.
std::string AxisTicks(const ChartSpec& spec, const Scale& s, const std::vector<std::pair<int, int>>& spans,
                      int labels_y, int width);

/// The two kinds of layout: horizontal bars (kBars, kRanges, kStacked) and history lines.
std::string RenderRows(const ChartSpec& spec, const Speaker& lang, ChartLayout layout, const std::string& desc);
std::string RenderHistory(const ChartSpec& spec, const Speaker& lang, ChartLayout layout, const std::string& desc);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_CHART_SVG_H_
