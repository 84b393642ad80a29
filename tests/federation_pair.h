// Helpers the federation tests share: pairing two real servers, making records, waiting for sync,
// servers reached by their peers through an impairment proxy (impair_proxy.h), and a canonical
// hash of what a server holds of a partnership's shared records.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <string>

#include "impair_proxy.h"
#include "test_server.h"

namespace amity::testing {

long long UnixNow();

// Polls `done` every 5 ms for up to `seconds`; true once it held.
bool WaitFor(const std::function<bool()>& done, int seconds = 20);

std::string InstanceId(const TestServer& server);

// The first peer `server` lists ({} when none).
boost::json::object FirstPeer(const TestServer& server);

// Pairs `harbin` with `izmir` for `partnership` (invited by İzmir), both admins confirming.
void Pair(const TestServer& izmir, const TestServer& harbin, const std::string& partnership);

// POSTs `body` to `path` and returns the new id ("" and a test failure unless 201).
std::string Create(const TestServer& server, const std::string& path,
                   const boost::json::object& body);

boost::json::object CommitmentBody(const std::string& partnership, const std::string& text,
                                   const std::string& visibility);
boost::json::object MeetingBody(const std::string& partnership, const std::string& title,
                                const std::string& visibility = "shared");

// True when `path` answers 200.
bool Holds(const TestServer& server, const std::string& path);

// A server whose peers reach it only through its own impairment proxy: its AMITY_PUBLIC_URL is
// the proxy's address, so everything sent to it (pulls, notifications, pairing) crosses the
// proxy, and so do the answers.
struct ProxiedServer {
  ProxiedServer(bool demo, const Impairment& impairment, uint32_t seed = 1);
  // kill -9, start again on the same database (a new port), and point the proxy there.
  void KillAndRestart();

  ImpairProxy proxy;
  TestServer server;
};

// Two servers paired for İzmir's demo partnership, each behind its own proxy (İzmir with the
// demo data, Harbin empty); the constructor waits until Harbin holds the partnership.
struct ProxiedPair {
  explicit ProxiedPair(const Impairment& impairment, uint32_t seed = 1);
  void Partition();  // both proxies
  void Heal();
  // A shared write on each side: its notification makes the other pull at once rather than at
  // its next poll (30 s) or after its backoff.
  void Nudge();
  ProxiedServer& Side(int side) { return side == 0 ? izmir : harbin; }

  ProxiedServer izmir;
  ProxiedServer harbin;
  std::string partnership;
};

// The partnership `partnership`'s shared state as `server` shows it through the API: one line
// "<entity> <id> v<version> <instance_id> <visibility>" per live shared or public record (the
// partnership and its meetings, commitments, events and cases), sorted. Two servers that
// converged give the same text.
std::string SharedState(const TestServer& server, const std::string& partnership);
// The SHA-256 of SharedState, in hex.
std::string SharedStateHash(const TestServer& server, const std::string& partnership);

}  // namespace amity::testing
