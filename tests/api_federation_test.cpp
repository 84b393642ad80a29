// Federation between two real servers: pairing by invitation, both admins confirming the same
// fingerprint, signed server-to-server requests (RFC 9421, Ed25519) and what is refused: replays,
// tampered bodies, skewed clocks, unknown keys and revoked peers. The test also plays a peer
// itself, with its own key, to send requests a well-behaved server never sends.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "federation/pairing.h"
#include "federation/signature.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;
namespace fed = amity::federation;

long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The test acting as a peer server: its key, and signed requests to `server`.
struct FakePeer {
  fed::KeyPair key = fed::NewKeyPair();
  std::string instance_id = "0191f000-0000-7000-8000-00000000fed1";
  std::string KeyId() const { return fed::KeyId(key.public_key); }

  std::vector<std::string> Headers(const TestServer& server, const std::string& method,
                                   const std::string& path, const std::string& body,
                                   long long created, const fed::KeyPair* with = nullptr) const {
    const fed::KeyPair& signing = with ? *with : key;
    std::vector<std::string> headers{"Authorization:"};
    for (const auto& [name, value] : fed::SignRequest(
             {method, "127.0.0.1:" + std::to_string(server.port()), path, body},
             fed::KeyId(signing.public_key), signing.secret_key, created, fed::RandomNonce())) {
      headers.push_back(name + ": " + value);
    }
    return headers;
  }
  HttpResult Send(const TestServer& server, const std::string& method, const std::string& path,
                  const json::value& body = nullptr, const fed::KeyPair* with = nullptr) const {
    const std::string text = body.is_null() ? "" : json::serialize(body);
    return server.Request(method, path, text, Headers(server, method, path, text, UnixNow(), with));
  }
};

std::string ProblemCode(const HttpResult& result) {
  return std::string(result.Json().at("problems").at(0).at("code").as_string());
}
std::string ProblemField(const HttpResult& result) {
  return std::string(result.Json().at("problems").at(0).at("field").as_string());
}

json::object FirstPeer(const TestServer& server) {
  const HttpResult federation = server.Get("/api/v1/federation");
  EXPECT_EQ(federation.status, 200) << federation.body;
  const json::value body = federation.Json();
  const json::array& peers = body.at("peers").as_array();
  EXPECT_FALSE(peers.empty());
  return peers.empty() ? json::object{} : peers[0].as_object();
}

std::string Invite(const TestServer& server, const std::string& partnership) {
  const HttpResult invited = server.Post("/api/v1/federation/invitations",
                                         json::object{{"partnership_ids", {partnership}}});
  EXPECT_EQ(invited.status, 201) << invited.body;
  return std::string(invited.Json().at("invitation").as_string());
}

