#include "federation/wire_capture.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace amity::federation {
namespace {

// Larger messages are written in pieces of this size.
constexpr std::uint64_t kOneWrite = 8 << 20;

}  // namespace

WireCapture::WireCapture(const std::string& directory, const std::string& instance_id)
    : path_(directory + "/" + instance_id + ".wire") {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  fd_ = open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw std::runtime_error("cannot open the wire capture " + path_ + ": " + std::strerror(errno));
  }
}

WireCapture::~WireCapture() {
  if (fd_ >= 0) close(fd_);
}

std::string WireCapture::Frame(std::string_view kind, std::string_view head, std::uint64_t body) {
  std::string frame = "@amity-wire 1 ";
  frame += kind;
  frame += " " + std::to_string(head.size()) + " " + std::to_string(body) + "\n";
  frame += head;
  return frame;
}

void WireCapture::WriteAll(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t wrote = write(fd_, bytes.data(), bytes.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return;
    bytes.remove_prefix(static_cast<size_t>(wrote));
  }
}

void WireCapture::Append(std::string_view kind, std::string_view head, std::string_view body) {
  std::string message = Frame(kind, head, body.size());
  const std::lock_guard lock(mutex_);
  if (body.size() <= kOneWrite) {
    message += body;
    WriteAll(message);  // one write(2): whole, whatever other processes append
    return;
  }
  WriteAll(message);
  WriteAll(body);
}

void WireCapture::AppendFile(std::string_view kind, std::string_view head, int fd,
                             std::uint64_t offset, std::uint64_t length) {
  // Reads `count` bytes at `at`; a file cut short reads as zeros, so the frame stays true.
  const auto read = [fd](std::uint64_t at, std::uint64_t count) {
    std::string bytes(count, '\0');
    for (size_t done = 0; done < count;) {
      const ssize_t got =
          pread(fd, bytes.data() + done, count - done, static_cast<off_t>(at + done));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      done += static_cast<size_t>(got);
    }
    return bytes;
  };
  if (length <= kOneWrite) return Append(kind, head, read(offset, length));
  const std::lock_guard lock(mutex_);
  WriteAll(Frame(kind, head, length));
  for (std::uint64_t done = 0; done < length; done += kOneWrite) {
    WriteAll(read(offset + done, std::min(kOneWrite, length - done)));
  }
}

}  // namespace amity::federation
