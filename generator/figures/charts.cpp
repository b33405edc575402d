// What each chart kind shows, from the cost engine's results, and the figure
// that holds a chart's two layouts and its data table.
#include "figures/charts.h"

#include <algorithm>
#include <map>

#include "figures/chart_svg.h"
#include "figures/format.h"
#include "figures/html.h"
#include "figures/provenance.h"
#include "figures/strings.h"
#include "figures/tables.h"

namespace costsite::figures {

using cost::Decimal;

namespace {

ChartSpec NewSpec(std::string id, std::string title, ChartKind kind = ChartKind::kBars) {
  ChartSpec spec;
  spec.id = std::move(id), spec.title = std::move(title), spec.kind = kind;
  return spec;
}

Bar NewBar(std::string label, cost::Interval value, std::string text) {
  Bar b;
  b.label = std::move(label), b.value = std::move(value), b.text = std::move(text);
  return b;
}

// The texts of figures a chart shows side by side, with one precision as a
// table's column has ("$1,871/month" beside "$301/month", not
// "$301.13/month"); an amount that would round to 0 keeps its own digits.
std::vector<std::string> ColumnTexts(const std::vector<cost::Figure>& figures, const Speaker& lang) {
  std::vector<std::string> out;
  if (figures.empty()) return out;
  std::vector<cost::Interval> values;
  values.reserve(figures.size());
  for (const cost::Figure& f : figures) values.push_back(f.value);
  const NumberStyle column = ColumnStyle(StyleOf(figures.front()), values);
  out.reserve(figures.size());
  for (const cost::Figure& f : figures) {
    FormatOptions opt;
    opt.precision = ColumnCell(column, f.value).precision;
    out.push_back(FormatFigure(f, opt, lang));
  }
  return out;
}

std::string Title(const cost::ModelResult& r, std::string_view key, const Speaker& lang) {
  std::string model = Pick(r.title, lang).empty() ? r.model : Pick(r.title, lang);
  return JoinCaption(UiText(key, lang), model, lang.lang);
}

// Axis ticks of a figure's unit, short: "$10K", "US$1万".
std::function<std::string(const Decimal&)> Ticks(const cost::Unit& unit, const Speaker& lang) {
  return [unit, lang](const Decimal& v) {
    FormatOptions opt;
    opt.compact = true;
    opt.per = false;
    return FormatAmount(cost::Interval(v), unit, opt, lang);
  };
}

}  // namespace

std::string RenderChart(const ChartSpec& spec, const Speaker& lang, ChartLayout layout) {
  if (spec.kind == ChartKind::kHistory) return RenderHistory(spec, lang, layout, spec.desc);
  return RenderRows(spec, lang, layout, spec.desc);
}

ChartSpec BreakdownChart(const cost::ModelResult& r, const Speaker& lang, std::string id) {
  ChartSpec spec = NewSpec(std::move(id), Title(r, "chart_breakdown", lang));
  std::vector<cost::Figure> costs;
  for (const auto& it : r.items) costs.push_back(it.cost);
  const std::vector<std::string> texts = ColumnTexts(costs, lang);
  for (size_t k = 0; k < r.items.size(); ++k) {
    const auto& it = r.items[k];
    std::string label = Pick(it.label, lang).empty() ? it.id : Pick(it.label, lang);
    spec.bars.push_back(NewBar(label, it.cost.value, texts[k]));
  }
  if (!r.items.empty()) spec.tick_text = Ticks(r.items.front().cost.unit, lang);
  return spec;
}

ChartSpec CompareChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                       const Speaker& lang, std::string id) {
  ChartSpec spec = NewSpec(std::move(id), Title(*results.front(), "chart_compare", lang));
  std::vector<cost::Figure> shown;
  for (const auto* r : results)
    if (const cost::Figure* f = r->Find(figure_id)) {
      shown.push_back(*f);
      spec.bars.push_back(NewBar(ScenarioLabel(*r, lang), f->value, ""));
      if (!spec.tick_text) spec.tick_text = Ticks(f->unit, lang);
    }
  const std::vector<std::string> texts = ColumnTexts(shown, lang);
  for (size_t k = 0; k < texts.size(); ++k) spec.bars[k].text = texts[k];
  return spec;
}

ChartSpec RangeChart(const std::vector<const cost::ModelResult*>& results, std::string_view figure_id,
                     const Speaker& lang, std::string id) {
  ChartSpec spec = CompareChart(results, figure_id, lang, std::move(id));
  spec.title = Title(*results.front(), "chart_range", lang);
  spec.kind = ChartKind::kRanges;
  return spec;
}

