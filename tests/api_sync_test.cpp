// Sync of shared records between two real servers (docs/FEDERATION.md, "Sync"): İzmir's shared
// records reach Harbin as read-only replicas owned by İzmir, private records and personal data
// never leave İzmir (checked on the feed's raw bytes and Harbin's database file), a record
// turned private leaves a tombstone, a kill -9 mid-sync converges after the restart, and a
// peer answering garbage is backed off from while the others go on. Also measures the lag from
// a commit on one side to its visibility on the other (bench/RESULTS.md).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "federation/pairing.h"
#include "federation/signature.h"
#include "federation_pair.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;
namespace fed = amity::federation;
using Clock = std::chrono::steady_clock;

long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json::object CommitmentBody(const std::string& partnership, const std::string& text,
                            const std::string& visibility) {
  return {{"partnership_id", partnership},
          {"text", {{"original", "en"}, {"en", text}}},
          {"area", "music"},
          {"proposed_by_side", "home"},
          {"visibility", visibility}};
}

json::object MeetingBody(const std::string& partnership, const std::string& title) {
  return {{"partnership_id", partnership},
          {"kind", "video_call"},
          {"title", {{"original", "en"}, {"en", title}}},
          {"starts_at", "2027-03-01T09:00:00Z"},
          {"ends_at", "2027-03-01T10:00:00Z"},
          {"time_zone", "Europe/Istanbul"},
          {"visibility", "shared"}};
}

// The test acting as a third server paired with `server`: it reads the feed with its own key.
struct FakePeer {
  fed::KeyPair key = fed::NewKeyPair();
  std::string instance_id = "0191f000-0000-7000-8000-00000000fed2";

  HttpResult Send(const TestServer& server, const std::string& method, const std::string& path,
                  const json::value& body = nullptr) const {
    const std::string text = body.is_null() ? "" : json::serialize(body);
    std::vector<std::string> headers{"Authorization:"};
    for (const auto& [name, value] : fed::SignRequest(
             {method, "127.0.0.1:" + std::to_string(server.port()), path, text},
             fed::KeyId(key.public_key), key.secret_key, UnixNow(), fed::RandomNonce())) {
      headers.push_back(name + ": " + value);
    }
    return server.Request(method, path, text, headers);
  }

  // Registers with `server`'s invitation for `partnership`, naming `url` as its address, and
  // confirms on both sides.
  void PairWith(const TestServer& server, const std::string& partnership, const std::string& url) {
    const HttpResult invited = server.Post("/api/v1/federation/invitations",
                                           json::object{{"partnership_ids", {partnership}}});
    ASSERT_EQ(invited.status, 201) << invited.body;
    const auto invitation =
        fed::DecodeInvitation(std::string(invited.Json().at("invitation").as_string()));
    ASSERT_TRUE(invitation);
    HttpResult result = Send(server, "POST", "/federation/v1/register",
                             json::object{{"code", invitation->code},
                                          {"instance_id", instance_id},
                                          {"url", url},
                                          {"key_id", fed::KeyId(key.public_key)},
                                          {"public_key", fed::Base64(key.public_key)}});
    ASSERT_EQ(result.status, 201) << result.body;
    const std::string fingerprint(result.Json().at("fingerprint").as_string());
    std::string peer_id;
    const json::value federation = server.Get("/api/v1/federation").Json();
    for (const json::value& peer : federation.at("peers").as_array()) {
      if (peer.at("instance_id") == json::value(instance_id)) {
        peer_id = std::string(peer.at("id").as_string());
      }
    }
    ASSERT_FALSE(peer_id.empty());
    ASSERT_EQ(server
                  .Post("/api/v1/federation/peers/" + peer_id + "/confirm",
                        json::object{{"fingerprint", fingerprint}})
                  .status,
              200);
    result =
        Send(server, "POST", "/federation/v1/confirm", json::object{{"fingerprint", fingerprint}});
    ASSERT_EQ(result.status, 200) << result.body;
    ASSERT_EQ(result.Json().at("state"), "active");
  }
};

