// Heading ids as Hugo makes them (goldmark, autoHeadingIDType "github"), so a
// link written for a Hugo site (`page/#protocolserver`) finds its heading
// here too. The id comes from the heading's source text, not its rendered
// text: `[link](http://x.org)` gives "linkhttpxorg", as in Hugo.
#ifndef COSTSITE_MARKDOWN_HEADING_IDS_H_
#define COSTSITE_MARKDOWN_HEADING_IDS_H_

#include <cmark-gfm.h>

#include <string>
#include <string_view>

#include "base/line_index.h"

namespace costsite::markdown {

/// What a heading's source says about its id.
struct HeadingSource {
  std::string text;       // the heading's source, markers and `{#id}` removed
  std::string custom_id;  // from a trailing `{#id}`; "" = none
};

/// Reads heading `h` from the lines of `body` (the Markdown it was parsed from) and, when
/// it ends with an attribute block (`{#id}`, `{#id .class}`), removes that
/// block from the heading's text nodes so it is not shown.
HeadingSource ReadHeadingSource(cmark_node* h, LineIndex* body);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_HEADING_IDS_H_
