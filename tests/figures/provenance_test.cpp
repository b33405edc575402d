// The popover of a figure: what it says (labels, conversions, prices, rates)
// in each page language, and the markup that ties it to its figure.
#include "figures/provenance.h"

#include <catch2/catch.hpp>
#include <regex>

#include "cost/evaluate.h"
#include "pricing/pricing.h"
#include "tests/figures/words_fixture.h"

namespace costsite::figures {
namespace {

cost::Evaluation Load(Diagnostics& diags) {
  cost::Inputs inputs;
  pricing::ParsePricingFile("pricing/cloud.yaml",
                            "provider: cloud\nname: {zh: 某云, en: SomeCloud}\ncurrency: USD\n"
                            "source: https://cloud.example.com/pricing/\ndate: 2025-01-15\n"
                            "prices:\n  - {id: vm, label: {zh: 通用虚拟机, en: General VM}, unit: USD/h, price: 2}\n",
                            &inputs, diags);
  pricing::ParsePricingFile("pricing/fx.yaml",
                            "rates:\n  - {base: USD, quote: CNY, rate: 7.2, date: 2025-01-01, "
                            "source: https://fx.example.com/}\n",
                            &inputs, diags);
  pricing::ParsePricingFile("pricing/m.yaml",
                            "model: m\ntitle: {zh: 月度成本, en: Monthly cost}\nunit: USD/month\n"
                            "params:\n"
                            "  daily_bill: {value: 100 USD/day, label: {zh: 日成本, en: Daily bill}}\n"
                            "  gpu_part: {value: 60%, label: {zh: GPU 部分占比, en: GPU part}}\n"
                            "  vms: {value: 2, label: {zh: 虚拟机台数, en: VMs}}\n"
                            "  monthly_bill: {value: 147640 USD/month, label: {zh: 月成本, en: Monthly bill}}\n"
                            "  hourly_rate: {value: 202.0274 USD/h, label: {zh: 每小时, en: Hourly rate}}\n"
                            "  spot_daily: {value: 50 to 75 USD/day, label: {zh: 竞价日成本, en: Spot per day}}\n"
                            "items:\n"
                            "  gpu: {formula: daily_bill * gpu_part, unit: USD/month, label: {zh: GPU, en: GPUs}}\n"
                            "  vm: {formula: vms * @cloud/vm, label: {zh: 虚拟机, en: VMs}}\n"
                            "figures:\n"
                            "  daily_cny: {formula: \"convert(daily_bill, CNY/month)\", unit: CNY/month, "
                            "label: {zh: 日成本折人民币, en: Daily bill in CNY}}\n"
                            "  gpu_share: {formula: share(gpu), unit: \"%\", label: {zh: GPU 份额, en: GPU share}}\n"
                            "  daily: {formula: \"convert(monthly_bill, USD/day)\", unit: USD/day, "
                            "label: {zh: 日均成本, en: Daily cost}}\n"
                            "  monthly: {formula: \"convert(hourly_rate, USD/month)\", unit: USD/month, "
                            "label: {zh: 月成本, en: Monthly cost}}\n"
                            "  spot_month: {formula: spot_daily, unit: USD/month, label: {zh: 竞价月成本, en: Spot per month}}\n",
                            &inputs, diags);
  return cost::Evaluate(std::move(inputs), {}, diags);
}

const cost::Figure& Get(const cost::Evaluation& eval, const char* id) {
  const cost::ModelResult* m = eval.Find("m");
  REQUIRE(m);
  const cost::Figure* f = m->Find(id);
  REQUIRE(f);
  return *f;
}

bool Has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

// What a reader reads around the code: <code> and links (cited addresses) dropped, tags removed.
std::string Prose(const std::string& html) {
  std::string s = std::regex_replace(html, std::regex("<code>[^<]*</code>|<a [^>]*>[^<]*</a>"), " ");
  return std::regex_replace(s, std::regex("<[^>]*>"), " ");
}

struct Loaded {
  Diagnostics diags;
  cost::Evaluation eval = Load(diags);
};

TEST_CASE("A popover names inputs by their labels, ids only as code", "[figures][provenance]") {
  Loaded l;
  REQUIRE_FALSE(l.diags.HasErrors());
  std::string zh = ProvenanceHtml(Get(l.eval, "gpu"), testing::SpeakerFor("zh"));
  INFO(zh);
  CHECK(Has(zh, "<span class=\"pop-title\">GPU</span>"));
  CHECK(Has(zh, "<span class=\"pop-formula\">公式：<code>daily_bill * gpu_part</code></span>"));
  CHECK(Has(zh, "<span class=\"pop-line\">日成本 <code>daily_bill</code>：US$100/天</span>"));
  CHECK(Has(zh, "<span class=\"pop-line\">GPU 部分占比 <code>gpu_part</code>：60%</span>"));
  CHECK_FALSE(Has(Prose(zh), "daily_bill"));
  CHECK_FALSE(Has(Prose(zh), "gpu_part"));
  std::string en = ProvenanceHtml(Get(l.eval, "gpu"), testing::SpeakerFor("en"));
  CHECK(Has(en, "<span class=\"pop-line\">Daily bill <code>daily_bill</code>: $100/day</span>"));
  // A share names what it is the share of.
  std::string share = ProvenanceHtml(Get(l.eval, "gpu_share"), testing::SpeakerFor("zh"));
  INFO(share);
  CHECK(Has(share, "GPU占合计的比例 <code>share(gpu)</code>："));
}

TEST_CASE("A range turned monthly shows a factor that multiplies out at both ends", "[figures][provenance]") {
  Loaded l;
  std::string en = ProvenanceHtml(Get(l.eval, "spot_month"), testing::SpeakerFor("en"));
  INFO(en);
  // 50 × 30.4 = 1,520 and 75 × 30.4 = 2,280 against $1,521–2,281: 30.417 gives 1,520.85 and 2,281.28.
  CHECK(Has(en, "<span class=\"pop-line\">$50–75/day × 30.417 days/month = $1,521–2,281/month</span>"));
}

TEST_CASE("A popover shows a daily amount turned monthly with its factor", "[figures][provenance]") {
  Loaded l;
  std::string zh = ProvenanceHtml(Get(l.eval, "gpu"), testing::SpeakerFor("zh"));
  INFO(zh);
  // 60 × 30.4 is 1,824: the factor reads 30.42 (a month is 30.416… days), so the line multiplies out.
  CHECK(Has(zh, "<span class=\"pop-head\">换算</span><span class=\"pop-line\">US$60/天 × 30.42 天/月 = US$1,825/月</span>"));
  std::string en = ProvenanceHtml(Get(l.eval, "gpu"), testing::SpeakerFor("en"));
  INFO(en);
  CHECK(Has(en, "<span class=\"pop-head\">Conversion</span><span class=\"pop-line\">$60/day × 30.42 days/month = $1,825/month</span>"));
  // An amount already in the figure's unit needs no step.
  CHECK_FALSE(Has(ProvenanceHtml(Get(l.eval, "gpu_part"), testing::SpeakerFor("en")), "Conversion"));
  // Asked for per day (`unit=USD/day`), the daily amount made monthly is
  // shown in its own unit: no step there and back ($60/day × 30.42 … ×
  // 0.0329 months/day = $60/day).
  cost::Figure daily;
  std::string error;
  REQUIRE(l.eval.Reexpress(Get(l.eval, "gpu"), *l.eval.Find("m"), "USD/day", &daily, &error));
  const std::string back = ProvenanceHtml(daily, testing::SpeakerFor("en"));
  INFO(back);
  CHECK_FALSE(Has(back, "Conversion"));
  cost::Figure hourly;
  REQUIRE(l.eval.Reexpress(Get(l.eval, "gpu"), *l.eval.Find("m"), "USD/h", &hourly, &error));
  CHECK(Has(ProvenanceHtml(hourly, testing::SpeakerFor("en")), "Conversion"));  // another unit: its steps stay
}

TEST_CASE("A popover's conversion factor has the digits that multiply out", "[figures][provenance]") {
  // 147,640 × 0.0329 is 4,857, not the 4,854 shown: the factor takes a digit more.
  Loaded l;
  REQUIRE_FALSE(l.diags.HasErrors());
  std::string en = ProvenanceHtml(Get(l.eval, "daily"), testing::SpeakerFor("en"));
  INFO(en);
  CHECK(Has(en, "<span class=\"pop-line\">$147,640/month × 0.03288 months/day = $4,854/day</span>"));
  std::string zh = ProvenanceHtml(Get(l.eval, "daily"), testing::SpeakerFor("zh"));
  INFO(zh);
  CHECK(Has(zh, "<span class=\"pop-line\">US$147,640/月 × 0.03288 个月/天 = US$4,854/天</span>"));
  // 202.03 × 730 is 147,482: a whole factor cannot take digits, the amount does.
  std::string monthly = ProvenanceHtml(Get(l.eval, "monthly"), testing::SpeakerFor("en"));
  INFO(monthly);
  CHECK(Has(monthly, "<span class=\"pop-line\">$202.027/h × 730 h/month = $147,480/month</span>"));
}

TEST_CASE("A popover gives the dated rate and prices with linked sources", "[figures][provenance]") {
  Loaded l;
  std::string zh = ProvenanceHtml(Get(l.eval, "daily_cny"), testing::SpeakerFor("zh"));
  INFO(zh);
  CHECK(Has(zh, "<span class=\"pop-head\">汇率</span><span class=\"pop-line\">US$1 = ¥7.2（<time datetime=\"2025-01-01\">"
                "2025-01-01</time>，<a href=\"https://fx.example.com/\">fx.example.com</a>）</span>"));
  CHECK(Has(zh, "¥720/天 × 30.417 天/月 = ¥21,900/月"));  // 720 × 30.4 would be 21,888
  std::string vm = ProvenanceHtml(Get(l.eval, "vm"), testing::SpeakerFor("en"));
  INFO(vm);
  CHECK(Has(vm, "<span class=\"pop-head\">Prices</span><span class=\"pop-line\">SomeCloud · General VM: $2/h (checked <time "
                "datetime=\"2025-01-15\">2025-01-15</time>, <a href=\"https://cloud.example.com/pricing/\">"
                "cloud.example.com</a>)</span>"));
  CHECK(Has(vm, "$4/h × 730 h/month = $2,920/month"));
}

TEST_CASE("A price's two dates read as words: in force from, and checked", "[figures][provenance]") {
  cost::PriceUse p;
  p.id = "llm/chat";
  p.variant = "on_demand";
  p.value = cost::Interval(cost::Decimal(3));
  p.date = "2026-08-10";
  p.since = "2026-07-01";
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) ==
        "in force from <time datetime=\"2026-07-01\">2026-07-01</time>, checked <time datetime=\"2026-08-10\">"
        "2026-08-10</time>");
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("zh")) ==
        "<time datetime=\"2026-07-01\">2026-07-01</time> 起生效，<time datetime=\"2026-08-10\">2026-08-10</time> 核对");
  p.since = p.date;  // `date:` means both: said once
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) == "checked <time datetime=\"2026-08-10\">2026-08-10</time>");
  p.since.clear();  // in force always
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) == "checked <time datetime=\"2026-08-10\">2026-08-10</time>");
  p.since = "2026-07-01";
  std::string sources = RenderSources({p}, testing::SpeakerFor("en"));
  INFO(sources);
  CHECK(Has(sources, "in force from <time datetime=\"2026-07-01\">2026-07-01</time>, checked"));
}

