#include "figures/dates.h"

#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>

namespace costsite::figures {

namespace {

bool Split(std::string_view day, int* y, int* m, int* d) {
  return day.size() == 10 && std::sscanf(std::string(day).c_str(), "%4d-%2d-%2d", y, m, d) == 3;
}

}  // namespace

std::string FormatDay(std::string_view day, std::string_view lang) {
  int y = 0, m = 0, d = 0;
  if (!Split(day, &y, &m, &d)) return std::string(day);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(std::string(lang).c_str());
  std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
  icu::GregorianCalendar calendar(*utc, locale, status);
  calendar.clear();
  calendar.set(y, m - 1, d);
  UDate when = calendar.getTime(status);
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  if (U_FAILURE(status) || !format) return std::string(day);
  format->setTimeZone(*utc);
  icu::UnicodeString text;
  format->format(when, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string Rfc822Day(std::string_view day) {
  int y = 0, m = 0, d = 0;
  if (!Split(day, &y, &m, &d)) return std::string(day);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // Sakamoto's method: the weekday of a Gregorian date.
  static const int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int yy = m < 3 ? y - 1 : y;
  int weekday = (yy + yy / 4 - yy / 100 + yy / 400 + kOffsets[m - 1] + d) % 7;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d 00:00:00 +0000", kDays[weekday], d, kMonths[m - 1], y);
  return buf;
}

}  // namespace costsite::figures
