#include "content/pages.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <tuple>

#include "base/fs_util.h"
#include "base/parallel.h"
#include "base/yaml_util.h"
#include "content/site_layout.h"

namespace costsite::content {

const PageSource* Page::In(std::string_view lang) const {
  for (const auto& s : sources)
    if (s.lang == lang) return &s;
  return nullptr;
}

namespace {

// A key is the page's folder below its language: "" (the home page) or
// parts joined by '/', none of which may move elsewhere in the site.
bool SafeKey(std::string_view key) {
  if (key.empty()) return true;
  for (size_t start = 0;;) {
    size_t slash = key.find('/', start);
    std::string_view part = key.substr(start, slash == std::string_view::npos ? key.npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

}  // namespace

namespace {

std::string LanguageList(const SiteConfig& cfg) {
  std::string list;
  for (size_t i = 0; i < cfg.languages.size(); ++i) list += (i ? ", " : "") + cfg.languages[i];
  return list;
}

}  // namespace

std::string ContentLanguageFolder(std::string_view rel, const SiteConfig& cfg, std::string_view* rest) {
  *rest = rel;
  if (cfg.content_layout != ContentLayout::kFolders) return {};
  size_t slash = rel.find('/');
  if (slash == std::string_view::npos) return {};
  std::string_view folder = rel.substr(0, slash);
  for (const std::string& lang : cfg.languages)
    if (ContentFolderOf(cfg, lang) == folder) {
      *rest = rel.substr(slash + 1);
      return lang;
    }
  return {};
}

ContentPath ClassifyContentPath(std::string_view rel, const SiteConfig& cfg) {
  ContentPath out;
  std::string folder_lang;
  if (cfg.content_layout == ContentLayout::kFolders) {
    folder_lang = ContentLanguageFolder(rel, cfg, &rel);
    if (folder_lang.empty()) {
      out.error = "with content_layout: folders every page is in a language folder (content/LANG/...; site "
                  "languages: " + LanguageList(cfg) + ")";
      return out;
    }
  }
  std::string stem(rel.substr(0, rel.size() - (IsHtmlPageFile(rel) ? 5 : 3)));  // drop ".md" or ".html"
  out.lang = folder_lang.empty() ? cfg.default_language : folder_lang;
  size_t slash = stem.rfind('/');
  size_t dot = stem.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string suffix = stem.substr(dot + 1);
    static const std::regex kLangLike("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    if (std::find(cfg.languages.begin(), cfg.languages.end(), suffix) != cfg.languages.end()) {
      if (!folder_lang.empty() && suffix != folder_lang)
        out.error = "language suffix '" + suffix + "' in the '" + folder_lang + "' folder";
      out.lang = suffix;
      stem.resize(dot);
    } else if (std::regex_match(suffix, kLangLike)) {
      out.error = "unknown language suffix '" + suffix + "' (site languages: " + LanguageList(cfg) + ")";
    }
  }
  std::string_view base = slash == std::string::npos ? std::string_view(stem)
                                                      : std::string_view(stem).substr(slash + 1);
  if (base == "_index" || base == "index") {
    out.is_list = base == "_index";
    out.key = slash == std::string::npos ? "" : stem.substr(0, slash);
  } else {
    out.key = stem;
  }
  if (out.error.empty() && (base.empty() || !SafeKey(out.key))) {
    out.error = "the file name gives the page key '" + out.key +
                "', whose parts may not be empty, '.' or '..'; rename the file";
    out.error_code = "page-name";
  }
  return out;
}

namespace {

// Finds the closing `fence` line; returns the offset just past it, or npos.
size_t FindFrontMatterEnd(std::string_view text, size_t start, std::string_view fence, size_t* yaml_end) {
  size_t pos = start;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == fence || (fence == "---" && line == "...")) {
      *yaml_end = pos;
      return nl == std::string_view::npos ? text.size() : nl + 1;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return std::string_view::npos;
}

// A report is a few hundred kilobytes at most; anything far larger is a
// mistake (a data dump, a generated file) that would only slow the build.
constexpr uintmax_t kMaxPageBytes = 10u << 20;

}  // namespace

void ParseFrontMatter(PageSource* src, Diagnostics* diags) {
  std::string_view text = src->text;
  // As Hugo's page parser: a byte order mark and blank lines may come before
  // the opening fence (real sites have files that start with an empty line).
  size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string_view::npos &&
                  text.substr(start, nl - start).find_first_not_of(" \t\r") == std::string_view::npos;)
    start = nl + 1;
  const int fence_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + start, '\n'));
  size_t first_nl = text.find('\n', start);
  std::string_view first = text.substr(start, first_nl == std::string_view::npos ? text.npos : first_nl - start);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if ((first != "---" && first != "+++") || first_nl == std::string_view::npos) return;
  const bool toml = first == "+++";
  size_t yaml_end = 0;
  size_t body = FindFrontMatterEnd(text, first_nl + 1, first, &yaml_end);
  if (body == std::string_view::npos) {
    diags->Error({src->path, fence_line, 1}, "front matter is not closed by a '" + std::string(first) + "' line",
                 text, 3, "front-matter");
    return;
  }
  src->body_offset = static_cast<uint32_t>(body);  // a page is at most kMaxPageBytes
  src->body_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + body, '\n'));
  std::string_view block = text.substr(first_nl + 1, yaml_end - first_nl - 1);
  const int block_line = fence_line + 1;
  std::string translated;
  if (toml) {
    if (!TomlToYaml(block, src->path, text, block_line, &translated, diags)) return;
    block = translated;
  }
  if (!toml && ReadSimpleFrontMatter(block, src->path, text, block_line, &src->front, diags)) return;
  Diagnostics local;
  auto doc = ParseYaml(src->path, block, &local, block_line);
  for (auto d : local.Sorted()) {  // re-read the offending line from the whole file
    d.source_line = std::string(LineOf(text, d.pos.line));
    diags->Add(std::move(d));
  }
  if (!doc) return;
  if (!doc->IsMap() && !doc->IsNull()) {
    diags->Error({src->path, block_line, 1}, "front matter must be a map of fields", text, 1, "front-matter");
    return;
  }
  if (doc->IsMap()) ReadFrontMatterFields(*doc, src->path, text, block_line, &src->front, diags);
}

