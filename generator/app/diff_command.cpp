#include "app/diff_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>

#include "base/fs_util.h"
#include "content/site_config.h"
#include "content/site_layout.h"
#include "load/site_loader.h"
#include "cost/evaluate.h"
#include "cost/evaluation.h"
#include "figures/plain.h"
#include "markdown/markdown.h"
#include "pricing/pricing.h"

namespace costsite::app {

namespace fs = std::filesystem;
using cost::Decimal;
using cost::Interval;

Decimal FigureChange::Change() const {
  if (!before || !after || !comparable) return Decimal(0);
  return after->Mid() - before->Mid();
}

std::optional<Decimal> FigureChange::Percent() const {
  if (!before || !after || !comparable || before->Mid().IsZero()) return std::nullopt;
  return Change() / before->Mid() * Decimal(100);
}

namespace {

// ---- Sequential substitution ----------------------------------------------

cost::Evaluation Evaluate(cost::Inputs inputs, const cost::Options& options) {
  Diagnostics ignored;  // a hybrid may fail where it mixes versions; see AttributeChanges
  return cost::Evaluate(std::move(inputs), options, ignored);
}

template <typename T>
const T* FindId(const std::vector<T>& v, const std::string& id) {
  for (const T& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

// `old_model` with the parameter values, item quantities and scenario
// parameter overrides of `new_model`: what "only the inputs changed" means.
cost::ModelDef WithNewParams(cost::ModelDef old_model, const cost::ModelDef& new_model) {
  for (const cost::ParamDef& p : new_model.params) {
    auto it = std::find_if(old_model.params.begin(), old_model.params.end(),
                           [&](const cost::ParamDef& o) { return o.id == p.id; });
    if (it != old_model.params.end()) it->value = p.value;
    else old_model.params.push_back(p);
  }
  for (cost::ItemDef& item : old_model.items) {
    auto n = std::find_if(new_model.items.begin(), new_model.items.end(),
                          [&](const cost::ItemDef& x) { return x.id() == item.id(); });
    if (n != new_model.items.end() && !n->quantity.empty() && !item.quantity.empty()) item.quantity = n->quantity;
  }
  for (cost::ScenarioDef& s : old_model.scenarios) {
    if (const cost::ScenarioDef* n = FindId(new_model.scenarios.get(), s.id)) s.params = n->params;
  }
  return old_model;
}

std::optional<Interval> ValueOf(const cost::Evaluation& ev, const std::string& model,
                                const std::string& scenario, const std::string& figure,
                                std::string* unit = nullptr, bool* money = nullptr) {
  const cost::ModelResult* r = ev.Find(model, scenario);
  const cost::Figure* f = r ? r->Find(figure) : nullptr;
  if (!f || f->is_bool) return std::nullopt;
  if (unit) *unit = f->unit->text;
  if (money) *money = f->IsMoney();
  return f->value;
}

}  // namespace

std::vector<FigureChange> AttributeChanges(const DiffSide& old_side, const DiffSide& new_side,
                                           const std::string& lang) {
  const cost::Inputs& o = old_side.inputs;
  const cost::Inputs& n = new_side.inputs;
  cost::Inputs s1{n.price_lists, o.rates, o.models, o.units};  // new prices
  cost::Inputs s2{n.price_lists, n.rates, o.models, o.units};  // + new exchange rates
  cost::Inputs s3 = s2;                               // + new parameters and quantities
  for (cost::ModelDef& m : s3.models)
    if (const cost::ModelDef* nm = FindId(n.models, m.id)) m = WithNewParams(m, *nm);
  std::vector<cost::Evaluation> steps;
  steps.push_back(Evaluate(o, old_side.options));
  steps.push_back(Evaluate(std::move(s1), new_side.options));
  steps.push_back(Evaluate(std::move(s2), new_side.options));
  steps.push_back(Evaluate(std::move(s3), new_side.options));
  steps.push_back(Evaluate(n, new_side.options));  // + new formulas: the new version

  // Which figures: every total and derived figure of either side, new order first.
  std::vector<std::tuple<std::string, std::string, std::string>> keys;
  std::map<std::tuple<std::string, std::string, std::string>, bool> seen;
  std::map<std::string, std::string> titles;
  for (const cost::Evaluation* ev : {&steps.back(), &steps.front()}) {
    for (const cost::ModelResult& r : ev->results()) {
      if (!titles.count(r.model)) titles[r.model] = Pick(r.title, lang);
      std::vector<std::string> ids;
      if (r.total) ids.push_back("total");
      for (const cost::Figure& f : r.figures) ids.push_back(f.id);
      for (const std::string& id : ids) {
        auto key = std::make_tuple(r.model, r.scenario, id);
        if (!seen[key]) keys.push_back(key), seen[key] = true;
      }
    }
  }

  std::vector<FigureChange> changes;
  for (const auto& [model, scenario, figure] : keys) {
    FigureChange c;
    c.model = model;
    c.scenario = scenario;
    c.figure = figure;
    c.title = titles[model];
    std::string old_unit;
    bool old_money = false;
    c.before = ValueOf(steps.front(), model, scenario, figure, &old_unit, &old_money);
    c.after = ValueOf(steps.back(), model, scenario, figure, &c.unit, &c.money);
    if (!c.after) c.unit = old_unit, c.money = old_money;
    c.comparable = !c.before || !c.after || old_unit == c.unit;
    if (c.before && c.after && c.comparable) {
      // A step whose mixed inputs do not evaluate (say, a new parameter
      // refers to a new figure) keeps the previous value: its share of the
      // change moves to the next cause.
      Decimal prev = c.before->Mid();
      Decimal* causes[] = {&c.prices, &c.fx, &c.params, &c.formulas};
      for (size_t k = 1; k < steps.size(); ++k) {
        std::string unit;
        std::optional<Interval> v = ValueOf(steps[k], model, scenario, figure, &unit);
        Decimal cur = k + 1 == steps.size() ? c.after->Mid() : (v && unit == old_unit ? v->Mid() : prev);
        *causes[k - 1] = cur - prev;
        prev = cur;
      }
    }
    changes.push_back(std::move(c));
  }
  return changes;
}

namespace {

// ---- Output ----------------------------------------------------------------

bool Changed(const FigureChange& c) {
  if (!c.before || !c.after || !c.comparable) return c.before.has_value() != c.after.has_value() || !c.comparable;
  return !(*c.before == *c.after);
}

std::string Signed(const Decimal& d, bool money) {
  std::string s = figures::PlainNumber(d, money);
  return d.IsNegative() || d.IsZero() ? s : "+" + s;
}

std::string Shown(const std::optional<Interval>& v, const FigureChange& c) {
  if (!v) return "—";
  std::string text = figures::PlainValue(*v, c.money);
  if (c.unit.empty()) return text;
  return c.unit == "%" ? text + "%" : text + " " + c.unit;
}

std::string PercentText(const FigureChange& c) {
  std::optional<Decimal> p = c.Percent();
  if (!p) return c.before && c.after ? "—" : (c.after ? "new" : "removed");
  return Signed(p->RoundHalfAwayFromZero(1), false) + "%";
}

std::vector<std::string> Cells(const FigureChange& c) {
  std::string name = c.model + (c.figure == "total" ? "" : "." + c.figure);
  std::vector<std::string> cells = {name, c.scenario.empty() ? "base" : c.scenario,
                                    Shown(c.before, c), Shown(c.after, c)};
  if (!c.comparable) {
    cells.insert(cells.end(), {"unit changed", "—", "—", "—", "—", "—"});
  } else if (!c.before || !c.after) {
    cells.insert(cells.end(), {"—", PercentText(c), "—", "—", "—", "—"});
  } else {
    cells.insert(cells.end(), {Signed(c.Change(), c.money), PercentText(c), Signed(c.prices, c.money),
                               Signed(c.fx, c.money), Signed(c.params, c.money),
                               Signed(c.formulas, c.money)});
  }
  return cells;
}

const std::vector<std::string> kHeader = {"Model", "Scenario", "Before", "After", "Change", "%",
                                          "Prices", "Exchange rates", "Parameters", "Formulas"};

std::string MarkdownTable(const std::vector<const FigureChange*>& rows) {
  std::string md = "|";
  for (const auto& h : kHeader) md += " " + h + " |";
  md += "\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const FigureChange* c : rows) {
    md += "|";
    for (std::string cell : Cells(*c)) {
      for (size_t p = 0; (p = cell.find('|', p)) != std::string::npos; p += 2) cell.replace(p, 1, "\\|");
      md += " " + cell + " |";
    }
    md += "\n";
  }
  return md;
}

}  // namespace

std::string DiffMarkdown(const std::vector<FigureChange>& changes, const std::string& old_label,
                         const std::string& new_label) {
  std::vector<const FigureChange*> totals, others;
  size_t unchanged = 0;
  for (const FigureChange& c : changes) {
    if (!Changed(c)) ++unchanged;
    else (c.figure == "total" ? totals : others).push_back(&c);
  }
  std::string md = "### Cost changes: `" + old_label + "` → `" + new_label + "`\n\n";
  if (totals.empty() && others.empty()) return md + "No cost figure changed.\n";
  if (!totals.empty()) md += "#### Totals\n\n" + MarkdownTable(totals) + "\n";
  if (!others.empty()) md += "#### Other figures\n\n" + MarkdownTable(others) + "\n";
  md += std::to_string(unchanged) + " figure(s) unchanged. Causes are found by sequential "
        "substitution: old models with new prices, then new exchange rates, then new parameters "
        "and quantities, then new formulas.\n";
  return md;
}

std::string DiffJson(const std::vector<FigureChange>& changes, const std::string& old_label,
                     const std::string& new_label) {
  using nlohmann::ordered_json;
  auto interval = [](const std::optional<Interval>& v) {
    return v ? ordered_json{{"lo", v->lo.ToString()}, {"hi", v->hi.ToString()}} : ordered_json();
  };
  ordered_json list = ordered_json::array();
  for (const FigureChange& c : changes) {
    ordered_json j = {{"model", c.model}, {"scenario", c.scenario}, {"figure", c.figure},
                      {"unit", c.unit}, {"changed", Changed(c)}, {"comparable", c.comparable},
                      {"before", interval(c.before)}, {"after", interval(c.after)}};
    if (c.before && c.after && c.comparable) {
      std::optional<Decimal> p = c.Percent();
      j["change"] = c.Change().ToString();
      j["percent"] = p ? ordered_json(p->ToString()) : ordered_json();
      j["causes"] = {{"prices", c.prices.ToString()}, {"fx", c.fx.ToString()},
                     {"params", c.params.ToString()}, {"formulas", c.formulas.ToString()}};
    }
    list.push_back(j);
  }
  ordered_json doc = {{"version", 1}, {"old", old_label}, {"new", new_label}, {"changes", list}};
  return doc.dump(2) + "\n";
}

std::string DiffHtml(const std::vector<FigureChange>& changes, const std::string& old_label,
                     const std::string& new_label, const std::string& lang) {
  using markdown::HtmlEscape;
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + content::HtmlLang(lang) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n<title>Cost changes</title>\n"
                     "<style>table{border-collapse:collapse}th,td{border:1px solid #ccc;"
                     "padding:.3rem .5rem}td{text-align:right}td:first-child,td:nth-child(2)"
                     "{text-align:left}</style>\n</head>\n<body>\n<main>\n<h1>Cost changes: " +
                     HtmlEscape(old_label) + " → " + HtmlEscape(new_label) +
                     "</h1>\n<table>\n<thead><tr>";
  for (const auto& h : kHeader) html += "<th scope=\"col\">" + HtmlEscape(h) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const FigureChange& c : changes) {
    if (!Changed(c)) continue;
    html += "<tr>";
    for (const std::string& cell : Cells(c)) html += "<td>" + HtmlEscape(cell) + "</td>";
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
}

namespace {

// ---- Sides: folders and git revisions ----------------------------------------

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

int RunShell(const std::string& cmd, std::string* out) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A temporary folder removed when the diff ends.
struct ScratchDir {
  fs::path path;
  ~ScratchDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

// The site folder for `spec`: the folder itself, or the site folder `source`
// as it was at revision `spec`, extracted (git archive) into `scratch`.
bool ResolveSide(const std::string& spec, const fs::path& source, ScratchDir* scratch, fs::path* root,
                 std::string* error) {
  std::error_code ec;
  if (fs::is_directory(spec, ec)) {
    *root = spec;
    return true;
  }
  std::string git = "git -C " + ShellQuote(source.string()) + " ";
  std::string ignored;
  if (RunShell(git + "rev-parse --verify --quiet " + ShellQuote(spec + "^{commit}") + " 2>/dev/null",
               &ignored) != 0) {
    *error = "'" + spec + "' is neither a folder nor a git revision of " + source.string();
    return false;
  }
  std::string tmpl = (fs::temp_directory_path() / "costsite-diff-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    *error = "cannot create a temporary folder";
    return false;
  }
  scratch->path = tmpl;
  std::string out;
  if (RunShell(git + "archive --format=tar " + ShellQuote(spec) + " | tar -x -C " +
                   ShellQuote(tmpl) + " 2>&1",
               &out) != 0) {
    *error = "cannot extract revision '" + spec + "': " + out;
    return false;
  }
  *root = tmpl;  // run in a subfolder, git archive holds just that folder
  return true;
}

bool LoadSide(const fs::path& root, DiffSide* side, Diagnostics* diags) {
  const std::string shown = (root / content::kConfigFile).string();
  std::error_code ec;
  if (!fs::exists(root / content::kConfigFile, ec) && !fs::is_symlink(root / content::kConfigFile, ec)) {
    diags->Error({shown, 0, 0}, "no " + std::string(content::kConfigFile) + " (" + side->label + ")");
    return false;
  }
  content::SiteConfig cfg;
  if (!load::LoadConfig(root, &cfg, diags, /*required=*/true, shown)) return false;
  side->options = load::PricingOptions(cfg);
  side->inputs = pricing::ReadPricing(load::PricingDir(root), *diags);
  cost::Evaluate(side->inputs, side->options, *diags);  // report the side's own errors
  return !diags->HasErrors();
}

const char* kDiffHelp =
    "Usage: costsite diff OLD NEW [--format markdown|json] [--html FILE] [--fail-above P%]\n"
    "\n"
    "Compares the cost models of two versions of a site. OLD and NEW are each a\n"
    "site folder or a git revision of the repository holding --source (default: .).\n"
    "Every total and derived figure is shown before and after, with its change\n"
    "split into prices, exchange rates, parameters and quantities, and formulas.\n"
    "\n"
    "  --format F       markdown (default, for a pull-request comment) or json\n"
    "  --html FILE      also write the comparison as an HTML page\n"
    "  --fail-above P%  exit 1 when any total rises by more than P percent\n"
    "  --lang L         language of model titles (default: en)\n"
    "  --source DIR     the repository folder for git revisions (default: .)\n";

}  // namespace

int RunDiff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::map<std::string, std::string> opt = {{"format", "markdown"}, {"lang", "en"}, {"source", "."}};
  std::vector<std::string> sides;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out << kDiffHelp;
      return 0;
    }
    std::string name = a.rfind("--", 0) == 0 ? a.substr(2) : "";
    if (name == "format" || name == "html" || name == "fail-above" || name == "lang" || name == "source") {
      if (i + 1 >= args.size()) {
        err << "costsite: option " << a << " needs a value\n" << kDiffHelp;
        return 2;
      }
      opt[name] = args[++i];
    } else if (!name.empty()) {
      err << "costsite: unknown option '" << a << "'\n" << kDiffHelp;
      return 2;
    } else {
      sides.push_back(a);
    }
  }
  std::optional<Decimal> fail_above;
  if (opt.count("fail-above")) {
    std::string p = opt["fail-above"];
    if (!p.empty() && p.back() == '%') p.pop_back();
    fail_above = Decimal::Parse(p);
    if (!fail_above) {
      err << "costsite: --fail-above needs a percentage such as 10%\n";
      return 2;
    }
  }
  if (sides.size() != 2 || (opt["format"] != "markdown" && opt["format"] != "json")) {
    err << "costsite: diff needs OLD and NEW and a --format of markdown or json\n" << kDiffHelp;
    return 2;
  }
  ScratchDir scratch[2];
  DiffSide side[2];
  Diagnostics diags;
  for (int k = 0; k < 2; ++k) {
    fs::path root;
    std::string error;
    side[k].label = sides[k];
    if (!ResolveSide(sides[k], opt["source"], &scratch[k], &root, &error)) {
      err << "costsite: " << error << "\n";
      return 2;
    }
    LoadSide(root, &side[k], &diags);
  }
  if (diags.HasErrors()) {
    for (const Diagnostic& d : diags.Sorted()) err << FormatDiagnostic(d);
    return 1;
  }
  std::vector<FigureChange> changes = AttributeChanges(side[0], side[1], opt["lang"]);
  out << (opt["format"] == "json" ? DiffJson(changes, sides[0], sides[1])
                                  : DiffMarkdown(changes, sides[0], sides[1]));
  if (opt.count("html")) {
    std::ofstream html(opt["html"], std::ios::binary);
    html << DiffHtml(changes, sides[0], sides[1], opt["lang"]);
    if (!html.flush()) {
      err << "costsite: cannot write " << opt["html"] << "\n";
      return 1;
    }
  }
  if (fail_above) {
    for (const FigureChange& c : changes) {
      std::optional<Decimal> p = c.Percent();
      bool rose = p ? *p > *fail_above : (!c.before && c.after && c.figure == "total");
      if (c.figure == "total" && rose && c.comparable) {
        err << "costsite: " << c.model << (c.scenario.empty() ? "" : "[" + c.scenario + "]")
            << ".total rose by more than " << opt["fail-above"] << "\n";
        return 1;
      }
    }
  }
  return 0;
}

}  // namespace costsite::app
