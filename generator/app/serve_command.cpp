#include "app/serve_command.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <sys/resource.h>
#include <sys/syscall.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "app/build.h"
#include "app/serve_path.h"
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
          << " changed, " << r.models_evaluated << " of " << r.models_total << " models evaluated, "
          << r.models_changed << " changed; ";
    out << "re-rendered " << r.pages_rendered << " of " << r.pages_total << " pages, " << r.files_written
        << (r.files_written == 1 ? " file" : " files") << " written in " << Duration(r.seconds);
    if (r.repriced) out << " (pricing read and evaluated in " << Duration(r.pricing_seconds) << ")";
    if (r.pages_rendered > 0) out << ", the first page after " << Duration(r.first_page_seconds);
    out << std::endl;
  }
  std::lock_guard<std::mutex> lock(state->mu);
  if (r.ok && !r.full && r.files_written == 0) return;  // nothing the browser would see
  ++state->version;
  state->error = r.ok ? std::string() : r.errors;
}

// SIGINT, SIGTERM and SIGHUP, blocked in every thread of serve and taken by
// one thread with sigwait, which sets `stop`. A handler would not do: the
// output stage installs its own on every full build (to remove its staging
// folder and die), and it would end serve without removing the scratch
// folder. The mask must be set before any other thread starts, since
// threads inherit it.
class StopSignals {
 public:
  explicit StopSignals(std::atomic<bool>* stop) : stop_(stop) {
    sigemptyset(&set_);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set_, sig);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
    waiter_ = std::thread([this] {
      int sig = 0;
      sigwait(&set_, &sig);
      *stop_ = true;
    });
  }
  ~StopSignals() {
    // Serve ended without a signal (it could not listen): wake the waiter.
    // A signal sent to it after it returned is discarded with the thread.
    if (!*stop_) pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  std::atomic<bool>* stop_;
  sigset_t set_;
  std::thread waiter_;
};

// The private folder serve builds into, removed on every way out.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string tmpl = (fs::temp_directory_path() / "costsite-serve-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path_ = tmpl;
  }
  ~ScratchFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  /// Empty when the folder could not be made.
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Writes search-index.js on a thread of its own, after the pages an update
// re-rendered are served: at 2 × 10,000 pages building the index takes
// longer than the update itself, and the next change must not wait for it.
// Only the latest snapshot is built; an update cancels the one being built
// (it would be stale). An update writes files holding `files_lock`, and the
// index is written holding it too, after checking it was not cancelled: a
// stale index never lands in the served folder (a full build replaces it).
class SearchIndexWriter {
 public:
  explicit SearchIndexWriter(std::ostream& err) : err_(err), thread_([this] { Run(); }) {}
  ~SearchIndexWriter() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      if (cancel_) *cancel_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  SearchIndexWriter(const SearchIndexWriter&) = delete;
  SearchIndexWriter& operator=(const SearchIndexWriter&) = delete;

  /// Drops the index being built or waiting; true if there was one. Call
  /// holding files_lock.
  bool Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    bool dropped = busy_ || pending_.has_value();
    if (cancel_) *cancel_ = true;
    pending_.reset();
    return dropped;
  }
  /// Builds and writes the index of `snapshot` once the thread is free.
  void Post(SearchSnapshot snapshot) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (cancel_) *cancel_ = true;
      pending_ = std::move(snapshot);
    }
    wake_.notify_one();
  }

  std::mutex files_lock;

 private:
  void Run() {
#ifdef __linux__
    // Below the updates: on a busy machine the pages come first.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 19);
#endif
    for (;;) {
      SearchSnapshot job;
      std::shared_ptr<std::atomic<bool>> cancel;
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_.wait(lock, [this] { return stop_ || pending_.has_value(); });
        if (stop_) return;
        job = std::move(*pending_);
        pending_.reset();
        cancel_ = cancel = std::make_shared<std::atomic<bool>>(false);
        busy_ = true;
      }
      std::string error;
      if (!WriteSearchIndex(job, cancel.get(), &files_lock, &error)) err_ << error << std::endl;
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = false;
    }
  }

  std::ostream& err_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool busy_ = false;  // a job is being built
  std::optional<SearchSnapshot> pending_;
  std::shared_ptr<std::atomic<bool>> cancel_;  // of the job being built
  std::thread thread_;  // last: starts once the rest is made
};

#ifdef COSTSITE_HAVE_HTTPLIB
// Idle keep-alive connections each hold a worker until they time out: with
// cpp-httplib's default pool (8 on a small machine) and 5 s timeouts, a
// browser's few open connections plus a handful of idle ones delayed every
// request by seconds. Threads are cheap next to a build.
constexpr size_t kWorkers = 64;
constexpr time_t kIdleSeconds = 2;

