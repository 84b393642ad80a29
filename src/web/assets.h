// The embedded web UI.
#pragma once

#include <optional>

#include "http/message.h"

namespace amity::web {

// Serves the embedded UI for a GET/HEAD request whose path is not under /api/ (and is not
// /healthz): an existing asset by path, otherwise index.html. Returns nullopt for any other
// request.
std::optional<http::Response> Serve(const http::Request& request);

}  // namespace amity::web
