// `costsite serve [--source DIR] [--port N]`: local preview on 127.0.0.1.
// Builds into a private folder, serves it, watches the sources (SourceWatcher),
// re-renders what a change affects (ServeSession) and reloads the browser. A
// failed update keeps the last good site served and shows its diagnostics in
// the page and the terminal.
#ifndef COSTSITE_APP_SERVE_COMMAND_H_
#define COSTSITE_APP_SERVE_COMMAND_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace costsite::app {

/// Path of the endpoint the live-reload script polls.
inline constexpr std::string_view kVersionEndpoint = "/__costsite/version";

/// `html` with the live-reload script (and, when `error` is not empty, a
/// banner showing it) inserted before </body>; only served pages get it.
std::string InjectLiveReload(std::string_view html, long version, std::string_view error);

/// Runs `costsite serve`; `args` start after "serve". Returns the exit code.
int RunServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace costsite::app

#endif  // COSTSITE_APP_SERVE_COMMAND_H_
