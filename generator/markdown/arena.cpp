#include "markdown/arena.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

namespace costsite::markdown {
namespace {

// Each block starts with a header holding its size, so realloc knows how
// much to copy; blocks are 16-byte aligned, as malloc's are.
constexpr size_t kAlign = 16;
constexpr size_t kHeader = 16;
constexpr size_t kChunk = 256 * 1024;
// Chunks past this much are returned to malloc when the outermost scope
// ends: one huge page should not keep its memory for the rest of the build.
constexpr size_t kKeep = 4 * 1024 * 1024;

struct Chunk {
  char* data;
  size_t size;
};

struct Arena {
  std::vector<Chunk> chunks;
  size_t chunk = 0;  // the chunk being filled
  size_t used = 0;   // bytes of it in use
  char* last = nullptr;  // the latest block, which realloc may grow in place
  int depth = 0;

  ~Arena() {
    for (Chunk& c : chunks) std::free(c.data);
  }

  void* Allocate(size_t n) {
    size_t need = kHeader + ((n + kAlign - 1) & ~(kAlign - 1));
    if (need < n) return nullptr;  // overflow
    while (chunk < chunks.size() && used + need > chunks[chunk].size) ++chunk, used = 0;
    if (chunk == chunks.size()) {
      size_t size = std::max(kChunk, need);
      char* data = static_cast<char*>(std::malloc(size));
      if (!data) return nullptr;
      chunks.push_back({data, size});
      used = 0;
    }
    char* block = chunks[chunk].data + used;
    used += need;
    std::memcpy(block, &n, sizeof n);
    last = block + kHeader;
    return last;
  }

  static size_t SizeOf(void* p) {
    size_t n;
    std::memcpy(&n, static_cast<char*>(p) - kHeader, sizeof n);
    return n;
  }

  void* Reallocate(void* p, size_t n) {
    if (!p) return Allocate(n);
    size_t old = SizeOf(p);
    if (n <= old) return p;
    // The latest block grows in place when its chunk has room: cmark's
    // buffers grow by appending, usually with nothing allocated since.
    if (p == last) {
      size_t start = static_cast<size_t>(static_cast<char*>(p) - chunks[chunk].data);
      size_t end = start + ((n + kAlign - 1) & ~(kAlign - 1));
      if (end >= start && end <= chunks[chunk].size) {
        used = end;
        std::memcpy(static_cast<char*>(p) - kHeader, &n, sizeof n);
        return p;
      }
    }
    void* q = Allocate(n);
    if (q) std::memcpy(q, p, old);
    return q;
  }

  void Release(size_t to_chunk, size_t to_used) {
    chunk = to_chunk;
    used = to_used;
    last = nullptr;
    if (depth > 0) return;
    // Keep the chunks up to the one the scope began in (what was allocated
    // outside any scope lives there), and more only up to kKeep in all.
    size_t kept = 0, keep = 0;
    for (; keep < chunks.size() && (keep <= to_chunk || kept + chunks[keep].size <= kKeep); ++keep)
      kept += chunks[keep].size;
    for (size_t j = keep; j < chunks.size(); ++j) std::free(chunks[j].data);
    chunks.resize(keep);
  }
};

thread_local Arena tls_arena;

// cmark aborts when an allocation fails (it checks for NULL), as with malloc.
void* ArenaCalloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return nullptr;
  void* p = tls_arena.Allocate(count * size);
  if (p) std::memset(p, 0, count * size);
  return p;
}
void* ArenaRealloc(void* p, size_t size) { return tls_arena.Reallocate(p, size); }
void ArenaFree(void*) {}

cmark_mem kArenaMem = {ArenaCalloc, ArenaRealloc, ArenaFree};

// Under AddressSanitizer every allocation stays cmark's own, so a node used
// after it was freed, or a buffer overrun, is still caught in the tree code.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kArenaOn = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kArenaOn = false;
#else
constexpr bool kArenaOn = true;
#endif
#else
constexpr bool kArenaOn = true;
#endif

}  // namespace

ArenaScope::ArenaScope() : chunk_(tls_arena.chunk), used_(tls_arena.used) { ++tls_arena.depth; }

ArenaScope::~ArenaScope() {
  --tls_arena.depth;
  tls_arena.Release(chunk_, used_);
}

cmark_mem* ArenaScope::mem() { return kArenaOn ? &kArenaMem : cmark_get_default_mem_allocator(); }

cmark_mem* ArenaScope::Current() {
  return kArenaOn && tls_arena.depth > 0 ? &kArenaMem : cmark_get_default_mem_allocator();
}

}  // namespace costsite::markdown
