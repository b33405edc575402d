#include "markdown/cost_drift.h"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <mutex>

#include "content/pages.h"
#include "figures/plain.h"
#include "cost/evaluation.h"
#include "figures/lookup.h"
#include "markdown/cmark_util.h"

namespace costsite::markdown {

using cost::Decimal;

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

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

std::string Label(const CostRef& r) {
  if (r.kind == "figure") return "figure '" + r.target + "'";
  if (r.kind == "rule") return "rule '" + r.target + "'";
  return "'cost " + r.kind + (r.target.empty() ? "" : " " + r.target) + "'";
}

// Figures a page shows, each once, in first-shown order: inline references,
// and the items and totals of the models its tables show. Once: every typed
// number is compared with every shown figure, and a page may show one figure
// 100,000 times.
std::vector<std::pair<std::string, cost::Figure>> ShownFigures(const PageCostRefs& refs,
                                                                const cost::Evaluation& eval) {
  std::vector<std::pair<std::string, cost::Figure>> out;
  std::set<std::string> seen;  // figure targets, and "model=" for tables
  for (const CostRef& r : refs.refs) {
    std::string err;
    if (r.kind == "figure") {
      if (!seen.insert(r.target).second) continue;
      figures::FigureRef ref;
      cost::Figure f;
      if (figures::ParseFigureRef(r.target, eval, &ref, &err) && figures::ResolveFigure(eval, ref, {}, &f, &err))
        out.emplace_back(r.target, f);
    } else if (r.kind == "table" || r.kind == "compare") {
      size_t m = r.target.find("model=");
      if (m == std::string::npos) continue;
      std::string model = r.target.substr(m + 6, r.target.find(' ', m) - m - 6);
      const cost::ModelResult* res = eval.Find(model);
      if (!res || !seen.insert("model=" + model).second) continue;
      for (const auto& it : res->items) out.emplace_back(model + "." + it.id, it.cost);
      if (res->total) out.emplace_back(model + ".total", *res->total);
      for (const auto& f : res->figures) out.emplace_back(model + "." + f.id, f);
    }
  }
  return out;
}

// Within 0.5 %. A heuristic, so doubles do: exact decimals here cost a
// division per (number, figure) pair, which was a fifth of a build.
bool Close(double typed, double value) {
  if (value == 0) return typed == 0;
  return std::fabs(typed - value) <= 0.005 * std::fabs(value);
}

// Significant digits as typed: "1,500" has 2, "248.20" has 4 ("24820" less
// trailing zeros is 2482), "14,630%" has 4.
int SignificantDigits(const std::string& typed) {
  std::string digits;
  for (char c : typed)
    if (IsDigit(c)) digits += c;
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return 0;
  size_t last = digits.find_last_not_of('0');
  return static_cast<int>(last - first + 1);
}

// Values a source document states for the models a page shows (recorded as
// expectations): quoting them in an audit note is deliberate, not drift.
std::vector<double> StatedValues(const PageCostRefs& refs, const cost::Evaluation& eval) {
  std::set<std::string> models;
  for (const CostRef& r : refs.refs) {
    if (r.kind == "figure") {
      models.insert(r.target.substr(0, r.target.find_first_of(".[")));
    } else if (size_t m = r.target.find("model="); m != std::string::npos) {
      models.insert(r.target.substr(m + 6, r.target.find(' ', m) - m - 6));
    }
  }
  std::vector<double> out;
  for (const std::string& model : models) {
    const cost::ModelResult* res = eval.Find(model);
    if (!res) continue;
    for (const cost::ExpectationResult& e : res->expectations) {
      // Stated values are in the figure's unit; a percent is stored as such.
      out.push_back(e.stated.lo.ToDouble());
      out.push_back(e.stated.hi.ToDouble());
    }
  }
  return out;
}

}  // namespace

