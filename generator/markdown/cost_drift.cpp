#include "markdown/cost_drift.h"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <mutex>

#include "content/pages.h"
#include "figures/lookup.h"
#include "figures/plain.h"
#include "cost/evaluation.h"
#include "markdown/cmark_util.h"

namespace costsite::markdown {


namespace {

// A directive's arguments in a canonical order, so "a=1 b=2" matches "b=2 a=1".
std::string CanonicalArgs(std::string_view info) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < info.size()) {
    while (i < info.size() && info[i] == ' ') ++i;
    size_t s = i;
    while (i < info.size() && info[i] != ' ') ++i;
    if (i > s) words.emplace_back(info.substr(s, i - s));
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string Times(int n) {
  return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times";
}

std::string Label(const CostRef& r) {
  if (r.kind == "figure") return "figure '" + r.target + "'";
  if (r.kind == "rule") return "rule '" + r.target + "'";
  return "'cost " + r.kind + (r.target.empty() ? "" : " " + r.target) + "'";
}

// The model of a figure reference ("m[s].f") or directive ("model=m
// scenario=s"), and the scenarios it names; false when it names none.
bool RefModel(const CostRef& r, std::string* model, std::vector<std::string>* scenarios) {
  if (r.kind == "figure") {
    size_t end = r.target.find_first_of(".[");
    *model = r.target.substr(0, end);
    if (end != std::string::npos && r.target[end] == '[')
      scenarios->push_back(r.target.substr(end + 1, r.target.find(']', end) - end - 1));
    return !model->empty();
  }
  if (r.kind == "rule") return false;
  auto arg = [&](std::string_view key) -> std::string {
    size_t at = r.target.find(key);
    while (at != std::string::npos && at > 0 && r.target[at - 1] != ' ') at = r.target.find(key, at + 1);
    if (at == std::string::npos) return "";
    size_t from = at + key.size();
    return r.target.substr(from, r.target.find(' ', from) - from);
  };
  *model = arg("model=");
  if (std::string s = arg("scenario="); !s.empty()) scenarios->push_back(s);
  std::string list = arg("scenarios=");
  for (size_t from = 0; from < list.size();) {
    size_t comma = std::min(list.find(',', from), list.size());
    scenarios->push_back(list.substr(from, comma - from));
    from = comma + 1;
  }
  return !model->empty();
}

// The parameters and figures of every model the page refers to (in its base
// case and in the scenarios the page names), each model once: a page may
// show one figure 100,000 times.
FigureIndex PageFigures(const PageCostRefs& refs, const cost::Evaluation& eval) {
  FigureIndex index;
  std::set<std::pair<std::string, std::string>> seen;
  for (const CostRef& r : refs.refs) {
    std::string model;
    std::vector<std::string> scenarios;
    if (!RefModel(r, &model, &scenarios)) continue;
    scenarios.insert(scenarios.begin(), "");
    for (const std::string& s : scenarios) {
      if (!seen.insert({model, s}).second) continue;
      if (const cost::ModelResult* res = eval.Find(model, s)) index.Add(*res);
    }
  }
  index.Finish();
  return index;
}

// Values a source document states for the models a page shows (recorded as
// expectations): quoting them in an audit note is deliberate, not drift.
std::vector<std::pair<double, std::string>> StatedValues(const PageCostRefs& refs, const cost::Evaluation& eval) {
  std::set<std::string> models;
  for (const CostRef& r : refs.refs) {
    std::string model;
    std::vector<std::string> scenarios;
    if (RefModel(r, &model, &scenarios)) models.insert(model);
  }
  std::vector<std::pair<double, std::string>> out;
  for (const std::string& model : models) {
    const cost::ModelResult* res = eval.Find(model);
    if (!res) continue;
    for (const cost::ExpectationResult& e : res->expectations) {
      // Stated values are in the figure's unit; a percent is stored as such.
      std::string kind = e.unit.text == "%" ? "%" : UnitKind(e.unit);
      out.emplace_back(e.stated.lo.ToDouble(), kind);
      out.emplace_back(e.stated.hi.ToDouble(), kind);
    }
  }
  return out;
}

}  // namespace

PageCostRefs CollectCostRefs(const std::string& path, std::string_view body, int first_line) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "tasklist", "strikethrough", "autolink"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), body.data(), body.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  return CollectCostRefs(doc.get(), path, first_line);
}

namespace {

// The paragraph, heading or table row `n` is in (nullptr when none).
cmark_node* BlockOf(cmark_node* n) {
  for (; n; n = cmark_node_parent(n)) {
    const cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) return n;
    if (std::strcmp(cmark_node_get_type_string(n), "table_row") == 0) return n;
  }
  return nullptr;
}

}  // namespace

