// The command line: parses arguments, runs a command, prints diagnostics and
// chooses the exit code (0 success, 1 errors in the inputs, 2 bad usage).
#ifndef COSTSITE_APP_CLI_H_
#define COSTSITE_APP_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace costsite::app {

/// Runs costsite with `args` (without the program name).
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace costsite::app

#endif  // COSTSITE_APP_CLI_H_
