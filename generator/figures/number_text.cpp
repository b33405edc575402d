#include "figures/number_text.h"

#include <algorithm>
#include <mutex>

namespace costsite::figures {
namespace {

// A non-negative decimal as digits and the count of them before the point:
// ("12345", 2) is 123.45, ("05", 0) is 0.05.
struct Digits {
  std::string ds;
  int point = 0;

  bool IsZero() const { return ds.find_first_not_of('0') == std::string::npos; }

  // The power of ten of the leading non-zero digit (0 for zero).
  int Magnitude() const {
    size_t first = ds.find_first_not_of('0');
    if (first == std::string::npos) return 0;
    return point - 1 - static_cast<int>(first);
  }

  // Rounds half away from zero to `keep` fraction digits (negative: tens…).
  void Round(int keep) {
    int cut = point + keep;
    if (cut >= static_cast<int>(ds.size())) return;
    if (cut < 0) {
      ds = std::string(std::max(point, 1), '0');
      point = std::max(point, 1);
      return;
    }
    bool up = ds[cut] >= '5';
    ds.resize(cut);
    if (up) {
      int i = cut - 1;
      for (; i >= 0 && ds[i] == '9'; --i) ds[i] = '0';
      if (i >= 0) {
        ++ds[i];
      } else {
        ds.insert(ds.begin(), '1');
        ++point;
      }
    }
    if (static_cast<int>(ds.size()) < point) ds.append(point - ds.size(), '0');
  }
};

Digits Parse(std::string_view text, bool* negative) {
  *negative = !text.empty() && text[0] == '-';
  if (*negative) text.remove_prefix(1);
  Digits d;
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  d.ds = std::string(whole);
  d.point = static_cast<int>(whole.size());
  if (dot != std::string_view::npos) d.ds += text.substr(dot + 1);
  if (d.ds.empty()) d.ds = "0", d.point = 1;
  return d;
}

const CompactStep* Step(const LocaleData& locale, int magnitude) {
  if (locale.compact.empty() || magnitude < 0) return nullptr;
  size_t at = std::min(static_cast<size_t>(magnitude), locale.compact.size() - 1);
  return &locale.compact[at];
}

int Shift(const LocaleData& locale, int magnitude) {
  const CompactStep* s = Step(locale, magnitude);
  return s ? s->shift : 0;
}

void ApplyRounding(Digits* d, const DigitRule& rule) {
  if (rule.significant3) d->Round(2 - d->Magnitude());
  else d->Round(rule.max_fraction);
}

}  // namespace

std::string NumberText(std::string_view decimal, const DigitRule& rule, const LocaleData& locale) {
  bool negative = false;
  Digits d = Parse(decimal, &negative);
  std::string suffix;
  if (rule.compact && rule.compact_magnitude >= 0) {
    const int shift = Shift(locale, rule.compact_magnitude);
    d.point -= shift;
    ApplyRounding(&d, rule);
    if (const CompactStep* s = Step(locale, rule.compact_magnitude); s && !d.IsZero()) suffix = s->suffix;
  } else if (rule.compact) {
    // As ICU's compact notation: scale by the step of the value's magnitude,
    // round, and rescale once if rounding carried into another step.
    int magnitude = d.IsZero() ? 0 : d.Magnitude();
    int shift = d.IsZero() ? 0 : Shift(locale, magnitude);
    d.point -= shift;
    ApplyRounding(&d, rule);
    if (!d.IsZero() && d.Magnitude() + shift != magnitude) {
      int again = Shift(locale, d.Magnitude() + shift);
      if (again != shift) {
        d.point -= again - shift;
        shift = again;
        ApplyRounding(&d, rule);
      }
    }
    int shown = d.IsZero() ? 0 : d.Magnitude() + shift;
    if (const CompactStep* s = Step(locale, shown); s && !d.IsZero()) suffix = s->suffix;
  } else {
    ApplyRounding(&d, rule);
  }
  // Integer digits, without leading zeros.
  while (d.point < 1) d.ds.insert(d.ds.begin(), '0'), ++d.point;
  std::string whole = d.ds.substr(0, d.point);
  size_t lead = whole.find_first_not_of('0');
  whole = lead == std::string::npos ? "0" : whole.substr(lead);
  std::string fraction = d.ds.substr(d.point);
  int min_fraction = rule.significant3 ? 0 : rule.min_fraction;
  while (static_cast<int>(fraction.size()) > min_fraction && fraction.back() == '0') fraction.pop_back();
  if (static_cast<int>(fraction.size()) < min_fraction) fraction.append(min_fraction - fraction.size(), '0');
  // Grouping by thousands from four digits on, compact too: zh compact has
  // no step for thousands, and "US$1000" beside "1,000" reads as another
  // way of writing numbers (ICU's compact default groups from five).
  std::string grouped;
  if (whole.size() >= 4) {
    for (size_t i = 0; i < whole.size(); ++i) {
      if (i > 0 && (whole.size() - i) % 3 == 0) grouped += locale.group;
      grouped += whole[i];
    }
  } else {
    grouped = whole;
  }
  std::string number = grouped + (fraction.empty() ? "" : locale.decimal + fraction) + suffix;
  const Affixes& a = !rule.currency.empty() ? CurrencyAffixes(locale, rule.currency)
                     : rule.percent        ? locale.percent
                                           : locale.plain;
  return negative ? a.neg_prefix + number + a.neg_suffix : a.pos_prefix + number + a.pos_suffix;
}

int CompactShift(const LocaleData& locale, int magnitude) { return Shift(locale, magnitude); }

const Affixes& CurrencyAffixes(const LocaleData& locale, std::string_view code) {
  auto it = locale.currency.find(code);
  if (it != locale.currency.end()) return it->second;
  // Not in the data: the code itself, as ICU writes an unknown currency.
  static std::mutex mu;
  static std::map<std::string, Affixes, std::less<>> fallback;
  std::lock_guard<std::mutex> lock(mu);
  auto& a = fallback[std::string(code)];
  a.pos_prefix = std::string(code) + "\u00a0";
  a.neg_prefix = "-" + a.pos_prefix;
  return a;
}

}  // namespace costsite::figures
