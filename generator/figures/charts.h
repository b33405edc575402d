// Charts as inline SVG written at build time: no script, accessible name and
// description in the page's language, colours from CSS classes, and the same
// data as a table under the chart. Every label is measured (text_width.h) and
// wrapped or shortened to fit; each chart is written twice, a wide layout and
// a narrow one (labels above bars) that the theme shows on small screens, so
// chart text is never scaled below its set size. Output is deterministic.
#ifndef COSTSITE_FIGURES_CHARTS_H_
#define COSTSITE_FIGURES_CHARTS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::figures {

/// One part of a stacked bar: a series (a legend entry) and its value.
struct Segment {
  int series = 0;  // index into ChartSpec::legend
  cost::Decimal value;
  std::string text;  // the value as shown in its tooltip
};

/// One horizontal bar: a label and an interval (drawn to its midpoint, with
/// whiskers from lo to hi when it is a range), or a stack of segments.
struct Bar {
  std::string label;
  cost::Interval value;
  std::string text;  // the value as shown next to the bar
  std::vector<Segment> segments;  // kStacked only; they add up to `value`
};

/// One dated value of a line in a history chart.
struct Point {
  std::string date;  // YYYY-MM-DD
  cost::Decimal value;
  std::string text;  // the value as shown in its tooltip
};

/// A line of a history chart: a legend entry and its points, oldest first.
struct Line {
  std::string label;
  std::vector<Point> points;
};

enum class ChartKind {
  kBars,     // a bar per item or scenario
  kRanges,   // lo–hi whiskers and a midpoint dot, no bar
  kStacked,  // a bar per scenario, split into coloured series with a legend
  kHistory,  // a value over time: a step line per series, a point per dated value
};

/// What a chart shows.
struct ChartSpec {
  std::string id;     // unique on the page: "cost-chart-1"
  std::string title;  // accessible name
  std::string desc;   // accessible description; "" = generated from the data
  ChartKind kind = ChartKind::kBars;
  std::vector<Bar> bars;             // kBars, kRanges, kStacked
  std::vector<std::string> legend;   // series names: kStacked, kHistory
  std::vector<Line> lines;           // kHistory
  /// A value as an axis tick shows it ("$10K"); needed for log scales and history.
  std::function<std::string(const cost::Decimal&)> tick_text;
};

/// The two layouts every chart is written in.
enum class ChartLayout { kWide, kNarrow };

/// Width of a layout's viewBox in px; text is set at kChartFontPx in it.
int ChartWidth(ChartLayout layout);
inline constexpr int kChartFontPx = 13;

/// True when bar values span more than 100× and the chart uses a log scale.
bool NeedsLogScale(const ChartSpec& spec);

/// `<svg role="img" aria-labelledby=…>` with `<title>` and `<desc>`, in `layout`.
std::string RenderChart(const ChartSpec& spec, const Speaker& lang, ChartLayout layout);

/// Bars of a model's line items.
ChartSpec BreakdownChart(const cost::ModelResult& r, const Speaker& lang, std::string id);

/// Bars of one figure across results (scenarios).
ChartSpec CompareChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                       const Speaker& lang, std::string id);

/// Whiskers of one figure across results, showing each range.
ChartSpec RangeChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                     const Speaker& lang, std::string id);

/// A bar per result, split by line item (or, with `by_group`, by item group).
ChartSpec StackedChart(const std::vector<const cost::ModelResult*>& results, bool by_group, const Speaker& lang,
                       std::string id);

/// A price's dated values (current and history), a line per variant.
ChartSpec HistoryChart(const cost::ProviderView& provider, const cost::PriceEntryView& entry,
                       const Speaker& lang, std::string id);

/// `<figure class="chart">` holding both layouts of the SVG and, under them,
/// `table_html` in a `<details>` element labelled "Chart data".
std::string ChartFigure(const ChartSpec& spec, const std::string& table_html, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_CHARTS_H_
