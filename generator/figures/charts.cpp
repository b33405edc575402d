#include "figures/charts.h"

#include <cmath>

#include "figures/format.h"
#include "figures/html.h"
#include "figures/strings.h"
#include "figures/tables.h"

namespace costsite::figures {

using cost::Decimal;

namespace {

constexpr int kWidth = 640;
constexpr int kLabelWidth = 200;  // left column for bar labels
constexpr int kPlotWidth = 300;   // bars; the rest holds the value text
constexpr int kRow = 28;
constexpr int kBarHeight = 16;
constexpr int kTop = 8;

// Pixel position of `v` on a scale ending at `max`; integer, so output never
// depends on how a platform prints floating point.
int X(const Decimal& v, const Decimal& max) {
  if (max <= Decimal(0) || v <= Decimal(0)) return kLabelWidth;
  Decimal px = (v / max * Decimal(kPlotWidth)).RoundHalfAwayFromZero(0);
  return kLabelWidth + static_cast<int>(px.ToInt().value_or(0));
}

std::string I(int v) { return std::to_string(v); }

std::string Desc(const ChartSpec& spec, const Speaker& lang) {
  std::string out;
  for (const Bar& b : spec.bars) {
    if (!out.empty()) out += IsCjk(lang) ? "；" : "; ";
    out += b.label + (IsCjk(lang) ? "：" : ": ") + b.text;
  }
  return out;
}

std::string FigureText(const cost::Figure& f, const Speaker& lang) { return FormatFigure(f, {}, lang); }

std::string Title(const cost::ModelResult& r, std::string_view key, const Speaker& lang) {
  std::string model = Pick(r.title, lang).empty() ? r.model : Pick(r.title, lang);
  return UiText(key, lang) + (IsCjk(lang) ? "：" : ": ") + model;
}

}  // namespace

std::string RenderBarChart(const ChartSpec& spec, const Speaker& lang) {
  Decimal max(0);
  for (const Bar& b : spec.bars) max = cost::Max(max, b.value.hi);
  int height = kTop * 2 + kRow * static_cast<int>(spec.bars.size());
  std::string title_id = spec.id + "-title", desc_id = spec.id + "-desc";
  std::string out = "<svg class=\"chart" + std::string(spec.whiskers_only ? " chart-range" : "") +
                    "\" role=\"img\" aria-labelledby=\"" + title_id + " " + desc_id +
                    "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + I(kWidth) + " " + I(height) +
                    "\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\n<title id=\"" + title_id + "\">" +
                    Escape(spec.title) + "</title>\n<desc id=\"" + desc_id + "\">" +
                    Escape(spec.desc.empty() ? Desc(spec, lang) : spec.desc) + "</desc>\n";
  out += "<line class=\"chart-axis\" x1=\"" + I(kLabelWidth) + "\" y1=\"" + I(kTop / 2) + "\" x2=\"" +
         I(kLabelWidth) + "\" y2=\"" + I(height - kTop / 2) + "\"/>\n";
  for (size_t i = 0; i < spec.bars.size(); ++i) {
    const Bar& b = spec.bars[i];
    int y = kTop + kRow * static_cast<int>(i);
    int mid_y = y + kRow / 2;
    int lo = X(b.value.lo, max), hi = X(b.value.hi, max), mid = X(b.value.Mid(), max);
    out += "<g class=\"chart-row chart-row-" + I(static_cast<int>(i % 6)) + "\">\n";
    out += "<text class=\"chart-label\" x=\"" + I(kLabelWidth - 6) + "\" y=\"" + I(mid_y + 5) +
           "\" text-anchor=\"end\">" + Escape(b.label) + "</text>\n";
    if (!spec.whiskers_only)
      out += "<rect class=\"chart-bar\" x=\"" + I(kLabelWidth) + "\" y=\"" + I(mid_y - kBarHeight / 2) +
             "\" width=\"" + I(mid - kLabelWidth) + "\" height=\"" + I(kBarHeight) + "\"/>\n";
    if (!b.value.IsPoint() || spec.whiskers_only) {
      out += "<path class=\"chart-whisker\" d=\"M" + I(lo) + " " + I(mid_y) + "H" + I(hi) + "M" + I(lo) + " " +
             I(mid_y - 6) + "V" + I(mid_y + 6) + "M" + I(hi) + " " + I(mid_y - 6) + "V" + I(mid_y + 6) + "\"/>\n";
    }
    if (spec.whiskers_only)
      out += "<circle class=\"chart-dot\" cx=\"" + I(mid) + "\" cy=\"" + I(mid_y) + "\" r=\"4\"/>\n";
    out += "<text class=\"chart-value\" x=\"" + I(hi + 6) + "\" y=\"" + I(mid_y + 5) + "\">" + Escape(b.text) +
           "</text>\n</g>\n";
  }
  return out + "</svg>\n";
}

ChartSpec BreakdownChart(const cost::ModelResult& r, const Speaker& lang, std::string id) {
  ChartSpec spec{std::move(id), Title(r, "chart_breakdown", lang), "", {}, false};
  for (const auto& it : r.items) {
    std::string label = Pick(it.label, lang).empty() ? it.id : Pick(it.label, lang);
    spec.bars.push_back({label, it.cost.value, FigureText(it.cost, lang)});
  }
  return spec;
}

ChartSpec CompareChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                       const Speaker& lang, std::string id) {
  ChartSpec spec{std::move(id), Title(*results.front(), "chart_compare", lang), "", {}, false};
  for (const auto* r : results)
    if (const cost::Figure* f = r->Find(figure_id))
      spec.bars.push_back({ScenarioLabel(*r, lang), f->value, FigureText(*f, lang)});
  return spec;
}

ChartSpec RangeChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                     const Speaker& lang, std::string id) {
  ChartSpec spec = CompareChart(results, figure_id, lang, std::move(id));
  spec.title = Title(*results.front(), "chart_range", lang);
  spec.whiskers_only = true;
  return spec;
}

std::string ChartFigure(const ChartSpec& spec, const std::string& table_html, const Speaker& lang) {
  // A figcaption must be the first or last child of its figure.
  return "<figure class=\"chart-figure\">\n<figcaption>" + Escape(spec.title) + "</figcaption>\n" +
         RenderBarChart(spec, lang) + "<details class=\"chart-data\">\n<summary>" +
         Escape(UiText("chart_data", lang)) + "</summary>\n" + table_html + "</details>\n</figure>\n";
}

}  // namespace costsite::figures
