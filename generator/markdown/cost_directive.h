// What the `cost …` fenced blocks share: a block's fence line parsed into
// its directive (arguments with their columns, checked against what the
// directive takes), the model results it names, and a figures-stage
// fragment rendered in its place. Internal to the markdown stage.
#ifndef COSTSITE_MARKDOWN_COST_DIRECTIVE_H_
#define COSTSITE_MARKDOWN_COST_DIRECTIVE_H_

#include <cmark-gfm.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cost/evaluation.h"
#include "figures/fragments.h"
#include "markdown/cost_expand.h"

namespace costsite::markdown {

struct Arg {
  std::string value;
  int col = 0;  // of the key
  int value_col = 0;
  bool used = false;
};

// A display option of a table's numbers ("precision=0", "compact"), with the
// column it starts at.
struct FormatWord {
  std::string text;
  int col = 0;
};

struct Directive {
  std::string name;
  int name_col = 0;
  std::map<std::string, Arg> args;
  std::vector<FormatWord> format_words;
  figures::FormatOptions format;  // from format_words
  int line = 0;
  int width = 1;  // columns of the info string, for carets on it
};

/// The items of a comma-separated list, empty ones left out.
std::vector<std::string> Split(const std::string& list);

/// Parses "cost table model=x" from the fence line of `block`; false after
/// reporting.
bool ParseDirective(PageExpansion& page, cmark_node* block, Directive* d);

/// The result of `model=` in the scenario its `scenario_key` argument names
/// (none: the base case); nullptr after reporting.
const cost::ModelResult* Result(PageExpansion& page, const Directive& d, std::string_view scenario_key = "scenario");

/// The results named by scenarios=a,b (or the base and each scenario); "base" is the base case.
bool Results(PageExpansion& page, const Directive& d, std::vector<const cost::ModelResult*>* out);

/// The figures a block shows when it names none: the total, else every derived figure.
std::vector<std::string> DefaultFigures(const cost::ModelResult& r);

/// Renders fragment `f` of directive `d` (figures::DirectiveElement, as the
/// what-if engine renders it again) and marks it on a page with inputs.
std::string Element(PageExpansion& page, const Directive& d, figures::Fragment f,
                    const std::vector<const cost::ModelResult*>& results);

/// `cost inputs model=m [params=a,b] [scenarios=all|a,b] [as_of=pick]` (cost_inputs_block.cpp).
std::string InputsBlock(PageExpansion& page, const Directive& d, const cost::ModelResult& r);

}  // namespace costsite::markdown

#endif  // COSTSITE_MARKDOWN_COST_DIRECTIVE_H_
