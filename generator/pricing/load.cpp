// Walking pricing/ on disk, the only place this stage does I/O.
#include <algorithm>
#include <atomic>
#include <optional>
#include <set>

#include "base/fs_util.h"
#include "base/parallel.h"

#include "cost/evaluate.h"
#include "cost/prices.h"
#include "pricing/pricing.h"
#include "pricing/yaml_read.h"

namespace costsite::pricing {
namespace {

// The value of the top-level key `key` ("provider: aws" -> "aws"), read from
// the lines of a text that is not YAML; "" when no line gives it.
std::string TopLevelValue(std::string_view text, std::string_view key) {
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.substr(0, key.size()) != key || line.substr(key.size(), 1) != ":") continue;
    std::string_view v = line.substr(key.size() + 1);
    if (size_t hash = v.find(" #"); hash != std::string_view::npos) v = v.substr(0, hash);
    size_t b = v.find_first_not_of(" \t\"'"), e = v.find_last_not_of(" \t\r\"'");
    return b == std::string_view::npos ? "" : std::string(v.substr(b, e - b + 1));
  }
  return "";
}

bool HasTopLevelKey(std::string_view text, std::string_view key) {
  for (size_t at = 0; at < text.size();) {
    if (text.substr(at, key.size()) == key && text.substr(at + key.size(), 1) == ":") return true;
    size_t nl = text.find('\n', at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return false;
}

}  // namespace

void ParsePricingFile(const std::string& path, std::string_view text, cost::Inputs* inputs,
                      Diagnostics& diags, TextShelf* shelf) {
  Diagnostics local;
  YamlFile f(path, text, local);
  f.Guard([&] {
    YamlNode loaded;
    if (!f.Load(&loaded)) {
      inputs->unparsed.push_back({path, TopLevelValue(text, "provider"), TopLevelValue(text, "model"),
                                  HasTopLevelKey(text, "rates")});
      return;
    }
    const YamlNode& root = loaded;
    if (root.IsMap() && root["provider"]) {
      cost::PriceList list;
      ReadPriceListNode(f, root, &list);
      inputs->price_lists.push_back(std::move(list));
    } else if (root.IsMap() && root["rates"]) {
      ReadRatesNode(f, root, &inputs->rates);
    } else if (root.IsMap() && root["units"]) {
      ReadUnitsNode(f, root, &inputs->units);
    } else if (root.IsMap() && root["model"]) {
      cost::ModelDef model;
      ReadModelNode(f, root, "", &model);
      if (shelf) f.PutTextAway(shelf, model.where);
      inputs->models.push_back(std::move(model));
    } else {
      f.Error(SourcePos{path, 1, 1},
              "cannot tell what this file holds: expected a top-level `provider:`, `rates:`, `units:` or `model:`",
              "missing-key");
    }
  });
  diags.Merge(local);
}

namespace {

// Reads the pricing file `shown` (as shown in diagnostics, relative to
// `site`) into `out`, from `cached` when its text is what the cache holds
// (its diagnostics repeated): kCached, kParsed, or kFailed (reported).
enum ReadResult { kCached, kParsed, kFailed };
ReadResult ReadOne(const std::filesystem::path& site, const std::string& shown, ParseCache::File* cached,
                   cost::Inputs* out, Diagnostics& diags, TextShelf* shelf = nullptr) {
  std::string text, err;
  uintmax_t size = 0;
  // Checked again by the open itself: a file may have become a link since
  // the listing (serve reads price lists again on each change).
  ReadInside read = ReadFileInside(site, shown, &text, &err, UINTMAX_MAX, &size);
  if (read != ReadInside::kRead) {
    if (read == ReadInside::kOutside)
      diags.Error({shown, 0, 0}, "symbolic link points outside the site folder", {}, 1, "path-escape");
    else
      diags.Error({shown, 0, 0}, "cannot read file");
    if (cached) *cached = ParseCache::File();
    return kFailed;
  }
  if (cached && !cached->text.empty() && cached->text == text) {
    *out = cached->inputs;
    for (const Diagnostic& d : cached->diags) diags.Add(d);
    return kCached;
  }
  Diagnostics local;
  ParsePricingFile(shown, text, out, local, shelf);
  if (cached) *cached = {std::move(text), *out, local.Sorted()};
  diags.Merge(local);
  return kParsed;
}

// Orders '/'-separated relative paths as std::filesystem::path orders them:
// part by part, each part bytewise ("a/x" before "a-b/x", though '-' < '/').
bool ComponentLess(const std::string& a, const std::string& b) {
  auto key = [](unsigned char c) { return c == '/' ? -1 : int(c); };
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return key(a[i]) < key(b[i]);
  return a.size() < b.size();
}

// The inputs of every file, joined in path order: file i's are *file(i)
// (null: none). With `slots`, file i's model is slots[i] when in_slot[i] (its
// own `models` then empty).
template <typename FileInputs>
cost::Inputs Join(size_t count, FileInputs file, std::vector<cost::ModelDef>* slots = nullptr,
                  const std::vector<char>* in_slot = nullptr) {
  cost::Inputs inputs;
  bool only_slots = slots != nullptr;
  size_t models = 0;  // reserved: growing moved each of 10,000 models about twice
  for (size_t i = 0; i < count; ++i) {
    if (const cost::Inputs* p = file(i); p && !p->models.empty()) {
      models += p->models.size();
      only_slots = false;
    }
  }
  if (only_slots) {
    // Every model is in its file's slot: the slots, closed up, are the list,
    // and no second list of every model is made beside them.
    inputs.models = std::move(*slots);
    size_t w = 0;
    for (size_t i = 0; i < inputs.models.size(); ++i)
      if ((*in_slot)[i] && w++ != i) inputs.models[w - 1] = std::move(inputs.models[i]);
    inputs.models.resize(w);
  } else {
    if (slots)
      for (char in : *in_slot) models += in ? 1 : 0;
    inputs.models.reserve(models);
  }
  for (size_t i = 0; i < count; ++i) {
    cost::Inputs* p = file(i);
    if (p) {
      for (auto& list : p->price_lists) inputs.price_lists.push_back(std::move(list));
      for (auto& rate : p->rates) inputs.rates.push_back(std::move(rate));
      for (auto& unit : p->units) inputs.units.push_back(std::move(unit));
    }
    if (!only_slots && slots && (*in_slot)[i]) inputs.models.push_back(std::move((*slots)[i]));
    if (p) {
      for (auto& model : p->models) inputs.models.push_back(std::move(model));
      for (auto& unparsed : p->unparsed) inputs.unparsed.push_back(std::move(unparsed));
    }
  }
  return inputs;
}

// How many entries of each kind `in` holds, in the order of ParseCache::joined_at.
std::array<size_t, 5> Shape(const cost::Inputs& in) {
  return {in.price_lists.size(), in.rates.size(), in.models.size(), in.units.size(), in.unparsed.size()};
}

// How many entries of each kind file `i` has in the join whose starts are `at`.
std::array<size_t, 5> Span(const std::vector<std::array<size_t, 5>>& at, size_t i) {
  std::array<size_t, 5> n;
  for (size_t k = 0; k < n.size(); ++k) n[k] = at[i + 1][k] - at[i][k];
  return n;
}

// Moves `from`'s entries over a file's in `joined`, which start at `at`.
// REQUIRES: Shape(*from) is that file's span.
void PutInPlace(cost::Inputs* from, const std::array<size_t, 5>& at, cost::Inputs* joined) {
  auto put = [](auto& src, auto& dst, size_t first) {
    for (size_t j = 0; j < src.size(); ++j) dst[first + j] = std::move(src[j]);
  };
  put(from->price_lists, joined->price_lists, at[0]);
  put(from->rates, joined->rates, at[1]);
  put(from->models, joined->models, at[2]);
  put(from->units, joined->units, at[3]);
  put(from->unparsed, joined->unparsed, at[4]);
}

// Reads a model file set aside by a build (cost::ModelAside) again from its
// text, put away in a temporary file when it was first read. Its
// diagnostics were reported then and are not again.
class SetAsideReader final : public cost::ModelReader {
 public:
  bool Read(const cost::ModelAside& aside, cost::ModelDef* out, Diagnostics& diags) const override {
    const cost::SourceText* source = aside.where.source.get();
    std::optional<std::string> text = source ? source->Text() : std::nullopt;
    bool read = false;
    if (text) {
      Diagnostics again;
      YamlFile f(source->path, *text, again);
      f.ShareSource(aside.where.source);
      f.Guard([&] {
        YamlNode root;
        if (!f.Load(&root) || !root.IsMap() || !root["model"]) return;
        ReadModelNode(f, root, "", out);
        read = out->id == aside.id;
      });
    }
    if (!read)
      cost::ReportAt(diags, aside.where, 0, aside.id.size(),
                     "model '" + aside.id + "' could not be read again from the temporary file that held its text",
                     "io");
    return read;
  }
};

}  // namespace

cost::Inputs ReadPricing(const std::filesystem::path& dir, Diagnostics& diags, int threads, ParseCache* cache,
                         bool put_texts_away) {
  namespace fs = std::filesystem;
  if (cache) cache->joined.reset();
  cost::Inputs inputs;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (cache) *cache = ParseCache();
    return inputs;
  }
  // Shown relative to the site: "pricing/models/a.yaml". The site is the
  // folder holding pricing/, and nothing outside it is read (InsideRoot).
  const fs::path base = dir.filename().empty() ? dir.parent_path() : dir;
  const fs::path site = base.has_parent_path() ? base.parent_path() : fs::path(".");
  std::vector<std::string> escaped;
  // Held as the strings ListFiles gives, not as paths: a path keeps each of
  // its parts as a path of its own, about 550 bytes a file, and a site with
  // a model per report has tens of thousands of files.
  std::vector<std::string> shown;
  for (std::string& rel : ListFiles(dir, site, &escaped)) {
    std::string ext = fs::path(rel).extension().string();
    if (ext == ".yaml" || ext == ".yml") shown.push_back(std::move(rel));
  }
  for (const std::string& e : escaped)
    diags.Error({(base.filename() / e).generic_string(), 0, 0}, "symbolic link points outside the site folder",
                {}, 1, "path-escape");
  std::sort(shown.begin(), shown.end(), ComponentLess);  // in the order of paths, part by part
  for (std::string& s : shown) s = (base.filename() / s).generic_string();
  const size_t file_count = shown.size();
  // The cache's entries are made here, before the threads start, so that
  // each thread then touches only its own; files that are gone are dropped.
  std::vector<ParseCache::File*> cached(file_count, nullptr);
  if (cache) {
    std::map<std::string, ParseCache::File> kept;
    for (const std::string& path : shown) {
      auto old = cache->files.find(path);
      kept.emplace(path, old == cache->files.end() ? ParseCache::File() : std::move(old->second));
    }
    cache->files = std::move(kept);
    for (size_t i = 0; i < file_count; ++i) cached[i] = &cache->files.at(shown[i]);
  }
  // Each file is parsed on its own into a slot, and the slots are joined in
  // path order, so the inputs do not depend on the number of threads.
  // A model file's model is moved to its slot as soon as it is read: held in
  // a list of its own per file, every model was held twice while they were
  // joined (about 450 bytes a model, 22 MB at 50,000).
  // Only a file that holds more than one model, or anything else, keeps its
  // inputs beside the slots: an empty cost::Inputs per file was 120 bytes a
  // model, held through the parse.
  std::vector<std::unique_ptr<cost::Inputs>> parsed(file_count);
  // A build sets each model aside once read (cost::ModelAside), unless a
  // model must be held (cost::MaySetAside): then every model is. Its slots
  // are made only then (an empty definition each was 25 MB at 100,000
  // models); until then a model that must be held waits in `held`.
  const bool may_set_aside = put_texts_away && !cache;
  std::vector<cost::ModelDef> slots(may_set_aside ? 0 : file_count);
  std::vector<std::unique_ptr<cost::ModelDef>> held(may_set_aside ? file_count : 0);
  std::vector<char> in_slot(file_count, 0);
  std::vector<cost::ModelAside> aside(may_set_aside ? file_count : 0);
  std::vector<char> is_aside(aside.size(), 0);
  std::atomic<size_t> parsed_count{0};
  std::vector<char> was_parsed(file_count, 0);
  std::atomic<bool> failed{false};
  // A shelf per thread (a shelf is filled by one thread), each flushed as
  // it is let go, once every file is read.
  std::vector<std::unique_ptr<TextShelf>> shelves(put_texts_away ? static_cast<size_t>(ThreadCount(threads)) : 0);
  for (auto& shelf : shelves) shelf = std::make_unique<TextShelf>();
  ParallelFor(file_count, ThreadCount(threads), [&](size_t i, int worker) {
    TextShelf* shelf = shelves.empty() ? nullptr : shelves[static_cast<size_t>(worker)].get();
    cost::Inputs one;
    ReadResult r = ReadOne(site, shown[i], cached[i], &one, diags, shelf);
    if (one.models.size() == 1) {
      if (may_set_aside && cost::MaySetAside(one.models[0])) {
        aside[i] = cost::SetAside(one.models[0]);
        is_aside[i] = 1;
      } else if (may_set_aside) {
        held[i] = std::make_unique<cost::ModelDef>(std::move(one.models[0]));
        in_slot[i] = 1;
      } else {
        slots[i] = std::move(one.models[0]);
        in_slot[i] = 1;
      }
      one.models = {};
    }
    if (Shape(one) != std::array<size_t, 5>{}) parsed[i] = std::make_unique<cost::Inputs>(std::move(one));
    if (r == kParsed) ++parsed_count, was_parsed[i] = 1;
    if (r == kFailed) failed = true;
  });
  shelves.clear();
  auto reader = std::make_shared<SetAsideReader>();
  const bool all_aside =
      std::find(in_slot.begin(), in_slot.end(), 1) == in_slot.end() &&
      std::none_of(parsed.begin(), parsed.end(), [](const auto& p) { return p && !p->models.empty(); });
  if (may_set_aside && !all_aside) {
    // A model that must be held: those set aside are read again into their
    // slots (their texts are written out now), and none is aside.
    slots.resize(file_count);
    ParallelFor(aside.size(), ThreadCount(threads), [&](size_t i, int) {
      if (held[i]) slots[i] = std::move(*held[i]);
      held[i].reset();
      if (is_aside[i]) in_slot[i] = reader->Read(aside[i], &slots[i], diags) ? 1 : 0;
    });
    std::vector<cost::ModelAside>().swap(aside);
  }
  if (cache) {
    cache->parsed = parsed_count;
    cache->changed.clear();
    for (size_t i = 0; i < file_count; ++i)
      if (was_parsed[i]) cache->changed.insert(shown[i]);
    cache->order = shown;
    cache->index.clear();
    for (size_t i = 0; i < shown.size(); ++i) cache->index.emplace(shown[i], i);
    cache->complete = escaped.empty() && !failed;  // a file not read has nothing cached
  }
  cost::Inputs inputs_read =
      Join(file_count, [&](size_t i) { return parsed[i].get(); }, slots.empty() ? nullptr : &slots, &in_slot);
  if (!aside.empty() && std::find(is_aside.begin(), is_aside.end(), 1) != is_aside.end()) {
    size_t w = 0;
    for (size_t i = 0; i < aside.size(); ++i)
      if (is_aside[i] && w++ != i) aside[w - 1] = std::move(aside[i]);
    aside.resize(w);
    aside.shrink_to_fit();
    inputs_read.aside = std::move(aside);
    inputs_read.reader = std::move(reader);
  }
  return inputs_read;
}

