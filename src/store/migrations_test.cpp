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

}  // namespace
}  // namespace amity::store
