#include "render/whatif_data.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "figures/number_text.h"
#include "figures/whatif.h"
#include "load/whatif_engine.h"
#include "output/paths.h"

namespace costsite::render {
namespace {

using nlohmann::json;

// The page script, as the theme publishes it.
constexpr std::string_view kPageScript = "whatif-page.js";

// `json` as the content of a <script> element: "</" cannot end it early.
std::string ScriptSafe(std::string text) {
  for (size_t p = 0; (p = text.find("</", p)) != std::string::npos; p += 3) text.replace(p, 2, "<\\/");
  return text;
}

// The words the figures stage may write, in `lang`.
json Words(const figures::UiWords* words, std::string_view lang) {
  json table = json::object();
  if (!words) return table;
  auto it = words->find(lang);
  if (it == words->end()) return table;
  for (std::string_view key : figures::WordKeys())
    if (auto w = it->second.find(key); w != it->second.end()) table[std::string(key)] = w->second;
  return table;
}

}  // namespace

std::string WhatIfData(const cost::Evaluation& evaluation, const markdown::CostOutput& out,
                       const std::vector<std::string>& models, const figures::Speaker& speaker,
                       const load::Theme& theme, std::string_view page_path) {
  if (out.whatif_models.empty() || !theme.assets.count(std::string(load::kWhatIfEngineFile))) return "";
  std::vector<std::string> read = models;
  for (const std::string& m : out.whatif_models)
    if (std::find(read.begin(), read.end(), m) == read.end()) read.push_back(m);
  std::string lang(speaker.lang), fallback(speaker.fallback_lang);
  json words = {{lang, Words(speaker.words, lang)}};
  if (!fallback.empty() && fallback != lang) words[fallback] = Words(speaker.words, fallback);
  json request = {{"langs", {lang}},
                  {"fallback", fallback.empty() ? lang : fallback},
                  {"locales", {{lang, json::parse(figures::LocaleDataJson(figures::LocaleDataFor(lang)))}}},
                  {"words", words},
                  {"fragments", json::parse(figures::FragmentsJson(out.fragments))}};
  json data = {{"inputs", json::parse(evaluation.WhatIfInputs(read))},
               {"request", request},
               {"engine", output::RelativeUrl(page_path, load::kWhatIfEngineFile)}};
  std::string html = "<script type=\"application/json\" id=\"costsite-whatif\">" + ScriptSafe(data.dump()) +
                     "</script>\n";
  if (theme.assets.count(std::string(kPageScript)))
    html += "<script src=\"" + output::RelativeUrl(page_path, kPageScript) + "\" defer></script>\n";
  return html;
}

}  // namespace costsite::render
