// Reading YAML nodes into cost inputs with positions: 1-based line and
// column from the nodes' marks, the column moved past an opening quote, and
// unknown keys reported. Internal to the pricing stage.
#ifndef COSTSITE_PRICING_YAML_READ_H_
#define COSTSITE_PRICING_YAML_READ_H_

#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/line_index.h"
#include "base/localized.h"
#include "cost/inputs.h"
#include "pricing/yaml_doc.h"

namespace costsite::pricing {

/// One YAML text being read: its path, text and line offset (for Markdown blocks).
class YamlFile {
 public:
  YamlFile(std::string path, std::string_view text, Diagnostics& diags, int first_line = 1)
      : path_(std::move(path)), text_(text), diags_(diags), first_line_(first_line), lines_(text) {}

  /// Where `node` starts: the first character of a scalar's content.
  SourcePos Pos(const YamlNode& node);
  /// A scalar as cost::Located; reports and returns empty if `node` is not a scalar.
  cost::Located Text(const YamlNode& node, std::string_view what);
  /// `text` as written at `pos` of this file.
  cost::Located At(const SourcePos& pos, std::string text);
  /// A scalar's text; "" (reported) if not a scalar.
  std::string Scalar(const YamlNode& node, std::string_view what);
  /// A YYYY-MM-DD scalar; "" (reported) otherwise.
  std::string Date(const YamlNode& node);
  /// A string, or a map of language -> string; interned (LocalizedText::Intern)
  /// unless `intern` is false, for a text written once (a model's title).
  LocalizedText Localized(const YamlNode& node, std::string_view what, bool intern = true);
  bool Bool(const YamlNode& node, std::string_view what);
  /// An id of `[a-z0-9_]` words joined by '.' or '-' (`dotted`), else one
  /// word; an empty one is reported.
  std::string Id(const YamlNode& node, std::string_view what, bool dotted);
  /// True if `node` is a map; otherwise reports "expected a map for WHAT".
  bool ExpectMap(const YamlNode& node, std::string_view what);
  bool ExpectList(const YamlNode& node, std::string_view what);
  /// Reports keys of map `node` not in `allowed` (empty: any key), and
  /// repeated keys ("duplicate key 'a' in WHAT"); false when a key repeats.
  bool CheckKeys(const YamlNode& node, std::initializer_list<std::string_view> allowed,
                 std::string_view what);
  /// Calls `fn(key, value)` for each entry of map `node`, a map of names
  /// (`items:`, `params:`, …), whose name is given and not written before
  /// it: an empty name and a repeated one are reported once, here ("… in
  /// WHAT"), and their entries left out (not reported again as a duplicate
  /// item, say, or taken as an item without a name).
  template <typename Fn>
  void ForEachNamed(const YamlNode& node, std::string_view what, Fn fn) {
    const bool distinct = CheckKeys(node, {}, what);
    std::set<std::string, std::less<>> seen;
    for (const auto& kv : node) {
      if (kv.first.IsScalar() && kv.first.Scalar().empty()) {
        Error(kv.first, "an entry of " + std::string(what) + " without a name", "missing-key");
        continue;
      }
      if (!distinct && !seen.insert(kv.first.IsScalar() ? kv.first.Scalar() : std::string()).second) continue;
      fn(kv.first, kv.second);
    }
  }
  void Error(const YamlNode& node, std::string message, std::string code);
  void Error(const SourcePos& pos, std::string message, std::string code, int span = 1);
  /// Parses the text into this file's document; false after reporting a
  /// syntax error. `*root` is valid while this YamlFile lives.
  bool Load(YamlNode* root);
  /// Runs `body`, turning any exception that escapes it into a diagnostic.
  void Guard(const std::function<void()>& body);

  /// Makes the values read share `source` (the same text, read before and
  /// put away) rather than a copy of this text.
  void ShareSource(cost::SourceRef source) {
    source_ = std::move(source);
    own_source_ = nullptr;
  }

  /// Puts the text the values read share away (cost::SourceText::PutAway),
  /// keeping the line of `keep` when it was read from it.
  void PutTextAway(TextShelf* shelf, const cost::Located& keep);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  /// Line `line` (1-based, of this text) without its end, as LineOf gives
  /// it, from an index of the lines: LineOf walks from the start, so a call
  /// per node was quadratic in a file's lines.
  std::string_view Line(int line) { return lines_.Line(line); }

 private:
  std::string path_;
  std::string_view text_;
  Diagnostics& diags_;
  int first_line_;
  YamlDoc doc_;
  LineIndex lines_;
  // Made at the first Text(), shared by every value read; `own_source_` is
  // the same text, which this reader may put away.
  cost::SourceRef source_;
  cost::SourceText* own_source_ = nullptr;
};

/// Readers of one kind of pricing file from its parsed root map.
void ReadPriceListNode(YamlFile& f, const YamlNode& root, cost::PriceList* out);
void ReadRatesNode(YamlFile& f, const YamlNode& root, std::vector<cost::Rate>* out);
void ReadUnitsNode(YamlFile& f, const YamlNode& root, std::vector<cost::UnitDecl>* out);
/// `inline_id` non-empty: a model of a Markdown page, without `model:`.
void ReadModelNode(YamlFile& f, const YamlNode& root, const std::string& inline_id,
                   cost::ModelDef* out);

}  // namespace costsite::pricing

#endif  // COSTSITE_PRICING_YAML_READ_H_
