// Files for publishing on a web server, written only when site.yaml sets a
// base_url: sitemap.xml (every page in every language it is translated into,
// with hreflang pairs) and 404.html. Without a base_url nothing absolute is
// written anywhere, so the site stays relocatable and works from file://.
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

/// sitemap.xml and 404.html when in.config->base_url is set; otherwise none.
std::vector<OutputFile> PublishFiles(const SiteInputs& in);

}  // namespace costsite::render

#endif  // COSTSITE_RENDER_PUBLISH_H_
