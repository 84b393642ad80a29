// Two real servers paired for a partnership (docs/FEDERATION.md), shared by the tests that sync
// records between them.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <string>

#include "test_server.h"

namespace amity::testing {

// Polls `done` every 5 ms for up to `seconds`; true once it held.
bool WaitFor(const std::function<bool()>& done, int seconds = 20);

// The instance id `server` names in GET /api/v1/federation.
std::string InstanceId(const TestServer& server);

// The first peer `server` lists ({} when none).
boost::json::object FirstPeer(const TestServer& server);

// Pairs `harbin` with `izmir` for `partnership` (invited by İzmir), both admins confirming.
void Pair(const TestServer& izmir, const TestServer& harbin, const std::string& partnership);

// POSTs `body` to `path` as the admin, expecting 201; returns the new id ("" on failure).
std::string Create(const TestServer& server, const std::string& path,
                   const boost::json::object& body);

// True when `server` answers 200 for `path`.
bool Holds(const TestServer& server, const std::string& path);

}  // namespace amity::testing
