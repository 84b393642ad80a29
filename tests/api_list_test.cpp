// Lists at any size: keyset cursors (every record once while others are written), the Link
// header, totals from kept counts that equal COUNT(*) after random writes and a kill -9, the
// offset bound, and the change feed by sequence number.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <map>
#include <random>
#include <set>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

// Creates a commitment; `due` empty: none. Returns its id.
std::string AddCommitment(const TestServer& server, const std::string& partnership,
                          const std::string& text, const std::string& due) {
  json::object body{{"partnership_id", partnership},
                    {"text", {{"original", "en"}, {"en", text}}},
                    {"area", "sports"},
                    {"proposed_by_side", "home"}};
  if (!due.empty()) body["due_date"] = due;
  const HttpResult created = server.Post("/api/v1/commitments", body);
  EXPECT_EQ(created.status, 201) << created.body;
  return created.status == 201 ? std::string(created.Json().at("id").as_string()) : "";
}

// Follows `next` from `first` (a path with its query) to the end; `between` runs after each
// page. Returns the ids in the order read.
std::vector<std::string> WalkPages(const TestServer& server, const std::string& first,
                                   const std::function<void()>& between = nullptr) {
  std::vector<std::string> ids;
  std::string path = first;
  for (int page = 0; page < 1000; ++page) {
    const HttpResult answer = server.Get(path);
    EXPECT_EQ(answer.status, 200) << path << " " << answer.body;
    if (answer.status != 200) break;
    const json::object body = answer.Json().as_object();
    for (const json::value& item : body.at("items").as_array()) {
      ids.emplace_back(item.at("id").as_string());
    }
    if (between) between();
    if (body.at("next").is_null()) {
      EXPECT_FALSE(body.at("has_more").as_bool());
      EXPECT_EQ(answer.Header("link"), "");
      break;
    }
    EXPECT_TRUE(body.at("has_more").as_bool());
    const std::string link = answer.Header("link");
    const std::string cursor(body.at("next").as_string());
    EXPECT_NE(link.find("cursor=" + cursor + ">; rel=\"next\""), std::string::npos) << link;
    // The Link target is the request's own path and parameters with the cursor.
    path = link.substr(1, link.find('>') - 1);
    EXPECT_NE(path.find("/api/v1/commitments?"), std::string::npos) << path;
  }
  return ids;
}

class ApiListTest : public ::testing::Test {
 protected:
  TestServer server_{true};
};

