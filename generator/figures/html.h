// HTML escaping for the markup the figures stage writes.
#ifndef COSTSITE_FIGURES_HTML_H_
#define COSTSITE_FIGURES_HTML_H_

#include <string>
#include <string_view>

namespace costsite::figures {

/// Escapes text for element content and double-quoted attribute values.
inline std::string Escape(std::string_view text) {
  // Runs between the five characters are appended whole: every label, unit
  // and number of every figure and popover passes here.
  std::string out;
  out.reserve(text.size() + 8);
  size_t run = 0;  // start of the characters not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text.data() + run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
  return out;
}

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_HTML_H_
