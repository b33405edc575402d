// UI words: every key the figures stage uses is in each built-in language, and
// a word missing in the page language comes from the site's default language.
#include "figures/strings.h"

#include <catch2/catch.hpp>

#include "tests/figures/words_fixture.h"

namespace costsite::figures {
namespace {

TEST_CASE("A language with a region or script reads as its primary language") {
  CHECK(PrimaryLanguage("zh-cn") == "zh");
  CHECK(PrimaryLanguage("zh_Hans") == "zh");
  CHECK(PrimaryLanguage("en") == "en");
  CHECK(IsCjk("zh-cn"));
  CHECK(IsCjk("ja-JP"));
  CHECK_FALSE(IsCjk("en-us"));
}

TEST_CASE("Every UI word the figures stage uses is in each built-in i18n file") {
  const UiWords& words = testing::BuiltinWordsForTest();
  for (const char* lang : {"zh", "en"}) {
    REQUIRE(words.count(lang) == 1);
    const auto& table = words.at(lang);
    for (std::string_view key : WordKeys()) {
      INFO(lang << ": " << key);
      auto it = table.find(std::string(key));
      REQUIRE(it != table.end());
      CHECK_FALSE(it->second.empty());
    }
  }
}

TEST_CASE("UI words come from the page language, else the site's default language") {
  const UiWords words = {{"zh", {{"total", "合计"}, {"unit_price", "单价"}, {"variant_spot", "竞价"}}},
                         {"en", {{"total", "Total"}, {"unit_price", "Unit price"}}},
                         {"ja", {{"total", "合計"}}}};
  struct Case {
    std::string_view lang, fallback, key, want;
  };
  const Case cases[] = {
      {"ja", "zh", "total", "合計"},       // the page language has it
      {"ja", "zh", "unit_price", "单价"},  // the default language fills in, not English
      {"ja", "en", "unit_price", "Unit price"},
      {"fr", "zh", "total", "合计"},       // a language with no words at all
      {"en", "zh", "variant_spot", "竞价"},
  };
  for (const Case& c : cases) {
    INFO(c.lang << " / " << c.fallback << " / " << c.key);
    CHECK(UiText(c.key, {c.lang, &words, c.fallback}) == c.want);
  }
}

TEST_CASE("Price variants are named from the words, and an unknown variant keeps its id") {
  const UiWords words = {{"zh", {{"variant_spot", "竞价"}}}, {"en", {{"variant_spot", "Spot"}}}};
  CHECK(VariantLabel("spot", {"en", &words, "zh"}) == "Spot");
  CHECK(VariantLabel("spot", {"ja", &words, "zh"}) == "竞价");
  CHECK(VariantLabel("gpu_night", {"en", &words, "zh"}) == "gpu_night");
  CHECK(VariantLabel("cached", {"en", &words, "zh"}) == "cached");  // known key, no text in this site
}

TEST_CASE("A word's placeholder is filled with a space where Chinese meets a Latin word or a digit") {
  const figures::Speaker zh = testing::SpeakerFor("zh"), en = testing::SpeakerFor("en");
  CHECK(UiTextWith("change", "first", "2024 年末价格", zh) == "相对 2024 年末价格的变化");
  CHECK(UiTextWith("ratio", "first", "2024 年末价格", zh) == "与 2024 年末价格之比");
  CHECK(UiTextWith("ratio", "first", "Spot 实例", zh) == "与 Spot 实例之比");
  CHECK(UiTextWith("ratio", "first", "基准", zh) == "与基准之比");
  CHECK(UiTextWith("change_pct", "first", "v2", zh) == "相对 v2 的变化率");
  // Full-width punctuation takes no space; English is written as it is.
  CHECK(UiTextWith("rule_because", "condition", "GPU 占比过半", zh) == "（原因：GPU 占比过半）");
  CHECK(UiTextWith("ratio", "first", "2024 prices", en) == "Ratio to 2024 prices");
}

TEST_CASE("Labels given per language fall back to the site's default language") {
  const LocalizedText label = {{"zh", "月度总计"}, {"en", "Monthly total"}};
  CHECK(Pick(label, Speaker{"ja", nullptr, "zh"}) == "月度总计");
  CHECK(Pick(label, Speaker{"ja", nullptr, "en"}) == "Monthly total");
  CHECK(Pick(label, Speaker{"en", nullptr, "zh"}) == "Monthly total");
}

}  // namespace
}  // namespace costsite::figures
