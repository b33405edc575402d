// Reading files and listing folders deterministically. The only disk access
// outside the output stage goes through here.
#ifndef COSTSITE_BASE_FS_UTIL_H_
#define COSTSITE_BASE_FS_UTIL_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace costsite {

/// Reads a whole file; false (and `*error` set) when it cannot.
bool ReadFile(const std::filesystem::path& path, std::string* out, std::string* error);
/// ReadFile, except that a file of more than `max_bytes` is not read: false
/// with `*error` empty and `*size` its size.
bool ReadFile(const std::filesystem::path& path, std::string* out, std::string* error, uintmax_t max_bytes,
              uintmax_t* size);

/// What ReadFileInside found.
enum class ReadInside { kRead, kOutside, kTooLarge, kFailed };

/// Reads `root`/`rel` under the rule of InsideRoot, checked by the open
/// itself: kOutside (nothing read) when the file lies outside `root`,
/// kTooLarge (`*size` set) past `max_bytes`, kFailed with `*error` set.
ReadInside ReadFileInside(const std::filesystem::path& root, const std::string& rel, std::string* out,
                          std::string* error, uintmax_t max_bytes, uintmax_t* size);

/// The site's one rule for what it may read (docs/authoring.md, "Files the
/// site reads"): true when `p`, after following every symbolic link, is
/// `root` or lies inside `root` (itself resolved the same way). A path that
/// does not exist yet is judged by its longest existing prefix.
bool InsideRoot(const std::filesystem::path& root, const std::filesystem::path& p);

/// Regular files under `dir` (recursively), as paths relative to `dir` with
/// '/' separators, sorted bytewise so results never depend on listing order.
/// Links to files and folders inside `root` are followed; a folder reached
/// twice (by a link, or a link to an ancestor) is listed once, under its real
/// path when it has one inside `dir`, else under the first link in path order.
/// Entries that break InsideRoot(root, ...) are not listed but reported in
/// `escaped`: a symbolic link by its path, and `dir` itself (a link to a
/// folder outside) as "", in which case nothing is listed.
std::vector<std::string> ListFiles(const std::filesystem::path& dir, const std::filesystem::path& root,
                                   std::vector<std::string>* escaped);

/// True when `path` (made absolute and normalised) is `dir` or lies inside it.
bool IsWithin(const std::filesystem::path& path, const std::filesystem::path& dir);

/// True when `text` is valid UTF-8; otherwise sets the 1-based line and column
/// of the first bad byte.
bool ValidUtf8(std::string_view text, int* line, int* col);

/// The length of the well-formed UTF-8 sequence at text[i], or 0 when there
/// is none (overlong forms, surrogates and code points past U+10FFFF too).
size_t Utf8SequenceLength(std::string_view text, size_t i);

}  // namespace costsite

#endif  // COSTSITE_BASE_FS_UTIL_H_
