// `costsite serve`: answers on loopback, rebuilds after a source change, and
// keeps serving the last good site with the error shown when a build fails.
// Every wait is bounded and the server is always killed.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A `costsite serve` child process, killed on destruction.
class Server {
 public:
  // `tmpdir`, when given, is the child's TMPDIR: where serve makes its folder.
  explicit Server(const fs::path& source, const fs::path& tmpdir = {}) {
    std::vector<std::string> env_text;
    for (char** e = environ; *e; ++e)
      if (tmpdir.empty() || std::string_view(*e).rfind("TMPDIR=", 0) != 0) env_text.push_back(*e);
    if (!tmpdir.empty()) env_text.push_back("TMPDIR=" + tmpdir.string());
    std::vector<char*> env;
    for (std::string& e : env_text) env.push_back(e.data());
    env.push_back(nullptr);
    const char* argv[] = {COSTSITE_BINARY, "serve", "--port", "0", "--source", source.c_str(), nullptr};
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      execve(COSTSITE_BINARY, const_cast<char* const*>(argv), env.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~Server() {
    if (pid_ > 0) Stop(SIGTERM);
    close(out_);
  }
  // Sends `sig` and waits up to 10 s for the exit: the exit code, or -1 when
  // serve died of a signal or had to be killed.
  int Stop(int sig) {
    kill(pid_, sig);
    auto deadline = Clock::now() + std::chrono::seconds(10);
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  // The port from the "Serving http://127.0.0.1:PORT/" line; 0 on timeout.
  int WaitForPort(std::chrono::seconds limit) {
    std::string text;
    auto deadline = Clock::now() + limit;
    while (Clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buf[512];
      ssize_t n = read(out_, buf, sizeof buf);
      if (n <= 0) return 0;
      text.append(buf, n);
      size_t at = text.find("http://127.0.0.1:");
      if (at != std::string::npos && text.find('/', at + 17) != std::string::npos)
        return std::stoi(text.substr(at + 17));
    }
    return 0;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

// Sends `request` as it is and returns the whole response ("" when none came
// within `limit`).
std::string HttpRaw(int port, const std::string& request, std::chrono::seconds limit = std::chrono::seconds(5)) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{static_cast<time_t>(limit.count()), 0};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    send(s, request.data(), request.size(), 0);
    char buf[4096];
    for (ssize_t n; (n = recv(s, buf, sizeof buf, 0)) > 0;) response.append(buf, n);
  }
  close(s);
  return response;
}

std::string HttpGet(int port, const std::string& path, const std::string& host = "127.0.0.1",
                    std::chrono::seconds limit = std::chrono::seconds(5)) {
  return HttpRaw(port, "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n", limit);
}

// The status line's code: "HTTP/1.1 404 Not Found" -> 404; 0 when none.
int Status(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

// Fetches `path` until it contains `needle`, for at most `limit`.
bool WaitForContent(int port, const std::string& path, const std::string& needle, std::chrono::seconds limit) {
  auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (HttpGet(port, path).find(needle) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}

TEST_CASE("serve answers on loopback, reloads after a change and survives a broken build") {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  REQUIRE(Costsite("init " + src.string()).exit_code == 0);
  Server server(src);
  int port = server.WaitForPort(std::chrono::seconds(60));
  REQUIRE(port > 0);

  std::string page = HttpGet(port, "/en/reports/example/");
  CHECK(page.find("200 OK") != std::string::npos);
  CHECK(page.find("Example: inference service cost") != std::string::npos);
  CHECK(page.find("/__costsite/version") != std::string::npos);  // live reload, served pages only
  CHECK(ReadAll(src / "content/reports/example.en.md").find("__costsite") == std::string::npos);
  CHECK(HttpGet(port, "/__costsite/version").find("{\"version\":1}") != std::string::npos);
  CHECK(HttpGet(port, "/../site.yaml").find("200 OK") == std::string::npos);

  fs::path report = src / "content/reports/example.en.md";
  std::string text = ReadAll(report);
  WriteAll(report, text.replace(text.find("Example: inference"), 18, "Changed: inference"));
  CHECK(WaitForContent(port, "/en/reports/example/index.html", "Changed: inference service cost",
                       std::chrono::seconds(30)));

  WriteAll(src / "pricing/models/broken.yaml", "model: broken\nunit: USD/month\nitems:\n  x: {formula: 1 USD +}\n");
  CHECK(WaitForContent(port, "/en/reports/example/", "costsite-build-error", std::chrono::seconds(30)));
  std::string kept = HttpGet(port, "/en/reports/example/");
  CHECK(kept.find("Changed: inference service cost") != std::string::npos);  // the last good site
  CHECK(kept.find("pricing/models/broken.yaml") != std::string::npos);       // the error, in the page
}

// One server for the request tests: the example site, started once.
struct ServedExample {
  TempDir tmp;
  fs::path src = tmp.path() / "src";
  std::unique_ptr<Server> server;
  int port = 0;
  ServedExample() {
    REQUIRE(Costsite("init " + src.string()).exit_code == 0);
    server = std::make_unique<Server>(src);
    port = server->WaitForPort(std::chrono::seconds(60));
    REQUIRE(port > 0);
  }
};

TEST_CASE("serve answers only for files inside its folder") {
  ServedExample s;
  REQUIRE(Status(HttpGet(s.port, "/en/reports/example/")) == 200);
  for (const char* target : {"//etc/passwd", "///etc/passwd", "/%2fetc/passwd", "/%2Fetc/passwd",
                             "//proc/self/environ", "/../site.yaml", "/..%2f..%2fetc/passwd",
                             "/%2e%2e/%2e%2e/etc/passwd", "/en/..%2f..%2f..%2fetc%2fpasswd", "/index.html%00",
                             "/..\\..\\etc\\passwd", "/%5c..%5cetc%5cpasswd"}) {
    INFO(target);
    std::string response = HttpGet(s.port, target);
    CHECK(Status(response) == 404);
    CHECK(response.find("root:") == std::string::npos);
  }
  // Over-long names are files that do not exist, not server errors.
  CHECK(Status(HttpGet(s.port, "/" + std::string(256, 'a'))) == 404);
  CHECK(Status(HttpGet(s.port, "/en/" + std::string(300, 'a') + "/")) == 404);
  CHECK(Status(HttpGet(s.port, "/en/" + std::string(255, 'a'))) == 404);
}

TEST_CASE("serve answers only requests addressed to loopback") {
  ServedExample s;
  const std::string port = std::to_string(s.port);
  for (const std::string& host : std::vector<std::string>{"127.0.0.1", "127.0.0.1:" + port, "localhost", "localhost:" + port, "[::1]:" + port}) {
    INFO(host);
    CHECK(Status(HttpGet(s.port, "/en/reports/example/", host)) == 200);
  }
  for (const std::string& host : std::vector<std::string>{"rebind.example.com", "rebind.example.com:" + port, "127.0.0.1.nip.io", ""}) {
    INFO(host);
    std::string page = HttpGet(s.port, "/en/reports/example/", host);
    CHECK(Status(page) == 403);
    CHECK(page.find("Example: inference service cost") == std::string::npos);
    CHECK(Status(HttpGet(s.port, "/__costsite/version", host)) == 403);
  }
  CHECK(Status(HttpRaw(s.port, "GET /en/reports/example/ HTTP/1.0\r\n\r\n")) == 403);  // no Host at all
}

TEST_CASE("serve redirects a folder asked for without its slash") {
  ServedExample s;
  std::string r = HttpGet(s.port, "/en");
  CHECK(Status(r) == 302);
  CHECK(r.find("\r\nLocation: /en/\r\n") != std::string::npos);
  r = HttpGet(s.port, "/en/reports/example?lang=en&x=1");
  CHECK(Status(r) == 302);
  CHECK(r.find("\r\nLocation: /en/reports/example/?lang=en&x=1\r\n") != std::string::npos);
  CHECK(Status(HttpGet(s.port, "/en/")) == 200);
  CHECK(Status(HttpGet(s.port, "/en/index.html")) == 200);
}

TEST_CASE("serve answers while many idle connections are open") {
  ServedExample s;
  std::vector<int> idle;
  for (int i = 0; i < 20; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(s.port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    idle.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the server take them all
  // A functional bound, far above the milliseconds an answer takes: idle
  // connections must not hold every worker.
  CHECK(Status(HttpGet(s.port, "/en/reports/example/", "127.0.0.1", std::chrono::seconds(3))) == 200);
  for (int fd : idle) close(fd);
}

TEST_CASE("serve stops cleanly on SIGTERM or SIGINT after a full rebuild") {
  for (int sig : {SIGTERM, SIGINT}) {
    INFO("signal " << sig);
    TempDir tmp;
    fs::path src = tmp.path() / "src", scratch = tmp.path() / "tmp";
    fs::create_directories(scratch);
    REQUIRE(Costsite("init " + src.string()).exit_code == 0);
    Server server(src, scratch);
    int port = server.WaitForPort(std::chrono::seconds(60));
    REQUIRE(port > 0);
    CHECK(!fs::is_empty(scratch));  // serve's folder is there
    WriteAll(src / "site.yaml", ReadAll(src / "site.yaml") + "\n# edited\n");  // a full rebuild
    REQUIRE(WaitForContent(port, "/__costsite/version", "{\"version\":2}", std::chrono::seconds(30)));
    CHECK(server.Stop(sig) == 0);
    CHECK(fs::is_empty(scratch));
  }
}

}  // namespace
}  // namespace costsite
