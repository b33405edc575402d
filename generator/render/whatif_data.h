// What a page with what-if inputs (`cost inputs`) carries for the engine in
// the reader's browser: one JSON data block with the pricing inputs of the
// models it shows, the request that renders its elements again (language,
// locale data, UI words, fragments) and the engine's URL, followed by the
// theme's page script.
#ifndef COSTSITE_RENDER_WHATIF_DATA_H_
#define COSTSITE_RENDER_WHATIF_DATA_H_

#include <string>
#include <string_view>

#include "cost/evaluation.h"
#include "load/theme.h"
#include "markdown/cost_nodes.h"

namespace costsite::render {

/// The data block and the page script for page file `page_path`, whose cost
/// expansion gave `out` in language `speaker`; "" for a page without inputs
/// or when `theme` has no engine (load/whatif_engine.h: the page then reads
/// as built). `models`: the models the page reads (ModelsOfRefs).
std::string WhatIfData(const cost::Evaluation& evaluation, const markdown::CostOutput& out,
                       const std::vector<std::string>& models, const figures::Speaker& speaker,
                       const load::Theme& theme, std::string_view page_path);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_WHATIF_DATA_H_
