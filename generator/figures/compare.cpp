// Scenario comparison and price-list tables (declared in figures/tables.h).
#include <algorithm>

#include "figures/format.h"
#include "figures/html.h"
#include "figures/provenance.h"
#include "figures/strings.h"
#include "figures/tables.h"

namespace costsite::figures {

using cost::Decimal;
using cost::Figure;
using cost::Interval;

namespace {

std::string Th(std::string_view html, std::string_view cls = {}) {
  return "<th scope=\"col\"" + (cls.empty() ? std::string() : " class=\"" + std::string(cls) + "\"") + ">" +
         std::string(html) + "</th>";
}
std::string RowTh(std::string_view html) { return "<th scope=\"row\">" + std::string(html) + "</th>"; }
std::string Num(std::string_view html) { return "<td class=\"num\">" + std::string(html) + "</td>"; }
// A cell the price list leaves empty (no spot price, no source): a dash a
// reader sees, and words a screen reader says, where an empty cell read as
// a value gone missing.
std::string NotListed(const Speaker& lang, std::string_view cls = {}) {
  return "<td" + (cls.empty() ? std::string() : " class=\"" + std::string(cls) + "\"") +
         "><span aria-hidden=\"true\">—</span><span class=\"vh\">" + Escape(UiText("not_listed", lang)) + "</span></td>";
}

// The change from `a` to `b`, and their ratio, by the cost engine's range
// arithmetic: an uncertain input both scenarios share cancels (a ranged item
// the scenario does not touch adds nothing to the change), and ranges that
// share nothing give a range that holds every possible change.
Interval Change(const Interval& a, const Interval& b) { return b - a; }
Interval Ratio(const Interval& a, const Interval& b) { return *cost::Divide(b, a); }  // REQUIRES: 0 not in a

bool ContainsZero(const Interval& v) { return v.lo <= Decimal(0) && v.hi >= Decimal(0); }

std::string Signed(const Interval& v, const NumberStyle& s, const Speaker& lang) {
  std::string text = FormatInterval(v, s, RangeStyle::kDash, lang);
  if (v.lo > Decimal(0)) text = "+" + text;
  return text;
}

std::string Host(std::string_view url) {
  size_t start = url.find("://");
  if (start == std::string_view::npos) return std::string(url);
  start += 3;
  size_t end = url.find('/', start);
  return std::string(url.substr(start, end == std::string_view::npos ? url.npos : end - start));
}

}  // namespace

std::string CompareTable(const std::vector<const cost::ModelResult*>& results,
                         const std::vector<std::string>& figure_ids, const Speaker& lang,
                         SourceList* sources, PagePopovers* ids, const FormatOptions& opt) {
  const cost::ModelResult& first = *results.front();
  std::string caption = JoinCaption(Pick(first.title, lang).empty() ? first.model : Pick(first.title, lang),
                                    UiText("chart_compare", lang), lang.lang);
  std::string html = "<table class=\"cost-compare\">\n<caption>" + Escape(caption) + "</caption>\n<thead><tr>" +
                     Th(UiText("figure", lang));
  // A scenario that pins another date than the others says so under its name.
  const bool dates_differ = std::any_of(results.begin(), results.end(),
                                        [&](const cost::ModelResult* r) { return r->as_of != first.as_of; });
  for (const auto* r : results) {
    std::string head = Escape(ScenarioLabel(*r, lang));
    if (dates_differ && !r->as_of.empty()) head += "<br><span class=\"as-of\">" + DateWords("scenario_as_of", r->as_of, lang) + "</span>";
    html += Th(head, "num");
  }
  html += "</tr></thead>\n<tbody>\n";
  auto vs = [&](std::string_view key) { return UiTextWith(key, "first", ScenarioLabel(first, lang), lang); };
  for (const std::string& id : figure_ids) {
    const Figure* base = first.Find(id);
    if (!base) continue;
    std::vector<Interval> row_values;
    for (const auto* r : results)
      if (const Figure* f = r->Find(id)) row_values.push_back(f->value);
    NumberStyle style = ColumnStyle(StyleOf(*base, opt), row_values);
    style.currency.clear();
    style.percent = false;
    std::string unit = UnitHeader(*base, lang);
    std::string head = FigureLabel(*base, lang) + (unit.empty() ? "" : (IsCjk(lang) ? "（" + unit + "）" : " (" + unit + ")"));
    std::string values = "<tr>" + RowTh(Escape(head));
    std::string change = "<tr class=\"change\">" + RowTh(Escape(vs("change")));
    std::string pct = "<tr class=\"change\">" + RowTh(Escape(vs("change_pct")));
    std::string ratio = "<tr class=\"change\">" + RowTh(Escape(vs("ratio")));
    // The change in % and the ratio each in one precision along a row of
    // several ("0.40× | 0.64× | 0.33×", not "0.4× | 0.64×").
    NumberStyle p;
    p.percent = true;
    p.kind = NumberKind::kPercent;
    NumberStyle x;
    x.kind = NumberKind::kMultiplier;
    std::vector<Interval> pcts, ratios;
    if (!ContainsZero(base->value))
      for (const auto* r : results)
        if (const Figure* f = r->Find(id); f && r != &first) {
          ratios.push_back(Ratio(base->value, f->value));
          pcts.push_back(ratios.back() * Interval(Decimal(100)) - Interval(Decimal(100)));
        }
    if (ratios.size() > 1) p = ColumnStyle(p, pcts), x = ColumnStyle(x, ratios);
    for (const auto* r : results) {
      const Figure* f = r->Find(id);
      if (!f) {
        values += "<td></td>", change += "<td></td>", pct += "<td></td>", ratio += "<td></td>";
        continue;
      }
      sources->Add(f->explain);
      values += Num(FigureHtml(*f, FormatInterval(f->value, ColumnCell(style, f->value), RangeStyle::kDash, lang), lang, ids));
      if (r == &first) {
        change += Num("—"), pct += Num("—"), ratio += Num("—");
        continue;
      }
      change += Num(Escape(Signed(Change(base->value, f->value), style, lang)));
      if (ContainsZero(base->value)) {
        pct += Num("—"), ratio += Num("—");
        continue;
      }
      const Interval r_v = Ratio(base->value, f->value);
      const Interval pct_v = r_v * Interval(Decimal(100)) - Interval(Decimal(100));
      pct += Num(Escape(Signed(pct_v, ColumnCell(p, pct_v), lang)));
      ratio += Num(Escape(FormatInterval(r_v, ColumnCell(x, r_v), RangeStyle::kDash, lang) + "×"));
    }
    html += values + "</tr>\n";
    // With many figures, changes are shown for the total (else the last) only.
    bool key_figure = figure_ids.size() <= 2 || id == "total" ||
                      (id == figure_ids.back() && std::find(figure_ids.begin(), figure_ids.end(), "total") == figure_ids.end());
    if (key_figure && results.size() > 1) html += change + "</tr>\n" + pct + "</tr>\n" + ratio + "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return WrapTable(html, caption);
}

std::string BudgetTable(const cost::ModelResult& r, const std::string& budget, const std::string& estimate,
                        const std::string& actual, const Speaker& lang, SourceList* sources, PagePopovers* ids,
                        const FormatOptions& opt) {
  const Figure* b = r.Find(budget);
  const Figure* rows[] = {b, r.Find(estimate), r.Find(actual)};
  const char* keys[] = {"budget", "estimate", "actual_spend"};
  std::string caption = (Pick(r.title, lang).empty() ? r.model : Pick(r.title, lang)) + (IsCjk(lang) ? "：" : ": ") +
                        UiText("budget_table", lang);
  std::vector<Interval> values;
  for (const Figure* f : rows) values.push_back(f->value);
  NumberStyle style = ColumnStyle(StyleOf(*b, opt), values);
  style.currency.clear();
  style.percent = false;
  std::string unit = UnitHeader(*b, lang);
  std::string amount = UiText("amount", lang) + (unit.empty() ? "" : (IsCjk(lang) ? "（" + unit + "）" : " (" + unit + ")"));
  std::string html = "<table class=\"cost-budget\">\n<caption>" + Escape(caption) + "</caption>\n<thead><tr>" +
                     Th(UiText("figure", lang)) + Th(Escape(amount), "num") + Th(UiText("variance", lang), "num") +
                     Th(UiText("variance_pct", lang), "num") + "</tr></thead>\n<tbody>\n";
  // The percent column in one precision (-10.0% beside +27.6%, not -10%).
  std::vector<Interval> pcts;
  if (!ContainsZero(b->value))
    for (size_t i = 1; i < 3; ++i)
      pcts.push_back(Ratio(b->value, rows[i]->value) * Interval(Decimal(100)) - Interval(Decimal(100)));
  NumberStyle pct_style;
  pct_style.percent = true;
  pct_style.kind = NumberKind::kPercent;
  pct_style = ColumnStyle(pct_style, pcts);
  for (size_t i = 0; i < 3; ++i) {
    const Figure& f = *rows[i];
    sources->Add(f.explain);
    html += "<tr>" + RowTh(Escape(UiText(keys[i], lang))) +
            Num(FigureHtml(f, FormatInterval(f.value, ColumnCell(style, f.value), RangeStyle::kDash, lang), lang, ids));
    if (i == 0) {
      html += Num("—") + Num("—") + "</tr>\n";
      continue;
    }
    html += Num(Escape(Signed(Change(b->value, f.value), style, lang)));
    if (ContainsZero(b->value)) {
      html += Num("—") + "</tr>\n";
      continue;
    }
    html += Num(Escape(Signed(pcts[i - 1], ColumnCell(pct_style, pcts[i - 1]), lang))) + "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return WrapTable(html, caption);
}

namespace {

const cost::PriceShape* ShapeOf(const std::vector<std::pair<std::string, cost::PriceShape>>& shapes,
                                std::string_view variant) {
  for (const auto& [name, shape] : shapes)
    if (name == variant) return &shape;
  return nullptr;
}

// A price table's cell: the value, and below it the shape in words ("50% of
// on-demand", "from 200,000 tokens: 2.50 …"); the column header names the unit.
std::string PriceCellHtml(const cost::Interval& value, const cost::Unit& unit, const cost::PriceShape* shape,
                          const cost::ProviderView& p, const Speaker& lang, int column_decimals) {
  std::string html = Escape(FormatPriceNumber(value, unit, lang, column_decimals));
  if (!shape || shape->empty()) return html;
  const LocalizedText* of = shape->percent ? p.VariantLabel(shape->of) : nullptr;
  return html + "<br><small class=\"price-shape\">" + Escape(PriceShapeText(*shape, unit, of, false, lang)) + "</small>";
}

// The decimals a column of prices shares (PriceColumnDecimals): "3.00"
// beside "0.30", "15.00" beside "7.50", as a price list writes them. `rows`
// holds each row's (variants, unit).
using PriceRow = std::pair<const std::vector<std::pair<std::string, cost::Interval>>*, const cost::Unit*>;
int VariantColumnDecimals(const std::vector<PriceRow>& rows, std::string_view variant) {
  std::vector<Interval> money;
  for (const auto& [variants, row_unit] : rows) {
    if (!row_unit->dim.IsMoney()) continue;
    for (const auto& [v, value] : *variants)
      if (v == variant) money.push_back(value);
  }
  return PriceColumnDecimals(money);
}

}  // namespace

std::string PriceTable(const cost::ProviderView& p, const std::vector<std::string>& entries,
                       const Speaker& lang, SourceList* sources) {
  std::vector<const cost::PriceEntryView*> rows;
  for (const auto& e : p.entries)
    if (entries.empty() || std::find(entries.begin(), entries.end(), e.id) != entries.end()) rows.push_back(&e);
  std::vector<std::string> variants;
  for (const auto* e : rows)
    for (const auto& [v, value] : e->variants)
      if (std::find(variants.begin(), variants.end(), v) == variants.end()) variants.push_back(v);
  std::string caption = Pick(p.name, lang).empty() ? p.id : Pick(p.name, lang);
  if (!p.region.empty()) caption += IsCjk(lang) ? "（" + p.region + "）" : " (" + p.region + ")";
  std::string html = "<table class=\"cost-prices\">\n<caption>" + Escape(caption) + "</caption>\n<thead><tr>" +
                     Th(UiText("entry", lang)) + Th(UiText("unit", lang));
  for (const auto& v : variants) html += Th(Escape(VariantName(v, p.VariantLabel(v), lang)), "num");
  // Date and source are columns only when some row has one.
  bool dated = std::any_of(rows.begin(), rows.end(), [](const auto* e) { return !e->date.empty(); });
  bool sourced = !p.source.empty() ||
                 std::any_of(rows.begin(), rows.end(), [](const auto* e) { return !e->source.empty(); });
  html += (dated ? Th(UiText("date", lang)) : "") + (sourced ? Th(UiText("source", lang)) : "") +
          "</tr></thead>\n<tbody>\n";
  std::vector<PriceRow> priced;
  for (const auto* e : rows) priced.push_back({&e->variants, &e->unit});
  std::vector<int> decimals;
  for (const auto& v : variants) decimals.push_back(VariantColumnDecimals(priced, v));
  for (const auto* e : rows) {
    std::string label = Pick(e->label, lang).empty() ? e->id : Pick(e->label, lang);
    html += "<tr>" + RowTh(Escape(label)) + "<td class=\"unit\">" + Escape(PriceUnitHeader(e->unit, lang)) + "</td>";
    for (size_t k = 0; k < variants.size(); ++k) {
      const std::string& v = variants[k];
      auto it = std::find_if(e->variants.begin(), e->variants.end(), [&](const auto& x) { return x.first == v; });
      const cost::PriceShape* shape = ShapeOf(e->shapes, v);
      html += it == e->variants.end() ? NotListed(lang, "num")
                                      : Num(PriceCellHtml(it->second, e->unit, shape, p, lang, decimals[k]));
      if (it != e->variants.end()) {
        cost::PriceUse use{p.id + "/" + e->id, v, it->second, e->unit, e->date, e->source, p.name, e->label, {}};
        use.since = e->since;
        if (const LocalizedText* label = p.VariantLabel(v)) use.variant_label = *label;
        if (shape) use.shape = *shape;
        if (shape && shape->percent && p.VariantLabel(shape->of)) use.of_label = *p.VariantLabel(shape->of);
        sources->Add(use);
      }
    }
    std::string src = e->source.empty() ? p.source : e->source;
    std::string link = src.rfind("http", 0) == 0 ? "<a href=\"" + Escape(src) + "\">" + Escape(Host(src)) + "</a>"
                                                 : Escape(src);
    if (dated) {  // the date read, and the date in force from when that differs
      cost::PriceUse dates;
      dates.date = e->date;
      dates.since = e->since;
      html += "<td>" + (e->since.empty() || e->since == e->date ? TimeHtml(e->date) : PriceDatesHtml(dates, lang)) +
              "</td>";
    }
    if (sourced) html += src.empty() ? NotListed(lang) : "<td>" + link + "</td>";
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return WrapTable(html, caption);
}

std::string PriceHistoryTable(const cost::ProviderView& p, const cost::PriceEntryView& e, const Speaker& lang,
                              SourceList* sources) {
  std::vector<std::string> variants;
  for (const auto& dated : e.dated)
    for (const auto& [v, value] : dated.variants)
      if (std::find(variants.begin(), variants.end(), v) == variants.end()) variants.push_back(v);
  std::string label = Pick(e.label, lang).empty() ? e.id : Pick(e.label, lang);
  std::string caption = label + (IsCjk(lang) ? "（" : " (") + PriceUnitHeader(e.unit, lang) + (IsCjk(lang) ? "）" : ")");
  std::string html = "<table class=\"cost-prices\">\n<caption>" + Escape(caption) + "</caption>\n<thead><tr>" +
                     Th(UiText("date", lang));
  for (const auto& v : variants) html += Th(Escape(VariantName(v, p.VariantLabel(v), lang)), "num");
  html += "</tr></thead>\n<tbody>\n";
  std::vector<PriceRow> priced;
  for (const auto& dated : e.dated) priced.push_back({&dated.variants, &e.unit});
  std::vector<int> decimals;
  for (const auto& v : variants) decimals.push_back(VariantColumnDecimals(priced, v));
  for (const auto& dated : e.dated) {
    html += "<tr>" + RowTh("<time datetime=\"" + Escape(dated.date) + "\">" + Escape(dated.date) + "</time>");
    for (size_t k = 0; k < variants.size(); ++k) {
      const std::string& v = variants[k];
      auto it = std::find_if(dated.variants.begin(), dated.variants.end(), [&](const auto& x) { return x.first == v; });
      const cost::PriceShape* shape = dated.ShapeOf(v);
      html += it == dated.variants.end() ? NotListed(lang, "num")
                                         : Num(PriceCellHtml(it->second, e.unit, shape, p, lang, decimals[k]));
      if (it == dated.variants.end()) continue;
      cost::PriceUse use{p.id + "/" + e.id, v, it->second, e.unit, dated.checked, e.source, p.name, e.label, {}};
      use.since = dated.since;
      if (const LocalizedText* vl = p.VariantLabel(v)) use.variant_label = *vl;
      if (shape) use.shape = *shape;
      if (shape && shape->percent && p.VariantLabel(shape->of)) use.of_label = *p.VariantLabel(shape->of);
      sources->Add(use);
    }
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return WrapTable(html, caption);
}

}  // namespace costsite::figures
