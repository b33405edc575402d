#include "app/cli.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "content/site_layout.h"
#include "app/actuals_command.h"
#include "app/build.h"
#include "app/eval_command.h"
#include "app/diff_command.h"
#include "app/init_command.h"
#include "app/pdf_command.h"
#include "app/import_command.h"
#include "app/serve_command.h"
#include "base/suggest.h"
#include "output/staging.h"

namespace costsite::app {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;
// More render threads than this only add memory: pages are independent and
// no machine costsite runs on has more cores. Larger --threads are clamped.
constexpr long kMaxThreads = 256;

const char* kVersion = COSTSITE_VERSION;

const char* kHelp =
    "costsite - a static site generator for cost reports\n"
    "\n"
    "Usage: costsite <command> [options]\n"
    "\n"
    "Commands:\n"
    "  build     evaluate the cost models and write the site\n"
    "  check     everything build does, without writing\n"
    "  eval      print evaluated figures of the cost models\n"
    "  diff      compare the cost models of two versions (folders or git revisions)\n"
    "  init      create a minimal bilingual site in a new folder\n"
    "  new       scaffold a report in both languages: costsite new report NAME\n"
    "  serve     preview on 127.0.0.1 with live reload: costsite serve [--port N]\n"
    "  pdf       print every report to A4 PDF with headless Chromium\n"
    "  actuals   exact totals of the FOCUS billing exports in actuals/, per group\n"
    "  import    add a public price catalog to pricing/: costsite import prices FORMAT SOURCE\n"
    "\n"
    "Options:\n"
    "  -h, --help     show help (also: costsite <command> --help)\n"
    "  --version      print the version\n"
    "\n"
    "Exit status: 0 success, 1 errors in the inputs, 2 bad usage.\n";

const char* kBuildHelp =
    "Usage: costsite build [--source DIR] [--out DIR] [options]\n"
    "\n"
    "Builds the site in DIR (default: the current folder) into --out (default:\n"
    "DIR/site). The new site replaces the old one only when the build succeeds.\n"
    "\n"
    "  --source DIR   the site folder, holding site.yaml (default: .)\n"
    "  --out DIR      the output folder (default: DIR/site)\n"
    "  --force        replace an output folder that holds files costsite did not write\n"
    "  --threads N    render on N threads, 1 to 256 (default: one per core; more is clamped to 256)\n"
    "  --single-file  also write each report as one self-contained HTML file,\n"
    "                 site/single/LANG/KEY.html (CSS inline, no external files)\n"
    "  --quiet        print only diagnostics\n"
    "  --verbose      also print sizes (search index) and known discrepancies\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set and site.yaml has no build_date, dates the footer.\n";

const char* kCheckHelp =
    "Usage: costsite check [--source DIR] [--strict] [--format text|json]\n"
    "\n"
    "Loads, evaluates and renders the site without writing anything, and reports\n"
    "every problem: broken links, unknown figures, failed expectations (known\n"
    "discrepancies are listed as notes), stale prices, missing or outdated\n"
    "translations, template errors. --strict turns warnings into errors.\n"
    "--format json prints {version, ok, errors, warnings, notes, diagnostics: [{severity,\n"
    "path, line, column, code, message, source_line}]} on stdout.\n"
    "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 bad usage.\n";

struct Args {
  std::map<std::string, std::string> values;  // --source DIR: the last one given
  std::map<std::string, std::vector<std::string>> all;  // every value given, in order (--set A --set B)
  std::map<std::string, bool> flags;          // --force
  std::vector<std::string> positional;
  std::string error;
};

// Parses `--name value`, `--name=value` and `--flag`; `valued` lists the
// options that take a value, `flags` the ones that do not.
Args ParseArgs(const std::vector<std::string>& args, size_t from, const std::vector<std::string>& valued,
               const std::vector<std::string>& flags) {
  Args a;
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (size_t i = from; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      a.positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    bool inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      inline_value = true;
    }
    if (has(valued, name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) {
          a.error = "option --" + name + " needs a value";
          return a;
        }
        value = args[++i];
      }
      a.values[name] = value;
      a.all[name].push_back(value);
    } else if (has(flags, name) && !inline_value) {
      a.flags[name] = true;
    } else {
      a.error = "unknown option '" + arg + "'";
      return a;
    }
  }
  return a;
}

// Notes (known discrepancies) are what `check` lists; a plain build shows
// them only with --verbose.
void PrintDiagnostics(const Diagnostics& diags, bool strict, std::ostream& err, bool notes = true) {
  for (Diagnostic d : diags.Sorted()) {
    if (!notes && d.severity == Severity::kNote) continue;
    if (strict && d.severity == Severity::kWarning) d.severity = Severity::kError;
    err << FormatDiagnostic(d);
  }
}

