// Runs deeply recursive work (formula and reference evaluation) on a thread
// with a large stack, so depth limits, not the platform's default stack (or a
// sanitizer's larger frames), decide how deep inputs may nest.
#ifndef COSTSITE_BASE_LARGE_STACK_H_
#define COSTSITE_BASE_LARGE_STACK_H_

#include <cstddef>
#include <functional>

namespace costsite {

/// Stack reserved for RunOnLargeStack: address space only, pages are touched
/// as the recursion needs them.
inline constexpr size_t kLargeStackBytes = size_t{256} << 20;

/// Calls `fn` on a new thread with a kLargeStackBytes stack and waits for it;
/// calls it directly if such a thread cannot be made.
void RunOnLargeStack(const std::function<void()>& fn);

}  // namespace costsite

#endif  // COSTSITE_BASE_LARGE_STACK_H_
