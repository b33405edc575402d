// Where a figure comes from: the popover every figure carries (formula,
// inputs by their labels, changes of unit, prices with dates and sources,
// exchange rates) and the list of sources a report ends with.
#ifndef COSTSITE_FIGURES_PROVENANCE_H_
#define COSTSITE_FIGURES_PROVENANCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/strings.h"

namespace costsite::figures {

/// A price variant's name in `lang`: the price list's `variant_labels` entry
/// (`declared`, may be null), else the built-in name, else the id.
std::string VariantName(std::string_view variant, const LocalizedText* declared, const Speaker& lang);

/// A price's shape in words, "" for a plain price: "50% of on-demand",
/// "16:30–00:30 UTC", "from 200,000 tokens: US$2.50/1M tokens; all of it at
/// the tier its size falls in", joined by "; ". Tier prices carry `unit`'s
/// words when `with_unit` (a table's column header names them otherwise);
/// `of_label` is the declared label of the variant a percentage is of.
std::string PriceShapeText(const cost::PriceShape& shape, const cost::Unit& unit, const LocalizedText* of_label,
                           bool with_unit, const Speaker& lang);

/// The prefix of popover ids: "prov-1", "prov-2"… (headings leave them free).
inline constexpr std::string_view kPopoverIdPrefix = "prov-";

/// Numbers the popovers of one page, so each id is unique on it.
class PopoverIds {
 public:
  PopoverIds() = default;
  /// Ids "prov-" + `part` + N, for a part of the page numbered on its own
  /// (the home page's listing beside its Markdown body).
  explicit PopoverIds(std::string_view part) : part_(part) {}
  /// Continues a page's numbering after `count` ids (a what-if fragment
  /// rendered again gets the ids the build gave it).
  PopoverIds(std::string_view part, int count) : part_(part), count_(count) {}
  int count() const { return count_; }
  std::string Next() { return std::string(kPopoverIdPrefix) + part_ + std::to_string(++count_); }

 private:
  std::string part_;
  int count_ = 0;
};

/// Where `f` comes from, in `lang`, as phrasing HTML (one `<span>` per line):
/// its label, the formula as `<code>`, each input by its label with its
/// value, each change of time unit, the prices with their dates and sources
/// (linked when a URL) and the exchange rates. "" when there is nothing to say.
std::string ProvenanceHtml(const cost::Figure& f, const Speaker& lang);

/// The figure `text` (escaped) as a focusable `<span class="fig"
/// role="button">` described by its popover, a hidden `<span class="fig-pop">`
/// beside it holding ProvenanceHtml (templates/popover.js shows it on hover,
/// focus and tap), the pair wrapped in `<span class="fig-wrap">`. A figure
/// with nothing to explain is a plain `<span class="fig">`.
std::string FigureHtml(const cost::Figure& f, std::string_view text, const Speaker& lang, PopoverIds* ids);

/// The prices a page showed, each once, in first-use order.
class SourceList {
 public:
  void Add(const cost::PriceUse& p);
  /// Every price `e` used.
  void Add(const cost::Explanation& e);
  const std::vector<cost::PriceUse>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<cost::PriceUse> items_;
};

/// The id of the sources section's heading, which headings must not take.
inline constexpr std::string_view kSourcesId = "sources";

/// A price's dates in words: "in force from 2026-07-01, checked 2026-08-10"
/// (the first only when it differs from the second), as HTML with <time>.
std::string PriceDatesHtml(const cost::PriceUse& p, const Speaker& lang);
/// "<time datetime=…>2026-08-10</time>"; "" for no date.
std::string TimeHtml(const std::string& date);
/// A UI sentence with a {date} in it ("checked {date}"), the date as <time>.
std::string DateWords(std::string_view key, const std::string& date, const Speaker& lang);

/// `<section class="sources">` with a heading and one entry per price, or ""
/// when there is none.
std::string RenderSources(const std::vector<cost::PriceUse>& prices, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_PROVENANCE_H_