namespace {

// Pages made from their sources' paths alone, before any is read: each
// source then goes straight into its slot in its page (a file read there on
// a worker thread). A record per source, moved into its page once every
// file was read, held both for a while: the high point of reading
// 2 x 100,000 pages, 25 MB above what the pages hold once made.
struct Placed {
  std::vector<Page> pages;  // by key; a slot per source of the key, in the order given
  struct At {
    uint32_t page = 0, slot = 0;
  };
  std::vector<At> at;  // per source; page == UINT32_MAX: no page (its path is not one)
  // Whether each slot's file is an _index (a list), the pages' slots one
  // after another: page p's slot k is is_list[first[p] + k].
  std::vector<char> is_list;
  std::vector<uint32_t> first;
};

// `rel(i)`: source i's path below content/.
template <typename Rel>
Placed PlacePages(size_t count, Rel rel, const SiteConfig& cfg) {
  // Sorted stably by key: of two sources of one page in one language, the
  // first given is kept.
  struct Keyed {
    std::string key;
    uint32_t source;
    bool is_list;
  };
  Placed placed;
  placed.at.resize(count, {UINT32_MAX, 0});
  std::vector<Keyed> keyed;
  keyed.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    ContentPath cp = ClassifyContentPath(rel(i), cfg);
    if (!cp.error.empty()) continue;  // reported when the file is read
    keyed.push_back({std::move(cp.key), static_cast<uint32_t>(i), cp.is_list});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
  size_t pages = 0;
  for (size_t k = 0; k < keyed.size(); ++k) pages += k == 0 || keyed[k].key != keyed[k - 1].key;
  placed.pages.reserve(pages + 1);  // LoadContent may add a home page
  placed.first.reserve(pages);
  placed.is_list.reserve(keyed.size());
  for (const Keyed& k : keyed) placed.is_list.push_back(k.is_list);
  for (size_t k = 0; k < keyed.size();) {
    size_t end = k + 1;
    while (end < keyed.size() && keyed[end].key == keyed[k].key) ++end;
    Page& page = placed.pages.emplace_back();
    page.key = std::move(keyed[k].key);
    page.sources.resize(end - k);
    placed.first.push_back(static_cast<uint32_t>(k));
    for (size_t j = k; j < end; ++j)
      placed.at[keyed[j].source] = {static_cast<uint32_t>(placed.pages.size() - 1), static_cast<uint32_t>(j - k)};
    k = end;
  }
  return placed;
}

// Settles the placed pages once their slots are filled: a slot left empty
// (no path: a draft, or a file that could not be read) is dropped, as is a
// second source of a page in one language (reported), and a page left with
// none; each page's sources follow the site's language order.
std::vector<Page> SettlePages(Placed placed, const SiteConfig& cfg, Diagnostics* diags) {
  std::vector<Placed::At>().swap(placed.at);
  std::vector<Page>& pages = placed.pages;
  size_t w = 0;
  for (size_t p = 0; p < pages.size(); ++p) {
    Page& page = pages[p];
    std::vector<PageSource>& list = page.sources;
    size_t kept = 0;
    for (size_t k = 0; k < list.size(); ++k) {
      PageSource& s = list[k];
      if (s.path.empty()) continue;
      page.is_list = page.is_list || placed.is_list[placed.first[p] + k] || page.key.empty();
      const PageSource* other = nullptr;
      for (size_t j = 0; j < kept && !other; ++j)
        if (list[j].lang == s.lang) other = &list[j];
      if (other) {
        diags->Error({s.path, 1, 1}, "page '" + (page.key.empty() ? "/" : page.key) +
                                         "' already has a '" + s.lang + "' version in " + other->path,
                     s.text, 1, "duplicate-page");
        continue;
      }
      if (kept != k) list[kept] = std::move(s);
      ++kept;
    }
    list.resize(kept);
    if (kept == 0) continue;
    if (list.capacity() > kept) list.shrink_to_fit();
    SortByLanguage(&list, cfg);
    if (w != p) pages[w] = std::move(page);
    ++w;
  }
  pages.resize(w);
  return std::move(pages);
}

}  // namespace

