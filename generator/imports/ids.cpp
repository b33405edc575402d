// Names and numbers as catalogs write them, made into costsite's.
#include <cctype>

#include "imports/imports.h"

namespace costsite::imports {

std::string IdFor(std::string_view name) {
  std::string id;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    bool word = std::islower(u) || std::isdigit(u) || c == '_';
    if (std::isupper(u)) {
      id.push_back(static_cast<char>(std::tolower(u)));
    } else if (word) {
      id.push_back(c);
    } else if (!id.empty() && id.back() != '-' && id.back() != '.') {
      id.push_back(c == '.' ? '.' : '-');  // '.' stays; any other run is one '-'
    }
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  return id.empty() ? "x" : id;
}

std::string PlainDecimal(std::string_view n) {
  bool negative = !n.empty() && n[0] == '-';
  if (negative) n.remove_prefix(1);
  size_t e = n.find_first_of("eE");
  long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view ex = n.substr(e + 1);
    bool neg = !ex.empty() && ex[0] == '-';
    if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
    if (ex.empty() || ex.size() > 4) return "";
    for (char c : ex) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return "";
      exponent = exponent * 10 + (c - '0');
    }
    if (neg) exponent = -exponent;
    n = n.substr(0, e);
  }
  size_t dot = n.find('.');
  std::string digits(n.substr(0, dot));
  if (digits.empty()) return "";
  long point = static_cast<long>(digits.size());  // digits before the point
  if (dot != std::string_view::npos) digits += n.substr(dot + 1);
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  point += exponent;
  if (point <= 0) {
    digits.insert(0, static_cast<size_t>(-point) + 1, '0');
    point = 1;
  }
  while (static_cast<long>(digits.size()) < point) digits.push_back('0');
  std::string whole = digits.substr(0, static_cast<size_t>(point));
  std::string frac = digits.substr(static_cast<size_t>(point));
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  size_t lead = whole.find_first_not_of('0');
  whole = lead == std::string::npos ? "0" : whole.substr(lead);
  std::string out = whole + (frac.empty() ? "" : "." + frac);
  return negative && out != "0" ? "-" + out : out;
}

}  // namespace costsite::imports
