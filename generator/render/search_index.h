// The offline search index: every page's title and visible text, cut into
// terms without a dictionary (Chinese by character bigrams, Latin scripts by
// lowercase words), shipped as a JavaScript file that a <script> tag loads,
// so search works from file:// without fetch().
// templates/search.js cuts queries exactly as SearchTerms does.
#ifndef COSTSITE_RENDER_SEARCH_INDEX_H_
#define COSTSITE_RENDER_SEARCH_INDEX_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/site_renderer.h"

namespace costsite::render {

/// Name of the index file in site/.
inline constexpr std::string_view kSearchIndexFile = "search-index.js";

/// The distinct terms of `text` in first-seen order: lowercase words of
/// letters and digits (two characters or more, or a number), and for every run
/// of CJK characters each pair of neighbours (a run of one: that character).
/// Words in British spelling are given in American ("optimisation" →
/// "optimization", "colour" → "color").
std::vector<std::string> SearchTerms(std::string_view text);

/// Where the text of the page at `page_path` is kept for search results:
/// "zh/r/index.html" → "zh/r/index.search.js".
std::string SearchTextFile(std::string_view page_path);

/// That file: `costsiteSearchText(path,[text of part 0,text of part 1,…]);`,
/// the parts cut as SearchIndexBuilder::Add cuts them (without their
/// headings), each whitespace-collapsed.
std::string SearchTextScript(std::string_view page_path, std::string_view text,
                             std::span<const SearchSection> sections);

/// Sizes for the build's verbose output.
struct SearchIndexStats {
  size_t pages = 0;
  size_t sections = 0;  // parts of pages: their tops and h2/h3 sections
  size_t terms = 0;  // distinct (language, term) pairs
  size_t bytes = 0;
  size_t runs = 0;    // sorted runs of terms merged (one per worker and language for a small site)
  std::string error;  // "" unless the index's temporary file could not be read back (the file is then incomplete)
};

/// How much of the index a builder holds before writing it out. A build holds
/// a table per worker and language (4 on two cores): at 8 MB runs and 1 MB
/// pieces those were 34 MB of the peak at 2 × 20,000 pages, at 2 MB and
/// 256 KB about 10, for more runs to merge in the same time within noise.
struct SearchIndexLimits {
  size_t run_bytes = size_t{2} << 20;      // a worker's terms of one language, before they go out as a sorted run
  size_t piece_bytes = size_t{256} << 10;  // of a run or of page entries, held before being written out
  std::filesystem::path temp_dir;        // where the temporary file is made ("" = the system's)
};

/// Collects the index while pages render. Each render thread adds through
/// its own worker number, into tables of its own, so indexing takes no locks;
/// Finish merges them and writes pages grouped by language, in slot order,
/// and terms sorted, so the file does not depend on which thread indexed what. Only postings and
/// snippets are kept, never the pages' text; past SearchIndexLimits, they
/// are kept in a temporary file as sorted runs, merged by Finish.
///
/// The file: `window.COSTSITE_SEARCH={"v":5,"p":[[lang,path,title,
/// [[anchor,heading],…]],…],"t":{lang:{term:[d0,d1,…]}}};`. Each page lists
/// its parts: first its top (["",""]: the title and the text before the first
/// heading), then one per h2/h3 section. Parts are numbered through the whole
/// file in that order, and a term lists the parts that hold it, delta-coded
/// (part = d0, then previous + d1, …); a negative entry -r stands for the r
/// parts that follow the previous one, to keep the file small. The parts'
/// text is not in the index but beside each page (SearchTextFile), loaded
/// only for the results shown, so the index stays small and is never held
/// with the site's text.
/// Version 3: CJK characters inside a run are indexed by their bigrams only.
/// Version 4: British -ise/-yse/-our spellings are indexed in their -ize/-yze/-or
/// form. Version 5: sections.
class SearchIndexBuilder {
 public:
  /// `slots`: the most pages that will be added (slot numbers below it);
  /// `workers`: the number of threads that will call Add.
  /// `limits`: see SearchIndexLimits; the file does not depend on them.
  SearchIndexBuilder(size_t slots, int workers, SearchIndexLimits limits = {});
  ~SearchIndexBuilder();
  SearchIndexBuilder(const SearchIndexBuilder&) = delete;
  SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;

  /// Indexes one page; `slot` is its place in the site's page order;
  /// `sections` cut `text` where its h2/h3 headings begin.
  /// REQUIRES: each worker adds its pages in increasing slot order, and no two
  /// threads use the same worker number at once.
  void Add(int worker, size_t slot, std::string_view lang, std::string_view path, std::string_view title,
           std::string_view text, std::span<const SearchSection> sections = {});
  /// Hands the text of search-index.js to `sink` in pieces. Call once, after
  /// every Add returned.
  void Finish(const std::function<void(std::string_view piece)>& sink, SearchIndexStats* stats);
  /// The same, as one string (for tests and small sites).
  std::string Finish(SearchIndexStats* stats);
  /// The bytes a worker's table of one language holds before it is written
  /// out as a run: SearchIndexLimits::run_bytes for up to four workers, then
  /// four tables' worth shared, down to 1 MiB (or run_bytes, if smaller).
  size_t table_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The index of the HTML pages among `files` (their search_text), for tests
/// and small sites: the same file as adding each page to a builder in order.
std::string BuildSearchIndex(const std::vector<OutputFile>& files, SearchIndexStats* stats);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SEARCH_INDEX_H_