TEST(FederationTest, TwoServersPairConfirmSayHelloAndRevoke) {
  const TestServer izmir;          // the inviter, with the İzmir–Harbin demo
  const TestServer harbin(false);  // the other city's own server
  const std::string partnership = FirstPartnershipId(izmir);
  const HttpResult identity = izmir.Get("/api/v1/federation");
  ASSERT_EQ(identity.status, 200) << identity.body;
  const json::value izmir_identity = identity.Json();
  EXPECT_TRUE(izmir_identity.at("peers").as_array().empty());

  const std::string invitation = Invite(izmir, partnership);
  const HttpResult accepted =
      harbin.Post("/api/v1/federation/peers", json::object{{"invitation", invitation}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  const json::value at_harbin = accepted.Json();
  EXPECT_EQ(at_harbin.at("state"), "pending");
  EXPECT_EQ(at_harbin.at("role"), "inviter");
  EXPECT_EQ(at_harbin.at("instance_id"), izmir_identity.at("instance_id"));
  EXPECT_EQ(at_harbin.at("partnership_ids").as_array(), json::array{json::value(partnership)});
  // The same invitation cannot be used twice.
  const HttpResult again =
      harbin.Post("/api/v1/federation/peers", json::object{{"invitation", invitation}});
  EXPECT_EQ(again.status, 409) << again.body;

  json::object at_izmir = FirstPeer(izmir);
  EXPECT_EQ(at_izmir.at("state"), "pending");
  EXPECT_EQ(at_izmir.at("role"), "invitee");
  // Both screens show the same fingerprint of both keys.
  const std::string fingerprint(at_izmir.at("fingerprint").as_string());
  EXPECT_EQ(at_harbin.at("fingerprint"), json::value(fingerprint));
  const std::string harbin_peer(at_harbin.at("id").as_string());
  const std::string izmir_peer(at_izmir.at("id").as_string());

  // Until both confirm, nothing is exchanged.
  HttpResult hello = harbin.Post("/api/v1/federation/peers/" + harbin_peer + "/hello", nullptr);
  ASSERT_EQ(hello.status, 200) << hello.body;
  EXPECT_EQ(hello.Json().at("status"), 403);
  EXPECT_TRUE(hello.Json().at("answer").is_null());

  // A wrong fingerprint is refused and changes nothing.
  const std::string before = izmir.Snapshot();
  const HttpResult wrong = izmir.Post("/api/v1/federation/peers/" + izmir_peer + "/confirm",
                                      json::object{{"fingerprint",
                                                    "00000 00000 00000 00000 "
                                                    "00000 00000"}});
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(ProblemField(wrong), "fingerprint");
  EXPECT_EQ(izmir.Snapshot(), before);

  const HttpResult izmir_confirms =
      izmir.Post("/api/v1/federation/peers/" + izmir_peer + "/confirm",
                 json::object{{"fingerprint", fingerprint}});
  ASSERT_EQ(izmir_confirms.status, 200) << izmir_confirms.body;
  EXPECT_EQ(izmir_confirms.Json().at("notified"), true);
  EXPECT_EQ(izmir_confirms.Json().at("peer").at("state"), "pending");
  const HttpResult harbin_confirms =
      harbin.Post("/api/v1/federation/peers/" + harbin_peer + "/confirm",
                  json::object{{"fingerprint", fingerprint}});
  ASSERT_EQ(harbin_confirms.status, 200) << harbin_confirms.body;
  EXPECT_EQ(harbin_confirms.Json().at("notified"), true);
  EXPECT_EQ(harbin_confirms.Json().at("peer").at("state"), "active");
  EXPECT_EQ(FirstPeer(izmir).at("state"), "active");

  // Signed hello, both ways.
  hello = harbin.Post("/api/v1/federation/peers/" + harbin_peer + "/hello", nullptr);
  ASSERT_EQ(hello.status, 200) << hello.body;
  ASSERT_EQ(hello.Json().at("status"), 200) << hello.body;
  EXPECT_EQ(hello.Json().at("answer").at("instance_id"), izmir_identity.at("instance_id"));
  EXPECT_EQ(hello.Json().at("answer").at("partnership_ids").as_array(),
            json::array{json::value(partnership)});
  hello = izmir.Post("/api/v1/federation/peers/" + izmir_peer + "/hello", nullptr);
  ASSERT_EQ(hello.Json().at("status"), 200) << hello.body;

  // İzmir rotates its key: Harbin learns it (signed with the old one) and the link still works.
  const HttpResult rotated = izmir.Post("/api/v1/federation/key/rotate", nullptr);
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  EXPECT_EQ(rotated.Json().at("peers").at(0).at("notified"), true) << rotated.body;
  hello = izmir.Post("/api/v1/federation/peers/" + izmir_peer + "/hello", nullptr);
  EXPECT_EQ(hello.Json().at("status"), 200) << hello.body;
  EXPECT_EQ(FirstPeer(harbin).at("key_id"), rotated.Json().at("key_id"));
  EXPECT_EQ(FirstPeer(harbin).at("fingerprint"), FirstPeer(izmir).at("fingerprint"));

  // Revoked: Harbin's requests get 401 and nothing more.
  const HttpResult revoked =
      izmir.Post("/api/v1/federation/peers/" + izmir_peer + "/revoke", nullptr);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json().at("state"), "revoked");
  hello = harbin.Post("/api/v1/federation/peers/" + harbin_peer + "/hello", nullptr);
  EXPECT_EQ(hello.Json().at("status"), 401) << hello.body;
  EXPECT_NE(hello.Json().at("error").as_string().find("peer_revoked"), std::string::npos);
  const HttpResult audit = izmir.Get("/api/v1/audit?kind=federation_rejected");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_GE(audit.Json().at("total").as_int64(), 1);
  EXPECT_EQ(audit.body.find(invitation), std::string::npos);
}

TEST(FederationTest, SignedRequestsAreRefusedWhenReplayedTamperedSkewedOrRevoked) {
  const TestServer izmir;
  const std::string partnership = FirstPartnershipId(izmir);
  const auto invitation = fed::DecodeInvitation(Invite(izmir, partnership));
  ASSERT_TRUE(invitation);
  FakePeer peer;
  const json::object registration{{"code", invitation->code},
                                  {"instance_id", peer.instance_id},
                                  {"url", "http://127.0.0.1:9"},
                                  {"key_id", peer.KeyId()},
                                  {"public_key", fed::Base64(peer.key.public_key)}};
  // Signed with another key than the one registered: refused.
  const fed::KeyPair stranger = fed::NewKeyPair();
  HttpResult result = peer.Send(izmir, "POST", "/federation/v1/register", registration, &stranger);
  EXPECT_EQ(result.status, 401) << result.body;
  EXPECT_EQ(ProblemCode(result), "unknown_key");

  result = peer.Send(izmir, "POST", "/federation/v1/register", registration);
  ASSERT_EQ(result.status, 201) << result.body;
  const std::string fingerprint(result.Json().at("fingerprint").as_string());
  EXPECT_EQ(fingerprint, fed::Fingerprint(peer.key.public_key, invitation->public_key));
  // The code works once.
  result = peer.Send(izmir, "POST", "/federation/v1/register", registration);
  EXPECT_EQ(result.status, 401) << result.body;
  EXPECT_EQ(ProblemField(result), "code");

  // Pending: hello is refused until both sides confirmed.
  result = peer.Send(izmir, "GET", "/federation/v1/hello");
  EXPECT_EQ(result.status, 403) << result.body;
  const std::string peer_id(FirstPeer(izmir).at("id").as_string());
  result = izmir.Post("/api/v1/federation/peers/" + peer_id + "/confirm",
                      json::object{{"fingerprint", fingerprint}});
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.Json().at("notified"), false);  // nobody listens at the fake peer's URL
  result = peer.Send(izmir, "POST", "/federation/v1/confirm",
                     json::object{{"fingerprint", "11111 11111 11111 11111 11111 11111"}});
  EXPECT_EQ(result.status, 409) << result.body;
  result = peer.Send(izmir, "POST", "/federation/v1/confirm",
                     json::object{{"fingerprint", fingerprint}});
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.Json().at("confirmed"), true);
  EXPECT_EQ(result.Json().at("state"), "active");

  // Signed hello works; the very same request again is a replay.
  const auto headers = peer.Headers(izmir, "GET", "/federation/v1/hello", "", UnixNow());
  result = izmir.Request("GET", "/federation/v1/hello", "", headers);
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.Json().at("peer_instance_id"), json::value(peer.instance_id));
  EXPECT_EQ(result.Json().at("partnership_ids").as_array(), json::array{json::value(partnership)});
  result = izmir.Request("GET", "/federation/v1/hello", "", headers);
  EXPECT_EQ(result.status, 401) << result.body;
  EXPECT_EQ(ProblemCode(result), "signature_replayed");

  // A body changed after signing: the digest no longer matches; with a digest made to match,
  // the signature does not verify.
  const std::string body = json::serialize(json::object{{"fingerprint", fingerprint}});
  auto tampered = peer.Headers(izmir, "POST", "/federation/v1/confirm", body, UnixNow());
  const std::string changed = json::serialize(json::object{{"fingerprint", fingerprint + " "}});
  result = izmir.Request("POST", "/federation/v1/confirm", changed, tampered);
  EXPECT_EQ(result.status, 401) << result.body;
  EXPECT_EQ(ProblemCode(result), "digest_mismatch");
  for (std::string& header : tampered) {
    if (header.starts_with("Content-Digest:")) {
      header = "Content-Digest: " + fed::ContentDigest(changed);
    }
  }
  result = izmir.Request("POST", "/federation/v1/confirm", changed, tampered);
  EXPECT_EQ(result.status, 401) << result.body;
  EXPECT_EQ(ProblemCode(result), "signature_invalid");

  // A clock ten minutes off either way.
  for (const long long skew : {-600, 600}) {
    result =
        izmir.Request("GET", "/federation/v1/hello", "",
                      peer.Headers(izmir, "GET", "/federation/v1/hello", "", UnixNow() + skew));
    EXPECT_EQ(result.status, 401) << result.body;
    EXPECT_EQ(ProblemCode(result), "signature_expired");
  }
  // Unsigned, and signed by a key nobody paired.
  result = izmir.Request("GET", "/federation/v1/hello", "", {"Authorization:"});
  EXPECT_EQ(result.status, 401) << result.body;
  EXPECT_EQ(ProblemCode(result), "signature_missing");
  result = peer.Send(izmir, "GET", "/federation/v1/hello", nullptr, &stranger);
  EXPECT_EQ(ProblemCode(result), "unknown_key");

  // The peer rotates its key: the new one works, the old one still does for the grace period.
  const fed::KeyPair old_key = peer.key;
  const fed::KeyPair new_key = fed::NewKeyPair();
  result = peer.Send(izmir, "POST", "/federation/v1/keys",
                     json::object{{"key_id", fed::KeyId(new_key.public_key)},
                                  {"public_key", fed::Base64(new_key.public_key)}});
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(peer.Send(izmir, "GET", "/federation/v1/hello", nullptr, &new_key).status, 200);
  EXPECT_EQ(peer.Send(izmir, "GET", "/federation/v1/hello", nullptr, &old_key).status, 200);

  // Revoked: 401 whatever it signs.
  ASSERT_EQ(izmir.Post("/api/v1/federation/peers/" + peer_id + "/revoke", nullptr).status, 200);
  result = peer.Send(izmir, "GET", "/federation/v1/hello", nullptr, &new_key);
  EXPECT_EQ(result.status, 401) << result.body;
  EXPECT_EQ(ProblemCode(result), "peer_revoked");

  // Each rejection is in the security log, without codes, keys or signatures.
  const HttpResult audit = izmir.Get("/api/v1/audit?kind=federation_rejected&limit=100");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_GE(audit.Json().at("total").as_int64(), 9);
  EXPECT_EQ(audit.body.find(invitation->code), std::string::npos);
  EXPECT_EQ(audit.body.find("Signature-Input"), std::string::npos);
}

