// Changes made on a replica, proposed to the owning instance (docs/FEDERATION.md, "Proposals"),
// between two real servers: Harbin's officer moves İzmir's shared commitment and İzmir applies
// it under its own rules; while İzmir is down the change waits as pending (also across a kill -9
// of Harbin), a stale version and a transition the domain forbids are refused and shown in
// Harbin's list; the test acting as a third server checks that a proposal outside the peer's
// partnerships is refused (403) and that a resent proposal, also after a kill -9 of the owner,
// gets the same answer and is applied once.
#include <gtest/gtest.h>

#include <string>

#include "federation_pair.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

json::value Record(const TestServer& server, const std::string& id) {
  return server.Get("/api/v1/commitments/" + id).Json();
}

std::string Status(const TestServer& server, const std::string& id) {
  const HttpResult result = server.Get("/api/v1/commitments/" + id);
  if (result.status != 200) return "";
  return std::string(result.Json().at("status").as_string());
}

// The proposal `id` as `user` lists it on `server` (null when it is not listed).
json::value Proposal(const TestServer& server, const TestUser& user, const std::string& id) {
  const HttpResult listed =
      server.Request("GET", "/api/v1/federation/proposals", "", {user.Bearer()});
  if (listed.status != 200) return nullptr;
  const json::value body = listed.Json();
  for (const json::value& item : body.at("items").as_array()) {
    if (item.at("id") == json::value(id)) return item;
  }
  return nullptr;
}

std::string StateOf(const TestServer& server, const TestUser& user, const std::string& id) {
  const json::value proposal = Proposal(server, user, id);
  return proposal.is_null() ? "" : std::string(proposal.at("state").as_string());
}

struct PairedCommitment {
  std::string partnership;
  std::string commitment;
  std::string izmir_instance;
  std::string harbin_instance;
};

PairedCommitment Share(const TestServer& izmir, const TestServer& harbin) {
  PairedCommitment paired;
  paired.partnership = FirstPartnershipId(izmir);
  paired.izmir_instance = InstanceId(izmir);
  paired.harbin_instance = InstanceId(harbin);
  Pair(izmir, harbin, paired.partnership);
  paired.commitment =
      Create(izmir, "/api/v1/commitments",
             CommitmentBody(paired.partnership, "Exchange two music teachers", "shared"));
  EXPECT_TRUE(WaitFor([&] { return Status(harbin, paired.commitment) == "proposed"; }))
      << harbin.Get("/api/v1/federation/sync").body;
  return paired;
}

