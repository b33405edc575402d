#include "figures/format_icu.h"

#include <map>
#include <memory>
#include <atomic>
#include <mutex>

#include <unicode/currunit.h>
#include <unicode/measunit.h>
#include <unicode/numberformatter.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/unistr.h>

namespace costsite::figures {

namespace number = icu::number;

namespace {

// zh pages follow mainland conventions (zh-CN): ¥ for CNY, US$ for USD.
icu::Locale LocaleFor(std::string_view lang) {
  if (lang == "zh") return icu::Locale("zh", "CN");
  if (lang == "en") return icu::Locale("en", "US");
  return icu::Locale(std::string(lang).c_str());  // ICU reads "zh-cn" as zh_CN
}

std::string Run(const number::LocalizedNumberFormatter& f, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  number::FormattedNumber n = f.formatDecimal(icu::StringPiece(text.data(), text.size()), status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  n.toString(status).toUTF8String(out);
  return U_SUCCESS(status) ? out : std::string(text);
}

// What `f` writes around "1" and "-1".
Affixes AffixesOf(const number::LocalizedNumberFormatter& f) {
  Affixes a;
  std::string pos = Run(f, "1"), neg = Run(f, "-1");
  size_t p = pos.find('1'), n = neg.find('1');
  a.pos_prefix = pos.substr(0, p);
  a.pos_suffix = pos.substr(p + 1);
  a.neg_prefix = neg.substr(0, n);
  a.neg_suffix = neg.substr(n + 1);
  return a;
}

number::LocalizedNumberFormatter Base(std::string_view lang) {
  return number::NumberFormatter::withLocale(LocaleFor(lang)).roundingMode(UNUM_ROUND_HALFUP);
}

bool WithCurrency(number::LocalizedNumberFormatter* f, std::string_view code) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString ucode = icu::UnicodeString::fromUTF8(std::string(code));
  icu::CurrencyUnit unit(ucode.getTerminatedBuffer(), status);
  if (U_FAILURE(status)) return false;
  *f = f->unit(unit).unitWidth(UNUM_UNIT_WIDTH_SHORT);
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

LocaleData IcuLocaleData(std::string_view lang, const std::vector<std::string>& given) {
  LocaleData d;
  auto integer = Base(lang).precision(number::Precision::integer());
  d.plain = AffixesOf(integer);
  std::string sample = Run(Base(lang).precision(number::Precision::minMaxFraction(1, 1)), "1234.5");
  // "1,234.5": the group separator follows the first digit, the decimal one the fourth.
  size_t g = sample.find('2'), dot = sample.find('5', sample.find('4'));
  size_t four = sample.find('4');
  d.group = sample.substr(1, g - 1);
  d.decimal = sample.substr(four + 1, dot - four - 1);
  d.percent = AffixesOf(integer.unit(icu::MeasureUnit::getPercent()));
  std::vector<std::string> codes = given;
  if (codes.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration* all = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
    const char* code;
    int32_t len;
    while (U_SUCCESS(status) && (code = uenum_next(all, &len, &status)) != nullptr) codes.emplace_back(code, len);
    uenum_close(all);
  }
  for (const std::string& code : codes) {
    auto f = integer;
    if (!WithCurrency(&f, code)) continue;
    d.currency[code] = AffixesOf(f);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString ucode = icu::UnicodeString::fromUTF8(code);
    UBool is_choice = false;
    int32_t length = 0;
    const UChar* name = ucurr_getName(ucode.getTerminatedBuffer(), LocaleFor(lang).getName(), UCURR_LONG_NAME,
                                      &is_choice, &length, &status);
    if (U_SUCCESS(status) && name) icu::UnicodeString(name, length).toUTF8String(d.currency_name[code]);
  }
  // Compact steps: 10^m in compact notation is "1万", "10K": its digits give
  // the shift, the rest the suffix.
  auto compact = Base(lang).notation(number::Notation::compactShort()).precision(
      number::Precision::maxSignificantDigits(3));
  for (int m = 0; m <= 20; ++m) {
    std::string text = Run(compact, "1" + std::string(m, '0'));
    int digits = 0;
    size_t i = 0;
    for (; i < text.size() && (IsDigit(text[i]) || text.compare(i, d.group.size(), d.group) == 0);) {
      if (IsDigit(text[i])) ++digits, ++i;
      else i += d.group.size();
    }
    d.compact.push_back({m - (digits - 1), text.substr(i)});
  }
  return d;
}

std::string IcuNumberText(std::string_view decimal, const DigitRule& rule, std::string_view lang) {
  auto f = Base(lang);
  // Compact numbers group from four digits, as the rest of the page does.
  if (rule.compact) f = f.notation(number::Notation::compactShort()).grouping(UNUM_GROUPING_ON_ALIGNED);
  if (rule.significant3) f = f.precision(number::Precision::maxSignificantDigits(3));
  else f = f.precision(number::Precision::minMaxFraction(rule.min_fraction, rule.max_fraction));
  if (!rule.currency.empty()) WithCurrency(&f, rule.currency);
  if (rule.percent) f = f.unit(icu::MeasureUnit::getPercent());
  return Run(f, decimal);
}

namespace {
std::mutex locale_mu;
std::map<std::string, const LocaleData*, std::less<>> locales;
std::vector<std::unique_ptr<LocaleData>> kept;
std::atomic<int> generation_now{0};  // bumped when a language's data is replaced  // never freed: threads keep pointers to them
}  // namespace

const LocaleData& LocaleDataFor(std::string_view lang) {
  // Read for every number of every page: a thread remembers the languages it
  // has seen, so the lock is taken once per language and thread.
  thread_local std::vector<std::pair<std::string, const LocaleData*>> seen;
  thread_local int generation = -1;
  if (generation != generation_now.load()) seen.clear(), generation = generation_now.load();
  for (const auto& [l, data] : seen)
    if (l == lang) return *data;
  std::lock_guard<std::mutex> lock(locale_mu);
  auto it = locales.find(lang);
  if (it == locales.end()) {
    kept.push_back(std::make_unique<LocaleData>(IcuLocaleData(lang)));
    it = locales.emplace(std::string(lang), kept.back().get()).first;
  }
  seen.emplace_back(std::string(lang), it->second);
  return *it->second;
}

void SetLocaleData(std::string_view lang, LocaleData data) {
  std::lock_guard<std::mutex> lock(locale_mu);
  kept.push_back(std::make_unique<LocaleData>(std::move(data)));
  locales[std::string(lang)] = kept.back().get();
  ++generation_now;
}

}  // namespace costsite::figures
