// A page as the search index sees it: cut into parts (its top, then each
// h2/h3 section), and its texts written as JSON. Internal to the render
// stage: the index (search_index.cpp) and the page's search text
// (SearchTextScript) cut a page alike.
#ifndef COSTSITE_RENDER_SEARCH_PAGE_H_
#define COSTSITE_RENDER_SEARCH_PAGE_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_index.h"

namespace costsite::render::search {

// A page is cut into parts: its top (title and the text before the first
// heading), then each h2/h3 section. A term's postings name parts: slot *
// kParts + part number; sections past the last number stay in the last part.
inline constexpr uint32_t kPartBits = 8;
inline constexpr uint32_t kParts = 1u << kPartBits;

// One part of a page: section 0 is the page's top, k its k-th h2/h3 section.
struct Part {
  size_t section = 0;
  size_t terms_from = 0;  // the part's terms: from here (its heading)
  size_t text_from = 0;   // its text: from here (after the heading)
  size_t to = 0;
};

/// The parts of `text`, in order: each section from its heading to the next
/// heading; at most kParts (the last one takes the rest of the page).
std::vector<Part> CutParts(std::string_view text, std::span<const SearchSection> sections);

/// Writes `s` as a JSON string: quotes, backslashes and control characters
/// escaped, and U+2028/U+2029 (line ends to older JavaScript); invalid UTF-8
/// becomes U+FFFD.
void AppendJsonString(std::string_view s, std::string* out);

/// `text` as a JSON string with each run of white space made one space and
/// none at either end, as the search box shows an excerpt, escaped as
/// AppendJsonString does.
void AppendJsonLine(std::string_view text, std::string* out);

}  // namespace costsite::render::search

#endif  // COSTSITE_RENDER_SEARCH_PAGE_H_
