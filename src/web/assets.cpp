#include "web/assets.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "web/embedded.h"

namespace amity::web {
namespace {

constexpr std::string_view kIndexPath = "/index.html";
constexpr std::string_view kServiceWorkerPath = "/sw.js";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";
// The service worker's script: browsers check it for a new release at each start of the app, and
// honour at most 24 hours of caching for it; max-age=0 asks them to look every time.
constexpr std::string_view kServiceWorkerCache = "no-cache, max-age=0";
// The UI loads only its own scripts and styles; Vue sets styles through the CSSOM, which
// style-src does not restrict.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// The q-value of one Accept-Encoding element ("gzip;q=0.5" → 0.5); 1 when absent or unreadable.
double Quality(std::string_view parameters) {
  while (!parameters.empty()) {
    const size_t semicolon = parameters.find(';');
    std::string_view parameter = Trim(parameters.substr(0, semicolon));
    parameters = semicolon == std::string_view::npos ? "" : parameters.substr(semicolon + 1);
    if (parameter.size() > 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
        parameter[1] == '=') {
      const std::string value(parameter.substr(2));
      char* end = nullptr;
      const double q = std::strtod(value.c_str(), &end);
      return end == value.c_str() ? 1.0 : q;
    }
  }
  return 1.0;
}

// Path → file, built once.
const std::unordered_map<std::string_view, const EmbeddedFile*>& Table() {
  static const auto* table = [] {
    auto* map = new std::unordered_map<std::string_view, const EmbeddedFile*>();
    for (const EmbeddedFile& file : EmbeddedFiles()) map->emplace(file.path, &file);
    return map;
  }();
  return *table;
}

const EmbeddedFile& Index() {
  static const EmbeddedFile* index = [] {
    const auto found = Table().find(kIndexPath);
    return found != Table().end() ? found->second : &EmbeddedFiles().front();
  }();
  return *index;
}

// Whether an If-None-Match value names `etag` (or is "*"). Weak comparison, as RFC 9110 asks.
bool Matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const size_t comma = if_none_match.find(',');
    std::string_view tag = Trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? "" : if_none_match.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  double gzip = -1;  // not named
  double any = -1;   // "*" not named
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    const std::string_view element = Trim(accept_encoding.substr(0, comma));
    accept_encoding = comma == std::string_view::npos ? "" : accept_encoding.substr(comma + 1);
    const size_t semicolon = element.find(';');
    const std::string_view coding = Trim(element.substr(0, semicolon));
    const double q =
        semicolon == std::string_view::npos ? 1.0 : Quality(element.substr(semicolon + 1));
    if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) {
      gzip = std::max(gzip, q);
    } else if (coding == "*") {
      any = std::max(any, q);
    }
  }
  if (gzip >= 0) return gzip > 0;
  return any > 0;
}

std::optional<http::Response> Serve(const http::Request& request) {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  const std::string_view path = request.path;
  if (path == "/api" || path.starts_with("/api/") || path == "/healthz") return std::nullopt;

  const auto found = Table().find(path == "/" ? kIndexPath : path);
  // A hashed file that is not in this release (a window of an older one asking for a screen's
  // code) is missing, not index.html: HTML in place of a script would fail less clearly.
  if (found == Table().end() && path.starts_with("/assets/")) {
    http::Response missing;
    missing.status = 404;
    missing.content_type = "text/plain; charset=utf-8";
    missing.headers.emplace_back("Cache-Control", kRevalidate);
    missing.headers.emplace_back("X-Content-Type-Options", "nosniff");
    missing.body = "not found\n";
    return missing;
  }
  const EmbeddedFile& file = found != Table().end() ? *found->second : Index();

  const bool compressible = !file.gzip.empty();
  const bool gzip = compressible && AcceptsGzip(request.Header("Accept-Encoding").value_or(""));
  // The gzip copy is another representation, so it has its own strong validator.
  std::string etag(file.etag);
  if (gzip) etag.insert(etag.size() - 1, "-gz");

  http::Response response;
  response.headers.emplace_back("Cache-Control", file.immutable ? kImmutable
                                                 : file.path == kServiceWorkerPath
                                                     ? kServiceWorkerCache
                                                     : kRevalidate);
  response.headers.emplace_back("ETag", etag);
  if (compressible) response.headers.emplace_back("Vary", "Accept-Encoding");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (file.content_type.starts_with("text/html")) {
    response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
    response.headers.emplace_back("Referrer-Policy", "same-origin");
  }

  const auto if_none_match = request.Header("If-None-Match");
  if (if_none_match && (Matches(*if_none_match, etag) || Matches(*if_none_match, file.etag))) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }

  response.status = 200;
  response.content_type = std::string(file.content_type);
  if (gzip) {
    response.headers.emplace_back("Content-Encoding", "gzip");
    response.body = std::string(file.gzip);
  } else {
    response.body = std::string(file.raw);
  }
  return response;
}

}  // namespace amity::web
