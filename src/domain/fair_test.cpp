#include "domain/fair.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

ExhibitorFacts Valid() {
  return {.event_kind = "fair",
          .company_kind = "company",
          .company_city = "izmir",
          .home_city = "izmir",
          .company_id = "figs",
          .product_companies = {"figs", "figs"},
          .cost_hundredths = {125050}};
}

std::string Fields(const Problems& problems) {
  std::string fields;
  for (const Problem& problem : problems) fields += problem.field + ":" + problem.code + " ";
  return fields;
}

TEST(FairTest, AValidExhibitorHasNoProblems) { EXPECT_TRUE(CheckExhibitor(Valid()).empty()); }

TEST(FairTest, ExhibitorRulesNameTheirField) {
  ExhibitorFacts facts = Valid();
  facts.event_kind = "concert";
  EXPECT_EQ(Fields(CheckExhibitor(facts)), "event_id:not_a_fair ");
  facts = Valid();
  facts.company_kind = "university";
  EXPECT_EQ(Fields(CheckExhibitor(facts)), "company_id:not_a_company ");
  facts = Valid();
  facts.company_city = "harbin";
  EXPECT_EQ(Fields(CheckExhibitor(facts)), "company_id:not_home_city ");
  facts = Valid();
  facts.company_already_exhibiting = true;
  EXPECT_EQ(Fields(CheckExhibitor(facts)), "company_id:already_exhibiting ");
  facts = Valid();
  facts.product_companies = {"figs", "marble"};
  EXPECT_EQ(Fields(CheckExhibitor(facts)), "product_ids[1]:other_company ");
  facts = Valid();
  facts.cost_hundredths = {1, 12.5};
  EXPECT_EQ(Fields(CheckExhibitor(facts)), "covered_costs[1].hundredths:not_whole ");
}

TEST(FairTest, MissingRecordsAreLeftToTheReferenceCheck) {
  ExhibitorFacts facts = Valid();
  facts.event_kind.clear();
  facts.company_kind.clear();
  facts.product_companies = {""};
  EXPECT_TRUE(CheckExhibitor(facts).empty());
}

TEST(FairTest, ALeadNamesABuyerOrAnInquirer) {
  EXPECT_EQ(Fields(CheckLead({})), "buyer_id:required ");
  EXPECT_TRUE(CheckLead({.has_buyer = true}).empty());
  EXPECT_TRUE(CheckLead({.has_inquirer_company = true, .event_kind = "fair"}).empty());
  EXPECT_EQ(Fields(CheckLead({.has_buyer = true, .event_kind = "festival"})),
            "event_id:not_a_fair ");
}

TEST(FairTest, SlotsCoverEachLocalDayOfTheFair) {
  // Harbin's June fair: 15 June 09:00 to 19 June 17:00, China Standard Time (UTC+8).
  FairSlotPlan plan{.fair_starts = *ParseInstant("2027-06-15T09:00:00+08:00"),
                    .fair_ends = *ParseInstant("2027-06-19T17:00:00+08:00"),
                    .time_zone = "Asia/Shanghai",
                    .day_start = 10 * 60,
                    .day_end = 12 * 60,
                    .slot_minutes = 20};
  ASSERT_TRUE(CheckFairSlotPlan(plan).empty());
  const std::vector<FairSlot> slots = FairSlots(plan);
  ASSERT_EQ(slots.size(), 5u * 6u);
  EXPECT_EQ(FormatInstant(slots.front().starts_at), "2027-06-15T02:00:00Z");
  EXPECT_EQ(FormatInstant(slots.front().ends_at), "2027-06-15T02:20:00Z");
  EXPECT_EQ(FormatInstant(slots.back().starts_at), "2027-06-19T03:40:00Z");
  // A day that starts before the fair opens keeps only the slots inside it.
  plan.day_start = 8 * 60;
  plan.day_end = 10 * 60;
  EXPECT_EQ(FairSlots(plan).size(), 5u * 3u * 2u - 3u);
}

TEST(FairTest, ASlotPlanMustMakeSense) {
  FairSlotPlan plan{.fair_starts = *ParseInstant("2027-06-15T09:00:00+08:00"),
                    .fair_ends = *ParseInstant("2027-06-19T17:00:00+08:00"),
                    .time_zone = "Asia/Shanghai"};
  plan.day_end = plan.day_start;
  EXPECT_EQ(Fields(CheckFairSlotPlan(plan)), "day_end:not_after_start ");
  plan.day_end = 17 * 60;
  plan.slot_minutes = 2;
  EXPECT_EQ(Fields(CheckFairSlotPlan(plan)), "slot_minutes:out_of_range ");
  plan.fair_ends = *ParseInstant("2029-06-19T17:00:00+08:00");
  plan.slot_minutes = 5;
  EXPECT_EQ(Fields(CheckFairSlotPlan(plan)), "slot_minutes:too_many_slots ");
}

}  // namespace
}  // namespace amity::domain
