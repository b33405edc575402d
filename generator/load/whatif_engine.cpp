#include "load/whatif_engine.h"

#ifdef COSTSITE_WHATIF_JS
// The script is linked in as it is (about 1.5 MB; an escaped string literal
// would be several times that in source and slow to compile).
__asm__(
    ".section .rodata\n"
    ".global costsite_whatif_js_begin\n"
    ".hidden costsite_whatif_js_begin\n"
    "costsite_whatif_js_begin:\n"
    ".incbin \"" COSTSITE_WHATIF_JS "\"\n"
    ".global costsite_whatif_js_end\n"
    ".hidden costsite_whatif_js_end\n"
    "costsite_whatif_js_end:\n"
    ".previous\n");
extern "C" const char costsite_whatif_js_begin[];
extern "C" const char costsite_whatif_js_end[];
#endif

namespace costsite::load {

std::string_view WhatIfEngine() {
#ifdef COSTSITE_WHATIF_JS
  return {costsite_whatif_js_begin, static_cast<size_t>(costsite_whatif_js_end - costsite_whatif_js_begin)};
#else
  return {};
#endif
}

}  // namespace costsite::load