TEST(ProposalTest, AChangeOnTheReplicaIsAppliedByTheOwnerAndFlowsBack) {
  const TestServer izmir;
  const TestServer harbin(false);
  const PairedCommitment paired = Share(izmir, harbin);
  const std::string& commitment = paired.commitment;
  const TestUser officer = harbin.AddUser("officer@harbin.example", "officer");

  const HttpResult sent =
      harbin.Request("POST", "/api/v1/commitments/" + commitment + "/transitions",
                     R"({"to":"in_progress","note":"Two teachers chosen"})", {officer.Bearer()});
  ASSERT_EQ(sent.status, 202) << sent.body;
  const json::value proposal = sent.Json();
  EXPECT_EQ(proposal.at("state"), "pending");
  EXPECT_EQ(proposal.at("owner_instance_id"), json::value(paired.izmir_instance));
  EXPECT_EQ(proposal.at("user_id"), json::value(officer.id));
  const std::string id(proposal.at("id").as_string());

  // Applied on İzmir under İzmir's rules, recorded with an opaque actor (no e-mail crosses).
  ASSERT_TRUE(WaitFor([&] { return Status(izmir, commitment) == "in_progress"; }))
      << harbin.Request("GET", "/api/v1/federation/proposals", "", {officer.Bearer()}).body;
  const json::value changes = izmir.Get("/api/v1/changes?record_id=" + commitment).Json();
  EXPECT_EQ(changes.at("items").as_array().at(0).at("actor"),
            json::value(paired.harbin_instance + "/" + officer.id));
  const std::string history = izmir.Get("/api/v1/commitments/" + commitment + "/history").body;
  EXPECT_NE(history.find("Two teachers chosen"), std::string::npos) << history;
  EXPECT_EQ(history.find("officer@harbin.example"), std::string::npos) << history;

  // The new version came back through the feed; the proposal says where it landed.
  ASSERT_TRUE(WaitFor([&] { return Status(harbin, commitment) == "in_progress"; }));
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, id) == "applied"; }));
  EXPECT_EQ(Proposal(harbin, officer, id).at("applied_version"),
            Record(izmir, commitment).at("version"));

  // A transition İzmir's rules forbid (back to proposed) is refused, and the reason shown.
  const HttpResult back =
      harbin.Request("POST", "/api/v1/commitments/" + commitment + "/transitions",
                     R"({"to":"proposed"})", {officer.Bearer()});
  ASSERT_EQ(back.status, 202) << back.body;
  const std::string back_id(back.Json().at("id").as_string());
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, back_id) == "rejected"; }));
  const json::value refused = Proposal(harbin, officer, back_id);
  EXPECT_EQ(refused.at("problem").at("status"), 422) << refused;
  EXPECT_EQ(refused.at("problem").at("problems").at(0).at("code"), "invalid_transition");
  EXPECT_EQ(Status(izmir, commitment), "in_progress");

  // Only a refused proposal can be dismissed, by the one who made it or an admin.
  const TestUser other = harbin.AddUser("other@harbin.example", "officer");
  EXPECT_EQ(harbin
                .Request("POST", "/api/v1/federation/proposals/" + back_id + "/dismiss", "",
                         {other.Bearer()})
                .status,
            404);
  EXPECT_EQ(harbin
                .Request("POST", "/api/v1/federation/proposals/" + id + "/dismiss", "",
                         {officer.Bearer()})
                .status,
            409);
  const HttpResult dismissed = harbin.Request(
      "POST", "/api/v1/federation/proposals/" + back_id + "/dismiss", "", {officer.Bearer()});
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.Json().at("state"), "dismissed");

  // A viewer may not change it here at all, and nothing is kept.
  const TestUser viewer = harbin.AddUser("viewer@harbin.example", "viewer");
  EXPECT_EQ(harbin
                .Request("POST", "/api/v1/commitments/" + commitment + "/notes",
                         R"({"note":"hello"})", {viewer.Bearer()})
                .status,
            403);
}

TEST(ProposalTest, WhileTheOwnerIsDownChangesWaitAndAStaleOneIsRefused) {
  TestServer izmir;
  TestServer harbin(false);
  const PairedCommitment paired = Share(izmir, harbin);
  const std::string& commitment = paired.commitment;
  const TestUser officer = harbin.AddUser("officer@harbin.example", "officer");
  const std::string version = std::to_string(Record(harbin, commitment).at("version").as_int64());

  izmir.Kill();
  const auto patch = [&](const std::string& body) {
    return harbin.Request("PATCH", "/api/v1/commitments/" + commitment, body,
                          {officer.Bearer(), "If-Match: \"" + version + "\""});
  };
  const HttpResult first = patch(R"({"due_date":"2027-06-30"})");
  ASSERT_EQ(first.status, 202) << first.body;
  const HttpResult second = patch(R"({"area":"education"})");  // made on the same version
  ASSERT_EQ(second.status, 202) << second.body;
  const std::string first_id(first.Json().at("id").as_string());
  const std::string second_id(second.Json().at("id").as_string());
  // Pending while İzmir cannot be reached, with the failed attempts counted.
  ASSERT_TRUE(WaitFor([&] {
    const json::value pending = Proposal(harbin, officer, first_id);
    return !pending.is_null() && pending.at("attempts").as_int64() >= 1;
  })) << Proposal(harbin, officer, first_id);
  EXPECT_EQ(StateOf(harbin, officer, first_id), "pending");
  EXPECT_EQ(Record(harbin, commitment).at("area"), "music");  // the replica is as it was

  harbin.KillAndRestart();  // acknowledged proposals survive a kill -9 of the replica
  izmir.StartAgain();
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, first_id) == "applied"; }, 40))
      << Proposal(harbin, officer, first_id);
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, second_id) == "rejected"; }));
  const json::value stale = Proposal(harbin, officer, second_id);
  EXPECT_EQ(stale.at("problem").at("status"), 412) << stale;
  EXPECT_EQ(Record(izmir, commitment).at("due_date"), "2027-06-30");
  EXPECT_EQ(Record(izmir, commitment).at("area"), "music");
  EXPECT_TRUE(WaitFor([&] { return Record(harbin, commitment).at("due_date") == "2027-06-30"; }));
  // The list filters by state and record.
  const HttpResult rejected =
      harbin.Request("GET", "/api/v1/federation/proposals?state=rejected&record_id=" + commitment,
                     "", {officer.Bearer()});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.Json().at("items").as_array().size(), 1u);
}