TEST_CASE("An actual(…) among the sources reads as actual spend in its month, with the export's lines",
          "[figures][provenance][actuals]") {
  cost::PriceUse p;
  p.id = "actual(ServiceName=\"Amazon EC2\", period=2024-09)";
  p.value = cost::Interval(cost::Decimal(80));
  p.date = "2024-09";
  p.source = "actuals/2024-09.csv";
  p.actual = true;
  p.lines = 3;
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) ==
        "actual spend in <time datetime=\"2024-09\">2024-09</time>, 3 lines of the FOCUS export");
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("zh")) ==
        "<time datetime=\"2024-09\">2024-09</time> 实际支出，FOCUS 账单导出中的 3 行");
  std::string sources = RenderSources({p}, testing::SpeakerFor("en"));
  INFO(sources);
  CHECK_FALSE(Has(sources, "checked"));
  CHECK(Has(sources, "3 lines of the FOCUS export, actuals/2024-09.csv</li>"));
  p.date.clear();
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) == "actual spend, 3 lines of the FOCUS export");
  // One line is a line, in both sentences.
  p.lines = 1;
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) == "actual spend, 1 line of the FOCUS export");
  p.date = "2024-09";
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) ==
        "actual spend in <time datetime=\"2024-09\">2024-09</time>, 1 line of the FOCUS export");
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("zh")) ==
        "<time datetime=\"2024-09\">2024-09</time> 实际支出，FOCUS 账单导出中的 1 行");
  // Many lines: every digit, grouped.
  p.lines = 1234567;
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("en")) ==
        "actual spend in <time datetime=\"2024-09\">2024-09</time>, 1,234,567 lines of the FOCUS export");
  CHECK(PriceDatesHtml(p, testing::SpeakerFor("zh")) ==
        "<time datetime=\"2024-09\">2024-09</time> 实际支出，FOCUS 账单导出中的 1,234,567 行");
}

