#include "figures/provenance.h"

#include <algorithm>
#include <cctype>

#include "figures/format.h"
#include "figures/html.h"
#include "figures/strings.h"

namespace costsite::figures {

std::string VariantName(std::string_view variant, const LocalizedText* declared, const Speaker& lang) {
  if (declared && !Pick(*declared, lang).empty()) return Pick(*declared, lang);
  return VariantLabel(variant, lang);
}

namespace {

// `text` with each "{name}" replaced by its value.
std::string Fill(std::string text, const std::vector<std::pair<std::string_view, std::string>>& values) {
  for (const auto& [name, value] : values) {
    std::string key = "{" + std::string(name) + "}";
    if (size_t at = text.find(key); at != std::string::npos) text.replace(at, key.size(), value);
  }
  return text;
}

}  // namespace

std::string PriceShapeText(const cost::PriceShape& shape, const cost::Unit& unit, const LocalizedText* of_label,
                           bool with_unit, const Speaker& lang) {
  std::vector<std::string> parts;
  if (shape.percent) {
    std::string of = VariantName(shape.of, of_label, lang);
    // "50% of on-demand": a common noun mid-sentence, unless it is an acronym.
    if (!IsCjk(lang) && of.size() > 1 && std::isupper(static_cast<unsigned char>(of[0])) &&
        std::islower(static_cast<unsigned char>(of[1])))
      of[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(of[0])));
    parts.push_back(Fill(UiText("price_percent_of", lang), {{"percent", shape.percent->ToString() + "%"}, {"variant", of}}));
  }
  if (!shape.hours.empty()) {
    size_t dash = shape.hours.find('-');
    parts.push_back(Fill(UiText("price_hours", lang),
                         {{"from", shape.hours.substr(0, dash)}, {"to", shape.hours.substr(dash + 1)}}));
  }
  if (shape.tiers) {
    const cost::Tiers& t = *shape.tiers;
    for (size_t i = 1; i < t.steps.size(); ++i) {
      std::string from = FormatAmount(cost::Interval(t.steps[i].from), t.by, {}, lang);
      std::string price = with_unit ? FormatPrice(t.steps[i].price, unit, lang)
                                    : FormatPriceNumber(t.steps[i].price, unit, lang);
      // UiTextWith spaces a Latin word from an ideograph: "1,000,000 token 起".
      parts.push_back(UiTextWith(t.steps[i].above ? "price_tier_above" : "price_tier_from", "quantity", from, lang) +
                      (IsCjk(lang) ? "：" : ": ") + price);
    }
    parts.push_back(UiText(t.marginal ? "price_tiers_marginal" : "price_tiers_whole", lang));
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : IsCjk(lang) ? "；" : "; ") + part;
  return out;
}

namespace {

std::string Colon(const Speaker& lang) { return IsCjk(lang) ? "：" : ": "; }

std::string Paren(std::string_view text, const Speaker& lang) {
  return IsCjk(lang) ? "（" + std::string(text) + "）" : " (" + std::string(text) + ")";
}

// An actual spend as a reader knows it: what it selects, not the call that
// selects it. actual(ServiceName="Amazon EC2", tag.team="ml", period=2024-10)
// reads "Amazon EC2 · team=ml" (its month follows in the dates).
std::string ActualName(const cost::PriceUse& p, const Speaker& lang) {
  std::string name;
  for (const auto& [column, value] : p.actual_filters) {
    if (!name.empty()) name += " · ";
    name += column.rfind("tag:", 0) == 0 ? column.substr(4) + "=" + value : value;  // tag.team is "tag:team"
  }
  if (name.empty()) name = UiText("actual_spend", lang);
  // Billed and effective cost of one selection are two sources: say which.
  if (!p.actual_measure.empty()) name += Paren(UiText("measure_" + p.actual_measure, lang), lang);
  return name;
}

std::string PriceName(const cost::PriceUse& p, const Speaker& lang) {
  std::string label = Pick(p.label, lang);
  std::string name = !label.empty() ? label : p.actual ? ActualName(p, lang) : p.id;
  if (!p.variant.empty() && p.variant != "on_demand") name += Paren(VariantName(p.variant, &p.variant_label, lang), lang);
  return name;
}

bool IsUrl(std::string_view s) { return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0; }

std::string Line(std::string_view cls, std::string_view html) {
  return "<span class=\"" + std::string(cls) + "\">" + std::string(html) + "</span>";
}

// "aws.amazon.com" for "https://aws.amazon.com/ec2/pricing/": a link's text
// in a popover, where a whole URL would not fit.
std::string Host(std::string_view url) {
  url.remove_prefix(url.find("://") + 3);
  return std::string(url.substr(0, url.find_first_of("/?#")));
}

// "2025-10-01, aws.amazon.com" (`dates`, then the source linked when it is a
// URL), in the language's parentheses; "" when neither is known.
std::string WhenHtml(std::string html, const std::string& source, const Speaker& lang) {
  if (!source.empty()) {
    if (!html.empty()) html += IsCjk(lang) ? "，" : ", ";
    html += IsUrl(source) ? "<a href=\"" + Escape(source) + "\">" + Escape(Host(source)) + "</a>" : Escape(source);
  }
  if (html.empty()) return html;
  return IsCjk(lang) ? "（" + html + "）" : " (" + html + ")";
}

}  // namespace

