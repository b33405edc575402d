#include "markdown/arena.h"

#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace costsite::markdown {

// The allocator cmark is given must behave as calloc/realloc/free do; the
// arena's own bookkeeping (growing in place, chunks, nesting) is exercised
// through them. Under AddressSanitizer it is cmark's default allocator, and
// these hold as well.
TEST_CASE("The arena allocator zeroes, keeps contents across realloc, and nests") {
  ArenaScope outer;
  cmark_mem* mem = ArenaScope::mem();
  CHECK(ArenaScope::Current() == mem);

  auto* a = static_cast<unsigned char*>(mem->calloc(10, 7));
  REQUIRE(a != nullptr);
  bool zero = true;
  for (int i = 0; i < 70; ++i) zero = zero && a[i] == 0;
  CHECK(zero);
  std::memset(a, 'a', 70);

  // The latest block grows (in place when there is room), earlier ones move.
  char* b = static_cast<char*>(mem->calloc(1, 5));
  std::memcpy(b, "bbbbb", 5);
  b = static_cast<char*>(mem->realloc(b, 100000));  // past a chunk: moves
  REQUIRE(b != nullptr);
  CHECK(std::string(b, 5) == "bbbbb");
  a = static_cast<unsigned char*>(mem->realloc(a, 500));
  REQUIRE(a != nullptr);
  CHECK(std::string(reinterpret_cast<char*>(a), 70) == std::string(70, 'a'));
  char* grow = static_cast<char*>(mem->realloc(nullptr, 8));
  std::memcpy(grow, "12345678", 8);
  for (size_t n = 16; n < (1u << 20); n *= 2) {
    grow = static_cast<char*>(mem->realloc(grow, n));
    REQUIRE(grow != nullptr);
  }
  CHECK(std::string(grow, 8) == "12345678");

  {
    ArenaScope inner;  // what it allocates goes at its end; the outer's stays
    std::vector<char*> blocks;
    for (int i = 0; i < 1000; ++i) {
      char* p = static_cast<char*>(mem->calloc(1, 1000));
      REQUIRE(p != nullptr);
      p[999] = 'x';
      blocks.push_back(p);
    }
    for (char* p : blocks) mem->free(p);  // as cmark does (the arena ignores it)
  }
  CHECK(std::string(b, 5) == "bbbbb");
  CHECK(std::string(grow, 8) == "12345678");
  // After the inner scope, new blocks do not overlap the outer's.
  char* c = static_cast<char*>(mem->calloc(1, 64));
  std::memset(c, 'c', 64);
  CHECK(std::string(b, 5) == "bbbbb");
  CHECK(std::string(reinterpret_cast<char*>(a), 70) == std::string(70, 'a'));
  mem->free(a);
  mem->free(b);
  mem->free(c);
  mem->free(grow);
}

TEST_CASE("Outside a scope, new nodes use cmark's default allocator") {
  CHECK(ArenaScope::Current() == cmark_get_default_mem_allocator());
}

}  // namespace costsite::markdown
