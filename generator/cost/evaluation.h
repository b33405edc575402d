// The evaluated cost models: every figure a report shows, with its unit, its
// range and where it came from. Built once by cost::Evaluate (or
// pricing::LoadPricing), immutable afterwards and safe to read from many
// threads; the Markdown and render stages only read it.
#ifndef COSTSITE_COST_EVALUATION_H_
#define COSTSITE_COST_EVALUATION_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/heap_optional.h"
#include "base/localized.h"
#include "cost/interval.h"
#include "cost/units.h"

namespace costsite::cost {

/// One step of tiered prices: from `from` (in the tiers' `by` unit) on, `price`.
struct TierStep {
  Decimal from;
  Interval price;  // in the entry's unit
  bool above = false;  // from just above `from` (`above:`), not from `from` on
};

/// Prices that depend on a quantity (`tiers:`). Whole: the whole quantity is
/// charged at the step its size falls in; marginal: each slice at its step's price.
struct Tiers {
  bool marginal = false;
  Unit by;  // the unit of the threshold quantity: "tokens", "TB"
  std::vector<TierStep> steps;  // ascending `from`, the first from 0
};

/// How a variant's value is given when it is more than one number; empty
/// fields for a plain price.
struct PriceShape {
  std::optional<Decimal> percent;  // `batch: 50% of on_demand`: 50
  std::string of;                  // the variant it is a percentage of
  std::string hours;               // time-of-day window in UTC, "16:30-00:30"
  std::optional<Tiers> tiers;
  bool empty() const { return !percent && hours.empty() && !tiers; }
};

/// A value read far more often than set, and most often empty, held by a
/// shared pointer: the build holds every result until its end, and inline a
/// figure's explanation (128 bytes with four lists) and a price use's shape
/// (344 bytes) were a large part of each. Copies share one immutable value;
/// an empty one (`T::empty()`) is no allocation. Read it like a pointer
/// (`f.explain->prices`), or pass it where a `const T&` is taken.
template <typename T>
class SharedValue {
 public:
  SharedValue() = default;
  SharedValue(T v)  // NOLINT: implicit, as the plain member it replaces was assigned
      : p_(v.empty() ? nullptr : std::make_shared<const T>(std::move(v))) {}
  explicit SharedValue(std::shared_ptr<const T> p) : p_(std::move(p)) {}
  const T& operator*() const { return p_ ? *p_ : Empty(); }
  const T* operator->() const { return &**this; }
  operator const T&() const { return **this; }  // NOLINT: reads as the value
  /// The shared value; null when empty.
  const std::shared_ptr<const T>& ptr() const { return p_; }
  /// The value to change, made this copy's own first (copy on write).
  T& Edit() {
    auto own = std::make_shared<T>(**this);
    T& v = *own;
    p_ = std::move(own);
    return v;
  }

 private:
  static const T& Empty() {
    static const T kEmpty;
    return kEmpty;
  }
  std::shared_ptr<const T> p_;
};

/// An immutable value shared by every place that holds it, never null: a
/// price read by an item is one PriceUse for the item's explanation, its unit
/// price, the total that absorbs it and every other model that reads the same
/// price on the same date (cost::PriceBook::Lookup keeps them). Read it like a
/// pointer, or pass it where a `const T&` is taken.
template <typename T>
class Shared {
 public:
  Shared() : p_(Default()) {}  // T{}, one for all
  Shared(T v) : p_(std::make_shared<const T>(std::move(v))) {}  // NOLINT: implicit, as the value it holds
  explicit Shared(std::shared_ptr<const T> p) : p_(std::move(p)) {}
  const T& operator*() const { return *p_; }
  const T* operator->() const { return p_.get(); }
  operator const T&() const { return *p_; }  // NOLINT: reads as the value
  const std::shared_ptr<const T>& ptr() const { return p_; }

