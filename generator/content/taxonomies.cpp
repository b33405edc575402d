// What a page's list entry says without a description, the taxonomy pages
// Hugo makes from `tags` and `categories`, and the check that no two pages
// take one URL.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "content/pages.h"

namespace costsite::content {

const std::string& Page::UrlIn(std::string_view lang) const {
  static const std::string kNone;
  if (const PageSource* s = In(lang)) return s->url_key;
  return sources.empty() ? kNone : sources.front().url_key;
}

void SortByLanguage(std::vector<PageSource>* sources, const SiteConfig& cfg) {
  auto rank = [&](const PageSource& s) {
    return std::find(cfg.languages.begin(), cfg.languages.end(), s.lang) - cfg.languages.begin();
  };
  std::stable_sort(sources->begin(), sources->end(),
                   [&](const PageSource& a, const PageSource& b) { return rank(a) < rank(b); });
}

namespace {

// Drops inline Markdown: link targets, emphasis marks, code ticks, HTML tags.
std::string PlainInline(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '!' && i + 1 < text.size() && text[i + 1] == '[') continue;
    if (c == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      size_t close = text.find(')', i);
      if (close != std::string_view::npos) i = close;
      continue;
    }
    if (c == '<' && text.substr(i, 4) == "<!--") {  // a comment, whatever tags it holds
      size_t close = text.find("-->", i + 4);
      i = close == std::string_view::npos ? text.size() : close + 2;
      continue;
    }
    if (c == '<') {
      size_t close = text.find('>', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (c == '[' || c == '*' || c == '`' || (c == '_' && (out.empty() || out.back() == ' '))) continue;
    if (c == '_' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '_')) continue;
    out += c;
  }
  return out;
}

// Cuts `text` to about `max` bytes at a UTF-8 boundary, with an ellipsis.
std::string Shorten(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text + "…";
}

// `html` without its comments, except Hugo's summary divider `<!--more-->`.
std::string WithoutComments(std::string_view html) {
  std::string out;
  size_t from = 0;
  for (size_t open; (open = html.find("<!--", from)) != std::string_view::npos;) {
    const size_t close = html.find("-->", open + 4);
    const size_t end = close == std::string_view::npos ? html.size() : close + 3;
    out.append(html.substr(from, open - from));
    if (html.substr(open, end - open) == "<!--more-->") out.append("<!--more-->");
    from = end;
  }
  out.append(html.substr(from));
  return out;
}

}  // namespace

std::string FirstParagraph(std::string_view body) {
  // Hugo's summary divider: the text before `<!--more-->` is the summary,
  // every paragraph of it.
  const size_t divider = body.find("<!--more-->");
  const bool manual = divider != std::string_view::npos;
  if (manual) body = body.substr(0, divider);
  std::string para, summary;
  bool in_fence = false, in_comment = false, figure = false;
  auto flush = [&]() -> bool {
    if (para.empty()) return false;
    if (figure) {  // a figure or a shortcode: see below
      para.clear();
      figure = false;
      return false;
    }
    if (!manual) return true;  // the first paragraph is the summary
    summary += (summary.empty() ? "" : " ") + para;
    para.clear();
    return false;
  };
  for (size_t pos = 0; pos < body.size();) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t indent = line.find_first_not_of(' ');
    std::string_view t = indent == std::string_view::npos ? std::string_view() : line.substr(indent);
    if (in_comment) {
      in_comment = t.find("-->") == std::string_view::npos;
      continue;
    }
    if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {
      in_fence = !in_fence;
      if (flush()) break;
      continue;
    }
    if (in_fence) continue;
    if (t.empty()) {
      if (flush()) break;
      continue;
    }
    if (t.rfind("<!--", 0) == 0) {
      in_comment = t.find("-->") == std::string_view::npos;
      continue;
    }
    // Lines that are not running text: headings, lists, quotes, tables,
    // block HTML, shortcodes, rules, indented code.
    static constexpr std::string_view kSkip = "#-*+>|<:";
    bool block = kSkip.find(t[0]) != std::string_view::npos || t.rfind("{{", 0) == 0 || indent >= 4 ||
                 (std::isdigit(static_cast<unsigned char>(t[0])) && t.find(". ") != std::string_view::npos &&
                  t.find(". ") < 4);
    if (block) {
      if (flush()) break;
      para.clear();
      figure = false;
      continue;
    }
    if (!para.empty()) para += ' ';
    para += PlainInline(t);
    // A figure is shown only as the cost engine formats it, and a shortcode
    // only as its template renders it: neither can be summarised as text.
    figure = figure || t.find("`=") != std::string_view::npos || t.find("{{") != std::string_view::npos;
  }
  if (manual) {
    flush();
    return Shorten(std::move(summary), 600);
  }
  if (!flush()) return {};
  return Shorten(std::move(para), 300);
}

