// Changes made on a replica, proposed to the owning instance (docs/FEDERATION.md, "Proposals"),
// between two real servers: Harbin's officer moves İzmir's shared commitment and edits its
// meeting, and İzmir applies them under its own rules; archiving the meeting and editing the
// partnership's milestones are refused there (partner users may do neither) and the refusals
// shown; while İzmir is down changes wait as pending (also across a kill -9 of Harbin), a stale
// version (of a commitment, of an event) and a transition the domain forbids are refused and
// shown in Harbin's list; the test acting as a third server checks that a proposal outside the
// peer's partnerships is refused (403), that a resent proposal, also after a kill -9 of the
// owner, gets the same answer and is applied once, and how an archive's If-Match is judged.
#include <gtest/gtest.h>

#include <string>

#include "federation_pair.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

json::value Record(const TestServer& server, const std::string& id,
                   const std::string& entity = "commitments") {
  return server.Get("/api/v1/" + entity + "/" + id).Json();
}

std::string IfMatch(const TestServer& server, const std::string& entity, const std::string& id) {
  return "If-Match: \"" + std::to_string(Record(server, id, entity).at("version").as_int64()) +
         "\"";
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

// Every kind of a partnership's records is proposed; the owner's rules decide what becomes of it.
TEST(ProposalTest, AMeetingEditIsAppliedWhileArchivingItAndEditingMilestonesAreRefused) {
  const TestServer izmir;
  const TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  Pair(izmir, harbin, partnership);
  const std::string meeting =
      Create(izmir, "/api/v1/meetings", MeetingBody(partnership, "Orchestra season planning"));
  ASSERT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/meetings/" + meeting); }))
      << harbin.Get("/api/v1/federation/sync").body;
  const TestUser officer = harbin.AddUser("officer@harbin.example", "officer");

  // An edit of the meeting: applied on İzmir, and the new version comes back.
  const HttpResult sent =
      harbin.Request("PATCH", "/api/v1/meetings/" + meeting, R"({"venue":"Harbin Concert Hall"})",
                     {officer.Bearer(), IfMatch(harbin, "meetings", meeting)});
  ASSERT_EQ(sent.status, 202) << sent.body;
  EXPECT_EQ(sent.Json().at("entity"), "meetings");
  EXPECT_EQ(sent.Json().at("operation"), "update");
  const std::string edit_id(sent.Json().at("id").as_string());
  ASSERT_TRUE(WaitFor([&] {
    return Record(izmir, meeting, "meetings").at("venue") == "Harbin Concert Hall";
  })) << Proposal(harbin, officer, edit_id);
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, edit_id) == "applied"; }));
  EXPECT_TRUE(WaitFor(
      [&] { return Record(harbin, meeting, "meetings").at("venue") == "Harbin Concert Hall"; }));
  EXPECT_EQ(Proposal(harbin, officer, edit_id).at("applied_version"),
            Record(izmir, meeting, "meetings").at("version"));

  // Archiving it: İzmir's partner users may not archive a meeting, so İzmir refuses (403) and
  // the meeting stays on both sides.
  const HttpResult archive =
      harbin.Request("DELETE", "/api/v1/meetings/" + meeting, "", {officer.Bearer()});
  ASSERT_EQ(archive.status, 202) << archive.body;
  EXPECT_EQ(archive.Json().at("operation"), "archive");
  const std::string archive_id(archive.Json().at("id").as_string());
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, archive_id) == "rejected"; }))
      << Proposal(harbin, officer, archive_id);
  EXPECT_EQ(Proposal(harbin, officer, archive_id).at("problem").at("status"), 403);
  EXPECT_TRUE(Holds(izmir, "/api/v1/meetings/" + meeting));
  EXPECT_TRUE(Holds(harbin, "/api/v1/meetings/" + meeting));

  // The partnership's milestones are İzmir's own record: partners do not edit them (403).
  const json::value held = Record(harbin, partnership, "partnerships");
  json::array milestones = held.at("milestones").as_array();
  for (const std::string kind : {"partner_approval", "agreement_signed", "terminated"}) {
    if (json::serialize(milestones).find(kind) != std::string::npos) continue;
    milestones.push_back(json::object{{"kind", kind}, {"date", "2027-01-15"}});
    break;
  }
  ASSERT_NE(milestones, held.at("milestones").as_array());
  const HttpResult milestone = harbin.Request(
      "PATCH", "/api/v1/partnerships/" + partnership,
      json::serialize(json::object{{"milestones", milestones}}),
      {officer.Bearer(), "If-Match: \"" + std::to_string(held.at("version").as_int64()) + "\""});
  ASSERT_EQ(milestone.status, 202) << milestone.body;
  const std::string milestone_id(milestone.Json().at("id").as_string());
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, milestone_id) == "rejected"; }));
  EXPECT_EQ(Proposal(harbin, officer, milestone_id).at("problem").at("status"), 403);
  EXPECT_EQ(Record(izmir, partnership, "partnerships").at("milestones"), held.at("milestones"));

  // A viewer may neither edit nor archive here, and nothing is kept for İzmir.
  const TestUser viewer = harbin.AddUser("viewer@harbin.example", "viewer");
  EXPECT_EQ(harbin.Request("DELETE", "/api/v1/meetings/" + meeting, "", {viewer.Bearer()}).status,
            403);
  EXPECT_EQ(QueryNumber(harbin.db_path(), "SELECT count(*) FROM federation_outbox"), 3);
}

