// libFuzzer target: the pricing loader (pricing/pricing.h) on one arbitrary
// YAML file, which may be a price list, exchange rates or a model, followed by
// evaluation. Every problem must become a diagnostic; nothing may escape.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "cost/evaluate.h"
#include "pricing/pricing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  costsite::Diagnostics diags;
  costsite::cost::Inputs inputs;
  costsite::pricing::ParsePricingFile("pricing/fuzz.yaml", text, &inputs, diags);
  costsite::cost::Evaluate(std::move(inputs), costsite::cost::Options{}, diags);
  for (const costsite::Diagnostic& d : diags.Sorted()) costsite::FormatDiagnostic(d);
  return 0;
}
