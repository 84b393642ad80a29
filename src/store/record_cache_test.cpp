#include "store/record_cache.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/migrations.h"
#include "store/pool.h"
#include "store/records.h"
#include "store/test_db.h"

namespace amity::store {
namespace {
namespace json = boost::json;

TEST(RecordCacheTest, AnswersOnlyTheVersionItHolds) {
  RecordCache cache(1 << 20);
  std::string out;
  EXPECT_FALSE(cache.Append("a", 1, out));
  cache.Put("a", 1, R"({"v":1})");
  EXPECT_TRUE(cache.Append("a", 1, out));
  EXPECT_EQ(out, R"({"v":1})");
  EXPECT_FALSE(cache.Append("a", 2, out));  // the row moved on: not this text
  cache.Put("a", 2, R"({"v":2})");
  cache.Put("a", 1, R"({"v":1})");  // an older reader finishing late does not win
  out.clear();
  EXPECT_FALSE(cache.Append("a", 1, out));
  EXPECT_TRUE(cache.Append("a", 2, out));
  EXPECT_EQ(out, R"({"v":2})");
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST(RecordCacheTest, DropsTheLeastRecentlyUsedOverCapacity) {
  const std::string body(300, 'x');
  RecordCache cache(1000);  // room for two entries of ~430 bytes each
  cache.Put("a", 1, body);
  cache.Put("b", 1, body);
  std::string out;
  EXPECT_TRUE(cache.Append("a", 1, out));  // a is now more recent than b
  cache.Put("c", 1, body);
  EXPECT_TRUE(cache.Append("a", 1, out));
  EXPECT_FALSE(cache.Append("b", 1, out));
  EXPECT_TRUE(cache.Append("c", 1, out));
  EXPECT_LE(cache.stats().bytes, 1000u);
  cache.Put("huge", 1, std::string(2000, 'y'));  // larger than the whole cache: not kept
  EXPECT_FALSE(cache.Append("huge", 1, out));
  EXPECT_TRUE(cache.Append("c", 1, out));
}

json::object City(int n) {
  return json::object{{"name", json::object{{"en", "City " + std::to_string(n)}}},
                      {"country", n % 2 ? "TR" : "CN"},
                      {"time_zone", n % 2 ? "Europe/Istanbul" : "Asia/Shanghai"}};
}

const WriteContext kWriter{.actor = "test", .now = Instant{}, .instance_id = "instance"};

// Pages read through the pool (cached, ids from the index, totals counted ahead) must equal the
// pages of a lone connection (no cache, every column decoded, totals counted), whatever the
// filter, order and offset.
TEST(RecordCacheTest, CachedPagesEqualUncachedPages) {
  const std::string path = FreshDbPath("amity_record_cache_pages.db");
  Db plain(path);
  Migrate(plain);
  {
    Tx tx(plain);
    for (int n = 0; n < 230; ++n) InsertRecord(plain, domain::Cities(), City(n), kWriter);
    tx.Commit();
  }
  Pool pool(path, 1, {.record_cache_bytes = 1 << 20});
  auto cached = pool.Acquire();
  const std::vector<ListQuery> queries = {
      {},
      {.limit = 200},
      {.sort_column = "country", .descending = false, .limit = 7, .offset = 100},
      {.conditions = {{"country = ?", {"TR"}}}, .limit = 10, .offset = 110},
      {.conditions = {{"country = ?", {"TR"}}}, .limit = 10, .offset = 114},
      {.conditions = {{"country = ?", {"TR"}}}, .limit = 10, .offset = 115},
      {.conditions = {{"country = ?", {"TR"}}}, .limit = 10, .offset = 500},
      {.conditions = {{"country = ?", {"XX"}}}},
      {.limit = 50, .offset = 180},
      {.limit = 50, .offset = 229},
  };
  for (int round = 0; round < 2; ++round) {  // the second round reads from the cache
    for (const ListQuery& query : queries) {
      const TextPage want = ListRecordsJson(plain, domain::Cities(), query);
      const TextPage got = ListRecordsJson(*cached, domain::Cities(), query);
      EXPECT_EQ(got.items_json, want.items_json) << "offset " << query.offset;
      EXPECT_EQ(got.info.total, want.info.total) << "offset " << query.offset;
      std::string where = "archived = 0";
      for (const Condition& condition : query.conditions) where += " AND " + condition.sql;
      Stmt count = plain.Prepare("SELECT count(*) FROM cities WHERE " + where);
      for (size_t i = 0; i < query.conditions.size(); ++i) {
        count.Bind(static_cast<int>(i) + 1, query.conditions[i].params.at(0));
      }
      ASSERT_TRUE(count.Step());
      // The total is known without counting (or null): then exact.
      if (got.info.total) {
        EXPECT_EQ(*got.info.total, count.Int(0)) << where << " offset " << query.offset;
      } else {
        // Not known: more than was read past the page, or the offset passed every match.
        EXPECT_TRUE(count.Int(0) > query.offset + query.limit + 100 || count.Int(0) <= query.offset)
            << where << " offset " << query.offset;
      }
    }
  }
  EXPECT_GT(pool.record_cache()->stats().hits, 0);
  EXPECT_EQ(ListRecordsJson(*cached, domain::Cities(), {}).info.total, 230);
}

// A version read inside a write transaction that is then rolled back must never be served: the
// next committed change reuses that version number for other content.
TEST(RecordCacheTest, NothingReadInARolledBackWriteIsServed) {
  const std::string path = FreshDbPath("amity_record_cache_rollback.db");
  Pool pool(path, 1, {.record_cache_bytes = 1 << 20});
  auto db = pool.Acquire();
  Migrate(*db);
  json::object city;
  {
    Tx tx(*db);
    city = InsertRecord(*db, domain::Cities(), City(1), kWriter);
    tx.Commit();
  }
  const std::string id(city.at("id").as_string());
  ASSERT_TRUE(GetRecordJson(*db, domain::Cities(), id));  // version 1 cached
  {
    Tx tx(*db);
    UpdateRecord(*db, domain::Cities(), city, {{"country", "DE"}}, kWriter, "update");
    const auto inside = GetRecordJson(*db, domain::Cities(), id);
    ASSERT_TRUE(inside);
    EXPECT_EQ(inside->version, 2);
    EXPECT_NE(inside->json.find("\"DE\""), std::string::npos);
    ListRecordsJson(*db, domain::Cities(), {});
  }  // rolled back
  {
    Tx tx(*db);
    UpdateRecord(*db, domain::Cities(), city, {{"country", "FR"}}, kWriter, "update");
    tx.Commit();
  }
  for (int read = 0; read < 2; ++read) {
    const auto record = GetRecordJson(*db, domain::Cities(), id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->version, 2);
    EXPECT_NE(record->json.find("\"FR\""), std::string::npos) << record->json;
    const TextPage page = ListRecordsJson(*db, domain::Cities(), {});
    EXPECT_NE(page.items_json.find("\"FR\""), std::string::npos) << page.items_json;
    EXPECT_EQ(page.items_json.find("\"DE\""), std::string::npos) << page.items_json;
  }
}

}  // namespace
}  // namespace amity::store
