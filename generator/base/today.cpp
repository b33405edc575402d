#include "base/today.h"

#include "base/calendar.h"

#include <cctype>
#include <cstdlib>
#include <ctime>

namespace costsite {

bool Today(std::string* out, std::string* error) {
  if (const char* env = std::getenv("COSTSITE_TODAY"); env && *env) {
    if (!IsIsoDay(env)) {
      *error = "COSTSITE_TODAY is '" + std::string(env) + "': write a date as YYYY-MM-DD";
      return false;
    }
    *out = env;
    return true;
  }
  *out = UtcToday();
  return true;
}

std::string UtcToday() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace costsite
