#include "store/db.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store/checkpointer.h"
#include "store/pool.h"
#include "store/test_db.h"

namespace amity::store {
namespace {

TEST(DbTest, TxRollsBackUnlessCommitted) {
  Db db(FreshDbPath("amity_db_test_tx.db"));
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

// Inside an open write transaction a Tx is a savepoint: an abandoned one undoes only its own
// rows, a committed one joins the outer transaction, and nothing is stored before the outer
// COMMIT (what api::Api::HandleBatch relies on to give several requests one commit).
TEST(DbTest, ATxInsideATransactionIsASavepoint) {
  const std::string path = FreshDbPath("amity_db_test_nested.db");
  Db db(path);
  db.Exec("CREATE TABLE t (x INTEGER NOT NULL) STRICT");
  const auto values = [](Db& on) {
    Stmt select =
        on.Prepare("SELECT coalesce(group_concat(x), '') FROM (SELECT x FROM t ORDER BY x)");
    EXPECT_TRUE(select.Step());
    return std::string(select.Text(0));
  };
  {
    Tx outer(db);
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 1).Run();
    {
      Tx first(db);
      db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 2).Run();
      first.Commit();
    }
    {
      Tx second(db);
      db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 3).Run();
    }  // abandoned: only 3 goes
    {
      Tx third(db);
      db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 4).Run();
      third.Commit();
    }
    EXPECT_TRUE(db.InWriteTransaction());
    EXPECT_EQ(values(db), "1,2,4");
    Db other(path);
    EXPECT_EQ(values(other), "");  // nothing committed yet
    outer.Commit();
    EXPECT_EQ(values(other), "1,2,4");
  }
  {
    Tx outer(db);
    {
      Tx inner(db);
      db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 5).Run();
      inner.Commit();
    }
  }  // the outer transaction is abandoned, with what its savepoints released into it
  EXPECT_EQ(values(db), "1,2,4");
}

// With savepoints skipped, a Tx inside a transaction writes straight into it. One left without
// Commit() says whether it leaves changed rows behind (which only the whole transaction's
// rollback undoes); one that changed nothing, or committed, does not.
TEST(DbTest, ATxWithoutItsSavepointSaysWhenItLeavesChangesBehind) {
  const std::string path = FreshDbPath("amity_db_test_skipped.db");
  Db db(path);
  db.Exec("CREATE TABLE t (x INTEGER NOT NULL CHECK (x > 0)) STRICT");
  const auto count = [&db] {
    Stmt select = db.Prepare("SELECT count(*) FROM t");
    EXPECT_TRUE(select.Step());
    return select.Int(0);
  };
  Tx outer(db);
  db.SkipSavepoints(true);
  {
    Tx committed(db);
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 1).Run();
    committed.Commit();
  }
  {
    Tx unchanged(db);  // left before it wrote, as a request that fails validation
  }
  {
    Tx failed(db);  // its only statement fails, and SQLite undoes the statement itself
    EXPECT_THROW(db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, -1).Run(), DbError);
  }
  EXPECT_FALSE(db.PartialChangesLeft());
  EXPECT_EQ(count(), 1);
  {
    Tx abandoned(db);
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 2).Run();
  }
  EXPECT_TRUE(db.PartialChangesLeft());
  EXPECT_EQ(count(), 2);  // no savepoint took it back
  db.SkipSavepoints(false);
  EXPECT_FALSE(db.PartialChangesLeft());
  {
    Tx abandoned(db);  // a savepoint again: undoes its own row
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, 3).Run();
  }
  EXPECT_FALSE(db.PartialChangesLeft());
  EXPECT_EQ(count(), 2);
}

