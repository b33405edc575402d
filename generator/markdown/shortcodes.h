// Hugo shortcodes in Markdown: `{{< name args >}}`, `{{% name %}}…{{% /name %}}`
// and their self-closing and paired forms. Before cmark-gfm parses a page,
// each shortcode outside code is cut out and replaced by an HTML comment
// placeholder of the same number of lines; once the tree is built, the
// placeholders become the HTML the site's templates/shortcodes/NAME.mustache
// makes. Inside code spans and fenced code a shortcode stays literal; Hugo's
// escape `{{</* x */>}}` prints `{{< x >}}` everywhere.
#ifndef COSTSITE_MARKDOWN_SHORTCODES_H_
#define COSTSITE_MARKDOWN_SHORTCODES_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace costsite::markdown {

/// One use of a shortcode, its arguments as written (quotes removed).
struct ShortcodeCall {
  std::string name;
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> named;
  bool markdown_form = false;  // `{{% %}}` rather than `{{< >}}`
  bool paired = false;         // has a closing `{{< /name >}}`
  bool in_line = false;        // set when rendered: it sits inside a paragraph (not alone on its lines)
  std::string inner_raw;       // the text between the tags, as written
  std::string inner_html;      // that text rendered as Markdown, once render_inner ran
  // Renders inner_raw as Markdown (its links and headings join the page's),
  // the first time it is called; what it returns lives as long as the call.
  std::function<const std::string&()> render_inner;
  SourcePos pos;               // of its opening "{{"
  std::string source_line;     // the line holding it, for diagnostics
  int width = 1;               // of its opening tag on that line
  int inner_line = 0;          // the line where inner_raw starts
};

/// Renders a call with the site's template for its name into `html`; false
/// when there is no such template.
using ShortcodeRenderer = std::function<bool(const ShortcodeCall& call, std::string* html)>;

/// A `ref` or `relref` put in the text as the path it names, so that a
/// message about the link it makes can quote the shortcode as written.
struct RefUse {
  int line = 0;         // of its opening "{{" in the file
  std::string target;   // what it became ("./api.md")
  std::string written;  // the shortcode as written ({{< relref "./api" >}})
  std::string lang;     // its `lang` argument: the language whose page it names ("" = the page's own)
  bool taken = false;   // a link took it (HandleLinks)
};

/// A page body with its shortcodes cut out.
struct ShortcodeBody {
  std::string text;                 // the body with placeholders
  std::vector<ShortcodeCall> calls; // placeholder N stands for calls[N]
  std::string placeholder_prefix;   // "<!--cs-sc-" unless the page has it already
  std::vector<RefUse> refs;         // the refs put in as text, in order
};

/// `text` with every character Markdown could read as syntax escaped, so it
/// reads as the same words wherever it is put (a heading, a link's URL).
std::string EscapeMarkdownText(std::string_view text);

/// A shortcode that stands for words of the page's language (Hugo's
/// `heading "prerequisites"`): true with its Markdown in `text`.
using ShortcodeText = std::function<bool(const ShortcodeCall& call, std::string* text)>;

/// Finds the shortcodes of `body` (which starts at line `first_line` of
/// `path`). A shortcode opened and not closed where it must be, or a bad
/// argument, is reported as a warning and left out. Inner text is kept raw:
/// the caller renders it (shortcodes in it included). One that `text_form`
/// gives words for is replaced by them before the text is parsed, so that a
/// heading made of it has an id and an outline entry from its words.
ShortcodeBody CutShortcodes(const std::string& path, std::string_view body, int first_line, Diagnostics* diags,
                            const ShortcodeText& text_form = {});

/// The index of the call a placeholder literal stands for, or -1.
int PlaceholderIndex(std::string_view literal, std::string_view prefix);

/// `ref "x"` / `relref "x"`: the content path to link to, as a Markdown link
/// target ("x.md"); "" when `call` is not one.
std::string RefTarget(const ShortcodeCall& call);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_SHORTCODES_H_
