// Charts as inline SVG written at build time: no script, accessible name and
// description in the page's language, colours from CSS classes, and the same
// data as a table under the chart. Output is byte-for-byte deterministic.
#ifndef COSTSITE_FIGURES_CHARTS_H_
#define COSTSITE_FIGURES_CHARTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::figures {

/// One horizontal bar: a label and an interval (drawn to its midpoint, with
/// whiskers from lo to hi when it is a range).
struct Bar {
  std::string label;
  cost::Interval value;
  std::string text;  // the value as shown next to the bar
};

/// What a chart shows.
struct ChartSpec {
  std::string id;     // unique on the page: "chart-1"
  std::string title;  // accessible name
  std::string desc;   // accessible description; "" = generated from the bars
  std::vector<Bar> bars;
  bool whiskers_only = false;  // a range chart: lo–hi line, no filled bar
};

/// `<svg role="img" aria-labelledby=…>` with `<title>` and `<desc>`.
std::string RenderBarChart(const ChartSpec& spec, const Speaker& lang);

/// Bars of a model's line items.
ChartSpec BreakdownChart(const cost::ModelResult& r, const Speaker& lang, std::string id);

/// Bars of one figure across results (scenarios).
ChartSpec CompareChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                       const Speaker& lang, std::string id);

/// Whiskers of one figure across results, showing each range.
ChartSpec RangeChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                     const Speaker& lang, std::string id);

/// `<figure class="chart">` holding the SVG and, under it, `table_html` in a
/// `<details>` element labelled "Chart data".
std::string ChartFigure(const ChartSpec& spec, const std::string& table_html, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_CHARTS_H_