// A server on a loopback port that answers every request with the same bytes (not a feed), or
// with `hang` reads the request and never answers, and counts the requests.
class GarbageServer {
 public:
  explicit GarbageServer(bool hang = false) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int yes = 1;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(fd_, 16);
    socklen_t length = sizeof address;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this, hang] {
      while (true) {
        const int client = accept(fd_, nullptr, nullptr);
        if (client < 0 || stopping_) {
          if (client >= 0) close(client);
          return;
        }
        char buffer[8192];
        if (read(client, buffer, sizeof buffer) > 0) ++requests_;
        if (hang) {
          held_.push_back(client);  // closed when the server goes
          continue;
        }
        const std::string answer =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n"
            "Connection: close\r\n\r\n{\"items\": 42}\n";
        (void)!write(client, answer.data(), answer.size());
        close(client);
      }
    });
  }
  ~GarbageServer() {
    stopping_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
    for (const int client : held_) close(client);
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<int> requests_{0};
  std::atomic<bool> stopping_{false};
  std::vector<int> held_;  // the hanging server's open connections (its thread only)
  std::thread thread_;
};

// The database file and its write-ahead log, as bytes.
std::string DatabaseBytes(const TestServer& server) {
  return ReadFile(server.db_path()) + ReadFile(server.db_path() + "-wal");
}

