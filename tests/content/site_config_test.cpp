#include "content/site_config.h"

#include <catch2/catch.hpp>

namespace costsite::content {
namespace {

TEST_CASE("ParseSiteConfig reads titles, languages and options") {
  Diagnostics diags;
  SiteConfig cfg = ParseSiteConfig("site.yaml",
                                   "title: {zh: 成本, en: Costs}\n"
                                   "languages: [zh, en]\n"
                                   "default_language: en\n"
                                   "raw_html: true\n"
                                   "toc_min_headings: 2\n"
                                   "as_of: 2025-06-30\n",
                                   &diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(cfg.title.at("zh") == "成本");
  CHECK(cfg.languages == std::vector<std::string>{"zh", "en"});
  CHECK(cfg.default_language == "en");
  CHECK(cfg.raw_html);
  CHECK(cfg.toc_min_headings == 2);
  CHECK(cfg.as_of == "2025-06-30");
}

TEST_CASE("ParseSiteConfig defaults the default language to the first") {
  Diagnostics diags;
  SiteConfig cfg = ParseSiteConfig("site.yaml", "title: T\nlanguages: [zh, en]\n", &diags);
  CHECK(cfg.default_language == "zh");
  CHECK(cfg.pager_size == 200);  // a list is paginated from 201 entries
  CHECK_FALSE(cfg.raw_html);
}

TEST_CASE("ParseSiteConfig reads content_layout: suffix by default, or folders") {
  Diagnostics diags;
  CHECK(ParseSiteConfig("site.yaml", "title: T\n", &diags).content_layout == ContentLayout::kSuffix);
  CHECK(ParseSiteConfig("site.yaml", "title: T\ncontent_layout: folders\n", &diags).content_layout ==
        ContentLayout::kFolders);
  CHECK(ParseSiteConfig("site.yaml", "title: T\ncontent_layout: suffix\n", &diags).content_layout ==
        ContentLayout::kSuffix);
  CHECK_FALSE(diags.HasErrors());
  ParseSiteConfig("site.yaml", "title: T\ncontent_layout: dirs\n", &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].pos.col == 17);
  CHECK(all[0].message.rfind("'content_layout' must be 'suffix'", 0) == 0);
}

TEST_CASE("ParseSiteConfig reports malformed YAML with its position") {
  Diagnostics diags;
  ParseSiteConfig("site.yaml", "title: T\nlanguages: [zh, en\n", &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].pos.path == "site.yaml");
  CHECK(all[0].pos.line == 2);  // at the bracket left open, not where the parser gave up
  CHECK(all[0].pos.col == 12);
  CHECK(all[0].message == "'[' is not closed: end the list with ']'");
}

TEST_CASE("ParseSiteConfig rejects a default language outside the list and bad codes") {
  Diagnostics diags;
  ParseSiteConfig("site.yaml", "title: T\nlanguages: [zh, English]\ndefault_language: fr\n", &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 2);
  CHECK(FormatDiagnostic(all[0]) ==
        "site.yaml:2:17: error: 'English' is not a language code (expected e.g. zh, en, pt-BR)\n"
        " 2 | languages: [zh, English]\n"
        "   |                 ^\n");
  CHECK(FormatDiagnostic(all[1]) ==
        "site.yaml:3:19: error: default_language 'fr' is not one of the site's languages (zh)\n"
        " 3 | default_language: fr\n"
        "   |                   ^~\n");

  // Languages that are no list: that one error, not the default checked against a guess.
  Diagnostics none;
  ParseSiteConfig("site.yaml", "title: T\nlanguages: []\ndefault_language: zh\n", &none);
  REQUIRE(none.Sorted().size() == 1);
  CHECK(none.Sorted()[0].message == "'languages' must be a non-empty list such as [zh, en]");
}

TEST_CASE("ParseSiteConfig reads translation_fallback: true unless set") {
  Diagnostics diags;
  CHECK(ParseSiteConfig("site.yaml", "title: T\n", &diags).translation_fallback);
  CHECK_FALSE(ParseSiteConfig("site.yaml", "title: T\ntranslation_fallback: false\n", &diags).translation_fallback);
  CHECK_FALSE(diags.HasErrors());
  ParseSiteConfig("site.yaml", "title: T\ntranslation_fallback: sometimes\n", &diags);
  auto all = diags.Sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].pos.col == 23);
  CHECK(all[0].message == "'translation_fallback' must be true or false");
}

TEST_CASE("An unknown setting names the one meant, as Hugo spells it or mistyped") {
  Diagnostics diags;
  ParseSiteConfig("site.yaml", "title: T\nbaseURL: https://x.example\nmonth_hour: 700\nDefault-Language: zh\ncolour: red\n",
                  &diags);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.Sorted()) messages.push_back(d.message);
  CHECK(messages == std::vector<std::string>{
                        "unknown setting 'baseURL' (did you mean 'base_url'?)",
                        "unknown setting 'month_hour' (did you mean 'month_hours'?)",
                        "unknown setting 'Default-Language' (did you mean 'default_language'?)",
                        "unknown setting 'colour'",
                    });
}

TEST_CASE("HtmlLang maps site languages to BCP 47 tags") {
  CHECK(HtmlLang("zh") == "zh-CN");
  CHECK(HtmlLang("en") == "en");
  CHECK(HtmlLang("zh-cn") == "zh-CN");  // Hugo's usual folder name
  CHECK(HtmlLang("zh_tw") == "zh-TW");
  CHECK(HtmlLang("zh-hans") == "zh-Hans");
  CHECK(HtmlLang("pt-BR") == "pt-BR");
}

}  // namespace
}  // namespace costsite::content
