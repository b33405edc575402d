#include "cost/formula.h"

#include "cost/formula_lexer.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace costsite::cost {
namespace {

bool IsFunction(std::string_view n) {
  static constexpr std::string_view kFunctions[] = {
      "min", "max", "ceil", "floor", "round", "sum", "abs", "if", "share", "fx",
      "npv", "lo",  "hi",   "mid",   "convert", "sqrt", "tiered", "actual"};
  for (auto f : kFunctions) {
    if (f == n) return true;
  }
  return false;
}

bool TakesUnitArgument(std::string_view n) {
  return n == "fx" || n == "convert" || n == "ceil" || n == "floor";
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> toks, const UnitTable& units, FormulaError* err)
      : text_(text), toks_(std::move(toks)), units_(units), err_(err) {}

  std::unique_ptr<Node> Run() {
    auto root = Expr();
    if (root && Peek().kind != Tok::kEnd) {
      const Token& t = Peek();
      if (IsOp(",") && pos_ > 0 && toks_[pos_ - 1].kind == Tok::kNumber &&
          toks_[pos_ + 1].kind == Tok::kNumber && toks_[pos_ + 1].offset == t.offset + 1) {
        return Fail(toks_[pos_ - 1].offset, toks_[pos_ + 1].offset + toks_[pos_ + 1].length -
                                                toks_[pos_ - 1].offset,
                    "malformed number: thousands separators are not allowed");
      }
      return Fail(t.offset, t.length, "unexpected '" + t.text + "'" +
                                          (t.kind == Tok::kOp ? "" : ": expected an operator"));
    }
    return root;
  }

 private:
  const Token& Peek(size_t ahead = 0) const {
    return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
  }
  bool IsOp(std::string_view op, size_t ahead = 0) const {
    return Peek(ahead).kind == Tok::kOp && Peek(ahead).text == op;
  }
  bool IsWord(std::string_view w) const { return Peek().kind == Tok::kWord && Peek().text == w; }

  std::unique_ptr<Node> Fail(size_t offset, size_t length, std::string message) {
    if (err_->message.empty()) *err_ = {offset, std::max<size_t>(length, 1), std::move(message)};
    return nullptr;
  }
  std::unique_ptr<Node> Expected(std::string_view what) {
    const Token& t = Peek();
    if (t.kind == Tok::kEnd) return Fail(t.offset, 1, "expected " + std::string(what) + " at the end of the formula");
    return Fail(t.offset, t.length, "expected " + std::string(what) + ", found '" + t.text + "'");
  }

  std::unique_ptr<Node> Make(NodeKind kind, size_t offset) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->offset = offset;
    return n;
  }
  void Close(Node* n) {
    const Token& last = toks_[pos_ > 0 ? pos_ - 1 : 0];
    n->length = last.offset + last.length - n->offset;
    for (const auto& a : n->args) n->height = std::max(n->height, a->height + 1);
  }
  std::unique_ptr<Node> Binary(NodeKind kind, std::string op, std::unique_ptr<Node> l,
                               std::unique_ptr<Node> r) {
    auto n = Make(kind, l->offset);
    n->height = 1 + std::max(l->height, r->height);
    if (n->height > kMaxFormulaHeight) {
      return Fail(l->offset, 1, "formula too long (more than " + std::to_string(kMaxFormulaHeight) +
                                    " operations in a chain)");
    }
    n->op = std::move(op);
    n->args.push_back(std::move(l));
    n->args.push_back(std::move(r));
    Close(n.get());
    return n;
  }

  struct DepthGuard {
    explicit DepthGuard(int* d) : d_(d) { ++*d_; }
    ~DepthGuard() { --*d_; }
    int* d_;
  };
  bool TooDeep() {
    if (depth_ <= kMaxFormulaDepth) return false;
    Fail(Peek().offset, Peek().length,
         "formula nested too deeply (more than " + std::to_string(kMaxFormulaDepth) + " levels)");
    return true;
  }

  std::unique_ptr<Node> Expr() {
    auto l = Compare();
    if (!l || !IsWord("to")) return l;
    ++pos_;
    auto r = Compare();
    if (!r) return nullptr;
    // "500 to 1500 CNY/month": the lower end takes the upper end's unit, a
    // negative one too ("-5 to 10 USD").
    auto number = [](Node* n) { return n->kind == NodeKind::kNegate && n->args.size() == 1 ? n->args[0].get() : n; };
    Node* low = number(l.get());
    const Node* high = number(r.get());
    if (low->kind == NodeKind::kNumber && !low->has_unit && high->kind == NodeKind::kNumber && high->has_unit) {
      low->has_unit = true;
      low->unit = high->unit;
    }
    return Binary(NodeKind::kRange, "to", std::move(l), std::move(r));
  }

  std::unique_ptr<Node> Compare() {
    auto l = Sum();
    if (!l) return nullptr;
    for (std::string_view op : {"<", "<=", ">", ">=", "==", "!="}) {
      if (IsOp(op)) {
        ++pos_;
        auto r = Sum();
        if (!r) return nullptr;
        return Binary(NodeKind::kCompare, std::string(op), std::move(l), std::move(r));
      }
    }
    return l;
  }

  std::unique_ptr<Node> Sum() {
    auto l = Product();
    while (l && (IsOp("+") || IsOp("-"))) {
      std::string op = Peek().text;
      ++pos_;
      auto r = Product();
      if (!r) return nullptr;
      l = Binary(NodeKind::kBinary, op, std::move(l), std::move(r));
    }
    return l;
  }

  std::unique_ptr<Node> Product() {
    auto l = Power();
    while (l && (IsOp("*") || IsOp("/"))) {
      std::string op = Peek().text;
      ++pos_;
      auto r = Power();
      if (!r) return nullptr;
      l = Binary(NodeKind::kBinary, op, std::move(l), std::move(r));
    }
    return l;
  }

  std::unique_ptr<Node> Power() {
    auto l = Unary();
    if (!l || !IsOp("^")) return l;
    DepthGuard guard(&depth_);
    if (TooDeep()) return nullptr;
    ++pos_;
    auto r = Power();
    if (!r) return nullptr;
    return Binary(NodeKind::kBinary, "^", std::move(l), std::move(r));
  }

  std::unique_ptr<Node> Unary() {
    if (!IsOp("-")) return Primary();
    DepthGuard guard(&depth_);
    if (TooDeep()) return nullptr;
    auto n = Make(NodeKind::kNegate, Peek().offset);
    ++pos_;
    auto operand = Unary();
    if (!operand) return nullptr;
    n->args.push_back(std::move(operand));
    Close(n.get());
    return n;
  }

  std::unique_ptr<Node> Primary();
  std::unique_ptr<Node> NumberNode();
  std::unique_ptr<Node> NameNode();
  std::unique_ptr<Node> CallNode();
  std::unique_ptr<Node> UnitArgument();
  bool UnitAfterNumber(Node* n);

  std::string_view text_;
  std::vector<Token> toks_;
  const UnitTable& units_;
  FormulaError* err_;
  size_t pos_ = 0;
  int depth_ = 0;
};

