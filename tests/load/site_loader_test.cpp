#include "load/site_loader.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace costsite::load {
namespace {

namespace fs = std::filesystem;

TEST_CASE("LoadConfig reads site.yaml, and a missing one is an error only where it is required") {
  TempDir tmp;
  content::SiteConfig cfg;
  Diagnostics diags;
  CHECK_FALSE(LoadConfig(tmp.path(), &cfg, &diags));
  REQUIRE(diags.Sorted().size() == 1);
  CHECK(diags.Sorted()[0].message.rfind("no site.yaml in ", 0) == 0);

  Diagnostics optional;
  CHECK(LoadConfig(tmp.path(), &cfg, &optional, /*required=*/false));
  CHECK(optional.Sorted().empty());
  CHECK(cfg.month_hours == 730);

  WriteAll(tmp.path() / "site.yaml", "title: T\nmonth_hours: 720\nas_of: 2025-01-31\n");
  Diagnostics read;
  CHECK(LoadConfig(tmp.path(), &cfg, &read, /*required=*/false, "old/site.yaml"));
  CHECK(cfg.month_hours == 720);
  pricing::Options options = PricingOptions(cfg);
  CHECK(options.month_hours == 720);
  CHECK(options.as_of == "2025-01-31");

  WriteAll(tmp.path() / "site.yaml", "title: T\nmonth_hours: -1\n");
  Diagnostics bad;
  LoadConfig(tmp.path(), &cfg, &bad, /*required=*/false, "old/site.yaml");
  REQUIRE(bad.Sorted().size() == 1);
  CHECK(bad.Sorted()[0].pos.path == "old/site.yaml");  // named as the caller shows it
}

TEST_CASE("LoadSite reads every part of the folder through one layout") {
  TempDir tmp;
  const fs::path root = tmp.path();
  WriteAll(root / "site.yaml", "title: {zh: 站, en: Site}\nlanguages: [zh, en]\n");
  WriteAll(root / "content/a.zh.md", "---\ntitle: 甲\n---\n");
  WriteAll(root / "content/a.en.md", "---\ntitle: A\n---\n");
  WriteAll(root / "static/img/logo.svg", "<svg/>");
  WriteAll(root / "static/robots.txt", "User-agent: *\n");
  WriteAll(root / "templates/i18n/en.yaml", "not_found: Nothing here.\n");
  LoadedSite site;
  Diagnostics diags;
  REQUIRE(LoadSite(root, LoadOptions(), &site, &diags));
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(site.pages.size() == 2);  // the home page and a
  CHECK(site.static_files == std::vector<std::string>{"img/logo.svg", "robots.txt"});
  CHECK(site.theme.strings.at("en").at("not_found") == "Nothing here.");
  CHECK(site.theme.strings.at("zh").at("not_found") == "页面不存在。");
  CHECK(site.evaluation.results().empty());  // no pricing/: nothing to evaluate, no error
}

}  // namespace
}  // namespace costsite::load