TEST(SyncTest, SharedRecordsReachThePeerAsReplicasAndPrivateOnesNever) {
  const TestServer izmir;
  const TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  const std::string izmir_instance = InstanceId(izmir);
  Pair(izmir, harbin, partnership);

  const std::string commitment =
      Create(izmir, "/api/v1/commitments",
             CommitmentBody(partnership, "Exchange two music teachers", "shared"));
  const std::string meeting =
      Create(izmir, "/api/v1/meetings", MeetingBody(partnership, "Orchestra video call"));
  const std::string secret_text = "Budget ceiling GIZLI-7731 for the council only";
  const std::string secret =
      Create(izmir, "/api/v1/commitments", CommitmentBody(partnership, secret_text, "private"));
  ASSERT_TRUE(WaitFor([&] {
    return Holds(harbin, "/api/v1/commitments/" + commitment) &&
           Holds(harbin, "/api/v1/meetings/" + meeting);
  })) << harbin.Get("/api/v1/federation/sync").body;

  // Held on Harbin, owned by İzmir, with the partnership and the cities it names.
  const json::value replica = harbin.Get("/api/v1/commitments/" + commitment).Json();
  EXPECT_EQ(replica.at("instance_id"), json::value(izmir_instance));
  EXPECT_EQ(replica.at("text").at("en"), "Exchange two music teachers");
  EXPECT_EQ(harbin.Get("/api/v1/meetings/" + meeting).Json().at("instance_id"),
            json::value(izmir_instance));
  EXPECT_TRUE(Holds(harbin, "/api/v1/partnerships/" + partnership));
  EXPECT_EQ(harbin.Get("/api/v1/commitments/" + secret).status, 404);

  // Harbin may not change İzmir's record: the owner's rules decide (a later step sends it there).
  const std::string before = harbin.Snapshot();
  const HttpResult edit = harbin.Request("PATCH", "/api/v1/meetings/" + meeting,
                                         R"({"venue":"Harbin"})", {"If-Match: \"1\""});
  EXPECT_EQ(edit.status, 409) << edit.body;
  EXPECT_NE(edit.body.find("owned_elsewhere"), std::string::npos) << edit.body;
  EXPECT_EQ(harbin.Request("DELETE", "/api/v1/meetings/" + meeting, "", {"If-Match: \"1\""}).status,
            409);
  EXPECT_EQ(harbin.Snapshot(), before);

  // The other way: Harbin's own shared commitment in the partnership reaches İzmir.
  const std::string from_harbin =
      Create(harbin, "/api/v1/commitments",
             CommitmentBody(partnership, "Send the ice festival programme", "shared"));
  ASSERT_TRUE(WaitFor([&] { return Holds(izmir, "/api/v1/commitments/" + from_harbin); }))
      << izmir.Get("/api/v1/federation/sync").body;
  EXPECT_EQ(izmir.Get("/api/v1/commitments/" + from_harbin).Json().at("instance_id"),
            json::value(InstanceId(harbin)));

  // A person named by a shared commitment travels with it, without personal data, and so do
  // later changes to that person alone.
  const json::value people = izmir.Get("/api/v1/people?limit=100").Json();
  json::object person;
  for (const json::value& item : people.at("items").as_array()) {
    if (item.at("visibility") == "shared" && !item.at("contact").is_null()) {
      person = item.as_object();
    }
  }
  ASSERT_FALSE(person.empty());
  const std::string person_id(person.at("id").as_string());
  json::object named = CommitmentBody(partnership, "Host the mayor's office", "shared");
  named["home_owner_id"] = person_id;
  const std::string naming = Create(izmir, "/api/v1/commitments", named);
  ASSERT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/commitments/" + naming); }));
  json::value held_person = harbin.Get("/api/v1/people/" + person_id).Json();
  EXPECT_TRUE(held_person.at("contact").is_null()) << held_person;
  EXPECT_EQ(held_person.at("instance_id"), json::value(izmir_instance));
  const std::string version = std::to_string(person.at("version").as_int64());
  const HttpResult renamed =
      izmir.Request("PATCH", "/api/v1/people/" + person_id, R"({"latin_name":"Renamed Host"})",
                    {"If-Match: \"" + version + "\""});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_TRUE(WaitFor([&] {
    return harbin.Get("/api/v1/people/" + person_id).Json().at("latin_name") == "Renamed Host";
  }));

  // Turned private: withdrawn from Harbin, which keeps only a tombstone.
  const HttpResult withdrawn = izmir.Request("PATCH", "/api/v1/commitments/" + commitment,
                                             R"({"visibility":"private"})", {"If-Match: \"1\""});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  ASSERT_TRUE(WaitFor([&] { return !Holds(harbin, "/api/v1/commitments/" + commitment); }));
  EXPECT_EQ(QueryNumber(harbin.db_path(),
                        "SELECT count(*) FROM federation_tombstones WHERE "
                        "record_id = '" +
                            commitment + "'"),
            1);
  EXPECT_EQ(QueryNumber(harbin.db_path(),
                        "SELECT count(*) FROM commitments WHERE id = '" + commitment + "'"),
            0);

  // Nothing private and no personal data on Harbin: neither the private records' ids and
  // texts nor a person's contact details are in its database file.
  const std::string held = DatabaseBytes(harbin);
  for (const std::string& never :
       {secret, secret_text, std::string("mayor-office.izmir@example.org"),
        std::string("+90 232 555 0100")}) {
    EXPECT_EQ(held.find(never), std::string::npos) << never;
  }
  // The partnership itself withdrawn: İzmir's records in it go from Harbin, while Harbin's own
  // commitment in it keeps it there archived (a record of Harbin still needs it).
  const json::value held_partnership = izmir.Get("/api/v1/partnerships/" + partnership).Json();
  const HttpResult closed = izmir.Request(
      "PATCH", "/api/v1/partnerships/" + partnership, R"({"visibility":"private"})",
      {"If-Match: \"" + std::to_string(held_partnership.at("version").as_int64()) + "\""});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_TRUE(WaitFor([&] {
    return QueryNumber(harbin.db_path(),
                       "SELECT count(*) FROM federation_tombstones WHERE "
                       "record_id = '" +
                           partnership + "'") == 1;
  })) << harbin.Get("/api/v1/federation/sync").body;
  EXPECT_EQ(QueryNumber(harbin.db_path(),
                        "SELECT archived FROM partnerships WHERE id = '" + partnership + "'"),
            1);
  EXPECT_TRUE(Holds(harbin, "/api/v1/commitments/" + from_harbin));
  EXPECT_FALSE(Holds(harbin, "/api/v1/meetings/" + meeting));

  // The status card's figures.
  const json::value status = harbin.Get("/api/v1/federation/sync").Json();
  ASSERT_EQ(status.at("peers").as_array().size(), 1u);
  EXPECT_GT(status.at("peers").at(0).at("cursor").as_int64(), 0);
  EXPECT_EQ(status.at("peers").at(0).at("failures"), 0);
  const json::value holders = harbin.Get("/api/v1/federation/holders").Json();
  EXPECT_EQ(holders.at("holders").at(0).at("instance_id"), json::value(izmir_instance));
}