bool ReadPricingChanged(const std::filesystem::path& dir, const std::vector<std::string>& changed,
                        Diagnostics& diags, int threads, ParseCache* cache, cost::Inputs* out) {
  namespace fs = std::filesystem;
  if (!cache->complete) return false;
  const fs::path base = dir.filename().empty() ? dir.parent_path() : dir;
  const fs::path site = base.has_parent_path() ? base.parent_path() : fs::path(".");
  // Only files the cache holds and that are still there: a file added or
  // removed, or a folder, changes the listing, which only ReadPricing makes.
  std::vector<size_t> named;
  std::set<std::string> seen;
  for (const std::string& path : changed) {
    const std::string ext = fs::path(path).extension().string();
    if (!path.empty() && path.back() == '/') return false;
    if (ext != ".yaml" && ext != ".yml") continue;  // not read by ReadPricing either
    auto at = cache->index.find(path);
    std::error_code ec;
    if (at == cache->index.end() || !fs::is_regular_file(site / path, ec)) return false;
    if (seen.insert(path).second) named.push_back(at->second);
  }
  std::vector<cost::Inputs> parsed(cache->order.size());
  std::vector<char> was_parsed(named.size(), 0), failed(named.size(), 0);
  ParallelFor(named.size(), ThreadCount(threads), [&](size_t k, int) {
    const std::string& shown = cache->order[named[k]];
    ReadResult r = ReadOne(site, shown, &cache->files.at(shown), &parsed[named[k]], diags);
    was_parsed[k] = r == kParsed;
    failed[k] = r == kFailed;
  });
  // Every other file's inputs and diagnostics are the cache's: its text was
  // not written since it was read (the watcher would have named it). When
  // the join made ahead is there and each named file has as many entries of
  // each kind as before (a price changed), the new entries are put in its
  // place; else the others' inputs are copied (on every thread: 10,000
  // models) and joined.
  std::optional<cost::Inputs> joined = std::move(cache->joined);
  cache->joined.reset();
  const auto& at = cache->joined_at;
  const bool in_place = joined && at.size() == cache->order.size() + 1 &&
                        std::all_of(named.begin(), named.end(), [&](size_t i) { return Shape(parsed[i]) == Span(at, i); });
  std::vector<char> read(cache->order.size(), 0);
  for (size_t i : named) read[i] = 1;
  std::vector<const ParseCache::File*> kept(cache->order.size(), nullptr);
  for (size_t i = 0; i < cache->order.size(); ++i)
    if (!read[i]) kept[i] = &cache->files.at(cache->order[i]);
  if (!in_place)
    ParallelFor(kept.size(), ThreadCount(threads), [&](size_t i, int) {
      if (kept[i]) parsed[i] = kept[i]->inputs;
    });
  for (const ParseCache::File* f : kept)
    if (f)
      for (const Diagnostic& d : f->diags) diags.Add(d);
  cache->parsed = 0;
  cache->changed.clear();
  for (size_t k = 0; k < named.size(); ++k) {
    if (was_parsed[k]) ++cache->parsed, cache->changed.insert(cache->order[named[k]]);
    if (failed[k]) cache->complete = false;
  }
  if (!in_place) {
    *out = Join(parsed.size(), [&](size_t i) { return &parsed[i]; });
    return true;
  }
  for (size_t i : named) PutInPlace(&parsed[i], at[i], &*joined);
  *out = std::move(*joined);
  return true;
}

void PrepareJoined(ParseCache* cache, int threads) {
  cache->joined.reset();
  cache->joined_at.clear();
  if (!cache->complete) return;
  std::vector<cost::Inputs> copies(cache->order.size());
  ParallelFor(copies.size(), ThreadCount(threads),
              [&](size_t i, int) { copies[i] = cache->files.at(cache->order[i]).inputs; });
  std::array<size_t, 5> next{};
  for (const cost::Inputs& c : copies) {
    cache->joined_at.push_back(next);
    const std::array<size_t, 5> n = Shape(c);
    for (size_t k = 0; k < next.size(); ++k) next[k] += n[k];
  }
  cache->joined_at.push_back(next);
  cache->joined = Join(copies.size(), [&](size_t i) { return &copies[i]; });
}

cost::Evaluation LoadPricing(const std::filesystem::path& dir, const Options& options,
                             Diagnostics& diags, int threads, ParseCache* cache) {
  Diagnostics parse;
  cost::Inputs inputs = ReadPricing(dir, parse, threads, cache);
  diags.Merge(parse);
  return cost::Evaluate(std::move(inputs), options, diags, ThreadCount(threads));
}

}  // namespace costsite::pricing
