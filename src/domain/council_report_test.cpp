#include "domain/council_report.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

Date D(const char* text) { return *ParseDate(text); }

TEST(CouncilReport, CutOffIsYearEndOrToday) {
  EXPECT_EQ(ReportCutOff(2025, D("2026-03-01")), D("2025-12-31"));
  EXPECT_EQ(ReportCutOff(2026, D("2026-03-01")), D("2026-03-01"));
}

TEST(CouncilReport, MadeAndDoneByYear) {
  const ReportCommitmentFacts done{"music", "done", D("2025-11-30"), D("2026-01-02"), {}};
  EXPECT_TRUE(MadeIn(done, 2025));
  EXPECT_FALSE(DoneIn(done, 2025));
  EXPECT_TRUE(DoneIn(done, 2026));
  // Reopened after being done: it is no longer done in any year.
  const ReportCommitmentFacts reopened{
      "music", "in_progress", D("2025-11-30"), D("2026-01-02"), {}};
  EXPECT_FALSE(DoneIn(reopened, 2026));
}

TEST(CouncilReport, OverdueAtTheCutOff) {
  const Date cut_off = D("2025-12-31");
  EXPECT_TRUE(
      OverdueAt({"trade_export", "planned", D("2025-01-10"), {}, D("2025-06-30")}, cut_off));
  // Due on the cut-off is not late yet; without a due date never.
  EXPECT_FALSE(
      OverdueAt({"trade_export", "planned", D("2025-01-10"), {}, D("2025-12-31")}, cut_off));
  EXPECT_FALSE(OverdueAt({"trade_export", "planned", D("2025-01-10"), {}, {}}, cut_off));
  EXPECT_FALSE(
      OverdueAt({"trade_export", "dropped", D("2025-01-10"), {}, D("2025-06-30")}, cut_off));
  // Done late, after the cut-off: it was overdue at the end of that year.
  EXPECT_TRUE(
      OverdueAt({"music", "done", D("2025-01-10"), D("2026-02-01"), D("2025-06-30")}, cut_off));
  EXPECT_FALSE(
      OverdueAt({"music", "done", D("2025-01-10"), D("2025-12-01"), D("2025-06-30")}, cut_off));
}

TEST(CouncilReport, DroppedInTheYearOfItsLatestDropAndNotOverdueFromThen) {
  const ReportCommitmentFacts dropped{"sports", "dropped",       D("2025-02-01"),
                                      {},       D("2025-06-30"), D("2026-01-15")};
  EXPECT_FALSE(DroppedIn(dropped, 2025));
  EXPECT_TRUE(DroppedIn(dropped, 2026));
  // Dropped only after the end of 2025: at that cut-off it was still late.
  EXPECT_TRUE(OverdueAt(dropped, D("2025-12-31")));
  EXPECT_FALSE(OverdueAt(dropped, D("2026-12-31")));
  // Reopened after being dropped: no longer dropped in any year.
  const ReportCommitmentFacts reopened{"sports", "planned", D("2025-02-01"),
                                       {},       {},        D("2026-01-15")};
  EXPECT_FALSE(DroppedIn(reopened, 2026));
  const auto areas = FollowThroughByArea({dropped, reopened}, D("2026-12-31"));
  ASSERT_EQ(areas.size(), 1u);
  EXPECT_EQ(areas[0].made, 2);
  EXPECT_EQ(areas[0].dropped, 1);
  EXPECT_EQ(FollowThroughByArea({dropped}, D("2025-12-31"))[0].dropped, 0);
}

TEST(CouncilReport, YearsFromTheFirstDataToNowOrThePlanned) {
  const ReportYears years = YearsWithData({D("2023-05-01"), D("2027-01-05")}, D("2026-12-07"));
  EXPECT_EQ(years.first, 2023);
  EXPECT_EQ(years.last, 2027);
  EXPECT_FALSE(years.Contains(2022));
  EXPECT_TRUE(years.Contains(2026));
  EXPECT_EQ(YearsWithData({}, D("2026-12-07")).first, 2026);
}

TEST(CouncilReport, CasesSharedWithThePartnerInAYear) {
  EXPECT_TRUE(SharedIn({"shared", D("2025-01-01")}, 2025));
  EXPECT_TRUE(SharedIn({"public", D("2025-12-31")}, 2025));
  EXPECT_FALSE(SharedIn({"private", D("2025-06-01")}, 2025));
  EXPECT_FALSE(SharedIn({"shared", D("2024-12-31")}, 2025));
  EXPECT_FALSE(SharedIn({"shared", D("2026-01-01")}, 2025));
}

TEST(CouncilReport, ActivityAndFollowThroughByArea) {
  const std::vector<ReportCommitmentFacts> commitments = {
      {"music", "done", D("2025-03-01"), D("2025-09-01"), D("2025-10-01")},
      {"music", "planned", D("2025-03-01"), {}, D("2025-06-01")},
      {"music", "proposed", D("2026-03-01"), {}, {}},
      {"sports", "dropped", D("2026-02-01"), {}, D("2026-03-01")},
  };
  const std::vector<ReportCaseFacts> cases = {
      {"shared", D("2025-04-01")},  {"public", D("2025-12-31")},
      {"private", D("2025-05-01")},  // not shared with the partner: never counts
      {"shared", D("2026-01-01")},  {"shared", D("2027-01-01")},  // after the report year
  };
  const auto years = ActivityByYear(commitments, {D("2024-11-01"), D("2025-03-01")},
                                    {D("2025-09-10")}, cases, 2024, 2026);
  ASSERT_EQ(years.size(), 3u);
  EXPECT_EQ(years[0].meetings, 1);
  EXPECT_EQ(years[1].made, 2);
  EXPECT_EQ(years[1].done, 1);
  EXPECT_EQ(years[1].events_held, 1);
  EXPECT_EQ(years[2].made, 2);
  EXPECT_EQ(years[0].cases_shared, 0);
  EXPECT_EQ(years[1].cases_shared, 2);
  EXPECT_EQ(years[2].cases_shared, 1);

  const auto areas = FollowThroughByArea(commitments, D("2025-12-31"));
  ASSERT_EQ(areas.size(), 1u);  // sports had nothing by then
  EXPECT_EQ(areas[0].area, "music");
  EXPECT_EQ(areas[0].made, 2);
  EXPECT_EQ(areas[0].done, 1);
  EXPECT_EQ(areas[0].overdue, 1);
  EXPECT_DOUBLE_EQ(*areas[0].follow_through, 0.5);
}

}  // namespace
}  // namespace amity::domain
