#include "figures/strings.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace costsite::figures {

namespace {

// The keys this stage uses; their text is in templates/i18n/*.yaml.
constexpr std::array<std::string_view, 119> kKeys = {
    "item", "quantity", "unit_price", "by_formula", "cost", "share", "total", "subtotal", "rounded_note",
    "figure", "change", "change_pct", "ratio", "base", "entry", "unit", "date", "source",
    "sources", "region", "param", "params", "value", "rule", "rule_because", "recommendation", "no_rules", "stated",
    "computed", "status", "note", "ok", "mismatch", "known_discrepancy", "formula", "inputs",
    "prices", "fx", "given", "conversion", "share_of", "as_of", "yes", "no", "progress", "progress_met", "progress_recommended", "met",
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

namespace {

// The code point of the UTF-8 character starting at `s[at]` (0 when malformed).
char32_t CodePointAt(std::string_view s, size_t at) {
  const auto b = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  const unsigned c = b(at);
  if (c < 0x80) return c;
  if ((c & 0xE0) == 0xC0) return ((c & 0x1F) << 6) | (b(at + 1) & 0x3F);
  if ((c & 0xF0) == 0xE0) return ((c & 0x0F) << 12) | ((b(at + 1) & 0x3F) << 6) | (b(at + 2) & 0x3F);
  if ((c & 0xF8) == 0xF0)
    return ((c & 0x07) << 18) | ((b(at + 1) & 0x3F) << 12) | ((b(at + 2) & 0x3F) << 6) | (b(at + 3) & 0x3F);
  return 0;
}

// The start of the UTF-8 character that ends just before `end`.
size_t LastCharStart(std::string_view s, size_t end) {
  size_t at = end - 1;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

bool IsIdeograph(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool IsLatinOrDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// True when `a` (the last character before a join) and `b` (the first after)
// are an ideograph and a Latin letter or digit, in either order.
bool NeedsSpace(char32_t a, char32_t b) {
  return (IsIdeograph(a) && IsLatinOrDigit(b)) || (IsLatinOrDigit(a) && IsIdeograph(b));
}

}  // namespace

std::string UiTextWith(std::string_view key, std::string_view name, std::string_view value, const Speaker& lang) {
  std::string text = UiText(key, lang);
  const std::string slot = "{" + std::string(name) + "}";
  const size_t at = text.find(slot);
  if (at == std::string::npos) return text;
  std::string before = text.substr(0, at), after = text.substr(at + slot.size());
  if (IsCjk(lang) && !value.empty()) {
    if (!before.empty() && NeedsSpace(CodePointAt(before, LastCharStart(before, before.size())), CodePointAt(value, 0)))
      before += ' ';
    if (!after.empty() && NeedsSpace(CodePointAt(value, LastCharStart(value, value.size())), CodePointAt(after, 0)))
      after.insert(after.begin(), ' ');
  }
  return before + std::string(value) + after;
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

std::string JoinCaption(std::string_view head, std::string_view tail, std::string_view lang) {
  auto colon = [](std::string_view s) {
    return s.find(':') != std::string_view::npos || s.find("\uFF1A") != std::string_view::npos;
  };
  const bool cjk = IsCjk(lang);
  const std::string_view sep = colon(head) || colon(tail) ? (cjk ? "\u2014\u2014" : " \u2014 ") : (cjk ? "\uFF1A" : ": ");
  return std::string(head) + std::string(sep) + std::string(tail);
}

}  // namespace costsite::figures
