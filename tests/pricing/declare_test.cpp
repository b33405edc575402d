// What a site declares for readers: count units with their names per
// language (`units:`), labels of price variants (`variant_labels:`) and a
// rule's condition in words (`condition:`).
#include <memory>

#include <catch2/catch.hpp>

#include "tests/test_util.h"

#include "cost/evaluate.h"
#include "figures/plain.h"
#include "pricing/pricing.h"

namespace costsite::pricing {
namespace {

TEST_CASE("A units file declares count units with their names", "[pricing][declare]") {
  const char* text = R"y(units:
  gpu: {aliases: [gpus, GPU, GPUs], zh: GPU, measure: 块, en: [GPU, GPUs]}
  IOPS: {zh: IOPS, en: IOPS}
)y";
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/units.yaml", text, &inputs, diags);
  INFO(AllDiagnostics(diags));
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(inputs.units.size() == 2);
  const cost::UnitDecl& gpu = inputs.units[0];
  CHECK(gpu.names.keys == std::vector<std::string>{"gpu", "gpus", "GPU", "GPUs"});
  CHECK(gpu.names.zh == "GPU");
  CHECK(gpu.names.zh_measure == "块");
  CHECK(gpu.names.en_one == "GPU");
  CHECK(gpu.names.en_other == "GPUs");
  REQUIRE(gpu.keys.size() == 4);
  CHECK(gpu.keys[2].pos().line == 2);
  CHECK(gpu.keys[2].pos().col == 25);
  CHECK(inputs.units[1].names.en_one == "IOPS");
  CHECK(inputs.units[1].names.en_other.empty());
}

TEST_CASE("Bad unit declarations name their place", "[pricing][declare]") {
  const char* text = R"y(units:
  retrieval: {zh: 检索, measure: 次}
  call-s: {zh: 调用, en: call}
  vcpu: {zh: vCPU, en: [vCPU], colour: red}
  disk: [zh, en]
)y";
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/units.yaml", text, &inputs, diags);
  CHECK(AllDiagnostics(diags) ==
        "pricing/units.yaml:2:3: error: unit 'retrieval' needs its names: `zh:` and `en:`\n"
        " 2 |   retrieval: {zh: 检索, measure: 次}\n"
        "   |   ^~~~~~~~~\n"
        "pricing/units.yaml:3:3: error: malformed unit name 'call-s': use letters and '_' only\n"
        " 3 |   call-s: {zh: 调用, en: call}\n"
        "   |   ^~~~~~\n"
        "pricing/units.yaml:4:24: error: expected `en: NAME` or `en: [singular, plural]`\n"
        " 4 |   vcpu: {zh: vCPU, en: [vCPU], colour: red}\n"
        "   |                        ^\n"
        "pricing/units.yaml:4:32: error: unknown key 'colour' in unit 'vcpu'\n"
        " 4 |   vcpu: {zh: vCPU, en: [vCPU], colour: red}\n"
        "   |                                ^~~~~~\n"
        "pricing/units.yaml:5:9: error: expected a map for unit 'disk'\n"
        " 5 |   disk: [zh, en]\n"
        "   |         ^\n");
  CHECK(inputs.units.empty());
}

TEST_CASE("A declared unit may not rename a unit of another kind or a currency", "[pricing][declare]") {
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/units.yaml",
                   "units:\n"
                   "  gpu: {aliases: [gpus], zh: 显卡, measure: 张, en: [card, cards]}\n"
                   "  hour: {zh: 时, en: hour}\n"
                   "  USD: {zh: 美元, en: dollar}\n"
                   "  chip: {aliases: [chip], zh: 芯片, en: chip}\n",
                   &inputs, diags);
  REQUIRE_FALSE(diags.HasErrors());
  cost::Evaluate(std::move(inputs), {}, diags);
  CHECK(AllDiagnostics(diags) ==
        "pricing/units.yaml:3:3: error: 'hour' is a built-in unit that is not a count; choose another name\n"
        " 3 |   hour: {zh: 时, en: hour}\n"
        "   |   ^~~~\n"
        "pricing/units.yaml:4:3: error: 'USD' is a currency code and cannot name a count unit\n"
        " 4 |   USD: {zh: 美元, en: dollar}\n"
        "   |   ^~~\n"
        "pricing/units.yaml:5:20: error: unit 'chip' is declared twice\n"
        " 5 |   chip: {aliases: [chip], zh: 芯片, en: chip}\n"
        "   |                    ^~~~\n");
}

