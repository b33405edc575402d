#include "render/search_index.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <thread>

#include "render/search_page.h"
#include "render/search_terms.h"
#include "base/spill.h"
#include "render/term_table.h"

namespace costsite::render {

using search::AppendJsonString;
using search::CutParts;
using search::ForEachTerm;
using search::kPartBits;
using search::kParts;
using search::Part;
using search::TermTable;

// Each worker has a table per language, so indexing takes no locks; a page's
// repeated terms are caught by the term's last slot (a worker's pages arrive
// in increasing slot order).
//
// Memory: a table that grows past SearchIndexLimits::run_bytes is written out
// as a run sorted by term (between two pages, so a page's terms are in one
// run) and emptied; Finish merges every run of a language. A page's entry
// (lang, path, title, sections) is written as its JSON at once into a stream
// of its worker and language. Both streams keep a piece in memory and the
// rest in one temporary file (base/spill.h), so a build of any size holds
// a few runs and a few pieces, and per page only its Slot (8 bytes).
struct SearchIndexBuilder::Impl {
  struct Table {  // one worker's pages of one language
    explicit Table(uint32_t batch) : terms(batch) {}
    TermTable terms;                                  // since the last run
    std::vector<std::unique_ptr<SpillStream>> runs;   // written out, each sorted
    std::unique_ptr<SpillStream> pages;               // entries: varint(size) JSON, in slot order
  };
  struct Worker {
    std::vector<std::pair<std::string, std::unique_ptr<Table>>> languages;  // few: a linear search
  };
  struct Slot {
    uint32_t parts = 0;   // the page's parts (its top and sections)
    uint16_t worker = 0;  // who added it
    uint8_t lang = 0;     // its language in the worker's `languages`
    bool present = false;
  };

  explicit Impl(const SearchIndexLimits& l) : limits(l), spill(l.temp_dir) {}
  std::unique_ptr<SpillStream> Stream() { return std::make_unique<SpillStream>(&spill, limits.piece_bytes); }
  Table& For(Worker& w, std::string_view lang, uint8_t* index) {
    for (size_t i = 0; i < w.languages.size(); ++i)
      if (w.languages[i].first == lang) return *w.languages[*index = static_cast<uint8_t>(i)].second;
    if (w.languages.size() > 255) throw std::length_error("search index: too many languages");
    *index = static_cast<uint8_t>(w.languages.size());
    auto& table = w.languages.emplace_back(std::string(lang), std::make_unique<Table>(batch)).second;
    table->pages = Stream();
    return *table;
  }

