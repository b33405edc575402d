#include "app/import_command.h"

#include <filesystem>
#include <fstream>
#include <map>

#include "base/fs_util.h"
#include "base/suggest.h"
#include "base/today.h"
#include "imports/imports.h"
#include "pricing/pricing.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

// `--into` as a folder below pricing/, or "" after reporting: never a path
// that leaves the site's pricing/ (absolute, `..`, or a link out of it).
std::string IntoFolder(const ImportRequest& req, Diagnostics& diags) {
  fs::path into = fs::path(req.into).lexically_normal();
  auto bad = [&](const std::string& why) {
    diags.Error({"--into", 0, 0}, "--into '" + req.into + "' " + why + ": give a folder inside pricing/, such as pricing/imported");
    return std::string();
  };
  if (into.is_absolute()) return bad("is an absolute path");
  auto first = into.begin();
  if (first == into.end() || *first != "pricing") return bad("is not inside pricing/");
  for (const auto& part : into)
    if (part == "..") return bad("leaves pricing/");
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::path(req.site_dir) / "pricing", ec);
  fs::path real = fs::weakly_canonical(fs::path(req.site_dir) / into, ec);
  auto rel = real.lexically_relative(root);
  if (ec || rel.empty() || *rel.begin() == "..") return bad("leads outside pricing/ through a link");
  return into.generic_string();
}

// The provider ids the rest of the site defines, by file.
std::map<std::string, std::string> ProvidersOutside(const ImportRequest& req, const std::string& into) {
  Diagnostics ignored;  // the site's own errors are `check`'s to report
  cost::Inputs inputs = pricing::ReadPricing(fs::path(req.site_dir) / "pricing", ignored, 1);
  std::map<std::string, std::string> where;
  for (const auto& list : inputs.price_lists) {
    const std::string& file = list.where.pos().path;
    if (file.rfind(into + "/", 0) != 0) where.emplace(list.provider, file);
  }
  return where;
}

bool WriteAtomically(const fs::path& path, const std::string& text, Diagnostics& diags) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    if (!f.flush()) {
      diags.Error({path.string(), 0, 0}, "cannot write the file");
      return false;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) diags.Error({path.string(), 0, 0}, "cannot write the file: " + ec.message());
  return !ec;
}

}  // namespace

int RunImport(const ImportRequest& req, std::ostream& out, Diagnostics& diags) {
  static const char* kFormats[] = {"genai-prices", "csv"};
  if (req.format != kFormats[0] && req.format != kFormats[1]) {
    diags.Error({"costsite", 0, 0}, "unknown catalog format '" + req.format + "'" +
                                        DidYouMean(req.format, {kFormats[0], kFormats[1]}) +
                                        ": give genai-prices or csv");
    return 2;
  }
  std::string into = IntoFolder(req, diags);
  if (into.empty()) return 2;
  std::string today, error;
  if (!Today(&today, &error)) {
    diags.Error({"COSTSITE_TODAY", 0, 0}, error);
    return 1;
  }
  std::string text;
  if (!ReadFile(req.source, &text, &error)) {
    diags.Error({req.source, 0, 0}, error);
    return 1;
  }
  std::vector<cost::PriceList> lists = req.format == "csv" ? imports::ParseCsvPrices(req.source, text, today, diags)
                                                           : imports::ParseGenaiPrices(req.source, text, today, diags);
  if (diags.HasErrors()) return 1;
  const std::map<std::string, std::string> elsewhere = ProvidersOutside(req, into);
  const std::string header = "Imported by `costsite import prices " + req.format +
                             "`: importing again only adds dated values (docs/pricing.md).";
  std::vector<std::pair<fs::path, std::string>> writes;
  for (const cost::PriceList& fresh : lists) {
    std::string shown = into + "/" + fresh.provider + ".yaml";
    if (auto it = elsewhere.find(fresh.provider); it != elsewhere.end()) {
      diags.Error({shown, 0, 0}, "provider '" + fresh.provider + "' is already defined in " + it->second +
                                     ": import into that file's folder, or rename one of them");
      continue;
    }
    fs::path file = fs::path(req.site_dir) / shown;
    cost::PriceList merged = fresh;
    std::string before;
    imports::MergeCounts counts;
    counts.entries_added = static_cast<int>(fresh.entries.size());
    if (fs::exists(file)) {
      if (!ReadFile(file, &before, &error)) {
        diags.Error({shown, 0, 0}, error);
        continue;
      }
      merged = cost::PriceList();
      if (!pricing::ParsePriceList(shown, before, &merged, diags)) continue;
      counts = imports::MergePriceList(fresh, today, shown, &merged, diags);
    }
    std::string after = imports::WritePriceList(merged, header);
    cost::PriceList reread;
    Diagnostics check;
    if (!pricing::ParsePriceList(shown, after, &reread, check)) {
      diags.Error({shown, 0, 0}, "internal error: the written price list does not read back");
      diags.Merge(check);
      continue;
    }
    out << shown << ": " << counts.entries_added << " entries added, " << counts.values_added
        << " dated values added, " << counts.unchanged << " unchanged\n";
    if (after != before) writes.emplace_back(file, std::move(after));
  }
  if (diags.HasErrors()) return 1;
  for (const auto& [file, content] : writes)
    if (!WriteAtomically(file, content, diags)) return 1;
  return 0;
}

}  // namespace costsite
