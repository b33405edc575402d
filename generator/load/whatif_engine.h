// The what-if engine (wasm/: the cost engine compiled to WebAssembly, one
// script) as the build compiled it into this binary, to publish with sites
// whose models have adjustable parameters.
#ifndef COSTSITE_LOAD_WHATIF_ENGINE_H_
#define COSTSITE_LOAD_WHATIF_ENGINE_H_

#include <string_view>

namespace costsite::load {

/// The published name of the engine, beside the theme's scripts.
inline constexpr std::string_view kWhatIfEngineFile = "whatif.js";

/// The engine script's bytes; empty when costsite was built without
/// emscripten (pages with inputs then read as built, with a warning).
std::string_view WhatIfEngine();

}  // namespace costsite::load

#endif  // COSTSITE_LOAD_WHATIF_ENGINE_H_