std::unique_ptr<Node> Parser::Primary() {
  const Token& t = Peek();
  switch (t.kind) {
    case Tok::kNumber: return NumberNode();
    case Tok::kPrice: {
      auto n = Make(NodeKind::kPrice, t.offset);
      size_t quote = t.text.rfind('"');  // a quoted name may hold ':'
      size_t colon = t.text.find(':', quote == std::string::npos ? 0 : quote);
      n->name = t.text.substr(0, colon);
      if (colon != std::string::npos) n->variant = t.text.substr(colon + 1);
      ++pos_;
      Close(n.get());
      return n;
    }
    case Tok::kWord: {
      if (t.text == "true" || t.text == "false") {
        auto n = Make(NodeKind::kBool, t.offset);
        n->flag = t.text == "true";
        ++pos_;
        Close(n.get());
        return n;
      }
      if (t.text == "to") return Expected("a value before 'to'");
      if (IsOp("(", 1)) return CallNode();
      return NameNode();
    }
    case Tok::kString:
      return Fail(t.offset, t.length, "quoted text is only a value in actual(column=\"…\")");
    case Tok::kOp:
      if (t.text == "(") {
        DepthGuard guard(&depth_);
        if (TooDeep()) return nullptr;
        ++pos_;
        auto inner = Expr();
        if (!inner) return nullptr;
        if (!IsOp(")")) return Expected("')'");
        ++pos_;
        return inner;
      }
      return Expected("a value");
    case Tok::kEnd: return Expected("a value");
  }
  return nullptr;
}

std::unique_ptr<Node> Parser::NumberNode() {
  const Token& t = Peek();
  auto n = Make(NodeKind::kNumber, t.offset);
  auto d = Decimal::Parse(t.text);
  if (!d) return Fail(t.offset, t.length, "malformed number '" + t.text + "'");
  n->number = *d;
  if (t.suffix == 'k') n->number *= Decimal(1000);
  if (t.suffix == 'M') n->number *= Decimal(1000000);
  if (t.suffix == 'B') n->number *= Decimal(1000000000);
  if (t.suffix == '%') {
    n->has_unit = true;
    n->unit = *units_.Find("%");
  }
  ++pos_;
  if (!n->has_unit && !UnitAfterNumber(n.get())) return nullptr;
  Close(n.get());
  return n;
}