 private:
  static const std::shared_ptr<const T>& Default() {
    static const std::shared_ptr<const T> kDefault = std::make_shared<const T>();
    return kDefault;
  }
  std::shared_ptr<const T> p_;
};

/// `unit`, held once for the whole process however many figures and inputs
/// show it: a `Unit` is 184 bytes, and every figure and every input of an
/// explanation holds one, most of them the same few ("USD/month", "h", "%").
/// Safe on any thread.
Shared<Unit> InternUnit(Unit unit);

/// One price a figure used, as it was in force at the model's date.
struct PriceUse {
  std::string id;       // "aws/p4d.24xlarge"
  std::string variant;  // "on_demand", "spot"…
  Interval value;       // in `unit`, as the price list states it
  Unit unit;            // the price list's unit, "USD/h"
  std::string date;     // the date the value used was read (`checked:`)
  std::string source;   // URL or citation
  LocalizedText provider_name;
  LocalizedText label;
  LocalizedText variant_label;  // as the price list declares it; may be empty
  SharedValue<PriceShape> shape;  // percentage, hours, tiers (already scaled by the percentage)
  LocalizedText of_label;       // the declared label of `shape.of`; may be empty
  std::string since;            // the date the value is in force from; "" = always
  // An actual(…) of the site's FOCUS export, used like a price: `id` is the
  // call as written, `date` its month ("" = every line), `source` the
  // export's files, `lines` the lines summed; `variant` is the currency
  // when the selection's lines are in several (one use per currency).
  bool actual = false;
  int64_t lines = 0;
  // The selection's columns and values (ServiceName -> "Amazon EC2",
  // tag.team -> "ml"), which a reader is shown instead of the call.
  std::vector<std::pair<std::string, std::string>> actual_filters;
  std::string actual_measure;  // the FOCUS cost column summed when not BilledCost ("EffectiveCost")
};

/// An exchange rate a figure used: 1 `base` = `rate` `quote`, dated and cited.
struct FxUse {
  std::string base, quote;
  Decimal rate;
  std::string date, source;
  friend bool operator==(const FxUse&, const FxUse&) = default;
};

/// The scenario an input was read in, when not its formula's own.
struct InputScenario {
  std::string id;       // "spot"
  LocalizedText label;  // its label; may be empty
  bool empty() const { return id.empty(); }
};

/// A named input of a formula and its value.
struct InputUse {
  std::string name;  // "gpus", "share(egress)", "other_model.total [spot]"
  LocalizedText label;     // of the figure named, as its model declares it; may be empty
  // The scenario it was read in ("spot"); empty = as the formula's own. By a
  // pointer, null when empty: most inputs are read in their formula's own
  // scenario, and its id and label held inline were 48 of 184 bytes.
  SharedValue<InputScenario> scenario;
  bool share = false;      // share(x): `label` is x's, the value its share of the total
  bool is_bool = false;
  bool bool_value = false;
  IntervalEnds value;  // in `unit`
  Shared<Unit> unit;  // InternUnit
};

/// A change of time unit a value went through on its way to the figure, as
/// a reader checks it: 60 USD/day × 30.4 day/month = 1,825 USD/month (the
/// month is the site's `month_hours`).
/// The units are interned (InternUnit) and the values ends only: a
/// conversion is made for many figures, and three units and three intervals
/// held inline were 936 bytes.
struct ConversionUse {
  IntervalEnds from_value;  // in `from`
  Shared<Unit> from;        // "USD/day"
  IntervalEnds factor;      // in `factor_unit`: 30.4
  Shared<Unit> factor_unit;  // "day/month"
  IntervalEnds to_value;    // in `to`
  Shared<Unit> to;          // "USD/month"
};

/// How a figure was computed, for `eval --explain` and the renderer.
struct Explanation {
  std::string formula;            // as written
  std::vector<InputUse> inputs;   // in first-use order
  std::vector<Shared<PriceUse>> prices;  // in first-use order
  std::vector<FxUse> fx;          // rates used, in first-use order
  std::vector<ConversionUse> conversions;  // of this figure's own formula, in order
  bool empty() const {
    return formula.empty() && inputs.empty() && prices.empty() && fx.empty() && conversions.empty();
  }
};

/// `e`, shared with every other explanation that is the same formula alone
/// (a param given as a number: "3", "730 h/month"), which most params are:
/// one value per text for the whole process, held weakly as InternUnit's
/// are. Any other explanation is its own value. Safe on any thread.
SharedValue<Explanation> ShareExplanation(Explanation e);

/// An optional value held on the heap and shared by copies, read like
/// std::optional (`if (x)`, `*x`, `x->`): a line item's quantity, factor and
/// unit price are absent on items given by a formula, and inline they took
/// 2 KB of every item, present or not.
template <typename T>
class SharedOptional {
 public:
  SharedOptional() = default;
  SharedOptional(std::nullopt_t) {}  // NOLINT: as std::optional
  SharedOptional(T v) : p_(std::make_shared<const T>(std::move(v))) {}  // NOLINT: as std::optional
  SharedOptional(const std::optional<T>& v) : p_(v ? std::make_shared<const T>(*v) : nullptr) {}  // NOLINT
  SharedOptional(const Shared<T>& v) : p_(v.ptr()) {}  // NOLINT: shares the value
  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  /// The shared value; null when absent.
  const std::shared_ptr<const T>& ptr() const { return p_; }
  const T& operator*() const { return *p_; }
  const T* operator->() const { return p_.get(); }

