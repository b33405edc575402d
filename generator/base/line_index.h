// The lines of a text found by number without scanning from the top each
// time: a page may hold 100,000 figures or links, a pricing file 40,000
// nodes, and each diagnostic or position wants its source line.
#ifndef COSTSITE_BASE_LINE_INDEX_H_
#define COSTSITE_BASE_LINE_INDEX_H_

#include <string_view>
#include <vector>

namespace costsite {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text = {}) : text_(text) {}

  /// Line `line` (1-based) without its line break, as LineOf(text, line)
  /// returns it; empty when out of range. The index is made on first use.
  std::string_view Line(int line) {
    if (starts_.empty()) {
      starts_.push_back(0);
      for (size_t nl = text_.find('\n'); nl != std::string_view::npos; nl = text_.find('\n', nl + 1))
        starts_.push_back(nl + 1);
    }
    if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
    size_t start = starts_[line - 1];
    size_t end = static_cast<size_t>(line) < starts_.size() ? starts_[line] - 1 : text_.size();
    std::string_view l = text_.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // where each line begins
};

}  // namespace costsite

#endif  // COSTSITE_BASE_LINE_INDEX_H_