// After a number: a unit extends over '/' and '*' while the next word is a unit
// ("0.023 USD/GB/month", "2.5 USD/1M tokens"); a scale may follow '/' only.
bool Parser::UnitAfterNumber(Node* n) {
  if (Peek().kind != Tok::kWord || Peek().text == "to") return true;
  if (IsOp("(", 1)) return true;  // "2 max(…)" fails later as a missing operator
  size_t start = Peek().offset;
  if (!units_.Find(Peek().text)) {
    Fail(Peek().offset, Peek().length, UnknownUnitMessage(Peek().text, units_));
    return false;
  }
  ++pos_;
  while (true) {
    const Token& before = toks_[pos_ - 1];
    if (IsOp("^") && Peek(1).kind == Tok::kNumber && Peek().offset == before.offset + before.length) {
      pos_ += 2;
      continue;
    }
    if (!IsOp("/") && !IsOp("*")) break;
    // "10000 calls / calls": an operator set off by a space ends the unit.
    const Token& prev = toks_[pos_ - 1];
    if (Peek().offset != prev.offset + prev.length) break;
    size_t ahead = 1;
    if (IsOp("/") && Peek(1).kind == Tok::kNumber && Peek(2).kind == Tok::kWord) ahead = 2;
    const Token& w = Peek(ahead);
    if (w.kind != Tok::kWord || !units_.Find(w.text) || IsOp("(", ahead + 1)) break;
    pos_ += ahead + 1;
  }
  const Token& last = toks_[pos_ - 1];
  std::string_view unit_text = text_.substr(start, last.offset + last.length - start);
  UnitError uerr;
  auto unit = ParseUnit(unit_text, units_, &uerr);
  if (!unit) {
    Fail(start + uerr.offset, uerr.length, uerr.message);
    return false;
  }
  n->has_unit = true;
  n->unit = *unit;
  return true;
}

std::unique_ptr<Node> Parser::NameNode() {
  auto n = Make(NodeKind::kName, Peek().offset);
  n->name = Peek().text;
  ++pos_;
  if (IsOp("[")) {
    ++pos_;
    if (Peek().kind != Tok::kWord) return Expected("a scenario name after '['");
    n->scenario = Peek().text;
    ++pos_;
    if (!IsOp("]")) return Expected("']'");
    ++pos_;
    if (!IsOp(".") || Peek(1).kind != Tok::kWord) return Expected("'.figure' after the scenario");
    n->name += "." + Peek(1).text;
    pos_ += 2;
  }
  Close(n.get());
  return n;
}

std::unique_ptr<Node> Parser::UnitArgument() {
  size_t start = Peek().offset;
  int depth = 0;
  while (Peek().kind != Tok::kEnd && !(depth == 0 && (IsOp(",") || IsOp(")")))) {
    if (IsOp("(")) ++depth;
    if (IsOp(")")) --depth;
    ++pos_;
  }
  if (pos_ == 0 || toks_[pos_ - 1].offset < start) return Expected("a unit");
  const Token& last = toks_[pos_ - 1];
  auto n = Make(NodeKind::kUnitArg, start);
  n->length = last.offset + last.length - start;
  UnitError uerr;
  auto unit = ParseUnit(text_.substr(start, n->length), units_, &uerr);
  if (!unit) return Fail(start + uerr.offset, uerr.length, uerr.message);
  n->unit = *unit;
  n->has_unit = true;
  return n;
}

std::unique_ptr<Node> Parser::CallNode() {
  const Token& t = Peek();
  if (!IsFunction(t.text)) return Fail(t.offset, t.length, "unknown function '" + t.text + "'");
  DepthGuard guard(&depth_);
  if (TooDeep()) return nullptr;
  auto n = Make(NodeKind::kCall, t.offset);
  n->name = t.text;
  pos_ += 2;
  if (n->name == "actual") {  // named selections, not formulas: actual(ServiceName="…", period=2024-09)
    std::vector<SelectArg> args;
    if (!ParseSelectArgs(text_, toks_, &pos_, &args, err_)) return nullptr;
    for (SelectArg& a : args) {
      auto arg = Make(NodeKind::kSelect, a.offset);
      arg->length = a.length;
      arg->name = std::move(a.key);
      arg->text = std::move(a.value);
      n->args.push_back(std::move(arg));
    }
    Close(n.get());
    return n;
  }
  while (true) {
    bool unit_arg = TakesUnitArgument(n->name) && n->args.size() == 1;
    auto arg = unit_arg ? UnitArgument() : Expr();
    if (!arg) return nullptr;
    n->args.push_back(std::move(arg));
    if (IsOp(")")) break;
    if (!IsOp(",")) return Expected("',' or ')'");
    ++pos_;
  }
  ++pos_;
  Close(n.get());
  return n;
}

}  // namespace

std::unique_ptr<Node> ParseFormula(std::string_view text, const UnitTable& units,
                                   FormulaError* error) {
  FormulaError scratch;
  FormulaError* err = error ? error : &scratch;
  *err = {};
  std::vector<Token> toks;
  if (!Lex(text, &toks, err)) return nullptr;
  if (toks.size() == 1) {
    *err = {0, 1, "empty formula"};
    return nullptr;
  }
  return Parser(text, std::move(toks), units, err).Run();
}

void CollectReferences(const Node& node, std::vector<const Node*>* out) {
  if (node.kind == NodeKind::kName || node.kind == NodeKind::kPrice) out->push_back(&node);
  for (const auto& a : node.args) CollectReferences(*a, out);
}

}  // namespace costsite::cost
