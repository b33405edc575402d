// Atomic, safe output. A build writes into a staging folder beside the output
// folder and swaps it in only when everything succeeded, so a failed or
// interrupted build leaves the previous site exactly as it was. A manifest
// records what costsite wrote; a folder holding other files is not replaced
// unless forced.
#ifndef COSTSITE_OUTPUT_STAGING_H_
#define COSTSITE_OUTPUT_STAGING_H_

#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace costsite::output {

/// Name of the manifest file inside the output folder.
inline constexpr std::string_view kManifestName = ".costsite-manifest";

/// Checks that `out` may be written for a site at `source`: not the source
/// root, not a parent of it, not inside content/, pricing/ or templates/.
/// Returns "" when fine, else the reason.
std::string CheckOutputLocation(const std::filesystem::path& source, const std::filesystem::path& out);

/// Files in `out` that the manifest does not list (all files if none).
std::vector<std::string> ForeignFiles(const std::filesystem::path& out);

/// Replaces `file` with `content`: written to a temporary file beside it and
/// renamed over it, so a reader sees the old bytes or the new, never half;
/// creates missing folders. For updating a served site in place.
bool ReplaceFile(const std::filesystem::path& file, std::string_view content, std::string* error);

/// A staging folder that becomes the output folder on Commit().
class Staging {
 public:
  /// REQUIRES: CheckOutputLocation(source, out) returned "".
  explicit Staging(std::filesystem::path out);
  ~Staging();  // removes the staging folder unless committed
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  /// Creates the staging folder; false and `*error` on failure.
  bool Begin(std::string* error);
  /// Writes `content` to `rel` (a '/'-separated path). Thread-safe.
  bool Write(std::string_view rel, std::string_view content, std::string* error);
  /// Receives a file's bytes piece by piece.
  using Sink = std::function<void(std::string_view piece)>;
  /// Writes `rel` from the pieces `fill` hands to its sink, for a file too
  /// large to build in memory first (the search index of a large site).
  bool WriteStreamed(std::string_view rel, const std::function<void(const Sink& sink)>& fill,
                     std::string* error);
  /// Writes the manifest and swaps the staging folder in for the output.
  bool Commit(std::string* error);

  const std::filesystem::path& dir() const { return dir_; }
  size_t files_written() const;

 private:
  int Open(std::string_view rel, std::string* error);  // the file's descriptor, or -1
  bool Close(int fd, std::string_view rel, bool ok, std::string* error);

  std::filesystem::path out_;
  std::filesystem::path dir_;
  mutable std::mutex mu_;
  std::vector<std::string> written_;
  std::set<std::string> made_dirs_;  // folders already created, to skip the syscalls
  bool committed_ = false;
};

}  // namespace costsite::output

#endif  // COSTSITE_OUTPUT_STAGING_H_