TEST_CASE("An actual spend reads to the cent where a price keeps every digit it was written with",
          "[figures][provenance][actuals]") {
  cost::UnitTable units;
  cost::UnitError error;
  cost::PriceUse p;
  p.id = "actual(ServiceName=\"Amazon EC2\", period=2024-10)";
  p.value = cost::Interval(*cost::Decimal::Parse("3948.4185239319"));
  p.unit = *cost::ParseUnit("USD/month", units, &error);
  p.date = "2024-10";
  p.actual = true;
  p.lines = 47;
  p.actual_filters = {{"ServiceName", "Amazon EC2"}, {"tag:team", "ml"}};
  std::string en = RenderSources({p}, testing::SpeakerFor("en"));
  INFO(en);
  // What it selects, not the call: a reader of the Sources list is not reading formulas.
  CHECK(Has(en, "<li>Amazon EC2 · team=ml: $3,948.42/month, actual spend in"));
  CHECK_FALSE(Has(en, "actual(ServiceName"));
  CHECK_FALSE(Has(en, "3,948.418"));
  std::string zh = RenderSources({p}, testing::SpeakerFor("zh"));
  INFO(zh);
  CHECK(Has(zh, "Amazon EC2 · team=ml：US$3,948.42/月"));
  p.actual_measure = "EffectiveCost";  // another measure of the same lines is another source
  CHECK(Has(RenderSources({p}, testing::SpeakerFor("en")), "<li>Amazon EC2 · team=ml (effective cost): $3,948.42/month"));
  CHECK(Has(RenderSources({p}, testing::SpeakerFor("zh")), "Amazon EC2 · team=ml（有效成本）：US$3,948.42/月"));
  p.actual_measure.clear();
  p.actual_filters.clear();  // every line of the export: the words for actual spend
  CHECK(Has(RenderSources({p}, testing::SpeakerFor("zh")), "实际支出：US$3,948.42/月"));
  p.actual = false;  // the same digits as a price from a price list
  CHECK(Has(RenderSources({p}, testing::SpeakerFor("en")), "$3,948.4185239319/month"));
  // Under a dollar, cents would read 0.0416 as $0.04 beside the figure's
  // $0.0416: it takes the figure's three significant digits.
  p.actual = true;
  p.value = cost::Interval(*cost::Decimal::Parse("0.0416"));
  CHECK(Has(RenderSources({p}, testing::SpeakerFor("en")), ": $0.0416/month"));
  CHECK(Has(RenderSources({p}, testing::SpeakerFor("zh")), "：US$0.0416/月"));
}

