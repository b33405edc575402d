// Files for publishing on a web server: 404.html always (its links start at
// the server's root, so it works for a missing path at any depth); when
// site.yaml sets a base_url, sitemap.xml (every page in every language it is
// translated into, with hreflang pairs) and RSS feeds; and, always, the
// redirect pages of aliases. Without a base_url nothing absolute is written
// anywhere else, so the site stays relocatable and works from file://.
#ifndef COSTSITE_RENDER_PUBLISH_H_
#define COSTSITE_RENDER_PUBLISH_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/site_renderer.h"

namespace costsite::render {

/// The absolute URL of the site file `path` under `base_url` (no trailing
/// '/'); a folder's index.html becomes the folder: "zh/a/index.html" -> BASE/zh/a/.
std::string AbsoluteUrl(std::string_view base_url, std::string_view path);

/// 404.html; sitemap.xml and each language's RSS feed (LANG/index.xml)
/// when in.config->base_url is set.
std::vector<OutputFile> PublishFiles(const SiteInputs& in);

/// A redirect page for each alias of each page (meta refresh, canonical and
/// a link, all relative); an alias that is already a page's, one of
/// `generated` (the site's other files) or another alias's file is an error.
std::vector<OutputFile> RedirectFiles(const SiteInputs& in, const std::set<std::string, std::less<>>& generated,
                                      Diagnostics* diags);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_PUBLISH_H_
