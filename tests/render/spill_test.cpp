#include "base/spill.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "render/search_index.h"

namespace costsite::render {
namespace {

TEST_CASE("A spilled stream reads back what was appended, in order, past many pieces") {
  SpillFile file;
  SpillStream stream(&file, 64);  // every 64 bytes go to the file
  std::string expected;
  for (uint64_t i = 0; i < 2000; ++i) {
    std::string record;
    AppendVarint(i * 977, &record);
    record += "record " + std::to_string(i) + ";";
    stream.Append(record);
    expected += record;
  }
  REQUIRE(stream.size() == expected.size());
  SpillStream::Reader reader(&stream);
  for (uint64_t i = 0; i < 2000; ++i) {
    uint64_t v = 0;
    REQUIRE(reader.ReadVarint(&v));
    CHECK(v == i * 977);
    std::string text;
    std::string want = "record " + std::to_string(i) + ";";
    REQUIRE(reader.Read(want.size(), &text));
    CHECK(text == want);
  }
  CHECK(reader.AtEnd());
  std::string past;
  CHECK_FALSE(reader.Read(1, &past));
}

TEST_CASE("A sealed stream holds none of its bytes in memory and still reads them all back") {
  SpillFile file;
  SpillStream stream(&file, 1 << 20);  // a piece far larger than what is appended
  std::string expected;
  for (int i = 0; i < 300; ++i) expected += "term " + std::to_string(i) + ";";
  stream.Append(expected);
  CHECK(stream.held() == expected.size());
  stream.Seal();
  CHECK(stream.held() == 0);
  stream.Seal();  // nothing left: no empty extent
  SpillStream::Reader reader(&stream);
  std::string back;
  REQUIRE(reader.Read(expected.size(), &back));
  CHECK(back == expected);
  CHECK(reader.AtEnd());
  // Bytes appended after a seal follow the sealed ones.
  stream.Append("more");
  SpillStream::Reader again(&stream);
  std::string all;
  REQUIRE(again.Read(expected.size() + 4, &all));
  CHECK(all == expected + "more");
  CHECK(again.AtEnd());
}

TEST_CASE("A reader holds one block, however long the record it reads") {
  SpillFile file;
  SpillStream stream(&file, 1000);  // pieces of 1,000 bytes, and a tail in memory
  std::string big;
  for (int i = 0; i < 40000; ++i) big += static_cast<char>('a' + i % 26);
  std::string record;
  AppendVarint(big.size(), &record);
  stream.Append(record);
  stream.Append(big);
  stream.Append("end");
  SpillStream::Reader reader(&stream, 256);
  uint64_t n = 0;
  REQUIRE(reader.ReadVarint(&n));
  REQUIRE(n == big.size());
  std::string back;
  REQUIRE(reader.Read(n, &back));
  CHECK(back == big);
  std::string end;
  REQUIRE(reader.Read(3, &end));
  CHECK(end == "end");
  CHECK(reader.AtEnd());
  CHECK(reader.buffered() < 1024);  // one block of 256 bytes, not the 40,000 of the record
  std::string past;
  CHECK_FALSE(reader.Read(1, &past));
}

// Pages in two languages with shared and own words, Chinese text, sections,
// and a few pages missing: enough terms for many runs at a small run size.
void AddPages(SearchIndexBuilder* builder, int workers, size_t pages) {
  const char* zh_words[] = {"成本", "报告", "训练", "推理", "存储", "网络", "价格", "模型"};
  const char* en_words[] = {"cost", "report", "training", "inference", "storage", "network", "price", "model"};
  // Worker w adds pages w, w + workers, …: each in increasing slot order, the
  // workers' slots interleaved as a parallel build's are.
  for (int w = 0; w < workers; ++w) {
    for (size_t p = static_cast<size_t>(w); p < pages; p += static_cast<size_t>(workers)) {
      if (p % 17 == 5) continue;  // a slot left empty
      for (size_t l = 0; l < 2; ++l) {
        std::string text = l == 0 ? "第" + std::to_string(p) + "页" : "page " + std::to_string(p) + " ";
        for (size_t k = 0; k < 12; ++k) {
          size_t word = (p * 7 + k * 3) % 8;
          text += l == 0 ? zh_words[word] : en_words[word];
          text += l == 0 ? "" : " ";
          text += "w" + std::to_string((p * 31 + k) % 97) + " ";
        }
        std::string head = l == 0 ? "小节" : "Section";
        size_t begin = text.size();
        text += head + " " + std::to_string(p % 5) + " tail" + std::to_string(p % 13);
        std::vector<SearchSection> sections = {{"s" + std::to_string(p), head, begin, begin + head.size()}};
        std::string path = std::string(l == 0 ? "zh" : "en") + "/r" + std::to_string(p) + "/index.html";
        builder->Add(w, p * 2 + l, l == 0 ? "zh" : "en", path, "T" + std::to_string(p), text, sections);
      }
    }
  }
}

TEST_CASE("Texts put away on a shelf read back the same, written a piece of many at a time") {
  std::vector<HeldText> texts;
  for (int i = 0; i < 500; ++i) texts.emplace_back("paragraph " + std::to_string(i) + std::string(i % 37, 'x'));
  texts.emplace_back("");  // nothing to put away
  texts.emplace_back("第一段：每月成本。");
  std::vector<std::string> expected;
  for (const HeldText& t : texts) expected.push_back(t.str());
  {
    TextShelf shelf({}, 1024);  // a piece of about 40 texts
    for (HeldText& t : texts) shelf.Put(&t);
    CHECK(texts.front().put_away());  // pieces already written
    CHECK_FALSE(texts.back().put_away());  // still waiting
    shelf.Flush();
  }  // the file outlives its shelf: the texts hold it
  for (size_t i = 0; i < texts.size(); ++i) {
    INFO(i);
    CHECK(texts[i].str() == expected[i]);
    CHECK(texts[i].put_away() == !expected[i].empty());
  }
  HeldText copy = texts[7];
  CHECK(copy == texts[7]);
  CHECK(copy.str() == expected[7]);
  CHECK_FALSE(copy == texts[8]);
  CHECK(texts[500].empty());
  CHECK_FALSE(texts[501].empty());
}

TEST_CASE("A text that cannot be put away stays in memory") {
  HeldText text("kept");
  {
    TextShelf shelf(std::filesystem::path("/nonexistent/folder/for/costsite"));
    shelf.Put(&text);
  }  // the shelf flushes as it goes: the file cannot be made
  CHECK_FALSE(text.put_away());
  CHECK(text.str() == "kept");
}

TEST_CASE("A held text copies, moves and is assigned in memory and put away alike") {
  HeldText a("in memory"), none;
  REQUIRE(a.in_memory());
  const std::string* where = a.in_memory();
  HeldText moved = std::move(a);
  CHECK(moved.in_memory() == where);  // the text itself did not move
  CHECK(a.empty());                   // NOLINT: the moved-from text is left empty
  CHECK(a.str().empty());
  CHECK(*none.in_memory() == "");
  HeldText copy = moved;
  CHECK(copy.in_memory() != moved.in_memory());
  CHECK(copy.str() == "in memory");

  HeldText away("中文段落 and more");
  {
    TextShelf shelf;
    shelf.Put(&away);
  }
  REQUIRE(away.put_away());
  CHECK(away.in_memory() == nullptr);
  HeldText away_copy = away, away_moved = std::move(away);
  CHECK(away_copy.str() == "中文段落 and more");
  CHECK(away_moved.str() == "中文段落 and more");
  CHECK(away_moved.put_away());
  copy = away_copy;  // in memory, now a place in the file
  CHECK(copy.put_away());
  CHECK(copy.str() == "中文段落 and more");
  away_copy = HeldText("back in memory");
  CHECK_FALSE(away_copy.put_away());
  CHECK(away_copy.str() == "back in memory");
  copy = copy;  // NOLINT: assigned to itself, unchanged
  CHECK(copy.str() == "中文段落 and more");
  CHECK(sizeof(HeldText) <= 16);
}

TEST_CASE("The search index written through sorted runs in a temporary file equals the one held in memory") {
  constexpr size_t kPages = 600;
  SearchIndexLimits whole;  // far larger than this index: one run per worker and language, in memory
  whole.run_bytes = size_t{1} << 30;
  whole.piece_bytes = size_t{1} << 30;
  SearchIndexBuilder in_memory(kPages * 2, 1, whole);
  AddPages(&in_memory, 1, kPages);
  SearchIndexStats memory_stats;
  const std::string expected = in_memory.Finish(&memory_stats);
  CHECK(memory_stats.runs == 2);

  SearchIndexLimits small;
  small.run_bytes = 16 * 1024;
  small.piece_bytes = 512;
  for (int workers : {1, 2, 3}) {
    SearchIndexBuilder spilled(kPages * 2, workers, small);
    AddPages(&spilled, workers, kPages);
    SearchIndexStats stats;
    std::string pieces;
    size_t calls = 0;
    spilled.Finish([&](std::string_view piece) {
      pieces += piece;
      ++calls;
    }, &stats);
    INFO("workers " << workers);
    CHECK(stats.error.empty());
    CHECK(stats.runs > 2 * static_cast<size_t>(workers));  // more than one run per table
    CHECK(stats.pages == memory_stats.pages);
    CHECK(stats.terms == memory_stats.terms);
    CHECK(stats.bytes == expected.size());
    CHECK(pieces == expected);
  }
}

TEST_CASE("A table's share of the search index's memory shrinks with more workers, the index the same") {
  constexpr size_t MiB = size_t{1} << 20;
  auto share = [](int workers, size_t run_bytes) {
    SearchIndexLimits limits;
    limits.run_bytes = run_bytes;
    return SearchIndexBuilder(10, workers, limits).table_bytes();
  };
  CHECK(share(1, 2 * MiB) == 2 * MiB);
  CHECK(share(4, 2 * MiB) == 2 * MiB);
  CHECK(share(8, 2 * MiB) == 1 * MiB);
  CHECK(share(64, 2 * MiB) == 1 * MiB);  // not below 1 MiB: a smaller table cuts too many runs
  CHECK(share(16, 8 * MiB) == 2 * MiB);
  CHECK(share(16, 16 * 1024) == 16 * 1024);  // a smaller limit is kept

  constexpr size_t kPages = 400;
  SearchIndexBuilder one(kPages * 2, 1);
  AddPages(&one, 1, kPages);
  SearchIndexStats one_stats;
  const std::string expected = one.Finish(&one_stats);
  SearchIndexBuilder many(kPages * 2, 12);
  AddPages(&many, 12, kPages);
  SearchIndexStats stats;
  CHECK(many.Finish(&stats) == expected);
  CHECK(stats.terms == one_stats.terms);
}

}  // namespace
}  // namespace costsite::render
