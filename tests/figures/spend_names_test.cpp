// A billing export's provider named as the price lists name it, in the page's language.
#include "figures/spend.h"

#include <catch2/catch.hpp>

#include "tests/figures/words_fixture.h"

namespace costsite::figures {
namespace {

bool Has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

cost::SpendResult Result() {
  cost::SpendResult r;
  r.query.group_by = {"ProviderName"};
  for (auto [name, total] : {std::pair{"Alibaba Cloud", "300"}, {"AWS", "200"}, {"Oracle Cloud", "100"}})
    r.rows.push_back({{name}, "", "USD", *cost::Decimal::Parse(total), 1});
  return r;
}

TEST_CASE("A ProviderName group reads as the price lists' provider of that id or English name") {
  std::vector<cost::ProviderView> providers(2);
  providers[0].id = "alibaba";
  providers[0].name = {{"zh", "阿里云"}, {"en", "Alibaba Cloud"}};
  providers[1].id = "aws";
  providers[1].name = {{"zh", "亚马逊云科技（AWS）"}, {"en", "Amazon Web Services"}};
  const std::string zh = SpendTable(Result(), 0, testing::SpeakerFor("zh"), {}, false, &providers);
  CHECK(Has(zh, "<th scope=\"row\">阿里云</th>"));
  CHECK(Has(zh, "<th scope=\"row\">亚马逊云科技（AWS）</th>"));
  CHECK(Has(zh, "<th scope=\"row\">Oracle Cloud</th>"));  // no price list names it: as the export has it
  const std::string en = SpendTable(Result(), 0, testing::SpeakerFor("en"), {}, false, &providers);
  CHECK(Has(en, "<th scope=\"row\">Alibaba Cloud</th>"));
  CHECK(Has(en, "<th scope=\"row\">Amazon Web Services</th>"));
  // Without price lists, every value as the export has it.
  CHECK(Has(SpendTable(Result(), 0, testing::SpeakerFor("zh")), "<th scope=\"row\">Alibaba Cloud</th>"));
}

}  // namespace
}  // namespace costsite::figures
