// A per-thread arena for cmark-gfm's allocations while one page is parsed,
// changed and rendered. cmark callocs every node and buffer (about 650 per
// page of the benchmark) and frees each again; jemalloc's calloc, realloc and
// free were a twentieth of a build. Here an allocation is a bump of a
// pointer and a free does nothing; the scope's end drops it all at once.
// cmark_mem carries no context, so the arena is found through a thread-local.
// Internal to the markdown stage.
#ifndef COSTSITE_MARKDOWN_ARENA_H_
#define COSTSITE_MARKDOWN_ARENA_H_

#include <cmark-gfm.h>

#include <cstddef>

namespace costsite::markdown {

/// While it lives, ArenaScope::mem() allocates from this thread's arena; at
/// its end everything allocated since it began is released. Scopes nest.
/// REQUIRES: nothing allocated in the scope is used after it ends (results
/// are copied out), and its memory is used on this thread only.
class ArenaScope {
 public:
  ArenaScope();
  ~ArenaScope();
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

  /// The allocator to give cmark (cmark_parser_new_with_mem).
  static cmark_mem* mem();
  /// The allocator for a node made now: this thread's arena inside a scope
  /// (the tree being worked on lives there), else cmark's default.
  static cmark_mem* Current();

 private:
  size_t chunk_, used_;  // where the arena stood when the scope began
};

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_ARENA_H_
