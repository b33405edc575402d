#include "render/site_renderer.h"
#include "render/whatif_data.h"

#include <algorithm>
#include <cctype>
#include <kainjow/mustache.hpp>
#include <map>
#include <unordered_map>
#include <set>
#include <cstdint>
#include <optional>

#include "cost/evaluation.h"
#include "figures/dates.h"
#include "figures/format.h"
#include "figures/provenance.h"
#include "figures/tables.h"
#include "markdown/cost_nodes.h"
#include "markdown/markdown.h"
#include "output/paths.h"
#include "render/export.h"
#include "render/headlines.h"
#include "render/links.h"
#include "render/page_lists.h"
#include "render/page_place.h"
#include "render/publish.h"
#include "render/shortcodes.h"
#include "render/splice.h"

namespace costsite::render {

namespace mstch = kainjow::mustache;
using markdown::HtmlEscape;

const content::PageSource* SourceFor(const content::Page& page, std::string_view lang) {
  if (const content::PageSource* s = page.In(lang)) return s;
  return page.sources.empty() ? nullptr : &page.sources.front();
}

namespace {

std::string LangName(const load::Theme& theme, const std::string& lang) {
  auto t = theme.strings.find(lang);
  if (t != theme.strings.end()) {
    auto n = t->second.find("language_name");
    if (n != t->second.end()) return n->second;
  }
  return lang;
}

const std::string& UiString(const load::Theme& theme, std::string_view lang, const std::string& key) {
  static const std::string kEmpty;
  auto t = theme.strings.find(lang);
  if (t == theme.strings.end()) return kEmpty;
  auto s = t->second.find(key);
  return s == t->second.end() ? kEmpty : s->second;
}

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  size_t pos = text.find(from);
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// The template with every plain `{{t.key}}`, `{{{t.key}}}` and `{{& t.key}}`
// replaced by that UI string (escaped as Mustache would for the first), so
// rendering a page does not look the same dotted names up again and again
// (kainjow splits a dotted name on every lookup: a fifth of rendering).
// Sections and keys the table lacks stay tags, resolved at render time; a
// template that changes its delimiters, or a string that holds braces, is
// left as it is.
std::string BindUiStrings(const std::string& text, const figures::WordTable& strings) {
  if (text.find("{{=") != std::string::npos) return text;
  std::string out;
  size_t at = 0;
  for (size_t open; (open = text.find("{{", at)) != std::string::npos;) {
    size_t p = open + 2;
    bool triple = p < text.size() && text[p] == '{';
    bool amp = p < text.size() && text[p] == '&';
    if (triple || amp) ++p;
    while (p < text.size() && text[p] == ' ') ++p;
    size_t name_start = p;
    while (p < text.size() && (std::isalnum(static_cast<unsigned char>(text[p])) || text[p] == '_' || text[p] == '.' ||
                               text[p] == '-'))
      ++p;
    std::string_view name = std::string_view(text).substr(name_start, p - name_start);
    while (p < text.size() && text[p] == ' ') ++p;
    std::string_view close = triple ? "}}}" : "}}";
    auto value = name.rfind("t.", 0) == 0 ? strings.find(std::string(name.substr(2))) : strings.end();
    if (text.compare(p, close.size(), close) != 0 || value == strings.end() ||
        value->second.find_first_of("{}") != std::string::npos) {
      out.append(text, at, p - at);
      at = p;
      continue;
    }
    out.append(text, at, open - at);
    out += triple || amp ? value->second : mstch::html_escape<std::string>(value->second);
    at = p + close.size();
  }
  out.append(text, at, std::string::npos);
  return out;
}

// The keys a list entry may lack. Each entry says so (false): Mustache
// looks a key up in the enclosing contexts, so an undated entry would
// otherwise show its list page's own date, lastmod or description.
constexpr const char* kEntryOptionalKeys[] = {"date",  "lastmod",        "description",
                                              "count", "headline_label", "headline_html"};

// Mustache treats "" as true; leave empty values unset so sections skip them.
void SetIfAny(mstch::data* d, const std::string& key, const std::string& value) {
  if (!value.empty()) d->set(key, value);
}

}  // namespace

// One entry of a list page: the page, the source shown for it, and for a
// term the number of pages naming it.
struct PageRenderer::Listed {
  const content::Page* page;
  const content::PageSource* src;
  size_t term_count;
};

// Which page of a list is rendered: entries [(at - 1) * per, at * per) of
// `listing`, on page `at` of `count`.
struct PageRenderer::Pager {
  const std::vector<Listed>* listing;
  size_t at = 1, count = 1, per = 0;
};

namespace {

// The key of page `at` of a list: its own for the first, then KEY/page/N
// (as Hugo names them).
std::string PagerKey(const std::string& key, size_t at) {
  if (at == 1) return key;
  return (key.empty() ? std::string() : key + "/") + "page/" + std::to_string(at);
}

}  // namespace

struct PageRenderer::Impl {
  const SiteInputs& in;
  PageIds ids = PageIds::kEvery;
  // Per language: the templates with that language's UI strings bound in.
  std::map<std::string, std::map<std::string, mstch::mustache>, std::less<>> templates;
  // Per language: what every page of it shows alike (UI strings as `t`, the
  // language, the site title), made once. A page's own data is looked up
  // first and these after (a context of two layers), so they are not copied
  // into every page's data: the UI strings alone were a few percent of a build.
  std::map<std::string, mstch::data, std::less<>> shared;
  // `content` (the page's HTML) and `body` (what the page template made of
  // it) reach the templates as markers, replaced after rendering.
  SplicedValue content{"content"}, body{"body"};
  // Ids around the page's Markdown that its headings must leave free.
  std::set<std::string> reserved_ids;
  // The site's lists: the build's, shared by its threads, or this renderer's own.
  std::unique_ptr<PageLists> own_lists;
  PageLists* lists;
  const SiteTree& tree() const { return lists->tree(); }

