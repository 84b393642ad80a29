// Helpers of the tests that run two real amity servers and pair them (docs/FEDERATION.md):
// pairing, waiting for the peer, and the test itself acting as a paired server (FakePeer).
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "federation/pairing.h"
#include "federation/signature.h"
#include "test_server.h"

namespace amity::testing {

inline long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Polls `done` every 5 ms for up to `seconds`; true once it held.
inline bool WaitFor(const std::function<bool()>& done, int seconds = 20) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

inline std::string InstanceId(const TestServer& server) {
  return std::string(server.Get("/api/v1/federation").Json().at("instance_id").as_string());
}

inline boost::json::object FirstPeer(const TestServer& server) {
  const boost::json::value body = server.Get("/api/v1/federation").Json();
  const boost::json::array& peers = body.at("peers").as_array();
  return peers.empty() ? boost::json::object{} : peers[0].as_object();
}

// Pairs `harbin` with `izmir` for `partnership` (invited by İzmir), both admins confirming.
inline void Pair(const TestServer& izmir, const TestServer& harbin,
                 const std::string& partnership) {
  const HttpResult invited = izmir.Post("/api/v1/federation/invitations",
                                        boost::json::object{{"partnership_ids", {partnership}}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  const HttpResult accepted =
      harbin.Post("/api/v1/federation/peers",
                  boost::json::object{{"invitation", invited.Json().at("invitation")}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  const std::string fingerprint(accepted.Json().at("fingerprint").as_string());
  const std::string izmir_peer(FirstPeer(izmir).at("id").as_string());
  const std::string harbin_peer(accepted.Json().at("id").as_string());
  ASSERT_EQ(izmir
                .Post("/api/v1/federation/peers/" + izmir_peer + "/confirm",
                      boost::json::object{{"fingerprint", fingerprint}})
                .status,
            200);
  const HttpResult confirmed = harbin.Post("/api/v1/federation/peers/" + harbin_peer + "/confirm",
                                           boost::json::object{{"fingerprint", fingerprint}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  ASSERT_EQ(confirmed.Json().at("peer").at("state"), "active");
}

inline std::string Create(const TestServer& server, const std::string& path,
                          const boost::json::object& body) {
  const HttpResult created = server.Post(path, body);
  EXPECT_EQ(created.status, 201) << created.body;
  return created.status == 201 ? std::string(created.Json().at("id").as_string()) : "";
}

inline boost::json::object CommitmentBody(const std::string& partnership, const std::string& text,
                                          const std::string& visibility) {
  return {{"partnership_id", partnership},
          {"text", {{"original", "en"}, {"en", text}}},
          {"area", "music"},
          {"proposed_by_side", "home"},
          {"visibility", visibility}};
}

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
