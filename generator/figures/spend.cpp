// `cost actuals` tables and spend-over-time charts (figures/spend.h).
#include "figures/spend.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "figures/html.h"
#include "figures/tables.h"

namespace costsite::figures {

using cost::Decimal;

namespace {

// A group column's header: the FOCUS column in the page's words, a tag by its key.
std::string ColumnHeader(const std::string& column, const Speaker& lang) {
  if (column.rfind("tag:", 0) == 0) {
    std::string text = UiText("spend_tag", lang);
    size_t at = text.find("{key}");
    if (at != std::string::npos) text.replace(at, 5, column.substr(4));
    return text;
  }
  static constexpr std::string_view kKnown[] = {"ProviderName", "ServiceName", "ServiceCategory", "RegionName",
                                                "SubAccountName", "ChargeCategory"};
  for (std::string_view k : kKnown)
    if (k == column) return UiText("spend_col_" + column, lang);
  return column;  // another FOCUS column: its name is the reader's identifier for it
}

// The groups as a caption names them mid-sentence ("Actual spend by
// service"): a header's capital lowered, not an acronym's ("AWS", "SKU")
// nor a column's own name (ResourceId) nor a tag's key.
std::string GroupWords(const cost::SpendResult& r, const Speaker& lang) {
  std::string by;
  for (const std::string& g : r.query.group_by) {
    std::string word = ColumnHeader(g, lang);
    const bool named = word != g && g.rfind("tag:", 0) != 0;
    if (named && word.size() > 1 && std::isupper(static_cast<unsigned char>(word[0])) &&
        std::islower(static_cast<unsigned char>(word[1])))
      word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    by += (by.empty() ? "" : IsCjk(lang) ? "、" : ", ") + word;
  }
  return by;
}

bool SameText(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// A group's value in column `column` as the page names it: a provider of
// the price lists by its name in the page's language, when the export's
// ProviderName is its id or English name ("AWS", "Google Cloud"); "none"
// for an empty value; else the value as the export has it.
std::string ValueText(const std::string& column, const std::string& value, const Speaker& lang,
                      const std::vector<cost::ProviderView>* providers) {
  if (value.empty()) return UiText("spend_none", lang);
  if (column == "ProviderName" && providers)
    for (const cost::ProviderView& p : *providers)
      if (SameText(value, p.id) || SameText(value, Pick(p.name, "en"))) {
        std::string name = Pick(p.name, lang);
        if (!name.empty()) return name;
      }
  return value;
}

std::string KeyText(const cost::SpendResult& r, const std::vector<std::string>& key, const Speaker& lang,
                    const std::vector<cost::ProviderView>* providers) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i)
    out += (out.empty() ? "" : " · ") +
           ValueText(i < r.query.group_by.size() ? r.query.group_by[i] : std::string(), key[i], lang, providers);
  return out;
}

std::string OtherText(int64_t n, const Speaker& lang) {
  std::string text = UiText("spend_other", lang);
  size_t at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, std::to_string(n));
  return text;
}

// Money to the cent (an amount under a cent by the display policy, so it is
// never shown as zero); `precision` overrides.
std::string Money(const Decimal& v, const std::string& currency, const FormatOptions& opt, const Speaker& lang) {
  NumberStyle s;
  s.currency = currency;
  s.kind = NumberKind::kMoney;
  s.precision = opt.precision ? *opt.precision : 2;
  if (!opt.precision && !v.IsZero() && v.Abs() < Decimal::Parse("0.01").value()) s.precision.reset();
  s.compact = opt.compact;
  return FormatNumber(v, s, lang.lang);
}

std::string Percent(const Decimal& v, const Speaker& lang) {
  NumberStyle s;
  s.percent = true;
  s.kind = NumberKind::kPercent;
  s.precision = 1;
  return FormatNumber(v, s, lang.lang);
}

// A row's share; one that rounds to 0.0 % but is not zero says so: "< 0.1%",
// and a credit's "> -0.1%" (it takes less than 0.1 % off the total).
std::string ShareText(const SpendLine& l, const Speaker& lang) {
  if (!l.share) return "—";
  if (!l.share->IsZero() || l.total.IsZero()) return Escape(Percent(*l.share, lang));
  static const Decimal kTenth = *Decimal::Parse("0.1");
  return Escape(l.total.IsNegative() ? "> " + Percent(-kTenth, lang) : "< " + Percent(kTenth, lang));
}