  Impl(const SiteInputs& inputs, PageLists* site_lists)
      : in(inputs),
        own_lists(site_lists ? nullptr : std::make_unique<PageLists>(inputs.pages, inputs.config->translation_fallback)),
        lists(site_lists ? site_lists : own_lists.get()) {
    reserved_ids = in.theme->ids;
    reserved_ids.emplace(figures::kSourcesId);
    static const figures::WordTable kNone;
    for (const std::string& lang : in.config->languages) {
      auto strings = in.theme->strings.find(lang);
      const auto& table = strings == in.theme->strings.end() ? kNone : strings->second;
      auto& own = templates[lang];
      for (const auto& [name, text] : in.theme->templates) own.emplace(name, mstch::mustache(BindUiStrings(text, table)));
    }
    for (const std::string& lang : in.config->languages) {
      mstch::data d;
      mstch::data t;
      auto strings = in.theme->strings.find(lang);
      if (strings != in.theme->strings.end())
        for (const auto& [k, v] : strings->second) t.set(k, v);
      d.set("t", t);
      d.set("lang", lang);
      d.set("html_lang", content::HtmlLang(lang));
      d.set("version", in.version);
      d.set("site_title", Pick(in.config->title, lang, in.config->default_language));
      SetIfAny(&d, "site_description", Pick(in.config->description, lang, in.config->default_language));
      shared.emplace(lang, std::move(d));
    }
  }

  // Appends what a template renders to a string (render(context) takes a
  // stream; a std::ostringstream is made, and imbued, on every call).
  struct StringSink {
    std::string* out;
    StringSink& operator<<(const std::string& piece) {
      *out += piece;
      return *this;
    }
  };

  std::string Apply(const std::string& name, std::string_view lang, const mstch::data& data,
                    const std::string& origin, Diagnostics* diags) {
    auto own = templates.find(lang);
    if (own == templates.end()) return {};
    auto it = own->second.find(name);
    if (it == own->second.end() || !it->second.is_valid()) return {};
    auto common = shared.find(lang);
    if (common == shared.end()) return {};
    mstch::context<std::string> ctx(&common->second);
    ctx.push(&data);  // searched first
    std::string out;
    out.reserve(16 * 1024);
    StringSink sink{&out};
    it->second.render(ctx, sink);
    if (!it->second.is_valid())
      diags->Error({origin, 0, 0}, "template '" + name + "' failed: " + it->second.error_message());
    return out;
  }

