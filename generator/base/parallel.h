// A parallel loop for the stages that handle many independent files (reading
// pages and price lists, rendering pages). Work is handed out one index at a
// time, so callers that want output independent of the thread count write
// each index's result to its own slot and combine the slots in order.
#ifndef COSTSITE_BASE_PARALLEL_H_
#define COSTSITE_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace costsite {

/// The threads a stage should use when told `requested` (0 = one per core).
int ThreadCount(int requested);

/// Calls fn(i, worker) for every i in [0, n) on min(threads, n) threads
/// (worker in [0, threads)), the calling thread among them, and returns when
/// all calls have. REQUIRES: fn is safe to call concurrently for distinct i.
void ParallelFor(size_t n, int threads, const std::function<void(size_t i, int worker)>& fn);

}  // namespace costsite

#endif  // COSTSITE_BASE_PARALLEL_H_
