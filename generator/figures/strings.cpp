#include "figures/strings.h"

#include <array>
#include <vector>

namespace costsite::figures {

namespace {

struct Row {
  std::string_view key, zh, en;
};

// UI words; English is the fallback for any other language.
constexpr std::array kText = {
    Row{"item", "项目", "Item"},
    Row{"quantity", "数量", "Quantity"},
    Row{"unit_price", "单价", "Unit price"},
    Row{"cost", "费用", "Cost"},
    Row{"share", "占比", "Share"},
    Row{"total", "合计", "Total"},
    Row{"subtotal", "小计", "Subtotal"},
    Row{"rounded_note", "各项已分别四舍五入，相加可能与合计略有出入。",
        "Figures are rounded; items may not add up to the total."},
    Row{"figure", "指标", "Figure"},
    Row{"change", "相对{first}的变化", "Change vs {first}"},
    Row{"change_pct", "相对{first}的变化率", "Change vs {first} (%)"},
    Row{"ratio", "与{first}之比", "Ratio to {first}"},
    Row{"base", "基准", "Base case"},
    Row{"entry", "条目", "Entry"},
    Row{"unit", "单位", "Unit"},
    Row{"date", "日期", "Date"},
    Row{"source", "来源", "Source"},
    Row{"sources", "来源", "Sources"},
    Row{"region", "区域", "Region"},
    Row{"param", "参数", "Parameter"},
    Row{"value", "取值", "Value"},
    Row{"rule", "条件", "Condition"},
    Row{"recommendation", "建议", "Recommendation"},
    Row{"no_rules", "当前没有触发的建议。", "No recommendation applies."},
    Row{"stated", "原文数值", "Stated"},
    Row{"computed", "计算结果", "Computed"},
    Row{"status", "状态", "Status"},
    Row{"note", "说明", "Note"},
    Row{"ok", "一致", "matches"},
    Row{"mismatch", "不一致", "differs"},
    Row{"known_discrepancy", "已知出入", "known discrepancy"},
    Row{"formula", "公式", "Formula"},
    Row{"inputs", "输入", "Inputs"},
    Row{"prices", "价格", "Prices"},
    Row{"fx", "汇率", "Exchange rate"},
    Row{"as_of", "价格日期", "Prices as of"},
    Row{"yes", "是", "yes"},
    Row{"no", "否", "no"},
    Row{"progress", "已完成", "done"},
    Row{"chart_data", "图表数据", "Chart data"},
    Row{"chart_breakdown", "费用构成", "Cost breakdown"},
    Row{"chart_compare", "方案对比", "Scenario comparison"},
    Row{"chart_range", "取值范围", "Range"},
    Row{"range_from_to", "从 {lo} 到 {hi}", "from {lo} to {hi}"},
    Row{"scenario", "方案", "Scenario"},
    Row{"low", "下限", "Low"},
    Row{"high", "上限", "High"},
    Row{"mid", "中值", "Midpoint"},
};

// Unit words. Symbols that read the same in both languages (GB, USD) are absent.
constexpr std::array kUnits = {
    Row{"month", "月", "month"},   Row{"months", "月", "months"}, Row{"h", "小时", "h"},
    Row{"hour", "小时", "hour"},   Row{"hours", "小时", "hours"}, Row{"day", "天", "day"},
    Row{"days", "天", "days"},     Row{"week", "周", "week"},     Row{"weeks", "周", "weeks"},
    Row{"year", "年", "year"},     Row{"years", "年", "years"},   Row{"min", "分钟", "min"},
    Row{"s", "秒", "s"},           Row{"ms", "毫秒", "ms"},
    Row{"request", "次请求", "request"}, Row{"requests", "次请求", "requests"},
    Row{"req", "次请求", "req"},   Row{"query", "次查询", "query"},
    Row{"queries", "次查询", "queries"}, Row{"call", "次调用", "call"},
    Row{"calls", "次调用", "calls"}, Row{"user", "用户", "user"}, Row{"users", "用户", "users"},
    Row{"instance", "实例", "instance"}, Row{"instances", "实例", "instances"},
    Row{"node", "节点", "node"},   Row{"nodes", "节点", "nodes"},
    Row{"session", "会话", "session"}, Row{"sessions", "会话", "sessions"},
    Row{"vector", "向量", "vector"}, Row{"vectors", "向量", "vectors"},
    Row{"question", "问题", "question"}, Row{"questions", "问题", "questions"},
};

// Scales written before a unit word: "1M tokens".
constexpr std::array kScales = {
    Row{"1k", "千", "1k"},   Row{"1000", "千", "1000"}, Row{"1M", "百万", "1M"},
    Row{"1000000", "百万", "1M"}, Row{"1B", "十亿", "1B"},
};

template <size_t N>
const Row* FindRow(const std::array<Row, N>& rows, std::string_view key) {
  for (const Row& r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

std::string_view Column(const Row& r, std::string_view lang) { return lang == "zh" ? r.zh : r.en; }

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// One term of a unit expression: optional scale, then a unit word.
std::string LocalizeTerm(std::string_view term, std::string_view lang) {
  std::string t = Trim(term);
  std::string scale, word = t;
  if (size_t sp = t.find(' '); sp != std::string::npos) {
    scale = t.substr(0, sp);
    word = Trim(std::string_view(t).substr(sp + 1));
  }
  std::string out;
  if (!scale.empty()) {
    const Row* s = FindRow(kScales, scale);
    out = s ? std::string(Column(*s, lang)) : scale;
  }
  const Row* w = FindRow(kUnits, word);
  std::string local = w ? std::string(Column(*w, lang)) : word;
  bool ascii_word = !local.empty() && static_cast<unsigned char>(local[0]) < 0x80;
  if (!out.empty() && (!IsCjk(lang) || ascii_word)) out += ' ';
  return out + local;
}

}  // namespace

bool IsCjk(std::string_view lang) { return lang == "zh" || lang == "ja"; }

std::string UiText(std::string_view key, std::string_view lang) {
  if (const Row* r = FindRow(kText, key)) return std::string(Column(*r, lang));
  return std::string(key);
}

std::string LocalizeUnit(std::string_view unit, std::string_view lang) {
  std::string out;
  size_t start = 0;
  while (start <= unit.size()) {
    size_t slash = unit.find('/', start);
    std::string_view term = unit.substr(start, slash == std::string_view::npos ? unit.npos : slash - start);
    out += LocalizeTerm(term, lang);
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

}  // namespace costsite::figures