  // Each language's version of the page; its home page where the page is
  // not published (without translation_fallback), as Docsy's switcher does.
  mstch::data Languages(const content::Page& page, std::string_view lang, const std::string& file) {
    mstch::data list{mstch::data::type::list};
    for (const std::string& l : in.config->languages) {
      mstch::data item;
      item.set("code", l);
      item.set("html_lang", content::HtmlLang(l));
      item.set("name", LangName(*in.theme, l));
      const bool published = content::PublishedIn(page, l, in.config->translation_fallback);
      item.set("url", output::RelativeUrl(file, output::PageFile(l, published ? page.UrlIn(l) : std::string())));
      item.set("current", mstch::data(l == lang));
      item.set("translated", mstch::data(page.In(l) != nullptr));
      list.push_back(item);
    }
    return list;
  }

  mstch::data Alternates(const content::Page& page, const std::string& file) {
    mstch::data list{mstch::data::type::list};
    for (const auto& s : page.sources) {
      mstch::data item;
      item.set("hreflang", content::HtmlLang(s.lang));
      item.set("url", output::RelativeUrl(file, output::PageFile(s.lang, s.url_key)));
      list.push_back(item);
    }
    return list;
  }

  // h2 entries, each with its h3 entries nested, as the page outlines itself.
  mstch::data Toc(const std::vector<markdown::Heading>& headings, bool* shown) {
    mstch::data list{mstch::data::type::list};
    mstch::data current;
    mstch::data children{mstch::data::type::list};
    bool open = false, has_children = false;
    int count = 0;
    auto flush = [&] {
      if (!open) return;
      if (has_children) {
        current.set("children", children);
        current.set("has_children", mstch::data(true));
      }
      list.push_back(current);
      children = mstch::data{mstch::data::type::list};
      open = has_children = false;
    };
    for (const auto& h : headings) {
      if (h.level < 2 || h.level > 3) continue;  // Hugo's outline: h2 and h3
      ++count;
      mstch::data item;
      item.set("id", h.id);
      item.set("text", h.text);
      if (h.level == 3 && open) {
        children.push_back(item);
        has_children = true;
        continue;
      }
      flush();
      current = std::move(item);
      open = true;
    }
    flush();
    *shown = count >= in.config->toc_min_headings;
    return list;
  }

  // Download links for the models the page refers to (data/<model>.json, .csv).
  mstch::data DataLinks(const std::vector<std::string>& models, const std::string& lang, const std::string& file) {
    mstch::data list{mstch::data::type::list};
    for (const std::string& model : models) {
      mstch::data item;
      const cost::ModelResult* r = in.evaluation->Find(model);
      std::string title = r ? Pick(r->title, lang) : std::string();
      item.set("title", title.empty() ? model : title);
      item.set("json", output::RelativeUrl(file, DataFile(model, "json")));
      item.set("csv", output::RelativeUrl(file, DataFile(model, "csv")));
      for (const char* ext : {"json", "csv"}) {  // the file name, for download= and print
        std::string path = DataFile(model, ext);
        item.set(std::string(ext) + "_name", path.substr(path.rfind('/') + 1));
      }
      list.push_back(item);
    }
    return list;
  }

  size_t IndexOf(const content::Page& page) const { return static_cast<size_t>(&page - in.pages->data()); }

  // The pages before and after `page` in its section's order, as "prev"
  // and "next" ({title, url}) in `data`.
  void SetNeighbours(const content::Page& page, std::string_view lang, const std::string& file,
                     mstch::data* data) {
    size_t section = lists->SectionOf(IndexOf(page), lang);
    if (section == SiteTree::kNone) return;
    const PageLists::Order& order = lists->OrderOf(section, lang);
    const auto& listing = order.listing;
    const std::optional<size_t> at = order.Place(&page);
    if (!at) return;
    const size_t i = *at;
    auto link = [&](size_t k) {
      mstch::data item;
      item.set("title", ListTitle(*listing[k].second));
      item.set("url", output::RelativeUrl(file, output::PageFile(lang, listing[k].first->UrlIn(lang))));
      return item;
    };
    if (i > 0) data->set("prev", link(i - 1));
    if (i + 1 < listing.size()) data->set("next", link(i + 1));
    data->set("has_neighbours", mstch::data(listing.size() > 1));
  }

