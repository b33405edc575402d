// Line breaks inside Chinese text. Markdown keeps a line break within a
// paragraph as a space (a "soft break"), which between two Chinese characters
// shows as a gap a Chinese reader does not write: "控制对象的， 方法是" for a
// sentence wrapped in its source. CSS Text 3 removes such a break when the
// characters on both sides are East Asian wide (and neither is Hangul, which
// spaces its words); Chromium does not, so this stage does.
#ifndef COSTSITE_MARKDOWN_CJK_BREAKS_H_
#define COSTSITE_MARKDOWN_CJK_BREAKS_H_

#include <cmark-gfm.h>

namespace costsite::markdown {

/// Removes each soft break under `root` whose neighbouring characters are both
/// East Asian Fullwidth, Wide or Halfwidth and not Hangul (the CSS Text 3
/// segment-break rule). A break next to a figure, a link's end or anything
/// but text on either side stays a space.
void JoinCjkLineBreaks(cmark_node* root);

/// Ends each bare URL under `root` (a link whose text is its URL, as GFM's
/// autolinks are made) before the first wide punctuation it holds, which is
/// the sentence around it: GFM takes "https://x.dev/a。" and "https://x.dev/a，
/// 欢迎" whole, and the link then leads nowhere. The rest is text after the
/// link, as Hugo's Markdown reads it. Wide punctuation is East Asian Wide or
/// Fullwidth ("。", "，", "）", "」"), and the curly quotes and the ellipsis.
void EndBareUrlsAtWidePunctuation(cmark_node* root);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_CJK_BREAKS_H_