PageCostRefs CollectCostRefs(cmark_node* doc, const std::string& path, int first_line) {
  PageCostRefs out;
  int offset = first_line - 1;
  auto pos = [&](cmark_node* n) {
    return SourcePos{path, cmark_node_get_start_line(n) + offset, cmark_node_get_start_column(n)};
  };
  // The blocks of small numbers (out.numbers[i] for i in small) and the
  // models figure references name in each block, matched after the walk: a
  // reference may come after the number in its row.
  std::vector<std::pair<size_t, cmark_node*>> small;
  std::vector<std::pair<cmark_node*, std::string>> block_models;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_CODE) {
      const char* c = cmark_node_get_literal(n);
      std::string_view lit = c ? c : "";
      if (!figures::IsReferenceSpan(lit, nullptr)) continue;
      std::string name(lit.substr(1, lit.find(' ') == std::string_view::npos ? std::string_view::npos
                                                                             : lit.find(' ') - 1));
      if (lit[0] == '=') {
        const std::string model = name.substr(0, name.find_first_of(".["));
        if (cmark_node* block = BlockOf(n)) block_models.emplace_back(block, model);
      }
      out.refs.push_back({lit[0] == '=' ? "figure" : "rule", std::move(name), pos(n)});
    } else if (type == CMARK_NODE_CODE_BLOCK) {
      const char* info = cmark_node_get_fence_info(n);
      if (!info || std::strncmp(info, "cost", 4) != 0 || (info[4] != ' ' && info[4] != '\0')) continue;
      std::string_view rest(info + 4);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      size_t sp = rest.find(' ');
      std::string kind(rest.substr(0, sp));
      out.refs.push_back({kind, sp == std::string_view::npos ? "" : CanonicalArgs(rest.substr(sp)), pos(n)});
    } else if (type == CMARK_NODE_TEXT) {
      const char* c = cmark_node_get_literal(n);
      std::vector<LiteralNumber> found = FindNumbers(c ? c : "");
      if (found.empty()) continue;
      SourcePos at = pos(n);
      for (LiteralNumber& num : found) {
        num.pos = {path, at.line, at.col + num.pos.col};
        if (num.small) small.emplace_back(out.numbers.size(), BlockOf(n));
        out.numbers.push_back(std::move(num));
      }
    }
  }
  cmark_iter_free(it);
  for (const auto& [i, block] : small)
    for (const auto& [b, model] : block_models)
      if (b == block && block) out.numbers[i].nearby_models.push_back(model);
  return out;
}

void CheckPageDrift(const content::Page& page, const cost::Evaluation* eval, Diagnostics* diags) {
  std::vector<PageCostRefs> refs;
  for (const auto& s : page.sources) refs.push_back(CollectCostRefs(s.path, s.body(), s.body_line));
  CheckPageDrift(page, refs, eval, diags);
}

void CheckPageDrift(const content::Page& page, const std::vector<PageCostRefs>& refs,
                    const cost::Evaluation* eval, Diagnostics* diags) {
  if (page.sources.empty() || refs.size() != page.sources.size()) return;
  const content::PageSource& source = page.sources.front();

  // 1. Every language refers to the same figures, rules and tables.
  for (size_t a = 0; a < page.sources.size(); ++a) {
    for (size_t b = 0; b < page.sources.size(); ++b) {
      if (a == b) continue;
      std::map<std::pair<std::string, std::string>, int> here, other, left;
      for (const CostRef& r : refs[b].refs) ++other[{r.kind, r.target}];
      for (const CostRef& r : refs[a].refs) ++here[{r.kind, r.target}];
      left = other;
      for (const CostRef& r : refs[a].refs) {
        const std::pair<std::string, std::string> key{r.kind, r.target};
        if (left[key]-- > 0) continue;
        const int there = other[key];
        std::string message = Label(r) + " is not in the '" + page.sources[b].lang + "' version";
        if (there > 0) {
          // In both, more often here: said once, at the first one past the other's count.
          if (left[key] != -1) continue;
          message = Label(r) + " is shown " + Times(here[key]) + " here and " + Times(there) + " in the '" +
                    page.sources[b].lang + "' version";
        }
        diags->Warning(r.pos, message + " (" + page.sources[b].path + ")", page.sources[a].text, 1,
                       "translation-drift");
      }
    }
  }
  // 2. A translation records the hash of the source it was made from (the
  // hash is worked out only for pages whose translations record one).
  std::string current;
  for (size_t i = 1; i < page.sources.size(); ++i) {
    const auto& t = page.sources[i];
    if (t.front.more().translation_of.empty()) continue;
    if (current.empty()) current = content::ContentHash(source.body());
    if (t.front.more().translation_of == current) continue;
    diags->Warning(t.front.more().translation_pos, "translation_of is " + t.front.more().translation_of + ", but " + source.path +
                                                " is now " + current + ": the source changed since this translation",
                   t.text, static_cast<int>(t.front.more().translation_of.size()), "stale-translation");
  }
  if (!eval) return;
  // 3. Numbers typed in prose that a figure or parameter of a model the page
  // uses already gives.
  for (size_t i = 0; i < page.sources.size(); ++i) {
    if (refs[i].numbers.empty()) continue;
    FigureIndex index = PageFigures(refs[i], *eval);
    auto stated = StatedValues(refs[i], *eval);
    for (const LiteralNumber& n : refs[i].numbers) {
      // Stated values go through unit conversion, so compare to within 1e-9;
      // a stated 160 GPUs does not excuse a typed 160 QPS.
      std::string kind = n.percent ? "%" : n.kind;
      if (std::any_of(stated.begin(), stated.end(), [&](const auto& v) {
            return v.second == kind && std::fabs(n.value - v.first) <= std::fabs(v.first) * 1e-9;
          }))
        continue;
      const FigureIndex::Entry* e = index.Match(n);
      if (!e) continue;
      diags->Warning(n.pos, "'" + n.text + "' looks like the " + (e->param ? "parameter " : "figure ") + e->name +
                                " (" + figures::PlainFigure(*e->figure) + "); write `=" + e->name +
                                "` so the text follows the model",
                     page.sources[i].text, static_cast<int>(n.text.size()), "literal-figure");
    }
  }
}

}  // namespace costsite::markdown
