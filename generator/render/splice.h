// Large template values (a page's HTML) passed around kainjow rather than
// through it: the template gets a short marker, and the rendered text has the
// marker replaced by the value. kainjow copies a string value four times on
// its way to the output (into the data, into the data's map, out of it as a
// variable, into the output); a page's HTML went through twice per page.
// Internal to the render stage.
#ifndef COSTSITE_RENDER_SPLICE_H_
#define COSTSITE_RENDER_SPLICE_H_

#include <string>
#include <string_view>
#include <vector>

namespace costsite::render {

/// One value to splice. The marker is an HTML comment with a random part, so
/// no page or template can contain it by accident; `{{name}}` (escaped)
/// renders it as `&lt;!--…--&gt;`, which is replaced by the value escaped as
/// kainjow escapes, so the template's choice of escaping holds as if the
/// value were in the data.
class SplicedValue;

/// The values to splice into one text, each with its marker.
using Splices = std::vector<std::pair<const SplicedValue*, std::string_view>>;

class SplicedValue {
 public:
  /// `name` says which value a marker stands for (in the marker, for debugging).
  explicit SplicedValue(std::string_view name);
  const std::string& marker() const { return marker_; }

 private:
  friend std::string Splice(std::string_view text, const Splices& values);
  std::string marker_, escaped_marker_;
};

/// `text` with every marker of `values` replaced by its value (HTML-escaped
/// where the marker was), in one pass: a value's own text is not searched.
std::string Splice(std::string_view text, const Splices& values);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SPLICE_H_
