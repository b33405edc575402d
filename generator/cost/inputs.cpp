#include "cost/inputs.h"

namespace costsite::cost {

std::string_view SourceText::Text() const {
  if (const std::string* held = text_.in_memory()) return *held;
  std::call_once(read_back_, [this] { back_ = std::make_unique<const std::string>(text_.str()); });
  return *back_;
}

std::string_view SourceText::LineAt(uint32_t at) const {
  if (at == kept_at_) return kept_line_;
  std::string_view text = Text();
  if (at > text.size()) return {};
  std::string_view l = text.substr(at);
  l = l.substr(0, l.find('\n'));
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

void SourceText::PutAway(TextShelf* shelf, uint32_t keep_at) {
  if (text_.put_away()) return;
  kept_line_ = std::string(LineAt(keep_at));
  kept_at_ = keep_at;
  shelf->Put(&text_);
}

}  // namespace costsite::cost