std::string Th(std::string_view html, std::string_view cls = {}) {
  return "<th scope=\"col\"" + (cls.empty() ? std::string() : " class=\"" + std::string(cls) + "\"") + ">" +
         std::string(html) + "</th>";
}

std::string Currency(const cost::SpendResult& r) { return r.rows.empty() ? "USD" : r.rows.front().currency; }

}  // namespace

Decimal SpendTotal(const cost::SpendResult& r) {
  Decimal sum;
  for (const cost::SpendRow& row : r.rows) sum += row.total;
  return sum;
}

std::vector<SpendLine> SpendLines(const cost::SpendResult& r, int top) {
  std::vector<SpendLine> out;
  for (const cost::SpendRow& row : r.rows) {
    if (top > 0 && static_cast<int>(out.size()) >= top) {
      if (out.size() == static_cast<size_t>(top)) out.push_back({});
      out.back().total += row.total;
      ++out.back().others;
      continue;
    }
    out.push_back({row.key, 0, row.total, std::nullopt});
  }
  // Shares in tenths of a percent by the largest remainder, so the rows
  // shown add up to exactly 100.0 %.
  const Decimal total = SpendTotal(r);
  if (total.IsNegative() || total.IsZero()) return out;
  const Decimal thousand(1000);
  std::vector<Decimal> exact, floor;
  Decimal given;
  for (const SpendLine& l : out) {
    exact.push_back(l.total * thousand / total);
    floor.push_back(exact.back().Floor());
    given += floor.back();
  }
  std::vector<size_t> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return exact[a] - floor[a] > exact[b] - floor[b]; });
  for (size_t i = 0; given < thousand && i < order.size(); ++i, given += Decimal(1)) floor[order[i]] += Decimal(1);
  for (size_t i = 0; i < out.size(); ++i) out[i].share = floor[i] / Decimal(10);
  return out;
}

std::vector<cost::SpendResult> SpendByCurrency(const cost::SpendResult& r) {
  std::map<std::string, cost::SpendResult> parts;
  for (const cost::SpendRow& row : r.rows) parts[row.currency].rows.push_back(row);
  for (const cost::SpendRow& day : r.days) parts[day.currency].days.push_back(day);
  std::vector<cost::SpendResult> out;
  for (auto& [currency, part] : parts) {
    part.query = r.query;
    out.push_back(std::move(part));
  }
  return out;
}

std::string SpendTable(const cost::SpendResult& r, int top, const Speaker& lang, const FormatOptions& opt,
                       bool name_currency, const std::vector<cost::ProviderView>* providers) {
  const std::string currency = Currency(r);
  const std::string by = GroupWords(r, lang);
  std::string caption = UiText("spend_table", lang);
  if (size_t at = caption.find("{group}"); at != std::string::npos) caption.replace(at, 7, by);
  if (!r.query.period.empty()) caption += IsCjk(lang) ? "（" + r.query.period + "）" : " (" + r.query.period + ")";
  if (name_currency) caption += (IsCjk(lang) ? "：" : ": ") + CurrencyName(currency, lang.lang);
  std::string html = "<table class=\"cost-actuals\">\n<caption>" + Escape(caption) + "</caption>\n<thead><tr>";
  for (const std::string& g : r.query.group_by) html += Th(Escape(ColumnHeader(g, lang)));
  html += Th(Escape(UiText("actual_spend", lang) + (IsCjk(lang) ? "（" : " (") + CurrencyName(currency, lang.lang) +
                    (IsCjk(lang) ? "）" : ")")),
             "num") +
          Th(Escape(UiText("share", lang)), "num") + "</tr></thead>\n<tbody>\n";
  const size_t width = r.query.group_by.size();
  for (const SpendLine& l : SpendLines(r, top)) {
    html += l.key.empty() ? "<tr class=\"other\">" : "<tr>";
    if (l.key.empty()) {
      html += "<th scope=\"row\"" + (width > 1 ? " colspan=\"" + std::to_string(width) + "\"" : std::string()) + ">" +
              Escape(OtherText(l.others, lang)) + "</th>";
    } else {
      for (size_t i = 0; i < l.key.size(); ++i) {
        std::string cell = Escape(ValueText(r.query.group_by[i], l.key[i], lang, providers));
        html += i == 0 ? "<th scope=\"row\">" + cell + "</th>" : "<td>" + cell + "</td>";
      }
    }
    html += "<td class=\"num\">" + Escape(Money(l.total, currency, opt, lang)) + "</td><td class=\"num\">" +
            ShareText(l, lang) + "</td></tr>\n";
  }
  html += "</tbody>\n<tfoot><tr><th scope=\"row\"" +
          (width > 1 ? " colspan=\"" + std::to_string(width) + "\"" : std::string()) + ">" +
          Escape(UiText("total", lang)) + "</th><td class=\"num\">" +
          Escape(Money(SpendTotal(r), currency, opt, lang)) + "</td><td class=\"num\">" +
          (SpendTotal(r).IsNegative() || SpendTotal(r).IsZero() ? "—" : Escape(Percent(Decimal(100), lang))) +
          "</td></tr></tfoot>\n</table>\n";
  return WrapTable(html, caption);
}

