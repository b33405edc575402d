// What the pricing stage reads from YAML, before evaluation: price lists,
// exchange rates and models, with every formula kept as written together with
// its place, so that evaluation errors point into the YAML.
#ifndef COSTSITE_COST_INPUTS_H_
#define COSTSITE_COST_INPUTS_H_

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "base/counted.h"
#include "base/diagnostics.h"
#include "base/heap_optional.h"
#include "base/line_index.h"
#include "base/localized.h"
#include "base/spill.h"
#include "cost/units.h"

namespace costsite::cost {

/// A text that values were read from, held once for all of them: its path
/// as diagnostics show it, and the text itself for the lines carets are drawn
/// under (a Markdown page's `cost model` block: that block, whose first line
/// is line `first_line` of the page).
///
/// A build puts a model file's text away once the file is parsed (PutAway):
/// only a diagnostic's caret reads it after that, and held for every model
/// until its group was evaluated it was a third of a parsed model's memory
/// (300 bytes of YAML each, at the build's high point). The one line every
/// model's results show, its `model:` line, is kept in memory.
///
/// Held through SourceRef, which counts its holders in the text itself.
class SourceText : public Counted {
 public:
  SourceText(std::string path, std::string text, int first_line = 1)
      : path(std::move(path)), text_(std::move(text)), first_line_(first_line) {}

  std::string path;

  /// Line `line_no` of the file, without its line break; "" when the text
  /// has no such line. Once put away, the text is read back (once, and
  /// kept) the first time a line other than the kept one is asked for; ""
  /// when it cannot be read. Safe to call from several threads.
  std::string_view Line(int line_no) const;
  /// The whole text, read back from the shelf when put away (not kept in
  /// memory then); nullopt when it cannot be read.
  std::optional<std::string> Text() const;
  /// Hands the text to `shelf` (see TextShelf::Put; it is written out at the
  /// shelf's next Flush), keeping line `keep_line_no` in memory (0: none).
  /// A text whose lines were asked for already stays in memory.
  /// REQUIRES: no other thread reads this text until the shelf is flushed.
  void PutAway(TextShelf* shelf, int keep_line_no);
  bool put_away() const { return text_.put_away(); }

 private:
  // The lines, found once: of the text in memory, or of the text read back
  // from the shelf's file (a pointer until a diagnostic asks: a string and
  // an index inline were 50 bytes more in each of a site's model files).
  struct Lines {
    std::string back;  // the text read back; "" while it is in memory
    LineIndex index;
  };

  HeldText text_;
  int first_line_;
  int kept_line_no_ = 0;
  std::string kept_line_;
  mutable std::once_flag lines_once_;
  mutable std::unique_ptr<Lines> lines_;
};

/// A counted reference to a SourceText: 8 bytes in every Located (a parsed
/// model holds a dozen of them, until its group is evaluated).
using SourceRef = CountedRef<SourceText>;

/// Text as written in a source file: `pos()` is its first character, `line()`
/// the source line holding it (for the caret). Empty text means "not given".
///
/// The file's path and text are shared by every value read from it, and the
/// line is found again when asked for: a site with a model per report holds
/// every model's definitions until its group is evaluated, and a copy of the
/// path and of the line in each value was about half of a parsed model. 48
/// bytes (a static_assert below keeps it so).
struct Located {
  std::string text;
  SourceRef source;  // null when not read from a text
  int line_no = 0;   // 1-based line of the file; 0 = unknown
  int col_no = 0;    // 1-based byte column; 0 = unknown

  /// `text` at column `col` of `line`, the first and only line of a source
  /// named `path` (a `--set` given on the command line).
  static Located OnLine(std::string text, std::string path, std::string line, int col) {
    return {std::move(text), SourceRef(new SourceText(std::move(path), std::move(line))), 1, col};
  }