std::vector<Page> PairTranslations(std::vector<PageSource> sources, const SiteConfig& cfg,
                                   Diagnostics* diags) {
  Placed placed = PlacePages(
      sources.size(),
      [&](size_t i) { return std::string_view(sources[i].path).substr(sources[i].path.find('/') + 1); }, cfg);
  for (size_t i = 0; i < sources.size(); ++i)
    if (const Placed::At& at = placed.at[i]; at.page != UINT32_MAX)
      placed.pages[at.page].sources[at.slot] = std::move(sources[i]);
  std::vector<PageSource>().swap(sources);
  return SettlePages(std::move(placed), cfg, diags);
}

namespace {

// Reads a page under the rule of docs/authoring.md ("Files the site reads"),
// checked again at the read itself: the listing checked it too, but a file
// can be replaced by a link between that check and this read (serve re-reads
// pages on edits).
bool ReadSource(const std::filesystem::path& root, const std::string& path, std::string* text, uintmax_t max_bytes,
                Diagnostics* diags) {
  std::string err;
  uintmax_t size = 0;
  switch (ReadFileInside(root, path, text, &err, max_bytes, &size)) {
    case ReadInside::kRead:
      return true;
    case ReadInside::kOutside:
      diags->Error({path, 0, 0}, "symbolic link points outside the site folder", {}, 1, "path-escape");
      return false;
    case ReadInside::kTooLarge:
      diags->Error({path, 0, 0}, "file too large (" + std::to_string(size) + " bytes; a page may have at most " +
                                     std::to_string(kMaxPageBytes) + ")", {}, 1, "too-large");
      return false;
    case ReadInside::kFailed:
      break;
  }
  diags->Error({path, 0, 0}, err, {}, 1, "io");
  return false;
}

}  // namespace

