#include "markdown/prose_numbers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cost/evaluation.h"

namespace costsite::markdown {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || std::isalpha(static_cast<unsigned char>(c)); }

// Currency signs the display layer writes before an amount (zh: "US$", "¥";
// en: "$", "CN¥"), longest first so "US$" is not read as "$".
constexpr std::string_view kCurrencySigns[] = {"US$", "CN¥", "HK$", "$", "¥", "￥", "€", "£"};

// The bytes a number can begin with: a digit or a sign's first byte. Most
// bytes of a page are neither, and are passed over by one table look-up
// instead of a comparison with every sign.
constexpr std::array<bool, 256> kMayStart = [] {
  std::array<bool, 256> may{};
  for (char c = '0'; c <= '9'; ++c) may[static_cast<unsigned char>(c)] = true;
  for (std::string_view s : kCurrencySigns) may[static_cast<unsigned char>(s[0])] = true;
  return may;
}();

// The bytes of the longest sign ("CN¥"): a number begins with a digit or
// with a sign right before one, so it begins at most this far before a digit.
constexpr size_t kLongestSign = [] {
  size_t n = 0;
  for (std::string_view s : kCurrencySigns) n = std::max(n, s.size());
  return n;
}();

// The first ASCII digit of `text` at or after `from`; npos when none. Most
// text of a page has none (a paragraph of words, a Chinese sentence), and
// sixteen bytes are tested at a time.
size_t NextDigit(std::string_view text, size_t from) {
  size_t i = from;
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)), zero);
    // v - '0' <= 9, unsigned: min(v, 9) == v.
    int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, nine), v));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < text.size(); ++i)
    if (text[i] >= '0' && text[i] <= '9') return i;
  return std::string_view::npos;
}

struct Scale {
  std::string_view word;
  double factor;
  bool space_allowed;  // zh puts a space between a number and 万 ("10 万 token")
};
constexpr Scale kScales[] = {{"万", 1e4, true}, {"亿", 1e8, true}, {"千", 1e3, true},
                             {"K", 1e3, false}, {"k", 1e3, false}, {"M", 1e6, false},
                             {"B", 1e9, false}};

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// What a number counts, by the word after it (in either language) and by the
// first term of a figure's unit. One row per kind; a word not listed says
// nothing, and then any figure may match.
struct Kind {
  std::string_view kind;
  std::vector<std::string_view> words;  // after a typed number, longest first
  std::vector<std::string_view> terms;  // first term of a figure's unit
};
const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"USD", {"美元", "USD", "dollars"}, {"USD"}},
      {"CNY", {"人民币", "元", "CNY", "yuan"}, {"CNY"}},
      {"TB", {"TB"}, {"TB"}},
      {"GB", {"GB"}, {"GB"}},
      {"MB", {"MB"}, {"MB"}},
      {"TiB", {"TiB"}, {"TiB"}},
      {"GiB", {"GiB"}, {"GiB"}},
      {"MiB", {"MiB"}, {"MiB"}},
      {"h", {"小时", "hours", "hour", "hrs", "h"}, {"h"}},
      {"min", {"分钟", "minutes", "min"}, {"min"}},
      {"ms", {"毫秒", "ms"}, {"ms"}},
      {"s", {"秒", "seconds", "s"}, {"s"}},
      {"day", {"天", "days"}, {"day", "days"}},
      {"month", {"个月", "months"}, {"month", "months"}},
      {"requests/s", {"次请求/秒", "QPS", "qps", "RPS", "requests/s"}, {"requests/s", "request/s"}},
      {"requests", {"次请求", "requests"}, {"requests", "request"}},
      {"tokens", {"token", "tokens"}, {"tokens", "token"}},
      {"gpus", {"块 GPU", "张 GPU", "GPUs", "GPU", "块", "张"}, {"gpus", "gpu"}},
      {"calls", {"次调用", "calls"}, {"calls", "call"}},
      {"questions", {"个问题", "questions"}, {"questions", "question"}},
      {"IOPS", {"IOPS"}, {"IOPS", "iops"}},
  };
  return kinds;
}

std::string_view SignKind(std::string_view sign) {
  if (sign == "$" || sign == "US$") return "USD";
  if (sign == "¥" || sign == "CN¥" || sign == "￥") return "CNY";
  return sign.empty() ? "" : "other money";
}

