// A small JSON reader for catalogs: every value keeps its line and column, and
// numbers keep the digits as written, so prices stay exact decimals and every
// error names its place. Internal to the imports stage.
#ifndef COSTSITE_IMPORTS_JSON_READ_H_
#define COSTSITE_IMPORTS_JSON_READ_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace costsite::imports {

struct JsonMember;

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;  // a string's contents; a number as written; "true" / "false"
  std::vector<JsonValue> items;                            // an array's
  std::vector<JsonMember> members;  // an object's, in order
  int line = 0, col = 0;

  bool IsObject() const { return kind == Kind::kObject; }
  bool IsArray() const { return kind == Kind::kArray; }
  bool IsString() const { return kind == Kind::kString; }
  bool IsNumber() const { return kind == Kind::kNumber; }
  /// The member `key` of an object; nullptr when absent or not an object.
  const JsonValue* Get(std::string_view key) const;
};

struct JsonMember {
  std::string key;
  JsonValue value;
  int line = 0, col = 0;  // of the key
};

/// Parses `text` (RFC 8259); false after reporting `path:line:col: error:`.
bool ParseJson(const std::string& path, std::string_view text, JsonValue* out, Diagnostics& diags);

}  // namespace costsite::imports

#endif  // COSTSITE_IMPORTS_JSON_READ_H_
