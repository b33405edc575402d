#include "cost/units.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/suggest.h"

namespace costsite::cost {
namespace {

// ISO 4217 codes: every code of the current list (as amended to 2025: ZWG
// 2024, XCG 2025), funds and units of account included (CLF, UYW, XDR), but
// XTS (for testing), XXX (no currency) and the bond markets' units XBA to
// XBD, which no bill is in and which a typo ("ABC") would be taken for; and
// the codes withdrawn since 2016 that bills of their time still carry (BYR,
// VEF, MRO, STD, CUC, HRK, SLL, ZWL, ANG).
constexpr std::string_view kCurrencies =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN "
    "BYR BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR "
    "FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES "
    "KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR "
    "MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR "
    "SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS "
    "UAH UGX USD USN UYI UYU UYW UZS VED VEF VES VND VUV WST XAF XAG XAU XCD XCG XDR XOF "
    "XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL";

// Spellings of units and currencies that are not theirs, and what they mean.
constexpr std::pair<std::string_view, std::string_view> kCommonSpellings[] = {
    {"mo", "month"},   {"mos", "months"}, {"mth", "month"}, {"hr", "h"},      {"hrs", "hours"},
    {"yr", "year"},    {"yrs", "years"},  {"wk", "week"},   {"d", "day"},     {"RMB", "CNY"},
    {"rmb", "CNY"},    {"yuan", "CNY"},   {"Yuan", "CNY"},  {"CNH", "CNY"},   {"US$", "USD"},
    {"$", "USD"},      {"dollar", "USD"}, {"dollars", "USD"}, {"euro", "EUR"}, {"euros", "EUR"},
    {"tok", "tokens"}, {"reqs", "requests"}, {"gb", "GB"},  {"tb", "TB"},     {"mb", "MB"},
};

bool IsUnitChar(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '%' || c == '_';
}

void SkipSpaces(std::string_view t, size_t* i) {
  while (*i < t.size() && t[*i] == ' ') ++*i;
}

// Reads "1M", "1000", "1k" before a unit name; false if none.
bool ReadScale(std::string_view t, size_t* i, Decimal* scale) {
  size_t start = *i;
  while (*i < t.size() && (std::isdigit(static_cast<unsigned char>(t[*i])) || t[*i] == '.')) ++*i;
  if (*i == start) return false;
  auto d = Decimal::Parse(t.substr(start, *i - start));
  if (!d) {
    *i = start;
    return false;
  }
  *scale = *d;
  if (*i < t.size() && (*i + 1 >= t.size() || !IsUnitChar(t[*i + 1]))) {
    char c = t[*i];
    if (c == 'k') *scale *= Decimal(1000), ++*i;
    if (c == 'M') *scale *= Decimal(1000000), ++*i;
    if (c == 'B') *scale *= Decimal(1000000000), ++*i;
  }
  return true;
}

// One term: optional scale, a unit name, optional ^n.
bool ParseTerm(std::string_view t, size_t* i, const UnitTable& table, Unit* out, UnitError* err) {
  size_t start = *i;
  Decimal scale(1);
  bool scaled = ReadScale(t, i, &scale);
  if (scaled && scale.IsZero()) {
    *err = {start, *i - start, "a unit's scale cannot be 0"};
    return false;
  }
  SkipSpaces(t, i);
  size_t name_start = *i;
  while (*i < t.size() && IsUnitChar(t[*i])) ++*i;
  if (*i < t.size() && t[*i] == '$') ++*i;  // "US$", "$": a currency, said in the error
  if (*i == name_start) {
    *err = {scaled ? name_start : start, 1, "expected a unit name"};
    if (scaled && name_start >= t.size()) err->message = "expected a unit name after the scale";
    return false;
  }
  std::string_view name = t.substr(name_start, *i - name_start);
  const Unit* u = table.Find(name);
  if (!u) {
    *err = {name_start, name.size(), UnknownUnitMessage(name, table)};
    return false;
  }
  *out = *u;
  out->scale *= scale;
  if (*i < t.size() && t[*i] == '^') {
    size_t exp_start = ++*i;
    bool negative = *i < t.size() && t[*i] == '-';
    if (negative) ++*i;
    int n = 0;
    size_t digits_start = *i;
    while (*i < t.size() && std::isdigit(static_cast<unsigned char>(t[*i])) && n < 100) {
      n = n * 10 + (t[*i] - '0');
      ++*i;
    }
    if (*i == digits_start || n == 0) {
      *err = {exp_start, 1, "expected a whole exponent after '^'"};
      return false;
    }
    if (negative) n = -n;
    std::optional<Decimal> power = out->scale.Pow(n);
    if (!power) {
      *err = {exp_start, *i - exp_start, "the unit's scale cannot be raised to this power"};
      return false;
    }
    out->scale = *power;
    out->dim = Power(out->dim, n);
  }
  return true;
}

}  // namespace

bool Dimension::IsNone() const {
  return kinds.empty() && std::all_of(exp.begin(), exp.end(), [](int e) { return e == 0; });
}

namespace {
std::optional<Dimension> Combine(const Dimension& a, const Dimension& b, int sign) {
  if (a.IsMoney() && b.IsMoney() && a.currency != b.currency) return std::nullopt;
  Dimension r;
  for (int i = 0; i < kBaseDimCount; ++i) r.exp[i] = a.exp[i] + sign * b.exp[i];
  if (r.IsMoney()) r.currency = a.IsMoney() ? a.currency : b.currency;
  if (a.kinds.empty() && b.kinds.empty()) return r;
  // Both lists are sorted by name: merge them, dropping exponents that cancel.
  size_t i = 0, j = 0;
  while (i < a.kinds.size() || j < b.kinds.size()) {
    bool take_a = j == b.kinds.size() || (i < a.kinds.size() && a.kinds[i].first <= b.kinds[j].first);
    bool take_b = i == a.kinds.size() || (j < b.kinds.size() && b.kinds[j].first <= a.kinds[i].first);
    const std::string& name = take_a ? a.kinds[i].first : b.kinds[j].first;
    int e = (take_a ? a.kinds[i++].second : 0) + (take_b ? sign * b.kinds[j++].second : 0);
    if (e != 0) r.kinds.emplace_back(name, e);
  }
  return r;
}
}  // namespace

std::optional<Dimension> Multiply(const Dimension& a, const Dimension& b) { return Combine(a, b, 1); }
std::optional<Dimension> Divide(const Dimension& a, const Dimension& b) { return Combine(a, b, -1); }

Dimension Power(const Dimension& a, int n) {
  Dimension r;
  for (int i = 0; i < kBaseDimCount; ++i) r.exp[i] = a.exp[i] * n;
  if (r.IsMoney()) r.currency = a.currency;
  if (n != 0)
    for (const auto& [name, e] : a.kinds) r.kinds.emplace_back(name, e * n);
  return r;
}

Unit PercentUnit() { return Unit{Decimal(1) / Decimal(100), Dimension{}, "%", {}}; }

UnitTable::UnitTable(int month_hours) {
  Decimal hour(1);
  Decimal month(month_hours > 0 ? month_hours : 730);
  Add({"%"}, Decimal(1) / Decimal(100), kBaseDimCount);
  for (auto n : {"count", "gpu", "gpus", "GPU", "GPUs", "instance", "instances", "node", "nodes",
                 "user", "users", "session", "sessions", "vector", "vectors", "question",
                 "questions", "dim", "dims", "x"}) {
    Add({n}, Decimal(1), kBaseDimCount);
  }
  Add({"s", "sec", "second", "seconds"}, hour / Decimal(3600), kTime);
  Add({"ms"}, hour / Decimal(3600000), kTime);
  Add({"min", "minute", "minutes"}, hour / Decimal(60), kTime);
  Add({"h", "hour", "hours"}, hour, kTime);
  Add({"day", "days"}, Decimal(24), kTime);
  Add({"week", "weeks"}, Decimal(168), kTime);
  Add({"month", "months"}, month, kTime);
  Add({"year", "years"}, month * Decimal(12), kTime);
  Add({"B", "byte", "bytes"}, Decimal(1), kData);
  Add({"bit", "bits"}, *Decimal::Parse("0.125"), kData);
  const char* dec[] = {"kB", "MB", "GB", "TB", "PB"};
  const char* bin[] = {"KiB", "MiB", "GiB", "TiB", "PiB"};
  Decimal d(1), b(1);
  for (int i = 0; i < 5; ++i) {
    d *= Decimal(1000);
    b *= Decimal(1024);
    Add({dec[i]}, d, kData);
    Add({bin[i]}, b, kData);
  }
  Add({"token", "tokens"}, Decimal(1), kTokens);
  Add({"request", "requests", "req", "query", "queries", "call", "calls"}, Decimal(1), kRequests);
  for (size_t i = 0; i + 3 <= kCurrencies.size(); i += 4) {
    Unit u;
    u.dim.exp[kMoney] = 1;
    u.dim.currency = std::string(kCurrencies.substr(i, 3));
    u.text = u.dim.currency;
    units_.emplace_back(u.text, u);
  }
  std::sort(units_.begin(), units_.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
}

void UnitTable::Add(std::vector<std::string_view> names, Decimal scale, BaseDim dim) {
  for (auto name : names) {
    Unit u;
    u.scale = scale;
    if (dim != kBaseDimCount) u.dim.exp[dim] = 1;
    u.text = std::string(name);
    units_.emplace_back(std::string(name), u);
  }
}

bool UnitTable::DeclareCount(std::string_view name, const DeclaredUnits& declared, const std::string& kind) {
  auto it = std::lower_bound(units_.begin(), units_.end(), name,
                             [](const auto& x, std::string_view n) { return x.first < n; });
  if (it != units_.end() && it->first == name) {
    Unit& u = it->second;
    if (!u.dim.IsNone() || u.scale != Decimal(1) || name == "%") return false;
    u.declared = declared;
    if (!kind.empty()) u.dim.kinds = {{kind, 1}};
    return true;
  }
  Unit u;
  u.text = std::string(name);
  u.declared = declared;
  if (!kind.empty()) u.dim.kinds = {{kind, 1}};
  units_.insert(it, {std::string(name), std::move(u)});
  return true;
}

const Unit* UnitTable::Find(std::string_view name) const {
  auto it = std::lower_bound(units_.begin(), units_.end(), name,
                             [](const auto& x, std::string_view n) { return x.first < n; });
  if (it != units_.end() && it->first == name) return &it->second;
  return nullptr;
}

std::string UnitTable::Closest(std::string_view name) const {
  for (const auto& [spelling, meant] : kCommonSpellings)
    if (spelling == name) return std::string(meant);
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (IsCurrencyCode(upper)) return upper;
  // Unit names are short and many are close to each other ("ms", "MB",
  // "min"), so only a near miss of a word of three letters or more is taken.
  if (name.size() < 3) return "";
  const size_t limit = name.size() >= 6 ? 2 : 1;
  std::string best;
  size_t best_d = limit + 1;
  for (const auto& [n, u] : units_) {
    size_t d = EditDistance(name, n);
    if (d < best_d) best_d = d, best = n;
  }
  return best;
}

std::string UnknownCurrencyMessage(std::string_view code) {
  std::string upper(code);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string meant = IsCurrencyCode(upper) ? upper : "";
  if (meant.empty()) {  // an everyday name ("RMB", "yuan", "US$"), as a unit is read
    static const UnitTable kUnits;
    if (std::string close = kUnits.Closest(code); IsCurrencyCode(close)) meant = close;
  }
  return "unknown currency '" + std::string(code) + "'" + (meant.empty() ? "" : " (did you mean '" + meant + "'?)");
}

std::string UnknownUnitMessage(std::string_view name, const UnitTable& table) {
  std::string meant = table.Closest(name);
  bool currency = IsCurrencyCode(meant) || name.find('$') != std::string_view::npos ||
                  (name.size() == 3 && std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
  return std::string(currency ? "unknown currency '" : "unknown unit '") + std::string(name) + "'" +
         (meant.empty() ? "" : " (did you mean '" + meant + "'?)");
}

bool IsCurrencyCode(std::string_view code) {
  // Asked for every money figure shown: one bit per three-letter code, made
  // once, instead of a pass over the list.
  constexpr size_t kCodes = 26 * 26 * 26;
  auto index = [](std::string_view c) {
    return (static_cast<size_t>(c[0] - 'A') * 26 + static_cast<size_t>(c[1] - 'A')) * 26 +
           static_cast<size_t>(c[2] - 'A');
  };
  static const std::vector<bool> known = [&] {
    std::vector<bool> bits(kCodes);
    for (size_t i = 0; i + 3 <= kCurrencies.size(); i += 4) bits[index(kCurrencies.substr(i, 3))] = true;
    return bits;
  }();
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return known[index(code)];
}

bool IsCurrencyCodeText(std::string_view unit_text) {
  return unit_text.size() >= 3 && IsCurrencyCode(unit_text.substr(0, 3)) &&
         (unit_text.size() == 3 || !std::isalpha(static_cast<unsigned char>(unit_text[3])));
}

std::optional<Unit> ParseUnit(std::string_view text, const UnitTable& table, UnitError* error) {
  UnitError scratch;
  UnitError* err = error ? error : &scratch;
  Unit result;
  size_t i = 0;
  SkipSpaces(text, &i);
  if (i == text.size()) return result;
  char op = '*';
  while (true) {
    Unit term;
    if (!ParseTerm(text, &i, table, &term, err)) return std::nullopt;
    auto dim = op == '*' ? Multiply(result.dim, term.dim) : Divide(result.dim, term.dim);
    if (!dim) {
      *err = {0, text.size(), "a unit cannot mix two currencies"};
      return std::nullopt;
    }
    result.dim = *dim;
    if (term.declared) result.declared = term.declared;
    result.scale = op == '*' ? result.scale * term.scale : result.scale / term.scale;
    SkipSpaces(text, &i);
    if (i == text.size()) break;
    if (text[i] != '*' && text[i] != '/') {
      *err = {i, 1, "expected '*' or '/' in unit '" + std::string(text) + "'"};
      return std::nullopt;
    }
    op = text[i++];
    SkipSpaces(text, &i);
  }
  size_t b = text.find_first_not_of(' '), e = text.find_last_not_of(' ');
  result.text = std::string(text.substr(b, e - b + 1));
  return result;
}

std::string FormatDimension(const Dimension& dim) {
  static constexpr std::array<std::string_view, kBaseDimCount> kUp = {"", "h", "B", "tokens",
                                                                      "requests"};
  static constexpr std::array<std::string_view, kBaseDimCount> kDown = {"", "h", "B", "token",
                                                                        "request"};
  std::string num, den;
  auto append = [](std::string* s, std::string_view name, int e) {
    if (!s->empty()) *s += "*";
    *s += name;
    if (e > 1) *s += "^" + std::to_string(e);
  };
  for (int i = 0; i < kBaseDimCount; ++i) {
    std::string_view name = i == kMoney ? std::string_view(dim.currency) : kUp[i];
    if (dim.exp[i] > 0) append(&num, name, dim.exp[i]);
    if (dim.exp[i] < 0) append(&den, i == kMoney ? name : kDown[i], -dim.exp[i]);
  }
  for (const auto& [name, e] : dim.kinds) append(e > 0 ? &num : &den, name, e > 0 ? e : -e);
  if (den.empty()) return num;
  if (num.empty()) num = "1";
  return num + "/" + den;
}

std::pair<std::string, std::string> SplitMoneyUnit(std::string_view unit_text) {
  if (unit_text.size() < 3 || !IsCurrencyCode(unit_text.substr(0, 3))) return {};
  std::string_view rest = unit_text.substr(3);
  size_t b = rest.find_first_not_of(' ');
  if (b == std::string_view::npos) return {std::string(unit_text.substr(0, 3)), ""};
  rest = rest.substr(b);
  if (rest[0] != '/') return {std::string(unit_text.substr(0, 3)), std::string(rest)};
  rest = rest.substr(1);
  b = rest.find_first_not_of(' ');
  return {std::string(unit_text.substr(0, 3)),
          b == std::string_view::npos ? "" : std::string(rest.substr(b))};
}

}  // namespace costsite::cost
