// Helpers the federation tests share: pairing two real servers, making records, waiting for sync,
// servers reached by their peers through an impairment proxy (impair_proxy.h), and a canonical
// hash of what a server holds of a partnership's shared records.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "federation/pairing.h"
#include "federation/signature.h"
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

// The test acting as a third server paired with `server`: it reads the feed with its own key.
struct FakePeer {
  amity::federation::KeyPair key = amity::federation::NewKeyPair();
  std::string instance_id = "0191f000-0000-7000-8000-00000000fed2";

  HttpResult Send(const TestServer& server, const std::string& method, const std::string& path,
                  const boost::json::value& body = nullptr) const {
    const std::string text = body.is_null() ? "" : boost::json::serialize(body);
    std::vector<std::string> headers{"Authorization:"};
    for (const auto& [name, value] : amity::federation::SignRequest(
             {method, "127.0.0.1:" + std::to_string(server.port()), path, text},
             amity::federation::KeyId(key.public_key), key.secret_key, UnixNow(),
             amity::federation::RandomNonce())) {
      headers.push_back(name + ": " + value);
    }
    return server.Request(method, path, text, headers);
  }

  // Registers with `server`'s invitation for `partnership`, naming `url` as its address, and
  // confirms on both sides.
  void PairWith(const TestServer& server, const std::string& partnership, const std::string& url) {
    const HttpResult invited = server.Post("/api/v1/federation/invitations",
                                           boost::json::object{{"partnership_ids", {partnership}}});
    ASSERT_EQ(invited.status, 201) << invited.body;
    const auto invitation = amity::federation::DecodeInvitation(
        std::string(invited.Json().at("invitation").as_string()));
    ASSERT_TRUE(invitation);
    HttpResult result =
        Send(server, "POST", "/federation/v1/register",
             boost::json::object{{"code", invitation->code},
                                 {"instance_id", instance_id},
                                 {"url", url},
                                 {"key_id", amity::federation::KeyId(key.public_key)},
                                 {"public_key", amity::federation::Base64(key.public_key)}});
    ASSERT_EQ(result.status, 201) << result.body;
    const std::string fingerprint(result.Json().at("fingerprint").as_string());
    std::string peer_id;
    const boost::json::value federation = server.Get("/api/v1/federation").Json();
    for (const boost::json::value& peer : federation.at("peers").as_array()) {
      if (peer.at("instance_id") == boost::json::value(instance_id)) {
        peer_id = std::string(peer.at("id").as_string());
      }
    }
    ASSERT_FALSE(peer_id.empty());
    ASSERT_EQ(server
                  .Post("/api/v1/federation/peers/" + peer_id + "/confirm",
                        boost::json::object{{"fingerprint", fingerprint}})
                  .status,
              200);
    result = Send(server, "POST", "/federation/v1/confirm",
                  boost::json::object{{"fingerprint", fingerprint}});
    ASSERT_EQ(result.status, 200) << result.body;
    ASSERT_EQ(result.Json().at("state"), "active");
  }
};

}  // namespace amity::testing
