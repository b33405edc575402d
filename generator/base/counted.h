// Objects counted by the references that hold them, in the object itself: a
// reference is one pointer (8 bytes) where a std::shared_ptr is 16, for what
// many records each hold one of (a model's values their source text, a
// page's first paragraph its file).
#ifndef COSTSITE_BASE_COUNTED_H_
#define COSTSITE_BASE_COUNTED_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace costsite {

template <typename T>
class CountedRef;

/// A base of what CountedRef holds: the count of its holders.
class Counted {
 protected:
  Counted() = default;
  ~Counted() = default;  // deleted as what derives from it (CountedRef<T>)
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;

 private:
  template <typename T>
  friend class CountedRef;
  mutable std::atomic<uint32_t> refs_{0};
};

/// A counted reference to a T (which derives from Counted), deleted with its
/// last reference; read-only, safe to copy and drop from several threads.
template <typename T>
class CountedRef {
 public:
  CountedRef() = default;
  CountedRef(std::nullptr_t) {}  // NOLINT: null as a shared_ptr is
  /// Takes `made` (new'd, held by no other CountedRef).
  explicit CountedRef(T* made) : p_(made) { Hold(); }
  CountedRef(const CountedRef& o) : p_(o.p_) { Hold(); }
  CountedRef(CountedRef&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  CountedRef& operator=(CountedRef o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~CountedRef() {
    if (p_ && p_->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p_;
  }

  const T* get() const { return p_; }
  const T* operator->() const { return p_; }
  const T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  friend bool operator==(const CountedRef& a, const CountedRef& b) { return a.p_ == b.p_; }
  friend bool operator==(const CountedRef& a, std::nullptr_t) { return a.p_ == nullptr; }

 private:
  void Hold() {
    if (p_) p_->refs_.fetch_add(1, std::memory_order_relaxed);
  }
  T* p_ = nullptr;
};

}  // namespace costsite

#endif  // COSTSITE_BASE_COUNTED_H_
