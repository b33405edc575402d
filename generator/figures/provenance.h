// Where a figure comes from: the popover every figure carries (formula,
// inputs by their labels, changes of unit, prices with dates and sources,
// exchange rates) and the list of sources a report ends with.
#ifndef COSTSITE_FIGURES_PROVENANCE_H_
#define COSTSITE_FIGURES_PROVENANCE_H_

#include <string>
#include <string_view>
#include <unordered_map>
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

/// The popovers of one page: numbers them, so each id is unique on it, and
/// writes each once. A figure shown inline and again in a table has one
/// explanation, and most figures of a report read the same price, so their
/// popovers and price lines are the same text each time (written anew, the
/// popovers were a ninth of a build's instructions at 13 figures a report).
class PagePopovers {
 public:
  PagePopovers() = default;
  /// Ids "prov-" + `part` + N, for a part of the page numbered on its own
  /// (the home page's listing beside its Markdown body).
  explicit PagePopovers(std::string_view part) : part_(part) {}
  /// Continues a page's numbering after `count` ids (a what-if fragment
  /// rendered again gets the ids the build gave it).
  PagePopovers(std::string_view part, int count) : part_(part), count_(count) {}
  int count() const { return count_; }
  std::string Next() { return std::string(kPopoverIdPrefix) + part_ + std::to_string(++count_); }
  /// ProvenanceHtml(f, lang), written once per explanation, label and
  /// language on the page.
  std::string Html(const cost::Figure& f, const Speaker& lang);
  /// A price's line in a popover, written once per price and language;
  /// good until the next call.
  const std::string& PriceLine(const cost::Shared<cost::PriceUse>& p, const Speaker& lang);

 private:
  // Each made text holds what it was made of, so no other value can come to
  // the same address while the page is written.
  struct Made {
    std::shared_ptr<const void> of;
    std::string lang, label;
    std::string html;
  };
  using Texts = std::unordered_map<const void*, std::vector<Made>>;  // by the address of what they are made of
  static const std::string* Find(const Texts& texts, const void* of, std::string_view lang, std::string_view label);
  std::string part_;
  int count_ = 0;
  Texts popovers_, prices_;
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
std::string FigureHtml(const cost::Figure& f, std::string_view text, const Speaker& lang, PagePopovers* ids);
/// As FigureHtml, with the figure's text given as HTML already escaped (a
/// table's "calls/<wbr>month", which may break after its slash).
std::string FigureMarkup(const cost::Figure& f, std::string_view html, const Speaker& lang, PagePopovers* ids);

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
