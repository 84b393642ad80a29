// Retries that never duplicate: a POST with an Idempotency-Key is written once and answered the
// same way again; the key with another request is refused; a kill -9 between the two sends keeps
// one record; keys belong to their user.
#include <gtest/gtest.h>
#include <signal.h>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

class ApiIdempotencyTest : public ::testing::Test {
 protected:
  std::string Body(const std::string& text) const {
    return json::serialize(json::object{{"partnership_id", partnership_},
                                        {"text", {{"original", "en"}, {"en", text}}},
                                        {"area", "youth"},
                                        {"proposed_by_side", "home"}});
  }
  long long Stored(const std::string& text) const {
    return QueryNumber(server_.db_path(),
                       "SELECT count(*) FROM commitments WHERE text ->> '$.en' = '" + text + "'");
  }
  HttpResult PostWithKey(const std::string& body, const std::string& key,
                         const std::string& auth = "") const {
    std::vector<std::string> headers = {"Content-Type: application/json",
                                        "Idempotency-Key: " + key};
    if (!auth.empty()) headers.push_back(auth);
    return server_.Request("POST", "/api/v1/commitments", body, headers);
  }

  TestServer server_{true};
  std::string partnership_ = FirstPartnershipId(server_);
};

TEST_F(ApiIdempotencyTest, TheSameKeyTwiceWritesOnceAndAnswersAlike) {
  const std::string body = Body("idempotent once");
  const HttpResult first = PostWithKey(body, "key-1");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string before = server_.Snapshot();
  const HttpResult again = PostWithKey(body, "key-1");
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("idempotency-replayed"), "true");
  EXPECT_EQ(first.Header("idempotency-replayed"), "");
  EXPECT_EQ(Stored("idempotent once"), 1);
  EXPECT_EQ(server_.Snapshot(), before) << "the replay wrote nothing";
  // Without a key, the same body is a new request.
  EXPECT_EQ(server_.Request("POST", "/api/v1/commitments", body, {"Content-Type: application/json"})
                .status,
            201);
  EXPECT_EQ(Stored("idempotent once"), 2);
}

TEST_F(ApiIdempotencyTest, TheKeyWithAnotherRequestIsRefused) {
  ASSERT_EQ(PostWithKey(Body("first use"), "key-2").status, 201);
  const std::string before = server_.Snapshot();
  const HttpResult other = PostWithKey(Body("second use"), "key-2");
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_NE(other.body.find("\"Idempotency-Key\""), std::string::npos) << other.body;
  EXPECT_NE(other.body.find("key_reused"), std::string::npos);
  EXPECT_EQ(server_.Snapshot(), before);
  for (const std::string bad : {std::string(256, 'k'), std::string("has space")}) {
    const HttpResult refused = PostWithKey(Body("bad key"), bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_NE(refused.body.find("invalid_key"), std::string::npos);
  }
  EXPECT_EQ(Stored("bad key"), 0);
  // A refused request keeps nothing: the key is still free for a good one.
  ASSERT_EQ(PostWithKey("{\"partnership_id\":\"" + partnership_ + "\"}", "key-3").status, 422);
  EXPECT_EQ(PostWithKey(Body("after a refusal"), "key-3").status, 201);
}

TEST_F(ApiIdempotencyTest, KeysBelongToTheirUser) {
  const TestUser officer = server_.AddUser("officer@idem.test", "officer");
  ASSERT_EQ(PostWithKey(Body("mine"), "shared-key").status, 201);
  const HttpResult theirs = PostWithKey(Body("theirs"), "shared-key", officer.Bearer());
  EXPECT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(Stored("theirs"), 1);
}

TEST_F(ApiIdempotencyTest, ConcurrentSendsOfOneKeyWriteOnce) {
  const std::string body = Body("sent at once");
  std::vector<std::thread> senders;
  std::vector<long> statuses(8);
  for (int i = 0; i < 8; ++i) {
    senders.emplace_back([&, i] { statuses[i] = PostWithKey(body, "key-concurrent").status; });
  }
  for (std::thread& sender : senders) sender.join();
  for (long status : statuses) EXPECT_EQ(status, 201);
  EXPECT_EQ(Stored("sent at once"), 1);
}

TEST_F(ApiIdempotencyTest, AKillBetweenTheTwoSendsKeepsOneRecord) {
  const std::string body = Body("across a crash");
  const HttpResult first = PostWithKey(body, "key-crash");
  ASSERT_EQ(first.status, 201);
  server_.KillAndRestart();
  const HttpResult retried = PostWithKey(body, "key-crash");
  EXPECT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(retried.body, first.body);
  EXPECT_EQ(retried.Header("idempotency-replayed"), "true");
  EXPECT_EQ(Stored("across a crash"), 1);
}

}  // namespace
}  // namespace amity::testing
