// The date a page says its prices hold at (the print header, on paper and in
// PDFs) is the date its figures were evaluated at.
#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

std::string Model(const std::string& id, const std::string& as_of) {
  return "model: " + id + "\nunit: EUR/month\n" + (as_of.empty() ? "" : "as_of: " + as_of + "\n") +
         "items:\n  store: {formula: 1000 GB * @vdb/storage}\n";
}

void Page(const fs::path& src, const std::string& key, const std::string& body) {
  WriteAll(src / ("content/" + key + ".en.md"), "---\ntitle: " + key + "\n---\n" + body + "\n");
  WriteAll(src / ("content/" + key + ".zh.md"), "---\ntitle: " + key + "\n---\n" + body + "\n");
}

TEST_CASE("The print header dates a page's prices by its models' as_of, else the site's") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  WriteAll(src / "site.yaml", "title: {zh: 报告, en: Reports}\nlanguages: [zh, en]\ndefault_language: zh\nas_of: 2025-01-31\n");
  WriteAll(src / "pricing/providers/vdb.yaml",
           "provider: vdb\nname: {zh: 向量库, en: Vector DB}\ncurrency: EUR\nsource: https://vdb.example.eu/pricing\n"
           "date: 2025-03-01\nprices:\n  - id: storage\n    label: {zh: 存储, en: Storage}\n    unit: GB/month\n"
           "    price: 0.30\n    history:\n      - {date: 2024-06-01, price: 0.25}\n");
  WriteAll(src / "pricing/models/pinned.yaml", Model("pinned", "2025-03-15"));
  WriteAll(src / "pricing/models/site.yaml", Model("site", ""));
  Page(src, "pinned", "`=pinned.total`");
  Page(src, "site", "`=site.total`");
  Page(src, "both", "`=pinned.total` `=site.total`");
  fs::path out = tmp.path() / "out";
  CliResult r = Costsite("build --source " + src.string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  // The model pinned at 2025-03-15 shows that day's price, and the header says so.
  const std::string pinned = ReadAll(out / "en/pinned/index.html");
  CHECK(Has(pinned, "€300"));
  CHECK(Has(pinned, "Prices as of <time datetime=\"2025-03-15\">2025-03-15</time>"));
  CHECK(Has(ReadAll(out / "zh/pinned/index.html"), "<time datetime=\"2025-03-15\">2025-03-15</time>"));
  // A model without its own date is evaluated at the site's.
  const std::string site = ReadAll(out / "en/site/index.html");
  CHECK(Has(site, "€250"));
  CHECK(Has(site, "Prices as of <time datetime=\"2025-01-31\">2025-01-31</time>"));
  // Figures of two dates on one page: no single date is claimed for them.
  CHECK_FALSE(Has(ReadAll(out / "en/both/index.html"), "Prices as of"));
}

}  // namespace
}  // namespace costsite
