#include "base/display_width.h"

#include <cstdint>

namespace costsite {

int DisplayWidth(std::string_view line, size_t bytes) {
  int width = 0;
  for (size_t i = 0; i < bytes && i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '\t') { width += 1; ++i; continue; }
    if (c < 0x80) { ++width; ++i; continue; }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t cp = 0;
    if (len == 3 && i + 2 < line.size()) {
      cp = ((c & 0x0F) << 12) | ((line[i + 1] & 0x3F) << 6) | (line[i + 2] & 0x3F);
    }
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6) || len == 4;
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

}  // namespace costsite
