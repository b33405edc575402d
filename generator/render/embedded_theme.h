// The default theme (templates/, i18n strings, CSS) compiled into the binary.
#ifndef COSTSITE_RENDER_EMBEDDED_THEME_H_
#define COSTSITE_RENDER_EMBEDDED_THEME_H_

#include <string_view>
#include <vector>

namespace costsite::render {

/// One file of the default theme, by its path relative to templates/.
struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};

/// The default theme's files, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedTheme();

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_EMBEDDED_THEME_H_
