// Price lists and exchange rates compiled for lookup: parsed units and values,
// dated history, and the rule for which value is in force on a date. Internal
// to the cost stage.
#ifndef COSTSITE_COST_PRICES_H_
#define COSTSITE_COST_PRICES_H_

#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "cost/evaluation.h"
#include "cost/inputs.h"
#include "cost/interval.h"
#include "cost/units.h"

namespace costsite::cost {

/// Reports `message` at `offset` characters into `at`, with the caret under `length` characters.
void ReportAt(Diagnostics& diags, const Located& at, size_t offset, size_t length,
              std::string message, std::string code, Severity severity = Severity::kError);

/// True for a YYYY-MM-DD date the calendar has (not 2025-02-30).
bool IsIsoDate(std::string_view date);

/// A price or rate as written: a number or "LOW to HIGH", without units;
/// nullopt after reporting.
std::optional<Interval> PlainValue(const Located& v, const UnitTable& units, Diagnostics& diags);
/// `tiers:` compiled: basis, threshold unit, rising steps; nullopt after reporting.
std::optional<Tiers> CompileTiers(const TiersDef& def, const UnitTable& units, Diagnostics& diags);
/// "50% of on_demand" -> {50, "on_demand"}. `*is_form` tells whether the text
/// has that form at all (" of "); nullopt with it set means it was reported.
std::optional<std::pair<Decimal, std::string>> ParsePercentOf(const Located& v, Diagnostics& diags, bool* is_form);
/// "16:30-00:30" (UTC) into `*out`; false after reporting.
bool ParseHours(const Located& v, std::string* out, Diagnostics& diags);
/// The charge for quantity `q` (in the tiers' `by` unit) under `t`, in the
/// price's unit × the `by` unit; a sound enclosure when `q` is a range.
/// REQUIRES: t.steps is not empty and q.lo >= 0.
Interval TieredCharge(const Tiers& t, const Interval& q);

/// One dated value of an entry, with its variants (those it inherits included).
struct CompiledValue {
  std::string date;     // in force from; "" = always (before every dated value)
  std::string checked;  // the date it was read
  std::vector<std::pair<std::string, Interval>> variants;  // "on_demand" first when given
  // Variants given as more than one number; a percentage's value in
  // `variants` is a placeholder, resolved against its base at lookup.
  std::vector<std::pair<std::string, PriceShape>> shapes;
  bool own = false;     // the entry's own value (not one of its history)
};

struct CompiledEntry {
  const PriceList* list = nullptr;
  const PriceEntry* entry = nullptr;
  Unit unit;  // with the provider's currency when the written unit had none
  std::vector<CompiledValue> values;  // by the date they are in force from, oldest first
};

/// A price found for a date: its value in canonical bases and how it was chosen.
struct PriceFound {
  Interval value;  // canonical
  Dimension dim;
  Unit unit;
  std::shared_ptr<const PriceUse> use;  // never null after a successful Lookup
};

/// Price lists and rates ready for lookup; immutable once built.
class PriceBook {
 public:
  PriceBook(const Inputs& inputs, const UnitTable& units, Diagnostics& diags);

  /// "aws/p4d.24xlarge", or by the provider's own name: `openrouter/"NAME"` (the
  /// one entry with `original: NAME`) or `openrouter/"NAME".input` (the one of
  /// them whose id ends with `.input`); nullptr when there is none.
  const CompiledEntry* Find(std::string_view id) const;
  /// Names close to an unknown `id` could mean, for a did-you-mean: the
  /// provider's entry ids, or its original names when `id` quotes one.
  std::vector<std::string> NamesNear(std::string_view id) const;
  /// The value of `id`:`variant` in force on `date` ("" = the newest); false and
  /// `*error` set when there is none, or when that value does not offer `variant`.
  bool Lookup(const CompiledEntry& e, const std::string& variant, const std::string& date,
              PriceFound* out, std::string* error) const;
  /// True if the entry has `variant` on `date`.
  bool HasVariant(const CompiledEntry& e, const std::string& variant, const std::string& date) const;
  /// The factor converting one `from` into `to` on `date`, and the rate used
  /// (as the rates file states it); false + `*error` when no rate.
  bool Rate(const std::string& from, const std::string& to, const std::string& date, Decimal* factor,
            FxUse* used, std::string* error) const;
  /// Views for price tables, in declared order.
  std::vector<ProviderView> Views() const;
  /// The file that would have defined provider or model `id` but is not
  /// YAML (Inputs::unparsed), or that defines price `id` ("provider/entry")
  /// with an error, so the entry was left out; nullptr when there is none.
  const std::string* UnparsedFileOf(std::string_view id) const;
  /// The exchange-rate file that is not YAML; nullptr when there is none.
  const std::string* UnparsedRatesFile() const { return unparsed_rates_.empty() ? nullptr : &unparsed_rates_; }

 private:
  bool Find(const CompiledEntry& e, const std::string& variant, const std::string& date, PriceFound* out,
            std::string* error) const;
  void CompileList(const PriceList& list, const UnitTable& units, Diagnostics& diags);
  void CompileRates(const Inputs& inputs, Diagnostics& diags);

  struct CompiledRate {
    std::string base, quote, date, source;
    Decimal rate;
  };
  std::vector<CompiledEntry> entries_;
  // Price lists with no entry: a provider named for its name alone (a
  // billing export's ProviderName shown in the page's language).
  std::vector<const PriceList*> named_only_;
  std::map<std::string, size_t, std::less<>> index_;  // id -> entries_
  // `provider/"original"` -> entries_ holding that original name
  std::map<std::string, std::vector<size_t>, std::less<>> originals_;
  std::vector<CompiledRate> rates_;
  std::map<std::string, std::string, std::less<>> unparsed_;  // provider, model or dropped entry id -> path
  std::string unparsed_rates_;
  // What Lookup found, by entry, variant and date: every model that reads a
  // price on the same date shares one PriceUse (about 900 bytes with its
  // strings), held by each figure's explanation until the end of a build.
  // Lookup runs on every thread that evaluates models.
  struct Found {
    std::mutex mutex;
    std::map<std::tuple<const CompiledEntry*, std::string, std::string>, PriceFound, std::less<>> by_key;
  };
  std::unique_ptr<Found> found_ = std::make_unique<Found>();
};

}  // namespace costsite::cost

#endif  // COSTSITE_COST_PRICES_H_
