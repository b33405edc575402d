#include "pricing/yaml_doc.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include <yaml.h>
#include <yaml-cpp/yaml.h>

#include "base/yaml_errors.h"

namespace costsite::pricing {

namespace {

// What yaml-cpp reads as null: a plain, untagged scalar spelled so (or empty).
bool IsNullSpelling(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// The limits of docs/pricing.md. The tree shares an alias's node, but every
// reader copies what it reads, so a text that repeats a large node through
// aliases ("billion laughs") would cost memory far beyond its size: the size
// of the document with its aliases followed is bounded by the text's. A node
// weighs one byte plus its scalar's; without aliases a document weighs no
// more than its text.
constexpr uint64_t kExpansionFactor = 4;
constexpr uint64_t kExpansionSlack = 64 * 1024;
// Deeper collections are refused: no pricing file needs more than a few
// levels, and an error is cheaper than reading 200,000 of them.
constexpr size_t kMaxDepth = 64;

// FromYamlCpp has no text to measure; a cycle still ends.
constexpr uint64_t kMaxTestCopy = uint64_t{1} << 26;

uint64_t ExpansionBudget(size_t text_size) { return kExpansionFactor * text_size + kExpansionSlack; }

std::string ExpansionMessage(std::string_view alias) {
  return "alias" + (alias.empty() ? std::string() : " *" + std::string(alias)) +
         " expands the document past " + std::to_string(kExpansionFactor) +
         " times the file's size (plus 64 KiB); write the repeated text out or repeat it less";
}

std::string DepthMessage() {
  return "lists and maps nested more than " + std::to_string(kMaxDepth) + " levels deep";
}

}  // namespace

// Builds a YamlDoc from parse events: a node's number is taken when it
// starts (so the root is node 0), its children are collected on a stack and
// stored, contiguous, when it ends.
class YamlDocBuilder {
 public:
  explicit YamlDocBuilder(YamlDoc* doc) : doc_(doc) {}

  uint32_t Start(YamlNode::Kind kind, YamlMark mark) {
    uint32_t id = static_cast<uint32_t>(doc_->nodes_.size());
    YamlDoc::Entry& e = doc_->nodes_.emplace_back();
    e.kind = kind;
    e.mark = mark;
    weights_.push_back(1);
    AddToParent(id, 1);
    if (kind == YamlNode::Kind::kSequence || kind == YamlNode::Kind::kMap) open_.push_back({id, {}});
    return id;
  }

  uint32_t Scalar(std::string_view text, bool plain, bool untagged, YamlMark mark) {
    bool null = plain && untagged && IsNullSpelling(text);
    uint32_t id = Start(null ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar, mark);
    YamlDoc::Entry& e = doc_->nodes_[id];
    e.plain = plain && untagged;
    if (!null) {
      e.scalar.assign(text);
      weights_[id] += text.size();  // a scalar has no children to add at its end
      AddWeight(text.size());
    }
    return id;
  }

  // An alias: the anchored node again, as yaml-cpp shares it; it weighs
  // what the node weighs.
  void Reuse(uint32_t id) { AddToParent(id, weights_[id]); }

  uint32_t End() {
    Open& o = open_.back();
    YamlDoc::Entry& e = doc_->nodes_[o.id];
    e.first = static_cast<uint32_t>(doc_->children_.size());
    e.count = static_cast<uint32_t>(o.children.size());
    doc_->children_.insert(doc_->children_.end(), o.children.begin(), o.children.end());
    for (uint32_t child : o.children) weights_[o.id] = Saturating(weights_[o.id], weights_[child]);
    uint32_t id = o.id;
    open_.pop_back();
    return id;
  }

  bool Balanced() const { return open_.empty(); }
  /// Collections open at this point.
  size_t depth() const { return open_.size(); }
  /// The weight of the document so far, its aliases followed.
  uint64_t weight() const { return weight_; }

 private:
  struct Open {
    uint32_t id;
    std::vector<uint32_t> children;
  };

  // Adds node `id`, of weight `w`, to the open collection (which adds up
  // its children's weights when it ends).
  void AddToParent(uint32_t id, uint64_t w) {
    if (!open_.empty()) open_.back().children.push_back(id);
    AddWeight(w);
  }

  // Saturates, so a billion laughs cannot wrap around.
  void AddWeight(uint64_t w) { weight_ = Saturating(weight_, w); }

  static uint64_t Saturating(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

  YamlDoc* doc_;
  std::vector<Open> open_;
  std::vector<uint64_t> weights_;  // per node, its aliases followed
  uint64_t weight_ = 0;
};

namespace {

// libyaml counts columns in characters, yaml-cpp (and diagnostics) in
// bytes: the line's first `column` characters are walked to their bytes.
// Events come in text order, so the walk goes on from the last mark of the
// same line; starting each from the line's start was quadratic in a long
// line (a flow collection of many nodes written on one line).
class ByteColumns {
 public:
  explicit ByteColumns(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
      starts_.push_back(i + 1);
    // libyaml skips a byte order mark without counting it.
    bom_ = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  }

