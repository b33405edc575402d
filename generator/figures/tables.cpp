#include "figures/tables.h"

#include <algorithm>
#include <map>

#include "figures/format.h"
#include "figures/html.h"
#include "figures/strings.h"
#include "figures/unit_words.h"

namespace costsite::figures {

using cost::Decimal;
using cost::Figure;
using cost::Interval;

namespace {

std::string Paren(std::string_view text, const Speaker& lang) {
  return IsCjk(lang) ? "（" + std::string(text) + "）" : " (" + std::string(text) + ")";
}

std::string Th(std::string_view html, std::string_view cls = {}) {
  return cls.empty() ? "<th scope=\"col\">" + std::string(html) + "</th>"
                     : "<th scope=\"col\" class=\"" + std::string(cls) + "\">" + std::string(html) + "</th>";
}
std::string RowTh(std::string_view html) { return "<th scope=\"row\">" + std::string(html) + "</th>"; }
std::string Num(std::string_view html) { return "<td class=\"num\">" + std::string(html) + "</td>"; }

// A cost cell: the number without its unit (the header has it), with provenance.
std::string CostCell(const Figure& f, const NumberStyle& column, const Speaker& lang, PagePopovers* ids) {
  NumberStyle s = ColumnCell(column, f.value);
  s.currency.clear();
  s.percent = false;
  return Num(FigureHtml(f, FormatInterval(f.value, s, RangeStyle::kDash, lang), lang, ids));
}

// The one precision of a table's cost column, from every amount it shows,
// unless the author set it (precision=, compact).
NumberStyle CostColumn(const cost::ModelResult& r, const FormatOptions& opt) {
  std::vector<Interval> values;
  for (const auto& it : r.items) values.push_back(it.cost.value);
  for (const auto& g : r.groups) values.push_back(g.subtotal.value);
  if (r.total) values.push_back(r.total->value);
  const Figure* first = r.total ? &*r.total : r.items.empty() ? nullptr : &r.items.front().cost;
  return ColumnStyle(first ? StyleOf(*first, opt) : StyleOf(cost::Unit{}, opt), values);
}

// Escaped `text` that may break after each "/" ("requests/<wbr>month",
// "百万 token/<wbr>天"), so that a cost table fits a phone's width. Chinese
// too: the theme keeps its words whole there (word-break: keep-all), so it
// breaks at a space or a slash, never inside "百万".
std::string BreakableUnits(std::string_view text) {
  std::string out;
  for (char c : Escape(text)) {
    out += c;
    if (c == '/') out += "<wbr>";
  }
  return out;
}

// The decimals a row's factor needs: those of the display policy, or more
// when those would not multiply out to the cost cell. 24 h/day × 30.4
// days/month × $2.50/h is $1,824, yet the cost is $1,825 (a month is 30.416…
// days): the factor then reads 30.42.
int FactorDecimals(const cost::LineItem& it, const NumberStyle& cost_cell) {
  const Figure& f = *it.factor;
  const Interval& cost = it.cost.value;
  const NumberStyle own = StyleOf(f);
  const int shown = DefaultDecimals(f.value.lo, own);
  if (!f.value.IsPoint() || !cost.IsPoint() || f.value.lo.IsZero()) return shown;
  const Interval shown_cost = Displayed(cost, cost_cell);
  auto reconciles = [&](const Decimal& shown_factor) {
    return Displayed(Interval(cost.lo * shown_factor / f.value.lo), cost_cell) == shown_cost;
  };
  if (reconciles(Displayed(f.value, own).lo)) return shown;
  for (int decimals = shown + 1; decimals <= 6; ++decimals)
    if (reconciles(f.value.lo.RoundHalfAwayFromZero(decimals))) return decimals;
  return shown;
}

// One factor (30.416… days/month) reads alike in every row of a table: with
// the most decimals any of its rows needs, so no row says 30.4 beside 30.42.
using FactorPlaces = std::map<std::pair<std::string, std::string>, int>;
std::pair<std::string, std::string> FactorKey(const Figure& f) { return {f.unit->text, f.value.lo.ToString()}; }

// "2 instances × 730 h/month": the quantity as written, and the factor that
// makes quantity × unit price equal the cost in the cost column's unit.
std::string QuantityCell(const cost::LineItem& it, const FactorPlaces& places, const Speaker& lang,
                         PagePopovers* ids) {
  std::string html = FigureMarkup(*it.quantity, BreakableUnits(FormatFigure(*it.quantity, {}, lang)), lang, ids);
  if (it.factor) {
    FormatOptions opt;
    const int shown = DefaultDecimals(it.factor->value.lo, StyleOf(*it.factor));
    if (auto at = places.find(FactorKey(*it.factor)); at != places.end() && at->second > shown)
      opt.precision = at->second;
    html += " × " + BreakableUnits(FormatFigure(*it.factor, opt, lang));
  }
  return Num(html);
}

std::string PriceCell(const cost::PriceUse& p, int column_decimals, const Speaker& lang) {
  std::string html = BreakableUnits(FormatPrice(p.value, p.unit, lang, column_decimals));
  if (!p.date.empty())
    html += " <time class=\"date\" datetime=\"" + Escape(p.date) + "\">" + Escape(p.date) + "</time>";
  return Num(html);
}

std::string ShareCell(const Interval& share, const Speaker& lang) {
  NumberStyle s;
  s.kind = NumberKind::kPercent;
  s.precision = 1;
  Interval pct = share * Interval(Decimal(100));
  return Num(Escape(FormatInterval(pct, ColumnCell(s, pct), RangeStyle::kDash, lang)));
}

Interval RoundedSum(const std::vector<const Figure*>& parts, const NumberStyle& column) {
  Interval sum(Decimal(0));
  for (const Figure* f : parts) sum = sum + Displayed(f->value, ColumnCell(column, f->value));
  return sum;
}

std::string GroupLabel(const cost::ModelResult& r, const std::string& id, const Speaker& lang) {
  for (const auto& g : r.groups)
    if (g.id == id) return Pick(g.label, lang).empty() ? id : Pick(g.label, lang);
  return id;
}

}  // namespace

std::string ScenarioLabel(const cost::ModelResult& r, const Speaker& lang) {
  if (r.scenario.empty()) return UiText("base", lang);
  for (const auto& s : r.scenarios)
    if (s.id == r.scenario && !Pick(s.label, lang).empty()) return Pick(s.label, lang);
  return r.scenario;
}

std::string FigureLabel(const Figure& f, const Speaker& lang) {
  if (f.id == "total") return UiText("total", lang);
  const std::string& l = Pick(f.label, lang);
  return l.empty() ? f.id : l;
}

std::string UnitHeader(const Figure& f, const Speaker& lang) {
  // A count of things ("GPU 总数") names them in its label; its cells are
  // numbers. A duration does not ("回本时间" is months or years): it keeps
  // its unit ("回本时间（个月）", "Break-even (months)").
  const bool duration = f.unit->dim.exp[cost::kTime] > 0;
  if (!f.IsMoney() && !duration && IsObjectCount(f.unit->text, f.unit->declared.get())) return "";
  std::string per = UnitText(f.unit, f.value, lang);
  if (!f.IsMoney()) return per;
  std::string currency = CurrencyName(f.Currency(), lang);
  return per.empty() ? currency : currency + "/" + per;
}

std::string WrapTable(const std::string& table, std::string_view label) {
  return "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" + Escape(label) +
         "\">\n" + table + "</div>\n";
}

std::string LineItemTable(const cost::ModelResult& r, const Speaker& lang, SourceList* sources, PagePopovers* ids,
                          const FormatOptions& opt) {
  std::string caption = Pick(r.title, lang).empty() ? r.model : Pick(r.title, lang);
  if (!r.scenario.empty()) caption += Paren(ScenarioLabel(r, lang), lang);
  const Figure* unit_of = r.total ? &*r.total : (r.items.empty() ? nullptr : &r.items.front().cost);
  std::string cost_head = UiText("cost", lang);
  if (unit_of) cost_head += Paren(UnitHeader(*unit_of, lang), lang);
  // A total of zero has no shares: the column would only say "undefined".
  bool has_shares = r.total.has_value() && !(r.total->value.IsPoint() && r.total->value.lo.IsZero());
  // Quantity and unit price are columns only when some item has them: a
  // model of formulas alone would show two empty columns on every row.
  bool priced = std::any_of(r.items.begin(), r.items.end(),
                            [](const cost::LineItem& it) { return it.quantity && it.unit_price; });
  std::string blanks = priced ? "<td></td><td></td>" : "";
  std::string html = "<table class=\"cost-table\">\n<caption>" + Escape(caption) + "</caption>\n<thead><tr>" +
                     Th(UiText("item", lang)) +
                     (priced ? Th(UiText("quantity", lang), "num") + Th(UiText("unit_price", lang), "num") : "") +
                     Th(BreakableUnits(cost_head), "num");
  if (has_shares) html += Th(Escape(UiText("share", lang) + Paren("%", lang)), "num");
  html += "</tr></thead>\n<tbody>\n";

  std::vector<std::string> order;  // groups by first use; "" = no group
  for (const auto& it : r.items)
    if (std::find(order.begin(), order.end(), it.group) == order.end()) order.push_back(it.group);
  std::vector<const Figure*> shown;
  NumberStyle column = CostColumn(r, opt);
  FactorPlaces places;
  std::vector<Interval> unit_prices;  // the unit price column lines up as the cost column does
  for (const auto& it : r.items)
    if (it.quantity && it.unit_price && it.unit_price->unit.dim.IsMoney()) unit_prices.push_back(it.unit_price->value);
  const int price_decimals = PriceColumnDecimals(unit_prices);
  for (const auto& it : r.items) {
    if (!it.quantity || !it.unit_price || !it.factor) continue;
    int& most = places[FactorKey(*it.factor)];
    most = std::max(most, FactorDecimals(it, ColumnCell(column, it.cost.value)));
  }
  for (const std::string& g : order) {
    for (const auto& it : r.items) {
      if (it.group != g) continue;
      sources->Add(it.cost.explain);
      shown.push_back(&it.cost);
      html += "<tr>" + RowTh(Escape(Pick(it.label, lang).empty() ? it.id : Pick(it.label, lang)));
      if (it.quantity && it.unit_price) {
        html += QuantityCell(it, places, lang, ids) + PriceCell(*it.unit_price, price_decimals, lang);
      } else if (priced) {  // a formula: no one quantity and price multiply to its cost
        html += "<td class=\"num by-formula\" colspan=\"2\">" + Escape(UiText("by_formula", lang)) + "</td>";
      }
      html += CostCell(it.cost, column, lang, ids);
      if (has_shares) html += ShareCell(it.share, lang);
      html += "</tr>\n";
    }
    if (g.empty()) continue;
    for (const auto& grp : r.groups) {
      if (grp.id != g) continue;
      html += "<tr class=\"subtotal\">" +
              RowTh(Escape(UiText("subtotal", lang) + (IsCjk(lang) ? "：" : ": ") + GroupLabel(r, g, lang))) +
              blanks + CostCell(grp.subtotal, column, lang, ids);
      if (has_shares) html += ShareCell(grp.share, lang);
      html += "</tr>\n";
    }
  }
  html += "</tbody>\n";
  bool rounded_note = false;
  if (r.total) {
    sources->Add(r.total->explain);
    html += "<tfoot><tr class=\"total\">" + RowTh(Escape(UiText("total", lang))) + blanks +
            CostCell(*r.total, column, lang, ids) + (has_shares ? ShareCell(Interval(Decimal(1)), lang) : "") +
            "</tr></tfoot>\n";
    rounded_note = RoundedSum(shown, column) != Displayed(r.total->value, ColumnCell(column, r.total->value));
  }
  html += "</table>\n";
  std::string out = WrapTable(html, caption);
  if (rounded_note) out += "<p class=\"table-note\">" + Escape(UiText("rounded_note", lang)) + "</p>\n";
  return out;
}

std::string ParamsTable(const cost::ModelResult& r, const Speaker& lang, PagePopovers* ids) {
  std::string caption = (Pick(r.title, lang).empty() ? r.model : Pick(r.title, lang)) +
                        Paren(UiText("params", lang), lang);
  std::string html = "<table class=\"cost-params\">\n<caption>" + Escape(caption) + "</caption>\n<thead><tr>" +
                     Th(UiText("param", lang)) + Th(UiText("value", lang), "num") + "</tr></thead>\n<tbody>\n";
  for (const Figure& p : r.params)
    html += "<tr>" + RowTh(Escape(FigureLabel(p, lang))) +
            Num(FigureHtml(p, FormatFigure(p, {}, lang), lang, ids)) + "</tr>\n";
  html += "</tbody>\n</table>\n";
  return WrapTable(html, caption);
}

std::string RulesList(const cost::ModelResult& r, const Speaker& lang) {
  std::string items;
  for (const auto& rule : r.rules) {
    if (!rule.holds) continue;
    std::string label = Pick(rule.label, lang).empty() ? rule.id : Pick(rule.label, lang);
    items += "<li><strong>" + Escape(label) + "</strong>";
    const std::string& rec = Pick(rule.recommendation, lang);
    if (!rec.empty()) items += (IsCjk(lang) ? "：" : ": ") + Escape(rec);
    // The condition in words; the formula stays in the tooltip, never as reader text.
    // It follows the recommendation as its reason: "Cut seats (because the
    // estimate is over the budget)", "减少席位（原因：预计支出超过预算）".
    const std::string& condition = Pick(rule.condition, lang, "en");
    if (!condition.empty()) {
      const std::string because = UiTextWith("rule_because", "condition", condition, lang);
      items += std::string(IsCjk(lang) ? "" : " ") + "<span class=\"rule-when\" title=\"" + Escape(rule.when) +
               "\">" + Escape(because) + "</span>";
    }
    items += "</li>\n";
  }
  if (items.empty()) return "<p class=\"cost-rules none\">" + Escape(UiText("no_rules", lang)) + "</p>\n";
  return "<ul class=\"cost-rules\">\n" + items + "</ul>\n";
}

std::string ExpectationsTable(const cost::ModelResult& r, const Speaker& lang, PagePopovers* ids) {
  std::string caption = (Pick(r.title, lang).empty() ? r.model : Pick(r.title, lang)) +
                        Paren(UiText("stated", lang) + " / " + UiText("computed", lang), lang);
  // Source and note are columns only when some row has one.
  bool sourced = std::any_of(r.expectations.begin(), r.expectations.end(),
                             [&](const auto& x) { return !Pick(x.source, lang).empty(); });
  bool noted = std::any_of(r.expectations.begin(), r.expectations.end(),
                           [&](const auto& x) { return !Pick(x.note, lang).empty(); });
  std::string html = "<table class=\"cost-expectations\">\n<caption>" + Escape(caption) +
                     "</caption>\n<thead><tr>" + Th(UiText("figure", lang)) + Th(UiText("stated", lang), "num") +
                     Th(UiText("computed", lang), "num") + Th(UiText("status", lang)) +
                     (sourced ? Th(UiText("source", lang)) : "") + (noted ? Th(UiText("note", lang)) : "") +
                     "</tr></thead>\n<tbody>\n";
  // A figure the source states twice (its table's total, its heading's)
  // has two rows: each row's label names its source too, so the rows read
  // apart where the Source column is off a phone's screen.
  std::map<std::string, int> rows_of;
  for (const auto& x : r.expectations) ++rows_of[x.figure];
  for (const auto& x : r.expectations) {
    const Figure* f = r.Find(x.figure);
    std::string label = f ? FigureLabel(*f, lang) : x.figure;
    if (rows_of[x.figure] > 1 && !Pick(x.source, lang).empty()) label += Paren(Pick(x.source, lang), lang);
    Figure computed = f ? *f : Figure{};
    computed.value = x.computed;
    computed.unit = x.unit;
    Figure stated = computed;
    stated.value = x.stated;
    stated.explain = {};
    std::string status = x.ok ? "ok" : x.known_discrepancy ? "known_discrepancy" : "mismatch";
    html += "<tr class=\"status-" + status + "\">" + RowTh(Escape(label)) +
            Num(Escape(FormatFigure(stated, {}, lang))) +
            Num(f ? FigureHtml(computed, FormatFigure(computed, {}, lang), lang, ids)
                  : Escape(FormatFigure(computed, {}, lang))) +
            "<td class=\"status\">" + Escape(UiText(status, lang)) + "</td>" +
            (sourced ? "<td>" + Escape(Pick(x.source, lang)) + "</td>" : "") +
            (noted ? "<td class=\"note\">" + Escape(Pick(x.note, lang)) + "</td>" : "") + "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return WrapTable(html, caption);
}

}  // namespace costsite::figures
