#include "markdown/cjk_breaks.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/cmark_util.h"

namespace costsite::markdown {
namespace {

// The text at the edge of `n`: its own literal when it is text, else that of
// its last (or first) descendant; nullopt-like empty when that is not text.
std::string_view EdgeText(cmark_node* n, bool last) {
  while (n && cmark_node_first_child(n)) n = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
  if (!n || cmark_node_get_type(n) != CMARK_NODE_TEXT) return {};
  const char* lit = cmark_node_get_literal(n);
  return lit ? std::string_view(lit, std::strlen(lit)) : std::string_view();
}

bool Joins(UChar32 c) {
  if (c < 0x1100) return false;  // nothing below is wide; the common case, checked first
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width != U_EA_FULLWIDTH && width != U_EA_WIDE && width != U_EA_HALFWIDTH) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) != USCRIPT_HANGUL;
}

}  // namespace

void JoinCjkLineBreaks(cmark_node* root) {
  std::vector<cmark_node*> breaks;  // collected first: freeing a node ends an iteration over it
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK) breaks.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* br : breaks) {
    std::string_view before = EdgeText(cmark_node_previous(br), true);
    std::string_view after = EdgeText(cmark_node_next(br), false);
    if (before.empty() || after.empty()) continue;
    int32_t i = static_cast<int32_t>(before.size());
    UChar32 prev = 0, next = 0;
    U8_PREV(reinterpret_cast<const uint8_t*>(before.data()), 0, i, prev);
    int32_t j = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(after.data()), j, static_cast<int32_t>(after.size()), next);
    if (Joins(prev) && Joins(next)) cmark_node_free(br);
  }
}

namespace {

bool EndsUrl(UChar32 c) {
  if (c < 0x2018) return false;
  if ((c >= 0x2018 && c <= 0x201F) || c == 0x2026) return true;  // curly quotes, ellipsis
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_FULLWIDTH || width == U_EA_WIDE) && u_ispunct(c);
}

}  // namespace

void EndBareUrlsAtWidePunctuation(cmark_node* root) {
  std::vector<cmark_node*> links;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK) links.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* link : links) {
    cmark_node* text = cmark_node_first_child(link);
    if (!text || text != cmark_node_last_child(link) || cmark_node_get_type(text) != CMARK_NODE_TEXT) continue;
    const char* lit = cmark_node_get_literal(text);
    const char* href = cmark_node_get_url(link);
    if (!lit || !href) continue;
    const std::string shown = lit, url = href;
    if (url != shown && url != "http://" + shown && url != "mailto:" + shown) continue;
    int32_t at = 0, cut = -1;
    while (at < static_cast<int32_t>(shown.size())) {
      const int32_t start = at;
      UChar32 c;
      U8_NEXT(shown.data(), at, static_cast<int32_t>(shown.size()), c);
      if (c >= 0 && EndsUrl(c)) {
        cut = start;
        break;
      }
    }
    if (cut <= 0) continue;
    const std::string rest = shown.substr(static_cast<size_t>(cut));
    cmark_node_set_literal(text, shown.substr(0, static_cast<size_t>(cut)).c_str());
    cmark_node_set_url(link, url.substr(0, url.size() - rest.size()).c_str());
    cmark_node* after = NewNode(CMARK_NODE_TEXT);
    cmark_node_set_literal(after, rest.c_str());
    cmark_node_insert_after(link, after);
  }
}

}  // namespace costsite::markdown