// ConfigureSqlite ran before SQLite started (it cannot afterwards): memory statistics are off,
// so SQLite counts nothing however much it allocates.
TEST(DbTest, SqliteKeepsNoMemoryStatistics) {
  Db db(FreshDbPath("amity_db_memstatus_test.db"));
  db.Exec(
      "CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
      "WHERE i < 200) INSERT INTO t SELECT hex(randomblob(500)) FROM n");
  sqlite3_int64 used = -1, highwater = -1;
  ASSERT_EQ(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &highwater, 0), SQLITE_OK);
  EXPECT_EQ(used, 0);
  EXPECT_EQ(highwater, 0);
}

TEST(DbTest, AnEmptyViewBindsEmptyTextNotNull) {
  Db db(FreshDbPath("amity_db_test_empty.db"));
  Stmt select = db.Prepare("SELECT ? IS NULL, ? = ''");
  select.Bind(1, std::string_view()).Bind(2, std::string_view());
  ASSERT_TRUE(select.Step());
  EXPECT_EQ(select.Int(0), 0);
  EXPECT_EQ(select.Int(1), 1);
}

TEST(DbTest, ConstraintViolationsThrow) {
  Db db(FreshDbPath("amity_db_test_check.db"));
  db.Exec("CREATE TABLE t (x INTEGER NOT NULL CHECK (x > 0)) STRICT");
  EXPECT_THROW(db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, -1).Run(), DbError);
  EXPECT_THROW(db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, "text").Run(), DbError);
}

TEST(DbTest, StatementsAreReusedAfterReset) {
  Db db(FreshDbPath("amity_db_test_reuse.db"));
  for (int i = 0; i < 3; ++i) {
    Stmt select = db.Prepare("SELECT ? + 1");
    select.Bind(1, i);
    ASSERT_TRUE(select.Step());
    EXPECT_EQ(select.Int(0), i + 1);
  }
}

// With background checkpoints, commits no longer copy the WAL into the database file; the
// Checkpointer's thread does, so the file grows without any checkpoint in a commit.
TEST(DbTest, BackgroundCheckpointsCopyTheWalIntoTheFile) {
  const std::string path = FreshDbPath("amity_db_test_checkpoint.db");
  Pool pool(path, 1, {.background_checkpoints = true});
  auto db = pool.Acquire();
  Stmt setting = db->Prepare("PRAGMA wal_autocheckpoint");
  ASSERT_TRUE(setting.Step());
  EXPECT_EQ(setting.Int(0), 0);
  db->Exec("CREATE TABLE t (x TEXT NOT NULL) STRICT");
  const auto file_size = [&] { return std::filesystem::file_size(path); };
  const auto await_checkpoints = [&](long long count) {
    for (int wait = 0; wait < 100 && pool.checkpointer()->checkpoints() < count; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  };
  // Two passes of the thread copy the new table into the file. A reader's older snapshot then
  // keeps any checkpoint from copying what the commit below writes (the commit itself makes none:
  // wal_autocheckpoint is 0, above); once the reader ends, the thread copies it.
  await_checkpoints(pool.checkpointer()->checkpoints() + 2);
  const auto before = file_size();
  Db reader(path);
  reader.Exec("BEGIN");
  {
    Stmt snapshot = reader.Prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(snapshot.Step());  // the read transaction holds its snapshot until COMMIT
  }
  {
    Tx tx(*db);
    for (int i = 0; i < 500; ++i) {
      db->Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, std::string(4000, 'a' + i % 26)).Run();
    }
    tx.Commit();
  }
  EXPECT_EQ(file_size(), before);
  reader.Exec("COMMIT");
  const long long seen = pool.checkpointer()->checkpoints();
  await_checkpoints(seen + 2);
  EXPECT_GE(pool.checkpointer()->checkpoints(), seen + 2);
  EXPECT_GT(file_size(), before + 1'000'000);
}

