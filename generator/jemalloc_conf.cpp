// jemalloc's options, read by jemalloc itself at its first allocation (the
// environment's MALLOC_CONF still overrides them). Linked only with jemalloc.
//
// One arena per processor instead of jemalloc's four: a build's threads are
// one per processor, and with four arenas each keeps its own freed pages, so
// the peak memory of a build at 2 × 10,000 pages was about a fifth higher for
// the same speed (docs/performance.md).
//
// Freed pages returned to the system after 100 ms unused, not jemalloc's 10 s:
// rendering frees each page's working memory as the next page is rendered,
// and pages freed on one processor's arena stayed resident while the other
// allocated afresh. At 2 × 50,000 pages the peak was 395–452 MiB with 10 s
// and 364–369 MiB with 100 ms, at the same speed (2 × 5,000 pages: 2.38 s
// and 2.40 s, medians of 8 runs alternating); with 0 ms, 359–364 MiB but
// 4 % slower.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "percpu_arena:percpu,dirty_decay_ms:100";
}
