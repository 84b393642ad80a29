#include "domain/cases.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

Date D(std::string_view text) { return *ParseDate(text); }

TEST(StudyVisitDatesTest, AVisitFromTodayOnIsValid) {
  EXPECT_TRUE(CheckStudyVisitDates(D("2027-03-01"), D("2027-03-01"), D("2027-03-01")).empty());
  EXPECT_TRUE(CheckStudyVisitDates(D("2027-04-01"), D("2027-04-05"), D("2027-03-01")).empty());
}

TEST(StudyVisitDatesTest, APastStartOrAnEndBeforeTheStartIsRefused) {
  const Problems past = CheckStudyVisitDates(D("2027-02-28"), D("2027-03-02"), D("2027-03-01"));
  ASSERT_EQ(past.size(), 1u);
  EXPECT_EQ(past[0].field, "starts_on");
  EXPECT_EQ(past[0].code, "in_the_past");
  const Problems reversed = CheckStudyVisitDates(D("2027-04-05"), D("2027-04-01"), D("2027-03-01"));
  ASSERT_EQ(reversed.size(), 1u);
  EXPECT_EQ(reversed[0].field, "ends_on");
  EXPECT_EQ(reversed[0].code, "ends_before_start");
}

TEST(StudyVisitPrefixTest, EveryLanguageHasOne) {
  for (std::string_view lang : {"tr", "zh", "en"}) EXPECT_FALSE(StudyVisitPrefix(lang).empty());
  EXPECT_TRUE(StudyVisitPrefix("fr").empty());
}

}  // namespace
}  // namespace amity::domain