void NotFound(const httplib::Request& req, ServeState* state, httplib::Response* res) {
  res->status = 404;
  std::lock_guard<std::mutex> lock(state->mu);
  res->set_content(InjectLiveReload("<!DOCTYPE html><title>404</title><body><h1>404</h1><p>" +
                                        markdown::HtmlEscape(req.path) + "</p></body>",
                                    state->version, state->error),
                   "text/html; charset=utf-8");
}

// Answers a request for a file of the site in `root`.
void ServeFile(const fs::path& root, const httplib::Request& req, ServeState* state, httplib::Response* res) {
  std::optional<fs::path> file = ResolveRequestPath(root, req.target);
  if (!file) return NotFound(req, state, res);
  std::error_code ec;
  if (fs::is_directory(*file, ec)) {
    // A folder asked for without its slash: its pages' relative links would
    // resolve against the parent, so send the browser to the folder.
    std::string_view target = req.target;
    size_t query = target.find('?');
    if (target.substr(0, query).back() != '/') {
      std::string to(target.substr(0, query));
      to += "/";
      if (query != std::string_view::npos) to += target.substr(query);
      res->set_redirect(to, 302);
      return;
    }
    *file /= "index.html";
  }
  // The resolved name is inside root; its real path must be too (a symbolic
  // link in the output would lead elsewhere).
  std::string body, error;
  if (!IsWithin(*file, root) || !ReadFile(*file, &body, &error)) return NotFound(req, state, res);
  res->set_header("Cache-Control", "no-store");
  if (file->extension() == ".html") {
    std::lock_guard<std::mutex> lock(state->mu);
    body = InjectLiveReload(body, state->version, state->error);
  }
  res->set_content(body, ContentType(*file));
}

void ConfigureServer(const fs::path& root, ServeState* state, httplib::Server* server) {
  server->new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server->set_keep_alive_timeout(kIdleSeconds);
  server->set_read_timeout(kIdleSeconds, 0);
  server->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (IsLoopbackHost(req.get_header_value("Host"))) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 403;
    res.set_content("costsite serve answers only requests for 127.0.0.1, localhost or [::1]\n", "text/plain");
    return httplib::Server::HandlerResponse::Handled;
  });
  server->Get(std::string(kVersionEndpoint), [state](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(state->mu);
    res.set_header("Cache-Control", "no-store");
    res.set_content("{\"version\":" + std::to_string(state->version) + "}", "application/json");
  });
  server->Get(R"(/.*)", [root, state](const httplib::Request& req, httplib::Response& res) {
    ServeFile(root, req, state, &res);
  });
}
#endif

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
  std::atomic<bool> stop{false};
  StopSignals signals(&stop);  // first: before any thread starts
  ScratchFolder scratch;
  if (scratch.path().empty()) {
    err << "costsite: cannot create a temporary folder\n";
    return 1;
  }
  opt.out = scratch.path() / "site";
  opt.force = true;
  opt.version = COSTSITE_VERSION;
  ServeState state;
  markdown::Initialize();
  ServeSession session(opt);
  // Watching starts before the first build, so that no edit made once the
  // "Serving" line is out (or during the build) goes unseen.
  SourceWatcher watcher(opt.source);
  Record(session.FullBuild(), &state, out, err);
  if (stop) return 0;  // interrupted during the first build

  httplib::Server server;
  ConfigureServer(opt.out, &state, &server);
  int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                        : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound < 0) {
    err << "costsite: cannot listen on 127.0.0.1:" << port << "\n";
    return 1;
  }
  std::thread listener([&] { server.listen_after_bind(); });
  out << "Serving http://127.0.0.1:" << bound << "/ (Ctrl-C to stop)" << std::endl;

  SearchIndexWriter search(err);
  while (!stop) {
    std::vector<std::string> changed = watcher.Wait(std::chrono::milliseconds(1000), stop);
    if (changed.empty() || stop) continue;
    UpdateReport report;
    bool dropped = false;
    {
      std::lock_guard<std::mutex> lock(search.files_lock);
      dropped = search.Cancel();
      report = session.Update(changed);
    }
    Record(report, &state, out, err);
    // The search index follows the pages, on its own thread: slower than the
    // update, it neither delays the pages nor the next change. A full build
    // wrote its own; an update that failed keeps the pages of the last good
    // one, whose index is built again if this update cancelled it.
    const bool built_own = report.ok && report.full;
    if (!built_own && (dropped || (report.ok && report.pages_rendered > 0))) search.Post(session.SearchInput());
  }
  server.stop();
  listener.join();
  return 0;
#endif
}

}  // namespace costsite::app