TEST(SyncTest, TheRawFeedHoldsNoPrivateRecordAndNoPersonalData) {
  const TestServer izmir;
  const std::string partnership = FirstPartnershipId(izmir);
  const std::string secret_text = "Private note KVKK-5531";
  const std::string secret =
      Create(izmir, "/api/v1/commitments", CommitmentBody(partnership, secret_text, "private"));
  const std::string shared =
      Create(izmir, "/api/v1/commitments", CommitmentBody(partnership, "Shared plan", "shared"));
  FakePeer peer;
  peer.PairWith(izmir, partnership, "http://127.0.0.1:9");
  std::string feed;
  long long after = 0;
  for (int page = 0; page < 100; ++page) {
    const HttpResult result = peer.Send(
        izmir, "GET", "/federation/v1/changes?after=" + std::to_string(after) + "&limit=50");
    ASSERT_EQ(result.status, 200) << result.body;
    feed += result.body;
    const json::value body = result.Json();
    after = body.at("next").as_int64();
    if (!body.at("has_more").as_bool()) break;
  }
  EXPECT_NE(feed.find(shared), std::string::npos);
  EXPECT_NE(feed.find("Shared plan"), std::string::npos);
  EXPECT_NE(feed.find(partnership), std::string::npos);
  for (const std::string& never :
       {secret, secret_text, std::string("mayor-office.izmir@example.org"),
        std::string("+90 232 555 0100"), std::string("\"actor\""), std::string("admin@")}) {
    EXPECT_EQ(feed.find(never), std::string::npos) << never;
  }
  // The same cursor gives the same page: the feed is a pure function of the cursor.
  const HttpResult first = peer.Send(izmir, "GET", "/federation/v1/changes?after=0&limit=20");
  const HttpResult again = peer.Send(izmir, "GET", "/federation/v1/changes?after=0&limit=20");
  EXPECT_EQ(first.body, again.body);
  // Unsigned: refused.
  EXPECT_EQ(izmir.Request("GET", "/federation/v1/changes?after=0", "", {"Authorization:"}).status,
            401);
  // A notification is accepted (it only brings the next pull forward); a bad one is refused.
  const HttpResult notified =
      peer.Send(izmir, "POST", "/federation/v1/notify", json::object{{"seq", 12}});
  EXPECT_EQ(notified.status, 202) << notified.body;
  const HttpResult bad_notice =
      peer.Send(izmir, "POST", "/federation/v1/notify", json::object{{"seq", "soon"}});
  EXPECT_EQ(bad_notice.status, 422) << bad_notice.body;
  // A bad cursor names the parameter.
  const HttpResult bad = peer.Send(izmir, "GET", "/federation/v1/changes?after=-1");
  EXPECT_EQ(bad.status, 400) << bad.body;
}

TEST(SyncTest, AKilledPeerConvergesAfterItsRestart) {
  const TestServer izmir;
  TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  Pair(izmir, harbin, partnership);
  std::vector<std::string> ids;
  for (int i = 0; i < 60; ++i) {
    ids.push_back(Create(izmir, "/api/v1/commitments",
                         CommitmentBody(partnership, "Batch item " + std::to_string(i), "shared")));
    if (i == 20) harbin.KillAndRestart();  // in the middle of pulling what came so far
  }
  const std::string count_sql = "SELECT count(*) FROM commitments WHERE text LIKE '%Batch item%'";
  EXPECT_TRUE(WaitFor([&] { return QueryNumber(harbin.db_path(), count_sql) == 60; }, 40))
      << QueryNumber(harbin.db_path(), count_sql);
  for (const std::string& id : ids) EXPECT_TRUE(Holds(harbin, "/api/v1/commitments/" + id)) << id;
}

