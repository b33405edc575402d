#include "app/site_checks.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "base/fs_util.h"
#include "content/site_layout.h"
#include "cost/evaluation.h"
#include "figures/plain.h"
#include "figures/provenance.h"
#include "render/site_renderer.h"

namespace costsite::app {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil), so no time zone or C library state is involved.
long DaysFromCivil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool ParseDate(const std::string& s, long* days) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// True when `t` has text for `lang`, or text for every language.
bool HasText(const LocalizedText& t, std::string_view lang) {
  auto it = t.find(lang);
  if (it == t.end()) it = t.find("");
  return it != t.end() && !it->second.empty();
}

// The languages of `languages` that `has` is false for, as "zh, en".
std::string Missing(const std::vector<std::string>& languages, const std::function<bool(const std::string&)>& has) {
  std::string out;
  for (const std::string& lang : languages)
    if (!has(lang)) out += (out.empty() ? "" : ", ") + lang;
  return out;
}

// `span`: the length of what the caret underlines from `pos` (at least 1).
void WarnRawId(const SourcePos& pos, size_t span, std::string message, const LineAt& line_at, Diagnostics* diags) {
  diags->Add({Severity::kWarning, pos, std::move(message), line_at(pos), std::max(1, static_cast<int>(span)),
              "raw-id"});
}

void CheckVariantLabels(const cost::Evaluation& evaluation, const std::vector<std::string>& languages,
                        const LineAt& line_at, Diagnostics* diags) {
  // The theme's built-in names of the variants the engine knows ("spot", "batch"…).
  Diagnostics ignored;
  const figures::UiWords words = load::BuiltinWords(&ignored);
  for (const cost::ProviderView& p : evaluation.providers()) {
    std::set<std::string> seen;
    for (const cost::PriceEntryView& e : p.entries) {
      for (const auto& entry_variant : e.variants) {
        const std::string& variant = entry_variant.first;  // a reference lambdas may capture
        if (!seen.insert(variant).second) continue;
        const LocalizedText* declared = p.VariantLabel(variant);
        std::string missing = Missing(languages, [&](const std::string& lang) {
          return (declared && HasText(*declared, lang)) || figures::VariantName(variant, nullptr, figures::Speaker{lang, &words, lang}) != variant;
        });
        if (missing.empty()) continue;
        WarnRawId(e.pos, e.id.size(),
                  "price variant '" + variant + "' of " + p.id + " has no label in " + missing +
                      ": readers would see the id (add it to the price list's `variant_labels:`)",
                  line_at, diags);
      }
    }
  }
}

void CheckModelLabels(const cost::ModelResult& r, const std::vector<std::string>& languages, const LineAt& line_at,
                      Diagnostics* diags) {
  for (const cost::RuleResult& rule : r.rules) {
    std::string missing = Missing(languages, [&](const std::string& l) { return HasText(rule.condition, l); });
    if (missing.empty()) continue;
    WarnRawId(rule.pos, rule.when.size(),
              "rule '" + rule.id + "' of model '" + r.model + "' has no `condition:` sentence in " + missing +
                  ": readers would not be told when it applies",
              line_at, diags);
  }
  auto check = [&](const cost::Figure& f, std::string_view kind) {
    std::string missing = Missing(languages, [&](const std::string& l) { return HasText(f.label, l); });
    if (missing.empty()) return;
    // A param's place is its value, an item's or figure's its id: one caret.
    WarnRawId({r.pos.path, f.pos.line, f.pos.col}, 1,
              std::string(kind) + " '" + f.id + "' of model '" + r.model + "' has no label in " + missing +
                  ": readers would see the id",
              line_at, diags);
  };
  for (const cost::Figure& f : r.params) check(f, "param");
  for (const cost::LineItem& it : r.items) check(it.cost, "item");
  for (const cost::Figure& f : r.figures) check(f, "figure");
}

}  // namespace

LineAt SourceLines(const std::filesystem::path& root) {
  auto texts = std::make_shared<std::map<std::string, std::string>>();
  return [root, texts](const SourcePos& pos) {
    auto it = texts->find(pos.path);
    if (it == texts->end()) {
      std::string text, err;
      if (!ReadFile(root / pos.path, &text, &err)) text.clear();
      it = texts->emplace(pos.path, std::move(text)).first;
    }
    return std::string(LineOf(it->second, pos.line));
  };
}

ShownModels::ShownModels(const cost::Evaluation& evaluation)
    : evaluation_(&evaluation), shown_(evaluation.results().size(), false) {}

void ShownModels::Add(const std::vector<std::string>& models) {
  for (const std::string& model : models)
    if (size_t at = evaluation_->PlaceOf(model); at < shown_.size()) shown_[at] = true;
}

void ShownModels::Merge(const ShownModels& other) {
  for (size_t i = 0; i < shown_.size() && i < other.shown_.size(); ++i)
    if (other.shown_[i]) shown_[i] = true;
}