  YamlMark Of(const yaml_mark_t& m) {
    if (m.line >= starts_.size()) return {static_cast<int>(m.line), static_cast<int>(m.column)};
    if (m.line != line_ || m.column < column_) {
      line_ = m.line;
      column_ = 0;
      at_ = starts_[m.line] + (m.line == 0 ? bom_ : 0);
    }
    for (; column_ < m.column && at_ < text_.size() && text_[at_] != '\n'; ++column_) {
      unsigned char b = static_cast<unsigned char>(text_[at_]);
      at_ += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    }
    return {static_cast<int>(m.line), static_cast<int>(std::min(at_, text_.size()) - starts_[m.line])};
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  size_t bom_ = 0;
  size_t line_ = SIZE_MAX, column_ = 0, at_ = 0;  // where the last walk ended (none yet)
};

std::string AnchorName(const yaml_char_t* a) { return a ? reinterpret_cast<const char*>(a) : ""; }

// Copies one yaml-cpp node and what is below it; false once the copy
// weighs more than `*budget` (a node weighs as in YamlDocBuilder).
bool Copy(const YAML::Node& node, YamlDocBuilder* b, uint64_t budget) {
  if (b->weight() > budget) return false;
  YAML::Mark m = node.Mark();
  YamlMark mark{m.line, m.column};
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      b->Scalar(node.Scalar(), node.Tag() == "?", true, mark);
      return b->weight() <= budget;
    case YAML::NodeType::Sequence:
      b->Start(YamlNode::Kind::kSequence, mark);
      for (const auto& item : node)
        if (!Copy(item, b, budget)) return false;
      b->End();
      return true;
    case YAML::NodeType::Map:
      b->Start(YamlNode::Kind::kMap, mark);
      for (const auto& kv : node)
        if (!Copy(kv.first, b, budget) || !Copy(kv.second, b, budget)) return false;
      b->End();
      return true;
    default:
      b->Start(YamlNode::Kind::kNull, mark);
      return true;
  }
}

enum class Outcome { kParsed, kRejected, kRefused };

// Parses with libyaml: kRejected if libyaml rejects the text (or it uses an
// anchor that is not defined), kRefused with `*error` set if it is past the
// limits above.
Outcome ParseEvents(std::string_view text, YamlDocBuilder* b, YamlDoc::Error* error) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return Outcome::kRejected;
  std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&parser, yaml_parser_delete);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  ByteColumns columns(text);
  const uint64_t budget = ExpansionBudget(text.size());
  std::unordered_map<std::string, uint32_t> anchors;
  // Anchors are named when their node is complete: an alias inside its own
  // anchor's node (a cycle) is then unknown here, and left to yaml-cpp.
  std::vector<std::string> pending;  // per open collection: its anchor
  Outcome outcome = Outcome::kParsed;
  bool done = false;
  while (outcome == Outcome::kParsed && !done) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) return Outcome::kRejected;
    switch (ev.type) {
      case YAML_DOCUMENT_END_EVENT:
      case YAML_STREAM_END_EVENT:
        done = true;  // yaml-cpp's Load reads the first document only
        break;
      case YAML_SCALAR_EVENT: {
        const auto& s = ev.data.scalar;
        uint32_t id = b->Scalar(std::string_view(reinterpret_cast<const char*>(s.value), s.length),
                                s.style == YAML_PLAIN_SCALAR_STYLE, s.plain_implicit != 0, columns.Of(ev.start_mark));
        if (s.anchor) anchors[AnchorName(s.anchor)] = id;
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        YamlMark mark = columns.Of(ev.start_mark);
        if (b->depth() >= kMaxDepth) {
          *error = {mark, DepthMessage(), true};
          outcome = Outcome::kRefused;
          break;
        }
        bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
        b->Start(seq ? YamlNode::Kind::kSequence : YamlNode::Kind::kMap, mark);
        pending.push_back(AnchorName(seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor));
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        uint32_t id = b->End();
        if (!pending.back().empty()) anchors[pending.back()] = id;
        pending.pop_back();
        break;
      }
      case YAML_ALIAS_EVENT: {
        std::string name = AnchorName(ev.data.alias.anchor);
        auto it = anchors.find(name);
        if (it == anchors.end()) {
          outcome = Outcome::kRejected;
          break;
        }
        b->Reuse(it->second);
        if (b->weight() > budget) {
          *error = {columns.Of(ev.start_mark), ExpansionMessage(name), true};
          outcome = Outcome::kRefused;
        }
        break;
      }
      default:
        break;
    }
    yaml_event_delete(&ev);
  }
  if (outcome == Outcome::kParsed && !b->Balanced()) return Outcome::kRejected;
  return outcome;
}

