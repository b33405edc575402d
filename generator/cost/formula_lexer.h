// The lexer of the formula language: numbers with their suffix, words,
// @price references and operators. Internal to the cost stage.
#ifndef COSTSITE_COST_FORMULA_LEXER_H_
#define COSTSITE_COST_FORMULA_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cost/formula.h"

namespace costsite::cost {

enum class Tok { kNumber, kWord, kPrice, kOp, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  size_t offset = 0;
  size_t length = 0;
  std::string text;  // number digits (without suffix), word, price id, operator
  char suffix = 0;   // number: 'k', 'M', 'B' or '%'
};

/// Splits `text` into tokens ending with a kEnd token; false and `*err` on a bad character.
bool Lex(std::string_view text, std::vector<Token>* out, FormulaError* err);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_FORMULA_LEXER_H_
