// What `costsite serve` answers: which file a request names, and which Host
// headers it accepts. Pure functions of the request text (no disk access),
// so the rules can be tested from strings and fuzzed
// (tests/fuzz/serve_path_fuzzer.cpp).
#ifndef COSTSITE_APP_SERVE_PATH_H_
#define COSTSITE_APP_SERVE_PATH_H_

#include <filesystem>
#include <optional>
#include <string_view>

namespace costsite::app {

/// The longest request path (after percent-decoding) and the longest name in
/// it that serve resolves; longer ones are answered 404, as no such file is
/// served (Linux's PATH_MAX and NAME_MAX).
inline constexpr size_t kMaxRequestPath = 4096;
inline constexpr size_t kMaxRequestName = 255;

/// The file or folder under `root` that the request target `target` names, as
/// the client sent it ("/en/a%20b/?q=1": the query is ignored, the path
/// percent-decoded). nullopt, to be answered 404, when the target does not
/// start with '/', has a bad escape, an empty (other than the last), "." or
/// ".." segment, a NUL or a backslash, or a name or path over the limits
/// above. A returned path is always `root` or below it.
std::optional<std::filesystem::path> ResolveRequestPath(const std::filesystem::path& root, std::string_view target);

/// True when a Host header names the loopback interface serve listens on:
/// 127.0.0.1, localhost or [::1], with or without a port. Any other name is
/// refused so that a page of another origin cannot read the preview through
/// a DNS name that it points at 127.0.0.1 (DNS rebinding).
bool IsLoopbackHost(std::string_view host);

}  // namespace costsite::app

#endif  // COSTSITE_APP_SERVE_PATH_H_
