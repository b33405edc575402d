#include "cost/formula_lexer.h"

#include <algorithm>
#include <cctype>

namespace costsite::cost {
namespace {

bool IsWordStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }
bool IsIdChar(char c) { return IsWordChar(c) || c == '.' || c == '-'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : t_(text) {}

  bool Run(std::vector<Token>* out, FormulaError* err) {
    while (true) {
      while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
      if (i_ >= t_.size()) break;
      Token tok;
      tok.offset = i_;
      if (!Next(&tok, err)) return false;
      tok.length = i_ - tok.offset;
      out->push_back(std::move(tok));
    }
    out->push_back({Tok::kEnd, t_.size(), 0, "", 0});
    return true;
  }

 private:
  bool Next(Token* tok, FormulaError* err) {
    char c = t_[i_];
    if (IsDigit(c) || (c == '.' && i_ + 1 < t_.size() && IsDigit(t_[i_ + 1]))) return Number(tok, err);
    if (IsWordStart(c)) {
      tok->kind = Tok::kWord;
      while (i_ < t_.size() && (IsWordChar(t_[i_]) ||
                                (t_[i_] == '.' && i_ + 1 < t_.size() && IsWordChar(t_[i_ + 1])))) {
        ++i_;
      }
      tok->text = std::string(t_.substr(tok->offset, i_ - tok->offset));
      return true;
    }
    if (c == '@') return Price(tok, err);
    if (c == '"') {  // quoted text, an argument of actual(): no escapes
      size_t close = t_.find('"', i_ + 1);
      if (close == std::string_view::npos) {
        *err = {i_, t_.size() - i_, "unterminated quoted text: a closing '\"' is missing"};
        return false;
      }
      tok->kind = Tok::kString;
      tok->text = std::string(t_.substr(i_ + 1, close - i_ - 1));
      i_ = close + 1;
      return true;
    }
    static constexpr std::string_view kTwo[] = {"<=", ">=", "==", "!="};
    for (auto op : kTwo) {
      if (t_.substr(i_, 2) == op) {
        tok->kind = Tok::kOp;
        tok->text = std::string(op);
        i_ += 2;
        return true;
      }
    }
    if (std::string_view("+-*/^(),<>[].=").find(c) != std::string_view::npos) {
      tok->kind = Tok::kOp;
      tok->text = std::string(1, c);
      ++i_;
      return true;
    }
    size_t len = 1;
    if (static_cast<unsigned char>(c) >= 0xC0) {
      while (i_ + len < t_.size() && (static_cast<unsigned char>(t_[i_ + len]) & 0xC0) == 0x80) ++len;
    }
    *err = {i_, len, "unexpected character '" + std::string(t_.substr(i_, len)) + "'"};
    return false;
  }

  bool Number(Token* tok, FormulaError* err) {
    tok->kind = Tok::kNumber;
    while (i_ < t_.size() && IsDigit(t_[i_])) ++i_;
    if (i_ < t_.size() && t_[i_] == '.') {
      ++i_;
      while (i_ < t_.size() && IsDigit(t_[i_])) ++i_;
    }
    // Scientific notation, "2e8 tokens", "1.5E-3": an 'e' counts only when
    // digits follow it (with a sign or not), so "2 eur" and "3em" are not numbers.
    if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      size_t j = i_ + 1;
      if (j < t_.size() && (t_[j] == '+' || t_[j] == '-')) ++j;
      if (j < t_.size() && IsDigit(t_[j])) {
        while (j < t_.size() && IsDigit(t_[j])) ++j;
        i_ = j;
      }
    }
    tok->text = std::string(t_.substr(tok->offset, i_ - tok->offset));
    if (i_ < t_.size() && t_[i_] == '.' && i_ + 1 < t_.size() && IsDigit(t_[i_ + 1])) {
      while (i_ < t_.size() && (IsDigit(t_[i_]) || t_[i_] == '.')) ++i_;
      *err = {tok->offset, i_ - tok->offset,
              "malformed number '" + std::string(t_.substr(tok->offset, i_ - tok->offset)) + "'"};
      return false;
    }
    if (i_ < t_.size()) {
      char s = t_[i_];
      bool alone = i_ + 1 >= t_.size() || !IsWordChar(t_[i_ + 1]);
      if (s == '%' || ((s == 'k' || s == 'M' || s == 'B') && alone)) {
        tok->suffix = s;
        ++i_;
      }
    }
    return true;
  }

