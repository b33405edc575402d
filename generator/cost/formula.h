// The formula language of docs/pricing.md: a lexer and a recursive-descent
// parser to a tree whose every node knows its offset in the formula text, so
// evaluation errors can underline the offending token.
#ifndef COSTSITE_COST_FORMULA_H_
#define COSTSITE_COST_FORMULA_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cost/decimal.h"
#include "cost/units.h"

namespace costsite::cost {

enum class NodeKind {
  kNumber,   // number, unit
  kBool,     // flag
  kName,     // name, scenario
  kPrice,    // name = "provider/entry", variant
  kCall,     // name = function, args
  kUnitArg,  // unit: the unit argument of fx, convert, ceil, floor
  kNegate,   // args[0]
  kBinary,   // op in "+-*/^", args[0], args[1]
  kCompare,  // op in "<", "<=", ">", ">=", "==", "!="
  kRange,    // args[0] to args[1]
  kSelect,   // name = FOCUS column, "tag:KEY" or "period", text = the value: an argument of actual()
};

struct Node {
  NodeKind kind = NodeKind::kNumber;
  size_t offset = 0;  // of the node's first character in the formula
  size_t length = 0;  // characters the node spans
  int height = 1;     // of the subtree, bounded so evaluation cannot overflow the stack
  Decimal number;     // kNumber, in `unit` (suffixes k/M/B applied)
  bool has_unit = false;
  Unit unit;  // kNumber when has_unit, kUnitArg
  bool flag = false;
  std::string name;
  std::string scenario;
  std::string variant;
  std::string op;
  std::string text;  // kSelect
  std::vector<std::unique_ptr<Node>> args;
};

/// Deeper nesting than this is an error, not a stack overflow.
constexpr int kMaxFormulaDepth = 200;
/// Longer chains of operators ("1 + 1 + … + 1") than this are an error too.
constexpr int kMaxFormulaHeight = 1000;

struct FormulaError {
  size_t offset = 0;
  size_t length = 1;
  std::string message;
};

/// Parses `text`; nullptr and `*error` set when malformed.
std::unique_ptr<Node> ParseFormula(std::string_view text, const UnitTable& units,
                                   FormulaError* error);

/// Names referenced by `node` (kName) and prices (kPrice), in order of appearance.
void CollectReferences(const Node& node, std::vector<const Node*>* out);

}  // namespace costsite::cost

#endif  // COSTSITE_COST_FORMULA_H_
