// What a server sends its peers, kept for an audit (AMITY_WIRE_CAPTURE, docs/FEDERATION.md,
// "Capturing what is sent"): every request its federation client sends and every answer it serves
// on /federation/v1/*, appended to one file per instance. The test suite scans these files for
// private data (tests/check_wire_capture.py); an operator may read them to see what left.
//
// File format: a sequence of messages, each
//   "@amity-wire 1 <kind> <head bytes> <body bytes>\n" <head> <body>
// where <kind> is "request" or "answer", <head> the request line or status line with the
// headers, CRLF-terminated, and <body> the body's bytes as sent (a file's bytes too).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace amity::federation {

class WireCapture {
 public:
  // Opens `directory`/`instance_id`.wire for appending (created 0600, with the folder when
  // missing). Throws std::runtime_error naming the path when it cannot.
  WireCapture(const std::string& directory, const std::string& instance_id);
  ~WireCapture();
  WireCapture(const WireCapture&) = delete;
  WireCapture& operator=(const WireCapture&) = delete;

  // Appends one message. Safe from any thread and process: a message is one write(2) to a file
  // opened O_APPEND, so messages never interleave; only one over 8 MiB is written in pieces
  // (under a lock, which keeps it whole among this process's threads). A failed write is
  // ignored: the capture never stops the federation.
  void Append(std::string_view kind, std::string_view head, std::string_view body);
  // The same with bytes [offset, offset + length) of the open file `fd` as the body (an answer
  // sent with sendfile); `fd`'s file position is not moved.
  void AppendFile(std::string_view kind, std::string_view head, int fd, std::uint64_t offset,
                  std::uint64_t length);

  const std::string& path() const { return path_; }

 private:
  static std::string Frame(std::string_view kind, std::string_view head, std::uint64_t body);
  void WriteAll(std::string_view bytes);

  std::string path_;
  int fd_ = -1;
  std::mutex mutex_;  // one message at a time from this process
};

}  // namespace amity::federation
