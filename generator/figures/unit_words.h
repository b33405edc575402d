// How unit words read in each page language: a count's noun with its Chinese
// measure word ("32 块 GPU", "3.8 个月") and its English singular and plural
// ("1 GPU", "32 GPUs"), and the form a unit takes after a slash ("/月",
// "/month"). One table row per unit, keyed by every spelling the cost engine
// accepts for it; units a site declares (pricing `units:`) come before the
// built-in rows, so a site can rename any of them.
#ifndef COSTSITE_FIGURES_UNIT_WORDS_H_
#define COSTSITE_FIGURES_UNIT_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/units.h"

namespace costsite::figures {

/// One unit's words: the plain struct the cost stage carries for declared
/// units (cost/units.h), so no conversion sits between the two stages.
using UnitWords = cost::UnitNames;

/// The words of `key` ("gpus"), site declarations first; nullptr when unknown.
const UnitWords* FindUnitWords(std::string_view key, const std::vector<UnitWords>* declared = nullptr);

/// A count of `unit` in `lang` after a number: "块 GPU", "个月", "GPUs",
/// "months", "GB/月", "token/小时"; `one` when that number reads "1" as
/// shown (English takes the singular: "1 GPU", not for "1.0" or "1–2"). A
/// compound unit ("requests/s") names its first term as a count and the rest
/// as per-units. Unknown words stay as written.
std::string CountUnitText(std::string_view unit, bool one, std::string_view lang,
                          const std::vector<UnitWords>* declared = nullptr);

/// A unit after a slash, term by term: "1M tokens" -> "百万 token" / "1M tokens",
/// "month" -> "月" / "month", "GB/month" -> "GB/月".
std::string PerUnitText(std::string_view unit, std::string_view lang,
                        const std::vector<UnitWords>* declared = nullptr);

/// True when `unit` counts things that take a measure word ("gpus",
/// "sessions"), not a measure ("h", "GB", "tokens/h").
bool IsObjectCount(std::string_view unit, const std::vector<UnitWords>* declared = nullptr);

/// True when a number and the unit text are joined by a space in `lang`
/// (not for "%", "×").
bool SpacedUnit(std::string_view unit_text);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_UNIT_WORDS_H_