std::string FirstHtmlParagraph(std::string_view body) {
  // Comments are left out before anything is looked for: a paragraph kept
  // in one (`<!--<p class="lead">…</p>-->`) is not shown, so not the summary.
  const std::string uncommented = WithoutComments(body);
  body = uncommented;
  const size_t divider = body.find("<!--more-->");
  std::string_view part = body.substr(0, divider);
  if (divider == std::string_view::npos) {
    size_t at = 0;
    for (;; at += 2) {  // "<p>" or "<p class=…>", not "<pre>"
      at = part.find("<p", at);
      if (at == std::string_view::npos) return {};
      const char next = at + 2 < part.size() ? part[at + 2] : '\0';
      if (next == '>' || std::isspace(static_cast<unsigned char>(next))) break;
    }
    part = part.substr(at, part.find("</p>", at) - at);
  }
  if (part.find("{{") != std::string_view::npos) return {};  // a shortcode is shown only as it renders
  std::string text;
  for (size_t i = 0; i < part.size();) {
    const char c = part[i];
    if (c == '<') {  // a tag or a comment: left out
      const size_t close = part.find(c == '<' && part.substr(i, 4) == "<!--" ? "-->" : ">", i);
      i = close == std::string_view::npos ? part.size() : close + (part.substr(i, 4) == "<!--" ? 3 : 1);
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
      bool named = false;
      for (const auto& [entity, ch] : kEntities)
        if (part.substr(i, entity.size()) == entity) {
          text += ch;
          i += entity.size();
          named = true;
          break;
        }
      if (named) continue;
    }
    text += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    ++i;
  }
  std::string out;  // white space collapsed
  for (char c : text)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return Shorten(std::move(out), divider == std::string_view::npos ? 300 : 600);
}

std::string TermKey(std::string_view term) {
  std::string out;
  for (char c : term) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(std::tolower(u));
    } else if (c == ' ' && !out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out == "." || out == "..") out.clear();
  return out;
}

void AddTaxonomyPages(std::vector<Page>* pages, const SiteConfig& cfg) {
  // key -> language -> title, for each taxonomy and each term used; and
  // (key, language) -> the newest date of its pages: a term's date, by which
  // Hugo orders a taxonomy's terms.
  std::map<std::string, std::map<std::string, std::string>> wanted;
  std::map<std::pair<std::string, std::string>, std::string> newest;
  std::map<std::string, std::pair<std::string, std::string>> what;  // key -> (taxonomy, term key)
  for (const Page& page : *pages) {
    for (const PageSource& s : page.sources) {
      for (std::string_view taxonomy : cfg.taxonomies) {
        const auto& terms = taxonomy == "tags" ? s.front.more().tags : s.front.more().categories;
        std::string t(taxonomy);
        for (const std::string& term : terms) {
          std::string tk = TermKey(term);
          if (tk.empty()) continue;
          wanted[t].emplace(s.lang, "");
          wanted[t + "/" + tk].emplace(s.lang, term);  // the first spelling seen names it
          std::string& date = newest[{t + "/" + tk, s.lang}];
          date = std::max(date, s.front.more().date);
          what[t] = {t, ""};
          what[t + "/" + tk] = {t, tk};
        }
      }
    }
  }
  // Hugo renders a taxonomy's page in every language, also where no page
  // names a term of it.
  if (cfg.implicit_lists)
    for (std::string_view taxonomy : cfg.taxonomies) {
      std::string t(taxonomy);
      for (const std::string& lang : cfg.languages) wanted[t].emplace(lang, "");
      what[t] = {t, ""};
    }
  for (const auto& [key, langs] : wanted) {
    auto at = std::lower_bound(pages->begin(), pages->end(), key,
                               [](const Page& p, const std::string& k) { return p.key < k; });
    if (at == pages->end() || at->key != key) {
      Page p;
      p.key = key;
      at = pages->insert(at, std::move(p));
    }
    at->is_list = true;
    at->set_taxonomy(what[key].first, what[key].second.empty() ? std::string() : langs.begin()->second);
    // Every language gets its own page, also where no page of that language
    // names the term: the language switcher leads there, and it lists that
    // language's pages (none) in that language's words, not another
    // language's page under a missing-translation notice. Without
    // translation_fallback a term has a page only in the languages whose
    // pages name it, as in Hugo; a taxonomy has one in every language.
    const bool term = !what[key].second.empty();
    for (const std::string& lang : cfg.languages) {
      auto title = langs.find(lang);
      if (at->In(lang) || (term && !cfg.translation_fallback && title == langs.end())) continue;
      PageSource src;
      src.lang = lang;
      src.path = "content/" + key + "/_index." + lang + ".md";
      src.url_key = key;
      // "" for the taxonomy: its UI word is shown.
      src.front.title = title != langs.end() ? title->second : langs.begin()->second;
      auto date = newest.find({key, lang});
      if (date != newest.end()) src.front.more_mut().date = date->second;
      at->sources.push_back(std::move(src));
    }
    SortByLanguage(&at->sources, cfg);
  }
}

void CheckUrlCollisions(const std::vector<Page>& pages, Diagnostics* diags) {
  std::map<std::pair<std::string, std::string>, const PageSource*> seen;  // (lang, url key)
  for (const Page& page : pages) {
    for (const PageSource& s : page.sources) {
      auto [it, fresh] = seen.emplace(std::make_pair(s.lang, s.url_key), &s);
      if (fresh) continue;
      const SourcePos& pos = s.front.more().url.text.empty() ? s.front.more().slug_pos : s.front.more().url.pos;
      diags->Error(pos.line > 0 ? pos : SourcePos{s.path, 1, 1},
                   "this page's URL '" + s.lang + "/" + s.url_key + "/' is also " + it->second->path + "'s", s.text,
                   1, "duplicate-url");
    }
  }
}

}  // namespace costsite::content
