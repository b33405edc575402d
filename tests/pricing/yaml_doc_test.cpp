#include "pricing/yaml_doc.h"

#include <filesystem>

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include "tests/test_util.h"

namespace costsite::pricing {
namespace {

// Describes a tree, one node per line: kind, mark, plain, text; the same
// shape whichever parser built it. A null's mark is left out: where a value
// is missing (`key:`), yaml-cpp marks the next token and libyaml the place
// after the colon (tested below).
void Describe(const YamlNode& n, int depth, std::string* out) {
  out->append(2 * depth, ' ');
  const char* kind = n.IsMap() ? "map" : n.IsSequence() ? "seq" : n.IsScalar() ? "scalar" : n.IsNull() ? "null" : "undefined";
  *out += kind;
  if (!n.IsNull()) *out += " @" + std::to_string(n.Mark().line) + ":" + std::to_string(n.Mark().column);
  if (n.IsScalar()) *out += (n.IsPlain() ? " plain '" : " styled '") + n.Scalar() + "'";
  *out += '\n';
  for (const YamlItem& item : n) {
    if (n.IsMap()) {
      Describe(item.first, depth + 1, out);
      Describe(item.second, depth + 2, out);
    } else {
      Describe(item, depth + 1, out);
    }
  }
}

std::string ViaLibyaml(std::string_view text) {
  YamlDoc doc;
  REQUIRE(YamlDoc::ParseWithLibyaml(text, &doc));
  std::string out;
  Describe(doc.Root(), 0, &out);
  return out;
}

std::string ViaYamlCpp(std::string_view text) {
  YamlDoc doc = YamlDoc::FromYamlCpp(YAML::Load(std::string(text)));
  std::string out;
  Describe(doc.Root(), 0, &out);
  return out;
}

}  // namespace

// The fast path must read every text as yaml-cpp did: same kinds, scalars,
// styles and marks (diagnostics are placed by them).
TEST_CASE("libyaml and yaml-cpp give the same tree for the forms pricing files use") {
  const char* texts[] = {
      "model: a\ntitle: {zh: 模型, en: Model}\nunit: USD/month\n",
      "params:\n  gpus: 4\n  hours: 730 h/month\nitems:\n  gpu:\n    formula: gpus * hours * @p/x\n",
      "prices:\n  - id: a100\n    price: 1.5\n    label: {zh: \"A100, 80G\", en: 'it''s'}\n  - id: b\n",
      "a: [1, 2, [3, {b: c}]]\nd: {}\ne: []\n",
      "key: |\n  line one\n  line two\nother: >-\n  folded\n  text\n",
      "# a comment\nk: v # trailing\n\n\nlist:\n- x\n-   y\n- - nested\n  - seq\n",
      "a: \"esc\\\"aped\\n\"\nb: 'single'\nc: plain text with spaces\n",
      "empty:\nnull1: ~\nnull2: null\nquoted_null: \"null\"\nnum: 3.50\n",
      "dup: 1\ndup: 2\n",
      "base: &b {x: 1}\nuse: *b\n",
      "? complex\n: value\n",
      "tagged: !!str 12\n",
      "",
      "# only a comment\n",
      "plain\n",
      "--- \nfirst: 1\n...\n--- \nsecond: 2\n",
      "indented:\n    deep:\n        deeper: 1\n",
      "windows: 1\r\nline: 2\r\n",
      "unicode: 每月 ¥7.2/GPU·h\n",
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK(ViaLibyaml(text) == ViaYamlCpp(text));
  }
}

TEST_CASE("libyaml and yaml-cpp agree on every pricing file of the example site") {
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(COSTSITE_SOURCE_DIR "/pricing")) {
    if (e.path().extension() != ".yaml") continue;
    std::string text = ReadAll(e.path());
    INFO(e.path());
    CHECK(ViaLibyaml(text) == ViaYamlCpp(text));
    ++files;
  }
  CHECK(files > 20);
}

TEST_CASE("YamlNode looks keys up, iterates in order and keeps duplicates") {
  YamlDoc doc;
  YamlDoc::Error err;
  REQUIRE(YamlDoc::Parse("a: 1\nb: [x, y]\na: 2\nn:\n", &doc, &err));
  YamlNode root = doc.Root();
  CHECK(root.size() == 4);
  CHECK(root["a"].Scalar() == "1");  // the first of two
  CHECK(root["b"].IsSequence());
  CHECK(root["b"].size() == 2);
  CHECK_FALSE(root["missing"]);
  CHECK(root["n"].IsDefined());
  CHECK(root["n"].IsNull());
  CHECK_FALSE(root["a"]["x"]);  // a scalar has no keys
  std::vector<std::string> keys;
  for (const YamlItem& kv : root) keys.push_back(kv.first.Scalar());
  CHECK(keys == std::vector<std::string>{"a", "b", "a", "n"});
  std::vector<std::string> items;
  for (const YamlItem& x : root["b"]) items.push_back(x.Scalar());
  CHECK(items == std::vector<std::string>{"x", "y"});
  CHECK(root["b"][""].IsDefined() == false);
}