std::vector<LiteralNumber> FindNumbers(std::string_view text) {
  // Runs once per text node of every page: digits are scanned in place and
  // read as a double (the checks compare to within 0.5 %); no exact decimal.
  std::vector<LiteralNumber> out;
  size_t i = 0;
  char digits[64];
  while (i < text.size()) {
    if (!IsDigit(text[i]) || (i > 0 && (IsDigit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '-' ||
                                        std::isalpha(static_cast<unsigned char>(text[i - 1]))))) {
      ++i;
      continue;
    }
    size_t start = i, n = 0;
    while (i < text.size() && (IsDigit(text[i]) || (text[i] == ',' && i + 1 < text.size() && IsDigit(text[i + 1])) ||
                               (text[i] == '.' && i + 1 < text.size() && IsDigit(text[i + 1])))) {
      if (text[i] != ',' && n < sizeof digits) digits[n++] = text[i];
      ++i;
    }
    std::string_view rest = text.substr(i);
    bool date = (i < text.size() && (text[i] == '-' || text[i] == '/')) || rest.rfind("年", 0) == 0;
    double value = 0;
    std::from_chars(digits, digits + n, value);
    size_t length = i - start;
    bool percent = false;
    if (rest.rfind("万", 0) == 0) value *= 1e4, length += 3, i += 3;
    else if (rest.rfind("亿", 0) == 0) value *= 1e8, length += 3, i += 3;
    else if (rest.rfind("%", 0) == 0) percent = true, length += 1, i += 1;
    else if (!rest.empty() && (rest[0] == 'K' || rest[0] == 'k')) value *= 1e3, length += 1, i += 1;
    else if (!rest.empty() && rest[0] == 'M') value *= 1e6, length += 1, i += 1;
    bool year = length == 4 && value >= 1900 && value <= 2100;
    if (date || year || value < 10) continue;  // small counts, years and dates are not figures
    LiteralNumber num{std::string(text.substr(start, length)), value, percent, {}};
    num.pos.col = static_cast<int>(start);  // byte offset; the caller adds the node's column
    out.push_back(std::move(num));
  }
  return out;
}

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

PageCostRefs CollectCostRefs(cmark_node* doc, const std::string& path, int first_line) {
  PageCostRefs out;
  int offset = first_line - 1;
  auto pos = [&](cmark_node* n) {
    return SourcePos{path, cmark_node_get_start_line(n) + offset, cmark_node_get_start_column(n)};
  };
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_CODE) {
      const char* c = cmark_node_get_literal(n);
      std::string_view lit = c ? c : "";
      if (lit.empty() || (lit[0] != '=' && lit[0] != '?' && lit[0] != '!')) continue;
      std::string name(lit.substr(1, lit.find(' ') == std::string_view::npos ? std::string_view::npos
                                                                             : lit.find(' ') - 1));
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
        out.numbers.push_back(std::move(num));
      }
    }
  }
  cmark_iter_free(it);
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
      std::map<std::pair<std::string, std::string>, int> other;
      for (const CostRef& r : refs[b].refs) ++other[{r.kind, r.target}];
      for (const CostRef& r : refs[a].refs) {
        if (other[{r.kind, r.target}]-- > 0) continue;
        diags->Warning(r.pos, Label(r) + " is not in the '" + page.sources[b].lang + "' version (" +
                                  page.sources[b].path + ")",
                       page.sources[a].text, 1, "translation-drift");
      }
    }
  }
  // 2. A translation records the hash of the source it was made from (the
  // hash is worked out only for pages whose translations record one).
  std::string current;
  for (size_t i = 1; i < page.sources.size(); ++i) {
    const auto& t = page.sources[i];
    if (t.front.translation_of.empty()) continue;
    if (current.empty()) current = content::ContentHash(source.body());
    if (t.front.translation_of == current) continue;
    diags->Warning(t.front.translation_pos, "translation_of is " + t.front.translation_of + ", but " + source.path +
                                                " is now " + current + ": the source changed since this translation",
                   t.text, static_cast<int>(t.front.translation_of.size()), "stale-translation");
  }
  if (!eval) return;
  // 3. Numbers typed in prose that a figure on the page already gives.
  for (size_t i = 0; i < page.sources.size(); ++i) {
    auto shown = ShownFigures(refs[i], *eval);
    auto stated = StatedValues(refs[i], *eval);
    std::vector<std::pair<double, double>> shown_values;  // lo, hi
    for (const auto& [name, f] : shown) shown_values.emplace_back(f.value.lo.ToDouble(), f.value.hi.ToDouble());
    for (const LiteralNumber& n : refs[i].numbers) {
      // Round numbers (10, 500, 1,500, 70%) are usually inputs, targets or
      // thresholds that happen to equal a figure; computed results carry more
      // digits, and those are what drift when a price changes.
      if (SignificantDigits(n.text) < 3) continue;
      // Stated values go through unit conversion, so compare to within 1e-9.
      if (std::any_of(stated.begin(), stated.end(),
                      [&](double v) { return std::fabs(n.value - v) <= std::fabs(v) * 1e-9; }))
        continue;
      double typed = n.value;
      for (size_t k = 0; k < shown.size(); ++k) {
        const auto& [name, f] = shown[k];
        if (f.is_bool) continue;
        bool pct_figure = f.unit.text == "%";
        if (n.percent != pct_figure) continue;
        if (!Close(typed, shown_values[k].first) && !Close(typed, shown_values[k].second)) continue;
        diags->Warning(n.pos, "'" + n.text + "' looks like the figure " + name + " (" + figures::PlainFigure(f) +
                                  "); write `=" + name + "` so the text follows the model",
                       page.sources[i].text, static_cast<int>(n.text.size()), "literal-figure");
        break;
      }
    }
  }
}

}  // namespace costsite::markdown
