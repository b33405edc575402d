// Units and dimensions. Every value carries a Dimension (exponents of money,
// time, data, tokens and requests, plus the currency of its money part); a
// Unit is a scale to the canonical bases (one currency unit, hour, byte,
// token, request) and a dimension, so "USD/GB/month" is
// 1 / (1e9 × 730) USD/(B·h).
#ifndef COSTSITE_COST_UNITS_H_
#define COSTSITE_COST_UNITS_H_

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cost/decimal.h"

namespace costsite::cost {

enum BaseDim { kMoney = 0, kTime, kData, kTokens, kRequests, kBaseDimCount };

/// Exponents of the base dimensions; `currency` is set iff money's exponent is
/// not 0. `kinds` holds the exponents of the units a site declares distinct
/// (`distinct: true`: IOPS, vCPU, images), each its own dimension, by name,
/// sorted, none 0: empty for every built-in unit, so nothing is allocated for them.
struct Dimension {
  std::array<int, kBaseDimCount> exp{};
  std::string currency;
  std::vector<std::pair<std::string, int>> kinds;

  bool IsNone() const;  // a count
  bool IsMoney() const { return exp[kMoney] != 0; }
  friend bool operator==(const Dimension&, const Dimension&) = default;
};

/// a × b and a / b; nullopt when both hold money in different currencies.
std::optional<Dimension> Multiply(const Dimension& a, const Dimension& b);
std::optional<Dimension> Divide(const Dimension& a, const Dimension& b);
/// a^n.
Dimension Power(const Dimension& a, int n);

/// A count unit's names in each page language, as a site declares them
/// (pricing `units:`). Plain data: the display layer (figures/unit_words.h)
/// reads it; empty fields fall back as its comments say.
struct UnitNames {
  std::vector<std::string> keys;  // spellings as written in formulas: "gpu", "gpus", "GPUs"
  std::string zh;                 // noun: "GPU", "检索"
  std::string zh_measure;         // counter before the noun: "块", "次", "" for none
  std::string zh_per;             // after a slash; "" = zh
  std::string en_one, en_other;   // "GPU", "GPUs"; en_other "" = en_one
  std::string en_per;             // after a slash; "" = en_one
};

/// Every unit a site declares; shared by the table and the units parsed from it.
using DeclaredUnits = std::shared_ptr<const std::vector<UnitNames>>;

/// A unit: value in canonical bases = value in this unit × scale.
struct Unit {
  Decimal scale = Decimal(1);
  Dimension dim;
  std::string text;  // as written, normalised spacing ("USD/1M tokens", "%", "" for none)
  // The site's declared unit names when a term of `text` is a declared unit,
  // so every place that shows this unit finds its words; null otherwise.
  DeclaredUnits declared;
};

/// The unit "%": a count scaled by 1/100.
Unit PercentUnit();

/// Unit names and their scales; month length is a site option.
class UnitTable {
 public:
  /// REQUIRES: month_hours > 0.
  explicit UnitTable(int month_hours = 730);
  /// The unit named `name` ("h", "GB", "USD", "gpus"), or nullptr.
  const Unit* Find(std::string_view name) const;
  /// True if `name` names a unit or a currency, so it cannot name a figure.
  bool IsUnitName(std::string_view name) const { return Find(name) != nullptr; }
  /// Makes `name` a count unit (scale 1) whose words are in `declared`:
  /// dimensionless, or with `kind` its own dimension of that name, which adds
  /// only to itself. A built-in count unit of that name takes the words (and
  /// the kind); false when `name` is a unit of another kind or a currency
  /// ("h", "GB", "USD").
  bool DeclareCount(std::string_view name, const DeclaredUnits& declared, const std::string& kind = {});
  /// The unit or currency an unknown `name` most likely means: a common
  /// spelling ("mo" -> month, "hr" -> h, "RMB" and "yuan" -> CNY, "US$" and
  /// "$" -> USD, "usd" -> USD) or the closest name by edit distance; ""
  /// when nothing is close.
  std::string Closest(std::string_view name) const;

 private:
  void Add(std::vector<std::string_view> names, Decimal scale, BaseDim dim);
  std::vector<std::pair<std::string, Unit>> units_;  // sorted by name
};

/// True for an ISO 4217 currency code ("USD", "CNY", "EUR"…).
bool IsCurrencyCode(std::string_view code);
/// True if a unit text starts with a currency code ("USD/month").
bool IsCurrencyCodeText(std::string_view unit_text);

/// "unknown currency 'usd' (did you mean 'USD'?)": for a code that is
/// none, the code meant when it is one in other letters' case, or a name
/// units know it by (RMB, yuan and ¥ for CNY).
std::string UnknownCurrencyMessage(std::string_view code);
/// "unknown currency 'RMB' (did you mean 'CNY'?)" or "unknown unit 'mo' (…)".
std::string UnknownUnitMessage(std::string_view name, const UnitTable& table);

/// Where and why a unit did not parse; offset is into the parsed text.
struct UnitError {
  size_t offset = 0;
  size_t length = 1;
  std::string message;
};

/// Parses a unit expression ("USD/1M tokens", "GPU*h", "requests/s", "%", "").
std::optional<Unit> ParseUnit(std::string_view text, const UnitTable& table, UnitError* error);

/// Canonical text for a dimension: "USD/h", "B", "tokens/h", "" for a count.
std::string FormatDimension(const Dimension& dim);

/// Splits a display unit into its currency and the rest: "USD/1M tokens" ->
/// {"USD", "1M tokens"}, "USD" -> {"USD", ""}, "GB" -> {"", ""}.
std::pair<std::string, std::string> SplitMoneyUnit(std::string_view unit_text);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_UNITS_H_
