// Data export: every evaluated model as site/data/<model>.json and .csv, all
// scenarios in each file, values as exact decimal strings (docs/data-export.md).
#ifndef COSTSITE_RENDER_EXPORT_H_
#define COSTSITE_RENDER_EXPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/site_renderer.h"

namespace costsite::markdown {
struct CostRef;  // markdown/cost_nodes.h
}
namespace costsite::cost {
struct ModelResult;  // cost/evaluation.h
}

namespace costsite::render {

/// The site-relative path of a model's export: ("gpu", "json") -> "data/gpu.json".
/// Pages link to it with output::RelativeUrl(page_path, DataFile(...)).
std::string DataFile(std::string_view model, std::string_view ext);

/// Where one model's results are in an evaluation's results(): [first, end),
/// its base case first, then its scenarios.
struct ModelPlaces {
  uint32_t first = 0, end = 0;
  size_t size() const { return end - first; }
};

/// The places of `evaluation`'s results grouped by model, in model order.
/// Read without the results themselves, which may be held in a file. Held
/// while a build renders: 8 bytes a model, where a list of places each was 40.
std::vector<ModelPlaces> ResultsByModel(const cost::Evaluation& evaluation);

/// data/<model>.json and data/<model>.csv of one model's results (one
/// element of ResultsByModel).
std::vector<OutputFile> ExportModel(const std::vector<const cost::ModelResult*>& results,
                                    const std::vector<std::string>& languages);
/// The same, of the results at `places` in `evaluation`, read while it runs
/// (cost::ResultScope).
std::vector<OutputFile> ExportModel(const cost::Evaluation& evaluation, ModelPlaces places,
                                    const std::vector<std::string>& languages);

/// The models of `evaluation` a rendered page read, from its cost references:
/// figures, rules, directives' `model=` and the inputs of its inline models;
/// once each, in the evaluation's order.
std::vector<std::string> ModelsOfRefs(const std::vector<markdown::CostRef>& refs,
                                      const cost::Evaluation& evaluation);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_EXPORT_H_
