// Plain HTTP request and response values passed between the server adapter and the handlers.
// They carry no server machinery, so handlers and their tests need no network.
#pragma once

#include <functional>
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

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // percent-decoded path without the query, e.g. "/api/v1/cities"
  Pairs query;         // decoded query parameters in order of appearance
  Pairs headers;       // as received
  Body body;           // raw body bytes
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

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  Pairs headers;  // extra headers, e.g. ETag, Allow, Cache-Control, Content-Encoding
  std::string body;
};

// True when a Content-Type header value names JSON: "application/json" in any case, with or
// without parameters ("application/json; charset=utf-8").
bool IsJsonMediaType(std::string_view content_type);

// A source of requests: each call hands over the next one, or null when there is none (yet).
using NextRequest = std::function<const Request*()>;

}  // namespace amity::http
