#include "domain/exchange_eligibility.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

Date D(const char* text) { return *ParseDate(text); }
Instant I(const char* text) { return *ParseInstant(text); }

std::vector<std::string> Fields(const Problems& problems) {
  std::vector<std::string> fields;
  for (const Problem& problem : problems) fields.push_back(problem.field + ":" + problem.code);
  return fields;
}

TEST(CallWindowTest, TheCallsOwnZoneDecidesWhenItOpensAndCloses) {
  const CallWindow izmir{D("2027-02-01"), D("2027-03-15"), "Europe/Istanbul"};
  EXPECT_TRUE(CheckCallWindow(izmir).empty());
  // İzmir is at +03:00 all year: the call closes at 2027-03-15T21:00:00Z.
  EXPECT_EQ(ClosingInstant(izmir), I("2027-03-15T21:00:00Z"));
  EXPECT_EQ(StateAt(izmir, I("2027-01-31T20:59:59Z")), WindowState::kNotOpen);
  EXPECT_EQ(StateAt(izmir, I("2027-01-31T21:00:00Z")), WindowState::kOpen);
  // A Harbin student (+08:00) applying at 04:59 on 16 March is still on time; at 05:00, late.
  EXPECT_EQ(StateAt(izmir, I("2027-03-16T04:59:59+08:00")), WindowState::kOpen);
  EXPECT_EQ(StateAt(izmir, I("2027-03-16T05:00:00+08:00")), WindowState::kClosed);
  // The same dates in Harbin's zone close eight hours after midnight UTC earlier.
  const CallWindow harbin{D("2027-02-01"), D("2027-03-15"), "Asia/Shanghai"};
  EXPECT_EQ(ClosingInstant(harbin), I("2027-03-15T16:00:00Z"));
  EXPECT_EQ(StateAt(harbin, I("2027-03-15T23:59:00+08:00")), WindowState::kOpen);
  EXPECT_EQ(StateAt(harbin, I("2027-03-16T00:00:00+08:00")), WindowState::kClosed);
}

TEST(CallWindowTest, AWindowAcrossADaylightSavingChangeEndsAtLocalMidnight) {
  // Berlin moves to summer time on 28 March 2027: the call ends at 00:00 +02:00.
  const CallWindow berlin{D("2027-03-01"), D("2027-03-31"), "Europe/Berlin"};
  EXPECT_EQ(ClosingInstant(berlin), I("2027-03-31T22:00:00Z"));
  EXPECT_EQ(StateAt(berlin, I("2027-03-01T00:00:00+01:00")), WindowState::kOpen);
}

TEST(CallWindowTest, BadWindowsAreRefusedNamingTheField) {
  EXPECT_EQ(Fields(CheckCallWindow({D("2027-03-15"), D("2027-03-14"), "Europe/Istanbul"})),
            std::vector<std::string>{"closes:before_opening"});
  EXPECT_EQ(Fields(CheckCallWindow({D("2027-03-15"), D("2027-03-15"), "Europe/Izmir"})),
            std::vector<std::string>{"time_zone:unknown_time_zone"});
  // One day is a window.
  EXPECT_TRUE(CheckCallWindow({D("2027-03-15"), D("2027-03-15"), "UTC"}).empty());
}

TEST(ChoicesTest, ChoicesMustBeOfferedDistinctAndNoMoreThanTheCallAllows) {
  const std::vector<std::string> offered = {"c1", "c2", "c3", "c4", "c5", "c6"};
  EXPECT_TRUE(CheckChoices({"c3", "c1"}, offered, kDefaultMaxChoices).empty());
  EXPECT_EQ(Fields(CheckChoices({}, offered, 5)), std::vector<std::string>{"choices:required"});
  EXPECT_EQ(Fields(CheckChoices({"c1", "c2", "c3"}, offered, 2)),
            std::vector<std::string>{"choices:too_many"});
  EXPECT_EQ(Fields(CheckChoices({"c1", "x9", "c1"}, offered, 5)),
            (std::vector<std::string>{"choices[1]:not_offered", "choices[2]:duplicate"}));
  EXPECT_EQ(Fields(CheckChoices({"c1", "c2", "c3", "c4", "c5", "c6"}, offered, 5)),
            std::vector<std::string>{"choices:too_many"});
}