 private:
  std::shared_ptr<const T> p_;
};

/// A line and column in the file that defines a figure's model (the path of
/// its ModelResult's `pos`): every figure of a model is defined in that one file,
/// so a figure does not hold its path (a copy in each was 72 bytes a figure).
struct LineCol {
  int line = 0;
  int col = 0;
  friend bool operator==(const LineCol&, const LineCol&) = default;
};

/// One evaluated value of a model.
struct Figure {
  std::string id;  // "total", "gpu", "share.gpu", "per_1k"
  LocalizedText label;
  Interval value;  // in `unit`, unrounded
  Shared<Unit> unit;  // as the author wrote it: "USD/month", "%", "gpus", "" for a bare count (InternUnit)
  bool is_bool = false;
  bool bool_value = false;
  SharedValue<Explanation> explain;
  LineCol pos;  // where it is defined, in its model's file

  bool IsMoney() const { return unit->dim.IsMoney(); }
  /// The ISO code of the money part, "" when not money.
  const std::string& Currency() const { return unit->dim.currency; }
  /// The non-money part of a money unit: "month", "h", "1M tokens"; "" otherwise.
  std::string Per() const;
};

struct LineItem {
  std::string id;
  LocalizedText label;
  std::string group;  // "" if none
  SharedOptional<Figure> quantity;     // for quantity × price items
  SharedOptional<PriceUse> unit_price;  // the price as used; date and source when a price reference
  SharedOptional<Figure> factor;        // quantity × factor × unit price = cost: "730 h/month"
  Figure cost;
  IntervalEnds share;  // of total, as a fraction; [0, 0] without a total (ends only: shown, not computed with)
};

struct Group {
  std::string id;
  LocalizedText label;
  Figure subtotal;
  IntervalEnds share;  // of total, as a fraction (ends only: shown, not computed with)
};

struct RuleResult {
  std::string id;
  LocalizedText label, recommendation;
  bool holds = false;
  std::string when;  // the condition as written: a formula, for provenance only
  SourcePos pos;
  LocalizedText condition;  // the condition in words, what readers see; may be empty
  // The value the condition tests: the left side of its comparison
  // ("share.gpu" in `share.gpu > 50%`), shown beside `condition` as the
  // reason for a recommendation; nullopt when the left side is true/false.
  std::optional<Figure> measured;
};

struct ExpectationResult {
  std::string figure;       // figure id as written
  std::string stated_text;  // the stated value as the author wrote it: "24000 USD/month"
  Interval stated, computed;  // both in `unit`
  Unit unit;
  bool ok = false;  // computed is within tolerance of stated (numbers compared, never texts)
  bool known_discrepancy = false;
  LocalizedText source, note;
  SourcePos pos;
};

struct ScenarioInfo {
  std::string id;
  LocalizedText label;
};

/// A parameter readers of a page may adjust (`input:`), in the base case:
/// its bounds in the unit its value is shown in (the param figure's unit).
struct InputRange {
  std::string param;
  Decimal min, max;
  std::optional<Decimal> step;  // none: any value
};

/// A read-only list that the results of one model share: its base case and
/// each scenario hold the same one, so a model of N scenarios keeps one copy,
/// not N (N copies of N entries exhausted memory at 10,000 scenarios).
template <typename T>
class SharedList {
 public:
  SharedList() = default;
  explicit SharedList(std::vector<T> items)
      : items_(items.empty() ? nullptr : std::make_shared<const std::vector<T>>(std::move(items))) {}
  using const_iterator = typename std::vector<T>::const_iterator;
  const_iterator begin() const { return items_ ? items_->begin() : const_iterator(); }
  const_iterator end() const { return items_ ? items_->end() : const_iterator(); }
  size_t size() const { return items_ ? items_->size() : 0; }
  bool empty() const { return size() == 0; }
  const T& operator[](size_t i) const { return (*items_)[i]; }

