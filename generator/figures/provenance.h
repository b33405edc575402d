// Where a figure comes from: the tooltip every figure carries (formula,
// inputs, prices with dates and sources, exchange rates) and the list of
// sources a report ends with.
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

/// The plain-text explanation of `f` in `lang`, one fact per line.
std::string ProvenanceText(const cost::Figure& f, const Speaker& lang);

/// `<abbr class="fig" tabindex="0" title="…">`: focusable by keyboard, no script.
std::string FigureOpenTag(const cost::Figure& f, const Speaker& lang);

/// The open tag, `text` escaped, and `</abbr>`.
std::string FigureHtml(const cost::Figure& f, std::string_view text, const Speaker& lang);

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

/// `<section class="sources">` with a heading and one entry per price, or ""
/// when there is none.
std::string RenderSources(const std::vector<cost::PriceUse>& prices, const Speaker& lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_PROVENANCE_H_
