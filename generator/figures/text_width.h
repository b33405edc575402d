// How wide a chart's text is set, measured without a font: the SVG is written
// at build time, so label widths are estimated from character classes. CJK
// and other wide characters take a full em; Latin letters, digits and
// punctuation their typical width in the common sans-serif faces (DejaVu Sans,
// Helvetica, Segoe UI), rounded up so that a label measured to fit does fit.
#ifndef COSTSITE_FIGURES_TEXT_WIDTH_H_
#define COSTSITE_FIGURES_TEXT_WIDTH_H_

#include <string>
#include <string_view>
#include <vector>

namespace costsite::figures {

/// Width of one code point in thousandths of an em.
int CharWidth(char32_t c);

/// Width of `utf8` set at `font_px`, in whole pixels (rounded up).
int TextWidth(std::string_view utf8, int font_px);

/// A label set in at most a few lines of a given width.
struct WrappedText {
  std::vector<std::string> lines;
  bool shortened = false;  // the last line ends in "…": show the full text in a <title>
};

/// Breaks `utf8` into at most `max_lines` lines no wider than `max_px` at
/// `font_px`: between words, and between any two wide (CJK) characters; a word
/// wider than a line is broken between characters. What does not fit in the
/// last line is cut and ends in "…". REQUIRES: max_lines >= 1.
WrappedText WrapText(std::string_view utf8, int max_px, int font_px, int max_lines);

}  // namespace costsite::figures

#endif  // COSTSITE_FIGURES_TEXT_WIDTH_H_
