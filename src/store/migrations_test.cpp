#include "store/migrations.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/test_db.h"

namespace amity::store {
namespace {

// A fresh database must equal the schema reviewers read in src/store/schema.sql. After changing
// a migration, regenerate it with AMITY_UPDATE_SCHEMA=1 and review the diff.
TEST(MigrationsTest, FreshDatabaseMatchesReviewedSchema) {
  Db db(FreshDbPath("amity_migrations_test.db"));
  Migrate(db);
  const std::string schema = DumpSchema(db);
  if (std::getenv("AMITY_UPDATE_SCHEMA")) {
    std::ofstream(AMITY_SCHEMA_FILE) << schema;
  }
  std::ifstream file(AMITY_SCHEMA_FILE);
  ASSERT_TRUE(file) << "missing " << AMITY_SCHEMA_FILE;
  std::stringstream reviewed;
  reviewed << file.rdbuf();
  EXPECT_EQ(schema, reviewed.str());
}

TEST(MigrationsTest, MigrateIsIdempotentAndKeepsTheInstanceId) {
  Db db(FreshDbPath("amity_migrations_twice.db"));
  const auto first = Migrate(db);
  EXPECT_EQ(first.size(), AllMigrations().size());
  const std::string instance = InstanceId(db);
  EXPECT_TRUE(Migrate(db).empty());
  EXPECT_EQ(InstanceId(db), instance);
}

// A database left at any earlier migration (an installation of an older release) is upgraded to
// exactly the schema a fresh one gets, applying only what it lacks. Releases' own databases,
// with data, are upgraded by tests/upgrade/check_upgrade.py.
TEST(MigrationsTest, EveryEarlierSchemaUpgradesToTheCurrentOne) {
  Db fresh(FreshDbPath("amity_migrations_fresh.db"));
  Migrate(fresh);
  const std::string current = DumpSchema(fresh);
  const int newest = AllMigrations().back().number;
  for (int last = 1; last < newest; ++last) {
    Db db(FreshDbPath("amity_migrations_upgrade.db"));
    ASSERT_EQ(Migrate(db, last).size(), static_cast<size_t>(last));
    const std::string instance = InstanceId(db);
    EXPECT_EQ(Migrate(db).size(), static_cast<size_t>(newest - last)) << "from " << last;
    EXPECT_EQ(DumpSchema(db), current) << "upgraded from migration " << last;
    EXPECT_EQ(InstanceId(db), instance);
  }
}

TEST(MigrationsTest, MigrationsAreNumberedInOrder) {
  int previous = 0;
  for (const Migration& migration : AllMigrations()) {
    EXPECT_EQ(migration.number, previous + 1) << migration.name;
    previous = migration.number;
  }
}

// Migration 8 rewrote the enumerated CHECK constraints (x IN ('a', 'b', 'c', ...)) as OR chains
// by editing sqlite_schema. On a database at migration 7, with a second connection that has
// already read the old schema, both connections afterwards check the new constraints: an INSERT
// no longer builds a temporary index of the list (OpenEphemeral), and a value outside the list
// is still refused.
TEST(MigrationsTest, EnumeratedChecksAreOrChainsOnEveryOpenConnection) {
  const std::string path = FreshDbPath("amity_migrations_checks.db");
  Db migrating(path);
  Migrate(migrating, 7);
  Db other(path);
  // Prepared afresh each time, not through Db::Prepare's cache: SQLite 3.40 crashes when an
  // EXPLAIN statement prepared before a schema change is stepped after it.
  const auto ephemeral_indexes = [](Db& db, const std::string& insert) {
    sqlite3_stmt* explain = nullptr;
    const std::string sql = "EXPLAIN " + insert;
    EXPECT_EQ(sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &explain, nullptr), SQLITE_OK);
    int count = 0;
    while (sqlite3_step(explain) == SQLITE_ROW) {
      count += std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(explain, 1))) ==
               "OpenEphemeral";
    }
    sqlite3_finalize(explain);
    return count;
  };
  const std::string insert_commitment =
      "INSERT INTO commitments (id, version, created_at, updated_at, instance_id, "
      "partnership_id, text, area, proposed_by_side, status) "
      "VALUES ('c', 1, 't', 't', 'i', 'p', '{}', 'music', 'home', 'proposed')";
  ASSERT_EQ(ephemeral_indexes(other, insert_commitment), 4) << "area, side, status, visibility";

  EXPECT_EQ(Migrate(migrating, 8), std::vector<int>{8});
  {
    Stmt read = other.Prepare("SELECT count(*) FROM commitments");  // rereads a changed schema
    read.Step();
  }
  for (Db* db : {&migrating, &other}) {
    EXPECT_EQ(ephemeral_indexes(*db, insert_commitment), 0);
    try {
      db->Exec(
          "INSERT INTO changes (entity, record_id, version, op, actor, at, instance_id) "
          "VALUES ('commitments', 'c', 1, 'delete', 'a', 't', 'i')");
      ADD_FAILURE() << "op 'delete' was accepted";
    } catch (const DbError& error) {
      EXPECT_NE(std::string(error.what()).find("CHECK constraint failed: op"), std::string::npos)
          << error.what();
    }
  }
  Stmt check = migrating.Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.Step());
  EXPECT_EQ(check.Text(0), "ok");
}

// The global commitment listings, as store/records.cpp words them, walk an index in order (no
// temporary B-tree sorting every commitment) with the statistics the server gathers at start
// (ANALYZE with analysis_limit): with those, SQLite takes any index that starts with `archived`
// for `archived = 0`, so the live listing by creation needs its own. (With 3,000 rows the
// estimates still pick the right plan; 20,000 are enough to show the wrong one.)
TEST(ListPlanTest, GlobalCommitmentListingsReadAnIndexInOrder) {
  Db db(FreshDbPath("amity_list_plan.db"));
  Migrate(db);
  db.Exec("PRAGMA foreign_keys = OFF");
  db.Exec(
      "INSERT INTO commitments (id, version, created_at, updated_at, instance_id, "
      "partnership_id, text, area, proposed_by_side, status, due_date) "
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
      "SELECT printf('c%05d', i), 1, printf('2026-01-01T%05d', i), 't', 'i', "
      "printf('p%03d', i % 30), '{}', "
      "CASE i % 3 WHEN 0 THEN 'music' WHEN 1 THEN 'sports' ELSE 'education' END, 'home', "
      "CASE i % 2 WHEN 0 THEN 'proposed' ELSE 'agreed' END, printf('2026-%02d-01', 1 + i % 12) "
      "FROM n");
  RefreshStatistics(db);
  const auto plan = [&db](const std::string& where, const std::string& order) {
    Stmt explain = db.Prepare("EXPLAIN QUERY PLAN SELECT id, version FROM commitments WHERE " +
                              where + " ORDER BY " + order + " LIMIT ? OFFSET ?");
    std::string text;
    while (explain.Step()) (text += explain.Text(3)) += '\n';
    return text;
  };
  for (const char* where : {"archived = 0", "1"}) {
    const std::string created = plan(where, "created_at DESC, id DESC");
    EXPECT_EQ(created.find("TEMP B-TREE"), std::string::npos) << where << "\n" << created;
    EXPECT_NE(created.find("COVERING INDEX"), std::string::npos) << where << "\n" << created;
  }
  const std::string due = plan("1", "due_date ASC, id ASC");
  EXPECT_EQ(due.find("TEMP B-TREE"), std::string::npos) << due;
  EXPECT_NE(due.find("COVERING INDEX"), std::string::npos) << due;
}

}  // namespace
}  // namespace amity::store