TEST_F(ApiListTest, CursorsReadEveryRecordOnceWhileOthersAreWritten) {
  const std::string partnership = FirstPartnershipId(server_);
  for (int i = 0; i < 30; ++i) {
    // Every third has no due date: NULLs are read apart (see store::ReadPage).
    AddCommitment(
        server_, partnership, "cursor walk " + std::to_string(i),
        i % 3 == 0 ? "" : "2027-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10));
  }
  const HttpResult all = server_.Get("/api/v1/commitments?limit=200&partnership_id=" + partnership);
  ASSERT_EQ(all.status, 200);
  std::set<std::string> before;
  const json::value all_json = all.Json();
  for (const json::value& item : all_json.at("items").as_array()) {
    before.emplace(item.at("id").as_string());
  }
  ASSERT_GE(before.size(), 30u);
  for (const std::string sort : {"-created_at", "created_at", "due_date", "-due_date", "status"}) {
    int written = 0;
    const std::vector<std::string> ids = WalkPages(
        server_, "/api/v1/commitments?limit=7&sort=" + sort + "&partnership_id=" + partnership,
        [&] {
          AddCommitment(server_, partnership, "written meanwhile " + std::to_string(written),
                        written % 2 ? "" : "2027-05-05");
          ++written;
        });
    std::set<std::string> seen;
    for (const std::string& id : ids) EXPECT_TRUE(seen.insert(id).second) << sort << ": " << id;
    for (const std::string& id : before) EXPECT_TRUE(seen.count(id)) << sort << " skipped " << id;
    // The order is the one a single page gives.
    const HttpResult whole = server_.Get("/api/v1/commitments?limit=200&sort=" + sort +
                                         "&partnership_id=" + partnership);
    std::vector<std::string> in_one_page;
    const json::value whole_json = whole.Json();
    for (const json::value& item : whole_json.at("items").as_array()) {
      const std::string id(item.at("id").as_string());
      if (seen.count(id)) in_one_page.push_back(id);
    }
    EXPECT_EQ(ids, in_one_page) << sort;
    for (const json::value& item : whole_json.at("items").as_array()) {
      before.emplace(item.at("id").as_string());
    }
  }
}

TEST_F(ApiListTest, PagingParametersAreChecked) {
  const HttpResult deep = server_.Get("/api/v1/commitments?offset=5000");
  EXPECT_EQ(deep.status, 400);
  EXPECT_NE(deep.body.find("use_cursor"), std::string::npos) << deep.body;
  EXPECT_NE(deep.body.find("cursor"), std::string::npos);
  const HttpResult first = server_.Get("/api/v1/commitments?limit=2&sort=due_date");
  ASSERT_EQ(first.status, 200);
  const std::string cursor(first.Json().at("next").as_string());
  EXPECT_EQ(server_.Get("/api/v1/commitments?limit=2&sort=due_date&cursor=" + cursor).status, 200);
  for (const std::string bad : {"/api/v1/commitments?sort=-due_date&cursor=" + cursor,
                                "/api/v1/commitments?sort=due_date&offset=2&cursor=" + cursor,
                                std::string("/api/v1/commitments?cursor=not*base64"),
                                std::string("/api/v1/commitments?cursor=AAAA")}) {
    const HttpResult refused = server_.Get(bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_EQ(refused.Header("content-type"), "application/problem+json");
    EXPECT_NE(refused.body.find("\"cursor\""), std::string::npos) << bad << " " << refused.body;
  }
}

// The kept counts equal COUNT(*) after random creates and archives, and still after the server
// is killed in the middle of writing.
TEST_F(ApiListTest, KeptCountsEqualCountAfterRandomWritesAndAKill) {
  const std::string partnership = FirstPartnershipId(server_);
  std::mt19937 random(7);
  std::vector<std::string> ids;
  for (int i = 0; i < 90; ++i) {
    const int op = static_cast<int>(random() % 6);
    if (!ids.empty() && op == 0) {
      const std::string id = ids[random() % ids.size()];
      const HttpResult archived = server_.Request("DELETE", "/api/v1/commitments/" + id);
      EXPECT_TRUE(archived.status == 204 || archived.status == 404) << archived.body;
    } else if (!ids.empty() && op == 1) {  // a transition (refused ones change nothing)
      server_.Post("/api/v1/commitments/" + ids[random() % ids.size()] + "/transitions",
                   {{"to", random() % 2 ? "agreed" : "dropped"}, {"note", "why"}});
    } else if (!ids.empty() && op == 2) {  // a new due date or none
      const std::string id = ids[random() % ids.size()];
      const HttpResult current = server_.Get("/api/v1/commitments/" + id);
      if (current.status == 200) {
        const std::string version = std::to_string(current.Json().at("version").as_int64());
        // Months before today's, today's (before and after today) and later ones.
        const std::string day = std::to_string(1 + i % 9);
        const std::string due = i % 3 == 0   ? "2026-11-1" + day
                                : i % 3 == 1 ? "2026-12-0" + day
                                             : "2027-03-0" + day;
        const std::string body =
            random() % 2 ? "{\"due_date\":\"" + due + "\"}" : std::string("{\"due_date\":null}");
        const HttpResult patched =
            server_.Request("PATCH", "/api/v1/commitments/" + id, body,
                            {"Content-Type: application/json", "If-Match: \"" + version + "\""});
        EXPECT_TRUE(patched.status == 200 || current.Json().at("archived").as_bool())
            << patched.status << " " << patched.body;
      }
    } else {
      ids.push_back(AddCommitment(server_, partnership, "count " + std::to_string(i), ""));
    }
  }
  const auto check = [&](const std::string& when) {
    for (const char* table :
         {"cities", "partnerships", "organizations", "people", "meetings", "commitments", "events",
          "glossary", "cases", "products", "exhibitors", "leads", "b2b_plans", "fair_buyers",
          "meeting_requests"}) {
      for (int archived = 0; archived <= 1; ++archived) {
        const std::string where = std::string(" WHERE archived = ") + std::to_string(archived);
        const long long counted =
            QueryNumber(server_.db_path(), std::string("SELECT count(*) FROM ") + table + where);
        long long kept = QueryNumber(server_.db_path(),
                                     std::string("SELECT n FROM record_counts WHERE resource = '") +
                                         table + "' AND archived = " + std::to_string(archived));
        if (kept < 0) kept = 0;  // no row yet: none counted
        EXPECT_EQ(kept, counted) << when << ": " << table << where;
      }
    }
    // Each partnership's tallies (area, status, month due) equal a GROUP BY of its commitments.
    const std::string grouped =
        "SELECT partnership_id, area, status, coalesce(substr(due_date, 1, 7), ''), count(*) "
        "FROM commitments WHERE archived = 0 GROUP BY 1, 2, 3, 4";
    const std::string tallied =
        "SELECT partnership_id, area, status, due_month, n FROM commitment_tallies";
    EXPECT_EQ(QueryNumber(server_.db_path(),
                          "SELECT count(*) FROM (" + grouped + " EXCEPT " + tallied + ")"),
              0)
        << when;
    EXPECT_EQ(QueryNumber(server_.db_path(),
                          "SELECT count(*) FROM (" + tallied + " EXCEPT " + grouped + ")"),
              0)
        << when;
  };
  // The partnership's dashboard (from its tallies) counts what a scan of its commitments counts.
  const auto check_dashboard = [&](const std::string& when) {
    const HttpResult dashboard = server_.Get("/api/v1/dashboard?partnership_id=" + partnership);
    ASSERT_EQ(dashboard.status, 200) << dashboard.body;
    const json::value body = dashboard.Json();
    const std::string today(body.at("today").as_string());
    const json::value& summary = body.at("partnerships").at(0);
    const std::string open =
        "SELECT count(*) FROM commitments WHERE archived = 0 AND "
        "status NOT IN ('done', 'dropped') AND partnership_id = '" +
        partnership + "'";
    EXPECT_EQ(summary.at("open_total").as_int64(), QueryNumber(server_.db_path(), open)) << when;
    EXPECT_GT(summary.at("overdue_total").as_int64(), 0) << when << ": nothing overdue to count";
    EXPECT_EQ(summary.at("overdue_total").as_int64(),
              QueryNumber(server_.db_path(), open + " AND due_date < '" + today + "'"))
        << when;
  };
  // Overdue for certain: due last month, and on the first of this month.
  AddCommitment(server_, partnership, "overdue since November", "2026-11-15");
  AddCommitment(server_, partnership, "overdue since the first", "2026-12-01");
  check("after random writes");
  check_dashboard("after random writes");
  const HttpResult list = server_.Get("/api/v1/commitments?limit=5");
  EXPECT_EQ(list.Json().at("total").as_int64(),
            QueryNumber(server_.db_path(), "SELECT count(*) FROM commitments WHERE archived = 0"));
  // Writes in flight, then kill -9.
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      if (server_
              .Post("/api/v1/commitments",
                    {{"partnership_id", partnership},
                     {"text", {{"original", "en"}, {"en", "killed " + std::to_string(i)}}},
                     {"area", "music"},
                     {"proposed_by_side", "home"}})
              .status == 0) {
        break;
      }
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  kill(server_.pid(), SIGKILL);
  writer.join();
  std::string output;
  ASSERT_EQ(RunAmity({"migrate", "--db", server_.db_path()}, &output), 0) << output;  // recovers
  check("after kill -9");
  server_.KillAndRestart();
  check_dashboard("after kill -9");
}

TEST_F(ApiListTest, TheChangeFeedReadsEveryChangeOnceInOrder) {
  const std::string partnership = FirstPartnershipId(server_);
  for (int i = 0; i < 5; ++i) AddCommitment(server_, partnership, "feed " + std::to_string(i), "");
  const long long all = QueryNumber(server_.db_path(), "SELECT count(*) FROM changes");
  long long after = 0, read = 0, previous = 0;
  for (int page = 0; page < 10000; ++page) {
    const HttpResult answer =
        server_.Get("/api/v1/changes?limit=37&after_seq=" + std::to_string(after));
    ASSERT_EQ(answer.status, 200) << answer.body;
    const json::object body = answer.Json().as_object();
    for (const json::value& item : body.at("items").as_array()) {
      const long long seq = item.at("seq").as_int64();
      EXPECT_GT(seq, previous);
      previous = seq;
      ++read;
    }
    after = body.at("next_after_seq").as_int64();
    if (!body.at("has_more").as_bool()) break;
  }
  EXPECT_EQ(read, all);
  EXPECT_EQ(after, QueryNumber(server_.db_path(), "SELECT max(seq) FROM changes"));
  // Nothing new: an empty page that says where to continue.
  const HttpResult idle = server_.Get("/api/v1/changes?after_seq=" + std::to_string(after));
  EXPECT_EQ(idle.Json().at("items").as_array().size(), 0u);
  EXPECT_EQ(idle.Json().at("next_after_seq").as_int64(), after);
  AddCommitment(server_, partnership, "feed later", "");
  const HttpResult more = server_.Get("/api/v1/changes?after_seq=" + std::to_string(after));
  EXPECT_EQ(more.Json().at("items").as_array().size(), 1u);
}

// A partnership's timeline pages from the latest items back (before = the answer's earlier):
// every item once, in order, the pages together equal one big page.
TEST_F(ApiListTest, TheTimelinePagesBackFromTheLatest) {
  const std::string partnership = FirstPartnershipId(server_);
  for (int i = 0; i < 12; ++i) {
    const std::string id = AddCommitment(server_, partnership, "timeline " + std::to_string(i), "");
    for (const char* to : {"agreed", "planned"}) {
      EXPECT_EQ(server_.Post("/api/v1/commitments/" + id + "/transitions", {{"to", to}}).status,
                200);
    }
  }
  const std::string path = "/api/v1/partnerships/" + partnership + "/timeline";
  const HttpResult whole = server_.Get(path + "?limit=500");
  ASSERT_EQ(whole.status, 200) << whole.body;
  const json::value whole_json = whole.Json();
  const json::array& all = whole_json.at("items").as_array();
  ASSERT_GE(all.size(), 24u);
  EXPECT_TRUE(whole_json.at("earlier").is_null());
  std::vector<json::value> paged;
  std::string query = "?limit=5";
  for (int page = 0; page < 100; ++page) {
    const HttpResult answer = server_.Get(path + query);
    ASSERT_EQ(answer.status, 200) << answer.body;
    const json::value body = answer.Json();
    const json::array& items = body.at("items").as_array();
    EXPECT_LE(items.size(), 5u);
    paged.insert(paged.begin(), items.begin(), items.end());
    if (body.at("earlier").is_null()) break;
    query = "?limit=5&before=" + std::string(body.at("earlier").as_string());
  }
  ASSERT_EQ(paged.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i], all[i]) << i;
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LE(all[i - 1].at("at").as_string(), all[i].at("at").as_string()) << i;
  }
  EXPECT_EQ(server_.Get(path + "?before=not-a-cursor").status, 400);
}

}  // namespace
}  // namespace amity::testing
