// serve's incremental updates: an edited page re-renders that page only, a
// changed price re-renders the pages whose figures depend on it (and says how
// many), an update with errors writes nothing, and structural changes fall
// back to a full build.
#include "app/serve_session.h"

#include <catch2/catch.hpp>

#include "markdown/markdown.h"
#include "tests/app/run_costsite.h"

namespace costsite::app {
namespace {

namespace fs = std::filesystem;

// A bilingual site of `n` reports; report i shows model m<i % models>.
void WriteSite(const fs::path& root, int n, int models, const std::string& settings = "") {
  WriteAll(root / "site.yaml", "title: {zh: 站点, en: Site}\nlanguages: [zh, en]\n" + settings);
  WriteAll(root / "pricing/cloud.yaml",
           "provider: cloud\nname: Cloud\ncurrency: USD\nsource: https://example.com\ndate: 2024-01-01\n"
           "prices:\n  - id: a\n    unit: USD/h\n    price: 0.5\n  - id: b\n    unit: USD/h\n    price: 2\n");
  for (int m = 0; m < models; ++m)
    WriteAll(root / ("pricing/m" + std::to_string(m) + ".yaml"),
             "model: m" + std::to_string(m) + "\nunit: USD/month\nitems:\n  vm: {quantity: " +
                 std::to_string(m + 1) + "00 h/month, price: \"@cloud/" + (m % 2 ? "b" : "a") + "\"}\n");
  for (int i = 0; i < n; ++i) {
    std::string id = std::to_string(i), model = "m" + std::to_string(i % models);
    WriteAll(root / ("content/r" + id + ".zh.md"), "---\ntitle: 报告 " + id + "\n---\n## 成本\n\n总计 `=" + model + ".total`。\n");
    WriteAll(root / ("content/r" + id + ".en.md"), "---\ntitle: Report " + id + "\n---\n## Cost\n\nTotal `=" + model + ".total`.\n");
  }
}

struct Fixture {
  TempDir tmp;
  fs::path src = tmp.path() / "src", out = tmp.path() / "out";
  std::unique_ptr<ServeSession> session;

