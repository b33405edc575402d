// RAII and small helpers around cmark-gfm's C API, shared by this stage.
#ifndef COSTSITE_MARKDOWN_CMARK_UTIL_H_
#define COSTSITE_MARKDOWN_CMARK_UTIL_H_

#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

#include "markdown/arena.h"

namespace costsite::markdown {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

/// A new node, from the allocator of the tree being worked on (see arena.h).
inline cmark_node* NewNode(cmark_node_type type) { return cmark_node_new_with_mem(type, ArenaScope::Current()); }

/// The literal of a text-bearing node, or "".
inline std::string Literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? std::string(s) : std::string();
}

/// The visible text of an HTML fragment: tags and comments dropped, basic
/// entities decoded.
std::string VisibleText(std::string_view html);

/// Concatenated text of all text and code descendants of `n`, including the
/// visible text of inline HTML (figures).
std::string TextOf(cmark_node* n);

/// Replaces `n` by a raw-HTML custom node (block or inline to match `n`)
/// holding `html`, and frees `n`. Returns the new node.
cmark_node* ReplaceWithHtml(cmark_node* n, const std::string& html);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_CMARK_UTIL_H_