namespace {

// Whether a fence's info string opens a `cost actuals` block: "cost", then
// "actuals" as the next word (words split at spaces and tabs, as the
// directive's own reader splits them).
bool OpensActuals(std::string_view info) {
  if (info.rfind("cost", 0) != 0 || info.size() < 5 || (info[4] != ' ' && info[4] != '\t')) return false;
  info.remove_prefix(5);
  while (!info.empty() && (info.front() == ' ' || info.front() == '\t')) info.remove_prefix(1);
  if (info.rfind("actuals", 0) != 0) return false;
  return info.size() == 7 || info[7] == ' ' || info[7] == '\t';
}

// The info strings of fence lines opening ```cost actuals …``` (or ~~~)
// blocks: the load stage reads the billing export for them before the text
// is let go. Only those: every report's `cost table` and `cost chart` fences,
// kept for each page to the end of a build, were about 170 bytes a page.
// A fence shown inside a longer fence is listed too; listing more is harmless.
std::vector<std::string> ActualsFences(std::string_view body) {
  std::vector<std::string> out;
  if (body.find("actuals") == std::string_view::npos) return out;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    std::string_view line = body.substr(start, end == std::string_view::npos ? body.npos : end - start);
    start = end == std::string_view::npos ? body.size() : end + 1;
    size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    if (i >= line.size() || (line[i] != '`' && line[i] != '~')) continue;
    size_t run = i;
    while (run < line.size() && line[run] == line[i]) ++run;
    if (run - i < 3) continue;
    std::string_view info = line.substr(run);
    while (!info.empty() && (info.front() == ' ' || info.front() == '\t')) info.remove_prefix(1);
    while (!info.empty() && (info.back() == ' ' || info.back() == '\r')) info.remove_suffix(1);
    if (OpensActuals(info)) out.emplace_back(info);
  }
  return out;
}

}  // namespace

bool LoadSource(const std::filesystem::path& root, const std::string& rel, const SiteConfig& cfg, PageSource* src,
                Diagnostics* diags) {
  src->path = InContent(rel);
  if (!ReadSource(root, src->path, &src->text, kMaxPageBytes, diags)) return false;
  int line = 0, col = 0;
  if (!ValidUtf8(src->text, &line, &col)) {
    diags->Error({src->path, line, col}, "invalid UTF-8", {}, 1, "encoding");
    return false;
  }
  ContentPath cp = ClassifyContentPath(rel, cfg);
  if (!cp.error.empty()) {
    diags->Error({src->path, 0, 0}, cp.error, {}, 1, cp.error_code);
    return false;
  }
  src->lang = cp.lang;
  ParseFrontMatter(src, diags);
  src->url_key = UrlKey(src->front, cp.key, src->text, diags, &cfg, cp.is_list, cp.lang);
  if (!cfg.disable_aliases) src->set_alias_files(AliasFiles(src->front, src->url_key, src->lang, src->text, diags));
  if (src->front.description().empty() && src->front.more().summary.empty()) {
    std::string paragraph = IsHtmlPageFile(src->path) ? FirstHtmlParagraph(src->body()) : FirstParagraph(src->body());
    // Kept for the whole build, one per page: built by appending, it held
    // about twice its length (a 250-byte paragraph in a 480-byte buffer).
    paragraph.shrink_to_fit();
    src->first_paragraph = std::move(paragraph);
  }
  src->set_actuals_fences(ActualsFences(src->body()));
  return true;
}

namespace {

// Never 0: a digest of 0 marks a source whose text is held.
uint64_t Digest(std::string_view text) {
  return std::hash<std::string_view>()(text) | 1;
}

// Keeps only the first line, which load-time diagnostics quote.
void Unload(PageSource* src) {
  src->digest = Digest(src->text);
  std::string first(src->text.substr(0, src->text.find('\n')));
  src->text.swap(first);
  src->text.shrink_to_fit();
}

}  // namespace

