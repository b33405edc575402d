#include "base/today.h"

#include <cctype>
#include <cstdlib>
#include <ctime>

namespace costsite {

namespace {
bool LooksLikeDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
}  // namespace

bool Today(std::string* out, std::string* error) {
  if (const char* env = std::getenv("COSTSITE_TODAY"); env && *env) {
    if (!LooksLikeDate(env)) {
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
