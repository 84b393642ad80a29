// Concurrent record writes through the real server share commits (group commit, see
// http::Batching and api::Api::HandleBatch): each request still gets its own answer, a failing
// request undoes only its own changes, and what succeeded is stored, audited and searchable.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <regex>
#include <thread>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

constexpr int kWriters = 8, kEach = 12;

// POSTs commitment `body(n)` for n in [0, kWriters × kEach) from kWriters threads at once (kEach
// each, one after another); returns the statuses by n.
std::vector<long> PostConcurrently(const TestServer& server,
                                   const std::function<json::object(int)>& body) {
  std::vector<long> statuses(kWriters * kEach);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        const int n = w * kEach + i;
        statuses[n] = server.Post("/api/v1/commitments", body(n)).status;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  return statuses;
}

// The largest "batch" (requests that shared a commit) among the request-log lines `line` matches;
// its first group must capture the batch size. 0 when none matches.
int LargestBatch(const std::string& log, const std::regex& line) {
  int largest = 0;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), line); it != std::sregex_iterator();
       ++it) {
    largest = std::max(largest, std::stoi((*it)[1]));
  }
  return largest;
}

TEST(ApiBatchTest, ConcurrentWritesShareCommitsAndFailAlone) {
  TestServer server(true);
  const std::string partnership = FirstPartnershipId(server);

  // Every fourth request names a meeting that does not exist: it fails inside the shared
  // transaction (422), after the others before it in the batch have written.
  const auto failing = [](int n) { return n % 4 == 3; };
  const std::vector<long> statuses = PostConcurrently(server, [&](int n) {
    json::object body{
        {"partnership_id", partnership},
        {"text", json::object{{"original", "en"}, {"en", "zqbatch" + std::to_string(n) + "x"}}},
        {"area", "sports"},
        {"proposed_by_side", "home"}};
    if (failing(n)) body["meeting_id"] = "01900000-0000-7000-8000-000000000000";
    return body;
  });

  int stored = 0;
  for (int n = 0; n < kWriters * kEach; ++n) {
    EXPECT_EQ(statuses[n], failing(n) ? 422 : 201) << "request " << n;
    stored += failing(n) ? 0 : 1;
  }
  const std::string db = server.db_path();
  EXPECT_EQ(
      QueryNumber(db, "SELECT count(*) FROM commitments WHERE text ->> '$.en' LIKE 'zqbatch%'"),
      stored);
  EXPECT_EQ(QueryNumber(db,
                        "SELECT count(*) FROM changes c JOIN commitments m ON m.id = c.record_id "
                        "WHERE c.op = 'create' AND m.text ->> '$.en' LIKE 'zqbatch%'"),
            stored);
  for (int n : {0, 1, 2, 3, 50, 51, 94, 95}) {
    const HttpResult found = server.Get("/api/v1/search?q=zqbatch" + std::to_string(n) + "x");
    ASSERT_EQ(found.status, 200) << found.body;
    size_t hits = 0;
    const json::value results = found.Json();
    for (const json::value& group : results.at("groups").as_array()) {
      hits += group.at("items").as_array().size();
    }
    EXPECT_EQ(hits, failing(n) ? 0u : 1u) << "zqbatch" << n;
  }

  // Two edits of one record at the same version: one wins, the other is told it is stale, in
  // whatever order the shared transaction took them.
  const HttpResult first = server.Get("/api/v1/search?q=zqbatch0x");
  const std::string id(
      first.Json().at("groups").as_array().at(0).at("items").as_array().at(0).at("id").as_string());
  std::vector<long> edits(2);
  std::thread a([&] {
    edits[0] = server
                   .Request("PATCH", "/api/v1/commitments/" + id, R"({"area":"music"})",
                            {"Content-Type: application/json", "If-Match: \"1\""})
                   .status;
  });
  std::thread b([&] {
    edits[1] = server
                   .Request("PATCH", "/api/v1/commitments/" + id, R"({"area":"youth"})",
                            {"Content-Type: application/json", "If-Match: \"1\""})
                   .status;
  });
  a.join();
  b.join();
  std::sort(edits.begin(), edits.end());
  EXPECT_EQ(edits, (std::vector<long>{200, 412}));

  // The request log says how many requests shared each commit; some did.
  ASSERT_EQ(server.Stop(), 0);
  const std::string log = ReadFile(server.folder() + "/server.log");
  EXPECT_GT(LargestBatch(log, std::regex("\"batch\":([0-9]+)")), 1)
      << "no two writes shared a commit";
}

// A request that fails after it has changed rows (here a trigger the test adds makes its change
// row fail, after the commitment row is written) leaves nothing behind, while the requests that
// shared its transaction are stored whole: the batch is rolled back and done again, each request
// in its own savepoint.
TEST(ApiBatchTest, ARequestThatFailsAfterWritingIsUndoneAloneInItsBatch) {
  TestServer server(true);
  const std::string db = server.db_path();
  {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    sqlite3_busy_timeout(handle, 5000);
    ASSERT_EQ(sqlite3_exec(handle,
                           "CREATE TRIGGER zq_fail BEFORE INSERT ON changes "
                           "WHEN NEW.after LIKE '%zqfail%' "
                           "BEGIN SELECT RAISE(ABORT, 'zq test failure'); END",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(handle);
    sqlite3_close(handle);
  }
  const std::string partnership = FirstPartnershipId(server);

  const auto failing = [](int n) { return n % 4 == 1; };
  const std::vector<long> statuses = PostConcurrently(server, [&](int n) {
    const std::string word = (failing(n) ? "zqfail" : "zqkept") + std::to_string(n) + "x";
    return json::object{{"partnership_id", partnership},
                        {"text", json::object{{"original", "en"}, {"en", word}}},
                        {"area", "youth"},
                        {"proposed_by_side", "partner"}};
  });

  int kept = 0;
  for (int n = 0; n < kWriters * kEach; ++n) {
    EXPECT_EQ(statuses[n], failing(n) ? 500 : 201) << "request " << n;
    kept += failing(n) ? 0 : 1;
  }
  EXPECT_EQ(
      QueryNumber(db, "SELECT count(*) FROM commitments WHERE text ->> '$.en' LIKE 'zqfail%'"), 0);
  EXPECT_EQ(
      QueryNumber(db, "SELECT count(*) FROM commitments WHERE text ->> '$.en' LIKE 'zqkept%'"),
      kept);
  EXPECT_EQ(QueryNumber(db,
                        "SELECT count(*) FROM changes c JOIN commitments m ON m.id = c.record_id "
                        "WHERE c.op = 'create' AND m.text ->> '$.en' LIKE 'zqkept%'"),
            kept);
  EXPECT_EQ(QueryNumber(db,
                        "SELECT count(DISTINCT t.record_id) FROM search_texts t JOIN commitments m "
                        "ON m.id = t.record_id WHERE m.text ->> '$.en' LIKE 'zqkept%'"),
            kept);
  EXPECT_EQ(QueryNumber(db, "SELECT count(*) FROM search_index WHERE search_index MATCH 'zqfail*'"),
            0);

  // Some failing request shared its transaction with others (else this proved nothing).
  ASSERT_EQ(server.Stop(), 0);
  const std::string log = ReadFile(server.folder() + "/server.log");
  EXPECT_GT(LargestBatch(log, std::regex("\"status\":500,[^}]*\"batch\":([0-9]+)")), 1)
      << "no failing request shared a commit";
}

}  // namespace
}  // namespace amity::testing
