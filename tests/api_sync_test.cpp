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
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <utility>
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

// A server on a loopback port that answers every request with the same bytes (not a feed), or
// with `hang` reads the request and never answers, or gives `answer`'s answer to the request's
// head, and counts the requests.
class GarbageServer {
 public:
  using Answer = std::function<std::string(const std::string& request)>;
  explicit GarbageServer(bool hang = false, Answer answer = nullptr) {
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
    thread_ = std::thread([this, hang, answer_fn = std::move(answer)] {
      while (true) {
        const int client = accept(fd_, nullptr, nullptr);
        if (client < 0 || stopping_) {
          if (client >= 0) close(client);
          return;
        }
        char buffer[8192];
        const ssize_t got = read(client, buffer, sizeof buffer);
        if (got > 0) ++requests_;
        if (hang) {
          held_.push_back(client);  // closed when the server goes
          continue;
        }
        const std::string answer =
            answer_fn
                ? answer_fn(std::string(buffer, got > 0 ? static_cast<size_t>(got) : 0))
                : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n"
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

// A small file that libmagic names application/pdf, its bytes told apart by `text`.
std::string PdfBytes(const std::string& text) {
  return "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n% " + text + "\n" + std::string(3000, 'x') +
         "\n%%EOF\n";
}

// Uploads `bytes` as file `name` of record `holder_id` (collection `holder`) in one tus PATCH;
// returns the new file's id ("" on failure). `extra`: more ",key base64" metadata.
std::string UploadFile(const TestServer& server, const std::string& holder,
                       const std::string& holder_id, const std::string& name,
                       const std::string& bytes, const std::string& extra = "") {
  const HttpResult created =
      server.Request("POST", "/api/v1/uploads", "",
                     {"Tus-Resumable: 1.0.0", "Upload-Length: " + std::to_string(bytes.size()),
                      "Upload-Metadata: filename " + fed::Base64(name) + ",holder " +
                          fed::Base64(holder) + ",holder_id " + fed::Base64(holder_id) + extra});
  EXPECT_EQ(created.status, 201) << created.body;
  if (created.status != 201) return "";
  const HttpResult done =
      server.Request("PATCH", created.Header("location"), bytes,
                     {"Tus-Resumable: 1.0.0", "Content-Type: application/offset+octet-stream",
                      "Upload-Offset: 0"});
  EXPECT_EQ(done.status, 204) << done.body;
  return done.Header("amity-file-id");
}

// How many blobs `owner` has sent its peers (GET /federation/v1/blobs answered 200).
long long BlobsSent(const TestServer& owner) {
  const std::string metrics = owner.Get("/metrics").body;
  const std::string label = "route=\"/federation/v1/blobs/{sha256}\",status=\"200\"} ";
  long long sent = 0;
  for (size_t at = metrics.find(label); at != std::string::npos; at = metrics.find(label, at + 1)) {
    sent += std::stoll(metrics.substr(at + label.size()));
  }
  return sent;
}

std::string FileSha256(const TestServer& server, const std::string& file_id) {
  return std::string(server.Get("/api/v1/files/" + file_id).Json().at("sha256").as_string());
}

// Whether `server`'s blob store holds `sha256` (files/ beside the database).
bool HoldsBlob(const TestServer& server, const std::string& sha256) {
  const std::filesystem::path folder = std::filesystem::path(server.db_path()).parent_path();
  return std::filesystem::exists(folder / "files" / "blobs" / sha256.substr(0, 2) / sha256);
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

  // Harbin may not change İzmir's records itself: a record outside any partnership (the partner
  // city it names) is read-only here, and a change of a partnership's record is kept as a
  // proposal for İzmir, whose rules decide (api_proposals_test).
  const std::string city(
      harbin.Get("/api/v1/partnerships/" + partnership).Json().at("partner_city_id").as_string());
  const std::string city_if_match =
      "If-Match: \"" +
      std::to_string(harbin.Get("/api/v1/cities/" + city).Json().at("version").as_int64()) + "\"";
  const std::string before = harbin.Snapshot();
  const HttpResult edit =
      harbin.Request("PATCH", "/api/v1/cities/" + city, R"({"latitude":45.8})", {city_if_match});
  EXPECT_EQ(edit.status, 409) << edit.body;
  EXPECT_NE(edit.body.find("owned_elsewhere"), std::string::npos) << edit.body;
  EXPECT_EQ(harbin.Request("DELETE", "/api/v1/cities/" + city, "", {city_if_match}).status, 409);
  EXPECT_EQ(harbin.Snapshot(), before);
  const HttpResult proposed = harbin.Request("PATCH", "/api/v1/meetings/" + meeting,
                                             R"({"venue":"Harbin"})", {"If-Match: \"1\""});
  EXPECT_EQ(proposed.status, 202) << proposed.body;
  EXPECT_EQ(proposed.Json().at("operation"), "update");

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
  const std::string shared_pdf = PdfBytes("Shared plan annex");
  const std::string shared_file =
      UploadFile(izmir, "commitments", shared, "Shared annex.pdf", shared_pdf);
  const std::string secret_file =
      UploadFile(izmir, "commitments", secret, "GIZLI-ek-5531.pdf", PdfBytes("Private annex"));
  const std::string personal_file =
      UploadFile(izmir, "commitments", shared, "Passport-KVKK-8812.pdf", PdfBytes("A passport"),
                 ",personal_data " + fed::Base64("true"));
  const std::string shared_sha = FileSha256(izmir, shared_file);
  const std::string secret_sha = FileSha256(izmir, secret_file);
  const std::string personal_sha = FileSha256(izmir, personal_file);
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
  EXPECT_NE(feed.find("Shared annex.pdf"), std::string::npos);
  EXPECT_NE(feed.find(shared_sha), std::string::npos);
  for (const std::string& never :
       {secret, secret_text, std::string("mayor-office.izmir@example.org"),
        std::string("+90 232 555 0100"), std::string("\"actor\""), std::string("admin@"),
        secret_file, secret_sha, std::string("GIZLI-ek-5531"), personal_file, personal_sha,
        std::string("Passport-KVKK-8812")}) {
    EXPECT_EQ(feed.find(never), std::string::npos) << never;
  }
  // The blobs: a shared file's to the peer; a private record's or personal data's, an unknown
  // one or not a hash, the same 404; unsigned, 401.
  const HttpResult blob = peer.Send(izmir, "GET", "/federation/v1/blobs/" + shared_sha);
  EXPECT_EQ(blob.status, 200);
  EXPECT_EQ(blob.body, shared_pdf);
  EXPECT_EQ(blob.Header("content-type"), "application/octet-stream");
  for (const std::string& refused :
       {secret_sha, personal_sha, std::string(64, '0'), std::string("not-a-hash")}) {
    const HttpResult answer = peer.Send(izmir, "GET", "/federation/v1/blobs/" + refused);
    EXPECT_EQ(answer.status, 404) << refused;
    EXPECT_EQ(answer.body.find("%PDF"), std::string::npos);
  }
  EXPECT_EQ(
      izmir.Request("GET", "/federation/v1/blobs/" + shared_sha, "", {"Authorization:"}).status,
      401);
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

TEST(SyncTest, FilesOfSharedRecordsTravelByHashAndGoWithTheirRecord) {
  const TestServer izmir;
  const TestServer harbin(false);
  const std::string partnership = FirstPartnershipId(izmir);
  Pair(izmir, harbin, partnership);
  ASSERT_TRUE(WaitFor([&] { return Holds(harbin, "/api/v1/partnerships/" + partnership); }));
  // The festival programme was uploaded on both sides beforehand.
  const std::string programme = PdfBytes("Ice festival programme 2027");
  const std::string harbin_plan = Create(
      harbin, "/api/v1/commitments", CommitmentBody(partnership, "Harbin's own plan", "private"));
  const std::string harbin_copy =
      UploadFile(harbin, "commitments", harbin_plan, "programme.pdf", programme);
  ASSERT_FALSE(harbin_copy.empty());

  // The demo's shared files cross first; count from when they have.
  long long sent_before = -1;
  ASSERT_TRUE(WaitFor([&] {
    const long long sent = BlobsSent(izmir);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    sent_before = BlobsSent(izmir);
    return sent == sent_before;
  }));
  const std::string meeting =
      Create(izmir, "/api/v1/meetings", MeetingBody(partnership, "Orchestra video call"));
  const std::string minutes = PdfBytes("Minutes of the orchestra call 冰雪节");
  const std::string minutes_file =
      UploadFile(izmir, "meetings", meeting, "Tutanak 会议纪要.pdf", minutes);
  const std::string programme_file =
      UploadFile(izmir, "meetings", meeting, "programme.pdf", programme);
  const std::string secret = Create(izmir, "/api/v1/commitments",
                                    CommitmentBody(partnership, "Private budget", "private"));
  const std::string secret_file =
      UploadFile(izmir, "commitments", secret, "Gizli ek.pdf", PdfBytes("Secret annex"));
  const std::string secret_sha = FileSha256(izmir, secret_file);

  const std::string listed = "/api/v1/meetings/" + meeting + "/files";
  ASSERT_TRUE(WaitFor([&] {
    const HttpResult files = harbin.Get(listed);
    return files.status == 200 && files.Json().at("items").as_array().size() == 2;
  })) << harbin.Get("/api/v1/federation/sync").body;
  // Byte-identical on Harbin, through the normal file routes, read-only.
  const HttpResult content = harbin.Get("/api/v1/files/" + minutes_file + "/content");
  ASSERT_EQ(content.status, 200) << content.body;
  EXPECT_EQ(content.body, minutes);
  EXPECT_EQ(harbin.Get("/api/v1/files/" + programme_file + "/content").body, programme);
  const json::value held = harbin.Get("/api/v1/files/" + minutes_file).Json();
  EXPECT_EQ(held.at("name"), "Tutanak 会议纪要.pdf");
  EXPECT_EQ(held.at("may_remove"), false);
  EXPECT_EQ(held.at("created_by"), "federation");
  // Only the minutes crossed: Harbin held the programme's bytes already.
  EXPECT_EQ(BlobsSent(izmir) - sent_before, 1);
  // The private record's file never did.
  EXPECT_EQ(harbin.Get("/api/v1/files/" + secret_file).status, 404);
  EXPECT_EQ(QueryNumber(harbin.db_path(),
                        "SELECT count(*) FROM files WHERE sha256 = '" + secret_sha + "'"),
            0);
  EXPECT_FALSE(HoldsBlob(harbin, secret_sha));

  // A replica's files are the owner's: no removal, no upload on Harbin.
  const std::string before = harbin.Snapshot();
  const HttpResult removed =
      harbin.Request("DELETE", "/api/v1/files/" + minutes_file, "", {"If-Match: \"1\""});
  EXPECT_EQ(removed.status, 409) << removed.body;
  const HttpResult upload =
      harbin.Request("POST", "/api/v1/uploads", "",
                     {"Tus-Resumable: 1.0.0", "Upload-Length: 100",
                      "Upload-Metadata: filename " + fed::Base64("x.pdf") + ",holder " +
                          fed::Base64("meetings") + ",holder_id " + fed::Base64(meeting)});
  EXPECT_EQ(upload.status, 409) << upload.body;
  EXPECT_EQ(harbin.Snapshot(), before);

  // A file removed on İzmir goes from Harbin too.
  ASSERT_EQ(
      izmir.Request("DELETE", "/api/v1/files/" + programme_file, "", {"If-Match: \"1\""}).status,
      204);
  EXPECT_TRUE(
      WaitFor([&] { return harbin.Get(listed).Json().at("items").as_array().size() == 1; }));

  // The meeting withdrawn: its replica files go with it; Harbin's own copy stays.
  const json::value shown = izmir.Get("/api/v1/meetings/" + meeting).Json();
  const HttpResult withdrawn =
      izmir.Request("PATCH", "/api/v1/meetings/" + meeting, R"({"visibility":"private"})",
                    {"If-Match: \"" + std::to_string(shown.at("version").as_int64()) + "\""});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  ASSERT_TRUE(WaitFor([&] { return !Holds(harbin, "/api/v1/meetings/" + meeting); }));
  EXPECT_EQ(harbin.Get("/api/v1/files/" + minutes_file).status, 404);
  EXPECT_EQ(QueryNumber(harbin.db_path(),
                        "SELECT count(*) FROM files WHERE holder_id = '" + meeting + "'"),
            0);
  EXPECT_EQ(harbin.Get("/api/v1/files/" + harbin_copy + "/content").body, programme);
}

// What each server sends is captured when AMITY_WIRE_CAPTURE names a folder (docs/FEDERATION.md,
// "Capturing what is sent"): requests with their signed headers, answers with their bodies, a
// blob's bytes sent with sendfile too; and the suite's scan (tests/check_wire_capture.py) passes
// on it and names a private record's text planted in it.
TEST(SyncTest, WhatAServerSendsIsCapturedAndScanned) {
  char folder_template[] = "/tmp/amity-wire-XXXXXX";
  const std::string folder = mkdtemp(folder_template);
  const std::string secret_text = "Undisclosed sponsor shortlist";
  std::string izmir_id;
  std::string secret;
  {
    const TestServer izmir(true, {"AMITY_WIRE_CAPTURE=" + folder});
    const TestServer harbin(false, {"AMITY_WIRE_CAPTURE=" + folder});
    const std::string partnership = FirstPartnershipId(izmir);
    Pair(izmir, harbin, partnership);
    const std::string meeting =
        Create(izmir, "/api/v1/meetings", MeetingBody(partnership, "Marathon route call"));
    const std::string minutes = PdfBytes("Marathon route minutes");
    const std::string file = UploadFile(izmir, "meetings", meeting, "route.pdf", minutes);
    secret =
        Create(izmir, "/api/v1/commitments", CommitmentBody(partnership, secret_text, "private"));
    ASSERT_TRUE(
        WaitFor([&] { return harbin.Get("/api/v1/files/" + file + "/content").body == minutes; }));
    izmir_id = InstanceId(izmir);
    const std::string sent_by_izmir = ReadFile(folder + "/" + izmir_id + ".wire");
    const std::string sent_by_harbin = ReadFile(folder + "/" + InstanceId(harbin) + ".wire");
    // İzmir's answers: the feed naming the meeting, the blob's bytes.
    EXPECT_NE(sent_by_izmir.find("@amity-wire 1 answer "), std::string::npos);
    EXPECT_NE(sent_by_izmir.find("Marathon route call"), std::string::npos);
    EXPECT_NE(sent_by_izmir.find(minutes), std::string::npos);
    // Harbin's requests as libcurl sent them: registering (with its body), pulls, the blob.
    EXPECT_NE(sent_by_harbin.find("POST /federation/v1/register HTTP/1.1\r\n"), std::string::npos);
    EXPECT_NE(sent_by_harbin.find("\"public_key\":"), std::string::npos);
    EXPECT_NE(sent_by_harbin.find("Signature-Input: sig1="), std::string::npos);
    EXPECT_NE(sent_by_harbin.find("GET /federation/v1/changes?after="), std::string::npos);
    EXPECT_NE(sent_by_harbin.find("GET /federation/v1/blobs/" + FileSha256(izmir, file)),
              std::string::npos);
    EXPECT_EQ(sent_by_izmir.find(secret_text), std::string::npos);
  }
  // Stopped, each server's forbidden values are listed beside its capture, and the scan passes.
  const std::string forbidden = "\n" + ReadFile(folder + "/" + izmir_id + ".forbidden");
  EXPECT_NE(forbidden.find("\n" + secret_text + "\n"), std::string::npos);
  EXPECT_NE(forbidden.find("\n" + secret + "\n"), std::string::npos);
  EXPECT_NE(forbidden.find("admin@amity.test"), std::string::npos);
  // The scan's exit status and report.
  const auto scan = [&] {
    const std::string command =
        "python3 " AMITY_SOURCE_DIR "/tests/check_wire_capture.py " + folder + " 2>&1";
    FILE* scanned = popen(command.c_str(), "r");
    std::string report;
    char buffer[4096];
    while (const size_t n = std::fread(buffer, 1, sizeof buffer, scanned)) report.append(buffer, n);
    return std::pair(pclose(scanned), report);
  };
  const auto [clean_status, clean_report] = scan();
  EXPECT_EQ(clean_status, 0) << clean_report;
  // A private record's text in what İzmir sent is named.
  FILE* capture = std::fopen((folder + "/" + izmir_id + ".wire").c_str(), "a");
  ASSERT_NE(capture, nullptr);
  std::fprintf(capture, "{\"text\":{\"en\":\"%s\"}}", secret_text.c_str());
  std::fclose(capture);
  const auto [status, report] = scan();
  EXPECT_NE(status, 0);
  EXPECT_NE(report.find(secret_text), std::string::npos) << report;
  std::filesystem::remove_all(folder);
}

TEST(SyncTest, ABlobWhoseBytesDoNotMatchItsHashIsRefused) {
  const TestServer harbin;
  const std::string partnership = FirstPartnershipId(harbin);
  // An owner whose feed names a file and whose blob route answers other bytes of the same size.
  const std::string announced = "Minutes of the orchestra call";
  const std::string sha256 = "d96888644a3ee32ad070f42b498ac0869c3a0ec43faa8c8ea55702da3e686e01";
  FakePeer owner;
  std::atomic<int> blob_requests{0};
  GarbageServer fake(false, [&](const std::string& request) {
    std::string body = "{}";
    std::string type = "application/json";
    if (request.starts_with("GET /federation/v1/changes")) {
      const json::object file{{"id", "0191f000-0000-7000-8000-0000000f11e5"},
                              {"name", "minutes.pdf"},
                              {"media_type", "application/pdf"},
                              {"size", static_cast<long long>(announced.size())},
                              {"sha256", sha256},
                              {"milestone", nullptr},
                              {"created_at", "2026-12-07T10:00:00Z"}};
      const json::object item{{"seq", 1},
                              {"entity", "meetings"},
                              {"id", "0191f000-0000-7000-8000-00000000beef"},
                              {"op", "upsert"},
                              {"version", 1},
                              {"record", json::object{}},
                              {"files", json::array{file}}};
      body = json::serialize(json::object{{"instance_id", owner.instance_id},
                                          {"after", 0},
                                          {"next", 1},
                                          {"has_more", false},
                                          {"items", json::array{item}}});
    } else if (request.starts_with("GET /federation/v1/blobs/")) {
      ++blob_requests;
      body = "Minutes of the orchestra CALL";
      type = "application/octet-stream";
    }
    return "HTTP/1.1 200 OK\r\nContent-Type: " + type +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
  });
  const std::filesystem::path uploads =
      std::filesystem::path(harbin.db_path()).parent_path() / "files" / "uploads";
  const auto count_uploads = [&] {
    if (!std::filesystem::exists(uploads)) return 0L;
    return static_cast<long>(std::distance(std::filesystem::directory_iterator(uploads),
                                           std::filesystem::directory_iterator()));
  };
  const long uploads_before = count_uploads();
  owner.PairWith(harbin, partnership, fake.Url());
  json::object state;
  ASSERT_TRUE(WaitFor(
      [&] {
        const json::value sync = harbin.Get("/api/v1/federation/sync").Json();
        for (const json::value& peer : sync.at("peers").as_array()) {
          if (peer.at("instance_id") == json::value(owner.instance_id)) state = peer.as_object();
        }
        return !state.empty() && state.at("failures").as_int64() >= 1;
      },
      20));
  EXPECT_NE(state.at("last_error").as_string().find("do not match"), std::string::npos)
      << json::serialize(state);
  EXPECT_EQ(state.at("cursor"), 0);
  EXPECT_GE(blob_requests.load(), 1);
  // Nothing of it kept: no blob, no half-written file, no file row.
  EXPECT_FALSE(HoldsBlob(harbin, sha256));
  EXPECT_EQ(count_uploads(), uploads_before);
  EXPECT_EQ(
      QueryNumber(harbin.db_path(), "SELECT count(*) FROM files WHERE sha256 = '" + sha256 + "'"),
      0);
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
