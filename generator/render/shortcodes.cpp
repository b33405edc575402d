#include "render/shortcodes.h"

namespace costsite::render {

namespace mstch = kainjow::mustache;

namespace {

// Mustache treats "" as true; an empty value is left unset.
void SetValue(mstch::data* d, const std::string& key, const std::string& value) {
  if (value == "true" || value == "false") d->set(key, mstch::data(value == "true"));
  else if (!value.empty()) d->set(key, value);
}

}  // namespace

bool UsesInner(const std::string& text) {
  for (size_t at = text.find("inner"); at != std::string::npos; at = text.find("inner", at + 1)) {
    size_t end = at + 5;
    while (end < text.size() && text[end] == ' ') ++end;
    if (text.compare(end, 2, "}}") == 0) return true;  // {{inner}}, {{{inner}}}, {{#inner}}, {{& inner}}
  }
  return false;
}

mstch::data ShortcodeData(const markdown::ShortcodeCall& call, bool wants_inner, int uid,
                          const markdown::LinkRewriter* rewrite) {
  mstch::data d;
  d.set("name", call.name);
  d.set("uid", "sc-" + std::to_string(uid));
  d.set("paired", mstch::data(call.paired));
  d.set("markdown_form", mstch::data(call.markdown_form));
  if (wants_inner && call.render_inner && !call.render_inner().empty()) d.set("inner", call.render_inner());
  // As written, without the line breaks that follow the opening tag and end
  // the last line (`{{< highlight >}}` on a line of its own).
  std::string_view raw = call.inner_raw;
  if (!raw.empty() && raw.front() == '\n') raw.remove_prefix(1);
  if (!raw.empty() && raw.back() == '\n') raw.remove_suffix(1);
  if (!raw.empty()) d.set("inner_raw", std::string(raw));
  mstch::data args{mstch::data::type::list};
  for (size_t i = 0; i < call.positional.size(); ++i) {
    mstch::data item;
    item.set("value", call.positional[i]);
    args.push_back(item);
    SetValue(&d, "arg" + std::to_string(i), call.positional[i]);
  }
  d.set("args", args);
  std::string label = call.positional.empty() ? "" : call.positional[0];
  for (const char* key : {"name", "header", "title"}) {
    for (const auto& [k, v] : call.named)
      if (k == key && !v.empty()) label = v;
  }
  for (const auto& [k, v] : call.named) {
    std::string value = v;
    if (rewrite && !value.empty() && (k == "src" || k == "link" || k == "href"))
      value = (*rewrite)(markdown::Link{value, call.pos, k == "src"});
    SetValue(&d, k, value);
  }
  SetValue(&d, "label", label);
  return d;
}

}  // namespace costsite::render
