#include "imports/json_read.h"

#include <cstdint>

namespace costsite::imports {
namespace {

// Nesting deeper than this is refused, so a hostile file cannot exhaust the stack.
constexpr int kMaxDepth = 64;

class Reader {
 public:
  Reader(const std::string& path, std::string_view text, Diagnostics& diags)
      : path_(path), t_(text), diags_(diags) {}

  bool Run(JsonValue* out) {
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") Advance(3);
    if (!Value(out, 0)) return false;
    Space();
    if (i_ < t_.size()) return Fail("unexpected text after the JSON value");
    return true;
  }

 private:
  bool Fail(const std::string& message) {
    diags_.Error({path_, line_, col_}, "malformed JSON: " + message, t_, 1, "malformed-json");
    return false;
  }
  void Advance(size_t n) {
    for (size_t k = 0; k < n && i_ < t_.size(); ++k, ++i_) {
      if (t_[i_] == '\n') {
        ++line_;
        col_ = 1;
      } else {
        ++col_;
      }
    }
  }
  void Space() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) Advance(1);
  }
  bool Literal(std::string_view word) {
    if (t_.substr(i_, word.size()) != word) return false;
    Advance(word.size());
    return true;
  }

  bool Value(JsonValue* v, int depth) {
    Space();
    v->line = line_;
    v->col = col_;
    if (i_ >= t_.size()) return Fail("the text ends where a value should be");
    if (depth > kMaxDepth) return Fail("nested more than 64 levels deep");
    char c = t_[i_];
    if (c == '{') return Object(v, depth);
    if (c == '[') return Array(v, depth);
    if (c == '"') {
      v->kind = JsonValue::Kind::kString;
      return String(&v->text);
    }
    if (c == '-' || (c >= '0' && c <= '9')) return Number(v);
    for (std::string_view w : {"true", "false", "null"}) {
      if (Literal(w)) {
        v->kind = w == "null" ? JsonValue::Kind::kNull : JsonValue::Kind::kBool;
        v->text = std::string(w);
        return true;
      }
    }
    return Fail(std::string("unexpected character '") + c + "'");
  }

  bool Object(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kObject;
    Advance(1);
    Space();
    if (i_ < t_.size() && t_[i_] == '}') return Advance(1), true;
    while (true) {
      Space();
      if (i_ >= t_.size() || t_[i_] != '"') return Fail("expected a member name in double quotes");
      std::string key;
      const int key_line = line_, key_col = col_;
      if (!String(&key)) return false;
      Space();
      if (i_ >= t_.size() || t_[i_] != ':') return Fail("expected ':' after a member name");
      Advance(1);
      JsonValue member;
      if (!Value(&member, depth + 1)) return false;
      v->members.push_back(JsonMember{std::move(key), std::move(member), key_line, key_col});
      Space();
      if (i_ < t_.size() && t_[i_] == ',') {
        Advance(1);
        continue;
      }
      if (i_ < t_.size() && t_[i_] == '}') return Advance(1), true;
      return Fail("expected ',' or '}' in an object");
    }
  }

  bool Array(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kArray;
    Advance(1);
    Space();
    if (i_ < t_.size() && t_[i_] == ']') return Advance(1), true;
    while (true) {
      JsonValue item;
      if (!Value(&item, depth + 1)) return false;
      v->items.push_back(std::move(item));
      Space();
      if (i_ < t_.size() && t_[i_] == ',') {
        Advance(1);
        continue;
      }
      if (i_ < t_.size() && t_[i_] == ']') return Advance(1), true;
      return Fail("expected ',' or ']' in an array");
    }
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool Hex4(uint32_t* cp) {
    *cp = 0;
    for (int k = 0; k < 4; ++k) {
      char h = i_ < t_.size() ? t_[i_] : '\0';
      int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (d < 0) return Fail("expected four hex digits after \\u");
      *cp = *cp * 16 + static_cast<uint32_t>(d);
      Advance(1);
    }
    return true;
  }

  bool String(std::string* out) {
    Advance(1);
    while (true) {
      if (i_ >= t_.size() || t_[i_] == '\n') return Fail("unclosed string");
      char c = t_[i_];
      if (c == '"') return Advance(1), true;
      if (static_cast<unsigned char>(c) < 0x20) return Fail("a control character in a string");
      if (c != '\\') {
        out->push_back(c);
        Advance(1);
        continue;
      }
      Advance(1);
      char e = i_ < t_.size() ? t_[i_] : '\0';
      static constexpr std::string_view kFrom = "\"\\/bfnrt", kTo = "\"\\/\b\f\n\r\t";
      if (size_t k = kFrom.find(e); e != '\0' && k != std::string_view::npos) {
        out->push_back(kTo[k]);
        Advance(1);
      } else if (e == 'u') {
        Advance(1);
        uint32_t cp = 0;
        if (!Hex4(&cp)) return false;
        if (cp >= 0xD800 && cp < 0xDC00 && t_.substr(i_, 2) == "\\u") {
          Advance(2);
          uint32_t low = 0;
          if (!Hex4(&low)) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        AppendUtf8(cp, out);
      } else {
        return Fail("unknown escape in a string");
      }
    }
  }

  bool Number(JsonValue* v) {
    v->kind = JsonValue::Kind::kNumber;
    size_t start = i_;
    auto digits = [&] {
      size_t from = i_;
      while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') Advance(1);
      return i_ > from;
    };
    if (t_[i_] == '-') Advance(1);
    if (!digits()) return Fail("malformed number");
    if (i_ < t_.size() && t_[i_] == '.') {
      Advance(1);
      if (!digits()) return Fail("malformed number: digits must follow '.'");
    }
    if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      Advance(1);
      if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) Advance(1);
      if (!digits()) return Fail("malformed number: digits must follow the exponent");
    }
    v->text = std::string(t_.substr(start, i_ - start));
    return true;
  }

  const std::string& path_;
  std::string_view t_;
  Diagnostics& diags_;
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
};

}  // namespace

const JsonValue* JsonValue::Get(std::string_view key) const {
  for (const JsonMember& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

bool ParseJson(const std::string& path, std::string_view text, JsonValue* out, Diagnostics& diags) {
  return Reader(path, text, diags).Run(out);
}

}  // namespace costsite::imports
