#include "base/localized.h"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

namespace costsite {
namespace {

LocalizedText Label(const std::string& zh, const std::string& en) { return {{"zh", zh}, {"en", en}}; }

TEST_CASE("Interned texts of the same words share one map, and others do not") {
  LocalizedText a = Label("GPU 数量", "GPUs"), b = Label("GPU 数量", "GPUs"), c = Label("GPU 数量", "GPU count");
  CHECK(&a.at("en") != &b.at("en"));
  a.Intern();
  b.Intern();
  c.Intern();
  CHECK(&a.at("en") == &b.at("en"));
  CHECK(&a.at("zh") == &b.at("zh"));
  CHECK(&a.at("en") != &c.at("en"));
  CHECK(c.at("en") == "GPU count");
  // The same words in other languages are other texts.
  LocalizedText d{{"en", "GPUs"}};
  d.Intern();
  CHECK(d.size() == 1);
  CHECK(&d.at("en") != &a.at("en"));
  LocalizedText empty;
  CHECK(empty.Intern().empty());
}

TEST_CASE("A change to an interned text changes that copy only") {
  LocalizedText a = Label("每月小时数", "Hours a month");
  a.Intern();
  LocalizedText b = Label("每月小时数", "Hours a month");
  b.Intern();
  b["en"] = "Hours per month";
  CHECK(a.at("en") == "Hours a month");
  CHECK(b.at("en") == "Hours per month");
  // Even when it was the only copy outside the table.
  {
    LocalizedText only = Label("唯一", "Only");
    only.Intern();
    only["en"] = "Changed";
  }
  LocalizedText again = Label("唯一", "Only");
  again.Intern();
  CHECK(again.at("en") == "Only");
  LocalizedText fresh = Label("每月小时数", "Hours a month");
  fresh.Intern();
  CHECK(&fresh.at("en") == &a.at("en"));
}

TEST_CASE("Texts interned on many threads, past the table's pruning, still share and keep their words") {
  LocalizedText held = Label("保留", "Kept");
  held.Intern();
  std::vector<std::vector<LocalizedText>> made(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &made] {
      for (int i = 0; i < 5000; ++i) {
        // Most are dropped at once (pruned later); every tenth is kept.
        LocalizedText x = Label("标签 " + std::to_string(i % 10), "Label " + std::to_string(t * 5000 + i));
        x.Intern();
        LocalizedText y = Label("共享 " + std::to_string(i % 10), "Shared " + std::to_string(i % 10));
        y.Intern();
        if (i % 10 == 0) made[static_cast<size_t>(t)].push_back(y);
      }
    });
  }
  for (auto& th : threads) th.join();
  const std::string* first = &made[0][0].at("en");
  for (const auto& list : made) {
    REQUIRE(list.size() == 500);
    for (const LocalizedText& y : list) {
      CHECK(y.at("en") == "Shared 0");
      CHECK(&y.at("en") == first);
    }
  }
  LocalizedText kept = Label("保留", "Kept");
  kept.Intern();
  CHECK(&kept.at("en") == &held.at("en"));
}

TEST_CASE("Texts only the intern table holds are dropped when asked, and held ones still share") {
  LocalizedText::DropUnusedInterned();
  const size_t before = LocalizedText::InternedCount();
  LocalizedText held = Label("留下的标签", "A label kept");
  held.Intern();
  {
    for (int i = 0; i < 3; ++i) {
      LocalizedText gone = Label("模型 " + std::to_string(i), "Model " + std::to_string(i));
      gone.Intern();
    }
    CHECK(LocalizedText::InternedCount() == before + 4);
  }
  CHECK(LocalizedText::InternedCount() == before + 4);  // held by the table until dropped
  LocalizedText::DropUnusedInterned();
  CHECK(LocalizedText::InternedCount() == before + 1);
  LocalizedText same = Label("留下的标签", "A label kept");
  same.Intern();
  CHECK(&same.at("en") == &held.at("en"));
  LocalizedText again = Label("模型 0", "Model 0");
  again.Intern();
  CHECK(again.at("en") == "Model 0");
  CHECK(LocalizedText::InternedCount() == before + 2);
}

}  // namespace
}  // namespace costsite
