// The default theme (templates/, i18n strings, CSS) compiled into the binary.
#ifndef COSTSITE_LOAD_EMBEDDED_THEME_H_
#define COSTSITE_LOAD_EMBEDDED_THEME_H_

#include <string_view>
#include <vector>

namespace costsite::load {

/// One file of the default theme, by its path relative to templates/.
struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};

/// The default theme's files, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedTheme();

}  // namespace costsite::load

#endif  // COSTSITE_LOAD_EMBEDDED_THEME_H_
