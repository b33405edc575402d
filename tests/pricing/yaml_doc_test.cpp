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

}  // namespace costsite::pricing
