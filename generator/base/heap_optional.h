// An optional value held on the heap: a field most records leave out,
// which inline would take its full size in every one.
#ifndef COSTSITE_BASE_HEAP_OPTIONAL_H_
#define COSTSITE_BASE_HEAP_OPTIONAL_H_

#include <memory>

namespace costsite {

/// An optional value held on the heap, copied whole with its holder, read
/// like std::optional: a pointer in every record, the value only in those
/// that set it.
template <typename T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(const HeapOptional& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(T v) {
    p_ = std::make_unique<T>(std::move(v));
    return *this;
  }
  T& emplace() {
    p_ = std::make_unique<T>();
    return *p_;
  }
  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }

 private:
  std::unique_ptr<T> p_;
};

}  // namespace costsite

#endif  // COSTSITE_BASE_HEAP_OPTIONAL_H_
