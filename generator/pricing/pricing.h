// The pricing stage: reads the YAML under pricing/ (price lists, exchange
// rates, declared units, models; see docs/pricing.md) into cost inputs with positions, and
// evaluates them. Parse* functions are pure; only LoadPricing touches the disk.
#ifndef COSTSITE_PRICING_PRICING_H_
#define COSTSITE_PRICING_PRICING_H_

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "cost/evaluation.h"
#include "cost/inputs.h"

namespace costsite::pricing {

/// Site-wide settings: `as_of` ("" = newest prices), `month_hours` (730).
using Options = cost::Options;

/// Parses a price list (top-level `provider:`); false if it had errors.
bool ParsePriceList(const std::string& path, std::string_view text, cost::PriceList* out,
                    Diagnostics& diags);
/// Parses an exchange-rate file (top-level `rates:`); appends to `out`.
bool ParseRates(const std::string& path, std::string_view text, std::vector<cost::Rate>* out,
                Diagnostics& diags);
/// Parses a model (top-level `model:`).
bool ParseModel(const std::string& path, std::string_view text, cost::ModelDef* out,
                Diagnostics& diags);
/// Parses a model written inside a Markdown page (a `cost model` block, whose
/// YAML has no `model:` key) starting at line `first_line` of `path`; `id`
/// names it.
bool ParseInlineModel(const std::string& path, std::string_view text, int first_line,
                      const std::string& id, cost::ModelDef* out, Diagnostics& diags);
/// Parses any pricing file, telling its kind by its top-level key, into `inputs`.
/// With `shelf`, a model file's text is put away there once parsed
/// (cost::SourceText::PutAway).
void ParsePricingFile(const std::string& path, std::string_view text, cost::Inputs* inputs,
                      Diagnostics& diags, TextShelf* shelf = nullptr);

/// What ReadPricing parsed of each file, for a caller that reads the same
/// folder again and again (`serve`): a file whose text is unchanged is not
/// parsed again. Holds each file's text, inputs and diagnostics.
struct ParseCache {
  struct File {
    std::string text;
    cost::Inputs inputs;
    std::vector<Diagnostic> diags;
  };
  std::map<std::string, File> files;  // by path as shown in diagnostics
  size_t parsed = 0;                  // files parsed by the last ReadPricing (the rest came from here)
  std::set<std::string> changed;      // those files' paths: new, or their text changed
  // The files of the last ReadPricing, in the order it read them, and each
  // one's place there; `complete` when that listing met nothing it left out
  // (a link leading outside the site), so that it stands for the folder.
  std::vector<std::string> order;
  std::map<std::string, size_t, std::less<>> index;
  bool complete = false;
  // Every file's inputs joined ahead (PrepareJoined), and where each file of
  // `order` starts in each of its lists (price lists, rates, models, units,
  // unparsed; one more for the end): ReadPricingChanged moves it out and puts
  // the named files' new entries in place, rather than copying 10,000 models
  // while a reader waits. Any read drops it.
  std::optional<cost::Inputs> joined;
  std::vector<std::array<size_t, 5>> joined_at;
};

/// Makes `cache->joined` from the cache, when it stands for the folder
/// (`complete`). serve calls it once an update is done, off the next one's path.
void PrepareJoined(ParseCache* cache, int threads);

/// Reads every *.yaml / *.yml file below `dir` in sorted path order. Paths in
/// diagnostics start with `dir`'s last component ("pricing/models/a.yaml"),
/// that is, relative to the site. Files are parsed on `threads` threads
/// (0 = one per core); the result does not depend on it, nor on `cache`.
/// With `put_texts_away`, each model file's text is put away in a temporary
/// file once parsed (cost::SourceText::PutAway): for a build, which reads it
/// again only for a diagnostic's caret.
cost::Inputs ReadPricing(const std::filesystem::path& dir, Diagnostics& diags, int threads = 0,
                         ParseCache* cache = nullptr, bool put_texts_away = false);
/// ReadPricing(dir, diags, threads, cache) for a folder in which, since the
/// last ReadPricing into `cache`, only the files named in `changed` (paths as
/// in diagnostics, "pricing/models/a.yaml", as serve's watcher reports them)
/// may have changed: only those are read again, the others' inputs and
/// diagnostics are the cache's (reading and comparing 10,000 unchanged files
/// took longer than the rest of a price change). Returns false, having read
/// nothing, when the names cannot tell: a folder named, a named file that is
/// new or gone (the listing changed), or a listing that left a file out;
/// the caller then calls ReadPricing. The result is what ReadPricing would
/// return on the same files.
bool ReadPricingChanged(const std::filesystem::path& dir, const std::vector<std::string>& changed,
                        Diagnostics& diags, int threads, ParseCache* cache, cost::Inputs* out);
/// ReadPricing, then cost::Evaluate.
cost::Evaluation LoadPricing(const std::filesystem::path& dir, const Options& options,
                             Diagnostics& diags, int threads = 0, ParseCache* cache = nullptr);

}  // namespace costsite::pricing

#endif  // COSTSITE_PRICING_PRICING_H_