// Parses with libyaml into `*doc`; see ParseEvents.
Outcome ParseInto(std::string_view text, YamlDoc* doc, YamlDoc::Error* error) {
  *doc = YamlDoc();
  YamlDocBuilder b(doc);
  Outcome outcome = ParseEvents(text, &b, error);
  if (outcome != Outcome::kParsed) *doc = YamlDoc();
  return outcome;
}

}  // namespace

bool YamlDoc::ParseWithLibyaml(std::string_view text, YamlDoc* doc) {
  Error ignored;
  if (ParseInto(text, doc, &ignored) != Outcome::kParsed) return false;
  if (doc->nodes_.empty()) doc->nodes_.emplace_back();  // an empty text: one null node, as yaml-cpp
  return true;
}

bool YamlDoc::CopyWithin(const YAML::Node& root, uint64_t budget, YamlDoc* doc) {
  *doc = YamlDoc();
  YamlDocBuilder b(doc);
  if (Copy(root, &b, budget)) return true;
  *doc = YamlDoc();
  return false;
}

YamlDoc YamlDoc::FromYamlCpp(const YAML::Node& root) {
  YamlDoc doc;
  if (!CopyWithin(root, kMaxTestCopy, &doc)) doc.nodes_.emplace_back();  // refused: one null node
  return doc;
}

bool YamlDoc::Parse(std::string_view text, YamlDoc* doc, Error* error) {
  switch (ParseInto(text, doc, error)) {
    case Outcome::kParsed:
      if (doc->nodes_.empty()) doc->nodes_.emplace_back();  // an empty text: one null node, as yaml-cpp
      return true;
    case Outcome::kRefused:
      return false;
    case Outcome::kRejected:
      break;
  }
  // What libyaml rejects and yaml-cpp reads anyway: a quote left open,
  // which yaml-cpp reads to the end of the text.
  if (auto quote = FindUnclosedQuote(text)) {
    *error = {{quote->line, quote->column}, "unclosed quote"};
    *doc = YamlDoc();
    return false;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (CopyWithin(root, ExpansionBudget(text.size()), doc)) return true;
    // A cycle, or aliases past the budget; yaml-cpp does not say which alias.
    *error = {{root.Mark().line, root.Mark().column}, ExpansionMessage(""), true};
  } catch (const YAML::Exception& e) {
    *error = {{e.mark.line, e.mark.column}, e.msg};
  } catch (const std::exception& e) {
    *error = {{}, e.what()};
  }
  *doc = YamlDoc();
  return false;
}

bool YamlNode::Is(Kind k) const { return doc_ && doc_->nodes_[id_].kind == k; }

const std::string& YamlNode::Scalar() const {
  static const std::string kEmpty;
  return IsScalar() ? doc_->nodes_[id_].scalar : kEmpty;
}

bool YamlNode::IsPlain() const { return IsScalar() && doc_->nodes_[id_].plain; }

YamlMark YamlNode::Mark() const { return doc_ ? doc_->nodes_[id_].mark : YamlMark(); }

size_t YamlNode::size() const {
  if (!doc_) return 0;
  const YamlDoc::Entry& e = doc_->nodes_[id_];
  return e.kind == Kind::kMap ? e.count / 2 : e.kind == Kind::kSequence ? e.count : 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  const YamlDoc::Entry& e = doc_->nodes_[id_];
  for (uint32_t i = 0; i + 1 < e.count; i += 2) {
    const YamlDoc::Entry& k = doc_->nodes_[doc_->children_[e.first + i]];
    if (k.kind == Kind::kScalar && k.scalar == key) return {doc_, doc_->children_[e.first + i + 1]};
  }
  return {};
}

YamlNode::Iterator YamlNode::begin() const { return Iterator(*this, 0); }
YamlNode::Iterator YamlNode::end() const { return Iterator(*this, static_cast<uint32_t>(size())); }

YamlItem YamlNode::Iterator::operator*() const {
  const YamlDoc* doc = node_.doc_;
  const YamlDoc::Entry& e = doc->nodes_[node_.id_];
  YamlItem item;
  if (e.kind == Kind::kMap) {
    item.first = YamlNode(doc, doc->children_[e.first + 2 * at_]);
    item.second = YamlNode(doc, doc->children_[e.first + 2 * at_ + 1]);
    static_cast<YamlNode&>(item) = item.second;
  } else {
    static_cast<YamlNode&>(item) = YamlNode(doc, doc->children_[e.first + at_]);
  }
  return item;
}

}  // namespace costsite::pricing
