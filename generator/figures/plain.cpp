#include "figures/plain.h"

#include "figures/unit_words.h"

namespace costsite::figures {

using cost::Decimal;
using cost::Interval;

std::string PlainNumber(const Decimal& value, bool money) {
  // Below 1e-20 is the residue of a cancellation (-100 + 110 / 1.1), not a figure.
  Decimal v = value.Abs() < *Decimal::Parse("1e-20") ? Decimal(0) : value;
  Decimal a = v.Abs();
  if (money) {
    if (a.IsZero() || a >= *Decimal::Parse("0.1")) return v.ToFixed(2);
    // Three significant digits below 0.1, unless they round up to 0.1
    // (0.09995 is 0.10, as a page shows it, not 0.1).
    const Decimal three = v.RoundSignificant(3);
    return three.Abs() >= *Decimal::Parse("0.1") ? three.ToFixed(2) : three.ToString();
  }
  if (a.IsZero() || a >= Decimal(1)) return v.RoundHalfAwayFromZero(3).ToString();
  return v.RoundSignificant(3).ToString();
}

std::string PlainValue(const Interval& v, bool money) {
  std::string lo = PlainNumber(v.lo, money);
  if (v.IsPoint()) return lo;
  std::string hi = PlainNumber(v.hi, money);
  return lo == hi ? lo : lo + " – " + hi;
}

namespace {

// A one-word unit in the number the printed value asks for, as a spelling
// the unit also has: "1 month", "2 months", whichever the formula wrote
// ("floor(span, month)" is 2 months). Other units as written.
std::string_view Numbered(std::string_view word, std::string_view printed, const cost::Unit& unit) {
  if (word.empty() || word.find_first_of("/* ") != std::string_view::npos) return word;
  const UnitWords* w = FindUnitWords(word, unit.declared.get());
  if (!w) return word;
  const bool one = printed == "1";
  for (const std::string& key : w->keys) {
    if (one && word.size() == key.size() + 1 && word.back() == 's' && word.starts_with(key)) return key;
    if (!one && key.size() == word.size() + 1 && key.back() == 's' && key.starts_with(word)) return key;
  }
  return word;
}

}  // namespace

std::string PlainAmount(const Interval& v, const cost::Unit& unit) {
  std::string text = PlainValue(v, unit.dim.IsMoney());
  if (unit.text.empty()) return text;
  return unit.text == "%" ? text + "%" : text + " " + std::string(Numbered(unit.text, text, unit));
}

std::string PlainFigure(const cost::Figure& f) {
  if (f.is_bool) return f.bool_value ? "true" : "false";
  return PlainAmount(f.value, f.unit);
}

std::string PlainInput(const cost::InputUse& in) {
  if (in.is_bool) return in.bool_value ? "true" : "false";
  return PlainAmount(in.value, in.unit);
}

std::string PlainPrice(const cost::PriceUse& p) {
  std::string text = p.value.IsPoint() ? p.value.lo.ToString() : p.value.lo.ToString() + " to " + p.value.hi.ToString();
  return p.unit.text.empty() ? text : text + " " + p.unit.text;
}

std::string PlainPriceShape(const cost::PriceShape& shape) {
  auto value = [](const cost::Interval& v) {
    return v.IsPoint() ? v.lo.ToString() : v.lo.ToString() + " to " + v.hi.ToString();
  };
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
  if (shape.percent) add(shape.percent->ToString() + "% of " + shape.of);
  if (!shape.hours.empty()) add("hours " + shape.hours + " UTC");
  if (shape.tiers) {
    std::string t = std::string("tiers (") + (shape.tiers->marginal ? "marginal" : "whole") + ", by " +
                    shape.tiers->by.text + "):";
    for (const cost::TierStep& step : shape.tiers->steps) t += (step.above ? " above " : " from ") + step.from.ToString() + " " + value(step.price) + ",";
    t.pop_back();
    add(t);
  }
  return out;
}

std::string PlainFx(const cost::FxUse& fx) {
  return "1 " + fx.base + " = " + fx.rate.ToString() + " " + fx.quote + " (" + fx.date +
         (fx.source.empty() ? "" : ", " + fx.source) + ")";
}

}  // namespace costsite::figures