TEST_CASE("A text libyaml rejects is read, or refused, by yaml-cpp with its wording") {
  YamlDoc doc;
  YamlDoc::Error err;
  CHECK_FALSE(YamlDoc::Parse("a: {b: 1\nc: 2\n", &doc, &err));
  CHECK(err.message == "end of map flow not found");
  CHECK(err.mark.line >= 0);
  CHECK_FALSE(doc.Root());
  // An alias without its anchor: libyaml parses it, yaml-cpp names the problem.
  CHECK_FALSE(YamlDoc::ParseWithLibyaml("a: *nowhere\n", &doc));
  CHECK_FALSE(YamlDoc::Parse("a: *nowhere\n", &doc, &err));
  CHECK(err.message.find("anchor") != std::string::npos);
}

TEST_CASE("A missing value is marked just after its key's colon") {
  YamlDoc doc;
  YamlDoc::Error err;
  REQUIRE(YamlDoc::Parse("a:\n  price:\n  next: 1\n", &doc, &err));
  YamlNode price = doc.Root()["a"]["price"];
  CHECK(price.IsNull());
  CHECK(price.Mark().line == 1);
  CHECK(price.Mark().column == 8);
}

// yaml-cpp counts the first line's columns from after a byte order mark;
// diagnostics show the line with it, so columns count its three bytes.
TEST_CASE("Columns of the first line count a byte order mark") {
  YamlDoc doc;
  REQUIRE(YamlDoc::ParseWithLibyaml("\xEF\xBB\xBF" "bom: yes\n", &doc));
  CHECK(doc.Root()["bom"].Mark().column == 8);
}

TEST_CASE("An empty text is one null node") {
  YamlDoc doc;
  YamlDoc::Error err;
  REQUIRE(YamlDoc::Parse("", &doc, &err));
  CHECK(doc.Root().IsNull());
  CHECK(doc.Root().Mark().line == -1);
}

// docs/pricing.md: the document with its aliases followed may weigh at most
// 4 times the text plus 64 KiB (a node weighs one byte plus its scalar's).
TEST_CASE("Aliases that expand a text past its budget are refused at the alias", "[pricing][yaml]") {
  std::string big(1000, 'x');
  std::string text = "a: &big " + big + "\nuses:\n";
  // The text is 1,735 bytes: a budget of 4 × 1,735 + 65,536 = 72,476. Before
  // the aliases the document weighs 1,010 (root 1, "a" 2, the text 1,001,
  // "uses" 5, the list 1), and each use adds 1,001: the 72nd passes it.
  for (int i = 0; i < 80; ++i) text += "  - *big\n";
  YamlDoc doc;
  YamlDoc::Error err;
  CHECK_FALSE(YamlDoc::Parse(text, &doc, &err));
  CHECK(err.message ==
        "alias *big expands the document past 4 times the file's size (plus 64 KiB); write the repeated "
        "text out or repeat it less");
  CHECK(err.mark.line == 73);  // 0-based: line 74, the 72nd use
  CHECK(err.mark.column == 4);
  CHECK_FALSE(doc.Root());

  std::string within = "a: &big " + big + "\nuses:\n";
  for (int i = 0; i < 20; ++i) within += "  - *big\n";
  REQUIRE(YamlDoc::Parse(within, &doc, &err));
  CHECK(doc.Root()["uses"].size() == 20);
  CHECK((*doc.Root()["uses"].begin()).Scalar() == big);
}

TEST_CASE("A billion laughs is refused, not expanded", "[pricing][yaml]") {
  std::string text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" + prev;
    for (int k = 1; k < 10; ++k) text += ", " + prev;
    text += "]\n";
  }
  YamlDoc doc;
  YamlDoc::Error err;
  CHECK_FALSE(YamlDoc::Parse(text, &doc, &err));
  CHECK(err.message.find("alias *l") == 0);
  CHECK(err.mark.line >= 1);
}

TEST_CASE("Lists and maps nested more than 64 deep are refused where the 65th begins", "[pricing][yaml]") {
  YamlDoc doc;
  YamlDoc::Error err;
  std::string deep = "a: " + std::string(200000, '[') + std::string(200000, ']') + "\n";
  CHECK_FALSE(YamlDoc::Parse(deep, &doc, &err));
  CHECK(err.message == "lists and maps nested more than 64 levels deep");
  CHECK(err.mark.line == 0);
  CHECK(err.mark.column == 3 + 63);  // the root map is the first level
  std::string ok = "a: " + std::string(63, '[') + std::string(63, ']') + "\n";
  CHECK(YamlDoc::Parse(ok, &doc, &err));
}

// Marks on one long line are walked on from the previous one: each must
// still count the bytes of every character before it.
TEST_CASE("Marks on a long line count bytes of multibyte characters", "[pricing][yaml]") {
  std::string text = "[";
  for (int i = 0; i < 1000; ++i) text += i ? ", é" : "é";
  text += "]\n";
  YamlDoc doc;
  YamlDoc::Error err;
  REQUIRE(YamlDoc::Parse(text, &doc, &err));
  int i = 0;
  for (const YamlItem& item : doc.Root()) {
    INFO(i);
    CHECK(item.Mark().column == (i == 0 ? 1 : 1 + 2 + (i - 1) * 4 + 2));
    ++i;
  }
  CHECK(i == 1000);
}

}  // namespace costsite::pricing