TEST(ProposalTest, AResentProposalIsAppliedOnceAndOneOutsideThePeersPartnershipsRefused) {
  TestServer izmir;
  const std::string partnership = FirstPartnershipId(izmir);
  FakePeer peer;
  peer.PairWith(izmir, partnership, "http://127.0.0.1:9");
  const std::string commitment =
      Create(izmir, "/api/v1/commitments", CommitmentBody(partnership, "Marathon team", "shared"));
  const json::object proposal{
      {"id", "0193a000-0000-7000-8000-000000000001"},
      {"entity", "commitments"},
      {"record_id", commitment},
      {"operation", "transition"},
      {"base_version", 1},
      {"body", {{"to", "agreed"}, {"note", "Agreed by phone"}}},
      {"actor", peer.instance_id + "/0193a000-0000-7000-8000-0000000000aa"}};
  const HttpResult answer = peer.Send(izmir, "POST", "/federation/v1/proposals", proposal);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.Json().at("state"), "applied");
  const std::string transitions_sql =
      "SELECT count(*) FROM commitment_history WHERE kind = 'transition' AND commitment_id = '" +
      commitment + "'";
  EXPECT_EQ(QueryNumber(izmir.db_path(), transitions_sql), 1);

  // The answer was lost (kill -9 of the owner just after it applied): the resend gets the
  // same answer, and the change exists once.
  izmir.KillAndRestart();
  const HttpResult again = peer.Send(izmir, "POST", "/federation/v1/proposals", proposal);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json(), answer.Json());
  EXPECT_EQ(QueryNumber(izmir.db_path(), transitions_sql), 1);
  EXPECT_EQ(Record(izmir, commitment).at("status"), "agreed");

  // A record of a partnership the peer is not paired for: refused, nothing changes.
  const std::string busan =
      Create(izmir, "/api/v1/cities",
             json::parse(R"({"name":{"original":"en","en":"Busan"},"country":"KR",
                      "time_zone":"Asia/Seoul"})")
                 .as_object());
  const std::string home(
      izmir.Get("/api/v1/cities?country=TR").Json().at("items").at(0).at("id").as_string());
  const HttpResult other = izmir.Post(
      "/api/v1/partnerships",
      json::object{{"home_city_id", home}, {"partner_city_id", busan}, {"visibility", "shared"}});
  ASSERT_EQ(other.status, 201) << other.body;
  const std::string foreign =
      Create(izmir, "/api/v1/commitments",
             CommitmentBody(std::string(other.Json().at("id").as_string()), "Not yours", "shared"));
  json::object outside = proposal;
  outside["id"] = "0193a000-0000-7000-8000-000000000002";
  outside["record_id"] = foreign;
  const HttpResult refused = peer.Send(izmir, "POST", "/federation/v1/proposals", outside);
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.Json().at("state"), "rejected");
  EXPECT_EQ(refused.Json().at("problem").at("status"), 403);
  EXPECT_EQ(Record(izmir, foreign).at("status"), "proposed");

  // A message that is not a proposal is refused as such (422 naming the field).
  json::object broken = proposal;
  broken["id"] = "0193a000-0000-7000-8000-000000000003";
  broken["operation"] = "archive";
  const HttpResult invalid = peer.Send(izmir, "POST", "/federation/v1/proposals", broken);
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_NE(invalid.body.find("operation"), std::string::npos);
}

}  // namespace
}  // namespace amity::testing
