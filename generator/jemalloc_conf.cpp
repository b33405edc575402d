// jemalloc's options, read by jemalloc itself at its first allocation (the
// environment's MALLOC_CONF still overrides them). Linked only with jemalloc.
//
// One arena per processor instead of jemalloc's four: a build's threads are
// one per processor, and with four arenas each keeps its own freed pages, so
// the peak memory of a build at 2 × 10,000 pages was about a fifth higher for
// the same speed (docs/performance.md).
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "percpu_arena:percpu";
}
