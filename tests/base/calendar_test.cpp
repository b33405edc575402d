// Days the calendar has, as every date costsite reads is checked.
#include "base/calendar.h"

#include <catch2/catch.hpp>

namespace costsite {
namespace {

TEST_CASE("A date names a day the calendar has", "[base][calendar]") {
  for (const char* day : {"2025-01-31", "2024-02-29", "2000-02-29", "2025-12-31", "2025-04-30"}) {
    CAPTURE(day);
    CHECK(IsIsoDay(day));
  }
  for (const char* day : {"2025-02-29", "1900-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10",
                          "2025-01-00", "2025-1-01", "2025/01/01", "2025-01-01T00", "twenty-five"}) {
    CAPTURE(day);
    CHECK_FALSE(IsIsoDay(day));
  }
}

}  // namespace
}  // namespace costsite
