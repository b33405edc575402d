// `costsite pdf [--source DIR] [--out DIR]`: every report as an A4 PDF, for
// readers who file reports rather than browse them. The site is built with
// single-file pages into a scratch folder and each is printed by headless
// Chromium (Debian's chromium) with the theme's print stylesheet; the PDFs
// replace the output folder only when all of them were made.
#ifndef COSTSITE_APP_PDF_COMMAND_H_
#define COSTSITE_APP_PDF_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace costsite::app {

/// The Chromium to print with: `requested` if set, else $CHROMIUM, else the
/// first of chromium, chromium-browser, google-chrome on $PATH; "" if none.
std::string FindChromium(const std::string& requested);

/// Runs `costsite pdf`; `args` start after "pdf". Returns the exit code.
int RunPdf(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace costsite::app

#endif  // COSTSITE_APP_PDF_COMMAND_H_
