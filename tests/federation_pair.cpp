#include "federation_pair.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "federation/signature.h"

namespace amity::testing {
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

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
  const std::string harbin_instance = InstanceId(harbin);
  std::string izmir_peer;
  const json::value federation = izmir.Get("/api/v1/federation").Json();
  for (const json::value& peer : federation.at("peers").as_array()) {
    if (peer.at("instance_id") == json::value(harbin_instance)) {
      izmir_peer = std::string(peer.at("id").as_string());
    }
  }
  ASSERT_FALSE(izmir_peer.empty());
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

json::object CommitmentBody(const std::string& partnership, const std::string& text,
                            const std::string& visibility) {
  return {{"partnership_id", partnership},
          {"text", {{"original", "en"}, {"en", text}}},
          {"area", "music"},
          {"proposed_by_side", "home"},
          {"visibility", visibility}};
}

json::object MeetingBody(const std::string& partnership, const std::string& title,
                         const std::string& visibility) {
  return {{"partnership_id", partnership},
          {"kind", "video_call"},
          {"title", {{"original", "en"}, {"en", title}}},
          {"starts_at", "2027-03-01T09:00:00Z"},
          {"ends_at", "2027-03-01T10:00:00Z"},
          {"time_zone", "Europe/Istanbul"},
          {"visibility", visibility}};
}

bool Holds(const TestServer& server, const std::string& path) {
  return server.Get(path).status == 200;
}

ProxiedServer::ProxiedServer(bool demo, const Impairment& impairment, uint32_t seed)
    : proxy(impairment, seed), server(demo, {"AMITY_PUBLIC_URL=" + proxy.Url()}) {
  proxy.SetTarget(server.port());
}

void ProxiedServer::KillAndRestart() {
  server.KillAndRestart();
  proxy.SetTarget(server.port());
}

ProxiedPair::ProxiedPair(const Impairment& impairment, uint32_t seed)
    : izmir(true, impairment, seed), harbin(false, impairment, seed + 1) {
  partnership = FirstPartnershipId(izmir.server);
  Pair(izmir.server, harbin.server, partnership);
  EXPECT_TRUE(
      WaitFor([&] { return Holds(harbin.server, "/api/v1/partnerships/" + partnership); }, 30));
}

void ProxiedPair::Partition() {
  izmir.proxy.Partition();
  harbin.proxy.Partition();
}

void ProxiedPair::Heal() {
  izmir.proxy.Heal();
  harbin.proxy.Heal();
}

void ProxiedPair::Nudge() {
  Create(izmir.server, "/api/v1/meetings", MeetingBody(partnership, "Nudge from İzmir"));
  Create(harbin.server, "/api/v1/meetings", MeetingBody(partnership, "Nudge from Harbin"));
}

namespace {

void AddLine(std::vector<std::string>& lines, const std::string& entity, const json::value& item) {
  const json::string& visibility = item.at("visibility").as_string();
  if (visibility != "shared" && visibility != "public") return;
  if (item.at("archived").as_bool()) return;
  lines.push_back(entity + " " + std::string(item.at("id").as_string()) + " v" +
                  std::to_string(item.at("version").as_int64()) + " " +
                  std::string(item.at("instance_id").as_string()) + " " + std::string(visibility));
}

}  // namespace

std::string SharedState(const TestServer& server, const std::string& partnership) {
  std::vector<std::string> lines;
  const HttpResult own = server.Get("/api/v1/partnerships/" + partnership);
  if (own.status == 200) AddLine(lines, "partnerships", own.Json());
  for (const std::string entity : {"meetings", "commitments", "events", "cases"}) {
    std::string cursor;
    for (int page = 0; page < 1000; ++page) {
      const HttpResult result =
          server.Get("/api/v1/" + entity + "?limit=200&partnership_id=" + partnership +
                     (cursor.empty() ? "" : "&cursor=" + cursor));
      EXPECT_EQ(result.status, 200) << result.body;
      if (result.status != 200) break;
      const json::value body = result.Json();
      for (const json::value& item : body.at("items").as_array()) AddLine(lines, entity, item);
      if (!body.at("has_more").as_bool() || body.at("next").is_null()) break;
      cursor = std::string(body.at("next").as_string());
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

std::string SharedStateHash(const TestServer& server, const std::string& partnership) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char byte : federation::Sha256(SharedState(server, partnership))) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 15];
  }
  return hex;
}

}  // namespace amity::testing
