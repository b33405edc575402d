// A YAML document as a tree of nodes with their positions, read with libyaml.
//
// Pricing files are most of what a large site parses before it can render
// (one model per report), and yaml-cpp took about 0.4 million instructions
// for a ten-line model; libyaml's event parser takes a tenth of that. The
// tree keeps what the pricing readers ask of a node: its kind, a scalar's
// text and whether it was plain, a map's entries in order (duplicates kept,
// for CheckKeys to report) and a 0-based mark. Where libyaml rejects a text,
// yaml-cpp reads it instead, so syntax errors are worded as in every other
// YAML file of a site (front matter, site.yaml, theme strings).
#ifndef COSTSITE_PRICING_YAML_DOC_H_
#define COSTSITE_PRICING_YAML_DOC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace costsite::pricing {

/// 0-based line and column of a node's first character; -1 if unknown.
struct YamlMark {
  int line = -1, column = -1;
};

class YamlDoc;
struct YamlItem;

/// A node of a YamlDoc, by reference: valid while its document lives. A
/// default-constructed node is undefined, as is a missing key's value.
class YamlNode {
 public:
  enum class Kind : uint8_t { kNull, kScalar, kSequence, kMap };

  YamlNode() = default;
  bool IsDefined() const { return doc_ != nullptr; }
  explicit operator bool() const { return IsDefined(); }
  bool IsNull() const { return Is(Kind::kNull); }
  bool IsScalar() const { return Is(Kind::kScalar); }
  bool IsSequence() const { return Is(Kind::kSequence); }
  bool IsMap() const { return Is(Kind::kMap); }
  /// A scalar's text; "" for other nodes.
  const std::string& Scalar() const;
  /// True for a scalar written without quotes, block indicator or tag.
  bool IsPlain() const;
  YamlMark Mark() const;
  /// Items of a sequence, entries of a map; 0 otherwise.
  size_t size() const;
  /// The value of the first entry whose key is the scalar `key`; undefined
  /// if there is none or this is not a map.
  YamlNode operator[](std::string_view key) const;

  /// Iterates a sequence's items or a map's entries (`first` key, `second`
  /// value); nothing for other nodes.
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class YamlDoc;
  YamlNode(const YamlDoc* doc, uint32_t id) : doc_(doc), id_(id) {}
  bool Is(Kind k) const;

  const YamlDoc* doc_ = nullptr;
  uint32_t id_ = 0;
};

/// What iterating a node yields: a sequence's item as the node itself, a
/// map's entry as `first` and `second` (the node itself is then the value).
struct YamlItem : YamlNode {
  YamlNode first, second;
};

class YamlNode::Iterator {
 public:
  YamlItem operator*() const;
  Iterator& operator++() {
    ++at_;
    return *this;
  }
  bool operator!=(const Iterator& o) const { return at_ != o.at_; }

 private:
  friend class YamlNode;
  Iterator(YamlNode node, uint32_t at) : node_(node), at_(at) {}
  YamlNode node_;
  uint32_t at_;
};

/// A parsed document. Move-only; nodes refer to it.
class YamlDoc {
 public:
  /// Where and why a text is not YAML: 0-based mark, yaml-cpp's wording.
  struct Error {
    YamlMark mark;
    std::string message;
    bool refused = false;  // YAML, but past the limits below
  };

  /// Parses the first document of `text` (an empty text is one null node).
  /// False, with `*error` set, if it is not YAML, nests lists and maps more
  /// than 64 deep, or its aliases expand it past 4 times its size (plus
  /// 64 KiB; docs/pricing.md).
  static bool Parse(std::string_view text, YamlDoc* doc, Error* error);
  /// Parses with libyaml only; false if libyaml rejects the text (or it uses
  /// an anchor that is not defined). Parse's fast path, public for tests.
  static bool ParseWithLibyaml(std::string_view text, YamlDoc* doc);
  /// Copies a yaml-cpp tree (a null node if its aliases expand it past
  /// 64 MiB, or it is a cycle). Parse's fallback, public for tests.
  static YamlDoc FromYamlCpp(const YAML::Node& root);

  YamlDoc() = default;
  YamlDoc(YamlDoc&&) = default;
  YamlDoc& operator=(YamlDoc&&) = default;
  YamlDoc(const YamlDoc&) = delete;
  YamlDoc& operator=(const YamlDoc&) = delete;

  /// The document's root; undefined before a successful parse.
  YamlNode Root() const { return nodes_.empty() ? YamlNode() : YamlNode(this, 0); }

 private:
  friend class YamlNode;
  friend class YamlDocBuilder;
  // Copies `root` into `*doc`; false (and `*doc` empty) past `budget`.
  static bool CopyWithin(const YAML::Node& root, uint64_t budget, YamlDoc* doc);
  struct Entry {
    YamlNode::Kind kind = YamlNode::Kind::kNull;
    bool plain = false;
    YamlMark mark;
    uint32_t first = 0, count = 0;  // children in `children_`; a map's are key, value, key, value, …
    std::string scalar;
  };
  std::vector<Entry> nodes_;
  std::vector<uint32_t> children_;
};

}  // namespace costsite::pricing

#endif  // COSTSITE_PRICING_YAML_DOC_H_
