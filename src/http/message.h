// Plain HTTP request and response values passed between the server adapter and the handlers.
// They carry no server machinery, so handlers and their tests need no network.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amity::http {

// Header and query names are compared case-insensitively for headers, exactly for query keys.
using Pairs = std::vector<std::pair<std::string, std::string>>;

// Memory for request bodies. Blocks of 256 KiB and more are mapped from the kernel and unmapped
// when freed, so a burst of large bodies does not leave the process bigger for good (a general
// allocator keeps freed memory for reuse); smaller ones come from operator new.
void* AllocateBodyBytes(std::size_t bytes);  // throws std::bad_alloc
void FreeBodyBytes(void* block, std::size_t bytes);

template <class T>
struct BodyAllocator {
  using value_type = T;
  BodyAllocator() = default;
  template <class U>
  BodyAllocator(const BodyAllocator<U>&) {}  // NOLINT: allocators convert implicitly
  T* allocate(std::size_t n) { return static_cast<T*>(AllocateBodyBytes(n * sizeof(T))); }
  void deallocate(T* block, std::size_t n) { FreeBodyBytes(block, n * sizeof(T)); }
  template <class U>
  bool operator==(const BodyAllocator<U>&) const {
    return true;
  }
};

// A request body: raw bytes, usable wherever a std::string_view is.
using Body = std::basic_string<char, std::char_traits<char>, BodyAllocator<char>>;

// Where the body of a request goes when it is streamed rather than held in memory (file
// uploads; see ServerOptions::stream_body): the server hands it the bytes as they arrive, in
// order, in pieces of at most a few hundred KiB.
class BodySink {
 public:
  virtual ~BodySink() = default;
  // Takes the next bytes of the body. Throws HttpError to refuse the rest: the server answers it
  // and closes the connection.
  virtual void Write(std::string_view bytes) = 0;
};

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // percent-decoded path without the query, e.g. "/api/v1/cities"
  Pairs query;         // decoded query parameters in order of appearance
  Pairs headers;       // as received
  Body body;           // raw body bytes
  // Set instead of `body` when the body was streamed (ServerOptions::stream_body): the sink that
  // took it, whole, by the time the handler runs.
  std::shared_ptr<BodySink> sink;
  std::string remote_address;
  // This request's id, logged and answered as X-Request-Id: the client's X-Request-Id when it is
  // 1-64 characters of [A-Za-z0-9._-], else one the server makes.
  std::string id;
  // Set by the handler once it knows which route template the request matched (an index into the
  // templates given to http::Metrics), so the server counts it by route; -1: none matched.
  mutable int route = -1;

  // Returns the first header with this name (case-insensitive), or nullopt when absent.
  std::optional<std::string_view> Header(std::string_view name) const;
  // Returns the value of cookie `name` from the Cookie header(s), or nullopt when absent.
  std::optional<std::string_view> Cookie(std::string_view name) const;
  // Sets `json` as the body, with Content-Type: application/json (for requests made in-process).
  void SetJsonBody(std::string json);
};

// Bytes of an open file sent as a response body by the kernel (sendfile), never copied
// through the server's memory. Owns the descriptor.
class FileSlice {
 public:
  FileSlice(int fd, std::uint64_t offset, std::uint64_t length)
      : fd_(fd), offset_(offset), length_(length) {}
  ~FileSlice();
  FileSlice(const FileSlice&) = delete;
  FileSlice& operator=(const FileSlice&) = delete;

  int fd() const { return fd_; }
  std::uint64_t offset() const { return offset_; }
  std::uint64_t length() const { return length_; }

 private:
  int fd_;
  std::uint64_t offset_;
  std::uint64_t length_;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  Pairs headers;  // extra headers, e.g. ETag, Allow, Cache-Control, Content-Encoding
  std::string body;
  // When set, the body is these bytes of a file instead of `body`.
  std::shared_ptr<const FileSlice> file;
};

// True when a Content-Type header value names JSON: "application/json" in any case, with or
// without parameters ("application/json; charset=utf-8").
bool IsJsonMediaType(std::string_view content_type);

// A source of requests: each call hands over the next one, or null when there is none (yet).
using NextRequest = std::function<const Request*()>;

}  // namespace amity::http
