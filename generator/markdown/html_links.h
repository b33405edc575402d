// The URLs in raw HTML a page writes (with `raw_html: true`): the `href` and
// `src` of its tags, found by reading the tags (not by searching the text),
// so that they are checked and rewritten like Markdown links.
#ifndef COSTSITE_MARKDOWN_HTML_LINKS_H_
#define COSTSITE_MARKDOWN_HTML_LINKS_H_

#include <string>
#include <string_view>
#include <vector>

namespace costsite::markdown {

/// One URL attribute of a tag in an HTML fragment.
struct HtmlUrl {
  size_t begin = 0, end = 0;  // the attribute value's bytes in the fragment, quotes excluded
  std::string url;            // the value with character references (&amp;) decoded
  bool is_image = false;      // `src` of an <img> or <source>
};

/// The `href` and `src` values of the tags in `html`, in order. Comments,
/// and the text of <script> and <style>, are skipped.
std::vector<HtmlUrl> FindHtmlUrls(std::string_view html);

/// `url` as an attribute value: `&`, `"`, `<` and `>` escaped.
std::string AttributeValue(std::string_view url);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_HTML_LINKS_H_
