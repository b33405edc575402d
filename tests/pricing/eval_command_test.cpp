#include "app/eval_command.h"

#include <sstream>

#include <catch2/catch.hpp>

namespace costsite {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(COSTSITE_SOURCE_DIR) + "/tests/fixtures/pricing/" + name;
}

TEST_CASE("eval evaluates the project's own pricing folder without errors", "[eval][site]") {
  EvalRequest req;
  req.source_dir = COSTSITE_SOURCE_DIR;
  std::ostringstream out;
  Diagnostics diags;
  int rc = RunEval(req, out, diags);
  std::string printed;
  for (const auto& d : diags.Sorted()) printed += FormatDiagnostic(d);
  INFO(printed);
  CHECK(rc == 0);
  CHECK(out.str().find(" = ") != std::string::npos);
}

}  // namespace
}  // namespace costsite