// Harbin's clock runs ten minutes ahead (libfaketime): İzmir refuses its signed registration as
// outside the window, Harbin stores nothing and İzmir's security log says why.
TEST(FederationTest, AServerWithItsClockTenMinutesOffIsRefused) {
  const std::string faketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
  if (ReadFile(faketime).empty()) GTEST_SKIP() << "libfaketime is not installed";
  const TestServer izmir;
  const TestServer harbin(false, {"LD_PRELOAD=" + faketime, "FAKETIME=+10m"});
  const std::string invitation = Invite(izmir, FirstPartnershipId(izmir));
  const std::string before = harbin.Snapshot();
  const HttpResult accepted =
      harbin.Post("/api/v1/federation/peers", json::object{{"invitation", invitation}});
  EXPECT_EQ(accepted.status, 502) << accepted.body;
  EXPECT_EQ(ProblemCode(accepted), "peer_refused");
  EXPECT_NE(accepted.body.find("signature_expired"), std::string::npos) << accepted.body;
  EXPECT_EQ(harbin.Snapshot(), before);
  const HttpResult audit = izmir.Get("/api/v1/audit?kind=federation_rejected");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("signature_expired"), std::string::npos) << audit.body;
}

TEST(FederationTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  const TestServer izmir;
  const std::string before = izmir.Snapshot();
  HttpResult result = izmir.Post("/api/v1/federation/invitations", json::object{});
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(ProblemField(result), "partnership_ids");
  result = izmir.Post("/api/v1/federation/invitations",
                      json::object{{"partnership_ids", {"0191f000-0000-7000-8000-000000000000"}}});
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(ProblemCode(result), "unknown_reference");
  result = izmir.Post("/api/v1/federation/peers", json::object{{"invitation", "hello"}});
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(ProblemField(result), "invitation");
  result = izmir.Post("/api/v1/federation/peers", json::object{});
  EXPECT_EQ(result.status, 422) << result.body;
  result = izmir.Post("/api/v1/federation/peers/0191f000-0000-7000-8000-000000000000/confirm",
                      json::object{{"fingerprint", "1"}});
  EXPECT_EQ(result.status, 404) << result.body;
  EXPECT_EQ(izmir.Snapshot(), before);
  // Only admins see or change the federation.
  const TestUser officer = izmir.AddUser("officer@izmir.bel.tr", "officer");
  result = izmir.Request("GET", "/api/v1/federation", "", {officer.Bearer()});
  EXPECT_EQ(result.status, 403) << result.body;
}

}  // namespace
}  // namespace amity::testing