  Fixture(int n, int models, const std::string& settings = "") {
    WriteSite(src, n, models, settings);
    markdown::Initialize();
    BuildOptions opt;
    opt.source = src;
    opt.out = out;
    opt.threads = 2;
    session = std::make_unique<ServeSession>(opt);
    UpdateReport full = session->FullBuild();
    INFO(full.errors);
    REQUIRE(full.ok);
    REQUIRE(full.full);
  }
  std::string Page(const std::string& rel) { return ReadAll(out / rel); }
};

TEST_CASE("An edited page re-renders alone and only its changed file is written") {
  Fixture f(6, 2);
  auto before = Snapshot(f.out);
  WriteAll(f.src / "content/r3.en.md", "---\ntitle: Report 3\n---\n## Cost\n\nTotal `=m1.total`, edited.\n");
  UpdateReport r = f.session->Update({"content/r3.en.md"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(r.pages_rendered == 2);  // the page, in both languages
  CHECK(r.pages_total == 14);     // six reports and the home page
  CHECK(r.files_written == 2);   // the page and its search text; the zh version came out the same
  auto after = Snapshot(f.out);
  CHECK(after["en/r3/index.html"].find("edited.") != std::string::npos);
  for (const auto& [path, bytes] : before)
    if (path != "en/r3/index.html" && path != "en/r3/index.search.js") CHECK(after[path] == bytes);
  CHECK(after["en/r3/index.search.js"].find("edited.") != std::string::npos);
}

TEST_CASE("An edited HTML page re-renders alone, its body written as it is") {
  Fixture f(3, 1);
  WriteAll(f.src / "content/landing.en.html", "---\ntitle: Landing\n---\n<p class=\"x\">First</p>\n");
  REQUIRE(f.session->FullBuild().ok);
  WriteAll(f.src / "content/landing.en.html", "---\ntitle: Landing\n---\n<p class=\"x\">Second</p>\n");
  UpdateReport r = f.session->Update({"content/landing.en.html"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(f.Page("en/landing/index.html").find("<p class=\"x\">Second</p>") != std::string::npos);
}

TEST_CASE("An edit of a title writes the site files a build writes: the root index and 404.html") {
  Fixture f(2, 1);
  fs::remove(f.out / "404.html");
  fs::remove(f.out / "index.html");
  WriteAll(f.src / "content/r1.en.md", "---\ntitle: Report 1, edited\n---\n## Cost\n\nTotal `=m0.total`.\n");
  UpdateReport r = f.session->Update({"content/r1.en.md"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(f.Page("404.html").find("This page does not exist.") != std::string::npos);
  CHECK(f.Page("index.html").find("url=zh/index.html") != std::string::npos);
}

TEST_CASE("A changed static file or bundle file is copied by a full build") {
  Fixture f(1, 1);
  WriteAll(f.src / "static/img/a.svg", "<svg>1</svg>");
  UpdateReport r = f.session->Update({"static/img/a.svg"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.full);
  CHECK(f.Page("img/a.svg") == "<svg>1</svg>");
  WriteAll(f.src / "content/b/index.zh.md", "---\ntitle: 乙\n---\n");
  WriteAll(f.src / "content/b/index.en.md", "---\ntitle: B\n---\n");
  REQUIRE(f.session->Update({"content/b/index.zh.md", "content/b/index.en.md"}).ok);
  WriteAll(f.src / "content/b/pic.svg", "<svg>2</svg>");
  r = f.session->Update({"content/b/pic.svg"});
  REQUIRE(r.ok);
  CHECK(r.full);
  CHECK(f.Page("en/b/pic.svg") == "<svg>2</svg>");
  CHECK(f.Page("zh/b/pic.svg") == "<svg>2</svg>");
}

TEST_CASE("A changed billing export under actuals/ rebuilds the site with the new actual spend") {
  Fixture f(1, 1);
  const std::string header =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,BilledCost\n";
  WriteAll(f.src / "actuals/2024-09.csv", header + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,12.5\n");
  WriteAll(f.src / "pricing/spend.yaml", "model: spend\nunit: USD/month\nitems:\n  ec2: {formula: 'actual(ServiceName=\"EC2\", period=2024-09)'}\n");
  WriteAll(f.src / "content/r0.en.md", "---\ntitle: Report 0\n---\n## Cost\n\nSpent `=spend.total`.\n");
  UpdateReport first = f.session->Update({"actuals/2024-09.csv", "pricing/spend.yaml", "content/r0.en.md"});
  INFO(first.errors);
  REQUIRE(first.ok);
  CHECK(f.Page("en/r0/index.html").find("$12.50/month") != std::string::npos);
  WriteAll(f.src / "actuals/2024-09.csv", header + "USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,EC2,40\n");
  UpdateReport r = f.session->Update({"actuals/2024-09.csv"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.full);
  CHECK(f.Page("en/r0/index.html").find("$40/month") != std::string::npos);
}

TEST_CASE("A changed price re-renders only the pages whose figures depend on it") {
  Fixture f(8, 4);  // m0, m2 use cloud/a; m1, m3 use cloud/b; report i shows m(i % 4)
  std::string untouched = f.Page("en/r1/index.html");
  std::string price_list = ReadAll(f.src / "pricing/cloud.yaml");
  WriteAll(f.src / "pricing/cloud.yaml", price_list.substr(0, price_list.find("price: 0.5")) + "price: 0.75" +
                                            price_list.substr(price_list.find("price: 0.5") + 10));
  UpdateReport r = f.session->Update({"pricing/cloud.yaml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.repriced);
  CHECK(r.models_changed == 2);
  CHECK(r.models_total == 4);
  CHECK(r.pages_rendered == 8);  // r0, r2, r4, r6 in both languages
  CHECK(r.files_written == 8 + 8 + 4);  // their pages and search texts, and the JSON and CSV of m0 and m2
  CHECK(f.Page("en/r0/index.html").find("$75/month") != std::string::npos);  // 100 h × 0.75
  CHECK(f.Page("en/r1/index.html") == untouched);
  CHECK(ReadAll(f.out / "data/m0.json").find("\"lo\": \"75\"") != std::string::npos);
  CHECK(r.pricing_files_parsed == 1);  // the price list; the four models' files were unchanged
}

TEST_CASE("A changed price evaluates only the models that read it, and serves what a full build would") {
  // m4 reads m0, which reads cloud/a; m1, m2, m3 do not depend on it.
  Fixture f(6, 4);
  WriteAll(f.src / "pricing/m4.yaml", "model: m4\nunit: USD/month\nitems:\n  more: {formula: 2 * m0.total}\n");
  WriteAll(f.src / "content/r5.en.md", "---\ntitle: Report 5\n---\n## Cost\n\nTotal `=m4.total`.\n");
  WriteAll(f.src / "content/r5.zh.md", "---\ntitle: 报告 5\n---\n## 成本\n\n总计 `=m4.total`。\n");
  REQUIRE(f.session->FullBuild().ok);
  std::string price_list = ReadAll(f.src / "pricing/cloud.yaml");
  WriteAll(f.src / "pricing/cloud.yaml", price_list.substr(0, price_list.find("price: 0.5")) + "price: 0.75" +
                                            price_list.substr(price_list.find("price: 0.5") + 10));
  UpdateReport r = f.session->Update({"pricing/cloud.yaml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.models_total == 5);
  CHECK(r.models_evaluated == 3);  // m0 and m2 read cloud/a; m4 reads m0
  CHECK(r.models_changed == 3);
  CHECK(f.Page("en/r5/index.html").find("$150/month") != std::string::npos);  // 2 × 100 h × 0.75

  // The same source built from scratch gives the same pages and exports.
  BuildOptions opt;
  opt.source = f.src;
  opt.out = f.tmp.path() / "fresh";
  opt.threads = 1;
  ServeSession fresh(opt);
  REQUIRE(fresh.FullBuild().ok);
  for (const char* rel : {"en/r0/index.html", "zh/r0/index.html", "en/r1/index.html", "en/r5/index.html",
                          "zh/r5/index.html", "data/m0.json", "data/m4.json", "data/m4.csv", "data/m3.json"}) {
    INFO(rel);
    CHECK(f.Page(rel) == ReadAll(opt.out / rel));
  }
}

TEST_CASE("A changed model file is parsed again, the unchanged ones are not, and the result is a full parse's") {
  Fixture f(4, 4);
  WriteAll(f.src / "pricing/m1.yaml", "model: m1\nunit: USD/month\nitems:\n  vm: {quantity: 300 h/month, price: \"@cloud/b\"}\n");
  UpdateReport r = f.session->Update({"pricing/m1.yaml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.pricing_files_parsed == 1);
  CHECK(r.models_changed == 1);
  CHECK(f.Page("en/r1/index.html").find("$600/month") != std::string::npos);  // 300 h × 2
  // A file moved (one removed, one added): the cache follows the folder.
  fs::create_directories(f.src / "pricing/models");
  fs::rename(f.src / "pricing/m3.yaml", f.src / "pricing/models/m3.yaml");
  r = f.session->Update({"pricing/m3.yaml", "pricing/models/m3.yaml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.pricing_files_parsed == 1);  // the moved file, new to the cache
  CHECK(r.models_changed == 1);  // m3: where it is defined is part of its results
  // The same site built from scratch gives the same pages.
  TempDir fresh;
  BuildOptions opt;
  opt.source = f.src;
  opt.out = fresh.path() / "out";
  costsite::Diagnostics diags;
  BuildStats stats;
  BuildSite(opt, &diags, &stats);
  CHECK(ReadAll(fresh.path() / "out/en/r1/index.html") == f.Page("en/r1/index.html"));
  CHECK(ReadAll(fresh.path() / "out/en/r0/index.html") == f.Page("en/r0/index.html"));
}

TEST_CASE("An update with an error writes nothing and keeps the last good page") {
  Fixture f(3, 1);
  auto before = Snapshot(f.out);
  WriteAll(f.src / "content/r1.en.md", "---\ntitle: Report 1\n---\nTotal `=m0.totl`.\n");
  UpdateReport bad = f.session->Update({"content/r1.en.md"});
  CHECK_FALSE(bad.ok);
  CHECK(bad.errors.find("content/r1.en.md:4:7: error: ") != std::string::npos);
  CHECK(Snapshot(f.out) == before);
  // Fixed: the page is written.
  WriteAll(f.src / "content/r1.en.md", "---\ntitle: Report 1\n---\nTotal `=m0.total` now.\n");
  UpdateReport good = f.session->Update({"content/r1.en.md"});
  INFO(good.errors);
  CHECK(good.ok);
  CHECK(f.Page("en/r1/index.html").find("now.") != std::string::npos);
}

TEST_CASE("A new title re-renders the home pages, and a new page or template rebuilds everything") {
  Fixture f(3, 1);
  WriteAll(f.src / "content/r2.en.md", "---\ntitle: Renamed\n---\n## Cost\n\nTotal `=m0.total`.\n");
  UpdateReport r = f.session->Update({"content/r2.en.md"});
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(f.Page("en/index.html").find("Renamed") != std::string::npos);
  CHECK(r.pages_rendered > 2);  // the page and the home pages

  WriteAll(f.src / "content/r9.en.md", "---\ntitle: New\n---\nNew page.\n");
  UpdateReport added = f.session->Update({"content/r9.en.md"});
  REQUIRE(added.ok);
  CHECK(added.full);
  CHECK(fs::exists(f.out / "en/r9/index.html"));

  WriteAll(f.src / "templates/partials/footer.mustache", "<footer>custom</footer>\n");
  UpdateReport themed = f.session->Update({"templates/partials/footer.mustache"});
  REQUIRE(themed.ok);
  CHECK(themed.full);
  CHECK(f.Page("zh/r0/index.html").find("<footer>custom</footer>") != std::string::npos);
}

TEST_CASE("A Hugo site's configuration changed under serve builds everything again with it") {
  Fixture f(2, 1);
  // The same site as Hugo writes its settings: no site.yaml.
  fs::remove(f.src / "site.yaml");
  WriteAll(f.src / "hugo.toml", "title = \"Costs\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n"
                                "[languages.zh]\nweight = 2\n");
  UpdateReport r = f.session->Update({"site.yaml", "hugo.toml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.full);
  CHECK(f.Page("en/index.html").find("<title>Costs</title>") != std::string::npos);

  WriteAll(f.src / "hugo.toml", "title = \"Cloud costs\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n"
                                "[languages.zh]\nweight = 2\n");
  r = f.session->Update({"hugo.toml"});
  REQUIRE(r.ok);
  CHECK(r.full);
  CHECK(f.Page("en/index.html").find("<title>Cloud costs</title>") != std::string::npos);

  // Under config/ too, as Docsy sites split it (config/_default/hugo.toml).
  fs::remove(f.src / "hugo.toml");
  WriteAll(f.src / "config/_default/hugo.toml", "title = \"Split costs\"\ndefaultContentLanguage = \"en\"\n"
                                                "[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n");
  r = f.session->Update({"hugo.toml", "config/"});
  REQUIRE(r.ok);
  CHECK(r.full);
  CHECK(f.Page("en/index.html").find("<title>Split costs</title>") != std::string::npos);
}

TEST_CASE("A new headline re-renders the home pages, and a price change reaches them through it") {
  Fixture f(3, 2);
  CHECK(f.Page("en/index.html").find("class=\"headlines\"") == std::string::npos);
  WriteAll(f.src / "content/r1.en.md", "---\ntitle: Report 1\nheadline: m1.total\n---\n## Cost\n\nTotal `=m1.total`.\n");
  UpdateReport r = f.session->Update({"content/r1.en.md"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(f.Page("en/index.html").find("$400/month") != std::string::npos);  // 200 h x 2 USD/h
  // The home page reads m1 now: a new price for it re-renders the home page.
  std::string cloud = ReadAll(f.src / "pricing/cloud.yaml");
  cloud.replace(cloud.rfind("price: 2"), 8, "price: 3");
  WriteAll(f.src / "pricing/cloud.yaml", cloud);
  UpdateReport priced = f.session->Update({"pricing/cloud.yaml"});
  INFO(priced.errors);
  REQUIRE(priced.ok);
  CHECK(f.Page("en/index.html").find("$600/month") != std::string::npos);
}

TEST_CASE("A home page shown one report a page: a price change rewrites the later page that shows it") {
  Fixture f(3, 2, "pager_size: 1\n");
  CHECK(f.Page("en/page/3/index.html").find(">Report 2</a>") != std::string::npos);
  WriteAll(f.src / "content/r2.en.md", "---\ntitle: Report 2\nheadline: m0.total\n---\n## Cost\n\nTotal `=m0.total`.\n");
  UpdateReport r = f.session->Update({"content/r2.en.md"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(f.Page("en/page/3/index.html").find("$50/month") != std::string::npos);  // 100 h x 0.5 USD/h
  CHECK(f.Page("en/index.html").find("$50/month") == std::string::npos);       // page 1 shows Report 0
  // The home page's first page carries what its later pages read.
  std::string cloud = ReadAll(f.src / "pricing/cloud.yaml");
  cloud.replace(cloud.find("price: 0.5"), 10, "price: 1.5");
  WriteAll(f.src / "pricing/cloud.yaml", cloud);
  UpdateReport priced = f.session->Update({"pricing/cloud.yaml"});
  INFO(priced.errors);
  REQUIRE(priced.ok);
  CHECK_FALSE(priced.full);
  CHECK(f.Page("en/page/3/index.html").find("$150/month") != std::string::npos);
  CHECK(f.Page("en/page/3/index.html").find("<span aria-current=\"page\">Page 3 of 3</span>") != std::string::npos);
}

TEST_CASE("A page replaced by a symbolic link out of the site is refused, as build refuses it") {
  Fixture f(3, 1);
  auto before = Snapshot(f.out);
  WriteAll(f.tmp.path() / "secret.md", "---\ntitle: Secret\n---\nOutside the site.\n");
  fs::remove(f.src / "content/r1.en.md");
  fs::create_symlink(f.tmp.path() / "secret.md", f.src / "content/r1.en.md");
  UpdateReport r = f.session->Update({"content/r1.en.md"});
  CHECK_FALSE(r.ok);
  CHECK(r.errors == "content/r1.en.md: error: symbolic link points outside the site folder\n");
  CHECK(Snapshot(f.out) == before);  // nothing of the file was read into a page
  // A link that stays inside the site is followed, as build follows it.
  WriteAll(f.src / "notes/r1.en.md", "---\ntitle: Report 1\n---\nLinked `=m0.total`.\n");
  fs::remove(f.src / "content/r1.en.md");
  fs::create_symlink(f.src / "notes/r1.en.md", f.src / "content/r1.en.md");
  UpdateReport good = f.session->Update({"content/r1.en.md"});
  INFO(good.errors);
  CHECK(good.ok);
  CHECK(f.Page("en/r1/index.html").find("Linked") != std::string::npos);
}

TEST_CASE("serve warns of ids readers would see, as build does, and stops once a label is added") {
  Fixture f(2, 2);  // the items of m0 and m1 have no labels
  auto raw_ids = [&] {
    std::string out;
    for (const Diagnostic& d : f.session->Diagnostics())
      if (d.code == "raw-id") out += d.pos.path + ": " + d.message + "\n";
    return out;
  };
  std::string before = raw_ids();
  CHECK(before.find("pricing/m0.yaml: item 'vm' of model 'm0' has no label") != std::string::npos);
  CHECK(before.find("pricing/m1.yaml: item 'vm' of model 'm1' has no label") != std::string::npos);
  WriteAll(f.src / "pricing/m0.yaml",
           "model: m0\nunit: USD/month\nitems:\n  vm: {label: {zh: 虚拟机, en: VMs}, quantity: 100 h/month, "
           "price: \"@cloud/a\"}\n");
  UpdateReport r = f.session->Update({"pricing/m0.yaml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  std::string after = raw_ids();
  CHECK(after.find("model 'm0'") == std::string::npos);
  CHECK(after.find("pricing/m1.yaml: item 'vm' of model 'm1' has no label") != std::string::npos);
}

TEST_CASE("The search index follows an edit once rewritten") {
  Fixture f(2, 1);
  WriteAll(f.src / "content/r0.en.md", "---\ntitle: Report 0\n---\nZebrafish costs `=m0.total`.\n");
  REQUIRE(f.session->Update({"content/r0.en.md"}).ok);
  CHECK(ReadAll(f.out / "search-index.js").find("\"zebrafish\"") == std::string::npos);
  std::string error;
  REQUIRE(f.session->WriteSearchIndex(&error));
  CHECK(ReadAll(f.out / "search-index.js").find("\"zebrafish\"") != std::string::npos);
}

TEST_CASE("serve publishes a page only in the languages it is written in without translation_fallback") {
  Fixture f(2, 1, "translation_fallback: false\n");
  WriteAll(f.src / "content/r9.zh.md", "---\ntitle: 报告 9\n---\n斑马鱼 `=m0.total`。\n");
  REQUIRE(f.session->Update({"content/r9.zh.md"}).ok);
  WriteAll(f.src / "content/r9.zh.md", "---\ntitle: 报告 9\n---\n斑马鱼，改过 `=m0.total`。\n");
  UpdateReport r = f.session->Update({"content/r9.zh.md"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(r.pages_rendered == 1);  // in Chinese only
  CHECK(r.pages_total == 7);     // two reports and the home page in both languages, and r9
  CHECK(f.Page("zh/r9/index.html").find("改过") != std::string::npos);
  CHECK_FALSE(fs::exists(f.out / "en/r9/index.html"));
  std::string error;
  REQUIRE(f.session->WriteSearchIndex(&error));
  const std::string index = ReadAll(f.out / "search-index.js");
  CHECK(index.find("\"zh/r9/index.html\"") != std::string::npos);
  CHECK(index.find("r9/index.html") == index.rfind("r9/index.html"));
  CHECK(index.find("[\"en\",\"\"") == std::string::npos);  // no entry without a page
}

TEST_CASE("A model file read by a model in another file: only the named file is read, and the pages are a fresh build's") {
  // m4 (pricing/m4.yaml) reads m0 (pricing/m0.yaml); r5 shows m4.
  Fixture f(6, 4);
  WriteAll(f.src / "pricing/m4.yaml", "model: m4\nunit: USD/month\nitems:\n  more: {formula: 2 * m0.total}\n");
  WriteAll(f.src / "content/r5.en.md", "---\ntitle: Report 5\n---\n## Cost\n\nTotal `=m4.total`.\n");
  WriteAll(f.src / "content/r5.zh.md", "---\ntitle: 报告 5\n---\n## 成本\n\n总计 `=m4.total`。\n");
  REQUIRE(f.session->FullBuild().ok);
  WriteAll(f.src / "pricing/m0.yaml", "model: m0\nunit: USD/month\nitems:\n  vm: {quantity: 300 h/month, price: \"@cloud/a\"}\n");
  UpdateReport r = f.session->Update({"pricing/m0.yaml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.pricing_files_parsed == 1);
  CHECK(r.models_evaluated == 2);  // m0 and its reader m4
  CHECK(r.models_changed == 2);
  CHECK(f.Page("en/r5/index.html").find("$300/month") != std::string::npos);  // 2 × 300 h × 0.5
  REQUIRE(f.session->WriteSearchIndex(&r.errors));

  BuildOptions opt;
  opt.source = f.src;
  opt.out = f.tmp.path() / "fresh";
  ServeSession fresh(opt);
  REQUIRE(fresh.FullBuild().ok);
  for (const char* rel : {"en/r0/index.html", "zh/r0/index.html", "en/r4/index.html", "en/r5/index.html",
                          "zh/r5/index.html", "en/r1/index.html", "data/m0.json", "data/m0.csv", "data/m4.json",
                          "data/m1.json", "index.html", "search-index.js"}) {
    INFO(rel);
    CHECK(f.Page(rel) == ReadAll(opt.out / rel));
  }
}

TEST_CASE("The search index built from a snapshot is that of the pages when it was taken, and a cancelled one writes nothing") {
  Fixture f(2, 1);
  std::string built = ReadAll(f.out / "search-index.js");
  SearchSnapshot before = f.session->SearchInput();
  WriteAll(f.src / "content/r0.en.md", "---\ntitle: Report 0\n---\nZebrafish costs `=m0.total`.\n");
  REQUIRE(f.session->Update({"content/r0.en.md"}).ok);
  SearchSnapshot after = f.session->SearchInput();
  std::string error;
  // The update replaced the page's entry; the earlier snapshot still holds the old one.
  REQUIRE(WriteSearchIndex(before, nullptr, nullptr, &error));
  CHECK(ReadAll(f.out / "search-index.js") == built);
  std::atomic<bool> cancel{true};
  std::mutex lock;
  REQUIRE(WriteSearchIndex(after, &cancel, &lock, &error));
  CHECK(ReadAll(f.out / "search-index.js") == built);
  cancel = false;
  REQUIRE(WriteSearchIndex(after, &cancel, &lock, &error));
  std::string now = ReadAll(f.out / "search-index.js");
  CHECK(now.find("\"zebrafish\"") != std::string::npos);
  // The same as a fresh build's.
  BuildOptions opt;
  opt.source = f.src;
  opt.out = f.tmp.path() / "fresh";
  ServeSession fresh(opt);
  REQUIRE(fresh.FullBuild().ok);
  CHECK(now == ReadAll(opt.out / "search-index.js"));
}

// The same source built from scratch into `dir`.
std::map<std::string, std::string> FreshBuild(const fs::path& src, const fs::path& dir) {
  BuildOptions opt;
  opt.source = src;
  opt.out = dir;
  ServeSession fresh(opt);
  UpdateReport r = fresh.FullBuild();
  INFO(r.errors);
  REQUIRE(r.ok);
  REQUIRE(fresh.WriteSearchIndex(&r.errors));
  return Snapshot(dir);
}

// The price list with a's price replaced by `price`.
void SetPriceA(const fs::path& src, const std::string& price) {
  std::string text = ReadAll(src / "pricing/cloud.yaml");
  size_t at = text.find("id: a");
  at = text.find("price: ", at) + 7;
  WriteAll(src / "pricing/cloud.yaml", text.substr(0, at) + price + text.substr(text.find('\n', at)));
}

// A site with a base_url (so a sitemap and feeds) and dated pages.
void Publish(Fixture& f) {
  WriteAll(f.src / "site.yaml",
           "title: {zh: 站点, en: Site}\nlanguages: [zh, en]\nbase_url: https://example.com/costs\n");
  for (int i = 0; i < 4; ++i) {
    std::string id = std::to_string(i), model = "m" + std::to_string(i % 2), date = "2024-0" + std::to_string(i + 1) + "-01";
    WriteAll(f.src / ("content/r" + id + ".zh.md"),
             "---\ntitle: 报告 " + id + "\ndate: " + date + "\n---\n总计 `=" + model + ".total`。\n");
    WriteAll(f.src / ("content/r" + id + ".en.md"),
             "---\ntitle: Report " + id + "\ndate: " + date + "\n---\nTotal `=" + model + ".total`.\n");
  }
  UpdateReport r = f.session->FullBuild();
  INFO(r.errors);
  REQUIRE(r.ok);
  REQUIRE(f.session->WriteSearchIndex(&r.errors));
}

TEST_CASE("A price change leaves the sitemap and feeds alone, and the folder is a fresh build's") {
  Fixture f(4, 2);
  Publish(f);
  // The sitemap and feeds read titles, dates and URLs, no figure: a price
  // change does not make them (a file changed behind serve's back stays).
  const std::string sitemap = f.Page("sitemap.xml");
  REQUIRE(sitemap.find("https://example.com/costs/en/r0/") != std::string::npos);
  WriteAll(f.out / "sitemap.xml", "stale");
  SetPriceA(f.src, "0.75");
  UpdateReport r = f.session->Update({"pricing/cloud.yaml"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(r.pages_rendered == 4);  // r0 and r2 (m0 reads a), in both languages
  CHECK(f.Page("en/r0/index.html").find("$75/month") != std::string::npos);
  CHECK(f.Page("sitemap.xml") == "stale");
  WriteAll(f.out / "sitemap.xml", sitemap);
  REQUIRE(f.session->WriteSearchIndex(&r.errors));
  CHECK(Snapshot(f.out) == FreshBuild(f.src, f.tmp.path() / "fresh"));
}

TEST_CASE("An edit of a title or a date rewrites the feeds and the sitemap, one of the body alone does not") {
  Fixture f(4, 2);
  Publish(f);
  const std::string feed = f.Page("en/index.xml"), sitemap = f.Page("sitemap.xml");
  WriteAll(f.src / "content/r1.en.md", "---\ntitle: Renamed\ndate: 2024-02-01\n---\nTotal `=m1.total`.\n");
  UpdateReport r = f.session->Update({"content/r1.en.md"});
  INFO(r.errors);
  REQUIRE(r.ok);
  CHECK(f.Page("en/index.xml").find("<title>Renamed</title>") != std::string::npos);
  CHECK(f.Page("sitemap.xml") == sitemap);  // it lists no title
  WriteAll(f.src / "content/r1.en.md", "---\ntitle: Renamed\ndate: 2024-09-30\n---\nTotal `=m1.total`.\n");
  r = f.session->Update({"content/r1.en.md"});
  REQUIRE(r.ok);
  CHECK(f.Page("sitemap.xml").find("<lastmod>2024-09-30</lastmod>") != std::string::npos);
  CHECK(f.Page("en/index.xml").find("<title>Renamed</title>") < f.Page("en/index.xml").find("<title>Report 3</title>"));
  REQUIRE(f.session->WriteSearchIndex(&r.errors));
  CHECK(Snapshot(f.out) == FreshBuild(f.src, f.tmp.path() / "fresh"));  // the pages beside it link to it by title
  // A new first paragraph (one without a figure) is the feed's entry text.
  WriteAll(f.src / "content/r2.en.md", "---\ntitle: Report 2\ndate: 2024-03-01\n---\nNew words.\n\n`=m0.total`\n");
  REQUIRE(f.session->Update({"content/r2.en.md"}).ok);
  CHECK(f.Page("en/index.xml").find("<description>New words.</description>") != std::string::npos);
  // A body edit after the first paragraph leaves them alone.
  WriteAll(f.out / "en/index.xml", "stale");
  WriteAll(f.src / "content/r2.en.md",
           "---\ntitle: Report 2\ndate: 2024-03-01\n---\nNew words.\n\n`=m0.total`\n\nA second paragraph.\n");
  REQUIRE(f.session->Update({"content/r2.en.md"}).ok);
  CHECK(f.Page("en/index.xml") == "stale");
  CHECK(f.Page("en/r2/index.html").find("A second paragraph.") != std::string::npos);
}

TEST_CASE("A price change whose last page has an error puts back the pages it wrote before it") {
  // r0 and r2 show m0 (reads cloud/a); zz, the last page, shows m2.
  Fixture f(4, 3);
  WriteAll(f.src / "content/zz.en.md", "---\ntitle: Last\n---\nTotal `=m2.total`.\n");
  WriteAll(f.src / "content/zz.zh.md", "---\ntitle: 最后\n---\n总计 `=m2.total`。\n");
  REQUIRE(f.session->FullBuild().ok);
  auto before = Snapshot(f.out);
  // One update: a's price and m2 gone (its file now defines m9).
  SetPriceA(f.src, "0.75");
  WriteAll(f.src / "pricing/m2.yaml", "model: m9\nunit: USD/month\nitems:\n  vm: {quantity: 100 h/month, price: \"@cloud/a\"}\n");
  UpdateReport bad = f.session->Update({"pricing/cloud.yaml", "pricing/m2.yaml"});
  CHECK_FALSE(bad.ok);
  CHECK(bad.errors.find("content/zz.en.md:4:") != std::string::npos);
  CHECK(Snapshot(f.out) == before);
  // Fixed: every page is written.
  WriteAll(f.src / "pricing/m2.yaml", "model: m2\nunit: USD/month\nitems:\n  vm: {quantity: 100 h/month, price: \"@cloud/a\"}\n");
  UpdateReport good = f.session->Update({"pricing/m2.yaml"});
  INFO(good.errors);
  REQUIRE(good.ok);
  CHECK(f.Page("en/r0/index.html").find("$75/month") != std::string::npos);
  REQUIRE(f.session->WriteSearchIndex(&good.errors));
  CHECK(Snapshot(f.out) == FreshBuild(f.src, f.tmp.path() / "fresh"));
}

}  // namespace
}  // namespace costsite::app
