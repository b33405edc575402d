// The date a build takes as "today": what prices are in force on when no
// date is pinned. Injectable, so that a test or a reproducible build does
// not depend on the day it runs.
#ifndef COSTSITE_BASE_TODAY_H_
#define COSTSITE_BASE_TODAY_H_

#include <string>

namespace costsite {

/// Today's date, YYYY-MM-DD: the environment's COSTSITE_TODAY when set,
/// else the clock's (UTC). False + `*error` when COSTSITE_TODAY is not a date.
bool Today(std::string* out, std::string* error);

/// The clock's date in UTC, YYYY-MM-DD, whatever COSTSITE_TODAY says.
std::string UtcToday();

}  // namespace costsite

#endif  // COSTSITE_BASE_TODAY_H_