 private:
  std::shared_ptr<const std::vector<T>> items_;
};

/// One model evaluated in its base case or in one scenario.
struct ModelResult {
  std::string model;
  std::string scenario;  // "" = base
  LocalizedText title;
  std::string as_of;  // date prices and rates were taken at ("" = newest)
  std::vector<Figure> params;
  std::vector<LineItem> items;
  std::vector<Group> groups;
  std::optional<Figure> total;
  std::vector<Figure> figures;
  std::vector<RuleResult> rules;
  // The lists most models leave empty are held by a pointer, null when
  // empty: a result is 624 bytes, which with its shared pointer's count is
  // jemalloc's 640-byte class, where three vectors made it 648 and 768.
  SharedList<ExpectationResult> expectations;
  SharedList<ScenarioInfo> scenarios;  // of the model (the same list in each result)
  std::vector<Figure> shares;  // "share.ITEM" and "share.GROUP" in "%", when there is a total
  SharedList<InputRange> inputs;  // the adjustable params, in declared order; base case only
  SharedList<std::string> uses;   // other models its formulas read (in any scenario), sorted
  SourcePos pos;                  // of the model's id
  std::string source_line;        // the line holding it, for diagnostics

  /// A param, an item (its cost), "subtotal.G", "share.X", "total" or a
  /// derived figure; nullptr if none.
  const Figure* Find(std::string_view figure_id) const;
  /// Every figure in declared order: params, items, subtotals, shares, total, figures.
  std::vector<const Figure*> AllFigures() const;
};

class ResultStore;  // result_store.h

/// While one lives on a thread, the results that thread reads from a list
/// held in a temporary file (Options::spill_results) are read from the file
/// once and kept, and freed when it ends: a page or an export reads its
/// models' results in one. A result read outside any is kept as long as its
/// list. Scopes nest (the innermost keeps); one belongs to its thread.
class ResultScope {
 public:
  ResultScope();
  ~ResultScope();
  ResultScope(const ResultScope&) = delete;
  ResultScope& operator=(const ResultScope&) = delete;
};

/// The results of an evaluation, in model order, read like a vector of
/// ModelResult (range-for, size, operator[]). Each result is held by a shared
/// pointer: an evaluation made again after a price change (Reevaluate) shares
/// the results of the models it did not build again with the last one, where
/// copying them cost more than building the few that changed (at 10,000
/// models, 9,750 copies of a ModelResult were the largest cost of an update).
/// A result may instead be held in a temporary file (Freeze), and is then
/// read back when read (see ResultScope): a reference to it stays good while
/// the innermost ResultScope of the thread that read it lives; read outside
/// any, by an iterator until the iterator moves, by operator[] while the
/// list lives (so a loop over every result outside a scope holds one at a
/// time; a page or check that reads by index opens a scope).
class ResultList {
 public:
  using Ptr = std::shared_ptr<const ModelResult>;
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = ModelResult;
    using difference_type = std::ptrdiff_t;
    using pointer = const ModelResult*;
    using reference = const ModelResult&;
    const_iterator() = default;
    const_iterator(const ResultList* list, size_t at) : list_(list), at_(at) {}
    // Outside a ResultScope, a result read from the file is held by the
    // iterator until it moves: a loop over every result holds one at a time.
    reference operator*() const { return list_->Get(at_, &held_); }
    pointer operator->() const { return &**this; }
    reference operator[](difference_type n) const { return (*list_)[at_ + static_cast<size_t>(n)]; }
    const_iterator& operator++() { return Move(1); }
    const_iterator operator++(int) { const_iterator was = *this; Move(1); return was; }
    const_iterator& operator--() { return Move(-1); }
    const_iterator operator--(int) { const_iterator was = *this; Move(-1); return was; }
    const_iterator& operator+=(difference_type n) { return Move(n); }
    const_iterator& operator-=(difference_type n) { return Move(-n); }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
    friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.at_) - static_cast<difference_type>(b.at_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.at_ == b.at_; }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) { return a.at_ != b.at_; }
    friend bool operator<(const const_iterator& a, const const_iterator& b) { return a.at_ < b.at_; }
    friend bool operator>(const const_iterator& a, const const_iterator& b) { return a.at_ > b.at_; }
    friend bool operator<=(const const_iterator& a, const const_iterator& b) { return a.at_ <= b.at_; }
    friend bool operator>=(const const_iterator& a, const const_iterator& b) { return a.at_ >= b.at_; }

   private:
    const_iterator& Move(difference_type n) {
      at_ += static_cast<size_t>(n);
      held_.reset();
      return *this;
    }
    const ResultList* list_ = nullptr;
    size_t at_ = 0;
    mutable Ptr held_;  // the result at at_, when read from the file outside a scope
  };
  using iterator = const_iterator;
  using value_type = ModelResult;
  using size_type = size_t;

  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, items_.size()); }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const ModelResult& operator[](size_t i) const { return items_[i].result ? *items_[i].result : Read(i); }
  const ModelResult& front() const { return (*this)[0]; }
  const ModelResult& back() const { return (*this)[items_.size() - 1]; }
  /// The shared pointer to result `i`, to hold it in another list.
  Ptr shared(size_t i) const;
  /// What the checks read of result `i` (its model, scenario, the models it
  /// reads, its expectations), read without the result.
  const std::string& model(size_t i) const;
  const std::string& scenario(size_t i) const;
  const SharedList<std::string>& uses(size_t i) const;
  const SharedList<ExpectationResult>& expectations(size_t i) const;

  void push_back(ModelResult r) { items_.emplace_back(std::make_shared<const ModelResult>(std::move(r))); }
  void push_back(Ptr r) { items_.emplace_back(std::move(r)); }
  /// Appends `r` held in `store`'s temporary file, or in memory when the file
  /// cannot be written. REQUIRES: every frozen result of the list in one store.
  void Freeze(ModelResult r, const std::shared_ptr<ResultStore>& store);
  /// Appends every result of `other` (REQUIRES: frozen in this list's store, if any).
  void Append(ResultList&& other);
  void reserve(size_t n) { items_.reserve(n); }

 private:
  struct Entry {
    Entry() = default;
    explicit Entry(Ptr r) : result(std::move(r)) {}
    Ptr result;  // null: in store_ at `at`, `size` bytes
    uint64_t at = 0;
    uint32_t size = 0;
    // Of a frozen result, what the checks read of every one: its model, and
    // the rest on the heap when any is set (a base case reading no other
    // model and checking nothing, most results of a large site, has none).
    // An entry of 72 bytes, where all inline took 128: 5.6 MB at 100,000
    // models, held to the end of rendering.
    struct Rest {
      std::string scenario;
      SharedList<std::string> uses;
      SharedList<ExpectationResult> expectations;
    };
    std::string model;
    HeapOptional<Rest> rest;
  };
  static_assert(sizeof(void*) != 8 || sizeof(Entry) <= 72, "a frozen result's entry grew past 72 bytes");
  const ModelResult& Read(size_t i) const;
  // Result i: the entry's own, the scope's, `*held` (read into it when null)
  // outside any scope.
  const ModelResult& Get(size_t i, Ptr* held) const;
  std::vector<Entry> items_;
  std::shared_ptr<const ResultStore> store_;
};