  bool Price(Token* tok, FormulaError* err) {
    tok->kind = Tok::kPrice;
    size_t start = ++i_;
    while (i_ < t_.size() && IsIdChar(t_[i_])) ++i_;
    size_t slash = i_;
    bool ok = i_ > start && i_ < t_.size() && t_[i_] == '/';
    if (ok) {
      ++i_;
      size_t entry = i_;
      // `@openrouter/"meta-llama/llama-3-70b:free".input`: a provider's own
      // name, quoted, then the rest of an id; only `"` ends the name.
      if (i_ < t_.size() && t_[i_] == '"') {
        size_t close = t_.find('"', i_ + 1);
        if (close == std::string_view::npos || close == i_ + 1) {
          *err = {tok->offset, t_.size() - tok->offset,
                  close == std::string_view::npos ? "unclosed quoted name in price reference: write @provider/\"NAME\""
                                                  : "empty quoted name in price reference"};
          return false;
        }
        i_ = close + 1;
      }
      while (i_ < t_.size() && (IsIdChar(t_[i_]) || t_[i_] == ':')) ++i_;
      ok = i_ > entry;
    }
    // A trailing '.' or '-' belongs to the text around the reference.
    while (i_ > slash + 1 && (t_[i_ - 1] == '.' || t_[i_ - 1] == '-')) --i_;
    tok->text = std::string(t_.substr(start, i_ - start));
    if (!ok) {
      *err = {tok->offset, std::max<size_t>(1, i_ - tok->offset),
              "malformed price reference '" + std::string(t_.substr(tok->offset, i_ - tok->offset)) +
                  "': write @provider/entry or @provider/entry:variant"};
      return false;
    }
    return true;
  }

  std::string_view t_;
  size_t i_ = 0;
};

}  // namespace

bool ParseSelectArgs(std::string_view text, const std::vector<Token>& toks, size_t* pos,
                     std::vector<SelectArg>* out, FormulaError* err) {
  auto at = [&](size_t i) -> const Token& { return toks[std::min(i, toks.size() - 1)]; };
  auto op = [&](size_t i, std::string_view o) { return at(i).kind == Tok::kOp && at(i).text == o; };
  auto fail = [&](const Token& t, std::string message) {
    *err = {t.offset, std::max<size_t>(t.length, 1), std::move(message)};
    return false;
  };
  size_t i = *pos;
  if (op(i, ")")) return fail(at(i), "actual() needs a selection: actual(ServiceName=\"…\", period=YYYY-MM)");
  while (true) {
    const Token& key = at(i);
    if (key.kind != Tok::kWord)
      return fail(key, "expected a FOCUS column, tag.KEY or period, then '=' in actual()");
    SelectArg arg;
    size_t eq = i + 1;
    if (key.text == "tag" && op(i + 1, ".") && at(i + 2).kind == Tok::kString) {
      // tag."user:team": a tag key with characters a name cannot hold (AWS
      // allows spaces and _.:/=+-@ in tag keys), quoted.
      arg.key = "tag:" + at(i + 2).text;
      eq = i + 3;
    } else {
      arg.key = key.text.rfind("tag.", 0) == 0 ? "tag:" + key.text.substr(4) : key.text;
    }
    if (!op(eq, "="))
      return fail(at(eq), "expected '=' after '" + key.text + "' in actual()" +
                              (key.text.rfind("tag.", 0) == 0 ? " (a tag key with other characters is quoted: tag.\"" +
                                                                    key.text.substr(4) + "…\")"
                                                              : std::string()));
    arg.offset = key.offset;
    size_t v = eq + 1;
    if (at(v).kind == Tok::kString) {
      arg.value = at(v).text;
      i = v + 1;
    } else if (arg.key == "measure" && at(v).kind == Tok::kWord) {
      arg.value = at(v).text;
      i = v + 1;
    } else if (arg.key == "period" && at(v).kind == Tok::kNumber && op(v + 1, "-") && at(v + 2).kind == Tok::kNumber) {
      arg.value = std::string(text.substr(at(v).offset, at(v + 2).offset + at(v + 2).length - at(v).offset));
      i = v + 3;
    } else {
      return fail(at(v), arg.key == "period" ? "expected a month YYYY-MM after 'period='"
                                             : "expected quoted text after '" + key.text + "=' in actual()");
    }
    const Token& last = at(i - 1);
    arg.length = last.offset + last.length - arg.offset;
    if (arg.key == "period") {
      const std::string& m = arg.value;
      bool ok = m.size() == 7 && m[4] == '-' &&
                std::all_of(m.begin(), m.end(), [](char c) { return c == '-' || IsDigit(c); }) &&
                m.substr(5) >= "01" && m.substr(5) <= "12";
      if (!ok) return fail(at(i - 1), "period must be a month, YYYY-MM, not '" + m + "'");
    }
    if (arg.key == "measure" && arg.value != "BilledCost" && arg.value != "EffectiveCost" &&
        arg.value != "ListCost" && arg.value != "ContractedCost")
      return fail(at(i - 1), "unknown measure '" + arg.value +
                                 "' (expected BilledCost, EffectiveCost, ListCost or ContractedCost)");
    for (const SelectArg& prev : *out) {
      if (prev.key == arg.key) {
        *err = {arg.offset, arg.length, "'" + key.text + "' is given twice in actual()"};
        return false;
      }
    }
    out->push_back(std::move(arg));
    if (op(i, ")")) break;
    if (!op(i, ",")) return fail(at(i), "expected ',' or ')' in actual()");
    ++i;
  }
  *pos = i + 1;
  return true;
}

bool Lex(std::string_view text, std::vector<Token>* out, FormulaError* err) {
  return Lexer(text).Run(out, err);
}

}  // namespace costsite::cost
