#include "render/splice.h"

#include <cstdio>
#include <random>

#include <kainjow/mustache.hpp>

namespace costsite::render {

namespace {

// What every marker, escaped or not, holds: one search finds them all.
constexpr std::string_view kStem = "!--costsite-splice:";

}  // namespace

SplicedValue::SplicedValue(std::string_view name) {
  std::random_device rd;
  char nonce[32];
  std::snprintf(nonce, sizeof nonce, "%08x%08x", rd(), rd());
  marker_ = "<" + std::string(kStem) + std::string(name) + ":" + nonce + "-->";
  escaped_marker_ = kainjow::mustache::html_escape<std::string>(marker_);
}

std::string Splice(std::string_view text, const Splices& values) {
  // Every page passes here twice: the text is scanned once, for the stem,
  // and each hit is checked against the markers (`<` or `&lt;` before it).
  std::string out;
  size_t from = 0;  // the text up to here is in `out`
  for (size_t stem = text.find(kStem); stem != std::string_view::npos; stem = text.find(kStem, stem + 1)) {
    for (const auto& [v, value] : values) {
      bool raw = stem >= 1 && text.compare(stem - 1, v->marker_.size(), v->marker_) == 0;
      bool escaped = !raw && stem >= 4 && text.compare(stem - 4, v->escaped_marker_.size(), v->escaped_marker_) == 0;
      if (!raw && !escaped) continue;
      size_t at = stem - (raw ? 1 : 4);
      if (at < from) break;  // inside the marker just replaced
      if (out.empty()) out.reserve(text.size() + value.size());
      out.append(text.data() + from, at - from);
      if (escaped) out += kainjow::mustache::html_escape<std::string>(std::string(value));  // as kainjow escapes
      else out.append(value);
      from = at + (escaped ? v->escaped_marker_.size() : v->marker_.size());
      break;
    }
  }
  if (from == 0) return std::string(text);
  out.append(text.data() + from, text.size() - from);
  return out;
}

}  // namespace costsite::render