/// A hash of everything in `r` that a page, an export or a diagnostic can
/// show (values, units, labels, provenance, rules, expectations, positions):
/// equal fingerprints mean a page showing `r` renders the same. Stable within
/// one run of the program, not across versions.
uint64_t Fingerprint(const ModelResult& r);

/// One dated value of a price list entry, per variant, as the list states it.
struct DatedPrice {
  std::string date;     // in force from, else (a value in force always) the date it was read
  std::string checked;  // the date it was read (`checked:`, else the price list's date)
  std::string since;    // in force from; "" = always
  std::vector<std::pair<std::string, Interval>> variants;  // "on_demand" first when given
  std::vector<std::pair<std::string, PriceShape>> shapes;  // variants given as more than a number
  /// The shape of `variant`; nullptr for a plain value.
  const PriceShape* ShapeOf(std::string_view variant) const;
};

/// A price list entry for price tables: its current value per variant.
struct PriceEntryView {
  std::string id;  // entry id without the provider
  LocalizedText label;
  Unit unit;  // "USD/h"
  std::vector<std::pair<std::string, Interval>> variants;  // "on_demand" first
  std::string date, source;  // `date`: the date the entry's own value was read
  LocalizedText note;
  SourcePos pos;     // the entry's id in its price list, for diagnostics about the entry
  std::string line;  // that source line
  std::vector<DatedPrice> dated;  // every dated value (current and history), oldest first
  std::vector<std::pair<std::string, PriceShape>> shapes;  // of the current value, as in DatedPrice
  std::string since;  // the date the entry's own value is in force from; "" = always
};