ShownModels ModelsShown(const cost::Evaluation& evaluation, const std::vector<render::OutputFile>& files) {
  ShownModels shown(evaluation);
  for (const render::OutputFile& f : files) shown.Add(f.models);
  return shown;
}

void CheckRawIds(const cost::Evaluation& evaluation, const ShownModels& shown,
                 const std::vector<std::string>& languages, const LineAt& line_at, Diagnostics* diags) {
  CheckVariantLabels(evaluation, languages, line_at, diags);
  const cost::ResultList& results = evaluation.results();
  for (size_t at = 0; at < results.size(); ++at) {
    if (!shown.Has(at)) continue;
    cost::ResultScope scope;  // one model's results read at a time
    if (const cost::ModelResult* r = evaluation.Find(results.model(at))) CheckModelLabels(*r, languages, line_at, diags);
  }
}

bool DaysBetween(const std::string& from, const std::string& to, long* days) {
  long a = 0, b = 0;
  if (!ParseDate(from, &a) || !ParseDate(to, &b)) return false;
  *days = b - a;
  return true;
}

void CheckExpectations(const cost::Evaluation& evaluation, const LineAt& line_at, Diagnostics* diags) {
  const cost::ResultList& results = evaluation.results();
  for (size_t i = 0; i < results.size(); ++i) {  // by place: no result is read whole
    if (!results.scenario(i).empty()) continue;
    for (const cost::ExpectationResult& e : results.expectations(i)) {
      std::string computed = figures::PlainAmount(e.computed, e.unit);
      std::string where = results.model(i) + "." + e.figure;
      if (!e.ok && !e.known_discrepancy) {
        diags->Add({Severity::kError, e.pos,
                    "expectation failed: " + where + " is " + computed + ", the source states " +
                        e.stated_text,
                    line_at(e.pos), std::max(1, static_cast<int>(e.figure.size())), "expectation"});
      } else if (!e.ok) {
        diags->Add({Severity::kNote, e.pos,
                    "known discrepancy: " + where + " is " + computed + ", the source states " +
                        e.stated_text,
                    line_at(e.pos), std::max(1, static_cast<int>(e.figure.size())), "known-discrepancy"});
      } else if (e.known_discrepancy) {
        diags->Add({Severity::kWarning, e.pos,
                    "expectation marked known_discrepancy now matches: " + where + " is " + computed +
                        "; remove the mark",
                    line_at(e.pos), std::max(1, static_cast<int>(e.figure.size())), "expectation"});
      }
    }
  }
}

void CheckPriceAges(const cost::Evaluation& evaluation, int max_price_age_days,
                    const std::string& today, Diagnostics* diags) {
  if (max_price_age_days <= 0) return;
  for (const cost::ProviderView& p : evaluation.providers()) {
    for (const cost::PriceEntryView& e : p.entries) {
      long age = 0;
      if (!DaysBetween(e.date, today, &age) || age <= max_price_age_days) continue;
      // Where the entry is (its id) when the price list recorded it.
      SourcePos pos = e.pos.path.empty() ? SourcePos{std::string(content::kPricingDir), 0, 0} : e.pos;
      diags->Add({Severity::kWarning, pos,
                  "price " + p.id + "/" + e.id + " dated " + e.date + " is " + std::to_string(age) +
                      " days old on " + today + " (max_price_age: " +
                      std::to_string(max_price_age_days) + ")",
                  e.line, std::max(1, static_cast<int>(e.id.size())), "stale-price"});
    }
  }
}

void CheckUnusedModels(const cost::Evaluation& evaluation, const ShownModels& shown, Diagnostics* diags) {
  const cost::ResultList& results = evaluation.results();  // read by place: the checks' parts need no result whole
  // By the place of each model's base case, as `shown` holds them.
  std::vector<size_t> pending;
  for (size_t at = 0; at < results.size(); ++at)
    if (shown.Has(at)) pending.push_back(at);
  std::vector<bool> used(results.size(), false);
  while (!pending.empty()) {  // the models read, and what they read in turn
    const size_t at = pending.back();
    pending.pop_back();
    if (used[at]) continue;
    used[at] = true;
    for (const std::string& model : results.uses(at))
      if (size_t read = evaluation.PlaceOf(model); read < results.size()) pending.push_back(read);
  }
  // By place: only an unused model's result is read.
  for (size_t i = 0; i < results.size(); ++i) {
    if (!results.scenario(i).empty() || used[i]) continue;
    const cost::ResultList::Ptr r = results.shared(i);
    diags->Add({Severity::kWarning, r->pos,
                "model '" + r->model + "' is not used: no page shows its figures or a model that reads them",
                r->source_line, static_cast<int>(r->model.size()), "unused-model"});
  }
}

}  // namespace costsite::app
