// Links to a place on a page (`#costs`, `gpu.md#costs`) checked against the
// ids the linked page has once rendered. The HTML of a page is dropped as soon
// as it is written, so the renderer keeps what this check needs per page (the
// fragment links its Markdown wrote, and its ids, or only those of a page that
// links within itself when the written page can be read back) and
// CheckAnchors compares them once every page is rendered.
#ifndef COSTSITE_RENDER_ANCHORS_H_
#define COSTSITE_RENDER_ANCHORS_H_

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace costsite::render {

struct OutputFile;  // render/site_renderer.h

/// A link written in a page's Markdown to an id on a page of the site.
struct FragmentLink {
  std::string target;  // site-relative file of the page linked to ("en/reports/gpu/index.html")
  std::string page;    // how messages name it: "this page", "page reports/gpu", "the home page"
  std::string id;      // the fragment as written, without '#'
  std::string url;     // the link as written
  SourcePos pos;
  std::string line;    // the source line holding it, for the warning
};

/// A page's ids, sorted, once each, packed into one string (each id's length
/// as a varint, then its bytes): every page's ids are kept until CheckAnchors,
/// and a vector of strings took 32 bytes an id besides the text.
class IdList {
 public:
  IdList() = default;
  IdList(std::initializer_list<std::string_view> ids);
  /// Sorts `ids` and keeps each once.
  explicit IdList(std::vector<std::string> ids);
  bool Contains(std::string_view id) const;

 private:
  std::string packed_;
};

/// What the anchor check keeps of one rendered page.
struct PageAnchors {
  // Every id (and <a name>) of the page; nullopt when not collected: a
  // written page without fragment links of its own, read back by
  // CheckAnchors only if another page links into it (most are not linked to,
  // and 2 x 50,000 pages' ids were 14 MB of a build's peak).
  std::optional<IdList> ids;
  std::vector<FragmentLink> links;  // fragment links of its Markdown, in document order
};

/// Every value of an id attribute in `html` (and of name on <a>), entities
/// decoded, sorted, once each. Text, comments, scripts and styles are skipped.
std::vector<std::string> CollectIds(std::string_view html);

/// The part of `url` after '#' ("" when there is none).
std::string_view Fragment(std::string_view url);

/// True when `ids` holds `fragment` as written or percent-decoded, or
/// when the fragment needs no element ("" and "top" scroll to the top).
bool FragmentFound(const IdList& ids, std::string_view fragment);

/// A written page's ids read back from its file; nullopt when `path` is not
/// a page of the site or cannot be read (the reader reports why).
using ReadIds = std::function<std::optional<IdList>(std::string_view path)>;

/// Warns at every fragment link of `files` whose target page lacks the id.
/// A target among `files` whose ids were collected is checked against them;
/// any other is read with `read_back` (once each), which knows the site's
/// other pages (a build keeps only the files with fragment links). Without
/// `read_back`, links to pages not among `files` are not checked.
void CheckAnchors(const std::vector<OutputFile>& files, Diagnostics* diags, const ReadIds& read_back = {});

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_ANCHORS_H_
