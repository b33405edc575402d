// libFuzzer target: the request path of `costsite serve` (app/serve_path.h)
// on arbitrary request targets. Whatever the encoding, a resolved file must
// lie inside the served folder: no absolute remainder, no "..", no NUL.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "app/serve_path.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  static const fs::path kRoot = "/srv/costsite/site";
  std::string_view target(reinterpret_cast<const char*>(data), size);
  std::optional<fs::path> file = costsite::app::ResolveRequestPath(kRoot, target);
  if (!file) return 0;
  const std::string& text = file->native();
  // Below the root by its very text, and already in normal form, so that no
  // later step (the file system included) can read it as anything else.
  if (text != kRoot.native() && text.rfind(kRoot.native() + "/", 0) != 0) std::abort();
  if (file->lexically_normal() != *file) std::abort();
  for (const fs::path& name : file->lexically_relative(kRoot))
    if (name == ".." || name.native().find('\0') != std::string::npos) std::abort();
  costsite::app::IsLoopbackHost(target);
  return 0;
}
