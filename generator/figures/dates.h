// Calendar days as a reader of the page's language writes them, with ICU's
// long date format: "2024年3月5日", "March 5, 2024".
#ifndef COSTSITE_FIGURES_DATES_H_
#define COSTSITE_FIGURES_DATES_H_

#include <string>
#include <string_view>

namespace costsite::figures {

/// `day` (YYYY-MM-DD) in `lang`'s long date format; `day` itself when ICU
/// cannot read it.
std::string FormatDay(std::string_view day, std::string_view lang);

/// `day` (YYYY-MM-DD) as RFC 822 wants it in an RSS feed, at midnight UTC:
/// "Tue, 05 Mar 2024 00:00:00 +0000".
std::string Rfc822Day(std::string_view day);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_DATES_H_
