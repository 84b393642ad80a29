// The embedded web UI: serves the Vite-built files compiled into the binary. Content-hashed
// assets are cached for a year (immutable), index.html, the manifests (application/manifest+json)
// and the icons are revalidated on every load (no-cache), the service worker /sw.js too and with
// max-age=0 (its scope is "/", where it lies, so no Service-Worker-Allowed is needed), a missing
// /assets/ file answers 404, every other non-API path gets index.html (the UI routes in the
// browser), and a gzip copy is sent when the request's Accept-Encoding allows it.
#pragma once

#include <optional>
#include <string_view>

#include "http/message.h"

namespace amity::web {

// Serves the embedded UI for a GET/HEAD request whose path is not under /api/ (and is not
// /healthz): an existing asset by path, 404 for a missing one under /assets/, otherwise
// index.html. Returns nullopt for any other
// request. Answers 304 with no body when If-None-Match names the representation's ETag. For HEAD
// the body is filled too; the server adapter drops it.
std::optional<http::Response> Serve(const http::Request& request);

// Whether an Accept-Encoding header value accepts gzip (a "gzip" or "*" token with q > 0, and
// gzip not refused with q=0). Exposed for tests.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace amity::web