// The machine-readable form of a run's diagnostics (docs/authoring.md, "check").
nlohmann::json DiagnosticsJson(const Diagnostics& diags, bool strict, bool ok) {
  nlohmann::json list = nlohmann::json::array();
  int counts[3] = {0, 0, 0};
  for (Diagnostic d : diags.Sorted()) {
    if (strict && d.severity == Severity::kWarning) d.severity = Severity::kError;
    const char* sev = d.severity == Severity::kError ? "error" : d.severity == Severity::kWarning ? "warning" : "note";
    ++counts[static_cast<int>(d.severity)];
    list.push_back({{"severity", sev}, {"path", d.pos.path}, {"line", d.pos.line}, {"column", CharColumn(d.source_line, d.pos.col)},
                    {"code", d.code}, {"message", d.message}, {"source_line", d.source_line}});
  }
  return {{"version", 1}, {"ok", ok}, {"errors", counts[2]}, {"warnings", counts[1]}, {"notes", counts[0]},
          {"diagnostics", list}};
}

std::string Summary(const BuildStats& s, int warnings, const std::string& out, bool wrote) {
  std::ostringstream ss;
  ss << (wrote ? "Built " : "Checked ");
  int total = 0;
  for (const auto& [lang, n] : s.pages_per_language) total += n;
  ss << total << " pages (";
  for (size_t i = 0; i < s.languages.size(); ++i) {
    auto it = s.pages_per_language.find(s.languages[i]);
    ss << (i ? ", " : "") << s.languages[i] << " " << (it == s.pages_per_language.end() ? 0 : it->second);
  }
  ss << "), " << warnings << (warnings == 1 ? " warning" : " warnings") << ", in " << std::fixed
     << std::setprecision(2) << s.seconds << " s";
  if (wrote) ss << " -> " << out;
  return ss.str();
}

// SOURCE_DATE_EPOCH (reproducible-builds.org) as a UTC date; "" when unset or malformed.
std::string SourceDateEpoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return {};
  char* end = nullptr;
  long long secs = std::strtoll(env, &end, 10);
  if (*end != '\0' || secs < 0) return {};
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// "rendering 1234/10000 pages" on one terminal line, redrawn at most ten
// times a second once a build has run for half a second, so short builds
// print nothing; erased before the summary.
class ProgressLine {
 public:
  explicit ProgressLine(std::ostream& out) : out_(out), start_(Clock::now()), last_(start_) {}
  void Update(size_t done, size_t total) {
    std::lock_guard<std::mutex> lock(mu_);
    auto now = Clock::now();
    if (now - start_ < std::chrono::milliseconds(500) || (now - last_ < std::chrono::milliseconds(100) && done < total))
      return;
    last_ = now;
    out_ << "\rrendering " << done << "/" << total << " pages" << std::flush;
    shown_ = true;
  }
  ~ProgressLine() {
    if (shown_) out_ << "\r\033[K" << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  std::mutex mu_;
  Clock::time_point start_, last_;
  bool shown_ = false;
};

// "4" -> 4; "50000" -> kMaxThreads; "0", "-1", "4x", "" -> false.
bool ParseThreads(const std::string& text, int* threads) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
  size_t digits = text.find_first_not_of('0');
  if (digits == std::string::npos) return false;  // zero
  // Anything longer than kMaxThreads's digits is above it; no overflow.
  *threads = static_cast<int>(text.size() - digits > 3 ? kMaxThreads : std::min(std::stol(text), kMaxThreads));
  return true;
}

