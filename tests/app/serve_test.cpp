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
#include <thread>

#include "tests/app/run_costsite.h"

namespace costsite {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A `costsite serve` child process, killed on destruction.
class Server {
 public:
  explicit Server(const fs::path& source) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      execl(COSTSITE_BINARY, COSTSITE_BINARY, "serve", "--port", "0", "--source", source.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~Server() {
    kill(pid_, SIGTERM);
    auto deadline = Clock::now() + std::chrono::seconds(5);
    int status;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    close(out_);
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

std::string HttpGet(int port, const std::string& path) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{5, 0};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    std::string req = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    send(s, req.data(), req.size(), 0);
    char buf[4096];
    for (ssize_t n; (n = recv(s, buf, sizeof buf, 0)) > 0;) response.append(buf, n);
  }
  close(s);
  return response;
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

}  // namespace
}  // namespace costsite