// The kind named right after a number (one space allowed): "500 GB",
// "20 QPS", "720 小时". An ASCII word must end there ("GBs" is not "GB").
std::string_view WordKind(std::string_view rest) {
  if (StartsWith(rest, " ")) rest.remove_prefix(1);
  // Most numbers are followed by a word no kind begins with: one table look
  // at the first byte instead of comparing every kind's every word.
  static const std::array<bool, 256> kFirst = [] {
    std::array<bool, 256> first{};
    for (const Kind& k : Kinds())
      for (std::string_view w : k.words) first[static_cast<unsigned char>(w.front())] = true;
    return first;
  }();
  if (rest.empty() || !kFirst[static_cast<unsigned char>(rest.front())]) return "";
  for (const Kind& k : Kinds()) {
    for (std::string_view w : k.words) {
      if (!StartsWith(rest, w)) continue;
      bool ascii = static_cast<unsigned char>(w.back()) < 0x80;
      if (ascii && rest.size() > w.size() && std::isalpha(static_cast<unsigned char>(rest[w.size()]))) continue;
      return k.kind;
    }
  }
  return "";
}

}  // namespace

std::string UnitKind(const cost::Unit& u) {
  if (u.dim.IsMoney()) return u.dim.currency;
  // A rate names its time ("requests/s"); other units their first term
  // ("GB" of "GB/month").
  std::string_view unit = u.text;
  std::string_view term = unit.substr(0, unit.find_first_of("/ "));
  for (std::string_view whole : {unit, term})
    for (const Kind& k : Kinds())
      for (std::string_view t : k.terms)
        if (whole == t) return std::string(k.kind);
  return "";
}

namespace {

// A digit or number may not continue a word, a version or a date ("H100",
// "c5.4xlarge", "2025-01-15").
bool CanStart(std::string_view text, size_t i) {
  if (i == 0) return true;
  char p = text[i - 1];
  return !(IsDigit(p) || p == '.' || p == '-' || std::isalpha(static_cast<unsigned char>(p)));
}

// Significant digits as typed: "1,500" has 2, "248.20" has 4 ("24820" less
// trailing zeros is 2482), "14,630%" has 4.
int SignificantDigits(std::string_view digits) {
  size_t first = digits.find_first_not_of("0.");
  if (first == std::string_view::npos) return 0;
  size_t last = digits.find_last_not_of("0.");
  int n = 0;
  for (size_t k = first; k <= last; ++k) n += IsDigit(digits[k]);
  return n;
}

// An end of a typed range ("100–500 GB", "50%–70%", "¥500–1,500", "50 到
// 100 美元") is a bound or a bracket, not one figure. The number is
// text[start, end).
bool IsRangeEnd(std::string_view text, size_t start, size_t end) {
  constexpr std::string_view kDashes[] = {"–", "~", "至", "到", " 到 ", " to "};
  std::string_view after = text.substr(end);
  for (std::string_view dash : kDashes) {
    if (start >= dash.size() && text.substr(start - dash.size(), dash.size()) == dash) return true;
    if (!StartsWith(after, dash) || after.size() <= dash.size()) continue;
    std::string_view next = after.substr(dash.size());
    if (IsDigit(next[0]) || StartsWith(next, "$") || StartsWith(next, "¥")) return true;
  }
  return false;
}

int Decimals(std::string_view digits) {
  size_t dot = digits.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(digits.size() - dot - 1);
}

}  // namespace

