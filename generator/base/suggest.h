// "Did you mean …?" for a mistyped name: the closest candidate by edit
// distance, used by every stage that reports an unknown name.
#ifndef COSTSITE_BASE_SUGGEST_H_
#define COSTSITE_BASE_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace costsite {

/// Levenshtein distance between `a` and `b` (bytes).
size_t EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a typo of
/// it (at most max(2, |word| / 3) edits), else "".
std::string Suggest(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" for Suggest's answer, or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace costsite

#endif  // COSTSITE_BASE_SUGGEST_H_
