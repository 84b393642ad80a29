#include "web/assets.h"

namespace amity::web {

std::optional<http::Response> Serve(const http::Request& request) { return std::nullopt; }

}  // namespace amity::web
