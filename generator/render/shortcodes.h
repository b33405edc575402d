// Shortcodes rendered with the theme's templates/shortcodes/NAME.mustache:
// what a template sees of one call (render/site_renderer.cpp renders it in
// the page's language, `t` words bound).
#ifndef COSTSITE_RENDER_SHORTCODES_H_
#define COSTSITE_RENDER_SHORTCODES_H_

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/pages.h"
#include "content/site_config.h"

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

/// Where a shortcode's `file` argument may be, first found first: beside
/// the page, then in the examples folder of the page's language and of the
/// site's default language (Kubernetes' `code_sample file="pods/pod.yaml"`
/// reads content/zh-cn/examples/pods/pod.yaml, else content/en/…), paths
/// relative to the site's folder.
std::vector<std::string> ShortcodeFilePlaces(const content::SiteConfig& config, const content::PageSource& src,
                                             const std::string& file);

/// Sets `file_text` (the file a shortcode's `file` argument names, as
/// written) and `file_lang` (its `language` argument, else the file's
/// extension) in `data` when the template uses `file_text`. A file that is
/// not found, is outside the site or is over 1 MB is a warning at the call,
/// and false: the call shows nothing.
bool AddShortcodeFile(const std::filesystem::path& root, const content::SiteConfig& config,
                      const content::PageSource& src, const markdown::ShortcodeCall& call,
                      const std::string& template_text, kainjow::mustache::data* data, Diagnostics* diags);

/// Hugo's `{{< param "NAME" >}}`: the site's param NAME (site.yaml `params:`,
/// or Hugo's [params]) in the page's language, as text (Markdown special
/// characters escaped), so it may stand in a link's URL as Kubernetes writes
/// `/docs/reference/generated/kubernetes-api/{{< param "version" >}}/`. Also
/// Kubernetes' `{{< skew currentVersion >}}` ("1.31" from the param
/// `version` "v1.31"; currentVersionAddMinor N, currentPatchVersion from
/// `fullversion`, and latestVersion, nextMinorVersion, prevMinorVersion and
/// oldestMinorVersion from `latest`). False for any other shortcode; an
/// unknown name or a param that is not a version is a warning and no text.
bool ParamText(const content::SiteConfig& config, const content::PageSource& src, const markdown::ShortcodeCall& call,
               std::string* text, Diagnostics* diags);

/// Hugo's (Kubernetes') `{{< include "NAME" >}}`: the Markdown file NAME
/// from the includes folder of the page's language, else of the default
/// language (content/zh-cn/includes/NAME, else content/en/includes/NAME;
/// with suffix layout content/includes/NAME), its front matter left out,
/// rendered as HTML with the page's options. An include nested more than 8
/// deep, or a file not found, is a warning at the call and shows nothing.
std::string IncludeMarkdown(const std::filesystem::path& root, const content::SiteConfig& config,
                            const content::PageSource& src, const markdown::ShortcodeCall& call,
                            const markdown::MarkdownOptions& page, int* depth, Diagnostics* diags);

/// Kubernetes' `{{< glossary_definition term_id="pod" length="short" >}}`:
/// the term's file docs/reference/glossary/pod.md (in the page's language's
/// content folder, else the default language's), rendered as Markdown;
/// "short" shows its first paragraph, "long" and "all" the whole definition.
/// `prepend="A Pod is"` opens the first paragraph, its first letter then in
/// lower case. A term not found is a warning at the call and shows nothing.
std::string GlossaryDefinition(const std::filesystem::path& root, const content::SiteConfig& config,
                               const content::PageSource& src, const markdown::ShortcodeCall& call,
                               const markdown::MarkdownOptions& page, int* depth, Diagnostics* diags);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SHORTCODES_H_
