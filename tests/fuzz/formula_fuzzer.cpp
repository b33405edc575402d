// libFuzzer target: the formula parser (cost/formula.h) on arbitrary text.
// A malformed formula must come back as a FormulaError inside the text, never
// a crash, a hang or a stack overflow.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "cost/formula.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const costsite::cost::UnitTable kUnits;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  costsite::cost::FormulaError error;
  std::unique_ptr<costsite::cost::Node> node = costsite::cost::ParseFormula(text, kUnits, &error);
  if (node) {
    std::vector<const costsite::cost::Node*> refs;
    costsite::cost::CollectReferences(*node, &refs);
  } else if (error.offset > size) {
    std::abort();  // an error must point into the formula
  }
  return 0;
}
