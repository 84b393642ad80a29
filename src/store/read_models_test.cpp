#include "store/read_models.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "store/migrations.h"
#include "store/test_db.h"

namespace amity::store {
namespace {

// Commitments written straight into the table (no partnership rows: foreign keys are off on the
// writing connections), enough for the counts.
void AddCommitment(Db& db, const std::string& id, const std::string& partnership,
                   const std::string& status, const std::string& due,
                   const std::string& area = "music") {
  db.Prepare(
        "INSERT INTO commitments (id, version, created_at, updated_at, instance_id, "
        "partnership_id, text, area, proposed_by_side, status, due_date) "
        "VALUES (?, 1, 't', 't', 'i', ?, '{}', ?, 'home', ?, ?)")
      .Bind(1, id)
      .Bind(2, partnership)
      .Bind(3, area)
      .Bind(4, status)
      .Bind(5, due)
      .Run();
}

// {commitments counted, of which due before the day} over every area and status.
std::pair<long long, long long> Totals(const CommitmentCounts& counts) {
  std::pair<long long, long long> totals;
  for (const CommitmentCount& count : counts) {
    totals.first += count.count;
    totals.second += count.due_before_today;
  }
  return totals;
}

// Each group as {area, status, count, due before the day}, in the order given.
std::vector<std::tuple<std::string, std::string, long long, long long>> Groups(
    const CommitmentCounts& counts) {
  std::vector<std::tuple<std::string, std::string, long long, long long>> groups;
  for (const CommitmentCount& count : counts) {
    groups.emplace_back(count.area, count.status, count.count, count.due_before_today);
  }
  return groups;
}

// The counts are kept on the connection between calls (CountsMemo); whatever is committed since,
// by this connection or another, must show in the next call, and what a write transaction reads
// must not be kept.
TEST(CountCommitmentsTest, KeptCountsFollowEveryCommit) {
  const std::string path = FreshDbPath("amity_read_models_counts.db");
  Db reader(path);
  Migrate(reader);
  reader.Exec("PRAGMA foreign_keys = OFF");
  Db writer(path);
  writer.Exec("PRAGMA foreign_keys = OFF");
  const Date day = *ParseDate("2026-11-24");
  const std::optional<std::string> p = "p1";

  AddCommitment(reader, "c1", "p1", "proposed", "2026-01-01");
  AddCommitment(reader, "c2", "p2", "agreed", "2027-01-01");
  EXPECT_EQ(Totals(CountCommitments(reader, p, day)), std::make_pair(1LL, 1LL));
  EXPECT_EQ(Totals(CountCommitments(reader, p, day)), std::make_pair(1LL, 1LL));  // kept
  EXPECT_EQ(Totals(CountCommitments(reader, std::nullopt, day)), std::make_pair(2LL, 1LL));

  AddCommitment(reader, "c3", "p1", "planned", "2027-06-01");  // committed by the same connection
  EXPECT_EQ(Totals(CountCommitments(reader, p, day)), std::make_pair(2LL, 1LL));

  AddCommitment(writer, "c4", "p1", "done", "2026-02-01");  // by another connection
  EXPECT_EQ(Totals(CountCommitments(reader, p, day)), std::make_pair(3LL, 2LL));
  EXPECT_EQ(Totals(CountCommitments(reader, std::nullopt, day)), std::make_pair(4LL, 2LL));

  // Another day is counted for that day.
  EXPECT_EQ(Totals(CountCommitments(reader, p, *ParseDate("2027-12-31"))),
            std::make_pair(3LL, 3LL));

  // A visibility condition is part of what is kept apart.
  const Condition shared{"visibility = ?", {"shared"}};
  EXPECT_EQ(Totals(CountCommitments(reader, p, day, &shared)), std::make_pair(0LL, 0LL));
  writer.Exec("UPDATE commitments SET visibility = 'shared' WHERE id = 'c1'");
  EXPECT_EQ(Totals(CountCommitments(reader, p, day, &shared)), std::make_pair(1LL, 1LL));

  {
    Tx tx(reader);
    AddCommitment(reader, "c5", "p1", "agreed", "2026-03-01");
    EXPECT_EQ(Totals(CountCommitments(reader, p, day)), std::make_pair(4LL, 3LL));
  }  // rolled back
  EXPECT_EQ(Totals(CountCommitments(reader, p, day)), std::make_pair(3LL, 2LL));
}

// A partnership's commitments are read by due date, so the rows of one area and status come
// apart; each group is still counted once, and the groups come in area, then status order, as
// SQLite's GROUP BY over all partnerships gives them.
TEST(CountCommitmentsTest, GroupsComeOnceInAreaThenStatusOrder) {
  Db db(FreshDbPath("amity_read_models_groups.db"));
  Migrate(db);
  db.Exec("PRAGMA foreign_keys = OFF");
  const Date day = *ParseDate("2026-11-24");
  const char* const kRows[][3] = {
      {"sports", "proposed", "2026-01-01"}, {"music", "agreed", "2026-02-01"},
      {"sports", "agreed", "2026-03-01"},   {"music", "agreed", "2026-12-01"},
      {"sports", "proposed", "2027-01-01"}, {"education", "done", "2027-02-01"},
      {"music", "proposed", "2027-03-01"},  {"sports", "proposed", "2027-04-01"},
  };
  int n = 0;
  for (const auto& row : kRows) {
    AddCommitment(db, "c" + std::to_string(++n), "p1", row[1], row[2], row[0]);
  }
  const std::vector<std::tuple<std::string, std::string, long long, long long>> expected = {
      {"education", "done", 1, 0}, {"music", "agreed", 2, 1},    {"music", "proposed", 1, 0},
      {"sports", "agreed", 1, 1},  {"sports", "proposed", 3, 1},
  };
  EXPECT_EQ(Groups(CountCommitments(db, std::string("p1"), day)), expected);
  EXPECT_EQ(Groups(CountCommitments(db, std::nullopt, day)), expected);
}

}  // namespace
}  // namespace amity::store
