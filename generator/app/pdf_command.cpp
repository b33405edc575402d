#include "app/pdf_command.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "content/site_layout.h"
#include "app/build.h"
#include "base/fs_util.h"
#include "markdown/markdown.h"
#include "output/staging.h"

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

const char* kUsage =
    "Usage: costsite pdf [--source DIR] [--out DIR] [--chromium PATH]\n"
    "\n"
    "Prints every report, in every language, to an A4 PDF with headless\n"
    "Chromium: --out (default DIR/pdf) receives LANG/KEY.pdf. Needs Chromium\n"
    "(apt-get install chromium); --chromium or $CHROMIUM names another.\n"
    "Exit status: 0 success, 1 errors in the inputs or no Chromium, 2 bad usage.\n";

bool IsExecutable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p); }

// Runs `argv` with output discarded; false unless it exits 0 within `limit`.
bool RunQuietly(const std::vector<std::string>& argv, std::chrono::seconds limit) {
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

std::string FindChromium(const std::string& requested) {
  if (!requested.empty()) return IsExecutable(requested) ? requested : "";
  if (const char* env = std::getenv("CHROMIUM"); env && *env) return IsExecutable(env) ? env : "";
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (end > start && IsExecutable(candidate)) return candidate.string();
      start = end + 1;
    }
  }
  return "";
}

int RunPdf(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  fs::path source = ".", dest;
  std::string chromium_arg;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kUsage;
      return 0;
    }
    bool valued = i + 1 < args.size();
    if (args[i] == "--source" && valued) source = args[++i];
    else if (args[i] == "--out" && valued) dest = args[++i];
    else if (args[i] == "--chromium" && valued) chromium_arg = args[++i];
    else {
      err << "costsite: unexpected argument '" << args[i] << "'\n" << kUsage;
      return 2;
    }
  }
  if (dest.empty()) dest = source / "pdf";
  std::string chromium = FindChromium(chromium_arg);
  if (chromium.empty()) {
    err << "costsite: pdf needs Chromium: install it (apt-get install chromium) or name it with --chromium\n";
    return 1;
  }
  if (std::string why = output::CheckOutputLocation(source, dest, content::kSourceDirs); !why.empty()) {
    err << "costsite: " << why << " (--out " << dest.string() << ")\n";
    return 2;
  }
  std::string tmpl = (fs::temp_directory_path() / "costsite-pdf-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    err << "costsite: cannot create a temporary folder\n";
    return 1;
  }
  const fs::path scratch = tmpl;
  auto cleanup = [&] {
    std::error_code ec;
    fs::remove_all(scratch, ec);
  };

  BuildOptions opt;
  opt.source = source;
  opt.out = scratch / "site";
  opt.single_file = true;
  Diagnostics diags;
  BuildStats stats;
  markdown::Initialize();
  if (!BuildSite(opt, &diags, &stats) || diags.HasErrors()) {
    for (const Diagnostic& d : diags.Sorted())
      if (d.severity == Severity::kError) err << FormatDiagnostic(d);
    err << "costsite: the site has errors; no PDF was written\n";
    cleanup();
    return 1;
  }

  output::Staging staging(dest);
  std::string error;
  if (!output::ForeignFiles(dest).empty()) {
    err << "costsite: refusing to replace " << dest.string() << ": it holds files costsite did not write\n";
    cleanup();
    return 1;
  }
  if (!staging.Begin(&error)) {
    err << "costsite: " << error << "\n";
    cleanup();
    return 1;
  }
  const fs::path single = opt.out / "single";
  size_t made = 0;
  std::error_code ec;
  std::vector<fs::path> pages;
  for (auto it = fs::recursive_directory_iterator(single, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".html") pages.push_back(it->path());
  std::sort(pages.begin(), pages.end());
  for (const fs::path& page : pages) {
    std::string rel = fs::relative(page, single).replace_extension(".pdf").generic_string();
    fs::path pdf = scratch / "pdf.tmp";
    // The flags a machine without network access needs (no background
    // connections); a fresh profile each time, so nothing is shared.
    std::vector<std::string> argv = {chromium,
                                     "--headless",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--no-first-run",
                                     "--no-pdf-header-footer",
                                     "--print-to-pdf-no-header",
                                     "--user-data-dir=" + (scratch / "profile").string(),
                                     "--print-to-pdf=" + pdf.string(),
                                     "file://" + fs::absolute(page).string()};
    std::string bytes;
    if (!RunQuietly(argv, std::chrono::seconds(120)) || !ReadFile(pdf, &bytes, &error) ||
        bytes.compare(0, 5, "%PDF-") != 0) {
      err << "costsite: Chromium could not print " << rel << "\n";
      cleanup();
      return 1;
    }
    if (!staging.Write(rel, bytes, &error)) {
      err << "costsite: " << error << "\n";
      cleanup();
      return 1;
    }
    fs::remove(pdf, ec);
    ++made;
  }
  if (!staging.Commit(&error)) {
    err << "costsite: " << error << "\n";
    cleanup();
    return 1;
  }
  cleanup();
  out << "Wrote " << made << " PDF" << (made == 1 ? "" : "s") << " to " << dest.string() << "\n";
  return 0;
}

}  // namespace costsite::app
