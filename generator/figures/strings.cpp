#include "figures/strings.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace costsite::figures {

namespace {

// The keys this stage uses; their text is in templates/i18n/*.yaml.
constexpr std::array<std::string_view, 115> kKeys = {
    "item", "quantity", "unit_price", "by_formula", "cost", "share", "total", "subtotal", "rounded_note",
    "figure", "change", "change_pct", "ratio", "base", "entry", "unit", "date", "source",
    "sources", "region", "param", "value", "rule", "recommendation", "no_rules", "stated",
    "computed", "status", "note", "ok", "mismatch", "known_discrepancy", "formula", "inputs",
    "prices", "fx", "given", "conversion", "share_of", "as_of", "yes", "no", "progress", "progress_recommended",
    "recommended", "chart_data", "chart_breakdown", "chart_compare", "chart_range", "chart_stacked", "chart_history",
    "chart_log_scale", "range_from_to", "scenario", "low", "high", "mid",
    // Price variants the engine knows by name (a price list may label others).
    "variant_on_demand", "variant_spot", "variant_spot_avg", "variant_preemptible",
    "variant_batch", "variant_long", "variant_reserved_1y", "variant_reserved_3y",
    "variant_cached", "variant_off_peak",
    // Price shapes: a percentage of another variant, a time-of-day window, tiers.
    "price_percent_of", "price_hours", "price_tier_from", "price_tier_above", "price_tiers_whole", "price_tiers_marginal",
    // A price's two dates, and the date a scenario pins.
    "price_checked", "price_since", "scenario_as_of",
    // Actual spend: the cost budget table, and cost actuals tables and charts.
    "budget_table", "budget", "estimate", "actual_spend", "amount", "variance", "variance_pct",
    "spend_table", "spend_chart_daily", "spend_chart_monthly", "spend_other", "spend_none", "spend_tag",
    "spend_col_ProviderName", "spend_col_ServiceName", "spend_col_ServiceCategory", "spend_col_RegionName",
    "spend_col_SubAccountName", "spend_col_ChargeCategory",
    // An actual spend of another measure than BilledCost, named in its sources.
    "measure_EffectiveCost", "measure_ListCost", "measure_ContractedCost",
    // A price table's cell for what a price list does not give.
    "not_listed",
    // A `cost inputs` form: its name for screen readers, its reset button, the
    // status words the page's script fills in.
    "whatif_inputs", "whatif_reset", "whatif_updated", "whatif_invalid", "whatif_failed",
    // Its scenario picker and as-of date.
    "whatif_scenario", "whatif_as_of", "whatif_invalid_date",
    // Hugo's `heading` shortcode: the headings Kubernetes' docs pages share.
    "heading_prerequisites", "heading_objectives", "heading_whatsnext", "heading_cleanup",
    "heading_synopsis", "heading_options", "heading_options_from_parent", "heading_seealso"};

const std::string* Find(const UiWords* words, std::string_view lang, std::string_view key) {
  if (!words) return nullptr;
  auto table = words->find(lang);
  if (table == words->end()) return nullptr;
  auto text = table->second.find(key);
  return text == table->second.end() ? nullptr : &text->second;
}

bool Known(std::string_view key) { return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end(); }

}  // namespace

std::span<const std::string_view> WordKeys() { return kKeys; }

std::string UiText(std::string_view key, const Speaker& lang) {
  assert(Known(key) && "a UI word the figures stage uses must be listed in kKeys");
  if (const std::string* s = Find(lang.words, lang.lang, key)) return *s;
  if (const std::string* s = Find(lang.words, lang.fallback_lang, key)) return *s;
  return std::string(key);
}

std::string VariantLabel(std::string_view variant, const Speaker& lang) {
  std::string key = "variant_" + std::string(variant);
  if (!Known(key)) return std::string(variant);
  std::string text = UiText(key, lang);
  return text == key ? std::string(variant) : text;
}

std::string HeadingWord(std::string_view id, const Speaker& lang) {
  const std::string key = "heading_" + std::string(id);
  if (const std::string* s = Find(lang.words, lang.lang, key)) return *s;
  if (const std::string* s = Find(lang.words, lang.fallback_lang, key)) return *s;
  return {};
}

std::string_view PrimaryLanguage(std::string_view lang) { return lang.substr(0, lang.find_first_of("-_")); }

bool IsCjk(std::string_view lang) {
  std::string_view primary = PrimaryLanguage(lang);
  return primary == "zh" || primary == "ja";
}

}  // namespace costsite::figures
