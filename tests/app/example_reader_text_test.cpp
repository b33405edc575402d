// What a reader of the example site reads: no English unit words, internal
// ids or formulas on a Chinese page, and every figure with the same digits in
// both languages. Built end to end with the costsite binary.
#include <catch2/catch.hpp>
#include <algorithm>
#include <regex>

#include "tests/test_util.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;

// Removes every element named `tag` with its content ("<code>…</code>" for
// tag "code>" removes only attribute-less code spans: the author's code).
std::string Drop(std::string html, const std::string& open, const std::string& close) {
  for (size_t p = html.find(open); p != std::string::npos; p = html.find(open, p)) {
    size_t end = html.find(close, p);
    if (end == std::string::npos) break;
    html.erase(p, end + close.size() - p);
  }
  return html;
}

// The text a reader sees, the figures' popovers included: no scripts,
// styles, the author's code or link targets; tags removed (with their attributes);
// the entities the renderer writes decoded.
std::string ReaderText(std::string html) {
  html = Drop(html, "<script", "</script>");
  html = Drop(html, "<style", "</style>");
  html = Drop(html, "<pre", "</pre>");
  html = Drop(html, "<code>", "</code>");
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') {
      in_tag = false;
      text += ' ';
    }
  }
  for (auto [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                          {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size()))
      text.replace(p, from.size(), to);
  }
  // Addresses are cited, not read: "…/reserved-instances/…" is no English word on the page.
  return std::regex_replace(text, std::regex(R"(https?://\S+)"), " ");
}

// The significant digits of every figure on a page, one string each, sorted:
// "US$1,080万" and "$10.8M" both give "108".
std::vector<std::string> FigureDigits(const std::string& html) {
  // A figure in a table may hold <wbr> after a unit's slash ("calls/<wbr>month").
  static const std::regex kFigure("<span class=\"fig\"[^>]*>((?:[^<]|<wbr>)*)</span>");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kFigure); it != std::sregex_iterator(); ++it) {
    std::string digits;
    for (char c : (*it)[1].str())
      if (c >= '0' && c <= '9') digits += c;
    size_t first = digits.find_first_not_of('0'), last = digits.find_last_not_of('0');
    out.push_back(first == std::string::npos ? "0" : digits.substr(first, last - first + 1));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("Example site: a zh page reads in Chinese, and both languages show the same digits") {
  TempDir tmp;
  fs::path out = tmp.path() / "site";
  std::string cmd = std::string(COSTSITE_BINARY) + " build --quiet --source " + COSTSITE_SOURCE_DIR +
                    " --out " + out.string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  // What must not reach a Chinese reader, each with why.
  struct Pattern {
    const char* regex;
    const char* what;
  };
  const Pattern kForbidden[] = {
      {R"(\b(month|months|hour|hours|day|days|year|years)\b)", "an English time unit"},
      {R"([0-9] ?(USD|CNY|EUR)\b|\b(USD|CNY|EUR)/)", "a currency code as a unit"},
      {R"(/(h|month|day|year)\b)", "an English unit after a slash"},
      {R"(\b(gpus|questions|sessions|instances|requests|calls|queries|tokens|nodes|users|vectors)\b)",
       "an English count noun"},
      {R"(\b[a-z][a-z0-9]*_[a-z0-9_]+\b)", "an internal id (snake_case)"},
      {R"(\b(share|fx|convert|ceil|floor|npv|min|max)\()", "a formula"},
      {R"(@[a-z][a-z0-9_-]*/)", "a price reference"},
  };
  int pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out / "zh")) {
    if (entry.path().filename() != "index.html") continue;
    fs::path rel = fs::relative(entry.path(), out / "zh");
    std::string zh = ReadAll(entry.path());
    std::string en = ReadAll(out / "en" / rel);
    std::string text = ReaderText(zh);
    for (const Pattern& p : kForbidden) {
      std::smatch m;
      std::string context;
      if (std::regex_search(text, m, std::regex(p.regex)))
        context = text.substr(m.position() > 40 ? m.position() - 40 : 0, 100);
      INFO("zh/" << rel.string() << ": " << p.what << " in \"" << context << "\"");
      CHECK(context.empty());
    }
    INFO("zh/" << rel.string() << " against en/" << rel.string());
    CHECK(FigureDigits(zh) == FigureDigits(en));
    ++pages;
  }
  CHECK(pages == 7);
}

}  // namespace
}  // namespace costsite
