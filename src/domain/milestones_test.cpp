#include "domain/milestones.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

Milestone M(const char* kind, const char* date) { return {kind, *ParseDate(date)}; }

TEST(MilestonesTest, TurkishSisterCityNeedsCouncilAndMinistryBeforeSigning) {
  const auto problems =
      CheckMilestoneGates("TR", "sister_city", {M("agreement_signed", "2027-05-01")});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "missing_council_decision");
  EXPECT_EQ(problems[1].code, "missing_ministry_permission");
  EXPECT_EQ(problems[0].field, "milestones");
}

TEST(MilestonesTest, OnlyTheMissingStepIsNamed) {
  const auto problems = CheckMilestoneGates(
      "TR", "sister_city",
      {M("council_decision", "2027-01-10"), M("agreement_signed", "2027-05-01")});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "missing_ministry_permission");
}

TEST(MilestonesTest, StepsDatedAfterSigningAreRejected) {
  const auto problems = CheckMilestoneGates(
      "TR", "sister_city",
      {M("council_decision", "2027-01-10"), M("ministry_permission", "2027-06-01"),
       M("agreement_signed", "2027-05-01")});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "late_ministry_permission");
}

TEST(MilestonesTest, GatesMetOrNotApplicable) {
  const std::vector<Milestone> complete = {M("council_decision", "2027-01-10"),
                                           M("ministry_permission", "2027-03-01"),
                                           M("agreement_signed", "2027-03-01")};
  EXPECT_TRUE(CheckMilestoneGates("TR", "sister_city", complete).empty());
  // Other countries, other tiers, or no signing yet: no Turkish gate.
  EXPECT_TRUE(
      CheckMilestoneGates("CN", "sister_city", {M("agreement_signed", "2027-05-01")}).empty());
  EXPECT_TRUE(
      CheckMilestoneGates("TR", "friendship", {M("agreement_signed", "2027-05-01")}).empty());
  EXPECT_TRUE(
      CheckMilestoneGates("TR", "sister_city", {M("council_decision", "2027-01-10")}).empty());
}

TEST(MilestonesTest, RequiredStepsDependOnCountry) {
  EXPECT_EQ(RequiredSteps("TR").size(), 3u);
  EXPECT_EQ(RequiredSteps("CN").size(), 1u);
}

}  // namespace
}  // namespace amity::domain
