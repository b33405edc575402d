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

mstch::data ShortcodeData(const markdown::ShortcodeCall& call, int uid, const markdown::LinkRewriter* rewrite) {
  mstch::data d;
  d.set("name", call.name);
  d.set("uid", "sc-" + std::to_string(uid));
  d.set("paired", mstch::data(call.paired));
  d.set("markdown_form", mstch::data(call.markdown_form));
  if (!call.inner_html.empty()) d.set("inner", call.inner_html);
  if (!call.inner_raw.empty()) d.set("inner_raw", call.inner_raw);
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
