// Agreement texts approved by each city with an Ed25519 signature over the hash of their canonical
// content (docs/FEDERATION.md, "Approvals"): on one server (approve, prove, edit makes the
// approval stale, a tampered signature reads invalid) and between two real servers (İzmir's
// protocol reaches Harbin, each approves on its side, both prove both; Harbin's own legal step
// reaches İzmir).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "federation/canonical_json.h"
#include "federation_pair.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

json::object TextBody(const std::string& partnership, const std::string& body) {
  return {{"partnership_id", partnership},
          {"kind", "protocol"},
          {"title",
           {{"original", "en"}, {"en", "Sister-city protocol"}, {"tr", "Kardeş şehir protokolü"}}},
          {"body", {{"original", "en"}, {"en", body}}},
          {"visibility", "shared"}};
}

std::string ProblemCode(const HttpResult& result) {
  const json::value body = result.Json();
  return std::string(body.at("problems").at(0).at("code").as_string());
}

// Runs `sql` on the server's database file beside the running server (a tampering operator).
void Tamper(const TestServer& server, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(server.db_path().c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

json::value Proof(const TestServer& server, const std::string& text) {
  const HttpResult proof = server.Get("/api/v1/agreement_texts/" + text + "/proof");
  EXPECT_EQ(proof.status, 200) << proof.body;
  return proof.Json();
}

HttpResult Approve(const TestServer& server, const std::string& text, json::object body = {}) {
  return server.Post("/api/v1/agreement_texts/" + text + "/approvals", body);
}

// The generic record routes of `resource` once each, on record `id` (its visibility patched).
void ExerciseRecordRoutes(const TestServer& server, const std::string& resource,
                          const std::string& id) {
  const std::string base = "/api/v1/" + resource;
  EXPECT_EQ(server.Get(base + "?limit=5").status, 200);
  EXPECT_EQ(server.Get(base + "/export?format=csv").status, 200);
  EXPECT_EQ(server.Get(base + "/" + id + "/changes").status, 200);
  const HttpResult current = server.Get(base + "/" + id);
  ASSERT_EQ(current.status, 200) << current.body;
  const HttpResult patched = server.Request("PATCH", base + "/" + id, R"({"visibility":"private"})",
                                            {"If-Match: " + current.Header("etag")});
  EXPECT_EQ(patched.status, 200) << patched.body;
  const HttpResult archived =
      server.Request("DELETE", base + "/" + id, "", {"If-Match: " + patched.Header("etag")});
  EXPECT_EQ(archived.status, 204) << archived.body;
}

TEST(AgreementTextsTest, ApprovalIsSignedProvedAndStaleAfterAnEdit) {
  const TestServer server;
  const std::string partnership = FirstPartnershipId(server);
  const std::string text = Create(server, "/api/v1/agreement_texts",
                                  TextBody(partnership, "Article 1. Both cities exchange."));
  ASSERT_FALSE(text.empty());

  json::value proof = Proof(server, text);
  const std::string canonical(proof.at("canonical").as_string());
  EXPECT_EQ(proof.at("content_hash"), json::value(federation::Sha256Hex(canonical)));
  EXPECT_TRUE(canonical.starts_with("{\"body\":{\"en\":\"Article 1. Both cities exchange.\""))
      << canonical;
  EXPECT_NE(canonical.find("\"version\":1}"), std::string::npos) << canonical;
  EXPECT_TRUE(proof.at("approvals").as_array().empty());

  const HttpResult approved = Approve(server, text);
  ASSERT_EQ(approved.status, 201) << approved.body;
  EXPECT_EQ(approved.Json().at("content_hash"), proof.at("content_hash"));
  EXPECT_EQ(approved.Json().at("agreement_version"), 1);
  EXPECT_EQ(approved.Json().at("approved_by_role"), "admin");
  const std::string approval(approved.Json().at("id").as_string());

  proof = Proof(server, text);
  ASSERT_EQ(proof.at("approvals").as_array().size(), 1u);
  json::value entry = proof.at("approvals").at(0);
  EXPECT_EQ(entry.at("valid"), true) << entry;
  EXPECT_EQ(entry.at("stale"), false);
  EXPECT_EQ(entry.at("owner"), true);
  EXPECT_EQ(proof.at("approved_by_owner"), true);
  EXPECT_EQ(proof.at("approved_by_both"), false);

  // Approving the same version again, or a content the approver did not read, changes nothing.
  std::string before = server.Snapshot();
  HttpResult again = Approve(server, text);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(ProblemCode(again), "already_approved");
  EXPECT_EQ(server.Snapshot(), before);

  // A viewer may not approve; nor may anyone through the generic create.
  const TestUser viewer = server.AddUser("viewer@izmir.example", "viewer");
  before = server.Snapshot();
  EXPECT_EQ(server
                .Request("POST", "/api/v1/agreement_texts/" + text + "/approvals", "{}",
                         {viewer.Bearer(), "Content-Type: application/json"})
                .status,
            403);
  const HttpResult forged =
      server.Post("/api/v1/agreement_approvals", json::object{{"visibility", "shared"}});
  EXPECT_TRUE(forged.status == 400 || forged.status == 422) << forged.body;
  EXPECT_EQ(server.Snapshot(), before);

  // An edit makes a new version: the approval stands only for version 1.
  const HttpResult current = server.Get("/api/v1/agreement_texts/" + text);
  const HttpResult edited = server.Request(
      "PATCH", "/api/v1/agreement_texts/" + text,
      R"({"body":{"original":"en","en":"Article 1. Both cities exchange students."}})",
      {"If-Match: " + current.Header("etag")});
  ASSERT_EQ(edited.status, 200) << edited.body;
  proof = Proof(server, text);
  entry = proof.at("approvals").at(0);
  EXPECT_EQ(entry.at("valid"), true);
  EXPECT_EQ(entry.at("stale"), true);
  EXPECT_EQ(proof.at("version"), 2);
  EXPECT_EQ(proof.at("approved_by_owner"), false);
  before = server.Snapshot();
  again = Approve(server, text, {{"content_hash", entry.at("content_hash")}});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(ProblemCode(again), "stale_hash");
  EXPECT_EQ(server.Snapshot(), before);
  ASSERT_EQ(Approve(server, text, {{"content_hash", proof.at("content_hash")}}).status, 201);
  EXPECT_EQ(Proof(server, text).at("approved_by_owner"), true);

  // A signature altered in the database no longer verifies.
  Tamper(server,
         "UPDATE agreement_approvals SET signature = CASE substr(signature, 1, 1) WHEN 'A' THEN "
         "'B' ELSE 'A' END || substr(signature, 2) WHERE agreement_id = '" +
             text + "'");
  proof = Proof(server, text);
  for (const json::value& item : proof.at("approvals").as_array()) {
    EXPECT_EQ(item.at("signature_valid"), false) << item;
    EXPECT_EQ(item.at("valid"), false) << item;
  }
  EXPECT_EQ(proof.at("approved_by_owner"), false);

  // Legal steps are records like any other.
  const std::string step = Create(server, "/api/v1/legal_steps",
                                  {{"partnership_id", partnership},
                                   {"kind", "council_decision"},
                                   {"date", "2026-11-05"},
                                   {"reference", "2026/1187"},
                                   {"visibility", "shared"}});
  ASSERT_FALSE(step.empty());
  const HttpResult bad_step =
      server.Post("/api/v1/legal_steps", json::object{{"partnership_id", partnership},
                                                      {"kind", "royal_decree"},
                                                      {"date", "2026-11-05"}});
  EXPECT_EQ(bad_step.status, 422) << bad_step.body;
  ExerciseRecordRoutes(server, "legal_steps", step);
  ExerciseRecordRoutes(server, "agreement_approvals", approval);
  ExerciseRecordRoutes(server, "agreement_texts", text);
}

TEST(AgreementTextsTest, BothCitiesApproveOnTheirOwnServersAndBothProveIt) {
  const TestServer izmir;
  const TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  Pair(izmir, harbin, partnership);
  const std::string izmir_instance = InstanceId(izmir), harbin_instance = InstanceId(harbin);

  const std::string text = Create(izmir, "/api/v1/agreement_texts",
                                  TextBody(partnership, "Article 1. Music and ice festivals."));
  ASSERT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/agreement_texts/" + text); }))
      << harbin.Get("/api/v1/federation/sync").body;
  // Both servers compute the same canonical content from their copies.
  EXPECT_EQ(Proof(harbin, text).at("content_hash"), Proof(izmir, text).at("content_hash"));

  const HttpResult harbin_approval = Approve(harbin, text);
  ASSERT_EQ(harbin_approval.status, 201) << harbin_approval.body;
  const std::string from_harbin(harbin_approval.Json().at("id").as_string());
  const HttpResult izmir_approval = Approve(izmir, text);
  ASSERT_EQ(izmir_approval.status, 201) << izmir_approval.body;
  const std::string from_izmir(izmir_approval.Json().at("id").as_string());

  // Harbin's foreign affairs office approval, recorded by Harbin as its own step.
  const std::string step = Create(harbin, "/api/v1/legal_steps",
                                  {{"partnership_id", partnership},
                                   {"kind", "foreign_affairs_office"},
                                   {"date", "2026-11-20"},
                                   {"reference", "哈外办〔2026〕41号"},
                                   {"visibility", "shared"}});

  ASSERT_TRUE(WaitFor([&] {
    return Holds(izmir, "/api/v1/agreement_approvals/" + from_harbin) &&
           Holds(izmir, "/api/v1/legal_steps/" + step) &&
           Holds(harbin, "/api/v1/agreement_approvals/" + from_izmir);
  })) << izmir.Get("/api/v1/federation/sync").body;
  EXPECT_EQ(izmir.Get("/api/v1/legal_steps/" + step).Json().at("instance_id"),
            json::value(harbin_instance));

  for (const TestServer* server : {&izmir, &harbin}) {
    const json::value proof = Proof(*server, text);
    EXPECT_EQ(proof.at("owner_instance_id"), json::value(izmir_instance));
    ASSERT_EQ(proof.at("approvals").as_array().size(), 2u) << proof;
    for (const json::value& item : proof.at("approvals").as_array()) {
      EXPECT_EQ(item.at("valid"), true) << item;
      EXPECT_EQ(item.at("key_known"), true) << item;
      EXPECT_EQ(item.at("stale"), false) << item;
    }
    EXPECT_EQ(proof.at("approved_by_both"), true) << proof;
  }

  // Harbin's approval with its hash altered in İzmir's database no longer verifies there.
  Tamper(izmir,
         "UPDATE agreement_approvals SET content_hash = CASE substr(content_hash, 1, 1) WHEN "
         "'a' THEN 'b' ELSE 'a' END || substr(content_hash, 2) WHERE id = '" +
             from_harbin + "'");
  const json::value proof = Proof(izmir, text);
  EXPECT_EQ(proof.at("approved_by_both"), false) << proof;
  for (const json::value& item : proof.at("approvals").as_array()) {
    const bool harbins = item.at("instance_id") == json::value(harbin_instance);
    EXPECT_EQ(item.at("valid"), !harbins) << item;
  }
}

}  // namespace
}  // namespace amity::testing
