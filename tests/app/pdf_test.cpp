// `costsite pdf` prints every report in every language to a PDF with
// Debian's chromium (installed by `make test`), and fails clearly without it.
#include "app/pdf_command.h"

#include <catch2/catch.hpp>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

TEST_CASE("costsite pdf writes one PDF per report and language") {
  if (app::FindChromium("").empty()) {
    WARN("chromium is not installed (make test installs it): pdf not exercised");
    return;
  }
  TempDir tmp;
  fs::path out = tmp.path() / "pdf";
  std::string fixture = std::string(COSTSITE_SOURCE_DIR) + "/tests/fixtures/sites/basic";
  CliResult r = Costsite("pdf --source " + fixture + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("Wrote 4 PDFs") != std::string::npos);
  for (const char* rel : {"zh/reports/gpu.pdf", "en/reports/gpu.pdf", "zh/reports/storage.pdf", "en/reports/storage.pdf"}) {
    INFO(rel);
    std::string bytes = ReadAll(out / rel);
    CHECK(bytes.rfind("%PDF-", 0) == 0);
    CHECK(bytes.size() > 2000);
  }
  CHECK_FALSE(fs::exists(out / "zh/index.pdf"));  // reports only, not the home pages
}

TEST_CASE("costsite pdf without Chromium says what to install") {
  CliResult r = Costsite("pdf --chromium /nonexistent/chromium --source .");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("pdf needs Chromium: install it (apt-get install chromium)") != std::string::npos);
}

}  // namespace
}  // namespace costsite
