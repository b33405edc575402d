#include "render/splice.h"

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>

namespace costsite::render {
namespace {

namespace mstch = kainjow::mustache;

// What a template renders with `value` in its data, and with the marker
// spliced afterwards: the two must be the same text.
void CheckSameAsData(const std::string& tmpl, const std::string& value) {
  SplicedValue v("content");
  mstch::mustache direct(tmpl), marked(tmpl);
  mstch::data with_value, with_marker;
  with_value.set("content", value);
  with_marker.set("content", v.marker());
  INFO(tmpl);
  CHECK(Splice(marked.render(with_marker), {{&v, value}}) == direct.render(with_value));
}

}  // namespace

TEST_CASE("A spliced value renders as it would from the template data, escaped or not") {
  const std::string html = "<p class=\"x\">Tom & Jerry's <b>cost</b></p>";
  for (const char* tmpl : {"<main>{{{content}}}</main>", "<main>{{&content}}</main>", "<p>{{content}}</p>",
                           "{{#content}}[{{{.}}}]{{/content}}", "{{^content}}none{{/content}}",
                           "a{{{content}}}b{{{content}}}c", "<meta content=\"{{content}}\">{{{content}}}", "no value"})
    CheckSameAsData(tmpl, html);
  CheckSameAsData("<main>{{{content}}}</main>", "");
}

TEST_CASE("Splice does not search the values it inserts") {
  SplicedValue a("a"), b("b");
  // b's value holds a's marker: inserted as text, not replaced again.
  std::string out = Splice("1" + a.marker() + "2" + b.marker() + "3", {{&a, "A"}, {&b, a.marker()}});
  CHECK(out == "1A2" + a.marker() + "3");
}

TEST_CASE("Markers differ between renderers and name their value") {
  SplicedValue x("content"), y("content");
  CHECK(x.marker() != y.marker());
  CHECK(x.marker().find("content") != std::string::npos);
  CHECK(Splice("plain text", {{&x, "v"}}) == "plain text");
}

}  // namespace costsite::render
