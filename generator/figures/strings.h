// The words the figures stage writes itself (table headers, the provenance
// labels, price variant names). Their text is data: the theme's i18n files
// (templates/i18n/LANG.yaml, which a site overrides key by key) are loaded by
// the render stage into `UiWords` and handed down with the page's language, so
// this stage holds only the list of keys it uses, never the text.
#ifndef COSTSITE_FIGURES_STRINGS_H_
#define COSTSITE_FIGURES_STRINGS_H_

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "base/localized.h"

namespace costsite::figures {

/// One language's UI words by key; looked up by string_view without a copy.
using WordTable = std::map<std::string, std::string, std::less<>>;
/// UI words by language, then key: words["zh"]["total"] == "合计".
using UiWords = std::map<std::string, WordTable, std::less<>>;

/// Who the figures are written for: the page's language, the site's words and
/// the site's default language (used where `lang` lacks a word or a label).
/// Converts to the language code for the number and unit rules, which need
/// nothing else.
struct Speaker {
  std::string_view lang;
  const UiWords* words = nullptr;   // nullptr: every word is shown as its key
  std::string_view fallback_lang; // site.yaml `default_language`

  operator std::string_view() const { return lang; }
};

/// Every key the figures stage asks for, variants included ("variant_spot");
/// each must be in every built-in i18n file (a test checks).
std::span<const std::string_view> WordKeys();

/// The text for `key` in the speaker's language, else in the fallback
/// language, else the key itself. REQUIRES: `key` is in WordKeys().
std::string UiText(std::string_view key, const Speaker& lang);

/// The UI word `key` with "{name}" replaced by `value`. On a CJK page a
/// space separates an ideograph from a Latin letter or digit where the two
/// meet ("相对 2024 年末价格的变化", "与 Spot 之比"), as the theme writes
/// mixed text elsewhere ("32 块 GPU").
std::string UiTextWith(std::string_view key, std::string_view name, std::string_view value, const Speaker& lang);

/// A price variant's name ("按需", "On-demand"), from the word
/// `variant_<id>`; the id itself for a variant the theme does not name.
std::string VariantLabel(std::string_view variant, const Speaker& lang);

/// The words of Hugo's `{{% heading "ID" %}}` in the speaker's language:
/// the UI word `heading_ID` (built in for the headings Kubernetes' docs
/// pages share: prerequisites, objectives, whatsnext, cleanup, …; a site
/// adds others in its templates/i18n/), else in the fallback language; ""
/// when neither has it.
std::string HeadingWord(std::string_view id, const Speaker& lang);

/// A label given per language in the site's data, else in the site's default
/// language, else any.
inline const std::string& Pick(const LocalizedText& t, const Speaker& lang) {
  return costsite::Pick(t, lang.lang, lang.fallback_lang);
}
using costsite::Pick;

/// The primary language subtag of a site language code: "zh-cn", "zh-CN",
/// "zh_Hans" -> "zh"; "en" -> "en". Hugo sites name languages with regions
/// (content/zh-cn/), and such a language reads and is written as its primary one.
std::string_view PrimaryLanguage(std::string_view lang);

/// True for languages written without spaces between a number and its unit word.
bool IsCjk(std::string_view lang);

/// `head` and `tail` of a caption joined by a colon ("Scenario comparison:
/// Monthly cost"), or by a dash when either already holds one ("Cost
/// tracker example: one day — Scenario comparison", "…的用量——方案对比").
std::string JoinCaption(std::string_view head, std::string_view tail, std::string_view lang);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_STRINGS_H_
