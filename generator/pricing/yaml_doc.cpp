#include "pricing/yaml_doc.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include <yaml.h>
#include <yaml-cpp/yaml.h>

namespace costsite::pricing {

namespace {

// What yaml-cpp reads as null: a plain, untagged scalar spelled so (or empty).
bool IsNullSpelling(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Above this many nodes a copied yaml-cpp tree is refused: its aliases share
// nodes, which a copy would repeat (a "billion laughs" text, or a cycle).
constexpr size_t kMaxCopiedNodes = 1 << 20;

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
    AddToParent(id);
    if (kind == YamlNode::Kind::kSequence || kind == YamlNode::Kind::kMap) open_.push_back({id, {}});
    return id;
  }

  uint32_t Scalar(std::string_view text, bool plain, bool untagged, YamlMark mark) {
    bool null = plain && untagged && IsNullSpelling(text);
    uint32_t id = Start(null ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar, mark);
    YamlDoc::Entry& e = doc_->nodes_[id];
    e.plain = plain && untagged;
    if (!null) e.scalar.assign(text);
    return id;
  }

  // An alias: the anchored node again, as yaml-cpp shares it.
  void Reuse(uint32_t id) { AddToParent(id); }

  uint32_t End() {
    Open& o = open_.back();
    YamlDoc::Entry& e = doc_->nodes_[o.id];
    e.first = static_cast<uint32_t>(doc_->children_.size());
    e.count = static_cast<uint32_t>(o.children.size());
    doc_->children_.insert(doc_->children_.end(), o.children.begin(), o.children.end());
    uint32_t id = o.id;
    open_.pop_back();
    return id;
  }

  bool Balanced() const { return open_.empty(); }

 private:
  struct Open {
    uint32_t id;
    std::vector<uint32_t> children;
  };

  void AddToParent(uint32_t id) {
    if (!open_.empty()) open_.back().children.push_back(id);
  }

  YamlDoc* doc_;
  std::vector<Open> open_;
};

namespace {

// libyaml counts columns in characters, yaml-cpp (and diagnostics) in
// bytes: the line's first `column` characters are walked to their bytes.
class ByteColumns {
 public:
  explicit ByteColumns(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
      starts_.push_back(i + 1);
    // libyaml skips a byte order mark without counting it.
    bom_ = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  }

  YamlMark Of(const yaml_mark_t& m) const {
    if (m.line >= starts_.size()) return {static_cast<int>(m.line), static_cast<int>(m.column)};
    size_t at = starts_[m.line] + (m.line == 0 ? bom_ : 0);
    for (size_t c = 0; c < m.column && at < text_.size() && text_[at] != '\n'; ++c) {
      unsigned char b = static_cast<unsigned char>(text_[at]);
      at += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    }
    return {static_cast<int>(m.line), static_cast<int>(std::min(at, text_.size()) - starts_[m.line])};
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  size_t bom_ = 0;
};

std::string AnchorName(const yaml_char_t* a) { return a ? reinterpret_cast<const char*>(a) : ""; }

// Copies one yaml-cpp node and what is below it; false past kMaxCopiedNodes.
bool Copy(const YAML::Node& node, YamlDocBuilder* b, size_t* budget) {
  if ((*budget)-- == 0) return false;
  YAML::Mark m = node.Mark();
  YamlMark mark{m.line, m.column};
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      b->Scalar(node.Scalar(), node.Tag() == "?", true, mark);
      return true;
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

}  // namespace

bool YamlDoc::ParseWithLibyaml(std::string_view text, YamlDoc* doc) {
  *doc = YamlDoc();
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return false;
  std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&parser, yaml_parser_delete);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  YamlDocBuilder b(doc);
  ByteColumns columns(text);
  std::unordered_map<std::string, uint32_t> anchors;
  // Anchors are named when their node is complete: an alias inside its own
  // anchor's node (a cycle) is then unknown here, and left to yaml-cpp.
  std::vector<std::string> pending;  // per open collection: its anchor
  bool ok = true, done = false;
  while (ok && !done) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) return false;
    switch (ev.type) {
      case YAML_DOCUMENT_END_EVENT:
      case YAML_STREAM_END_EVENT:
        done = true;  // yaml-cpp's Load reads the first document only
        break;
      case YAML_SCALAR_EVENT: {
        const auto& s = ev.data.scalar;
        uint32_t id = b.Scalar(std::string_view(reinterpret_cast<const char*>(s.value), s.length),
                               s.style == YAML_PLAIN_SCALAR_STYLE, s.plain_implicit != 0, columns.Of(ev.start_mark));
        if (s.anchor) anchors[AnchorName(s.anchor)] = id;
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        b.Start(YamlNode::Kind::kSequence, columns.Of(ev.start_mark));
        pending.push_back(AnchorName(ev.data.sequence_start.anchor));
        break;
      case YAML_MAPPING_START_EVENT:
        b.Start(YamlNode::Kind::kMap, columns.Of(ev.start_mark));
        pending.push_back(AnchorName(ev.data.mapping_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        uint32_t id = b.End();
        if (!pending.back().empty()) anchors[pending.back()] = id;
        pending.pop_back();
        break;
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors.find(AnchorName(ev.data.alias.anchor));
        if (it == anchors.end()) ok = false;
        else b.Reuse(it->second);
        break;
      }
      default:
        break;
    }
    yaml_event_delete(&ev);
  }
  if (!ok || !b.Balanced()) return false;
  if (doc->nodes_.empty()) doc->nodes_.emplace_back();  // an empty text: one null node, as yaml-cpp
  return true;
}

YamlDoc YamlDoc::FromYamlCpp(const YAML::Node& root) {
  YamlDoc doc;
  YamlDocBuilder b(&doc);
  size_t budget = kMaxCopiedNodes;
  if (!Copy(root, &b, &budget)) {
    YamlDoc refused;
    refused.nodes_.emplace_back();
    return refused;
  }
  return doc;
}

bool YamlDoc::Parse(std::string_view text, YamlDoc* doc, Error* error) {
  if (ParseWithLibyaml(text, doc)) return true;
  try {
    YAML::Node root = YAML::Load(std::string(text));
    *doc = FromYamlCpp(root);
    return true;
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