TEST_CASE("A declared unit is a count in formulas", "[pricing][declare]") {
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/units.yaml",
                   "units:\n  retrieval: {aliases: [retrievals], zh: 检索, measure: 次, en: [retrieval, retrievals]}\n",
                   &inputs, diags);
  ParsePricingFile("pricing/m.yaml",
                   "model: m\nparams:\n  n: {value: 3 retrievals/s}\nfigures:\n"
                   "  daily: {formula: n * 1 day, unit: retrievals}\n",
                   &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), {}, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  const cost::Figure* daily = eval.Find("m")->Find("daily");
  REQUIRE(daily);
  CHECK(daily->value.lo.ToString() == "259200");
  CHECK(daily->unit->declared);
  CHECK(eval.declared_units().size() == 1);
}

TEST_CASE("A unit declared distinct is its own dimension: it adds only to itself", "[pricing][declare]") {
  auto run = [](const std::string& figures) {
    cost::Inputs inputs;
    auto diags = std::make_unique<Diagnostics>();
    ParsePricingFile("pricing/units.yaml",
                     "units:\n"
                     "  IOPS: {aliases: [iops], zh: IOPS, en: IOPS, distinct: true}\n"
                     "  vcpu: {aliases: [vcpus], zh: vCPU, measure: 个, en: [vCPU, vCPUs], distinct: true}\n"
                     "  image: {aliases: [images], zh: 图片, measure: 张, en: [image, images]}\n",
                     &inputs, *diags);
    ParsePricingFile("pricing/m.yaml", "model: m\nfigures:\n" + figures, &inputs, *diags);
    auto eval = std::make_shared<cost::Evaluation>(cost::Evaluate(std::move(inputs), {}, *diags));
    return std::make_pair(eval, std::move(diags));
  };
  auto [bad, bad_diags] = run("  x: {formula: 3 IOPS + 2 vcpus}\n  y: {formula: 3 IOPS + 2}\n"
                              "  z: {formula: 3 images + 2}\n");
  const std::string errors = AllDiagnostics(*bad_diags);
  CHECK(errors.find("pricing/m.yaml:3:16: error: unit mismatch: cannot add IOPS and vcpus") != std::string::npos);
  CHECK(errors.find("pricing/m.yaml:4:16: error: unit mismatch: cannot add IOPS and a number") != std::string::npos);
  CHECK(errors.find("pricing/m.yaml:5:") == std::string::npos);  // a plain count adds to a number
  auto [good, good_diags] = run(
      "  io: {formula: 10000 IOPS - 3000 iops}\n"
      "  cost: {formula: \"io * 0.005 USD/IOPS/month\", unit: USD/month}\n"
      "  cores: {formula: 8 vcpus * 730 h, unit: vcpu*h}\n"
      "  per_core: {formula: 100 USD/month / 8 vcpus, unit: USD/vcpu/month}\n");
  INFO(AllDiagnostics(*good_diags));
  REQUIRE_FALSE(good_diags->HasErrors());
  CHECK(good->Find("m")->Find("io")->value.lo.ToString() == "7000");
  CHECK(good->Find("m")->Find("cost")->value.lo.ToString() == "35");
  CHECK(good->Find("m")->Find("cost")->unit->dim.kinds.empty());
  CHECK(good->Find("m")->Find("cores")->value.lo.ToString() == "5840");
  CHECK(good->Find("m")->Find("per_core")->value.lo.ToString() == "12.5");
  auto [wrong, wrong_diags] = run("  c: {formula: 8 vcpus * 730 h, unit: h}\n");
  CHECK(AllDiagnostics(*wrong_diags).find("the formula gives vcpus*h, declared h") != std::string::npos);
}

