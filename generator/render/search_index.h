// The offline search index: every page's title and visible text, cut into
// terms without a dictionary (Chinese by single characters and character
// bigrams, Latin scripts by lowercase words), shipped as a JavaScript file that
// a <script> tag loads, so search works from file:// without fetch().
// templates/search.js cuts queries exactly as SearchTerms does.
#ifndef COSTSITE_RENDER_SEARCH_INDEX_H_
#define COSTSITE_RENDER_SEARCH_INDEX_H_

#include <string>
#include <string_view>
#include <vector>

#include "render/site_renderer.h"

namespace costsite::render {

/// Name of the index file in site/.
inline constexpr std::string_view kSearchIndexFile = "search-index.js";

/// The distinct terms of `text` in first-seen order: lowercase words of
/// letters and digits (two characters or more, or a number), and for every run
/// of CJK characters each character and each pair of neighbours.
std::vector<std::string> SearchTerms(std::string_view text);

/// The first `max_chars` code points of `text` with whitespace collapsed,
/// cut at a code-point boundary, with "…" when shortened.
std::string Snippet(std::string_view text, size_t max_chars);

/// Sizes for the build's verbose output.
struct SearchIndexStats {
  size_t pages = 0;
  size_t terms = 0;  // distinct (language, term) pairs
  size_t bytes = 0;
};

/// The index of the HTML pages among `files` as the text of search-index.js:
/// `window.COSTSITE_SEARCH = {"v":1,"p":[[lang,path,title,snippet],…],
/// "t":{lang:{term:[page,…]}}};`. Pages are in the order of `files`, terms in
/// sorted order, so the output does not depend on thread scheduling.
std::string BuildSearchIndex(const std::vector<OutputFile>& files, SearchIndexStats* stats);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SEARCH_INDEX_H_