  bool empty() const { return text.empty(); }
  /// Where the text starts: its file, line and column.
  SourcePos pos() const { return {source ? source->path : std::string(), line_no, col_no}; }
  /// The source line holding it, without its line break; "" when unknown.
  std::string_view line() const { return source && line_no > 0 ? source->Line(line_no) : std::string_view(); }
};
static_assert(sizeof(void*) != 8 || sizeof(Located) == 48, "a Located is held a dozen times per parsed model");

/// Tiers as written: `tiers: {basis: whole, by: tokens, steps: [{from: 0, price: 1.25}, …]}`.
/// One step as written: `{from: 200001, price: 2.5}` (from that quantity on)
/// or `{above: 200000, price: 2.5}` (from just above it: 200000.5 tokens
/// pays the step's price, 200000 does not).
struct TierStepDef {
  Located from;  // the threshold, under either key
  Located price;
  bool above = false;
};

struct TiersDef {
  Located where;  // the `tiers:` key's value, for errors about the whole
  Located basis, by;
  std::vector<TierStepDef> steps;
};

/// One dated value of a price: the plain (on-demand) value and variants.
/// It replaces the older value whole unless it inherits (`inherit:`).
struct PriceValue {
  std::string date;     // in force from (`since:`, or `date:`), YYYY-MM-DD; "" = always
  std::string checked;  // the date it was read (`checked:`, else `date:`); "" = the provider's
  Located where;        // the value's first key, for diagnostics about the whole value
  Located price;        // a number or "500 to 1500"; may be empty when only variants are given
  std::optional<TiersDef> tiers;  // the plain price in tiers, instead of `price:`
  // In declared order: a number, a range, or "50% of on_demand".
  std::vector<std::pair<std::string, Located>> variants;
  std::vector<std::pair<std::string, Located>> hours;  // variant -> "16:30-00:30" (UTC)
  bool inherit_given = false;  // `inherit:` written (`false` says a dropped variant is meant)
  bool inherit_all = false;    // `inherit: true`: every variant it does not give
  std::vector<Located> inherit;  // `inherit: [spot]`: these variants only
};

struct PriceEntry {
  std::string id;
  Located where;  // the id, for duplicate and lookup errors
  LocalizedText label;
  Located unit;        // "USD/h"; without a currency, the provider's currency per that unit
  PriceValue current;  // date falls back to the provider's date
  std::vector<PriceValue> history;
  std::string source;  // "" = the provider's
  LocalizedText note;
  // `original:`: the provider's own name of what the entry prices (a catalog's
  // model name, "meta-llama/llama-3-70b:free"); formulas may write
  // `@provider/"NAME"` or `@provider/"NAME".PART` for it.
  Located original;
};

struct PriceList {
  std::string provider;
  Located where;
  LocalizedText name;
  std::string currency, source, region;
  std::string date;  // the date the prices were read (`date:` or `checked:`), for values that give none
  std::vector<PriceEntry> entries;
  // `variant_labels:`: a variant's name for readers, per language ("spot_avg" ->
  // 竞价（均价）/ Spot (average)).
  std::vector<std::pair<std::string, LocalizedText>> variant_labels;
};

/// A count unit a site declares (`units:`): its names and where each
/// spelling is written, for errors about it.
struct UnitDecl {
  UnitNames names;
  std::vector<Located> keys;  // one per names.keys, same order
  bool distinct = false;      // `distinct: true`: its own dimension, named by its first key
};

struct Rate {
  std::string base, quote;
  Located rate;
  std::string date, source;
  Located where;
};

/// `input: {min: 10 requests/s, max: 5000 requests/s, step: 10 requests/s}`:
/// readers of a page may set the parameter between `min` and `max`, in
/// `step`s, in the parameter's own unit (a `cost inputs` block shows it).
struct InputDef {
  Located min, max, step;  // formulas; `step` may be empty (any value)
};

/// A Located most definitions leave out (an item's quantity, price and unit:
/// most items have a formula instead, and no unit): on the heap when set,
/// else read as an empty Located. Inline, the three were 168 of an item's
/// 408 bytes (100,000 items held until their group is evaluated).
class OptionalLocated {
 public:
  OptionalLocated() = default;
  OptionalLocated(Located l) { p_ = std::move(l); }  // NOLINT: set as a Located is

