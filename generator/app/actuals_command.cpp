#include "app/actuals_command.h"

#include <algorithm>
#include <filesystem>
#include <iomanip>

#include <nlohmann/json.hpp>

#include "actuals/actuals.h"
#include "base/suggest.h"
#include "base/display_width.h"
#include "content/site_layout.h"
#include "cost/decimal_text.h"
#include "cost/units.h"
#include "load/site_loader.h"
#include "pricing/pricing.h"

namespace costsite {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;

bool IsMonth(const std::string& s) {
  return s.size() == 7 && std::all_of(s.begin(), s.begin() + 4, ::isdigit) && s[4] == '-' && ::isdigit(s[5]) &&
         ::isdigit(s[6]) && std::stoi(s.substr(5)) >= 1 && std::stoi(s.substr(5)) <= 12;
}

// The exchange rates of the site's pricing/ (docs/pricing.md), checked.
std::vector<actuals::FxRate> SiteRates(const std::filesystem::path& root, Diagnostics& diags) {
  cost::Inputs inputs = pricing::ReadPricing(load::PricingDir(root), diags, 1);
  std::vector<actuals::FxRate> rates;
  for (const cost::Rate& r : inputs.rates) {
    auto v = cost::Decimal::Parse(r.rate.text);
    if (!v || *v <= cost::Decimal(0)) {
      diags.Error(r.rate.pos(), "malformed rate '" + r.rate.text + "': write a positive number", r.rate.line(),
                  static_cast<int>(r.rate.text.size()), "malformed-number");
      continue;
    }
    rates.push_back({r.base, r.quote, r.date, *v});
  }
  return rates;
}

std::string WithThousands(int64_t n) {
  std::string s = std::to_string(n), out;
  int digits = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    if (digits > 0 && digits % 3 == 0 && *it != '-') out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++digits;
  }
  return out;
}

nlohmann::json TotalJson(const actuals::GroupTotal& t) {
  return {{"currency", t.currency}, {"total", cost::ToFullString(t.total)}, {"lines", t.lines}, {"empty_lines", t.empty_lines}};
}

void PrintJson(const ActualsRequest& req, const actuals::Totals& totals, std::ostream& out) {
  nlohmann::json groups = nlohmann::json::array(), sums = nlohmann::json::array();
  for (const actuals::GroupTotal& g : totals.groups) {
    nlohmann::json key = nlohmann::json::object();
    for (size_t i = 0; i < req.group_by.size(); ++i) key[req.group_by[i]] = g.key[i];
    nlohmann::json j = {{"key", key}};
    j.update(TotalJson(g));
    groups.push_back(std::move(j));
  }
  for (const actuals::GroupTotal& s : totals.sums) sums.push_back(TotalJson(s));
  nlohmann::json doc = {
      {"measure", req.measure},
      {"group_by", req.group_by},
      {"period", req.period.empty() ? nlohmann::json(nullptr) : nlohmann::json(req.period)},
      {"currency", req.currency.empty() ? nlohmann::json(nullptr) : nlohmann::json(req.currency)},
      {"files", totals.files},
      {"lines_read", totals.lines_read},
      {"lines_selected", totals.lines_selected},
      {"groups", groups},
      {"totals", sums},
  };
  out << doc.dump(2) << "\n";
}

