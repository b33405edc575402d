#include "figures/unit_words.h"

#include <algorithm>
#include <array>

#include "figures/strings.h"

namespace costsite::figures {

namespace {

// Built-in unit words. Symbols that read the same in both languages (GB, USD,
// %) have no row. Chinese keeps "token" as the field writes it.
const std::vector<UnitWords>& BuiltIn() {
  static const std::vector<UnitWords> kRows = {
      {{"month", "months"}, "月", "个", "月", "month", "months", "month"},
      {{"h"}, "小时", "", "小时", "h", "h", "h"},
      {{"hour", "hours"}, "小时", "", "小时", "hour", "hours", "hour"},
      {{"day", "days"}, "天", "", "天", "day", "days", "day"},
      {{"week", "weeks"}, "周", "", "周", "week", "weeks", "week"},
      {{"year", "years"}, "年", "", "年", "year", "years", "year"},
      {{"min"}, "分钟", "", "分钟", "min", "min", "min"},
      {{"minute", "minutes"}, "分钟", "", "分钟", "minute", "minutes", "minute"},
      {{"s", "sec"}, "秒", "", "秒", "s", "s", "s"},
      {{"second", "seconds"}, "秒", "", "秒", "second", "seconds", "second"},
      {{"ms"}, "毫秒", "", "毫秒", "ms", "ms", "ms"},
      {{"request", "requests", "req"}, "请求", "次", "次请求", "request", "requests", "request"},
      {{"query", "queries"}, "查询", "次", "次查询", "query", "queries", "query"},
      {{"call", "calls"}, "调用", "次", "次调用", "call", "calls", "call"},
      {{"token", "tokens"}, "token", "", "token", "token", "tokens", "token"},
      {{"gpu", "gpus", "GPU", "GPUs"}, "GPU", "块", "GPU", "GPU", "GPUs", "GPU"},
      {{"instance", "instances"}, "实例", "个", "实例", "instance", "instances", "instance"},
      {{"node", "nodes"}, "节点", "个", "节点", "node", "nodes", "node"},
      {{"user", "users"}, "用户", "位", "用户", "user", "users", "user"},
      {{"session", "sessions"}, "会话", "个", "会话", "session", "sessions", "session"},
      {{"vector", "vectors"}, "向量", "条", "向量", "vector", "vectors", "vector"},
      {{"question", "questions"}, "问题", "个", "问题", "question", "questions", "question"},
      {{"dim", "dims"}, "维", "", "维", "dimension", "dimensions", "dimension"},
      {{"count"}, "", "", "", "", "", ""},
      {{"x"}, "×", "", "×", "×", "×", "×"},
      {{"bit", "bits"}, "bit", "", "bit", "bit", "bits", "bit"},
      {{"byte", "bytes"}, "字节", "", "字节", "byte", "bytes", "byte"},
  };
  return kRows;
}

// Scales written before a unit word: "1M tokens".
struct Scale {
  std::string_view key, zh, en;
};
constexpr std::array kScales = {
    Scale{"1k", "千", "1k"},     Scale{"1K", "千", "1K"},   Scale{"1000", "千", "1,000"},
    Scale{"10k", "万", "10k"},   Scale{"10000", "万", "10,000"},
    Scale{"1M", "百万", "1M"},   Scale{"1000000", "百万", "1M"}, Scale{"1B", "十亿", "1B"},
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool Ascii(std::string_view s) { return !s.empty() && static_cast<unsigned char>(s[0]) < 0x80; }
bool AsciiEnd(std::string_view s) { return !s.empty() && static_cast<unsigned char>(s.back()) < 0x80; }

// Joins Chinese words: a space only where a Latin word meets another word.
std::string JoinZh(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return std::string(a) + (AsciiEnd(a) || Ascii(b) ? " " : "") + std::string(b);
}

// "1M tokens" -> scale "1M", word "tokens".
void SplitScale(std::string_view term, std::string_view* scale, std::string_view* word) {
  term = Trim(term);
  size_t sp = term.find(' ');
  if (sp == std::string_view::npos) {
    *scale = {};
    *word = term;
  } else {
    *scale = term.substr(0, sp);
    *word = Trim(term.substr(sp + 1));
  }
}

// "1234567" -> "1,234,567".
std::string Grouped(std::string_view digits) {
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A scale written as digits the table does not hold, as a reader counts:
// "100000" is "100,000" in English and "10 万" in Chinese (whole 万 and 亿,
// as the language groups large numbers), "2048" "2,048". Anything else as
// written.
std::string NumberScaleText(std::string_view scale, std::string_view lang) {
  if (scale.empty() || scale.size() > 18 || scale[0] == '0' ||
      !std::all_of(scale.begin(), scale.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::string(scale);
  if (!IsCjk(lang)) return Grouped(scale);
  uint64_t n = std::stoull(std::string(scale));
  for (auto [unit, word] : {std::pair<uint64_t, const char*>{100000000, "亿"}, {10000, "万"}}) {
    if (n < unit || n % unit != 0) continue;
    uint64_t count = n / unit;
    return count == 1 ? std::string(word) : Grouped(std::to_string(count)) + " " + word;
  }
  return Grouped(scale);
}

std::string ScaleText(std::string_view scale, std::string_view lang) {
  for (const Scale& s : kScales)
    if (s.key == scale) return std::string(IsCjk(lang) ? s.zh : s.en);
  return NumberScaleText(scale, lang);
}

// A scale before a counted unit in English, as a number reads on: 0.72
// million tokens, not "0.72 1M tokens"; a scale without a word "× 2,048".
std::string CountScaleText(std::string_view scale) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"1k", "thousand"}, {"1K", "thousand"}, {"1000", "thousand"}, {"1M", "million"},
      {"1000000", "million"}, {"1B", "billion"}, {"1000000000", "billion"}};
  for (const auto& [key, word] : kWords)
    if (key == scale) return std::string(word);
  return "× " + NumberScaleText(scale, "en");
}

// One term after a slash.
std::string PerTerm(std::string_view term, std::string_view lang, const std::vector<UnitWords>* declared) {
  std::string_view scale, word;
  SplitScale(term, &scale, &word);
  const UnitWords* w = FindUnitWords(word, declared);
  std::string local;
  if (!w) {
    local = std::string(word);
  } else if (IsCjk(lang)) {
    local = w->zh_per.empty() ? JoinZh(w->zh_measure, w->zh) : w->zh_per;
  } else {
    // "1M tokens" keeps its plural after a scale; a bare word is singular.
    local = !scale.empty() ? (w->en_other.empty() ? w->en_one : w->en_other)
                           : (w->en_per.empty() ? w->en_one : w->en_per);
  }
  if (scale.empty()) return local;
  std::string s = ScaleText(scale, lang);
  if (IsCjk(lang)) return JoinZh(s, local);
  return s + " " + local;
}

// A product of units as a reader names it: every term but the last as after a
// slash, the last as a count (`one`: of one) ("gpus*h" is "GPU·h" and "GPU·小时";
// "GB*months" "GB-months" and "GB·月"). English joins a term written as a
// word ("months", "hours") with a hyphen, a symbol ("h", "GB") with a dot.
std::string ProductText(std::string_view first, std::string_view others, bool one, std::string_view lang,
                        const std::vector<UnitWords>* declared);

}  // namespace

const UnitWords* FindUnitWords(std::string_view key, const std::vector<UnitWords>* declared) {
  if (declared)
    for (const UnitWords& w : *declared)
      for (const std::string& k : w.keys)
        if (k == key) return &w;
  for (const UnitWords& w : BuiltIn())
    for (const std::string& k : w.keys)
      if (k == key) return &w;
  return nullptr;
}

std::string PerUnitText(std::string_view unit, std::string_view lang, const std::vector<UnitWords>* declared) {
  std::string out;
  size_t start = 0;
  while (start <= unit.size()) {
    size_t slash = unit.find('/', start);
    std::string_view term = unit.substr(start, slash == std::string_view::npos ? unit.npos : slash - start);
    out += PerTerm(term, lang, declared);
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

std::string CountUnitText(std::string_view unit, bool one, std::string_view lang,
                          const std::vector<UnitWords>* declared) {
  size_t slash = unit.find('/');
  std::string_view head = unit.substr(0, slash);
  std::string rest = slash == std::string_view::npos ? "" : "/" + PerUnitText(unit.substr(slash + 1), lang, declared);
  if (size_t star = head.find('*'); star != std::string_view::npos)
    return ProductText(head.substr(0, star), head.substr(star + 1), one, lang, declared) + rest;
  std::string_view scale, word;
  SplitScale(head, &scale, &word);
  const UnitWords* w = FindUnitWords(word, declared);
  std::string local;
  if (!w) {
    local = std::string(word);
  } else if (IsCjk(lang)) {
    local = JoinZh(w->zh_measure, w->zh);
  } else {
    // One million tokens: a scale takes the plural.
    local = (one && scale.empty()) || w->en_other.empty() ? w->en_one : w->en_other;
  }
  if (!scale.empty()) local = IsCjk(lang) ? JoinZh(ScaleText(scale, lang), local) : CountScaleText(scale) + " " + local;
  return local + rest;
}

namespace {

std::string ProductText(std::string_view first, std::string_view others, bool one, std::string_view lang,
                        const std::vector<UnitWords>* declared) {
  std::string out = PerTerm(first, lang, declared);
  while (!others.empty()) {
    const size_t star = others.find('*');
    const std::string_view term = Trim(others.substr(0, star));
    others = star == std::string_view::npos ? std::string_view() : others.substr(star + 1);
    const bool last = others.empty();
    const std::string local = last ? CountUnitText(term, one, "en", declared) : PerTerm(term, lang, declared);
    if (IsCjk(lang)) {
      std::string zh = last ? PerTerm(term, lang, declared) : local;
      out += "·" + zh;
    } else {
      const bool word = local.size() > 2 && std::all_of(local.begin(), local.end(), [](char c) {
        return (c >= 'a' && c <= 'z');
      });
      out += (word ? "-" : "·") + local;
    }
  }
  return out;
}

}  // namespace

bool IsObjectCount(std::string_view unit, const std::vector<UnitWords>* declared) {
  if (unit.find('/') != std::string_view::npos) return false;
  const UnitWords* w = FindUnitWords(unit, declared);
  return w && !w->zh_measure.empty() && w->zh_measure != "次";
}

bool SpacedUnit(std::string_view unit_text) {
  return !unit_text.empty() && unit_text != "%" && unit_text.rfind("×", 0) != 0;
}

}  // namespace costsite::figures
