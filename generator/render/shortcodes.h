// Shortcodes rendered with the theme's templates/shortcodes/NAME.mustache:
// what a template sees of one call (render/site_renderer.cpp renders it in
// the page's language, `t` words bound).
#ifndef COSTSITE_RENDER_SHORTCODES_H_
#define COSTSITE_RENDER_SHORTCODES_H_

#include <kainjow/mustache.hpp>
#include <string>

#include "markdown/markdown.h"

namespace costsite::render {

/// The template data of `call`: `inner` (its content as HTML, rendered only
/// when `wants_inner`: the template uses it), `inner_raw` (as written),
/// `args` (a list of {value}) and `arg0`, `arg1`…, every named argument by
/// its name ("true"/"false" as booleans), `label` (the first of title,
/// header, name, arg0), `uid` (unique on the page). A `src` is resolved as an
/// image and a `link` or `href` as a link by `rewrite`, when it is set.
kainjow::mustache::data ShortcodeData(const markdown::ShortcodeCall& call, bool wants_inner, int uid,
                                      const markdown::LinkRewriter* rewrite);
/// True when a shortcode template shows its inner content as HTML (`{{{inner}}}`,
/// a section on `inner`, …), so the content must be rendered as Markdown.
bool UsesInner(const std::string& template_text);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SHORTCODES_H_
