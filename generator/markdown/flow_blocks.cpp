#include "markdown/flow_blocks.h"

#include <cmark-gfm.h>

#include <cstring>
#include <vector>

#include "markdown/cmark_util.h"
#include "markdown/markdown.h"

namespace costsite::markdown {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The steps of one line and the byte offset of each, split at "→" or "->".
std::vector<std::pair<std::string_view, size_t>> Steps(std::string_view line) {
  std::vector<std::pair<std::string_view, size_t>> out;
  size_t from = 0;
  while (true) {
    size_t arrow = line.find("→", from), ascii = line.find("->", from);
    size_t at = std::min(arrow, ascii);
    std::string_view raw = line.substr(from, at == std::string_view::npos ? at : at - from);
    size_t lead = raw.find_first_not_of(" \t");
    out.emplace_back(Trim(raw), from + (lead == std::string_view::npos ? 0 : lead));
    if (at == std::string_view::npos) break;
    from = at + (at == arrow ? std::strlen("→") : 2);
  }
  return out;
}

}  // namespace

std::string RenderFlow(std::string_view text, const SourcePos& at, Diagnostics* diags) {
  std::string html = "<div class=\"flow\">";
  bool in_part = false, ok = true;
  int line_no = 0;
  auto close_part = [&] {
    if (in_part) html += "</div>";
    in_part = false;
  };
  auto open_part = [&](std::string_view title) {
    close_part();
    html += "<div class=\"flow-part\">";
    if (!title.empty()) html += "<p class=\"flow-title\">" + HtmlEscape(title) + "</p>";
    in_part = true;
  };
  for (size_t from = 0; from <= text.size(); ++line_no) {
    size_t nl = std::min(text.find('\n', from), text.size());
    std::string_view line = text.substr(from, nl - from);
    from = nl + 1;
    if (Trim(line).empty()) {
      if (nl == text.size()) break;
      continue;
    }
    if (Trim(line).front() == '#') {
      std::string_view title = Trim(line);
      title.remove_prefix(title.find_first_not_of('#') == std::string_view::npos ? title.size()
                                                                                  : title.find_first_not_of('#'));
      open_part(Trim(title));
      continue;
    }
    if (!in_part) open_part("");
    bool branch = line.front() == ' ' || line.front() == '\t';
    html += branch ? "<ol class=\"flow-path flow-branch\">" : "<ol class=\"flow-path\">";
    for (const auto& [step, col] : Steps(line)) {
      if (step.empty()) {
        SourcePos pos{at.path, at.line + line_no, static_cast<int>(col) + 1};
        diags->Add({Severity::kError, pos, "empty step in flow diagram (write text between the arrows)",
                    std::string(line), 1, "flow-step"});
        ok = false;
        continue;
      }
      html += "<li>" + HtmlEscape(step) + "</li>";
    }
    html += "</ol>";
    if (nl == text.size()) break;
  }
  close_part();
  html += "</div>\n";
  return ok ? html : "";
}

void ExpandFlowBlocks(cmark_node* root, const std::string& path, int line_offset, Diagnostics* diags) {
  std::vector<cmark_node*> blocks;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK) continue;
    const char* info = cmark_node_get_fence_info(n);
    if (info && std::strcmp(info, "flow") == 0) blocks.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* b : blocks) {
    const char* lit = cmark_node_get_literal(b);
    // The text starts on the line after the opening fence.
    SourcePos at{path, cmark_node_get_start_line(b) + 1 + line_offset, 1};
    std::string html = RenderFlow(lit ? lit : "", at, diags);
    if (!html.empty()) ReplaceWithHtml(b, html);
  }
}

}  // namespace costsite::markdown