TEST(SyncTest, APeerAnsweringGarbageIsBackedOffWhileOthersSync) {
  const TestServer izmir;
  const TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  Pair(izmir, harbin, partnership);
  GarbageServer garbage;
  FakePeer broken;
  broken.PairWith(izmir, partnership, garbage.Url());
  // İzmir keeps failing to read the broken peer's feed, and waits longer each time.
  std::string broken_peer;
  json::object state;
  ASSERT_TRUE(WaitFor(
      [&] {
        const json::value sync = izmir.Get("/api/v1/federation/sync").Json();
        for (const json::value& peer : sync.at("peers").as_array()) {
          if (peer.at("instance_id") == json::value(broken.instance_id)) state = peer.as_object();
        }
        return !state.empty() && state.at("failures").as_int64() >= 3;
      },
      30));
  EXPECT_NE(state.at("last_error").as_string().find("not a feed page"), std::string::npos)
      << json::serialize(state);
  // With 3 failures the next try is 4 s after the last.
  const std::string last(state.at("last_attempt_at").as_string());
  const std::string next(state.at("next_attempt_at").as_string());
  EXPECT_GT(next, last);
  EXPECT_LE(garbage.requests(), 6);
  // Meanwhile Harbin and İzmir go on syncing both ways.
  const std::string from_izmir =
      Create(izmir, "/api/v1/commitments", CommitmentBody(partnership, "Still flowing", "shared"));
  EXPECT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/commitments/" + from_izmir); }));
}

TEST(SyncTest, APeerThatHangsTimesOutWhileOthersSync) {
  const TestServer izmir;
  const TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  Pair(izmir, harbin, partnership);
  GarbageServer hanging(/*hang=*/true);
  FakePeer silent;
  silent.PairWith(izmir, partnership, hanging.Url());
  // While İzmir's pull from the silent peer waits for its 10 s timeout, Harbin still syncs.
  ASSERT_TRUE(WaitFor([&] { return hanging.requests() >= 1; }, 10));
  const std::string flowing =
      Create(izmir, "/api/v1/commitments", CommitmentBody(partnership, "Not held up", "shared"));
  EXPECT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/commitments/" + flowing); }, 5));
  json::object state;
  ASSERT_TRUE(WaitFor(
      [&] {
        const json::value sync = izmir.Get("/api/v1/federation/sync").Json();
        for (const json::value& peer : sync.at("peers").as_array()) {
          if (peer.at("instance_id") == json::value(silent.instance_id)) state = peer.as_object();
        }
        return !state.empty() && state.at("failures").as_int64() >= 1;
      },
      25));
  EXPECT_FALSE(state.at("last_error").is_null());
}

// The lag from a commit on İzmir to its visibility on Harbin, on loopback: printed as the
// median and the largest of 20 (bench/RESULTS.md, run S1).
TEST(SyncTest, LagFromCommitToVisibilityOnThePeer) {
  const TestServer izmir;
  const TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  Pair(izmir, harbin, partnership);
  const std::string warm = Create(izmir, "/api/v1/meetings", MeetingBody(partnership, "Warm-up"));
  ASSERT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/meetings/" + warm); }));
  std::vector<double> lags;
  for (int i = 0; i < 20; ++i) {
    const std::string id =
        Create(izmir, "/api/v1/meetings", MeetingBody(partnership, "Lag " + std::to_string(i)));
    const auto committed = Clock::now();  // the 201 came after the commit
    ASSERT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/meetings/" + id); }));
    lags.push_back(std::chrono::duration<double, std::milli>(Clock::now() - committed).count());
  }
  std::sort(lags.begin(), lags.end());
  const double median = (lags[9] + lags[10]) / 2;
  std::printf("sync lag over loopback, 20 commits: median %.1f ms, max %.1f ms\n", median,
              lags.back());
  EXPECT_LT(median, 2000);
}

}  // namespace
}  // namespace amity::testing