  // Links to the other pages of a list shown a page at a time, and where
  // this one is ("Page 2 of 50"), as `pager`; from the second page on, the
  // same words as `pager_title` (the window's title tells the pages apart).
  void SetPager(const content::Page& page, const std::string& lang, const Pager& pager, const std::string& file,
                mstch::data* data) {
    auto url = [&](size_t at) {
      return output::RelativeUrl(file, output::PageFile(lang, PagerKey(page.UrlIn(lang), at)));
    };
    auto number = [&](size_t n) { return figures::FormatNumber(cost::Decimal(n), {}, lang); };
    std::string text = Replace(Replace(UiString(*in.theme, lang, "pager_at"), "{n}", number(pager.at)), "{count}",
                               number(pager.count));
    mstch::data nav;
    if (pager.at > 1) {
      if (pager.at > 2) nav.set("first_url", url(1));  // not twice the same link
      nav.set("prev_url", url(pager.at - 1));
      data->set("pager_title", text);
    }
    if (pager.at < pager.count) {
      nav.set("next_url", url(pager.at + 1));
      if (pager.at + 1 < pager.count) nav.set("last_url", url(pager.count));
    }
    nav.set("text", text);
    data->set("pager", nav);
  }

  // The entries a list page shows in `lang`, in order: a term no page of
  // this language names has a page (the language switcher leads there) but
  // is not listed.
  std::vector<Listed> Listing(const content::Page& list_page, std::string_view lang) {
    std::vector<Listed> out;
    for (const auto& [page, src] : ListEntries(*in.pages, tree(), IndexOf(list_page), lang, lists->fallbacks())) {
      const size_t term_count = page->term().empty() ? 0 : TermCount(*in.pages, *page, lang);
      if (!page->term().empty() && term_count == 0) continue;
      out.push_back({page, src, term_count});
    }
    return out;
  }

