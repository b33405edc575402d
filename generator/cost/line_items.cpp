// The factor a quantity × unit price row needs to read true in its cost's
// unit: "2 instances × US$1.006/h" is per hour, the cost column per month, so
// the row shows "2 instances × 730 h/month". Only time is bridged: the other
// scales a reader sees in the units themselves ("US$2.50/1M tokens").
#include <algorithm>

#include "cost/engine.h"

namespace costsite::cost {
namespace {

// A time unit a unit text multiplies by (+1) or divides by (-1).
struct TimeTerm {
  Unit unit;
  int sign = 1;
};

// The time terms of a written unit, read as ParseUnit reads it: left to
// right, each term after '/' divides ("USD/GB/month" divides by month).
std::vector<TimeTerm> TimeTerms(std::string_view text, const UnitTable& units) {
  std::vector<TimeTerm> out;
  int sign = 1;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '*' && text[i] != '/') continue;
    std::string_view term = text.substr(start, i - start);
    if (auto u = ParseUnit(term, units, nullptr)) {
      Dimension time;
      time.exp[kTime] = 1;
      if (u->dim == time) out.push_back({*u, sign});
    }
    if (i < text.size()) sign = text[i] == '/' ? -1 : 1;
    start = i + 1;
  }
  return out;
}

// Drops pairs of terms that cancel (h in a quantity, /h in its price).
void Cancel(std::vector<TimeTerm>* terms) {
  for (size_t i = 0; i < terms->size(); ++i) {
    for (size_t j = i + 1; j < terms->size(); ++j) {
      if ((*terms)[i].sign + (*terms)[j].sign == 0 && (*terms)[i].unit.scale == (*terms)[j].unit.scale) {
        terms->erase(terms->begin() + static_cast<std::ptrdiff_t>(j));
        terms->erase(terms->begin() + static_cast<std::ptrdiff_t>(i));
        --i;
        break;
      }
    }
  }
}

// The one "per time" of a list of terms ("/month"), if that is all its time is.
const TimeTerm* OnlyPer(const std::vector<TimeTerm>& terms) {
  return terms.size() == 1 && terms[0].sign == -1 ? &terms[0] : nullptr;
}

}  // namespace

std::optional<Figure> TimeFactor(const Unit& quantity, const Unit& price, const Unit& cost,
                                 const UnitTable& units) {
  std::vector<TimeTerm> product = TimeTerms(quantity.text, units);
  for (TimeTerm& t : TimeTerms(price.text, units)) product.push_back(std::move(t));
  Cancel(&product);
  std::vector<TimeTerm> wanted = TimeTerms(cost.text, units);
  const TimeTerm* from = OnlyPer(product);
  const TimeTerm* to = OnlyPer(wanted);
  if (!from || !to || from->unit.scale == to->unit.scale) return std::nullopt;
  auto unit = ParseUnit(from->unit.text + "/" + to->unit.text, units, nullptr);
  if (!unit) return std::nullopt;
  Figure f;
  f.unit = InternUnit(*unit);
  f.value = Interval(to->unit.scale / from->unit.scale);
  return f;
}

std::optional<ConversionUse> TimeConversion(const Interval& value, const Unit& from, const Unit& to,
                                            const UnitTable& units) {
  if (from.dim != to.dim || from.scale == to.scale) return std::nullopt;
  // Zero is zero in any unit: "US$0/h × 730 h/month = US$0/month" only
  // stood beside the price list's US$1.48/h as if it were another price.
  if (value.IsPoint() && value.lo.IsZero()) return std::nullopt;
  auto factor = TimeFactor(from, Unit{}, to, units);
  if (!factor) return std::nullopt;
  ConversionUse c;
  c.from_value = value;
  c.from = InternUnit(from);
  c.factor = factor->value;
  c.factor_unit = factor->unit;
  c.to_value = *Divide(value * Interval(from.scale), Interval(to.scale));
  c.to = InternUnit(to);
  return c;
}

std::optional<Unit> PerTimeUnit(const Dimension& dim, const Value& a, const Value& b, const UnitTable& units) {
  if (dim.exp[kTime] != -1) return std::nullopt;
  const TimeTerm* per = nullptr;
  std::vector<TimeTerm> terms[2];
  for (int i = 0; i < 2 && !per; ++i) {
    const Value& v = i == 0 ? a : b;
    if (!v.display) continue;
    terms[i] = TimeTerms(v.display->text, units);
    Cancel(&terms[i]);
    per = OnlyPer(terms[i]);
  }
  Dimension rest = dim;
  rest.exp[kTime] = 0;
  std::string rest_text = FormatDimension(rest);
  if (!per || rest_text.empty()) return std::nullopt;
  return ParseUnit(rest_text + "/" + per->unit.text, units, nullptr);
}

}  // namespace costsite::cost
