// HTML escaping for the markup the figures stage writes.
#ifndef COSTSITE_FIGURES_HTML_H_
#define COSTSITE_FIGURES_HTML_H_

#include <string>
#include <string_view>

namespace costsite::figures {

/// Escapes text for element content and double-quoted attribute values.
inline std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_HTML_H_