ChartSpec SpendChart(const cost::SpendResult& r, bool monthly, int top, const Speaker& lang, std::string id,
                     bool name_currency, const std::vector<cost::ProviderView>* providers) {
  const std::string currency = Currency(r);
  const std::string by = GroupWords(r, lang);
  std::string title = UiText(monthly ? "spend_chart_monthly" : "spend_chart_daily", lang);
  if (size_t at = title.find("{group}"); at != std::string::npos) title.replace(at, 7, by);
  ChartSpec spec;
  spec.id = std::move(id);
  spec.title = title;
  spec.kind = ChartKind::kHistory;
  // The lines: the largest groups (as the table orders them), the rest as one.
  std::map<std::vector<std::string>, size_t> line_of;
  std::vector<SpendLine> lines = SpendLines(r, top);
  for (const SpendLine& l : lines) {
    spec.legend.push_back(l.key.empty() ? OtherText(l.others, lang) : KeyText(r, l.key, lang, providers));
    if (!l.key.empty()) line_of[l.key] = spec.legend.size() - 1;
  }
  // A chart of one line shows no legend: its title names the group.
  if (lines.size() == 1) spec.title += (IsCjk(lang) ? "：" : ": ") + spec.legend.front();
  if (name_currency)
    spec.title += IsCjk(lang) ? "（" + CurrencyName(currency, lang.lang) + "）" : " (" + CurrencyName(currency, lang.lang) + ")";
  std::vector<std::map<std::string, Decimal>> sums(lines.size());
  std::map<std::string, bool> dates;
  for (const cost::SpendRow& p : r.days) {
    std::string date = monthly ? p.day.substr(0, 7) + "-01" : p.day;
    auto it = line_of.find(p.key);
    size_t line = it == line_of.end() ? lines.size() - 1 : it->second;
    sums[line][date] += p.total;
    dates[date] = true;
  }
  FormatOptions opt;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line line{spec.legend[i], {}};
    // Every line has a point on every date, so a day without spend reads 0.
    for (const auto& [date, unused] : dates) {
      Decimal v = sums[i].count(date) ? sums[i][date] : Decimal(0);
      line.points.push_back({date, v, Money(v, currency, opt, lang)});
    }
    spec.lines.push_back(std::move(line));
  }
  spec.tick_text = [currency, lang](const Decimal& v) {
    NumberStyle s;
    s.currency = currency;
    s.kind = NumberKind::kMoney;
    s.compact = true;
    return FormatNumber(v, s, lang.lang);
  };
  return spec;
}

std::string SpendSeriesTable(const ChartSpec& chart, bool monthly, const Speaker& lang) {
  std::string html = "<table class=\"cost-actuals-series\">\n<caption>" + Escape(chart.title) +
                     "</caption>\n<thead><tr>" + Th(Escape(UiText("date", lang)));
  for (const Line& l : chart.lines) html += Th(Escape(l.label), "num");
  html += "</tr></thead>\n<tbody>\n";
  const size_t n = chart.lines.empty() ? 0 : chart.lines.front().points.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string& date = chart.lines.front().points[i].date;
    html += "<tr><th scope=\"row\">" + Escape(monthly ? date.substr(0, 7) : date) + "</th>";
    for (const Line& l : chart.lines) html += "<td class=\"num\">" + Escape(l.points[i].text) + "</td>";
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return WrapTable(html, chart.title);
}

}  // namespace costsite::figures