std::vector<LiteralNumber> FindNumbers(std::string_view text) {
  // Runs once per text node of every page: digits are scanned in place and
  // read as a double (the checks compare to within 0.5 %); no exact decimal.
  std::vector<LiteralNumber> out;
  size_t i = 0;
  size_t digit = NextDigit(text, 0);  // the first digit at or after i
  char digits[64];
  while (i < text.size() && digit != std::string_view::npos) {
    // Nothing before kLongestSign bytes ahead of the next digit can begin a
    // number: go there at once (the place may be inside a character; its
    // continuation bytes begin nothing, as below).
    if (digit < i && (digit = NextDigit(text, i)) == std::string_view::npos) break;
    if (digit > i + kLongestSign) i = digit - kLongestSign;
    if (const unsigned char c = static_cast<unsigned char>(text[i]); !kMayStart[c]) {
      // A three-byte character (all of the BMP's CJK) at once: its other
      // bytes are continuation bytes, which start nothing either.
      const bool three = (c & 0xF0) == 0xE0 && i + 2 < text.size() &&
                         (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
                         (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80;
      i += three ? 3 : 1;
      continue;
    }
    size_t start = i;
    std::string_view sign;
    for (std::string_view s : kCurrencySigns) {
      if (StartsWith(text.substr(i), s) && i + s.size() < text.size() && IsDigit(text[i + s.size()])) {
        sign = s;
        break;
      }
    }
    if ((sign.empty() && !IsDigit(text[i])) || !CanStart(text, i)) {
      ++i;
      continue;
    }
    i += sign.size();
    size_t n = 0;
    while (i < text.size() && (IsDigit(text[i]) || (text[i] == ',' && i + 1 < text.size() && IsDigit(text[i + 1])) ||
                               (text[i] == '.' && i + 1 < text.size() && IsDigit(text[i + 1])))) {
      if (text[i] != ',' && n < sizeof digits) digits[n++] = text[i];
      ++i;
    }
    size_t digits_end = i;
    std::string_view rest = text.substr(i);
    bool date = StartsWith(rest, "-") || StartsWith(rest, "/") || StartsWith(rest, "年") ||
                StartsWith(rest, "月") || StartsWith(rest, "日");
    double value = 0;
    std::from_chars(digits, digits + n, value);
    bool scaled = false, percent = false;
    for (const Scale& s : kScales) {
      size_t gap = s.space_allowed && StartsWith(rest, " ") ? 1 : 0;
      if (!StartsWith(rest.substr(gap), s.word)) continue;
      size_t after = gap + s.word.size();
      // "100k" is a scale, "100 KB" and "10Mbps" are units.
      if (!s.space_allowed && after < rest.size() && IsAsciiAlnum(rest[after])) continue;
      value *= s.factor, i += after, scaled = true;
      break;
    }
    rest = text.substr(i);
    if (StartsWith(rest, "%")) percent = true, i += 1;
    else if (StartsWith(rest, "％")) percent = true, i += 3;
    bool year = sign.empty() && !scaled && !percent && n == 4 && digits_end - start == 4 && value >= 1900 &&
                value <= 2100;
    if (date || year) continue;  // years and dates are not figures
    const bool small = value < 10;
    if (small && percent) continue;  // round percents are not checked (FigureIndex::Match)
    std::string_view after = text.substr(i);
    if (IsRangeEnd(text, start, i)) continue;
    std::string_view kind = SignKind(sign);
    if (kind.empty() && !percent) kind = WordKind(after);
    if (small && kind.empty()) continue;  // a small count of something unsaid ("3 steps")
    LiteralNumber num{std::string(text.substr(start, i - start)), value, percent,
                      SignificantDigits(std::string_view(digits, n)), Decimals(std::string_view(digits, n)),
                      std::string(kind), {}, small, {}};
    num.pos.col = static_cast<int>(start);  // byte offset; the caller adds the node's column
    out.push_back(std::move(num));
  }
  return out;
}

void FigureIndex::Add(const cost::ModelResult& r) {
  std::string prefix = r.model + (r.scenario.empty() ? "" : "[" + r.scenario + "]") + ".";
  for (const cost::Figure* f : r.AllFigures()) {
    if (f->is_bool) continue;
    bool param = f >= r.params.data() && f < r.params.data() + r.params.size();
    bool percent = f->unit->text == "%";
    double lo = f->value.lo.ToDouble(), hi = f->value.hi.ToDouble();
    std::string kind = UnitKind(f->unit);
    entries_.push_back({lo, prefix + f->id, f, param, percent, kind, &r.model});
    if (hi != lo) entries_.push_back({hi, prefix + f->id, f, param, percent, kind, &r.model});
  }
}

void FigureIndex::Finish() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.value < b.value; });
}

const FigureIndex::Entry* FigureIndex::Match(const LiteralNumber& n) const {
  // Typed numbers are positive; |typed - v| <= tolerance * v bounds v.
  double tolerance = n.significant >= 3 ? 0.005 : 1e-9;
  double lo = n.value / (1 + tolerance), hi = n.value / (1 - tolerance);
  if (n.percent) lo = n.value - 0.5 * std::pow(10.0, -n.decimals), hi = n.value + 0.5 * std::pow(10.0, -n.decimals);
  auto first = std::lower_bound(entries_.begin(), entries_.end(), lo,
                                [](const Entry& e, double v) { return e.value < v; });
  const Entry* best = nullptr;
  for (auto it = first; it != entries_.end() && it->value <= hi; ++it) {
    if (it->percent != n.percent) continue;
    // Round percents (70%, 30%) are thresholds and targets far more often
    // than a figure; only a percent of three or more digits is one.
    if (n.percent && n.significant < 3) continue;
    if (!n.percent && (n.kind.empty() || it->kind != n.kind)) continue;
    if (n.small && std::find(n.nearby_models.begin(), n.nearby_models.end(), *it->model) == n.nearby_models.end())
      continue;
    if (!best || std::fabs(it->value - n.value) < std::fabs(best->value - n.value)) best = &*it;
  }
  return best;
}

}  // namespace costsite::markdown
