// Price shapes beyond one number: tiers by a quantity, a variant given as a
// percentage of another, and a variant's time-of-day window. Compiled from
// the text a price list gives, and the charge of a quantity under tiers.
#include <algorithm>
#include <cctype>

#include "cost/formula.h"
#include "cost/prices.h"

namespace costsite::cost {
namespace {

// A plain number (no unit, no range) as the formula language reads it: "200k", "1.25".
std::optional<Decimal> PlainNumber(const Located& v, const UnitTable& units, Diagnostics& diags,
                                   std::string_view what) {
  FormulaError err;
  auto node = ParseFormula(v.text, units, &err);
  if (node && node->kind == NodeKind::kNumber && !node->has_unit) return node->number;
  if (!node) ReportAt(diags, v, err.offset, err.length, err.message, "malformed-number");
  else ReportAt(diags, v, 0, v.text.size(), "malformed " + std::string(what) + " '" + v.text + "': write a number",
                "malformed-number");
  return std::nullopt;
}

bool IsIdChar(char c) { return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'; }

// "16:30" -> minutes after midnight; nullopt when malformed.
std::optional<int> ClockMinutes(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
  int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

std::optional<Tiers> CompileTiers(const TiersDef& def, const UnitTable& units, Diagnostics& diags) {
  Tiers t;
  if (def.basis.text == "marginal") {
    t.marginal = true;
  } else if (def.basis.text != "whole") {
    ReportAt(diags, def.basis, 0, def.basis.text.size(),
             "unknown tier basis '" + def.basis.text + "': write `whole` (the whole quantity at the tier its size "
             "falls in) or `marginal` (each slice at its own tier)",
             "bad-value");
    return std::nullopt;
  }
  UnitError uerr;
  auto by = ParseUnit(def.by.text, units, &uerr);
  if (!by) {
    ReportAt(diags, def.by, uerr.offset, uerr.length, uerr.message, "unknown-unit");
    return std::nullopt;
  }
  if (by->dim.IsMoney() || (by->dim.IsNone() && by->text.empty())) {
    ReportAt(diags, def.by, 0, def.by.text.size(),
             "tiers are by a quantity such as `tokens` or `TB`, not '" + def.by.text + "'", "unit-mismatch");
    return std::nullopt;
  }
  t.by = *by;
  bool ok = true;
  // The threshold before, read even when its tier was wrong, so each step is
  // judged once against its neighbour: [{from: 10}, {from: 5}] is "starts
  // from 0" at the 10 and "must rise" at the 5.
  std::optional<Decimal> before;
  bool before_above = false;
  for (size_t k = 0; k < def.steps.size(); ++k) {
    const Located& from_text = def.steps[k].from;
    const Located& price_text = def.steps[k].price;
    const bool above = def.steps[k].above;
    auto from = PlainNumber(from_text, units, diags, "tier threshold");
    auto price = PlainValue(price_text, units, diags);
    if (!from || !price) {
      ok = false;
      before.reset();
      continue;
    }
    if (k == 0 && (!from->IsZero() || above)) {
      ReportAt(diags, from_text, 0, from_text.text.size(), "the first tier starts from 0 (`from: 0`)", "bad-value");
      ok = false;
    } else if (before && (*from < *before || (*from == *before && (!above || before_above)))) {
      // `from: 5` then `above: 5` rises: 5 itself is the first's, more the second's.
      ReportAt(diags, from_text, 0, from_text.text.size(),
               "tier thresholds must rise: " + from->ToString() + " is not above " + before->ToString(),
               "bad-value");
      ok = false;
    }
    before = *from;
    before_above = above;
    if (ok) t.steps.push_back({*from, *price, above});
  }
  if (!ok) return std::nullopt;
  return t;
}

std::optional<std::pair<Decimal, std::string>> ParsePercentOf(const Located& v, Diagnostics& diags, bool* is_form) {
  *is_form = false;
  std::string_view t = v.text;
  size_t of = t.find(" of ");
  if (of == std::string_view::npos) return std::nullopt;
  *is_form = true;
  std::string_view number = t.substr(0, of), name = t.substr(of + 4);
  while (!number.empty() && number.back() == ' ') number.remove_suffix(1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  auto bad = [&](size_t at, size_t len, std::string message) {
    ReportAt(diags, v, at, len, std::move(message), "malformed-number");
    return std::nullopt;
  };
  if (number.empty() || number.back() != '%')
    return bad(0, of, "a percentage of a variant is written `50% of on_demand`");
  auto pct = Decimal::Parse(number.substr(0, number.size() - 1));
  if (!pct || pct->IsNegative() || pct->IsZero()) return bad(0, number.size(), "malformed percentage '" + std::string(number) + "'");
  if (name.empty() || !std::all_of(name.begin(), name.end(), IsIdChar))
    return bad(of + 4, t.size() - of - 4, "expected a variant name after 'of'");
  return std::make_pair(*pct, std::string(name));
}

bool ParseHours(const Located& v, std::string* out, Diagnostics& diags) {
  std::string_view t = v.text;
  size_t dash = t.find('-');
  std::string_view a = dash == std::string_view::npos ? t : t.substr(0, dash);
  std::string_view b = dash == std::string_view::npos ? "" : t.substr(dash + 1);
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  a = trim(a), b = trim(b);
  auto from = ClockMinutes(a), to = ClockMinutes(b);
  if (!from || !to || *from == *to) {
    ReportAt(diags, v, 0, v.text.size(),
             "malformed hours '" + v.text + "': write a window in UTC as HH:MM-HH:MM, e.g. 16:30-00:30", "bad-value");
    return false;
  }
  *out = std::string(a) + "-" + std::string(b);
  return true;
}

Interval TieredCharge(const Tiers& t, const Interval& q) {
  // Quantities and thresholds in `by` units; the result in (price unit × by unit).
  // A quantity within rounding of a threshold is at it: 200,000 tokens / 3 × 3
  // is 200,000.000…01 in decimals, and is not above 200,000 (it was charged
  // the higher tier's price, twice the right charge, while ceil() of the
  // same value gave the threshold).
  auto price_at = [&](const Decimal& x) -> const Interval& {
    const TierStep* step = &t.steps.front();
    for (const TierStep& s : t.steps)
      if (x.NearlyEquals(s.from) ? !s.above : s.above ? s.from < x : s.from <= x) step = &s;
    return step->price;
  };
  if (t.marginal) {  // monotone in the quantity and in each price
    auto charge = [&](const Decimal& x, bool high) {
      Decimal sum(0);
      for (size_t i = 0; i < t.steps.size(); ++i) {
        const Decimal& from = t.steps[i].from;
        if (x <= from) break;
        Decimal upto = i + 1 < t.steps.size() ? Min(x, t.steps[i + 1].from) : x;
        sum += (upto - from) * (high ? t.steps[i].price.hi : t.steps[i].price.lo);
      }
      return sum;
    };
    return Interval(charge(q.lo, false), charge(q.hi, true));
  }
  // Whole: q × price(q) jumps at each threshold; its extremes over [lo, hi]
  // are at the ends or on either side of a threshold inside (a step `above`
  // its threshold starts just after it: the threshold itself is the step before's).
  Decimal lo = q.lo * price_at(q.lo).lo, hi = q.hi * price_at(q.hi).hi;
  lo = Min(lo, q.hi * price_at(q.hi).lo);
  hi = Max(hi, q.lo * price_at(q.lo).hi);
  for (size_t i = 1; i < t.steps.size(); ++i) {
    const Decimal& from = t.steps[i].from;
    if (t.steps[i].above ? (from < q.lo || from >= q.hi) : (from <= q.lo || from > q.hi)) continue;
    for (const Interval* p : {&t.steps[i - 1].price, &t.steps[i].price}) {
      lo = Min(lo, from * p->lo);
      hi = Max(hi, from * p->hi);
    }
  }
  return Interval(lo, hi);
}

}  // namespace costsite::cost
