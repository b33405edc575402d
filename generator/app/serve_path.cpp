#include "app/serve_path.h"

#include <string>

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes; false on a truncated or non-hex escape. '+' stays
// itself: it means a space only in a query.
bool PercentDecode(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out->push_back(in[i]);
      continue;
    }
    int hi = i + 2 < in.size() ? HexValue(in[i + 1]) : -1;
    int lo = hi >= 0 ? HexValue(in[i + 2]) : -1;
    if (lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

// One name between slashes. A decoded '/' never reaches here (it splits
// names), so a name cannot make the joined path absolute; "." and ".." are
// refused rather than resolved, as the site never links to them.
bool SafeName(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.size() <= kMaxRequestName &&
         name.find('\0') == std::string_view::npos && name.find('\\') == std::string_view::npos;
}

}  // namespace

std::optional<fs::path> ResolveRequestPath(const fs::path& root, std::string_view target) {
  std::string_view raw = target.substr(0, target.find_first_of("?#"));
  std::string path;
  if (raw.empty() || raw.front() != '/' || !PercentDecode(raw, &path) || path.size() > kMaxRequestPath)
    return std::nullopt;
  fs::path file = root;
  for (size_t start = 1; start < path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view name = std::string_view(path).substr(start, end - start);
    if (!SafeName(name)) return std::nullopt;  // "//etc/passwd", "/%2fetc", "/a/../b", ...
    file /= fs::path(std::string(name));
    start = end + 1;  // past a trailing '/', the loop ends: "/en/" names the folder
  }
  return file;
}

bool IsLoopbackHost(std::string_view host) {
  // An optional ":port" of digits after the name.
  size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos) {
    std::string_view port = host.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    host = host.substr(0, colon);
  }
  std::string name(host);
  for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
}

}  // namespace costsite::app
