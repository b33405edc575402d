// Atomic, safe output. A build writes into a staging folder beside the output
// folder and swaps it in only when everything succeeded, so a failed or
// interrupted build leaves the previous site exactly as it was. A manifest
// records what costsite wrote; a folder holding other files is not replaced
// unless forced.
#ifndef COSTSITE_OUTPUT_STAGING_H_
#define COSTSITE_OUTPUT_STAGING_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/spill.h"

namespace costsite::output {

/// Name of the manifest file inside the output folder.
inline constexpr std::string_view kManifestName = ".costsite-manifest";

/// Checks that `out` may be written for a site at `source`: not the source
/// root, not a parent of it, not inside content/, pricing/ or templates/,
/// and not an existing file that is not a folder (site.yaml, say).
/// Returns "" when fine, else the reason.
std::string CheckOutputLocation(const std::filesystem::path& source, const std::filesystem::path& out,
                                std::span<const std::string_view> input_dirs);

/// Entries in `out` that costsite did not write: files the manifest does
/// not list (all files if none), and any symbolic link or empty folder
/// (shown with a trailing '/'), since costsite writes neither.
std::vector<std::string> ForeignFiles(const std::filesystem::path& out);

/// The manifest's text for `files`: one name a line, with backslash, newline
/// and carriage return written as `\\`, `\n` and `\r`, so any file name fits.
std::string FormatManifest(const std::vector<std::string_view>& files);
/// The same text given to `sink` in pieces of about 64 KiB, for a manifest
/// of hundreds of thousands of names not to be held whole.
void FormatManifest(const std::vector<std::string_view>& files,
                    const std::function<void(std::string_view piece)>& sink);
/// The names of a manifest's text (FormatManifest's inverse; a manifest
/// written before escaping reads the same unless a name held a backslash).
std::vector<std::string> ParseManifest(std::string_view text);

/// Exclusive right to build into `out`, so that two builds of one output
/// folder never share or remove each other's staging folder: flock(2) on
/// `.<name>.costsite-lock` beside it, removed again on release. Take it
/// before Staging::Begin and keep it until after Commit.
class OutputLock {
 public:
  explicit OutputLock(std::filesystem::path out);
  ~OutputLock();  // releases the lock, if taken
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  /// Takes the lock, waiting while another process holds it; `waiting` (may
  /// be empty) is called once before the wait. False and `*error` when the
  /// lock file cannot be made.
  bool Acquire(const std::function<void()>& waiting, std::string* error);

 private:
  std::filesystem::path file_;
  int fd_ = -1;
};

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
  /// Writes `content` to `rel` (a '/'-separated path, none of whose parts
  /// is empty, "." or ".."). A path written twice is an error at Commit.
  /// Thread-safe.
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
  // The names written, for Commit's manifest: each followed by a NUL (no
  // path holds one), in a stream whose full pieces go to an unnamed
  // temporary file. Packed in memory it was still 16 MB of the peak at
  // 2 × 50,000 pages; it is read once, at Commit, when little else is held.
  SpillFile written_file_;
  SpillStream written_{&written_file_, 256 << 10};
  size_t written_count_ = 0;
  // Folders recently created, to skip the syscalls: their names' hashes, at
  // the place their low bits choose, the newest in each place. A page's
  // files are written one after the other, so its folder is there for all
  // but the first; a set of every folder's hash grew with the site (7 MB at
  // 2 x 100,000 pages). A folder no longer there is made again (mkdir finds
  // it: EEXIST); two folders with one hash cost nothing but a retry: the
  // open fails and the folder is made then.
  static constexpr size_t kMadeDirs = 4096;
  std::vector<uint64_t> made_dirs_ = std::vector<uint64_t>(kMadeDirs, 0);
  bool committed_ = false;
};

}  // namespace costsite::output

#endif  // COSTSITE_OUTPUT_STAGING_H_