struct ProviderView {
  std::string id;
  LocalizedText name;
  std::string currency, source, region, date;
  std::vector<PriceEntryView> entries;
  std::vector<std::pair<std::string, LocalizedText>> variant_labels;  // as declared
  /// The declared label of `variant`; nullptr when none.
  const LocalizedText* VariantLabel(std::string_view variant) const;
};

struct EvaluationData;  // defined in evaluate.cpp

/// Everything evaluated; immutable after construction, safe to read from many threads.
class Evaluation {
 public:
  Evaluation();
  explicit Evaluation(std::shared_ptr<const EvaluationData> data);

  /// The result for `model` in `scenario` ("" = base); nullptr if none.
  const ModelResult* Find(std::string_view model, std::string_view scenario = "") const;
  /// The place of that result in results(); results().size() if none.
  size_t PlaceOf(std::string_view model, std::string_view scenario = "") const;
  const ProviderView* FindProvider(std::string_view id) const;
  /// Every result, in model order: each model's base case, then its scenarios.
  const ResultList& results() const;
  const std::vector<ProviderView>& providers() const;
  /// The count units the site declares (pricing `units:`), in file order.
  const std::vector<UnitNames>& declared_units() const;
  /// Re-expresses `f` in another unit or currency (e.g. "CNY/month"), converting
  /// currency at the date of `in`, the result `f` belongs to (a scenario's
  /// own `as_of`, else the model's, else the site's, else today); false +
  /// message on mismatch/missing rate.
  bool Reexpress(const Figure& f, const ModelResult& in, std::string_view unit, Figure* out,
                 std::string* error) const;
  /// The pricing inputs of `models` (site models, by id) and what they read,
  /// with the options they were evaluated with, as cost::InputsToJson writes
  /// them: what the what-if engine of a page with inputs evaluates again.
  /// The models of the page's `cost model` blocks (EvaluateExtra) come
  /// after the site's, so that the engine evaluates them again too.
  /// "" when no model of the site has an adjustable parameter (`input:`)
  /// and no inline model was added: the site's definitions are then not
  /// kept after evaluation.
  std::string WhatIfInputs(const std::vector<std::string>& models) const;
  /// True when some model of the site has an adjustable parameter.
  bool HasInputs() const;
  /// The date the options pin prices and rates at (site.yaml's as_of); "" = today.
  const std::string& AsOf() const;
  /// Internal state, for EvaluateExtra.
  const std::shared_ptr<const EvaluationData>& data() const { return data_; }

 private:
  std::shared_ptr<const EvaluationData> data_;
  // The places in results ordered by model, then scenario, built once: pages
  // look figures up by model thousands of times, so a scan would make builds
  // quadratic. Searched by halving (a few string comparisons a lookup); 4
  // bytes a result, where a hash map by "model\0scenario" took about 70
  // (7 MB at 100,000 models, held to the end of rendering).
  std::shared_ptr<const std::vector<uint32_t>> index_;
};

}  // namespace costsite::cost

#endif  // COSTSITE_COST_EVALUATION_H_
