// Turns pages into HTML files: Markdown body, template context, language
// switcher, table of contents, translation fallback.
#ifndef COSTSITE_RENDER_SITE_RENDERER_H_
#define COSTSITE_RENDER_SITE_RENDERER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "content/pages.h"
#include "content/site_config.h"
#include "render/theme.h"

namespace costsite::cost {
class Evaluation;
}

namespace costsite::render {

/// Everything the renderer reads; shared read-only by all threads.
struct SiteInputs {
  const content::SiteConfig* config = nullptr;
  const std::vector<content::Page>* pages = nullptr;
  const Theme* theme = nullptr;
  const cost::Evaluation* evaluation = nullptr;  // nullptr: no pricing/
  std::string version;
};

/// One output file of the site.
struct OutputFile {
  std::string path;  // relative to site/, '/'-separated
  std::string content;
  std::string search_text;  // visible text for the search index ("" if none)
  std::string title;
};

/// Renders pages with its own parsed templates: one per thread.
class PageRenderer {
 public:
  explicit PageRenderer(const SiteInputs& in);
  ~PageRenderer();
  /// Renders `page` in `lang` (falling back to another language's source
  /// with a notice when it has none there).
  OutputFile Render(const content::Page& page, std::string_view lang, Diagnostics* diags);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The root index.html leading to the default language.
OutputFile RenderRootIndex(const SiteInputs& in);

/// The page's source to show in `lang`: its own, else the first available.
const content::PageSource* SourceFor(const content::Page& page, std::string_view lang);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_SITE_RENDERER_H_
