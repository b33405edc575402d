// The exported entry of the WebAssembly what-if engine: the page script
// passes the page's pricing data and its request as UTF-8 strings and reads
// back the JSON answer (figures/whatif.h). A page opens its one session
// (costsite_whatif_open) and then sends only each change's sets
// (costsite_whatif_update); costsite_whatif answers a whole request at once.
#include <string>

#include <emscripten/emscripten.h>

#include "figures/whatif.h"

namespace {

// The page's session: a module instance serves one page.
costsite::figures::WhatIfSession& Session() {
  static costsite::figures::WhatIfSession session;
  return session;
}

std::string& Answer() {
  static std::string answer;
  return answer;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* costsite_whatif(const char* inputs, const char* request) {
  Answer() = costsite::figures::WhatIfRun(inputs, request);
  return Answer().c_str();
}

EMSCRIPTEN_KEEPALIVE const char* costsite_whatif_open(const char* inputs, const char* request) {
  Answer() = Session().Open(inputs, request);
  return Answer().c_str();
}

EMSCRIPTEN_KEEPALIVE const char* costsite_whatif_update(const char* sets) {
  Answer() = Session().Update(sets);
  return Answer().c_str();
}

}
