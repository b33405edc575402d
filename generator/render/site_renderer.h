// Turns pages into HTML files: Markdown body, template context, language
// switcher, table of contents, translation fallback.
#ifndef COSTSITE_RENDER_SITE_RENDERER_H_
#define COSTSITE_RENDER_SITE_RENDERER_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "content/pages.h"
#include "content/site_config.h"
#include "render/anchors.h"
#include "load/theme.h"

namespace costsite::cost {
struct SpendData;  // cost/spend.h
class Evaluation;
}
namespace costsite::markdown {
struct PageCostRefs;
struct CostRef;
}

namespace costsite::render {

/// Everything the renderer reads; shared read-only by all threads.
struct SiteInputs {
  const content::SiteConfig* config = nullptr;
  const std::vector<content::Page>* pages = nullptr;
  const load::Theme* theme = nullptr;
  const cost::Evaluation* evaluation = nullptr;  // nullptr: no pricing/
  std::string version;
  // Files links and images may point at besides pages, sorted, relative to
  // the site root: everything under static/ and the non-Markdown files under
  // content/ (page bundles' resources). nullptr: such links are not checked.
  const std::vector<std::string>* source_files = nullptr;
  const cost::SpendData* spend = nullptr;  // the FOCUS export's sums for `cost actuals`; nullptr: none asked
  // The site's folder, for the files a shortcode shows (Kubernetes'
  // `code_sample file="pods/pod.yaml"`); "": no file is read.
  std::filesystem::path root;
};

/// A part of a page's search text that begins at an h2 or h3 heading: search
/// results lead to its anchor and show its own text. Offsets are into
/// OutputFile::search_text; the text before the first one is the page's top.
struct SearchSection {
  std::string anchor;   // the heading's id
  std::string heading;  // its text
  size_t begin = 0;     // where the heading's text starts
  size_t body = 0;      // where the text after the heading starts
};

/// One output file of the site.
struct OutputFile {
  std::string path;  // relative to site/, '/'-separated
  std::string content;
  std::string search_text;  // visible text for the search index ("" if none)
  std::vector<SearchSection> search_sections;  // in order
  std::string title;
  PageAnchors anchors;              // ids and fragment links, for CheckAnchors
  std::vector<std::string> models;  // the models the page reads, in evaluation order (ModelsOfRefs)
  bool reads_pricing = false;       // it also reads prices or rates directly (`cost prices`,
                                    // `cost model`, a figure converted to another currency)

  /// A file that is not a page: an asset, the sitemap, an export.
  static OutputFile Plain(std::string path, std::string content) {
    OutputFile f;
    f.path = std::move(path);
    f.content = std::move(content);
    return f;
  }
};

/// Which pages' ids a renderer collects for CheckAnchors (OutputFile::anchors).
enum class PageIds {
  kEvery,           // every page's (serve keeps them; `check` writes no page to read back)
  kOwnLinks,        // only those of a page with fragment links: the others are read back if linked to
};

class PageLists;  // render/page_lists.h

/// Renders pages with its own parsed templates: one per thread.
class PageRenderer {
 public:
  /// `lists`: the site's lists, shared by the build's renderers (REQUIRES: it
  /// outlives this renderer); nullptr: the renderer works out its own.
  explicit PageRenderer(const SiteInputs& in, PageIds ids = PageIds::kEvery, PageLists* lists = nullptr);
  ~PageRenderer();
  /// Renders `page` in `lang` (falling back to another language's source
  /// with a notice when it has none there). If `refs` is set, it receives
  /// what the rendered source refers to (for markdown::CheckPageDrift).
  /// A list with more entries than the site's pager_size is shown a page of
  /// entries at a time: the first page is returned, and it lists the models
  /// every page of the list reads; each later page (KEY/page/N/) is passed to
  /// `later` as it is rendered, then dropped.
  OutputFile Render(const content::Page& page, std::string_view lang, Diagnostics* diags,
                    markdown::PageCostRefs* refs = nullptr, const std::function<void(OutputFile&)>& later = {});
  /// The pages' titles or order may have changed (serve reuses a renderer):
  /// its lists (shared ones too) are worked out again at the next page.
  void PagesChanged();

 private:
  struct Impl;
  struct Listed;
  struct Pager;
  OutputFile RenderPart(const content::Page& page, std::string_view lang, const Pager& pager, Diagnostics* diags,
                        markdown::PageCostRefs* refs, std::vector<markdown::CostRef>* all_refs);
  std::unique_ptr<Impl> impl_;
};

/// The root index.html leading to the default language.
OutputFile RenderRootIndex(const SiteInputs& in);

/// The page's source to show in `lang`: its own, else the first available.
const content::PageSource* SourceFor(const content::Page& page, std::string_view lang);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SITE_RENDERER_H_
