// Calendar days as costsite reads them everywhere a date is written: price
// and rate dates, `as_of`, front matter dates, billing exports' times.
#ifndef COSTSITE_BASE_CALENDAR_H_
#define COSTSITE_BASE_CALENDAR_H_

#include <string_view>

namespace costsite {

/// True when the calendar has day `day` of month `month` (1-12) of `year`:
/// 2024-02-29 but not 2025-02-29, 2025-04-31 or 2025-13-01.
bool IsCalendarDay(int year, int month, int day);

/// True for "YYYY-MM-DD" naming a day the calendar has.
bool IsIsoDay(std::string_view text);

}  // namespace costsite

#endif  // COSTSITE_BASE_CALENDAR_H_
