#include "store/db.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace amity::store {
namespace {

std::string TempDbPath(const char* name) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  return path.string();
}

TEST(DbTest, TxRollsBackUnlessCommitted) {
  Db db(TempDbPath("amity_db_test_tx.db"));
  db.Exec("CREATE TABLE t (x INTEGER NOT NULL) STRICT");
  {
    Tx tx(db);
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 1).Run();
  }  // no commit
  {
    Tx tx(db);
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 2).Run();
    tx.Commit();
  }
  Stmt count = db.Prepare("SELECT group_concat(x) FROM t");
  ASSERT_TRUE(count.Step());
  EXPECT_EQ(count.Text(0), "2");
}

TEST(DbTest, AnEmptyViewBindsEmptyTextNotNull) {
  Db db(TempDbPath("amity_db_test_empty.db"));
  Stmt select = db.Prepare("SELECT ? IS NULL, ? = ''");
  select.Bind(1, std::string_view()).Bind(2, std::string_view());
  ASSERT_TRUE(select.Step());
  EXPECT_EQ(select.Int(0), 0);
  EXPECT_EQ(select.Int(1), 1);
}

TEST(DbTest, ConstraintViolationsThrow) {
  Db db(TempDbPath("amity_db_test_check.db"));
  db.Exec("CREATE TABLE t (x INTEGER NOT NULL CHECK (x > 0)) STRICT");
  EXPECT_THROW(db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, -1).Run(), DbError);
  EXPECT_THROW(db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, "text").Run(), DbError);
}

TEST(DbTest, StatementsAreReusedAfterReset) {
  Db db(TempDbPath("amity_db_test_reuse.db"));
  for (int i = 0; i < 3; ++i) {
    Stmt select = db.Prepare("SELECT ? + 1");
    select.Bind(1, i);
    ASSERT_TRUE(select.Step());
    EXPECT_EQ(select.Int(0), i + 1);
  }
}

}  // namespace
}  // namespace amity::store
