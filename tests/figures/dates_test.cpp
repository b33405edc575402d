#include "figures/dates.h"

#include <catch2/catch.hpp>

namespace costsite::figures {
namespace {

TEST_CASE("FormatDay writes a day in the page's language") {
  CHECK(FormatDay("2024-03-05", "zh") == "2024年3月5日");
  CHECK(FormatDay("2024-03-05", "en") == "March 5, 2024");
  CHECK(FormatDay("not a day", "en") == "not a day");
}

TEST_CASE("Rfc822Day gives the weekday and midnight UTC") {
  CHECK(Rfc822Day("2024-03-05") == "Tue, 05 Mar 2024 00:00:00 +0000");
  CHECK(Rfc822Day("2000-01-01") == "Sat, 01 Jan 2000 00:00:00 +0000");
  CHECK(Rfc822Day("2024-02-29") == "Thu, 29 Feb 2024 00:00:00 +0000");
}

}  // namespace
}  // namespace costsite::figures
