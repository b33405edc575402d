// HTML tables for the `cost …` directives: a model's line items, scenarios
// side by side, a price list, parameters, rules that hold and stated versus
// computed figures. Every table sits in a focusable scroll region, numeric
// columns carry class "num", and a column's shared unit is in its header.
// Figures carry popovers numbered by the page's PagePopovers.
#ifndef COSTSITE_FIGURES_TABLES_H_
#define COSTSITE_FIGURES_TABLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/format.h"
#include "figures/provenance.h"

namespace costsite::figures {

/// Label, quantity (with the factor its units need), unit price with its
/// date, cost, share; a formula item says it is computed; group subtotal
/// rows and a total row; a "figures are rounded" note when needed. `opt`'s
/// precision and compact apply to the cost column.
std::string LineItemTable(const cost::ModelResult& r, const Speaker& lang, SourceList* sources, PagePopovers* ids,
                          const FormatOptions& opt = {});

/// One column per result (the first is the reference): each figure's value,
/// its change, change in percent and ratio against the first. `opt`'s
/// precision and compact apply to values and changes.
std::string CompareTable(const std::vector<const cost::ModelResult*>& results,
                         const std::vector<std::string>& figure_ids, const Speaker& lang,
                         SourceList* sources, PagePopovers* ids, const FormatOptions& opt = {});

/// Budget, estimate and actual spend of one model (three of its figures, in
/// one unit), each with its variance against the budget in amount and in
/// percent. `opt`'s precision and compact apply to the amounts.
/// REQUIRES: the three figures exist in `r`.
std::string BudgetTable(const cost::ModelResult& r, const std::string& budget, const std::string& estimate,
                        const std::string& actual, const Speaker& lang, SourceList* sources, PagePopovers* ids,
                        const FormatOptions& opt = {});

/// A provider's entries (all when `entries` is empty), variants side by side.
std::string PriceTable(const cost::ProviderView& p, const std::vector<std::string>& entries,
                       const Speaker& lang, SourceList* sources);

/// Every dated value of one price (current and history), oldest first, a
/// column per variant.
std::string PriceHistoryTable(const cost::ProviderView& p, const cost::PriceEntryView& e, const Speaker& lang,
                              SourceList* sources);

/// The model's parameters and their values.
std::string ParamsTable(const cost::ModelResult& r, const Speaker& lang, PagePopovers* ids);

/// The recommendations whose conditions hold.
std::string RulesList(const cost::ModelResult& r, const Speaker& lang);

/// Stated versus computed figures with their status and audit notes.
std::string ExpectationsTable(const cost::ModelResult& r, const Speaker& lang, PagePopovers* ids);

/// The label of `r`'s scenario ("Base case" for the base).
std::string ScenarioLabel(const cost::ModelResult& r, const Speaker& lang);

/// The label of a figure in `lang`, else its id.
std::string FigureLabel(const cost::Figure& f, const Speaker& lang);

/// "USD/月": a money unit with its per part localised; other units localised.
std::string UnitHeader(const cost::Figure& f, const Speaker& lang);

/// Wraps a `<table>` in a labelled, keyboard-scrollable region.
std::string WrapTable(const std::string& table, std::string_view label);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_TABLES_H_