std::string TimeHtml(const std::string& date) {
  return date.empty() ? "" : "<time datetime=\"" + Escape(date) + "\">" + Escape(date) + "</time>";
}

// "checked <time>2026-08-10</time>": a UI sentence around a date.
std::string DateWords(std::string_view key, const std::string& date, const Speaker& lang) {
  std::string text = Escape(UiText(key, lang));
  size_t at = text.find("{date}");
  std::string time = TimeHtml(date);
  return at == std::string::npos ? text + " " + time : text.replace(at, 6, time);
}

std::string PriceDatesHtml(const cost::PriceUse& p, const Speaker& lang) {
  if (p.actual) {  // actual spend: its month and the lines of the export summed, not a checked date
    std::string key = p.date.empty() ? "actual_source_all" : "actual_source";
    if (p.lines == 1) key += "_one";  // "1 line", not "1 lines"
    std::string text = Escape(UiText(key, lang));
    if (size_t at = text.find("{period}"); at != std::string::npos) text.replace(at, 8, TimeHtml(p.date));
    if (size_t at = text.find("{lines}"); at != std::string::npos) {
      NumberStyle whole;  // every digit, grouped as the language groups them: "1,234,567 lines"
      whole.precision = 0;
      text.replace(at, 7, FormatNumber(cost::Decimal(p.lines), whole, lang));
    }
    return text;
  }
  std::string html;
  const std::string comma = IsCjk(lang) ? "，" : ", ";
  if (!p.since.empty() && p.since != p.date) html = DateWords("price_since", p.since, lang);
  if (!p.date.empty()) html += (html.empty() ? "" : comma) + DateWords("price_checked", p.date, lang);
  return html;
}