// Under writes that never pause, a passive checkpoint never copies the last frame, so SQLite never
// rewinds the log; the Checkpointer's RESTART pass keeps the WAL file bounded all the same.
TEST(DbTest, TheWalStaysBoundedUnderSteadyWrites) {
  const std::string path = FreshDbPath("amity_db_test_steady_writes.db");
  Db db(path);
  // A log that starts over is also cut back to 1 MiB, so its size shows what it holds.
  db.Exec(
      "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 1048576;"
      "CREATE TABLE t (x TEXT NOT NULL) STRICT");
  constexpr int kRestartFrames = 200;
  Checkpointer checkpointer(path, std::chrono::milliseconds(5), kRestartFrames);
  const std::string row(3000, 'x');
  std::uintmax_t largest = 0;
  for (int i = 0; i < 6000; ++i) {  // ~6,000 frames of 4 KiB: ~24 MiB through the log
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, row).Run();
    // Like a server: between writes the write lock is free for a moment.
    std::this_thread::sleep_for(std::chrono::microseconds(20));
    if (i % 100 == 0) largest = std::max(largest, std::filesystem::file_size(path + "-wal"));
  }
  EXPECT_GT(checkpointer.restarts(), 0);
  // What a few checkpoint intervals of writing adds (a few MiB), below the ~24 MiB of rows
  // written; without the RESTART pass the log holds all of it (74 MiB with the tree pages).
  EXPECT_LT(largest, 24u << 20) << "restarts: " << checkpointer.restarts();
}

// The server's writer calls CatchUp between its batches: the log then starts over at the next
// write, with no RESTART pass (which holds writers back) however steady the writes.
TEST(DbTest, TheWritersCatchUpBetweenWritesLetsTheLogStartOver) {
  const std::string path = FreshDbPath("amity_db_test_catch_up.db");
  Db db(path);
  db.Exec(
      "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 1048576;"
      "CREATE TABLE t (x TEXT NOT NULL) STRICT");
  constexpr int kNeverRestart = 1 << 30;
  Checkpointer checkpointer(path, std::chrono::milliseconds(5), kNeverRestart, 200);
  const std::string row(3000, 'x');
  std::uintmax_t largest = 0;
  for (int i = 0; i < 6000; ++i) {  // ~24 MiB of rows through the log, as in the test above
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, row).Run();
    std::this_thread::sleep_for(std::chrono::microseconds(20));
    if (i % 20 == 19) checkpointer.CatchUp(db);  // a batch of 20 writes ends
    if (i % 100 == 0) largest = std::max(largest, std::filesystem::file_size(path + "-wal"));
  }
  EXPECT_GT(checkpointer.catch_ups(), 0);
  // Without the catch-up passes (and no RESTART) the log holds all of it: 74 MiB.
  EXPECT_LT(largest, 24u << 20) << "catch-ups: " << checkpointer.catch_ups();
}

// A reader that keeps an old snapshot (a backup, a long export) stops the log from starting over;
// the RESTART checkpoint that waits for it must give up soon, not hold writers back meanwhile.
TEST(DbTest, ALongReaderDoesNotHoldWritersBack) {
  const std::string path = FreshDbPath("amity_db_test_long_reader.db");
  Db db(path);
  db.Exec("PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x TEXT NOT NULL) STRICT");
  db.Prepare("INSERT INTO t (x) VALUES ('first')").Run();
  Db reader(path);
  reader.Exec("BEGIN");
  {
    Stmt snapshot = reader.Prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(snapshot.Step());  // from here the open transaction holds its snapshot
  }
  Checkpointer checkpointer(path, std::chrono::milliseconds(5), 50);
  const std::string row(3000, 'x');
  std::chrono::steady_clock::duration slowest{};
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
  while (std::chrono::steady_clock::now() < until) {
    const auto started = std::chrono::steady_clock::now();
    db.Prepare("INSERT INTO t (x) VALUES (?)").Bind(1, row).Run();
    slowest = std::max(slowest, std::chrono::steady_clock::now() - started);
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  reader.Exec("COMMIT");
  // The checkpointer waits at most 20 ms for the reader before giving up for a second.
  EXPECT_LT(slowest, std::chrono::milliseconds(300))
      << std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count() << " ms";
}

}  // namespace
}  // namespace amity::store
