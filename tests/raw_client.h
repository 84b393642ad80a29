// A client connection for tests that need the bytes on the wire: requests written by hand (or
// cut off half-way), answers read as they come.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>
#include <string>

namespace amity::testing {

struct RawResponse {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  std::string Header(const std::string& name) const {
    const std::regex pattern("\r\n" + name + ": ([^\r]*)\r\n", std::regex::icase);
    std::smatch match;
    return std::regex_search(head, match, pattern) ? match[1].str() : "";
  }
};

// A client connection that writes raw bytes and reads answers as they come.
class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    EXPECT_EQ(connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  }
  ~RawClient() { Close(); }
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

  // Sends every byte of `data`; false when the server closed the connection meanwhile.
  bool Send(const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads one answer (status 0 when the connection closed or 10 s passed first). `head_request`:
  // the answer to a HEAD has no body whatever its Content-Length says.
  RawResponse Read(bool head_request = false, int timeout_ms = 10000) {
    RawResponse response;
    size_t end = 0;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill(timeout_ms)) return response;
    }
    response.head = buffer_.substr(0, end + 2);
    buffer_.erase(0, end + 4);
    response.status = std::stoi(response.head.substr(9, 3));
    if (response.status == 100) return response;
    const std::string length = response.Header("Content-Length");
    const size_t size = head_request || length.empty() ? 0 : std::stoul(length);
    while (buffer_.size() < size) {
      if (!Fill()) return RawResponse{};
    }
    response.body = buffer_.substr(0, size);
    buffer_.erase(0, size);
    return response;
  }

  // True when the server closed the connection (EOF within `seconds`, nothing more to read).
  bool ClosedByServer(int seconds = 5) {
    pollfd poll_fd{fd_, POLLIN, 0};
    if (poll(&poll_fd, 1, seconds * 1000) <= 0) return false;
    char byte = 0;
    return recv(fd_, &byte, 1, 0) <= 0;
  }

 private:
  bool Fill(int timeout_ms = 10000) {
    pollfd poll_fd{fd_, POLLIN, 0};
    if (poll(&poll_fd, 1, timeout_ms) <= 0) return false;
    char chunk[65536];
    const ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
};

}  // namespace amity::testing
