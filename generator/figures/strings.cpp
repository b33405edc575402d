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
    Row{"by_formula", "按公式计算", "computed"},
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

// Price variants the engine knows by name (a price list may label others).
constexpr std::array kVariants = {
    Row{"on_demand", "按需", "On-demand"},
    Row{"spot", "竞价", "Spot"},
    Row{"spot_avg", "竞价（均价）", "Spot (average)"},
    Row{"preemptible", "抢占式", "Preemptible"},
    Row{"batch", "批处理", "Batch"},
    Row{"long", "长上下文", "Long context"},
    Row{"reserved_1y", "1 年预留", "1-year reserved"},
    Row{"reserved_3y", "3 年预留", "3-year reserved"},
    Row{"cached", "缓存命中", "Cached"},
};

template <size_t N>
const Row* FindRow(const std::array<Row, N>& rows, std::string_view key) {
  for (const Row& r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

std::string_view Column(const Row& r, std::string_view lang) { return lang == "zh" ? r.zh : r.en; }

}  // namespace

std::string VariantLabel(std::string_view variant, std::string_view lang) {
  if (const Row* r = FindRow(kVariants, variant)) return std::string(Column(*r, lang));
  return std::string(variant);
}

bool IsCjk(std::string_view lang) { return lang == "zh" || lang == "ja"; }

std::string UiText(std::string_view key, std::string_view lang) {
  if (const Row* r = FindRow(kText, key)) return std::string(Column(*r, lang));
  return std::string(key);
}

}  // namespace costsite::figures
