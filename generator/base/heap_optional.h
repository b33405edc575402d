// An optional value held on the heap: a field most records leave out,
// which inline would take its full size in every one.
#ifndef COSTSITE_BASE_HEAP_OPTIONAL_H_
#define COSTSITE_BASE_HEAP_OPTIONAL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  void reset() { p_.reset(); }
  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }

 private:
  std::unique_ptr<T> p_;
};


/// A list most records leave empty, held on the heap when it is not: one
/// pointer in every record (a std::vector is three), read like the vector
/// it holds. A parsed model has four lists (groups, scenarios, rules,
/// expectations) that most models leave empty, and a site with a model per
/// report holds every model's until its group is evaluated.
template <typename T>
class RareList {
 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  RareList() = default;
  RareList(std::vector<T> v) { *this = std::move(v); }  // NOLINT: set as the vector it holds is
  RareList& operator=(std::vector<T> v) {
    if (v.empty()) p_.reset();
    else p_ = std::move(v);
    return *this;
  }

  /// The vector it holds (an empty one when none), for what takes a vector.
  const std::vector<T>& get() const { return p_ ? *p_ : Empty(); }
  operator const std::vector<T>&() const { return get(); }  // NOLINT: read as the vector it holds

  bool empty() const { return get().empty(); }
  size_t size() const { return get().size(); }
  T* begin() { return p_ ? p_->data() : nullptr; }
  T* end() { return p_ ? p_->data() + p_->size() : nullptr; }
  const T* begin() const { return p_ ? p_->data() : nullptr; }
  const T* end() const { return p_ ? p_->data() + p_->size() : nullptr; }
  T* data() { return begin(); }
  const T* data() const { return begin(); }
  T& operator[](size_t i) { return (*p_)[i]; }
  const T& operator[](size_t i) const { return (*p_)[i]; }
  T& front() { return p_->front(); }
  const T& front() const { return p_->front(); }
  T& back() { return p_->back(); }
  const T& back() const { return p_->back(); }

  void push_back(T v) { Mutable().push_back(std::move(v)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    return Mutable().emplace_back(std::forward<Args>(args)...);
  }
  void clear() { p_.reset(); }

  friend bool operator==(const RareList& a, const RareList& b) { return a.get() == b.get(); }

 private:
  static const std::vector<T>& Empty() {
    static const std::vector<T> kEmpty;
    return kEmpty;
  }
  std::vector<T>& Mutable() { return p_ ? *p_ : p_.emplace(); }
  HeapOptional<std::vector<T>> p_;  // copied whole with its holder
};

/// A text most records leave empty, held on the heap when it is not: one
/// pointer in every record (a std::string is four), read like the string it
/// holds. Most of a model's items are in no group.
class RareString {
 public:
  RareString() = default;
  RareString(std::string s) { *this = std::move(s); }  // NOLINT: set as the string it holds is
  RareString& operator=(std::string s) {
    if (s.empty()) p_.reset();
    else p_ = std::move(s);
    return *this;
  }

  /// The string it holds ("" when none).
  const std::string& get() const { return p_ ? *p_ : Empty(); }
  operator const std::string&() const { return get(); }  // NOLINT: read as the string it holds
  bool empty() const { return get().empty(); }

  friend bool operator==(const RareString& a, std::string_view b) { return std::string_view(a.get()) == b; }

 private:
  static const std::string& Empty() {
    static const std::string kEmpty;
    return kEmpty;
  }
  HeapOptional<std::string> p_;  // copied whole with its holder
};

}  // namespace costsite

#endif  // COSTSITE_BASE_HEAP_OPTIONAL_H_
