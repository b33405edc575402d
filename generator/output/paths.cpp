#include "output/paths.h"

#include <vector>

namespace costsite::output {

namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::string PageFile(std::string_view lang, std::string_view key) {
  std::string out(lang);
  out += '/';
  if (!key.empty()) {
    out += key;
    out += '/';
  }
  return out + "index.html";
}

std::string RootPrefix(std::string_view from) {
  std::string out;
  size_t depth = Split(from).size();
  for (size_t i = 1; i < depth; ++i) out += "../";
  return out;
}

std::string RelativeUrl(std::string_view from, std::string_view to) {
  auto f = Split(from);
  auto t = Split(to);
  if (!f.empty()) f.pop_back();  // the folder holding `from`
  size_t common = 0;
  while (common < f.size() && common + 1 < t.size() && f[common] == t[common]) ++common;
  std::string out;
  for (size_t i = common; i < f.size(); ++i) out += "../";
  for (size_t i = common; i < t.size(); ++i) {
    out += t[i];
    if (i + 1 < t.size()) out += '/';
  }
  return out;
}

}  // namespace costsite::output