  const Located& get() const { return p_ ? *p_ : Empty(); }
  operator const Located&() const { return get(); }  // NOLINT: read as the Located it stands for
  const Located* operator->() const { return &get(); }
  bool empty() const { return get().empty(); }

 private:
  static const Located& Empty() {
    static const Located kEmpty;
    return kEmpty;
  }
  HeapOptional<Located> p_;
};

struct ParamDef {
  std::string id;
  LocalizedText label;
  Located value;
  // Only in a model's own params, not a scenario's, and in few of those: on
  // the heap, as a parsed param was 472 bytes with it inline, 168 without
  // (100,000 params held until their group is evaluated).
  HeapOptional<InputDef> input;
};

// An item's and a figure's id is its key as written: `where.text`, held
// once (a copy of it was 32 bytes of each, held until the model's group is
// evaluated).
struct ItemDef {
  Located where;  // the id as written
  LocalizedText label;
  RareString group;                 // "" = none
  OptionalLocated quantity, price;  // quantity × price, or
  Located formula;                  // any formula
  OptionalLocated unit;             // optional declared unit

  const std::string& id() const { return where.text; }
};

struct FigureDef {
  Located where;  // the id as written
  LocalizedText label;
  Located formula;
  Located unit;

  const std::string& id() const { return where.text; }
};

/// A scenario's choice of one price's variant: `variants: {"@aws/x": spot}`.
struct VariantChoice {
  std::string price;    // "@aws/x" as written
  std::string variant;  // "spot"
  Located where;        // the variant as written, for diagnostics
};

struct ScenarioDef {
  std::string id;
  Located where;
  LocalizedText label;
  std::string as_of;             // pins prices and rates for this scenario; "" = the model's
  std::vector<ParamDef> params;  // overrides
  std::string variant;           // for every price that has it
  Located variant_where;         // `variant:` as written
  std::vector<VariantChoice> variants;
};

struct RuleDef {
  std::string id;
  Located when;
  LocalizedText label, recommend;
  LocalizedText condition;  // when it applies, in words; shown instead of `when`
};

struct ExpectationDef {
  Located figure;
  Located stated;
  Located tolerance;  // "1%" or a quantity; empty = exact to display precision
  bool known_discrepancy = false;
  LocalizedText source, note;
};

struct GroupDef {
  std::string id;
  LocalizedText label;
};

struct ModelDef {
  std::string id;
  Located where;
  LocalizedText title;
  RareString as_of;  // pins prices and rates for this model; "" = the site's
  Located unit;      // unit of `total`; empty = no total
  std::vector<ParamDef> params;
  RareList<GroupDef> groups;  // these four: a pointer each, the list only in models that write it
  std::vector<ItemDef> items;
  std::vector<FigureDef> figures;
  RareList<ScenarioDef> scenarios;
  RareList<RuleDef> rules;
  RareList<ExpectationDef> expectations;
};

/// A pricing file that is not YAML, and what it would have defined, read
/// from its top-level `provider:`, `model:` or `rates:` line: a reference to
/// that provider or model, or a missing exchange rate, follows from the
/// file's syntax error and is not a mistake of its own.
struct UnparsedFile {
  std::string path;
  std::string provider;  // "" when the file names none
  std::string model;
  bool rates = false;
};

/// A model a build set aside once it was read (Inputs::aside): what grouping
/// the models needs, and the place its file's text is held, from which the
/// definition is read again when its group is evaluated. A site with a
/// model per report held every definition (about 1.3 KB each, with the
/// checking engine's record 1.8) from the end of reading `pricing/` until
/// its group was evaluated: the high point of a large build, and what made
/// it grow with the number of reports (docs/performance.md).
struct ModelAside {
  std::string id;
  Located where;  // its `model:` value; `where.source` holds the file's text
  // Every name its formulas spell that may be a model id it reads: each
  // word that ends at a '.' or a '['. More than it reads, never less.
  std::vector<std::string> may_read;
};

/// Reads a model set aside again (ModelAside), as it was first read.
class ModelReader {
 public:
  virtual ~ModelReader() = default;
  /// The definition, without reporting again what its first reading did;
  /// false, reported at `aside.where`, when its text cannot be read back.
  virtual bool Read(const ModelAside& aside, ModelDef* out, Diagnostics& diags) const = 0;
};

/// Whether a build may set `d` aside: nothing reads it before its group is
/// evaluated, which holds unless a reader may adjust one of its parameters
/// (the what-if data carries the definition) or it may call actual() (the
/// billing export is read for the calls before evaluation).
bool MaySetAside(const ModelDef& d);
/// `d` set aside (MaySetAside).
ModelAside SetAside(const ModelDef& d);

/// Everything under pricing/, in sorted file order.
struct Inputs {
  std::vector<PriceList> price_lists;
  std::vector<Rate> rates;
  std::vector<ModelDef> models;
  std::vector<UnitDecl> units;
  std::vector<UnparsedFile> unparsed;
  // A build's models set aside, in file order, when every model could be
  // (MaySetAside; `models` is then empty), and what reads them again.
  std::vector<ModelAside> aside;
  std::shared_ptr<const ModelReader> reader;
};

/// What one `actual(ServiceName="Amazon EC2", period=2024-09)` selects
/// from the site's FOCUS billing export: lines whose columns (or `tag:KEY`
/// tags) hold these values, in one charge month.
struct ActualSelection {
  std::vector<std::pair<std::string, std::string>> filters;  // column -> value, sorted by column
  std::string period;                                          // "YYYY-MM"; "" = every line
  std::string measure;                                         // the FOCUS cost column summed; "" = BilledCost
  friend bool operator==(const ActualSelection&, const ActualSelection&) = default;
  // Not a defaulted <=>: the libc++ of the WebAssembly build has no <=> for vector and pair.
  friend bool operator<(const ActualSelection& a, const ActualSelection& b) {
    return std::tie(a.filters, a.period, a.measure) < std::tie(b.filters, b.period, b.measure);
  }
};

/// What a selection sums to, computed outside the cost stage (load/ reads
/// the export in one pass) and used by the engine like a price.
struct ActualSum {
  std::string currency;
  Decimal total;      // the exact sum of the lines in the period, in `currency`
  int64_t lines = 0;  // lines summed
};
struct ActualFigure {
  ActualSelection selection;
  bool known = false;             // some line of the export matches the filters, in any period
  std::vector<ActualSum> totals;  // one per currency, by code
  std::string files;              // the export's files, as diagnostics name them
};

/// Every `actual(…)` the models' formulas call, each once, sorted. Calls that
/// do not parse are left to evaluation to report.
std::vector<ActualSelection> ActualSelections(const Inputs& inputs);

/// Site-wide evaluation settings.
/// A parameter's value given from outside the model (`eval --set
/// inference.qps=800 requests/s`): it replaces the value the model writes
/// in the base case and in every scenario that does not set it itself.
struct ParamSet {
  Located target;  // "inference.qps": a model id (which may hold dots), a dot, a parameter id
  Located value;   // a formula, as a parameter's `value:`
};

struct Options {
  std::string as_of;      // pins prices and rates for models without their own; "" = today
  int month_hours = 730;  // hours in a month; a year is 12 months
  std::string today;      // YYYY-MM-DD: the date when nothing is pinned; "" = COSTSITE_TODAY, else the clock's (UTC)
  std::vector<ParamSet> sets;  // applied before anything is evaluated; an unknown target is an error
  // The FOCUS export's sums for every ActualSelections() call; `actuals_loaded`
  // false when the site has no export (or it did not load): actual() then
  // fails, quietly when `actuals_reported` (the export's own errors, already
  // reported at their lines, say why).
  std::vector<ActualFigure> actuals;
  bool actuals_loaded = false;
  bool actuals_reported = false;
  // Each result is written to a temporary file as its group of models is
  // evaluated, and read back when read (ResultList::Freeze): a build that
  // keeps nothing after it holds the results of a page's models while the
  // page renders, not every model's from the evaluation to the last page.
  bool spill_results = false;
};

}  // namespace costsite::cost

#endif  // COSTSITE_COST_INPUTS_H_
