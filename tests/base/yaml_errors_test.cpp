#include "base/yaml_errors.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "base/yaml_util.h"
#include "cost/inputs.h"
#include "pricing/pricing.h"
#include "tests/test_util.h"

namespace costsite {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* expected;  // the diagnostic, as FormatDiagnostic prints it for "f.yaml"
};

// The common mistakes, each as both YAML readers report it.
const Case kCases[] = {
    {"a key indented one space less than its neighbours",
     "provider: x\nprices:\n  - id: a\n    unit: USD/h\n   group: g\n    price: 1\n",
     "f.yaml:5:4: error: 'group' is indented 3 spaces; the keys beside it are indented 4\n"
     " 5 |    group: g\n"
     "   |    ^~~~~\n"},
    {"a key indented one space more than its neighbours",
     "provider: x\nprices:\n  - id: a\n    unit: USD/h\n     group: g\n",
     "f.yaml:5:6: error: 'group' is indented 5 spaces; the keys beside it are indented 4\n"
     " 5 |      group: g\n"
     "   |      ^~~~~\n"},
    {"a top-level key indented",
     "provider: x\ncurrency: USD\n prices: []\n",
     "f.yaml:3:2: error: 'prices' is indented 1 space; the keys beside it are not indented\n"
     " 3 |  prices: []\n"
     "   |  ^~~~~~\n"},
    {"a tab",
     "provider: x\nprices:\n  - id: a\n\tunit: USD/h\n",
     "f.yaml:4:1: error: a tab indents this line; YAML indents with spaces only\n"
     " 4 |  unit: USD/h\n"
     "   | ^\n"},
    {"a missing space after ':'",
     "provider: x\nprices:\n  - id: a\n    unit:USD/h\n    price: 1\n",
     "f.yaml:4:9: error: 'unit:USD/h' needs a space after ':' (unit: USD/h); without it YAML reads one word, "
     "not a key and its value\n"
     " 4 |     unit:USD/h\n"
     "   |         ^\n"},
    {"an unclosed brace",
     "provider: x\nname: {zh: 坏, en: Broken\ncurrency: USD\n",
     "f.yaml:2:7: error: '{' is not closed: end the map with '}'\n"
     " 2 | name: {zh: 坏, en: Broken\n"
     "   |       ^\n"},
    {"an unclosed bracket",
     "provider: x\nlanguages: [zh, en\ncurrency: USD\n",
     "f.yaml:2:12: error: '[' is not closed: end the list with ']'\n"
     " 2 | languages: [zh, en\n"
     "   |            ^\n"},
    {"an unclosed quote",
     "provider: x\nname: \"abc\nprices: []\n",
     "f.yaml:2:7: error: the quote \" that opens this value is not closed: end the value with \"\n"
     " 2 | name: \"abc\n"
     "   |       ^\n"},
    {"a list item among map keys",
     "provider: x\nprices:\n  - id: a\n    unit: USD/h\n    - price: 1\n",
     "f.yaml:5:5: error: a list item among the keys of a map: the lines beside it are keys ('key: value'); drop "
     "the '- ', or put the list under a key of its own\n"
     " 5 |     - price: 1\n"
     "   |     ^\n"},
    {"': ' inside a plain value",
     "provider: x\nnote: see: the table\n",
     "f.yaml:2:10: error: the value of 'note' holds ': ', which YAML reads as the start of another key: put the "
     "value in quotes (note: \"see: the table\")\n"
     " 2 | note: see: the table\n"
     "   |          ^\n"},
};

TEST_CASE("YAML syntax errors name the mistake, in the same words from both readers", "[yaml]") {
  for (const Case& c : kCases) {
    INFO(c.name);
    Diagnostics by_yaml_cpp;
    CHECK_FALSE(ParseYaml("f.yaml", c.text, &by_yaml_cpp).has_value());
    CHECK(AllDiagnostics(by_yaml_cpp) == c.expected);
    Diagnostics by_libyaml;
    cost::Inputs inputs;
    pricing::ParsePricingFile("f.yaml", c.text, &inputs, by_libyaml);
    CHECK(AllDiagnostics(by_libyaml) == c.expected);
    for (const Diagnostic& d : by_libyaml.Sorted()) CHECK(d.root_cause);
  }
}

TEST_CASE("Syntax errors of a block inside a larger file are placed in the file", "[yaml]") {
  Diagnostics diags;
  CHECK_FALSE(ParseYaml("content/a.md", "title: T\n weight: 2\n", &diags, 2).has_value());
  CHECK(AllDiagnostics(diags) ==
        "content/a.md:3:2: error: 'weight' is indented 1 space; the keys beside it are not indented\n"
        " 3 |  weight: 2\n"
        "   |  ^~~~~~\n");
}

TEST_CASE("Valid YAML with quotes, flows and block scalars is not taken for a mistake", "[yaml]") {
  const char* ok =
      "title: \"a \\\" b\"\nnote: 'it''s'\nlabel: it's fine\nlist: [a, \"b]\", {c: d}]\n"
      "map: {\n  a: 1,\n  b: 2 }\ntext: |\n  \"open\n  [open\nmulti: \"one\n  two\"\n";
  CHECK_FALSE(FindUnclosedQuote(ok).has_value());
  Diagnostics diags;
  CHECK(ParseYaml("f.yaml", ok, &diags).has_value());
  CHECK(AllDiagnostics(diags).empty());
}

TEST_CASE("A mistake the explainer does not know keeps the parser's words", "[yaml]") {
  YamlSyntaxError e = ExplainYamlError("a: b\n", 0, 3, "something else");
  CHECK(e.message == "malformed YAML: something else");
  CHECK(e.line == 0);
  CHECK(e.column == 3);
}

}  // namespace
}  // namespace costsite