TEST(LanguageResultTest, CefrHskAndYdsResultsCountAsCefrLevels) {
  EXPECT_EQ(CefrRank({"en", "B2"}), 4);
  EXPECT_EQ(CefrRank({"tr", "C2"}), 6);
  EXPECT_EQ(CefrRank({"zh", "HSK 4"}), 4);
  EXPECT_EQ(CefrRank({"zh", "HSK1"}), 1);
  EXPECT_EQ(CefrRank({"zh", "HSK 6"}), 6);
  EXPECT_EQ(CefrRank({"en", "YDS 90"}), 6);
  EXPECT_EQ(CefrRank({"en", "YDS 89"}), 5);
  EXPECT_EQ(CefrRank({"en", "YDS 80"}), 5);
  EXPECT_EQ(CefrRank({"en", "YDS 60"}), 4);
  EXPECT_EQ(CefrRank({"de", "YDS 59"}), 3);
  EXPECT_EQ(CefrRank({"en", "YDS 45"}), 3);
  EXPECT_EQ(CefrRank({"en", "YDS 30"}), 2);
  EXPECT_EQ(CefrRank({"en", "YDS 0"}), 1);
  // HSK is a Chinese exam; YDS is not offered in Chinese.
  EXPECT_EQ(CefrRank({"en", "HSK 4"}), std::nullopt);
  EXPECT_EQ(CefrRank({"zh", "YDS 70"}), std::nullopt);
  for (const char* bad : {"HSK 7", "HSK 0", "YDS 101", "YDS -1", "b2", "B3", "HSK", "YDS 7.5",
                          "HSK  4", "TOEFL 90", ""}) {
    EXPECT_EQ(CefrRank({"en", bad}), std::nullopt) << bad;
    EXPECT_EQ(CefrRank({"zh", bad}), std::nullopt) << bad;
  }
  EXPECT_EQ(CefrRank({"EN", "B2"}), std::nullopt);
}

TEST(LanguageResultTest, BadResultsAreRefusedNamingTheirIndex) {
  EXPECT_TRUE(CheckLanguageResults({{"en", "B2"}, {"zh", "HSK 3"}}).empty());
  EXPECT_EQ(Fields(CheckLanguageResults(
                {{"en", "B2"}, {"english", "B2"}, {"zh", "HSK 9"}, {"en", "C1"}})),
            (std::vector<std::string>{"language_results[1].language:invalid",
                                      "language_results[2].result:unknown_result",
                                      "language_results[3].language:duplicate"}));
}

ConditionRequirements ChineseLanguageMaster() {
  return {.id = "zh-lit",
          .level = "master",
          .language_of_instruction = "zh",
          .minimum_language_level = "B1",
          .isced = "0231"};
}

TEST(EligibilityTest, AStudentMeetingEveryRuleIsEligible) {
  EXPECT_TRUE(
      CheckEligibility(
          ChineseLanguageMaster(),
          {.level = "master", .isced = "0232", .language_results = {{"en", "C1"}, {"zh", "HSK 3"}}})
          .empty());
  // No minimum asked: no language result needed.
  ConditionRequirements open = ChineseLanguageMaster();
  open.minimum_language_level.clear();
  EXPECT_TRUE(CheckEligibility(open, {.level = "master", .isced = "02"}).empty());
}

TEST(EligibilityTest, EachFailedRuleIsReportedWithWhatWasAskedAndStated) {
  const std::vector<Ineligibility> failed = CheckEligibility(
      ChineseLanguageMaster(),
      {.level = "bachelor", .isced = "0613", .language_results = {{"zh", "HSK 2"}}});
  ASSERT_EQ(failed.size(), 3u);
  EXPECT_EQ(failed[0].rule, "level");
  EXPECT_EQ(failed[0].required, "master");
  EXPECT_EQ(failed[0].stated, "bachelor");
  EXPECT_EQ(failed[1].rule, "language");
  EXPECT_EQ(failed[1].required, "zh B1");
  EXPECT_EQ(failed[1].stated, "zh A2");
  EXPECT_EQ(failed[2].rule, "field");
  EXPECT_EQ(failed[2].required, "02");
  EXPECT_EQ(failed[2].stated, "06");
  for (const Ineligibility& one : failed) EXPECT_EQ(one.condition_id, "zh-lit");
}

TEST(EligibilityTest, AResultInAnotherLanguageDoesNotCountForTheLanguageOfInstruction) {
  const std::vector<Ineligibility> failed =
      CheckEligibility(ChineseLanguageMaster(),
                       {.level = "master", .isced = "0231", .language_results = {{"en", "C2"}}});
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].rule, "language");
  EXPECT_EQ(failed[0].stated, "none");
}

TEST(EligibilityTest, TheLanguageMinimumIsInclusive) {
  ConditionRequirements english{.id = "cs",
                                .level = "bachelor",
                                .language_of_instruction = "en",
                                .minimum_language_level = "B2",
                                .isced = "061"};
  EXPECT_TRUE(
      CheckEligibility(
          english, {.level = "bachelor", .isced = "0613", .language_results = {{"en", "YDS 60"}}})
          .empty());
  EXPECT_EQ(
      CheckEligibility(
          english, {.level = "bachelor", .isced = "0613", .language_results = {{"en", "YDS 59"}}})
          .size(),
      1u);
}

}  // namespace
}  // namespace amity::domain
