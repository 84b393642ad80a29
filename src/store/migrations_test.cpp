#include "store/migrations.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace amity::store