namespace {

// An input as a reader knows it: its label, else its id; a share names what
// it is the share of; a figure read in a scenario names the scenario.
std::string InputLabel(const cost::InputUse& in, const Speaker& lang) {
  std::string label = Pick(in.label, lang);
  if (label.empty()) return "";
  if (!in.scenario->empty()) {
    const std::string& sc = Pick(in.scenario->label, lang);
    label += Paren(sc.empty() ? in.scenario->id : sc, lang);
  }
  if (in.share) {
    std::string text = UiText("share_of", lang);
    size_t at = text.find("{label}");
    label = at == std::string::npos ? label : text.replace(at, 7, label);
  }
  return label;
}

std::string InputHtml(const cost::InputUse& in, const Speaker& lang) {
  std::string label = InputLabel(in, lang);
  std::string html = label.empty() ? "" : Escape(label) + " ";
  html += "<code>" + Escape(in.name) + "</code>" + Colon(lang) + Escape(FormatInput(in, lang));
  return Line("pop-line", html);
}

// The digits of a conversion line, so that the amounts as shown multiply
// out: the display policy's, or a factor with more digits ("$147,640/month ×
// 0.03288 months/day = $4,854/day", not "× 0.0329", which gives $4,857), or,
// where the factor is whole (730 h/month), the amount with more
// ("$202.027/h × 730 h/month = $147,480/month", not "$202.03/h", which
// gives $147,482).
struct ConversionDigits {
  FormatOptions from, factor;
};

ConversionDigits DigitsThatMultiplyOut(const cost::ConversionUse& c) {
  ConversionDigits out;
  // Each end of a range as of a point ("$50–75/day × 30.417 days/month =
  // $1,521–2,281/month", not "× 30.4", which gives $1,520–2,280).
  const cost::Interval from = c.from_value, factor = c.factor, to = c.to_value;
  if (from.IsPoint() != to.IsPoint() || !factor.IsPoint() || factor.lo.IsZero()) return out;
  const NumberStyle from_style = StyleOf(*c.from), own = StyleOf(*c.factor_unit), to_style = StyleOf(*c.to);
  const cost::Interval to_shown = Displayed(to, to_style);
  auto multiplies_out = [&](const cost::Interval& a, const cost::Decimal& f) {
    return Displayed(cost::Interval(a.lo * f, a.hi * f), to_style) == to_shown;
  };
  auto rounded = [](const cost::Interval& v, int decimals) {
    return cost::Interval(v.lo.RoundHalfAwayFromZero(decimals), v.hi.RoundHalfAwayFromZero(decimals));
  };
  const cost::Interval from_shown = Displayed(from, from_style);
  const cost::Decimal factor_shown = Displayed(factor, own).lo;
  if (multiplies_out(from_shown, factor_shown)) return out;
  const int factor_decimals = DefaultDecimals(factor.lo, own);
  for (int decimals = factor_decimals + 1; decimals <= factor_decimals + 8; ++decimals)
    if (multiplies_out(from_shown, factor.lo.RoundHalfAwayFromZero(decimals))) {
      out.factor.precision = decimals;
      return out;
    }
  const int from_decimals = DefaultDecimals(cost::Max(from.lo.Abs(), from.hi.Abs()), from_style);
  for (int decimals = from_decimals + 1; decimals <= from_decimals + 6; ++decimals)
    if (multiplies_out(rounded(from, decimals), factor_shown)) {
      out.from.precision = decimals;
      return out;
    }
  return out;
}

// "US$60/天 × 30.42 天/月 = US$1,825/月".
std::string ConversionHtml(const cost::ConversionUse& c, const Speaker& lang) {
  const ConversionDigits digits = DigitsThatMultiplyOut(c);
  return Line("pop-line", Escape(FormatAmount(c.from_value, c.from, digits.from, lang)) + " × " +
                              Escape(FormatAmount(c.factor, c.factor_unit, digits.factor, lang)) + " = " +
                              Escape(FormatAmount(c.to_value, c.to, {}, lang)));
}

// "GPU A100: US$4.10/小时（阶梯）": a price's name and value as the
// popover and the Sources list show it. A price keeps every digit its file
// wrote; an actual spend is a sum of billing lines carrying many more
// decimals than a bill does, so it is shown to the cent (the exact sum is
// what `costsite actuals` and the data exports print); under 1, as the
// figure shows it (US$0.0416, not US$0.04 beside a figure of US$0.0416).
std::string PriceValueHtml(const cost::PriceUse& p, const Speaker& lang) {
  std::string value;
  if (p.actual) {
    FormatOptions cents;
    if (cost::Min(p.value.lo.Abs(), p.value.hi.Abs()) >= cost::Decimal(1)) cents.precision = 2;
    value = FormatAmount(p.value, p.unit, cents, lang);
  } else {
    value = FormatPrice(p.value, p.unit, lang);
  }
  std::string html = Escape(PriceName(p, lang)) + Colon(lang) + Escape(value);
  std::string shape = PriceShapeText(p.shape, p.unit, &p.of_label, true, lang);
  if (!shape.empty()) html += Escape(Paren(shape, lang));
  return html;
}

std::string PriceHtml(const cost::PriceUse& p, const Speaker& lang) {
  std::string provider = Pick(p.provider_name, lang);
  std::string html = provider.empty() ? "" : Escape(provider) + " · ";
  html += PriceValueHtml(p, lang);
  return Line("pop-line", html + WhenHtml(PriceDatesHtml(p, lang), p.source, lang));
}

std::string Section(std::string_view key, const std::string& lines, const Speaker& lang) {
  return lines.empty() ? "" : Line("pop-head", Escape(UiText(key, lang))) + lines;
}

}  // namespace

namespace {

// ProvenanceHtml, its price lines from `page` when given.
std::string Provenance(const cost::Figure& f, const Speaker& lang, PagePopovers* page) {
  const cost::Explanation& e = f.explain;
  if (e.formula.empty() && e.inputs.empty() && e.prices.empty() && e.fx.empty()) return "";
  std::string out;
  std::string label = Pick(f.label, lang);
  if (!label.empty()) out += Line("pop-title", Escape(label));
  if (!e.formula.empty()) {
    // A value written as it is ("100 USD/day") is given, not computed.
    bool given = e.inputs.empty() && e.prices.empty();
    // Shown as a number reads on the page ("US$100/天"), unless a change of
    // unit or currency follows, which starts from the value as written.
    bool as_number = given && e.conversions.empty() && e.fx.empty() && !f.is_bool;
    out += Line("pop-formula", Escape(UiText(given ? "given" : "formula", lang)) + Colon(lang) +
                                   (as_number ? Escape(FormatFigure(f, {}, lang))
                                              : "<code>" + Escape(e.formula) + "</code>"));
  }
  std::string lines;
  for (const cost::InputUse& in : e.inputs) lines += InputHtml(in, lang);
  out += Section("inputs", lines, lang);
  lines.clear();
  for (const cost::ConversionUse& c : e.conversions) lines += ConversionHtml(c, lang);
  out += Section("conversion", lines, lang);
  lines.clear();
  for (const cost::Shared<cost::PriceUse>& p : e.prices) lines += page ? page->PriceLine(p, lang) : PriceHtml(p, lang);
  out += Section("prices", lines, lang);
  lines.clear();
  for (const cost::FxUse& fx : e.fx)
    lines += Line("pop-line", Escape(FormatFx(fx, lang)) + WhenHtml(TimeHtml(fx.date), fx.source, lang));
  out += Section("fx", lines, lang);
  return out;
}

}  // namespace