bool ReloadText(const std::filesystem::path& root, PageSource* src, Diagnostics* diags) {
  if (!src->unloaded()) return true;
  std::string text;
  if (!ReadSource(root, src->path, &text, UINTMAX_MAX, diags)) return false;
  if (Digest(text) != src->digest) {
    diags->Error({src->path, 0, 0}, "the file changed while the site was being built; build again", {}, 1,
                 "changed-during-build");
    return false;
  }
  src->text = std::move(text);
  src->digest = 0;
  return true;
}

// Every page's record is held from loading to the end of rendering, two to
// a page in a bilingual site: two of 192 bytes take 384 (a size class of
// jemalloc), two of 200 would take 448, two of 232 512.
static_assert(sizeof(void*) != 8 || sizeof(PageSource) <= 192, "a page's record grew past 192 bytes");
static_assert(sizeof(void*) != 8 || sizeof(Page) <= 80, "a page grew past 80 bytes");

const std::string& LangCode::Intern(std::string_view code) {
  // Every record is made with no language first: that one without the lock.
  static const std::string kNone;
  if (code.empty()) return kNone;
  // Node-based: a code's string stays where it is as others are added.
  static std::mutex mu;
  static std::set<std::string, std::less<>> codes;
  std::lock_guard<std::mutex> lock(mu);
  auto it = codes.find(code);
  if (it == codes.end()) it = codes.emplace(code).first;
  return *it;
}

const std::string& Page::taxonomy() const {
  static const std::string kNone;
  return taxonomy_ ? taxonomy_->taxonomy : kNone;
}

const std::string& Page::term() const {
  static const std::string kNone;
  return taxonomy_ ? taxonomy_->term : kNone;
}

void Page::set_taxonomy(std::string taxonomy, std::string term) {
  if (taxonomy.empty() && term.empty()) {
    taxonomy_ = HeapOptional<TaxonomyOf>();
    return;
  }
  taxonomy_ = TaxonomyOf{std::move(taxonomy), std::move(term)};
}

const std::vector<std::string>& PageSource::alias_files() const { return front.more().alias_files; }

const std::vector<std::string>& PageSource::actuals_fences() const { return front.more().actuals_fences; }

void PageSource::set_alias_files(std::vector<std::string> files) {
  if (!files.empty() || !alias_files().empty()) front.more_mut().alias_files = std::move(files);
}

void PageSource::set_actuals_fences(std::vector<std::string> infos) {
  if (!infos.empty() || !actuals_fences().empty()) front.more_mut().actuals_fences = std::move(infos);
}

