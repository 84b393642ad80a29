// GET /metrics: the server's metrics for Prometheus. Who may read them: a scraper on this machine
// (a loopback address) or an admin's token. They name no person, but they tell a stranger how busy
// the server is and when it was last backed up.
#include <arpa/inet.h>

#include "api/access.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "http/error.h"

namespace amity::api {
namespace {

// 127.0.0.0/8, ::1 and IPv4-mapped 127.x: addresses only this machine can connect from.
bool IsLoopback(const std::string& address) {
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, address.c_str(), &v6) != 1) return false;
  if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
  return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

}  // namespace

http::Response MetricsHandler(Call& call) {
  if (!call.context.metrics) {
    throw http::HttpError(404, "Not found", {{"", "no_route", "no metrics in this server"}});
  }
  // Behind a trusted proxy the client is the one X-Forwarded-For names, not the proxy on
  // loopback.
  if (!IsLoopback(call.ClientAddress())) {
    if (!call.authenticated) {
      Unauthorized("not_signed_in",
                   "metrics are served to loopback addresses or an admin's token "
                   "(Authorization: Bearer <token>)");
    }
    if (!domain::IsAdmin(call.principal)) {
      ForbidRole(call.principal, "", "may not read the metrics (admins only)");
    }
  }
  http::Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.headers.emplace_back("Cache-Control", "no-store");
  response.body = call.context.metrics();
  return response;
}

}  // namespace amity::api