int RunBuild(const std::vector<std::string>& args, bool check, std::ostream& out, std::ostream& err) {
  Args a = ParseArgs(args, 1, {"source", "out", "threads", "format"},
                     {"force", "quiet", "verbose", "strict", "help", "single-file"});
  if (a.flags["help"]) {
    out << (check ? kCheckHelp : kBuildHelp);
    return kExitOk;
  }
  if (a.error.empty() && !a.positional.empty()) a.error = "unexpected argument '" + a.positional[0] + "'";
  BuildOptions opt;
  if (a.error.empty() && a.values.count("threads") && !ParseThreads(a.values["threads"], &opt.threads))
    a.error = "--threads needs a whole number of at least 1 (got '" + a.values["threads"] + "')";
  if (!a.error.empty()) {
    err << "costsite: " << a.error << "\n" << (check ? kCheckHelp : kBuildHelp);
    return kExitUsage;
  }
  if (a.values.count("source")) opt.source = a.values["source"];
  if (a.values.count("out")) opt.out = a.values["out"];
  const std::filesystem::path out_path = opt.out.empty() ? opt.source / content::kOutputDir : opt.out;
  // An --out that would overwrite the sources or a file is a usage error.
  if (!check) {
    if (std::string why = output::CheckOutputLocation(opt.source, out_path, content::kSourceDirs); !why.empty()) {
      err << "costsite: " << why << " (--out " << out_path.string() << "); nothing was written\n";
      return kExitUsage;
    }
  }
  opt.waiting = [&err, &out_path] {
    err << "costsite: waiting for another build of " << out_path.string() << " to finish\n" << std::flush;
  };
  opt.force = a.flags["force"];
  opt.single_file = a.flags["single-file"];
  opt.write = !check;
  opt.version = kVersion;
  opt.build_date = SourceDateEpoch();

  std::string format = a.values.count("format") ? a.values["format"] : "text";
  if (format != "text" && format != "json") {
    err << "costsite: --format is text or json\n";
    return kExitUsage;
  }

  Diagnostics diags;
  BuildStats stats;
  bool ok;
  {
    std::optional<ProgressLine> progress;
    if (format == "text" && !a.flags["quiet"] && &out == &std::cout && isatty(STDOUT_FILENO)) {
      progress.emplace(out);
      opt.progress = [&progress](size_t done, size_t total) { progress->Update(done, total); };
    }
    ok = BuildSite(opt, &diags, &stats);
  }
  bool strict = a.flags["strict"];
  int errors = diags.ErrorCount() + (strict ? diags.WarningCount() : 0);
  int warnings = strict ? 0 : diags.WarningCount();
  if (format == "json") {
    out << DiagnosticsJson(diags, strict, ok && errors == 0).dump(2) << "\n";
    return ok && errors == 0 ? kExitOk : kExitInputErrors;
  }
  PrintDiagnostics(diags, strict, err, check || a.flags["verbose"]);
  if (!ok || errors > 0) {
    err << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
        << (warnings == 1 ? " warning" : " warnings") << (check ? "" : "; nothing was written") << "\n";
    return kExitInputErrors;
  }
  if (!a.flags["quiet"]) out << Summary(stats, warnings, out_path.string(), !check) << "\n";
  if (a.flags["verbose"] && !a.flags["quiet"]) {
    out << "search index: " << stats.search_index_bytes << " bytes, " << stats.search_index_runs
        << " sorted runs merged\n";
    out << "stages:";
    for (const auto& [stage, seconds] : stats.stages)
      out << " " << stage << " " << std::fixed << std::setprecision(3) << seconds << " s";
    out << "\n";
  }
  return kExitOk;
}

const char* kEvalHelp =
    "Usage: costsite eval [MODEL[.FIGURE] | MODEL[SCENARIO].FIGURE] [--scenario S] [--set MODEL.PARAM=VALUE]...\n"
    "                     [--as-of YYYY-MM-DD] [--json] [--explain] [--source DIR]\n"
    "\n"
    "Prints the evaluated figures of every model, one model, or one figure, with\n"
    "units. --explain adds each figure's formula, inputs, prices (with dates and\n"
    "sources) and exchange rates; --json prints the schema in docs/cost-engine.md.\n"
    "--set gives a parameter another value (a formula, as in `value:`), in the base\n"
    "case and every scenario that does not set it; repeat it for several.\n"
    "--as-of takes prices and exchange rates as of that date (as site.yaml's as_of).\n";

int RunEvalCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Args a = ParseArgs(args, 1, {"source", "scenario", "set", "as-of"}, {"json", "explain", "help"});
  if (a.flags["help"]) {
    out << kEvalHelp;
    return kExitOk;
  }
  if (a.error.empty() && a.positional.size() > 1) a.error = "unexpected argument '" + a.positional[1] + "'";
  if (!a.error.empty()) {
    err << "costsite: " << a.error << "\n" << kEvalHelp;
    return kExitUsage;
  }
  EvalRequest req;
  if (a.values.count("source")) req.source_dir = a.values["source"];
  if (!a.positional.empty()) req.target = a.positional[0];
  req.scenario = a.values["scenario"];
  req.json = a.flags["json"];
  req.explain = a.flags["explain"];
  req.sets = a.all["set"];
  req.as_of = a.values["as-of"];
  Diagnostics diags;
  int code = RunEval(req, out, diags);
  PrintDiagnostics(diags, false, err);
  return code;
}

