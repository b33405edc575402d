// The WebAssembly build runs on the page's one thread: what the native build
// spreads over threads, or moves to a larger stack, runs here in place (the
// module is linked with a stack large enough for the deepest model).
#include <atomic>

#include "base/large_stack.h"
#include "base/parallel.h"
#include "figures/number_text.h"

namespace costsite {

void RunOnLargeStack(const std::function<void()>& fn) { fn(); }

int ThreadCount(int) { return 1; }

void ParallelFor(size_t n, int, const std::function<void(size_t i, int worker)>& fn) {
  for (size_t i = 0; i < n; ++i) fn(i, 0);
}

}  // namespace costsite

namespace costsite::figures {
namespace {
std::map<std::string, LocaleData, std::less<>>& Locales() {
  static std::map<std::string, LocaleData, std::less<>> locales;
  return locales;
}
}  // namespace

// The page hands over the build's locale data (from ICU) before it formats.
const LocaleData& LocaleDataFor(std::string_view lang) {
  auto it = Locales().find(lang);
  if (it != Locales().end()) return it->second;
  static const LocaleData kNone;
  return kNone;
}

void SetLocaleData(std::string_view lang, LocaleData data) { Locales()[std::string(lang)] = std::move(data); }

}  // namespace costsite::figures

// Built without exceptions: a Boost error (which the engine's own checks
// keep from happening) stops the module instead of throwing.
#include <cstdlib>
#include <exception>

#include <boost/assert/source_location.hpp>

namespace boost {
[[noreturn]] void throw_exception(const std::exception&) { std::abort(); }
[[noreturn]] void throw_exception(const std::exception&, const boost::source_location&) { std::abort(); }
}  // namespace boost