TEST_CASE("A product or quotient of counts names the count it comes to", "[pricing][declare]") {
  // Count nouns have no dimension, so 3 nodes × 8 gpus/node was shown as
  // "24 nodes": the first operand's unit, of the right (no) dimension.
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/units.yaml",
                   "units:\n"
                   "  gpu: {aliases: [gpus, GPU, GPUs], zh: GPU, measure: 块, en: [GPU, GPUs]}\n"
                   "  node: {aliases: [nodes], zh: 节点, measure: 个, en: [node, nodes]}\n"
                   "  user: {aliases: [users], zh: 用户, measure: 个, en: [user, users]}\n"
                   "  vcpu: {aliases: [vcpus], zh: vCPU, measure: 个, en: [vCPU, vCPUs], distinct: true}\n",
                   &inputs, diags);
  ParsePricingFile("pricing/m.yaml",
                   "model: m\nparams:\n  nodes: 3 nodes\n  per_node: 8 gpus/node\n  cores: 16 vcpus/node\n"
                   "  users: 1000 users\n  per_user: 0.02 gpus/user\nfigures:\n"
                   "  gpus: {formula: nodes * per_node}\n"
                   "  gpus_again: {formula: per_node * nodes}\n"
                   "  vcpus: {formula: nodes * cores}\n"
                   "  by_users: {formula: users * per_user}\n"
                   "  spread: {formula: 40 gpus / 2 nodes}\n"
                   "  ratio: {formula: per_node / per_node}\n"
                   "  requests: {formula: 500 requests/s * 0.5 s}\n",
                   &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), {}, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  auto shown = [&](const char* id) { return figures::PlainFigure(*eval.Find("m")->Find(id)); };
  CHECK(shown("gpus") == "24 gpus");
  CHECK(shown("gpus_again") == "24 gpus");
  CHECK(shown("vcpus") == "48 vcpus");
  CHECK(shown("by_users") == "20 gpus");
  CHECK(shown("spread") == "20 gpus/node");
  CHECK(shown("ratio") == "1");
  CHECK(shown("requests") == "250 requests");
}

TEST_CASE("A product or quotient without a declared unit reads in the units it was written in", "[pricing][declare]") {
  // The canonical unit of 10 USD / 2 months is USD/h, and of 100 GB × 2
  // months h*B: both right and neither what a reader of the formula expects.
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/m.yaml",
                   "model: m\nfigures:\n"
                   "  monthly: {formula: 10 USD / (2 months)}\n"
                   "  stored: {formula: 100 GB * 2 months}\n"
                   "  gpu_hours: {formula: 2 gpus * 10 h}\n"
                   "  per_tb: {formula: 1000 USD / (5 TB)}\n"
                   "  transfer: {formula: 100 GB / (10 GB/s)}\n"
                   "  daily: {formula: 1000000 tokens / (2 days)}\n"
                   "  priced: {formula: 2 gpus * 3 USD/h}\n"
                   "  cancelled: {formula: 12 USD/month * 3 months}\n"
                   "  mixed: {formula: 5 USD/h * 2 months}\n"
                   "  ratio: {formula: 10 GB / (5 GB)}\n"
                   // A ratio of one kind's units as written (500 h/month) has no
                   // dimension; its units still read in the result.
                   "  node_hours: {formula: 3 nodes * 500 h/month}\n"
                   "  monthly_price: {formula: 5 USD/h * 500 h/month}\n"
                   "  node_cost: {formula: 3 nodes * 500 h/month * 2 USD/h}\n"
                   "  share_of_month: {formula: 500 h/month / (730 h/month)}\n"
                   "  doubled: {formula: 500 h/month * 2}\n"
                   // Two units of one kind from two operands: a ratio where only
                   // counts stand beside it, else a number of the other unit.
                   "  office_hours: {formula: 24 h/day * 30 days/month}\n"
                   "  node_office_hours: {formula: 3 nodes * 24 h/day * 30 days/month}\n"
                   "  moved: {formula: 100 GB/s * 1 h}\n"
                   "  served: {formula: 100 requests/s * 1 h}\n"
                   "  gb_hours: {formula: 5 GB * 500 h/month}\n"
                   "  hourly_to_monthly: {formula: 0.5 USD/h * 730 h/month}\n"
                   "  per_day: {formula: 8 gpus * 2.5 USD/h * 24 h/day}\n"
                   // Money per time per a measure: the canonical unit is USD/B/h.
                   "  bill: {formula: 10551 USD/month}\n"
                   "  data: {formula: 600 TiB}\n"
                   "  per_tib_month: {formula: bill / data}\n"
                   "  per_gib_month: {formula: 1000 USD/month / (5 GiB)}\n",
                   &inputs, diags);
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), {}, diags);
  INFO(AllDiagnostics(diags));
  REQUIRE_FALSE(diags.HasErrors());
  auto shown = [&](const char* id) { return figures::PlainFigure(*eval.Find("m")->Find(id)); };
  CHECK(shown("monthly") == "5.00 USD/month");
  CHECK(shown("stored") == "200 GB*months");
  CHECK(shown("gpu_hours") == "20 gpus*h");
  CHECK(shown("per_tb") == "200.00 USD/TB");
  CHECK(shown("transfer") == "10 s");
  CHECK(shown("daily") == "500000 tokens/day");
  CHECK(shown("priced") == "6.00 USD/h");     // a price per GPU: no GPU in the cost
  CHECK(shown("cancelled") == "36.00 USD");  // month and months cancel
  CHECK(shown("mixed") == "7300.00 USD");    // h and month are one dimension: the canonical unit
  CHECK(shown("ratio") == "2");
  CHECK(shown("node_hours") == "1500 nodes*h/month");  // not 2.05 nodes
  CHECK(shown("monthly_price") == "2500.00 USD/month");  // not 3.42 USD/h
  CHECK(shown("node_cost") == "3000.00 USD/month");
  CHECK(shown("share_of_month") == "0.685");  // every unit cancels: not 0.685 h/month
  CHECK(shown("doubled") == "1000 h/month");
  CHECK(shown("office_hours") == "720 h/month");  // not 23.671 h/day
  CHECK(shown("node_office_hours") == "2160 nodes*h/month");
  CHECK(shown("moved") == "360000 GB");  // not 360000000000000 B
  CHECK(shown("served") == "360000 requests");
  CHECK(shown("gb_hours") == "2500 GB*h/month");  // a ratio as written stays
  CHECK(shown("hourly_to_monthly") == "365.00 USD/month");  // not 0.50 USD/h
  CHECK(shown("per_day") == "480.00 USD/day");  // not 20.00 USD/h
  // 10551 / 600 = 17.585; 1000 / 5 = 200 (not 0.000000000016 and 0.000000186 USD/B/month)
  CHECK(shown("per_tib_month") == "17.59 USD/month/TiB");
  CHECK(shown("per_gib_month") == "200.00 USD/month/GiB");
}

