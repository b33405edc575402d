// Checks on the evaluated cost models that every build and `check` runs:
// expectations a source document states, prices that have grown stale, and
// models no page shows.
#ifndef COSTSITE_APP_SITE_CHECKS_H_
#define COSTSITE_APP_SITE_CHECKS_H_

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace costsite::cost {
class Evaluation;
}
namespace costsite::content {
struct SiteConfig;
}
namespace costsite::render {
struct OutputFile;
}

namespace costsite::app {


/// Warns on prices dated more than `max_price_age_days` before `today`
/// (YYYY-MM-DD: the site's as_of, else the current date). 0 days: no check.
void CheckPriceAges(const cost::Evaluation& evaluation, int max_price_age_days,
                    const std::string& today, Diagnostics* diags);

/// The models pages read, by the place of each one's base case in
/// `evaluation.results()`: a flag a model, where a set of their names held
/// every model's id once per render thread (16 MB at 2 x 100,000 pages).
class ShownModels {
 public:
  explicit ShownModels(const cost::Evaluation& evaluation);
  /// Marks the models `models` names (OutputFile::models); a name the
  /// evaluation has no result for is passed over.
  void Add(const std::vector<std::string>& models);
  /// Adds every model `other` holds. REQUIRES: made for the same evaluation.
  void Merge(const ShownModels& other);
  bool Has(size_t place) const { return place < shown_.size() && shown_[place]; }
  size_t size() const { return shown_.size(); }

 private:
  const cost::Evaluation* evaluation_;
  std::vector<bool> shown_;
};

/// The models the pages of `files` read (OutputFile::models).
ShownModels ModelsShown(const cost::Evaluation& evaluation, const std::vector<render::OutputFile>& files);

/// Warns at the definition of every model that no page reads, neither
/// directly (a figure, a rule, a directive: `shown`, ModelsShown) nor as an
/// input of a model a page reads.
void CheckUnusedModels(const cost::Evaluation& evaluation, const ShownModels& shown, Diagnostics* diags);

/// The source line at a position (from the file it names), for diagnostics
/// about results that do not keep their lines.
using LineAt = std::function<std::string(const SourcePos&)>;
/// A LineAt reading the files below the site folder `root`, each once.
LineAt SourceLines(const std::filesystem::path& root);

/// Reports failed expectations as errors, known discrepancies as notes (so
/// they are listed but do not fail), and a known discrepancy that now matches
/// as a warning. Expectations are checked in each model's base case.
void CheckExpectations(const cost::Evaluation& evaluation, const LineAt& line_at, Diagnostics* diags);

/// Warns wherever a reader would see an id instead of words, in a language
/// of `languages`: a price variant with no label (`variant_labels:` or a
/// built-in name), and, in the models pages read (`shown`, ModelsShown), a
/// rule without a `condition:` sentence or a param, item or figure without a label.
void CheckRawIds(const cost::Evaluation& evaluation, const ShownModels& shown,
                 const std::vector<std::string>& languages, const LineAt& line_at, Diagnostics* diags);

/// Days from the civil date `from` to `to`, both YYYY-MM-DD; false if malformed.
bool DaysBetween(const std::string& from, const std::string& to, long* days);

}  // namespace costsite::app

#endif  // COSTSITE_APP_SITE_CHECKS_H_
