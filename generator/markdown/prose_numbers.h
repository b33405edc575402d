// Numbers typed in prose, in every form the display layer prints them
// ("1,150", "$1,150", "US$1,150", "CN¥8,280", "10 万", "1.5 亿", "$52.67M",
// "100k", "83.2%"), and the figures of a page's models they could stand for.
// `check` uses both to find a figure typed by hand instead of referenced.
#ifndef COSTSITE_MARKDOWN_PROSE_NUMBERS_H_
#define COSTSITE_MARKDOWN_PROSE_NUMBERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace costsite::cost {
struct Figure;
struct ModelResult;
struct Unit;
}  // namespace costsite::cost

namespace costsite::markdown {

/// A number typed in prose ("17,232.40", "1.7万", "83%"), with its value
/// (a double: the drift checks are a heuristic to within 0.5 %).
struct LiteralNumber {
  std::string text;  // as typed, currency sign and scale included: "US$10 万"
  double value = 0;  // scale applied: "10 万" is 100000
  bool percent = false;
  int significant = 0;  // significant digits as typed: "1,500" 2, "248.20" 4
  int decimals = 0;     // digits after the point: "99.95%" 2
  // What the number counts when its text says so ("US$", "GB", "小时",
  // "QPS" after it): "USD", "GB", "h", "requests"…; "" when unsaid.
  std::string kind;
  SourcePos pos;
  // Below 10 ("8 QPS", "2 小时", "$5"): kept only when what it counts is said,
  // and compared only with the models referred to in the same paragraph,
  // heading or table row (`nearby_models`, filled by CollectCostRefs). Small
  // counts are everywhere in prose ("3 nodes", "2 TB of disk"); a model's
  // reference beside one is what makes it likely to be that model's figure.
  bool small = false;
  std::vector<std::string> nearby_models;
};

/// The numbers in one run of prose text; years and dates are skipped, and
/// numbers below 10 unless a unit word or currency sign says what they count
/// (then `small`). `pos.col` of each is its byte offset in `text`.
std::vector<LiteralNumber> FindNumbers(std::string_view text);

/// What a value in `u` counts, as LiteralNumber::kind: the currency of
/// money, "GB", "h", "requests/s"…; "" for a bare or unlisted unit.
std::string UnitKind(const cost::Unit& u);

/// The figures and parameters of the models a page uses, searchable by value.
class FigureIndex {
 public:
  struct Entry {
    double value = 0;
    std::string name;  // "model.figure" or "model[scenario].figure", as a page writes it
    const cost::Figure* figure = nullptr;
    bool param = false;
    bool percent = false;  // the figure's unit is "%"
    std::string kind;      // as LiteralNumber::kind, from the figure's unit
    const std::string* model = nullptr;  // the model's id (of the evaluation's result)
  };

  /// Adds every parameter and figure of `r` (both ends of a range).
  void Add(const cost::ModelResult& r);
  /// Sorts the entries; call once after the last Add.
  void Finish();
  /// The figure `n` repeats, nullptr when none: a number of three or more
  /// significant digits within 0.5 % of a value, a rounder one ("100",
  /// "10 万", "70%") equal to it; a percent only matches a "%" figure. What
  /// the number counts must agree: "500 GB" matches a figure in GB and not
  /// "500 questions", "US$100" or "100 美元" a USD figure; a figure of a
  /// known kind (money, data, time, requests, tokens…) needs its kind said.
  /// A percent of three or more digits is within half its last typed digit
  /// ("83.2%" 83.15–83.25); a rounder percent ("70%") is not checked.
  /// A small number (LiteralNumber::small) matches only figures of its
  /// `nearby_models`. The closest value wins, then the first added.
  const Entry* Match(const LiteralNumber& n) const;

 private:
  std::vector<Entry> entries_;
};

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_PROSE_NUMBERS_H_
