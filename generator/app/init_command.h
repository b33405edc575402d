// Scaffolding for authors: `costsite init DIR` writes a minimal working
// bilingual site; `costsite new report NAME` adds a report in both languages
// and a model stub to an existing site. Neither overwrites an existing file.
#ifndef COSTSITE_APP_INIT_COMMAND_H_
#define COSTSITE_APP_INIT_COMMAND_H_

#include <filesystem>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace costsite::app {

/// The files of a new site: (relative path, text), in writing order.
std::vector<std::pair<std::string, std::string>> InitSiteFiles();

/// The files of a new report NAME: content/reports/NAME.{zh,en}.md and
/// pricing/models/NAME.yaml. REQUIRES: IsValidReportName(name).
std::vector<std::pair<std::string, std::string>> NewReportFiles(const std::string& name);

/// Lowercase letters, digits, '_' and '-', starting with a letter.
bool IsValidReportName(const std::string& name);

/// `costsite init DIR` and `costsite new report NAME [--source DIR]`; `args`
/// start after the command name. Returns the exit code.
int RunInit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunNew(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace costsite::app

#endif  // COSTSITE_APP_INIT_COMMAND_H_
