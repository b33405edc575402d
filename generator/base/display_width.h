// How many terminal columns text takes: East Asian wide characters (CJK,
// Hangul, fullwidth forms) take two, so a caret under a diagnostic's source
// line and the columns of a table printed for a terminal line up.
#ifndef COSTSITE_BASE_DISPLAY_WIDTH_H_
#define COSTSITE_BASE_DISPLAY_WIDTH_H_

#include <cstddef>
#include <string_view>

namespace costsite {

/// Columns the first `bytes` bytes of UTF-8 `text` take (all of it by default);
/// a tab counts as one column.
int DisplayWidth(std::string_view text, size_t bytes = std::string_view::npos);

}  // namespace costsite

#endif  // COSTSITE_BASE_DISPLAY_WIDTH_H_
