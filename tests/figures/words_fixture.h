// The default theme's words, for tests that render figures without a site.
#ifndef COSTSITE_TESTS_FIGURES_WORDS_FIXTURE_H_
#define COSTSITE_TESTS_FIGURES_WORDS_FIXTURE_H_

#include <string_view>

#include "figures/strings.h"
#include "load/theme.h"

namespace costsite::testing {

/// The built-in words, loaded once (they are read-only).
inline const figures::UiWords& BuiltinWordsForTest() {
  static const figures::UiWords words = [] {
    Diagnostics diags;
    return load::BuiltinWords(&diags);
  }();
  return words;
}

/// `lang` with the built-in words, falling back to English as the default site does.
inline figures::Speaker SpeakerFor(std::string_view lang) {
  return {lang, &BuiltinWordsForTest(), "en"};
}

}  // namespace costsite::testing

#endif  // COSTSITE_TESTS_FIGURES_WORDS_FIXTURE_H_
