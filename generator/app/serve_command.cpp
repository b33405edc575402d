#include "app/serve_command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <cstdio>
#include <thread>

#include "app/build.h"
#include "app/serve_session.h"
#include "app/watch.h"
#include "base/fs_util.h"
#include "markdown/markdown.h"

#ifdef COSTSITE_HAVE_HTTPLIB
#include <httplib.h>
#endif

namespace costsite::app {

namespace fs = std::filesystem;

std::string InjectLiveReload(std::string_view html, long version, std::string_view error) {
  std::string script =
      "<script>(function(){var v=" + std::to_string(version) +
      ";setInterval(function(){var x=new XMLHttpRequest();x.open('GET','" +
      std::string(kVersionEndpoint) +
      "');x.onload=function(){try{if(JSON.parse(x.responseText).version!==v)location.reload();}"
      "catch(e){}};x.send();},1000);})();</script>\n";
  if (!error.empty())
    script = "<pre class=\"costsite-build-error\" role=\"alert\" style=\"position:fixed;left:0;right:0;"
             "bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;"
             "color:#900;border-top:3px solid #b42318;z-index:1000;white-space:pre-wrap\">"
             "Build failed; showing the last good site.\n\n" +
             markdown::HtmlEscape(error) + "</pre>\n" + script;
  std::string out(html);
  size_t body = out.rfind("</body>");
  out.insert(body == std::string::npos ? out.size() : body, script);
  return out;
}

namespace {

std::atomic<bool> g_stop{false};  // set by SIGINT/SIGTERM; signal handlers cannot take a context
void OnSignal(int) { g_stop = true; }

const char* ContentType(const fs::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".csv") return "text/csv; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".xml") return "application/xml";
  if (ext == ".png") return "image/png";
  return "application/octet-stream";
}

struct ServeState {
  std::mutex mu;
  long version = 0;
  std::string error;  // diagnostics of the last build if it failed
};

std::string Duration(double seconds) {
  char buf[32];
  if (seconds < 1) std::snprintf(buf, sizeof buf, "%.0f ms", seconds * 1000);
  else std::snprintf(buf, sizeof buf, "%.2f s", seconds);
  return buf;
}

// Prints what a build or update did and records it for the browser.
void Record(const UpdateReport& r, ServeState* state, std::ostream& out, std::ostream& err) {
  if (!r.ok) {
    err << r.errors << "Build failed; still serving the last good site" << std::endl;
  } else if (r.full) {
    out << "Built " << r.pages_total << " pages in " << Duration(r.seconds) << " (" << r.warnings
        << (r.warnings == 1 ? " warning" : " warnings") << "; costsite check lists them)" << std::endl;
  } else if (r.pages_rendered > 0 || r.files_written > 0) {
    out << "Updated: ";
    if (r.repriced)
      out << r.pricing_files_parsed << (r.pricing_files_parsed == 1 ? " pricing file" : " pricing files")
          << " changed, " << r.models_changed << " of " << r.models_total << " models changed; ";
    out << "re-rendered " << r.pages_rendered << " of " << r.pages_total << " pages, " << r.files_written
        << (r.files_written == 1 ? " file" : " files") << " written in " << Duration(r.seconds) << std::endl;
  }
  std::lock_guard<std::mutex> lock(state->mu);
  if (r.ok && !r.full && r.files_written == 0) return;  // nothing the browser would see
  ++state->version;
  state->error = r.ok ? std::string() : r.errors;
}

}  // namespace

int RunServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* usage = "Usage: costsite serve [--source DIR] [--port N]\n";
  BuildOptions opt;
  int port = 8000;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << usage << "\nBuilds the site, serves it on http://127.0.0.1:N/ (default 8000; 0 picks a\n"
                      "free port), rebuilds when a source file changes and reloads the browser.\n";
      return 0;
    }
    bool valued = i + 1 < args.size();
    if (args[i] == "--source" && valued) {
      opt.source = args[++i];
    } else if (args[i] == "--port" && valued) {
      try {
        port = std::stoi(args[++i]);
      } catch (...) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        err << "costsite: --port needs a number from 0 to 65535\n" << usage;
        return 2;
      }
    } else {
      err << "costsite: unexpected argument '" << args[i] << "'\n" << usage;
      return 2;
    }
  }
#ifndef COSTSITE_HAVE_HTTPLIB
  err << "costsite: serve is not available: this costsite was built without cpp-httplib\n";
  return 1;
#else
  std::string tmpl = (fs::temp_directory_path() / "costsite-serve-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    err << "costsite: cannot create a temporary folder\n";
    return 1;
  }
  const fs::path scratch = tmpl;
  opt.out = scratch / "site";
  opt.force = true;
  opt.version = COSTSITE_VERSION;
  ServeState state;
  markdown::Initialize();
  ServeSession session(opt);
  Record(session.FullBuild(), &state, out, err);

  httplib::Server server;
  server.Get(std::string(kVersionEndpoint), [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state.mu);
    res.set_header("Cache-Control", "no-store");
    res.set_content("{\"version\":" + std::to_string(state.version) + "}", "application/json");
  });
  server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    std::string path = req.path;
    if (path.find("..") != std::string::npos) {
      res.status = 403;
      return;
    }
    if (path.empty() || path.back() == '/') path += "index.html";
    fs::path file = opt.out / path.substr(1);
    if (fs::is_directory(file)) file /= "index.html";
    std::string body, error;
    if (!ReadFile(file, &body, &error)) {
      res.status = 404;
      std::lock_guard<std::mutex> lock(state.mu);
      res.set_content(InjectLiveReload("<!DOCTYPE html><title>404</title><body><h1>404</h1><p>" +
                                           markdown::HtmlEscape(req.path) + "</p></body>",
                                       state.version, state.error),
                      "text/html; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", "no-store");
    if (file.extension() == ".html") {
      std::lock_guard<std::mutex> lock(state.mu);
      body = InjectLiveReload(body, state.version, state.error);
    }
    res.set_content(body, ContentType(file));
  });

  int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                        : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound < 0) {
    err << "costsite: cannot listen on 127.0.0.1:" << port << "\n";
    fs::remove_all(scratch);
    return 1;
  }
  std::thread listener([&] { server.listen_after_bind(); });
  out << "Serving http://127.0.0.1:" << bound << "/ (Ctrl-C to stop)" << std::endl;

  g_stop = false;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  SourceWatcher watcher(opt.source);
  while (!g_stop) {
    std::vector<std::string> changed = watcher.Wait(std::chrono::milliseconds(1000), g_stop);
    if (changed.empty()) continue;
    UpdateReport report = session.Update(changed);
    Record(report, &state, out, err);
    // The search index follows the pages: slower than the update, so after it.
    std::string error;
    if (report.ok && report.pages_rendered > 0 && !session.WriteSearchIndex(&error)) err << error << std::endl;
  }
  server.stop();
  listener.join();
  std::error_code ec;
  fs::remove_all(scratch, ec);
  return 0;
#endif
}

}  // namespace costsite::app