const char* kActualsHelp =
    "Usage: costsite actuals [--group COL[,COL...]] [--measure M] [--period YYYY-MM] [--currency CUR]\n"
    "                        [--json] [--source DIR]\n"
    "\n"
    "Sums the FOCUS 1.0 billing exports under DIR/actuals (*.csv, *.csv.gz) per\n"
    "group, exactly: every total is the sum of its lines to the last digit.\n"
    "\n"
    "  --group COLS    FOCUS columns or tag keys (tag:team), comma-separated (default: one total)\n"
    "  --measure M     BilledCost (default), EffectiveCost, ListCost or ContractedCost\n"
    "  --period MONTH  only lines whose ChargePeriodStart falls in that month\n"
    "  --currency CUR  convert every line at pricing/ exchange rates dated on or before its start\n"
    "  --json          print the schema in docs/schema/actuals.schema.json\n";

int RunActualsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Args a = ParseArgs(args, 1, {"source", "group", "measure", "period", "currency"}, {"json", "help"});
  if (a.flags["help"]) {
    out << kActualsHelp;
    return kExitOk;
  }
  if (a.error.empty() && !a.positional.empty()) a.error = "unexpected argument '" + a.positional[0] + "'";
  if (!a.error.empty()) {
    err << "costsite: " << a.error << "\n" << kActualsHelp;
    return kExitUsage;
  }
  ActualsRequest req;
  if (a.values.count("source")) req.source_dir = a.values["source"];
  for (const std::string& list : a.all["group"]) {
    std::stringstream ss(list);
    for (std::string g; std::getline(ss, g, ',');) req.group_by.push_back(g);
  }
  if (a.values.count("measure")) req.measure = a.values["measure"];
  req.period = a.values["period"];
  req.currency = a.values["currency"];
  req.json = a.flags["json"];
  Diagnostics diags;
  int code = RunActuals(req, out, diags);
  PrintDiagnostics(diags, false, err);
  return code;
}

const char* kImportHelp =
    "Usage: costsite import prices FORMAT SOURCE [--into pricing/DIR] [--source DIR]\n"
    "\n"
    "Adds the prices of a catalog file to the site's price lists, one file per\n"
    "provider in --into (default: pricing/imported; always inside pricing/).\n"
    "Importing again only adds dated values; a file with nothing new is not\n"
    "touched. FORMAT is genai-prices (the data of npm @pydantic/genai-prices)\n"
    "or csv (provider,id,unit,price,currency,date,variant). docs/pricing.md,\n"
    "\"Importing price catalogs\".\n";

int RunImportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Args a = ParseArgs(args, 1, {"source", "into"}, {"help"});
  if (a.flags["help"]) {
    out << kImportHelp;
    return kExitOk;
  }
  if (a.error.empty() && (a.positional.size() != 3 || a.positional[0] != "prices"))
    a.error = "write: costsite import prices FORMAT SOURCE";
  if (!a.error.empty()) {
    err << "costsite: " << a.error << "\n" << kImportHelp;
    return kExitUsage;
  }
  ImportRequest req;
  req.format = a.positional[1];
  req.source = a.positional[2];
  if (a.values.count("source")) req.site_dir = a.values["source"];
  if (a.values.count("into")) req.into = a.values["into"];
  Diagnostics diags;
  int code = RunImport(req, out, diags);
  PrintDiagnostics(diags, false, err);
  return code;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kHelp;
    return kExitUsage;
  }
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    out << kHelp;
    return kExitOk;
  }
  if (cmd == "--version" || cmd == "version") {
    out << "costsite " << kVersion << "\n";
    return kExitOk;
  }
  if (cmd == "build") return RunBuild(args, false, out, err);
  if (cmd == "check") return RunBuild(args, true, out, err);
  if (cmd == "eval") return RunEvalCommand(args, out, err);
  if (cmd == "actuals") return RunActualsCommand(args, out, err);
  if (cmd == "import") return RunImportCommand(args, out, err);
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "diff") return RunDiff(rest, out, err);
  if (cmd == "init") return RunInit(rest, out, err);
  if (cmd == "new") return RunNew(rest, out, err);
  if (cmd == "serve") return RunServe(rest, out, err);
  if (cmd == "pdf") return RunPdf(rest, out, err);
  err << "costsite: unknown command '" << cmd << "'"
      << DidYouMean(cmd, {"build", "check", "eval", "diff", "init", "new", "serve", "pdf", "import", "actuals", "help", "version"})
      << "\n\n" << kHelp;
  return kExitUsage;
}

}  // namespace costsite::app