namespace {

std::string_view Folder(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
}

bool IsIndexFile(std::string_view rel) {
  std::string_view file = rel.substr(Folder(rel).size() + (Folder(rel).empty() ? 0 : 1));
  return file.rfind("index.", 0) == 0 || file.rfind("_index.", 0) == 0;
}

// Takes the Markdown files inside a leaf bundle (a folder with an index file)
// out of `files`, other than that index itself: as in Hugo, they are the
// bundle's page resources (text a template may include), not pages, and are
// not published. Nested bundles in a leaf bundle are its resources too.
std::vector<std::string> LeafBundleMarkdown(std::vector<std::string>* files, const SiteConfig& cfg) {
  std::set<std::string, std::less<>> leaves;
  for (const std::string& rel : *files) {
    std::string_view dir = Folder(rel), rest;
    std::string_view file = std::string_view(rel).substr(dir.size() + (dir.empty() ? 0 : 1));
    // A language's own folder (content_layout: folders) is never a bundle.
    std::string lang = ContentLanguageFolder(rel, cfg, &rest);
    bool lang_root = !dir.empty() && !lang.empty() && ContentFolderOf(cfg, lang) == dir;
    if (file.rfind("index.", 0) == 0 && !dir.empty() && !lang_root) leaves.emplace(dir);
  }
  std::vector<std::string> resources;
  if (leaves.empty()) return resources;
  std::vector<std::string> pages;
  for (std::string& rel : *files) {
    std::string_view dir = Folder(rel);
    // Its own folder holds it as a resource unless it is that folder's index.
    bool inside = !IsIndexFile(rel) && leaves.count(dir);
    for (std::string_view up = Folder(dir); !inside && !dir.empty(); dir = up, up = Folder(up))
      inside = leaves.count(up) > 0;
    (inside ? resources : pages).push_back(std::move(rel));
  }
  files->swap(pages);
  return resources;
}

// "chart.zh.png" -> "zh" when zh is one of the site's languages: Hugo gives
// such a file to that language's page only.
std::string LanguageOfName(std::string_view name, const SiteConfig& cfg) {
  size_t slash = name.rfind('/');
  std::string_view file = name.substr(slash == std::string_view::npos ? 0 : slash + 1);
  size_t ext = file.rfind('.');
  if (ext == std::string_view::npos || ext == 0) return {};
  size_t dot = file.rfind('.', ext - 1);
  if (dot == std::string_view::npos) return {};
  std::string lang(file.substr(dot + 1, ext - dot - 1));
  return std::find(cfg.languages.begin(), cfg.languages.end(), lang) != cfg.languages.end() ? lang : "";
}

// Gives each non-Markdown file to the bundle it is in; one map lookup per
// folder above the file, no file system access.
void AttachResources(std::vector<Page>* pages, const std::vector<std::string>& others, const SiteConfig& cfg) {
  struct Bundle {
    size_t page;
    bool leaf;
  };
  std::map<std::string, Bundle, std::less<>> bundles;  // folder below content/ -> its page
  const std::string prefix = InContent("");
  for (size_t p = 0; p < pages->size(); ++p) {
    for (const PageSource& src : (*pages)[p].sources) {
      std::string_view rel = std::string_view(src.path).substr(prefix.size());
      std::string_view file = rel.substr(Folder(rel).size() + (Folder(rel).empty() ? 0 : 1));
      bool leaf = file.rfind("index.", 0) == 0, branch = file.rfind("_index.", 0) == 0;
      if (leaf || branch) bundles.emplace(std::string(Folder(rel)), Bundle{p, leaf});
    }
  }
  for (const std::string& rel : others) {
    std::string_view rest;
    std::string lang = ContentLanguageFolder(rel, cfg, &rest);
    bool direct = true;
    for (std::string_view dir = Folder(rel);; dir = Folder(dir), direct = false) {
      auto it = bundles.find(dir);
      if (it != bundles.end() && (it->second.leaf || direct)) {
        std::string name = rel.substr(dir.empty() ? 0 : dir.size() + 1);
        std::string named = lang.empty() ? LanguageOfName(name, cfg) : "";
        bool only = !named.empty();
        (*pages)[it->second.page].resources.push_back(
            {InContent(rel), std::move(name), only ? std::move(named) : std::move(lang), only});
        break;
      }
      if (dir.empty()) break;
    }
  }
  for (Page& page : *pages)
    std::sort(page.resources.begin(), page.resources.end(), [](const Resource& a, const Resource& b) {
      return std::tie(a.name, a.lang) < std::tie(b.name, b.lang);
    });
}

}  // namespace