  SearchIndexLimits limits;
  size_t run_bytes = 0;  // a table's share (SearchIndexBuilder's constructor)
  uint32_t batch = 0;    // its log's batch, in entries
  SpillFile spill;
  std::vector<Slot> slots;
  std::vector<Worker> workers;
};

SearchIndexBuilder::SearchIndexBuilder(size_t slots, int workers, SearchIndexLimits limits)
    : impl_(std::make_unique<Impl>(limits)) {
  if (slots >= (size_t{1} << (32 - kPartBits))) throw std::length_error("search index: too many pages");
  if (workers > 0xFFFF) throw std::length_error("search index: too many workers");
  impl_->slots.resize(slots);
  impl_->workers.resize(std::max(1, workers));
  // Four tables of run_bytes are shared by the workers, a table no smaller
  // than 1 MiB: a table per worker and language of 2 MB was 32 MB at eight
  // threads, and a build's peak grew with the machine's cores. A smaller
  // table writes more runs (134 at 2 x 50,000 pages on eight threads with
  // 2 MB, 361 with 1 MB, 3,813 with 512 KB, when the merge took 5 s, not 2);
  // its log's batch shrinks with it (a quarter of the table), else the log
  // alone would fill it.
  const size_t shared = impl_->limits.run_bytes * 4 / impl_->workers.size();
  impl_->run_bytes = std::min(impl_->limits.run_bytes, std::max<size_t>(shared, size_t{1} << 20));
  impl_->batch = static_cast<uint32_t>(std::clamp<size_t>(impl_->run_bytes / 32, 1024, size_t{1} << 16));
}
SearchIndexBuilder::~SearchIndexBuilder() = default;

size_t SearchIndexBuilder::table_bytes() const { return impl_->run_bytes; }

void SearchIndexBuilder::Add(int worker, size_t slot, std::string_view lang, std::string_view path,
                             std::string_view title, std::string_view text, std::span<const SearchSection> sections) {
  Impl::Slot& entry = impl_->slots.at(slot);  // each slot is written by one thread
  Impl::Table& table = impl_->For(impl_->workers.at(worker), lang, &entry.lang);
  entry.worker = static_cast<uint16_t>(worker);
  entry.present = true;
  uint32_t s = 0;
  auto emit = [&](std::string_view term) { table.terms.Add(term, s); };
  const std::vector<Part> parts = CutParts(text, sections);
  entry.parts = static_cast<uint32_t>(parts.size());
  std::string json = "[";
  AppendJsonString(lang, &json);
  json += ',';
  AppendJsonString(path, &json);
  json += ',';
  AppendJsonString(title, &json);
  json += ",[";
  for (size_t k = 0; k < parts.size(); ++k) {
    const Part& part = parts[k];
    s = (static_cast<uint32_t>(slot) << kPartBits) | static_cast<uint32_t>(k);
    json += k ? ",[" : "[";
    AppendJsonString(part.section > 0 ? std::string_view(sections[part.section - 1].anchor) : "", &json);
    json += ',';
    AppendJsonString(part.section > 0 ? std::string_view(sections[part.section - 1].heading) : "", &json);
    json += ']';
    if (k == 0) ForEachTerm(title, emit);
    ForEachTerm(text.substr(part.terms_from, part.to - part.terms_from), emit);
  }
  json += "]]";
  std::string size;
  AppendVarint(json.size(), &size);
  table.pages->Append(size);
  table.pages->Append(json);
  if (table.terms.Bytes() >= impl_->run_bytes) {
    table.runs.push_back(impl_->Stream());
    table.terms.WriteRun(table.runs.back().get());
    table.runs.back()->Seal();
  }
}


std::string SearchIndexBuilder::Finish(SearchIndexStats* stats) {
  std::string text;
  Finish([&](std::string_view piece) { text += piece; }, stats);
  return text;
}

namespace {

// One sorted run being merged: its next term and that term's postings.
struct RunCursor {
  RunCursor(const SpillStream* run, size_t block) : reader(run, block) {}
  // False at the run's end; sets *error when the run cannot be read back.
  bool Next(std::atomic<bool>* error) {
    term.clear();
    postings.clear();
    if (reader.AtEnd()) return false;
    uint64_t n = 0;
    if (reader.ReadVarint(&n) && reader.Read(n, &term) && reader.ReadVarint(&n) && reader.Read(n, &postings))
      return true;
    *error = true;
    return false;
  }
  SpillStream::Reader reader;
  std::string term, postings;
};

// Merges the sorted segments of `slots` that start at `starts` into one
// sorted list, a round of pairs at a time: n log k for k runs. Merging each
// run into the list as it came was n k, and a large site's common terms are
// in every run (at 2 x 50,000 reports, 60 runs a language).
void MergeSegments(std::vector<uint32_t>* slots, std::vector<size_t>* starts, std::vector<uint32_t>* scratch) {
  std::vector<size_t>& at = *starts;
  // An empty run's segment starts where the next does, or at the end.
  at.erase(std::unique(at.begin(), at.end()), at.end());
  if (!at.empty() && at.back() == slots->size()) at.pop_back();
  auto ordered = [&] {  // segments that follow one another need no merge
    for (size_t i = 1; i < at.size(); ++i)
      if ((*slots)[at[i] - 1] > (*slots)[at[i]]) return false;
    return true;
  };
  if (at.size() <= 1 || ordered()) return;
  at.push_back(slots->size());
  while (at.size() > 2) {
    scratch->resize(slots->size());
    std::vector<size_t> next;
    for (size_t i = 0; i + 1 < at.size(); i += 2) {
      next.push_back(at[i]);
      const size_t end = i + 2 < at.size() ? at[i + 2] : at[i + 1];
      std::merge(slots->begin() + static_cast<std::ptrdiff_t>(at[i]), slots->begin() + static_cast<std::ptrdiff_t>(at[i + 1]),
                 slots->begin() + static_cast<std::ptrdiff_t>(at[i + 1]), slots->begin() + static_cast<std::ptrdiff_t>(end),
                 scratch->begin() + static_cast<std::ptrdiff_t>(at[i]));
    }
    next.push_back(slots->size());
    slots->swap(*scratch);
    at.swap(next);
  }
}

}  // namespace

void SearchIndexBuilder::Finish(const std::function<void(std::string_view piece)>& sink,
                                SearchIndexStats* stats) {
  // Written in pieces of about a megabyte: a large site's index is tens of
  // megabytes, which need not all be in memory at once.
  constexpr size_t kPiece = 1 << 20;
  size_t bytes = 0;
  std::atomic<bool> read_error{false};
  auto to_sink = [&](std::string_view piece) {
    bytes += piece.size();
    sink(piece);
  };
  std::string out;
  out.reserve(kPiece + 4096);
  auto flush = [&](bool always) {
    if (!always && out.size() < kPiece) return;
    to_sink(out);
    out.clear();
  };
  const std::vector<Impl::Slot>& slots = impl_->slots;
  auto lang_of = [&](const Impl::Slot& s) -> std::string_view {
    return impl_->workers[s.worker].languages[s.lang].first;
  };
  // Slots to page numbers: the pages present, one language after another
  // (in the order languages first appear), each in slot order. A language's
  // pages are then numbered without gaps, so its runs are runs.
  std::vector<uint32_t> first_doc(slots.size(), 0);  // per slot: its top section's number
  std::vector<std::string_view> langs;
  for (const Impl::Slot& s : slots)
    if (s.present && std::find(langs.begin(), langs.end(), lang_of(s)) == langs.end()) langs.push_back(lang_of(s));
  size_t page_count = 0, doc_count = 0;
  out = "window.COSTSITE_SEARCH={\"v\":5,\"p\":[";
  for (std::string_view lang : langs) {
    // Each worker's entries of the language, read in order as its slots come.
    std::vector<std::unique_ptr<SpillStream::Reader>> readers(impl_->workers.size());
    for (const Impl::Slot& s : slots) {
      if (!s.present || lang_of(s) != lang) continue;
      auto& reader = readers[s.worker];
      if (!reader) reader = std::make_unique<SpillStream::Reader>(impl_->workers[s.worker].languages[s.lang].second->pages.get());
      first_doc[&s - slots.data()] = static_cast<uint32_t>(doc_count);
      doc_count += s.parts;
      if (page_count++) out += ',';
      uint64_t n = 0;
      if (!reader->ReadVarint(&n) || !reader->Read(n, &out)) read_error = true;
      flush(false);
    }
  }
  out += "],\"t\":{";
  flush(true);
  // Every worker's runs per language (what is left in a table becomes its
  // last run), languages sorted; a language without terms is left out.
  struct LanguageRuns {
    std::string_view lang;
    std::vector<const SpillStream*> runs;
  };
  std::vector<LanguageRuns> term_langs;
  for (Impl::Worker& w : impl_->workers)
    for (auto& language : w.languages) {
      const std::string_view lang = language.first;
      Impl::Table* table = language.second.get();
      if (!table->terms.empty()) {
        table->runs.push_back(impl_->Stream());
        table->terms.WriteRun(table->runs.back().get());
      }
      if (table->runs.empty()) continue;
      auto at = std::find_if(term_langs.begin(), term_langs.end(),
                             [&](const LanguageRuns& l) { return l.lang == lang; });
      if (at == term_langs.end()) at = term_langs.insert(term_langs.end(), {lang, {}});
      for (const auto& run : table->runs) at->runs.push_back(run.get());
    }
  std::sort(term_langs.begin(), term_langs.end(),
            [](const LanguageRuns& a, const LanguageRuns& b) { return a.lang < b.lang; });
  size_t run_count = 0;
  for (const LanguageRuns& l : term_langs) run_count += l.runs.size();
  std::vector<size_t> terms_in(term_langs.size(), 0);
  // Every run of every language has a cursor open at once (the languages are
  // merged side by side), each reading a block at a time: the blocks share
  // 4 MiB, from 4 to 64 KiB each. At 2 x 50,000 pages (123 runs) blocks of
  // 64 KiB were 8 MB of the build's last high point.
  const size_t cursor_block =
      std::clamp<size_t>((size_t{4} << 20) / std::max<size_t>(run_count, 1), size_t{4} << 10, size_t{64} << 10);
  // Writes language k's table to `emit` in pieces: its runs merged by term
  // (a heap of cursors), each term's slots from every run merged in order.
  auto write_language = [&](size_t k, const std::function<void(std::string_view)>& emit) {
    std::string text;
    AppendJsonString(term_langs[k].lang, &text);
    text += ":{";
    std::vector<std::unique_ptr<RunCursor>> cursors;
    std::vector<size_t> heap;
    for (const SpillStream* run : term_langs[k].runs) {
      cursors.push_back(std::make_unique<RunCursor>(run, cursor_block));
      if (cursors.back()->Next(&read_error)) heap.push_back(cursors.size() - 1);
    }
    auto later = [&](size_t a, size_t b) { return cursors[a]->term > cursors[b]->term; };
    std::make_heap(heap.begin(), heap.end(), later);
    std::vector<uint32_t> merged, scratch;
    std::vector<size_t> starts;  // where each run's slots begin in `merged`
    std::string term;
    // A number of a term's list, after a comma unless it is the first: the
    // index's most common piece (one per page a term is on), so written with
    // one append.
    bool first = true;
    auto put = [&](int64_t v) {
      char buf[24];
      char* p = buf;
      if (!first) *p++ = ',';
      first = false;
      text.append(buf, std::to_chars(p, buf + sizeof buf, v).ptr - buf);
    };
    bool first_term = true;
    while (!heap.empty()) {
      term = cursors[heap.front()]->term;
      merged.clear();
      // Each run's slots are sorted: gathered, then merged.
      starts.clear();
      while (!heap.empty() && cursors[heap.front()]->term == term) {
        std::pop_heap(heap.begin(), heap.end(), later);
        RunCursor& c = *cursors[heap.back()];
        starts.push_back(merged.size());
        TermTable::Slots(c.postings, &merged);
        if (c.Next(&read_error)) std::push_heap(heap.begin(), heap.end(), later);
        else heap.pop_back();
      }
      MergeSegments(&merged, &starts, &scratch);
      // Terms are letters, digits and CJK characters: nothing to escape.
      text += first_term ? "\"" : ",\"";
      first_term = false;
      text += term;
      text += "\":[";
      first = true;
      // Deltas, and a run of pages that follow one another as its length,
      // negated: common words are on most pages, so their lists are mostly runs.
      uint32_t prev = 0;
      auto doc_of = [&](uint32_t slot) { return first_doc[slot >> kPartBits] + (slot & (kParts - 1)); };
      for (size_t m = 0; m < merged.size();) {
        uint32_t page = doc_of(merged[m]);
        put(page - prev);
        size_t run = 0;
        while (m + 1 + run < merged.size() && doc_of(merged[m + 1 + run]) == page + run + 1) ++run;
        if (run >= 2) {
          put(-static_cast<int64_t>(run));
          page += static_cast<uint32_t>(run);
          m += run;
        }
        prev = page;
        ++m;
      }
      text += ']';
      ++terms_in[k];
      if (text.size() >= kPiece) {
        emit(text);
        text.clear();
      }
    }
    text += '}';
    emit(text);
  };
  // Languages are independent: each one after the first is written on a
  // thread of its own (this is the serial tail of a build) into a stream
  // (in the temporary file when large), the first straight to `sink`, then
  // the others are copied after it in order.
  std::vector<std::unique_ptr<SpillStream>> later_text(term_langs.size());
  for (size_t k = 1; k < term_langs.size(); ++k) later_text[k] = impl_->Stream();
  auto write_later = [&](size_t k) { write_language(k, [&](std::string_view piece) { later_text[k]->Append(piece); }); };
  std::vector<std::thread> helpers;
  for (size_t k = 1; k < term_langs.size() && static_cast<int>(k) < static_cast<int>(impl_->workers.size()); ++k)
    helpers.emplace_back(write_later, k);
  if (!term_langs.empty()) write_language(0, to_sink);
  for (size_t k = helpers.size() + 1; k < term_langs.size(); ++k) write_later(k);
  for (auto& t : helpers) t.join();
  size_t term_count = term_langs.empty() ? 0 : terms_in[0];
  for (size_t k = 1; k < term_langs.size(); ++k) {
    to_sink(",");
    SpillStream::Reader reader(later_text[k].get());
    std::string piece;
    for (uint64_t left = later_text[k]->size(); left > 0;) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(left, kPiece));
      piece.clear();
      if (!reader.Read(n, &piece)) {
        read_error = true;
        break;
      }
      to_sink(piece);
      left -= n;
    }
    term_count += terms_in[k];
  }
  out = "}};\n";
  flush(true);
  if (stats) {
    *stats = {page_count, doc_count, term_count, bytes, run_count, {}};
    if (read_error) stats->error = "search index: cannot read back its temporary file";
  }
}

std::string BuildSearchIndex(const std::vector<OutputFile>& files, SearchIndexStats* stats) {
  SearchIndexBuilder builder(files.size(), 1);
  for (size_t i = 0; i < files.size(); ++i) {
    const OutputFile& f = files[i];
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".html") != 0) continue;
    builder.Add(0, i, f.path.substr(0, f.path.find('/')), f.path, f.title, f.search_text, f.search_sections);
  }
  return builder.Finish(stats);
}

}  // namespace costsite::render