TEST_CASE("A zh popover has no English words around its formula", "[figures][provenance]") {
  Loaded l;
  for (const char* id : {"gpu", "vm", "daily_cny", "gpu_share", "daily_bill", "total"}) {
    std::string zh = Prose(ProvenanceHtml(Get(l.eval, id), testing::SpeakerFor("zh")));
    INFO(id << ": " << zh);
    // English words have lowercase letters ("Formula", "month", "share"); "GPU" and "US$" are Chinese usage too.
    CHECK_FALSE(std::regex_search(zh, std::regex("[a-z]{2,}")));
  }
}

TEST_CASE("A value given as written reads as the page shows numbers", "[figures][provenance]") {
  Loaded l;
  std::string zh = ProvenanceHtml(Get(l.eval, "daily_bill"), testing::SpeakerFor("zh"));
  INFO(zh);
  CHECK(Has(zh, "设定值：US$100/天"));
  CHECK_FALSE(Has(zh, "USD/day"));
  std::string en = ProvenanceHtml(Get(l.eval, "daily_bill"), testing::SpeakerFor("en"));
  INFO(en);
  CHECK(Has(en, "$100/day"));
  CHECK_FALSE(Has(en, "<code>"));
}

TEST_CASE("A figure is a button described by its hidden popover", "[figures][provenance]") {
  Loaded l;
  PagePopovers ids;
  const Speaker zh = testing::SpeakerFor("zh");
  std::string first = FigureHtml(Get(l.eval, "gpu"), "1,825", zh, &ids);
  std::string second = FigureHtml(Get(l.eval, "gpu"), "1,825", zh, &ids);
  CHECK(first.rfind("<span class=\"fig-wrap\"><span class=\"fig\" role=\"button\" tabindex=\"0\" "
                    "aria-describedby=\"prov-1\">1,825</span><span class=\"fig-pop\" id=\"prov-1\" hidden>",
                    0) == 0);
  CHECK(Has(second, "aria-describedby=\"prov-2\""));
  CHECK(Has(second, "id=\"prov-2\" hidden>"));
  // Nothing to explain: no popover, no id used.
  cost::Figure bare;
  CHECK(FigureHtml(bare, "3 <x>", zh, &ids) == "<span class=\"fig\">3 &lt;x&gt;</span>");
  CHECK(ids.Next() == "prov-3");
}

