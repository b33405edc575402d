#include "app/site_outputs.h"

#include <set>

#include "content/site_layout.h"
#include "output/paths.h"
#include "render/publish.h"
#include "render/search_index.h"
#include "render/single_file.h"

namespace costsite::app {

namespace fs = std::filesystem;

void WritePageFiles(const render::SiteInputs& in, bool is_list, const render::OutputFile& file, bool single_file,
                    const OutputSink& sink, Diagnostics* diags) {
  if (file.path.empty()) return;  // not published in this language
  std::string err;
  if (!sink.write(file.path, file.content, &err)) diags->Error({}, err, {}, 1, "output");
  if (single_file && !is_list &&
      !sink.write(render::SingleFilePath(file.path),
                  render::MakeSingleFile(file.content, file.path, *in.theme, in.config->base_url), &err))
    diags->Error({}, err, {}, 1, "output");
  if (!sink.write(render::SearchTextFile(file.path),
                  render::SearchTextScript(file.path, file.search_text, file.search_sections), &err))
    diags->Error({}, err, {}, 1, "output");
}

std::vector<render::OutputFile> SiteFiles(const render::SiteInputs& in, Diagnostics* diags) {
  std::vector<render::OutputFile> files;
  files.push_back(render::RenderRootIndex(in));
  for (auto& f : render::PublishFiles(in)) files.push_back(std::move(f));
  for (const auto& [path, bytes] : in.theme->assets) files.push_back(render::OutputFile::Plain(path, bytes));
  std::set<std::string, std::less<>> generated;
  for (const render::OutputFile& f : files) generated.insert(f.path);
  for (auto& f : render::RedirectFiles(in, generated, diags)) files.push_back(std::move(f));
  return files;
}

bool SiteFilesDiffer(const content::PageSource& a, const content::PageSource& b) {
  const content::FrontMatterMore &x = a.front.more(), &y = b.front.more();
  return a.lang != b.lang || a.url_key != b.url_key || a.alias_files() != b.alias_files() ||
         a.front.title != b.front.title || a.front.description() != b.front.description() || x.summary != y.summary ||
         a.first_paragraph != b.first_paragraph || x.date != y.date || x.lastmod != y.lastmod;
}

std::vector<CopiedFile> CopiedFiles(const LoadedSite& site, const fs::path& root) {
  std::vector<CopiedFile> files;
  for (const std::string& rel : site.static_files)
    files.push_back({rel, root / content::kStaticDir / rel});
  for (const content::Page& page : site.pages) {
    if (page.resources.empty()) continue;
    for (const std::string& lang : site.config.languages) {
      if (!content::PublishedIn(page, lang, site.config.translation_fallback)) continue;
      // Beside the page's file, wherever its slug or url puts it.
      std::string dir = output::PageFile(lang, page.UrlIn(lang));
      dir.resize(dir.rfind('/') + 1);  // "zh/guide/index.html" -> "zh/guide/"
      for (const content::Resource* r : content::PublishedResources(page, lang))
        files.push_back({dir + r->name, root / r->path});
    }
  }
  return files;
}

size_t WriteSiteFiles(const LoadedSite& site, const render::SiteInputs& in, const fs::path& root,
                      const OutputSink& sink, Diagnostics* diags) {
  std::vector<render::OutputFile> generated = SiteFiles(in, diags);
  std::vector<CopiedFile> copies = CopiedFiles(site, root);
  std::set<std::string, std::less<>> taken;  // only needed, so only made, when there is something to copy
  if (!copies.empty()) {
    for (const auto& f : generated) taken.insert(f.path);
    for (const content::Page& page : site.pages)
      for (const std::string& lang : site.config.languages) taken.insert(output::PageFile(lang, page.key));
  }
  size_t written = 0;
  std::string err;
  for (const auto& f : generated) {
    if (!sink.write(f.path, f.content, &err)) diags->Error({}, err, {}, 1, "output");
    ++written;
  }
  for (const CopiedFile& f : copies) {
    if (taken.count(f.path)) {
      std::string shown = f.from.lexically_relative(root).generic_string();
      diags->Error({shown, 0, 0}, "would replace the generated file " + f.path + "; rename or move it", {}, 1,
                   "output");
      continue;
    }
    if (!sink.copy(f.path, f.from, &err)) diags->Error({}, err, {}, 1, "output");
    ++written;
  }
  return written;
}

}  // namespace costsite::app
