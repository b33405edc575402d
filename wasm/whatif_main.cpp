// The exported entry of the WebAssembly what-if engine: the page script
// passes the page's pricing data and its request as UTF-8 strings and reads
// back the JSON answer (figures/whatif.h).
#include <string>

#include <emscripten/emscripten.h>

#include "figures/whatif.h"

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* costsite_whatif(const char* inputs, const char* request) {
  static std::string answer;
  answer = costsite::figures::WhatIfRun(inputs, request);
  return answer.c_str();
}

}