// A page writes a popover once per explanation, label and language, and a
// price's line once per price and language: each must read as the popover
// written alone (ProvenanceHtml), however often and in whatever order the
// page asks.
TEST_CASE("A page's popovers written once read as each written alone", "[figures][provenance]") {
  Loaded l;
  PagePopovers page;
  const cost::ModelResult* m = l.eval.Find("m");
  REQUIRE(m);
  for (int round = 0; round < 2; ++round) {
    for (const char* lang : {"zh", "en"}) {
      const Speaker speaker = testing::SpeakerFor(lang);
      for (const cost::Figure* f : m->AllFigures()) {
        INFO(lang << " " << f->id);
        CHECK(page.Html(*f, speaker) == ProvenanceHtml(*f, speaker));
      }
    }
  }
  // The same explanation under another label (an inline figure's copy), and
  // another explanation made from it: each its own popover.
  const Speaker en = testing::SpeakerFor("en");
  cost::Figure relabeled = Get(l.eval, "vm");
  relabeled.label = LocalizedText{{"en", "Virtual machines"}};
  CHECK(Has(page.Html(relabeled, en), "Virtual machines"));
  CHECK(page.Html(relabeled, en) == ProvenanceHtml(relabeled, en));
  cost::Figure edited = Get(l.eval, "vm");
  edited.explain.Edit().formula = "vms * 2 * @cloud/vm";
  CHECK(page.Html(edited, en) == ProvenanceHtml(edited, en));
  CHECK(Has(page.Html(edited, en), "vms * 2"));
  CHECK(page.Html(Get(l.eval, "vm"), en) == ProvenanceHtml(Get(l.eval, "vm"), en));
}

TEST_CASE("A tier's threshold reads spaced from the zh words around it", "[figures][provenance]") {
  cost::UnitTable units;
  const cost::Unit tokens = *cost::ParseUnit("tokens", units, nullptr);
  const cost::Unit price = *cost::ParseUnit("USD/1M tokens", units, nullptr);
  cost::PriceShape shape;
  shape.tiers = cost::Tiers{false, tokens,
                            {{cost::Decimal(0), cost::Interval(cost::Decimal(1)), false},
                             {cost::Decimal(200000), cost::Interval(cost::Decimal(2)), true},
                             {cost::Decimal(1000000000), cost::Interval(cost::Decimal(3)), false}}};
  const std::string zh = PriceShapeText(shape, price, nullptr, true, testing::SpeakerFor("zh"));
  CHECK(zh.find("超过 200,000 token：") != std::string::npos);
  CHECK(zh.find("1,000,000,000 token 起：") != std::string::npos);  // was "token起"
  const std::string en = PriceShapeText(shape, price, nullptr, true, testing::SpeakerFor("en"));
  CHECK(en.find("above 200,000 tokens: ") != std::string::npos);
  CHECK(en.find("from 1,000,000,000 tokens: ") != std::string::npos);
}

}  // namespace
}  // namespace costsite::figures