void PrintText(const ActualsRequest& req, const actuals::Totals& totals, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = req.group_by;
  if (head.empty()) head.push_back("");
  head.push_back("Lines");
  head.push_back(req.measure);
  head.push_back("Currency");
  rows.push_back(head);
  for (const actuals::GroupTotal& g : totals.groups) {
    std::vector<std::string> row = g.key;
    if (req.group_by.empty()) row.push_back("(all)");
    row.push_back(WithThousands(g.lines));
    row.push_back(cost::ToFullString(g.total));
    row.push_back(g.currency);
    rows.push_back(std::move(row));
  }
  for (const actuals::GroupTotal& s : totals.sums) {
    std::vector<std::string> row(std::max<size_t>(req.group_by.size(), 1), "");
    row[0] = "Total";
    row.push_back(WithThousands(s.lines));
    row.push_back(cost::ToFullString(s.total));
    row.push_back(s.currency);
    rows.push_back(std::move(row));
  }
  // Columns line up in a terminal: a service or tag named in Chinese takes
  // two columns a character, not its three bytes.
  std::vector<int> width(head.size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], DisplayWidth(row[i]));
  const size_t keys = head.size() - 3;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string cell = row[i];
      std::string pad(static_cast<size_t>(width[i] - DisplayWidth(cell)), ' ');
      bool right = i == keys || i == keys + 1;  // counts and amounts line up on the right
      line += right ? pad + cell : cell + (i + 1 < row.size() ? pad : "");
      if (i + 1 < row.size()) line += "  ";
    }
    out << line << "\n";
  }
  out << WithThousands(totals.lines_selected) << " of " << WithThousands(totals.lines_read) << " lines in "
      << totals.files.size() << (totals.files.size() == 1 ? " file" : " files")
      << (req.period.empty() ? "" : ", charge periods starting in " + req.period) << "\n";
}

}  // namespace

int RunActuals(const ActualsRequest& req, std::ostream& out, Diagnostics& diags) {
  actuals::Query query;
  query.group_by = req.group_by;
  auto measure = actuals::MeasureNamed(req.measure);
  if (!measure) {
    std::string names;
    for (const std::string& n : actuals::MeasureNames()) names += (names.empty() ? "" : ", ") + n;
    diags.Error({}, "unknown measure '" + req.measure + "': use one of " + names);
    return kExitUsage;
  }
  query.measure = *measure;
  if (!req.period.empty() && !IsMonth(req.period)) {
    diags.Error({}, "malformed period '" + req.period + "': write a month, YYYY-MM");
    return kExitUsage;
  }
  query.period = req.period;
  if (!req.currency.empty() && !cost::IsCurrencyCode(req.currency)) {
    diags.Error({}, "unknown currency '" + req.currency + "'");
    return kExitUsage;
  }
  for (const std::string& g : req.group_by) {
    if (g.empty() || g == "tag:") {
      diags.Error({}, "empty group name in --group");
      return kExitUsage;
    }
  }
  query.currency = req.currency;
  const std::filesystem::path root(req.source_dir);
  if (!query.currency.empty()) query.rates = SiteRates(root, diags);
  const std::filesystem::path dir = load::ActualsDir(root);
  if (!std::filesystem::is_directory(dir)) {
    diags.Error({}, "no " + std::string(content::kActualsDir) + "/ folder in " + req.source_dir);
    return kExitInputErrors;
  }
  // A column no file of the export has is a mistake (a file without a
  // column another has reads it as empty on its lines). A file whose header
  // does not read may have it: reading the files then says what is wrong
  // with that one.
  bool unreadable = false;
  const std::vector<std::string> columns = actuals::ExportColumns(dir, diags, &unreadable);
  for (const std::string& g : req.group_by) {
    const std::string column = g.rfind("tag:", 0) == 0 ? "Tags" : g;
    if (unreadable || columns.empty() || actuals::HasColumn(columns, column)) continue;
    const std::string s = Suggest(column, columns);
    diags.Error({}, "unknown column '" + column + "' in --group: no file of the export has it" +
                        (s.empty() ? "" : " (did you mean '" + s + "'?)"));
  }
  if (diags.HasErrors()) return kExitInputErrors;
  actuals::Totals totals = actuals::LoadActuals(dir, query, diags);
  if (totals.files.empty())
    diags.Error({}, std::string(content::kActualsDir) + "/ holds no .csv or .csv.gz file");
  if (diags.HasErrors()) return kExitInputErrors;
  if (req.json) {
    PrintJson(req, totals, out);
  } else {
    PrintText(req, totals, out);
  }
  return kExitOk;
}

}  // namespace costsite
