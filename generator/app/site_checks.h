// Checks on the evaluated cost models that every build and `check` runs:
// expectations a source document states, prices that have grown stale, and
// models no page shows.
#ifndef COSTSITE_APP_SITE_CHECKS_H_
#define COSTSITE_APP_SITE_CHECKS_H_

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

/// Reports failed expectations as errors, known discrepancies as notes (so
/// they are listed but do not fail), and a known discrepancy that now matches
/// as a warning. Expectations are checked in each model's base case.
void CheckExpectations(const cost::Evaluation& evaluation, Diagnostics* diags);

/// Warns on prices dated more than `max_price_age_days` before `today`
/// (YYYY-MM-DD: the site's as_of, else the current date). 0 days: no check.
void CheckPriceAges(const cost::Evaluation& evaluation, int max_price_age_days,
                    const std::string& today, Diagnostics* diags);

/// Warns at the definition of every model that no page of `files` reads,
/// neither directly (a figure, a rule, a directive) nor as an input of a
/// model a page reads.
void CheckUnusedModels(const cost::Evaluation& evaluation, const std::vector<render::OutputFile>& files,
                       Diagnostics* diags);

/// Days from the civil date `from` to `to`, both YYYY-MM-DD; false if malformed.
bool DaysBetween(const std::string& from, const std::string& to, long* days);

}  // namespace costsite::app

#endif  // COSTSITE_APP_SITE_CHECKS_H_