ChartSpec StackedChart(const std::vector<const cost::ModelResult*>& results, bool by_group, const Speaker& lang,
                       std::string id) {
  ChartSpec spec = NewSpec(std::move(id), Title(*results.front(), "chart_stacked", lang));
  spec.kind = ChartKind::kStacked;
  std::map<std::string, int> series;  // "g:compute" or "i:gpu" -> legend index
  std::vector<cost::Figure> totals, pieces;  // the bars' and their segments' amounts, in order
  std::vector<int> total_of;                 // per bar: its place in `totals`, -1 for none
  for (const auto* r : results) {
    std::vector<cost::Figure> parts;  // per series, in legend order
    std::vector<int> index;
    for (const auto& it : r->items) {
      bool grouped = by_group && !it.group.empty();
      std::string key = (grouped ? "g:" : "i:") + (grouped ? it.group : it.id);
      auto [s, added] = series.emplace(key, static_cast<int>(spec.legend.size()));
      if (added) {
        const cost::Group* g = nullptr;
        for (const auto& x : r->groups)
          if (grouped && x.id == it.group) g = &x;
        const LocalizedText& label = g ? g->label : it.label;
        std::string name = g ? it.group : it.id;
        spec.legend.push_back(Pick(label, lang).empty() ? name : Pick(label, lang));
      }
      auto at = std::find(index.begin(), index.end(), s->second);
      if (at == index.end()) {
        index.push_back(s->second);
        parts.push_back(it.cost);
      } else {
        parts[at - index.begin()].value = parts[at - index.begin()].value + it.cost.value;
      }
    }
    Bar bar = NewBar(ScenarioLabel(*r, lang), {}, "");
    Decimal sum(0);
    for (size_t k = 0; k < parts.size(); ++k) {
      bar.segments.push_back({index[k], parts[k].value.Mid(), ""});
      pieces.push_back(parts[k]);
      sum += parts[k].value.Mid();
    }
    bar.value = cost::Interval(sum);
    total_of.push_back(r->total || !parts.empty() ? static_cast<int>(totals.size()) : -1);
    if (r->total) {
      totals.push_back(*r->total);
    } else if (!parts.empty()) {
      cost::Figure total = parts.front();
      total.value = cost::Interval(sum);
      totals.push_back(total);
    }
    spec.bars.push_back(std::move(bar));
  }
  // One precision for the bars' totals and one for the segments (their tooltips and the data table).
  const std::vector<std::string> total_texts = ColumnTexts(totals, lang);
  const std::vector<std::string> piece_texts = ColumnTexts(pieces, lang);
  size_t piece = 0;
  for (size_t i = 0; i < spec.bars.size(); ++i) {
    Bar& bar = spec.bars[i];
    if (total_of[i] >= 0) bar.text = total_texts[static_cast<size_t>(total_of[i])];
    for (Segment& seg : bar.segments) seg.text = piece_texts[piece++];
    std::sort(bar.segments.begin(), bar.segments.end(),
              [](const Segment& a, const Segment& b) { return a.series < b.series; });
  }
  // A series that is zero in every bar would be a legend entry with nothing to point at.
  std::vector<int> renumber(spec.legend.size(), -1);
  std::vector<std::string> legend;
  for (const Bar& b : spec.bars)
    for (const Segment& seg : b.segments)
      if (seg.value > Decimal(0) && renumber[seg.series] < 0) renumber[seg.series] = 0;
  for (size_t k = 0; k < renumber.size(); ++k)
    if (renumber[k] == 0) renumber[k] = static_cast<int>(legend.size()), legend.push_back(spec.legend[k]);
  for (Bar& b : spec.bars) {
    std::erase_if(b.segments, [&](const Segment& seg) { return renumber[seg.series] < 0; });
    for (Segment& seg : b.segments) seg.series = renumber[seg.series];
  }
  spec.legend = std::move(legend);
  return spec;
}

ChartSpec HistoryChart(const cost::ProviderView& provider, const cost::PriceEntryView& entry, const Speaker& lang,
                       std::string id) {
  std::string label = Pick(entry.label, lang).empty() ? entry.id : Pick(entry.label, lang);
  ChartSpec spec = NewSpec(std::move(id), UiText("chart_history", lang) + (IsCjk(lang) ? "：" : ": ") + label);
  spec.kind = ChartKind::kHistory;
  for (const auto& dated : entry.dated)
    for (const auto& [variant, value] : dated.variants) {
      const std::string name = VariantName(variant, provider.VariantLabel(variant), lang);
      auto line = std::find_if(spec.lines.begin(), spec.lines.end(), [&](const Line& l) { return l.label == name; });
      if (line == spec.lines.end()) {
        spec.legend.push_back(name);
        spec.lines.push_back({spec.legend.back(), {}});
        line = spec.lines.end() - 1;
      }
      line->points.push_back({dated.date, value.Mid(), FormatPrice(value, entry.unit, lang)});
    }
  cost::Unit unit = entry.unit;
  spec.tick_text = [unit, lang](const Decimal& v) { return FormatPrice(cost::Interval(v), unit, lang); };
  return spec;
}

std::string ChartFigure(const ChartSpec& spec, const std::string& table_html, const Speaker& lang) {
  // A figcaption must be the first or last child of its figure.
  return "<figure class=\"chart-figure\">\n<figcaption>" + Escape(spec.title) + "</figcaption>\n" +
         RenderChart(spec, lang, ChartLayout::kWide) + RenderChart(spec, lang, ChartLayout::kNarrow) +
         "<details class=\"chart-data\">\n<summary>" + Escape(UiText("chart_data", lang)) + "</summary>\n" +
         table_html + "</details>\n</figure>\n";
}

}  // namespace costsite::figures