  // Entries [begin, end) of a list page's `listing`, each with its headline
  // figure when it names one (added to `refs`: the page reads its model), and
  // the rates headlines were converted at. A headline that names nothing is
  // reported in its source's own language only, so once.
  void HomeListing(const std::vector<Listed>& listing, size_t begin, size_t end, std::string_view lang,
                   OutputFile* out, mstch::data* data, Diagnostics* diags, std::vector<markdown::CostRef>* refs) {
    figures::Speaker speaker{lang, &in.theme->strings, in.config->default_language};
    mstch::data list{mstch::data::type::list};
    std::vector<cost::FxUse> rates;
    bool any_headline = false;
    figures::PagePopovers ids("home-");  // the body's figures are numbered apart
    for (size_t i = begin; i < end; ++i) {
      const content::Page* page = listing[i].page;
      const content::PageSource* src = listing[i].src;
      mstch::data item;
      for (const char* key : kEntryOptionalKeys) item.set(key, mstch::data(false));
      item.set("title", ListTitle(*src));
      SetIfAny(&item, "description", EntryText(*src));
      item.set("url", output::RelativeUrl(out->path, output::PageFile(lang, page->UrlIn(lang))));
      item.set("untranslated", mstch::data(src->lang != lang));
      item.set("is_section", mstch::data(page->is_list && page->taxonomy().empty()));
      if (!src->front.more().date.empty() && page->taxonomy().empty()) item.set("date", PageDate(src->front.more().date, lang));
      if (!src->front.more().lastmod.empty() && src->front.more().lastmod != src->front.more().date && page->taxonomy().empty())
        item.set("lastmod", PageDate(src->front.more().lastmod, lang));
      if (!page->term().empty()) item.set("count", std::to_string(listing[i].term_count));
      const content::FrontMatter& front = src->front;
      Headline h;
      std::string error;
      if (!front.more().headline.empty() && !in.evaluation) {
        error = "headline '" + front.more().headline + "' names a figure, but the site has no pricing/ folder";
      } else if (!front.more().headline.empty() &&
                 ResolveHeadline(front.more().headline, *in.evaluation, in.config->display_currency, &h, &error)) {
        any_headline = true;
        item.set("headline_label", HeadlineLabel(h, speaker));
        item.set("headline_html", figures::FigureHtml(h.figure, figures::FormatFigure(h.figure, {}, speaker), speaker, &ids));
        refs->push_back({"figure", front.more().headline, front.more().headline_pos});
        if (h.fx) {
          out->reads_pricing = true;
          if (std::find(rates.begin(), rates.end(), *h.fx) == rates.end()) rates.push_back(*h.fx);
        }
      }
      if (!error.empty() && src->lang == lang) {
        Diagnostic d;
        d.pos = front.more().headline_pos;
        d.message = error;
        d.source_line = front.more().headline_line;
        d.span = static_cast<int>(front.more().headline.size());
        d.code = "unknown-headline";
        diags->Add(std::move(d));
      }
      list.push_back(item);
    }
    data->set("has_pages", mstch::data(!list.list_value().empty()));
    data->set("pages", list);
    data->set("has_headlines", mstch::data(any_headline));
    mstch::data notes{mstch::data::type::list};
    for (const cost::FxUse& fx : rates) {
      mstch::data note;
      std::string text = Replace(UiString(*in.theme, lang, "fx_note"), "{date}", fx.date);
      text = Replace(text, "{rate}", figures::FormatFx(fx, lang));
      note.set("text", Replace(text, "{currency}", figures::CurrencyName(in.config->display_currency, lang)));
      notes.push_back(note);
    }
    data->set("fx_notes", notes);
  }
};

PageRenderer::PageRenderer(const SiteInputs& in, PageIds ids, PageLists* lists)
    : impl_(std::make_unique<Impl>(in, lists)) {
  impl_->ids = ids;
}
PageRenderer::~PageRenderer() = default;

void PageRenderer::PagesChanged() {
  impl_->lists->PagesChanged();
}

OutputFile PageRenderer::Render(const content::Page& page, std::string_view lang, Diagnostics* diags,
                                markdown::PageCostRefs* refs, const std::function<void(OutputFile&)>& later) {
  // A list longer than pager_size is shown a page of entries at a time: the
  // listing of a section of 50,000 reports is not one page of 30 MB, nor held
  // whole while it is rendered.
  std::vector<Listed> listing;
  if (page.is_list) listing = impl_->Listing(page, lang);
  Pager pager{&listing, 1, 1, listing.size()};
  if (const int size = impl_->in.config->pager_size; size > 0 && listing.size() > static_cast<size_t>(size)) {
    pager.per = static_cast<size_t>(size);
    pager.count = (listing.size() + pager.per - 1) / pager.per;
  }
  if (pager.count == 1) return RenderPart(page, lang, pager, diags, refs, nullptr);
  // The first page stands for the list: it carries what every page of it reads.
  std::vector<markdown::CostRef> all_refs;
  OutputFile first = RenderPart(page, lang, pager, diags, refs, &all_refs);
  for (pager.at = 2; pager.at <= pager.count; ++pager.at) {
    OutputFile next = RenderPart(page, lang, pager, diags, nullptr, &all_refs);
    first.reads_pricing = first.reads_pricing || next.reads_pricing;
    if (later) later(next);
  }
  if (impl_->in.evaluation) first.models = ModelsOfRefs(all_refs, *impl_->in.evaluation);
  return first;
}

OutputFile PageRenderer::RenderPart(const content::Page& page, std::string_view lang, const Pager& pager,
                                    Diagnostics* diags, markdown::PageCostRefs* refs,
                                    std::vector<markdown::CostRef>* all_refs) {
  const SiteInputs& in = impl_->in;
  const content::PageSource* src = SourceFor(page, lang);
  OutputFile out;
  out.path = output::PageFile(lang, PagerKey(page.UrlIn(lang), pager.at));
  std::string l(lang);

  markdown::CostOutput cost_out;
  markdown::CostContext cost{src->lang, in.evaluation, &cost_out, &in.theme->strings,
                             in.config->default_language, in.spend};
  markdown::RenderedMarkdown md;
  if (pager.at == 1) {  // a list's later pages show its entries, not its text again
    // Fragment links are checked where the source is shown in its own language.
    markdown::LinkRewriter rewrite = MakeLinkRewriter(in, page, *src, l, out.path, diags,
                                                      src->lang == l ? &out.anchors.links : nullptr);
    // Shortcodes: the theme's templates/shortcodes/NAME.mustache in this language.
    int shortcode_uid = 0;
    const markdown::MarkdownOptions* page_opts = nullptr;  // set below, before any call
    int include_depth = 0;
    markdown::ShortcodeRenderer shortcodes = [&](const markdown::ShortcodeCall& call, std::string* html) {
      const std::string name = "shortcodes/" + call.name;
      auto tmpl = in.theme->templates.find(name);
      if (tmpl == in.theme->templates.end() && call.name == "include") {  // built in, unless the theme has one
        *html = IncludeMarkdown(in.root, *in.config, *src, call, *page_opts, &include_depth, diags);
        return true;
      }
      if (tmpl == in.theme->templates.end() && call.name == "glossary_definition") {
        *html = GlossaryDefinition(in.root, *in.config, *src, call, *page_opts, &include_depth, diags);
        return true;
      }
      if (tmpl == in.theme->templates.end()) return false;
      mstch::data sc = ShortcodeData(call, UsesInner(tmpl->second), ++shortcode_uid, &rewrite);
      if (!AddShortcodeFile(in.root, *in.config, *src, call, tmpl->second, &sc, diags)) return true;  // shows nothing
      *html = impl_->Apply(name, l, sc, "templates/" + name + ".mustache", diags);
      return true;
    };
    markdown::MarkdownOptions opts{in.config->raw_html, &rewrite, &cost, refs, &impl_->reserved_ids, {}, &shortcodes};
    opts.html_body = content::IsHtmlPageFile(src->path);
    page_opts = &opts;
    markdown::ShortcodeText param = [&](const markdown::ShortcodeCall& call, std::string* text) {
      return ParamText(*in.config, *src, call, text, diags);
    };
    opts.shortcode_text = &param;
    md = markdown::RenderMarkdown(src->path, src->body(), src->body_line, opts, diags);
  }

  mstch::data data;  // with Impl::shared[l] behind it
  std::string title = src->front.title;
  if (title.empty() && !page.taxonomy().empty()) title = UiString(*in.theme, l, "taxonomy_" + page.taxonomy());
  data.set("page_title", title.empty() ? Pick(in.config->title, l) : title);
  const std::string& taxonomy_word = UiString(*in.theme, l, "taxonomy_" + page.taxonomy());
  if (!page.term().empty()) data.set("taxonomy_name", taxonomy_word);
  SetIfAny(&data, "description", src->front.description());
  data.set("root", output::RootPrefix(out.path));
  if (!in.config->base_url.empty()) data.set("canonical", AbsoluteUrl(in.config->base_url, out.path));
  SetIfAny(&data, "build_date", in.config->build_date);
  data.set("home_url", output::RelativeUrl(out.path, output::PageFile(l, "")));
  data.set("is_home", mstch::data(page.key.empty()));
  data.set("languages", impl_->Languages(page, l, out.path));
  data.set("alternates", impl_->Alternates(page, out.path));
  bool has_toc = false;
  data.set("toc", impl_->Toc(md.headings, &has_toc));
  data.set("has_toc", mstch::data(has_toc));
  data.set("content", impl_->content.marker());
  SetIfAny(&data, "sources", figures::RenderSources(cost_out.sources.items(), cost.Speaker()));
  if (src->lang != l) {
    std::string notice = Replace(UiString(*in.theme, l, "untranslated_notice"), "{language}",
                                 LangName(*in.theme, src->lang));
    data.set("notice", notice);
    data.set("content_lang", content::HtmlLang(src->lang));
  }
  if (page.is_list) {
    const size_t begin = (pager.at - 1) * pager.per;
    impl_->HomeListing(*pager.listing, begin, std::min(begin + pager.per, pager.listing->size()), l, &out, &data,
                       diags, &cost_out.refs);
    if (pager.count > 1) impl_->SetPager(page, l, pager, out.path, &data);
  } else {
    impl_->SetNeighbours(page, l, out.path, &data);
  }
  SetPagePlace(in, *impl_->lists, page, *src, l, out.path, taxonomy_word,
               impl_->lists->Siblings(SidebarSection(*in.pages, *impl_->lists, page, l), l), &data);
  if (in.evaluation) out.models = ModelsOfRefs(cost_out.refs, *in.evaluation);
  // The date the page's prices hold at: the one its models are evaluated at
  // (a model's own as_of, else the site's), else the newest price the page
  // shows. Models pinned at different dates give none: each compare table
  // and figure's provenance says its own.
  std::set<std::string> dates;
  if (in.evaluation)
    for (const std::string& m : out.models)
      if (const cost::ModelResult* r = in.evaluation->Find(m)) dates.insert(r->as_of);
  std::string as_of = dates.size() == 1 ? *dates.begin() : dates.empty() ? in.config->as_of : "";
  if (as_of.empty() && dates.size() <= 1)
    for (const cost::PriceUse& p : cost_out.sources.items()) as_of = std::max(as_of, p.date);
  SetIfAny(&data, "prices_as_of", as_of);
  // A page with what-if inputs carries what the engine needs after its body.
  if (in.evaluation && !cost_out.whatif_models.empty()) {
    // With its `cost model` blocks' definitions, which the engine evaluates too.
    const cost::Evaluation& page_eval = cost_out.evaluation ? *cost_out.evaluation : *in.evaluation;
    std::string whatif = WhatIfData(page_eval, cost_out, out.models, cost.Speaker(), *in.theme, out.path);
    if (whatif.empty() && src->lang == l)
      diags->Warning({src->path, 0, 0},
                     "this page has what-if inputs, but this costsite was built without the what-if engine "
                     "(emscripten): the page reads as built",
                     {}, 1, "no-whatif-engine");
    md.html += whatif;
  }
  for (const markdown::CostRef& ref : cost_out.refs)
    if (ref.kind == "convert" || ref.kind == "prices" || ref.kind == "model") out.reads_pricing = true;
  if (in.evaluation && !page.is_list) {
    mstch::data links = impl_->DataLinks(out.models, l, out.path);
    data.set("has_data_links", mstch::data(!links.list_value().empty()));
    data.set("data_links", links);
  }

  const char* layout = !page.is_list ? "page" : page.key.empty() ? "home" : "list";
  std::string body = Splice(impl_->Apply(layout, l, data, src->path, diags),
                            {{&impl_->content, md.html}});
  data.set("body", impl_->body.marker());
  out.content = Splice(impl_->Apply("base", l, data, src->path, diags),
                       {{&impl_->content, md.html}, {&impl_->body, body}});
  out.title = data.get("page_title")->string_value();
  if (all_refs) all_refs->insert(all_refs->end(), cost_out.refs.begin(), cost_out.refs.end());
  if (pager.at > 1) return out;  // not searched, and no link leads into it
  // Collecting a page's ids scans its HTML again: a few percent of a build.
  if (impl_->ids == PageIds::kEvery || !out.anchors.links.empty()) out.anchors.ids = IdList(CollectIds(out.content));
  const size_t shift = src->front.description().empty() ? 0 : src->front.description().size() + 1;
  out.search_text = shift == 0 ? std::move(md.plain_text) : src->front.description() + "\n" + md.plain_text;
  for (const markdown::Heading& h : md.headings)  // the outline's: h2 and h3
    if (h.level >= 2 && h.level <= 3)
      out.search_sections.push_back({h.id, h.text, shift + h.text_begin, shift + h.text_end});
  return out;
}

OutputFile RenderRootIndex(const SiteInputs& in) {
  const std::string& lang = in.config->default_language;
  std::string target = output::PageFile(lang, "");
  std::string title = HtmlEscape(Pick(in.config->title, lang));
  OutputFile out;
  out.path = "index.html";
  out.content = "<!DOCTYPE html>\n<html lang=\"" + content::HtmlLang(lang) +
                "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
                "</title>\n<meta http-equiv=\"refresh\" content=\"0; url=" + target +
                "\">\n</head>\n<body>\n<p><a href=\"" + target + "\">" + title + "</a></p>\n";
  for (const std::string& l : in.config->languages) {
    if (l == lang) continue;
    out.content += "<p lang=\"" + content::HtmlLang(l) + "\"><a href=\"" + output::PageFile(l, "") +
                   "\">" + HtmlEscape(Pick(in.config->title, l)) + "</a></p>\n";
  }
  out.content += "</body>\n</html>\n";
  return out;
}

}  // namespace costsite::render