TEST_CASE("A price list declares labels of its variants", "[pricing][declare]") {
  const char* text = R"y(provider: aws
currency: USD
variant_labels:
  spot_avg: {zh: 竞价（均价）, en: Spot (average)}
  ri_3y: 3-year reserved
  flex: [a, b]
prices:
  - {id: vm, unit: USD/h, price: 1, variants: {spot_avg: 0.3}}
)y";
  cost::PriceList list;
  Diagnostics diags;
  CHECK_FALSE(ParsePriceList("pricing/aws.yaml", text, &list, diags));
  CHECK(AllDiagnostics(diags) ==
        "pricing/aws.yaml:6:9: error: expected text or {zh: …, en: …} for variant label\n"
        " 6 |   flex: [a, b]\n"
        "   |         ^\n");
  REQUIRE(list.variant_labels.size() == 2);
  CHECK(list.variant_labels[0].first == "spot_avg");
  CHECK(list.variant_labels[0].second.at("zh") == "竞价（均价）");
  CHECK(list.variant_labels[1].second.at("") == "3-year reserved");
}

TEST_CASE("A rule carries its condition in words", "[pricing][declare]") {
  const char* text = R"y(model: m
unit: USD/month
items:
  egress: {formula: 50 USD/month}
  storage: {formula: 50 USD/month}
rules:
  egress_heavy:
    when: share(egress) > 40%
    condition: {zh: 出网流量占比超过 40%, en: egress is more than 40% of the total}
  bad:
    when: share(storage) > 40%
    condition: [x]
)y";
  cost::Inputs inputs;
  Diagnostics diags;
  ParsePricingFile("pricing/m.yaml", text, &inputs, diags);
  CHECK(AllDiagnostics(diags) ==
        "pricing/m.yaml:12:16: error: expected text or {zh: …, en: …} for condition\n"
        " 12 |     condition: [x]\n"
        "    |                ^\n");
  REQUIRE(inputs.models.size() == 1);
  REQUIRE(inputs.models[0].rules.size() == 2);
  CHECK(inputs.models[0].rules[0].condition.at("en") == "egress is more than 40% of the total");
  Diagnostics eval_diags;
  cost::Evaluation eval = cost::Evaluate(std::move(inputs), {}, eval_diags);
  REQUIRE(eval.Find("m"));
  REQUIRE(eval.Find("m")->rules.size() == 2);
  CHECK(eval.Find("m")->rules[0].condition.at("zh") == "出网流量占比超过 40%");
  CHECK(eval.Find("m")->rules[0].holds);
}

}  // namespace
}  // namespace costsite::pricing
