#include "federation_pair.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace amity::testing {
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

bool WaitFor(const std::function<bool()>& done, int seconds) {
  const auto until = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

std::string InstanceId(const TestServer& server) {
  return std::string(server.Get("/api/v1/federation").Json().at("instance_id").as_string());
}

json::object FirstPeer(const TestServer& server) {
  const json::value body = server.Get("/api/v1/federation").Json();
  const json::array& peers = body.at("peers").as_array();
  return peers.empty() ? json::object{} : peers[0].as_object();
}

void Pair(const TestServer& izmir, const TestServer& harbin, const std::string& partnership) {
  const HttpResult invited = izmir.Post("/api/v1/federation/invitations",
                                        json::object{{"partnership_ids", {partnership}}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  const HttpResult accepted = harbin.Post(
      "/api/v1/federation/peers", json::object{{"invitation", invited.Json().at("invitation")}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  const std::string fingerprint(accepted.Json().at("fingerprint").as_string());
  const std::string izmir_peer(FirstPeer(izmir).at("id").as_string());
  const std::string harbin_peer(accepted.Json().at("id").as_string());
  ASSERT_EQ(izmir
                .Post("/api/v1/federation/peers/" + izmir_peer + "/confirm",
                      json::object{{"fingerprint", fingerprint}})
                .status,
            200);
  const HttpResult confirmed = harbin.Post("/api/v1/federation/peers/" + harbin_peer + "/confirm",
                                           json::object{{"fingerprint", fingerprint}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  ASSERT_EQ(confirmed.Json().at("peer").at("state"), "active");
}

std::string Create(const TestServer& server, const std::string& path, const json::object& body) {
  const HttpResult created = server.Post(path, body);
  EXPECT_EQ(created.status, 201) << created.body;
  return created.status == 201 ? std::string(created.Json().at("id").as_string()) : "";
}

bool Holds(const TestServer& server, const std::string& path) {
  return server.Get(path).status == 200;
}

}  // namespace amity::testing
