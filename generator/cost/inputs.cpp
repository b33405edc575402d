#include "cost/inputs.h"

#include "base/diagnostics.h"

namespace costsite::cost {

std::string_view SourceText::Line(int line_no) const {
  if (kept_line_no_ != 0 && line_no == kept_line_no_) return kept_line_;
  std::call_once(lines_once_, [this] {
    auto lines = std::make_unique<Lines>();
    if (const std::string* held = text_.in_memory()) {
      lines->index = LineIndex(*held);
    } else {
      lines->back = text_.str();
      lines->index = LineIndex(lines->back);
    }
    lines->index.Line(1);  // the index is made here, once, not by concurrent readers
    lines_ = std::move(lines);
  });
  return lines_->index.Line(line_no - first_line_ + 1);
}

std::optional<std::string> SourceText::Text() const {
  // Not from `lines_`: a text whose lines were asked for is never put away
  // (PutAway), so it is in memory.
  if (const std::string* held = text_.in_memory()) return *held;
  std::string back = text_.str();
  if (back.empty()) return std::nullopt;  // a put-away text is never empty (TextShelf::Put)
  return back;
}

void SourceText::PutAway(TextShelf* shelf, int keep_line_no) {
  // A text whose lines were asked for is indexed where it is held.
  if (text_.put_away() || lines_) return;
  if (keep_line_no > 0)
    if (const std::string* held = text_.in_memory()) {
      kept_line_ = std::string(LineOf(*held, keep_line_no - first_line_ + 1));
      kept_line_no_ = keep_line_no;
    }
  shelf->Put(&text_);
}

}  // namespace costsite::cost