std::vector<Page> LoadContent(const std::filesystem::path& root, const SiteConfig& cfg,
                              Diagnostics* diags, int threads, bool keep_text) {
  std::vector<std::string> escaped;
  std::vector<std::string> files;
  std::vector<std::string> others;  // bundle resources, or files no page publishes
  for (std::string& rel : ListFiles(root / kContentDir, root, &escaped))
    (IsPageFile(rel) ? files : others).push_back(std::move(rel));
  std::vector<std::string> bundled = LeafBundleMarkdown(&files, cfg);
  // The pages are made from the files' paths, then the files are read and
  // their front matter parsed in parallel (YAML parsing is the slow part of
  // loading a large site), each straight into its page's slot; one not kept
  // (unreadable, a draft, not yet published or expired, headless) leaves its
  // slot empty.
  Placed placed = PlacePages(files.size(), [&](size_t i) -> std::string_view { return files[i]; }, cfg);
  // A build that lets the text go puts the first paragraphs away too, as
  // each file is read (a shelf per thread, written out in 64 KiB pieces):
  // only list pages read them, and held to the last page rendered they were
  // 15-25 MB at 2 x 50,000 reports; held until every file was read, 50 MB at
  // 2 x 100,000. A source's slot stays where it is until the shelf's Flush.
  std::vector<std::unique_ptr<TextShelf>> shelves(keep_text ? 0 : static_cast<size_t>(ThreadCount(threads)));
  for (auto& shelf : shelves) shelf = std::make_unique<TextShelf>();
  // The files read but not published: an _index (a draft, headless) makes
  // its folder a section Hugo does not render, so none is made for it; a
  // headless page is still a page of its folder's section.
  std::vector<uint8_t> unpublished(cfg.implicit_lists ? files.size() : 0);
  ParallelFor(files.size(), ThreadCount(threads), [&](size_t i, int worker) {
    const Placed::At& at = placed.at[i];
    PageSource unplaced;  // a path that is no page's: read for its diagnostics only
    PageSource* src = at.page == UINT32_MAX ? &unplaced : &placed.pages[at.page].sources[at.slot];
    if (!LoadSource(root, files[i], cfg, src, diags) || !PublishedBy(src->front, cfg) || src->front.headless) {
      if (!unpublished.empty() && !src->path.empty()) unpublished[i] = src->front.headless ? 2 : 1;
      *src = PageSource();
      return;
    }
    if (keep_text) return;
    Unload(src);
    shelves[static_cast<size_t>(worker)]->Put(&src->first_paragraph);
  });
  for (auto& shelf : shelves) shelf->Flush();
  HiddenContent hidden;
  for (size_t i = 0; i < unpublished.size(); ++i) {
    if (!unpublished[i]) continue;
    ContentPath cp = ClassifyContentPath(files[i], cfg);
    if (!cp.error.empty()) continue;
    if (cp.is_list) hidden.lists.emplace(std::move(cp.key), std::move(cp.lang));
    else if (unpublished[i] == 2) hidden.headless.emplace(std::move(cp.key), std::move(cp.lang));
  }
  std::vector<std::string>().swap(files);  // each source has its path: not held beside them
  for (const auto& e : escaped)
    diags->Error({InContent(e), 0, 0}, "symbolic link points outside the site folder", {}, 1,
                 "path-escape");
  std::vector<Page> pages = SettlePages(std::move(placed), cfg, diags);
  PairByTranslationKey(&pages, cfg);
  AddImplicitSections(&pages, hidden, cfg, diags);
  // Every language has a home page (the site's root index links to it): one
  // with no text and the site's title when content/ has no _index file, or,
  // without translation_fallback, none in that language (as Hugo makes it).
  if (pages.empty() || !pages.front().key.empty()) {
    Page home;
    home.is_list = true;
    pages.insert(pages.begin(), std::move(home));
  }
  Page& home = pages.front();
  if (home.sources.empty() || !cfg.translation_fallback) {
    for (const std::string& lang : cfg.languages) {
      if (home.In(lang)) continue;
      PageSource src;
      src.lang = lang;
      src.path = InContent(cfg.content_layout == ContentLayout::kFolders ? std::string(ContentFolderOf(cfg, lang)) + "/_index.md"
                                                                       : "_index." + lang + ".md");
      home.sources.push_back(std::move(src));
    }
    SortByLanguage(&home.sources, cfg);
  }
  AttachResources(&pages, others, cfg);
  // Markdown resources are not published; they are kept so a link to one
  // is told apart from a link to a file that does not exist.
  AttachResources(&pages, bundled, cfg);
  for (Page& page : pages)
    for (Resource& r : page.resources)
      if (IsPageFile(r.path)) r.published = false;
  AddTaxonomyPages(&pages, cfg);
  // Held for the whole build: not the half-empty array an insert doubled.
  if (pages.capacity() > pages.size() + pages.size() / 16) pages.shrink_to_fit();
  CheckUrlCollisions(pages, diags);
  return pages;
}

std::string ContentHash(std::string_view text) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a: stable across platforms
  for (unsigned char c : text) {
    if (c == '\r') continue;  // line endings must not change the hash
    h = (h ^ c) * 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 12);
}

}  // namespace costsite::content