std::string ProvenanceHtml(const cost::Figure& f, const Speaker& lang) { return Provenance(f, lang, nullptr); }

const std::string* PagePopovers::Find(const Texts& texts, const void* of, std::string_view lang,
                                      std::string_view label) {
  auto it = texts.find(of);
  if (it == texts.end()) return nullptr;
  for (const Made& m : it->second)
    if (m.lang == lang && m.label == label) return &m.html;
  return nullptr;
}

std::string PagePopovers::Html(const cost::Figure& f, const Speaker& lang) {
  const cost::Explanation& e = f.explain;
  // A value given as a number shows the figure's own value (Provenance): not
  // the explanation's alone, and cheap to write.
  const bool as_number = e.inputs.empty() && e.prices.empty() && e.conversions.empty() && e.fx.empty();
  if (!f.explain.ptr() || as_number) return Provenance(f, lang, this);
  std::string label = Pick(f.label, lang);
  if (const std::string* made = Find(popovers_, f.explain.ptr().get(), lang.lang, label)) return *made;
  std::string html = Provenance(f, lang, this);
  popovers_[f.explain.ptr().get()].push_back({f.explain.ptr(), std::string(lang.lang), std::move(label), html});
  return html;
}

const std::string& PagePopovers::PriceLine(const cost::Shared<cost::PriceUse>& p, const Speaker& lang) {
  if (const std::string* made = Find(prices_, p.ptr().get(), lang.lang, "")) return *made;
  auto& made = prices_[p.ptr().get()];
  made.push_back({p.ptr(), std::string(lang.lang), "", PriceHtml(*p, lang)});
  return made.back().html;
}

std::string FigureHtml(const cost::Figure& f, std::string_view text, const Speaker& lang, PagePopovers* ids) {
  return FigureMarkup(f, Escape(text), lang, ids);
}

std::string FigureMarkup(const cost::Figure& f, std::string_view html, const Speaker& lang, PagePopovers* ids) {
  std::string popover = ids->Html(f, lang);
  if (popover.empty()) return "<span class=\"fig\">" + std::string(html) + "</span>";
  std::string id = ids->Next();
  return "<span class=\"fig-wrap\"><span class=\"fig\" role=\"button\" tabindex=\"0\" aria-describedby=\"" + id +
         "\">" + std::string(html) + "</span><span class=\"fig-pop\" id=\"" + id + "\" hidden>" + popover +
         "</span></span>";
}

void SourceList::Add(const cost::PriceUse& p) {
  auto same = [&](const cost::PriceUse& q) {
    // A scenario's earlier price (its `as_of`) is another value of one entry:
    // the same date read, another date in force.
    return q.id == p.id && q.variant == p.variant && q.date == p.date && q.since == p.since;
  };
  if (std::none_of(items_.begin(), items_.end(), same)) items_.push_back(p);
}

void SourceList::Add(const cost::Explanation& e) {
  for (const auto& p : e.prices) Add(p);
}

std::string RenderSources(const std::vector<cost::PriceUse>& prices, const Speaker& lang) {
  if (prices.empty()) return "";
  const std::string id(kSourcesId);
  std::string out = "<section class=\"sources\" aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" +
                    Escape(UiText("sources", lang)) + "</h2>\n<ol>\n";
  for (const auto& p : prices) {
    std::string provider = Pick(p.provider_name, lang);
    out += "<li>";
    if (!provider.empty()) out += Escape(provider) + " · ";
    out += PriceValueHtml(p, lang);
    std::string comma = IsCjk(lang) ? "，" : ", ";
    std::string dates = PriceDatesHtml(p, lang);
    if (!dates.empty()) out += comma + dates;
    if (IsUrl(p.source))
      out += comma + "<a href=\"" + Escape(p.source) + "\">" + Escape(p.source) + "</a>";
    else if (!p.source.empty())
      out += comma + Escape(p.source);
    out += "</li>\n";
  }
  return out + "</ol>\n</section>\n";
}

}  // namespace costsite::figures
