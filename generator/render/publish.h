// Files for publishing on a web server: 404.html always (its links start at
// the server's root, so it works for a missing path at any depth), and
// sitemap.xml (every page in every language it is translated into, with
// hreflang pairs) when site.yaml sets a base_url. Without a base_url nothing
// absolute is written anywhere else, so the site stays relocatable.
#ifndef COSTSITE_RENDER_PUBLISH_H_
#define COSTSITE_RENDER_PUBLISH_H_

#include <string>
#include <string_view>
#include <vector>

#include "render/site_renderer.h"

namespace costsite::render {

/// The absolute URL of the site file `path` under `base_url` (no trailing
/// '/'); a folder's index.html becomes the folder: "zh/a/index.html" -> BASE/zh/a/.
std::string AbsoluteUrl(std::string_view base_url, std::string_view path);

/// 404.html, and sitemap.xml when in.config->base_url is set.
std::vector<OutputFile> PublishFiles(const SiteInputs& in);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_PUBLISH_H_