TEST(ProposalTest, WhileTheOwnerIsDownChangesWaitAndAStaleOneIsRefused) {
  TestServer izmir;
  TestServer harbin(false);
  const PairedCommitment paired = Share(izmir, harbin);
  const std::string& commitment = paired.commitment;
  const TestUser officer = harbin.AddUser("officer@harbin.example", "officer");
  const std::string version = std::to_string(Record(harbin, commitment).at("version").as_int64());
  const std::string event =
      Create(izmir, "/api/v1/events",
             json::object{{"partnership_id", paired.partnership},
                          {"kind", "concert"},
                          {"title", {{"original", "en"}, {"en", "Harbin Symphony in İzmir"}}},
                          {"starts_at", "2027-05-10T17:00:00Z"},
                          {"ends_at", "2027-05-10T19:00:00Z"},
                          {"time_zone", "Europe/Istanbul"},
                          {"visibility", "shared"}});
  ASSERT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/events/" + event); }));
  const std::string event_if_match = IfMatch(harbin, "events", event);

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
  // Two edits of the event made on the version Harbin holds: İzmir applies the first, and the
  // second is then stale.
  const auto edit_event = [&](const std::string& body) {
    return harbin.Request("PATCH", "/api/v1/events/" + event, body,
                          {officer.Bearer(), event_if_match});
  };
  const HttpResult venue = edit_event(R"({"venue":"Ahmed Adnan Saygun Arts Center"})");
  ASSERT_EQ(venue.status, 202) << venue.body;
  const HttpResult stale_edit = edit_event(R"({"venue":"Izmir Opera House"})");
  ASSERT_EQ(stale_edit.status, 202) << stale_edit.body;
  const std::string venue_id(venue.Json().at("id").as_string());
  const std::string stale_edit_id(stale_edit.Json().at("id").as_string());
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
  ASSERT_TRUE(WaitFor([&] { return StateOf(harbin, officer, stale_edit_id) == "rejected"; }))
      << Proposal(harbin, officer, stale_edit_id);
  EXPECT_EQ(StateOf(harbin, officer, venue_id), "applied");
  EXPECT_EQ(Proposal(harbin, officer, stale_edit_id).at("problem").at("status"), 412);
  EXPECT_EQ(Record(izmir, event, "events").at("venue"), "Ahmed Adnan Saygun Arts Center");
  EXPECT_TRUE(WaitFor([&] {
    return Record(harbin, event, "events").at("venue") == "Ahmed Adnan Saygun Arts Center";
  }));
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

  // An archive is judged by the partner rules, as a local DELETE (a partner user may not archive
  // a commitment); its If-Match, when the maker gave one, is a boolean.
  json::object archive = proposal;
  archive["id"] = "0193a000-0000-7000-8000-000000000005";
  archive["operation"] = "archive";
  archive["body"] = json::object{{"if_match", true}};
  archive["base_version"] = Record(izmir, commitment).at("version");
  const HttpResult forbidden = peer.Send(izmir, "POST", "/federation/v1/proposals", archive);
  ASSERT_EQ(forbidden.status, 200) << forbidden.body;
  EXPECT_EQ(forbidden.Json().at("problem").at("status"), 403) << forbidden.body;
  EXPECT_TRUE(Holds(izmir, "/api/v1/commitments/" + commitment));
  archive["id"] = "0193a000-0000-7000-8000-000000000006";
  archive["body"] = json::object{{"if_match", "yes"}};
  EXPECT_EQ(peer.Send(izmir, "POST", "/federation/v1/proposals", archive).status, 422);

  // A message that is not a proposal is refused as such (422 naming the field).
  json::object broken = proposal;
  broken["id"] = "0193a000-0000-7000-8000-000000000003";
  broken["operation"] = "merge";
  const HttpResult invalid = peer.Send(izmir, "POST", "/federation/v1/proposals", broken);
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_NE(invalid.body.find("operation"), std::string::npos);
}

}  // namespace
}  // namespace amity::testing
