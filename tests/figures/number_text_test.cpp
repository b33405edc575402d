// The ICU-free number writer against ICU itself: the build's figures come
// from NumberText, so it must write every number exactly as ICU would.
#include "figures/number_text.h"

#include <catch2/catch.hpp>

#include "figures/format_icu.h"

namespace costsite::figures {
namespace {

std::vector<std::string> Samples() {
  std::vector<std::string> out = {"0", "1", "-1", "0.5", "0.05", "0.004", "0.0049", "0.00135", "0.995", "9.995",
                                  "99.95", "999.5", "999.4", "1000", "1234.5", "9999", "9999.5", "10000",
                                  "12345", "99949", "99950", "99999", "100000", "123456.78", "999500",
                                  "999999", "1000000", "1234567.891", "99999999", "100000000",
                                  "123456789012", "999999999999", "1000000000000", "12345678901234567",
                                  "-0.001", "-1234.5", "-99999", "2054794.5", "3.757", "0.0035", "7.088",
                                  "1257.3", "83.2", "0.125", "0.0001", "1.005", "1.0049999"};
  // And a sweep of digits and magnitudes.
  const char* digits[] = {"1", "15", "149", "1499", "15001", "2499999", "95", "995", "9995", "99995"};
  for (const char* d : digits) {
    for (int e = -6; e <= 14; ++e) {
      std::string s = d;
      int point = static_cast<int>(s.size()) + e;
      if (point <= 0) s = "0." + std::string(-point, '0') + s;
      else if (point >= static_cast<int>(s.size())) s += std::string(point - s.size(), '0');
      else s = s.substr(0, point) + "." + s.substr(point);
      out.push_back(s);
      out.push_back("-" + s);
    }
  }
  return out;
}

TEST_CASE("NumberText writes numbers as ICU does in zh and en", "[figures][format][whatif]") {
  std::vector<DigitRule> rules;
  for (int max = 0; max <= 5; ++max) {
    for (int min = 0; min <= max; min += (max == 0 ? 1 : max)) {
      for (const char* currency : {"", "USD", "CNY", "EUR", "JPY", "CHF", "HKD"}) {
        for (bool percent : {false, true}) {
          if (percent && *currency) continue;
          for (bool compact : {false, true}) {
            DigitRule r;
            r.min_fraction = min;
            r.max_fraction = max;
            r.compact = compact;
            r.currency = currency;
            r.percent = percent;
            rules.push_back(r);
            if (compact && max == 0) {
              r.significant3 = true;
              rules.push_back(r);
            }
          }
        }
      }
    }
  }
  size_t checked = 0;
  for (const char* lang : {"zh", "en"}) {
    const LocaleData& data = LocaleDataFor(lang);
    for (const std::string& v : Samples()) {
      for (const DigitRule& r : rules) {
        std::string icu = IcuNumberText(v, r, lang);
        std::string ours = NumberText(v, r, data);
        if (icu != ours) {
          INFO(lang << " " << v << " min " << r.min_fraction << " max " << r.max_fraction << " currency '"
                    << r.currency << "' percent " << r.percent << " compact " << r.compact << " sig3 "
                    << r.significant3);
          CHECK(ours == icu);
        }
        ++checked;
      }
    }
  }
  CHECK(checked > 10000);
}

TEST_CASE("Locale data read from ICU names the symbols the site shows", "[figures][format][whatif]") {
  LocaleData zh = IcuLocaleData("zh", {"USD", "CNY"});
  CHECK(zh.currency.at("USD").pos_prefix == "US$");
  CHECK(zh.currency.at("CNY").pos_prefix == "¥");
  CHECK(zh.currency_name.at("USD") == "美元");
  CHECK(zh.compact.at(4).suffix == "万");
  CHECK(zh.compact.at(4).shift == 4);
  CHECK(zh.compact.at(3).suffix.empty());
  LocaleData en = IcuLocaleData("en", {"USD"});
  CHECK(en.currency.at("USD").pos_prefix == "$");
  CHECK(en.compact.at(3).suffix == "K");
  CHECK(en.group == ",");
  CHECK(en.decimal == ".");
}

}  // namespace
}  // namespace costsite::figures
