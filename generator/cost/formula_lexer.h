// The lexer of the formula language: numbers with their suffix, words,
// @price references and operators. Internal to the cost stage.
#ifndef COSTSITE_COST_FORMULA_LEXER_H_
#define COSTSITE_COST_FORMULA_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/formula.h"

namespace costsite::cost {

enum class Tok { kNumber, kWord, kPrice, kOp, kString, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  size_t offset = 0;
  size_t length = 0;
  std::string text;  // number digits (without suffix), word, price id, operator, quoted text (unquoted)
  char suffix = 0;   // number: 'k', 'M', 'B' or '%'
};

/// One argument of actual(…): `ServiceName = "Amazon EC2"`, `tag.team = "web"`
/// (key "tag:team") or `period = 2024-09`.
struct SelectArg {
  std::string key, value;
  size_t offset = 0, length = 0;  // of the whole argument in the formula
};

/// Reads the arguments of actual(…) from toks[*pos] (just after its '(')
/// through its ')', leaving *pos after it; false and `*err` when malformed
/// (a key given twice, a period not YYYY-MM, no argument).
bool ParseSelectArgs(std::string_view text, const std::vector<Token>& toks, size_t* pos,
                     std::vector<SelectArg>* out, FormulaError* err);

/// Splits `text` into tokens ending with a kEnd token; false and `*err` on a bad character.
bool Lex(std::string_view text, std::vector<Token>* out, FormulaError* err);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_FORMULA_LEXER_H_
