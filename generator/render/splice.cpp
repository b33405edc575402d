#include "render/splice.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include <kainjow/mustache.hpp>

namespace costsite::render {

SplicedValue::SplicedValue(std::string_view name) {
  std::random_device rd;
  char nonce[32];
  std::snprintf(nonce, sizeof nonce, "%08x%08x", rd(), rd());
  marker_ = "<!--costsite-splice:" + std::string(name) + ":" + nonce + "-->";
  escaped_marker_ = kainjow::mustache::html_escape<std::string>(marker_);
}

std::string Splice(std::string_view text, const std::vector<std::pair<const SplicedValue*, std::string_view>>& values) {
  struct Hit {
    size_t at, length;
    std::string_view value;
    bool escaped;
  };
  std::vector<Hit> hits;
  for (const auto& [v, value] : values) {
    for (bool escaped : {false, true}) {
      const std::string& m = escaped ? v->escaped_marker_ : v->marker_;
      for (size_t at = text.find(m); at != std::string_view::npos; at = text.find(m, at + m.size()))
        hits.push_back({at, m.size(), value, escaped});
    }
  }
  if (hits.empty()) return std::string(text);
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  std::string out;
  size_t grow = 0;
  for (const Hit& h : hits) grow += h.value.size();
  out.reserve(text.size() + grow);
  size_t from = 0;
  for (const Hit& h : hits) {
    if (h.at < from) continue;  // markers do not overlap; kept safe anyway
    out.append(text.data() + from, h.at - from);
    if (h.escaped) out += kainjow::mustache::html_escape<std::string>(std::string(h.value));  // as kainjow escapes
    else out.append(h.value);
    from = h.at + h.length;
  }
  out.append(text.data() + from, text.size() - from);
  return out;
}

}  // namespace costsite::render
