// Faults the pull-based sync must survive (issue 22), with real amity processes and databases
// whose peers reach each other only through impairment proxies (impair_proxy.h): a partition
// during a long run of edits on both sides, kill -9 of either server mid-sync, three instances
// with two partnerships, a 300 ms / 1% loss link, and a seeded random mix of all of them. Each
// ends with both sides showing the same canonical hash of the partnership's shared state
// (federation_pair.h) and nothing private having crossed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "federation_pair.h"

namespace amity::testing {
namespace {
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

// Personal data of the demo that must never leave İzmir.
const std::vector<std::string> kPersonalData = {"mayor-office.izmir@example.org",
                                                "+90 232 555 0100"};

std::string Version(const TestServer& server, const std::string& path) {
  const HttpResult result = server.Get(path);
  return result.status == 200 ? std::to_string(result.Json().at("version").as_int64()) : "0";
}

HttpResult Patch(const TestServer& server, const std::string& path, const json::object& body) {
  return server.Request("PATCH", path, json::serialize(body),
                        {"If-Match: \"" + Version(server, path) + "\""});
}

HttpResult Archive(const TestServer& server, const std::string& path) {
  return server.Request("DELETE", path, "", {"If-Match: \"" + Version(server, path) + "\""});
}

json::object Text(const std::string& text) { return {{"original", "en"}, {"en", text}}; }

// Waits until both servers show the same shared state of `partnership`; on failure the test
// says how they differ.
void ExpectConverged(const TestServer& a, const TestServer& b, const std::string& partnership,
                     int seconds) {
  const bool converged = WaitFor(
      [&] { return SharedStateHash(a, partnership) == SharedStateHash(b, partnership); }, seconds);
  EXPECT_TRUE(converged) << "first:\n"
                         << SharedState(a, partnership) << "second:\n"
                         << SharedState(b, partnership)
                         << "first's sync: " << a.Get("/api/v1/federation/sync").body
                         << "\nsecond's sync: " << b.Get("/api/v1/federation/sync").body;
}

// Nothing in `never` is in the bytes `where` names (e.g. the proxy's capture, a database file).
void ExpectAbsent(const std::string& bytes, const std::vector<std::string>& never,
                  const std::string& where) {
  for (const std::string& secret : never) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " in " << where;
  }
}

std::string CapturePath(const std::string& name) {
  const std::string path = "/tmp/amity-capture-" + name + "-" + std::to_string(getpid());
  std::remove(path.c_str());
  return path;
}

TEST(SyncFaultsTest, EditsOnBothSidesDuringAPartitionConvergeAfterHealing) {
  const std::string capture = CapturePath("partition");
  ProxiedPair pair({.capture_path = capture});
  const std::string& partnership = pair.partnership;
  pair.Partition();
  std::vector<std::string> never = kPersonalData;
  std::vector<std::string> made_on_izmir;
  for (int side = 0; side < 2; ++side) {
    const TestServer& server = pair.Side(side).server;
    const std::string who = side == 0 ? "izmir" : "harbin";
    std::vector<std::string> commitments;
    for (int i = 0; i < 12; ++i) {
      commitments.push_back(
          Create(server, "/api/v1/commitments",
                 CommitmentBody(partnership, who + " plan " + std::to_string(i), "shared")));
    }
    const std::string meeting =
        Create(server, "/api/v1/meetings", MeetingBody(partnership, who + " meeting"));
    const std::string secret_text = who + " private PRIV-" + std::to_string(getpid());
    const std::string secret =
        Create(server, "/api/v1/commitments", CommitmentBody(partnership, secret_text, "private"));
    never.insert(never.end(), {secret, secret_text});
    for (int i = 0; i < 4; ++i) {  // edits
      const std::string path = "/api/v1/commitments/" + commitments[i];
      EXPECT_EQ(
          Patch(server, path, {{"text", Text(who + " plan, edited " + std::to_string(i))}}).status,
          200);
    }
    for (int i = 4; i < 8; ++i) {  // transitions
      const HttpResult moved = server.Post("/api/v1/commitments/" + commitments[i] + "/transitions",
                                           json::object{{"to", "agreed"}});
      EXPECT_EQ(moved.status, 200) << moved.body;
    }
    for (int i = 8; i < 10; ++i) {  // shared → private → shared, and one left private
      const std::string path = "/api/v1/commitments/" + commitments[i];
      EXPECT_EQ(Patch(server, path, {{"visibility", "private"}}).status, 200);
      if (i == 8) EXPECT_EQ(Patch(server, path, {{"visibility", "shared"}}).status, 200);
    }
    EXPECT_EQ(Archive(server, "/api/v1/commitments/" + commitments[10]).status, 204);
    EXPECT_EQ(Archive(server, "/api/v1/meetings/" + meeting).status, 204);
    if (side == 0) made_on_izmir = commitments;
  }
  // While partitioned, nothing crossed.
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_FALSE(Holds(pair.harbin.server, "/api/v1/commitments/" + made_on_izmir[0]));
  pair.Heal();
  pair.Nudge();
  ExpectConverged(pair.izmir.server, pair.harbin.server, partnership, 60);
  EXPECT_NE(SharedState(pair.izmir.server, partnership).find(made_on_izmir[0]), std::string::npos);
  const std::string crossed = ReadFile(capture);
  EXPECT_NE(crossed.find("izmir plan, edited 0"), std::string::npos);  // the capture works
  ExpectAbsent(crossed, never, "the proxies' capture");
  std::remove(capture.c_str());
}

// kill -9 of the puller (Harbin) or of the owner it pulls from (İzmir) while a backlog of
// 1,200 commitments crosses a 300 ms link: after the restart both hold all of them, once.
class KillMidSync : public ::testing::TestWithParam<bool> {};

TEST_P(KillMidSync, ConvergesWithoutDuplicates) {
  const bool kill_owner = GetParam();
  ProxiedPair pair({.round_trip = std::chrono::milliseconds(300)});
  pair.Partition();
  constexpr int kBacklog = 1200;
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = w; i < kBacklog; i += 4) {
        Create(pair.izmir.server, "/api/v1/commitments",
               CommitmentBody(pair.partnership, "Backlog item " + std::to_string(i), "shared"));
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  const std::string count_sql =
      "SELECT count(*), count(DISTINCT id) FROM commitments WHERE text LIKE '%Backlog item%'";
  const std::string distinct_sql =
      "SELECT count(DISTINCT id) FROM commitments WHERE text LIKE '%Backlog item%'";
  pair.Heal();
  pair.Nudge();
  ASSERT_TRUE(WaitFor(
      [&] {
        const long long held = QueryNumber(pair.harbin.server.db_path(), count_sql);
        return held > 0 && held < kBacklog;
      },
      30))
      << QueryNumber(pair.harbin.server.db_path(), count_sql);
  (kill_owner ? pair.izmir : pair.harbin).KillAndRestart();
  const long long at_kill = QueryNumber(pair.harbin.server.db_path(), count_sql);
  EXPECT_LT(at_kill, kBacklog);
  pair.Nudge();
  EXPECT_TRUE(
      WaitFor([&] { return QueryNumber(pair.harbin.server.db_path(), count_sql) == kBacklog; }, 90))
      << QueryNumber(pair.harbin.server.db_path(), count_sql);
  EXPECT_EQ(QueryNumber(pair.harbin.server.db_path(), distinct_sql), kBacklog);
  ExpectConverged(pair.izmir.server, pair.harbin.server, pair.partnership, 60);
  std::printf("killed %s with %lld of %d pulled\n", kill_owner ? "the owner" : "the puller",
              at_kill, kBacklog);
}

INSTANTIATE_TEST_SUITE_P(EitherServer, KillMidSync, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Owner" : "Puller"; });

TEST(SyncFaultsTest, AThirdCityGetsOnlyItsOwnPartnership) {
  ProxiedServer izmir(true, {});
  ProxiedServer harbin(false, {});
  ProxiedServer third(false, {});
  const std::string p1 = FirstPartnershipId(izmir.server);
  const json::value first = izmir.server.Get("/api/v1/partnerships/" + p1).Json();
  const std::string city = Create(izmir.server, "/api/v1/cities",
                                  {{"name", Text("Busan")},
                                   {"country", "KR"},
                                   {"time_zone", "Asia/Seoul"},
                                   {"visibility", "shared"}});
  const std::string p2 = Create(izmir.server, "/api/v1/partnerships",
                                {{"home_city_id", first.at("home_city_id")},
                                 {"partner_city_id", city},
                                 {"visibility", "shared"}});
  Pair(izmir.server, harbin.server, p1);
  Pair(izmir.server, third.server, p2);
  const std::string for_harbin =
      Create(izmir.server, "/api/v1/commitments", CommitmentBody(p1, "For Harbin only", "shared"));
  const std::string for_third =
      Create(izmir.server, "/api/v1/commitments", CommitmentBody(p2, "For Busan only", "shared"));
  ASSERT_TRUE(WaitFor([&] {
    return Holds(harbin.server, "/api/v1/commitments/" + for_harbin) &&
           Holds(third.server, "/api/v1/commitments/" + for_third);
  })) << harbin.server.Get("/api/v1/federation/sync").body
      << third.server.Get("/api/v1/federation/sync").body;
  // Each partner's own shared record reaches İzmir, and goes no further.
  const std::string from_harbin = Create(harbin.server, "/api/v1/commitments",
                                         CommitmentBody(p1, "Harbin's own plan", "shared"));
  const std::string from_third =
      Create(third.server, "/api/v1/commitments", CommitmentBody(p2, "Busan's own plan", "shared"));
  ASSERT_TRUE(WaitFor([&] {
    return Holds(izmir.server, "/api/v1/commitments/" + from_harbin) &&
           Holds(izmir.server, "/api/v1/commitments/" + from_third);
  }));
  // A later record of each partnership reached its partner, so the others had their chance.
  const std::string later1 =
      Create(izmir.server, "/api/v1/commitments", CommitmentBody(p1, "Later P1", "shared"));
  const std::string later2 =
      Create(izmir.server, "/api/v1/commitments", CommitmentBody(p2, "Later P2", "shared"));
  ASSERT_TRUE(WaitFor([&] {
    return Holds(harbin.server, "/api/v1/commitments/" + later1) &&
           Holds(third.server, "/api/v1/commitments/" + later2);
  }));
  for (const std::string& path :
       {"/api/v1/partnerships/" + p2, "/api/v1/commitments/" + for_third,
        "/api/v1/commitments/" + from_third, "/api/v1/commitments/" + later2}) {
    EXPECT_FALSE(Holds(harbin.server, path)) << path;
  }
  for (const std::string& path :
       {"/api/v1/partnerships/" + p1, "/api/v1/commitments/" + for_harbin,
        "/api/v1/commitments/" + from_harbin, "/api/v1/commitments/" + later1}) {
    EXPECT_FALSE(Holds(third.server, path)) << path;
  }
  const std::string harbin_bytes =
      ReadFile(harbin.server.db_path()) + ReadFile(harbin.server.db_path() + "-wal");
  ExpectAbsent(harbin_bytes, {p2, for_third, from_third, "Busan"}, "Harbin's database");
  const std::string third_bytes =
      ReadFile(third.server.db_path()) + ReadFile(third.server.db_path() + "-wal");
  ExpectAbsent(third_bytes, {p1, for_harbin, from_harbin, "Harbin's own plan"},
               "the third city's database");
  ExpectConverged(izmir.server, harbin.server, p1, 20);
  ExpectConverged(izmir.server, third.server, p2, 20);
}

TEST(SyncFaultsTest, ConvergesOverA300MillisecondLinkLosingOnePercent) {
  ProxiedPair pair({.round_trip = std::chrono::milliseconds(300), .loss = 0.01});
  const auto started = Clock::now();
  for (int side = 0; side < 2; ++side) {
    const TestServer& server = pair.Side(side).server;
    for (int i = 0; i < 15; ++i) {
      const std::string id =
          Create(server, "/api/v1/commitments",
                 CommitmentBody(pair.partnership, "Far plan " + std::to_string(i), "shared"));
      if (i % 3 == 0) {
        EXPECT_EQ(
            Patch(server, "/api/v1/commitments/" + id, {{"text", Text("Far, edited")}}).status,
            200);
      }
    }
  }
  ExpectConverged(pair.izmir.server, pair.harbin.server, pair.partnership, 60);
  std::printf("converged over 300 ms RTT, 1%% loss in %.1f s\n",
              std::chrono::duration<double>(Clock::now() - started).count());
}

// The seeded random test. Each round draws operations from kOperations on a random side; a
// new kind (e.g. a replica edit sent to the owner) is one more row of the table.
struct Tracked {
  std::string entity;  // "commitments" or "meetings"
  std::string id;
  int side = 0;         // the server that made it
  bool secret = false;  // made private and never shared: must never cross
  bool archived = false;
  int step = 0;  // commitments: how far along the workflow
};

struct World {
  ProxiedPair* pair;
  std::mt19937 random;
  std::vector<Tracked> records;
  std::vector<std::string> never = kPersonalData;
  int made = 0;
  bool killed = false;

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }
  const TestServer& Server(int side) { return pair->Side(side).server; }
  // A live, not secret record made by `side`, or nullptr.
  Tracked* Live(int side) {
    std::vector<Tracked*> candidates;
    for (Tracked& record : records) {
      if (record.side == side && !record.archived && !record.secret) candidates.push_back(&record);
    }
    return candidates.empty() ? nullptr : candidates[Pick(static_cast<int>(candidates.size()))];
  }
};

struct Operation {
  const char* name;
  int weight;
  std::function<void(World&, int side)> run;
};

const std::vector<Operation> kOperations = {
    {"create", 6,
     [](World& world, int side) {
       const bool secret = world.Pick(5) == 0;
       const bool meeting = world.Pick(3) == 0;
       const std::string text = std::string(secret ? "PRIV" : "Plan") + "-" + std::to_string(side) +
                                "-" + std::to_string(world.made++) + "-" +
                                std::to_string(world.random());
       const std::string visibility = secret ? "private" : "shared";
       const std::string entity = meeting ? "meetings" : "commitments";
       const std::string id =
           Create(world.Server(side), "/api/v1/" + entity,
                  meeting ? MeetingBody(world.pair->partnership, text, visibility)
                          : CommitmentBody(world.pair->partnership, text, visibility));
       if (id.empty()) return;
       world.records.push_back({entity, id, side, secret});
       if (secret) world.never.insert(world.never.end(), {id, text});
     }},
    {"edit", 4,
     [](World& world, int side) {
       Tracked* record = world.Live(side);
       if (!record) return;
       const json::object body{{record->entity == "meetings" ? "title" : "text",
                                Text("Edited " + std::to_string(world.random()))}};
       EXPECT_EQ(
           Patch(world.Server(side), "/api/v1/" + record->entity + "/" + record->id, body).status,
           200);
     }},
    {"transition", 3,
     [](World& world, int side) {
       Tracked* record = world.Live(side);
       if (!record || record->entity != "commitments" || record->step >= 3) return;
       static const char* kNext[] = {"agreed", "planned", "in_progress"};
       const HttpResult moved =
           world.Server(side).Post("/api/v1/commitments/" + record->id + "/transitions",
                                   json::object{{"to", kNext[record->step]}});
       EXPECT_EQ(moved.status, 200) << moved.body;
       ++record->step;
     }},
    {"visibility", 3,
     [](World& world, int side) {
       Tracked* record = world.Live(side);
       if (!record) return;
       const std::string path = "/api/v1/" + record->entity + "/" + record->id;
       const std::string now(world.Server(side).Get(path).Json().at("visibility").as_string());
       EXPECT_EQ(Patch(world.Server(side), path,
                       {{"visibility", now == "private" ? "shared" : "private"}})
                     .status,
                 200);
     }},
    {"archive", 1,
     [](World& world, int side) {
       Tracked* record = world.Live(side);
       if (!record) return;
       EXPECT_EQ(Archive(world.Server(side), "/api/v1/" + record->entity + "/" + record->id).status,
                 204);
       record->archived = true;
     }},
    {"partition", 1, [](World& world, int) { world.pair->Partition(); }},
    {"heal", 1, [](World& world, int) { world.pair->Heal(); }},
    {"kill -9 and restart", 1,
     [](World& world, int side) {
       if (world.killed) return;  // once a run: each restart costs a second or two
       world.pair->Side(side).KillAndRestart();
       world.killed = true;
     }},
};

TEST(SyncFaultsTest, SeededRandomRoundsConverge) {
  uint32_t seed = std::random_device{}();
  if (const char* given = std::getenv("AMITY_SEED")) seed = std::strtoul(given, nullptr, 10);
  SCOPED_TRACE("AMITY_SEED=" + std::to_string(seed) + " replays this run");
  std::printf("AMITY_SEED=%u\n", seed);
  std::fflush(stdout);  // before the servers fork: a child would write the buffer again
  const std::string capture = CapturePath("random");
  ProxiedPair pair({.capture_path = capture}, seed);
  World world{&pair, std::mt19937(seed)};
  int total_weight = 0;
  for (const Operation& operation : kOperations) total_weight += operation.weight;
  std::vector<int> counts(kOperations.size());
  const auto until = Clock::now() + std::chrono::seconds(45);
  for (int round = 0; round < 300 && Clock::now() < until; ++round) {
    int draw = world.Pick(total_weight);
    size_t chosen = 0;
    while (draw >= kOperations[chosen].weight) draw -= kOperations[chosen++].weight;
    const int side = world.Pick(2);
    SCOPED_TRACE("round " + std::to_string(round) + ": " + kOperations[chosen].name + " on side " +
                 std::to_string(side));
    kOperations[chosen].run(world, side);
    ++counts[chosen];
    if (::testing::Test::HasFatalFailure()) return;
  }
  if (!world.killed) kOperations.back().run(world, world.Pick(2));
  pair.Heal();
  pair.Nudge();
  ExpectConverged(pair.izmir.server, pair.harbin.server, pair.partnership, 60);
  for (size_t i = 0; i < kOperations.size(); ++i) {
    std::printf("%s: %d\n", kOperations[i].name, counts[i]);
  }
  // Nothing private crossed: not in any byte on the wire, not in the other side's database.
  ExpectAbsent(ReadFile(capture), world.never, "the proxies' capture");
  for (const Tracked& record : world.records) {
    if (!record.secret) continue;
    const TestServer& other = world.Server(1 - record.side);
    EXPECT_FALSE(Holds(other, "/api/v1/" + record.entity + "/" + record.id)) << record.id;
  }
  if (HasFailure()) std::printf("failed with AMITY_SEED=%u\n", seed);
  std::remove(capture.c_str());
}

}  // namespace
}  // namespace amity::testing
