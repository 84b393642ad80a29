#include "domain/exchange_call.h"

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

CallRules Call() {
  return {.academic_year = "2027-2028",
          .direction = "home_to_partner",
          .window = {D("2027-02-01"), D("2027-03-15"), "Europe/Istanbul"},
          .formula = {},
          .max_choices = 3};
}

const std::vector<std::string> kYears = {"2027-2028", "2028-2029"};

TEST(ExchangeCallTest, AcceptsACallWithinTheAgreement) {
  EXPECT_TRUE(CheckCall(Call(), kYears).empty());
  EXPECT_TRUE(CheckCallAgreement("approved").empty());
  EXPECT_EQ(Fields(CheckCallAgreement("proposed")),
            std::vector<std::string>{"agreement_id:not_approved"});
}

TEST(ExchangeCallTest, NamesEachBrokenRule) {
  CallRules call = Call();
  call.academic_year = "2030-2031";
  call.window.closes = D("2027-01-31");
  call.formula.language_weight = 40 * kScoreUnit;
  call.max_choices = 21;
  EXPECT_EQ(
      Fields(CheckCall(call, kYears)),
      (std::vector<std::string>{"academic_year:outside_agreement", "closes_on:before_opening",
                                "language_weight:weights_not_100", "max_choices:out_of_range"}));
}

TEST(ExchangeCallTest, ReadsNumbersExactlyToFourDecimals) {
  EXPECT_EQ(ScoreOfNumber(3.47), 34700);
  EXPECT_EQ(ScoreOfNumber(82.5), 825000);
  EXPECT_EQ(ScoreOfNumber(0.0001), 1);
  EXPECT_EQ(ScoreOfNumber(3.12345), std::nullopt);
}

TEST(ExchangeCallTest, ChecksAnApplicationsNumbersAndChoices) {
  const std::vector<std::string> offered = {"a", "b", "c", "d"};
  ApplicationFacts facts{.academic_average = {34700, 4 * kScoreUnit},
                         .language_score = 825000,
                         .language_results = {{"en", "B2"}},
                         .choices = {"b", "a"}};
  EXPECT_TRUE(CheckApplication(Call(), offered, facts).empty());
  // 50% × 86.75 + 50% × 82.5: the Turkish rule's 84.625.
  EXPECT_EQ(ApplicationScore(Call(), facts), 846250);

  facts.academic_average = {41000, 4 * kScoreUnit};
  facts.language_score = 1000001;
  facts.choices = {"a", "x", "a", "b"};
  EXPECT_EQ(Fields(CheckApplication(Call(), offered, facts)),
            (std::vector<std::string>{"academic_average:off_scale", "language_score:off_scale",
                                      "choices:too_many", "choices[1]:not_offered",
                                      "choices[2]:duplicate"}));
  facts = {.academic_average = {30000, 5 * kScoreUnit}, .choices = {"a", "x", "a"}};
  EXPECT_EQ(Fields(CheckApplication(Call(), offered, facts)),
            (std::vector<std::string>{"average_scale:scale_not_accepted", "choices[1]:not_offered",
                                      "choices[2]:duplicate"}));
}

TEST(ExchangeCallTest, TakesApplicationsOnlyInsideTheWindowInTheCallsZone) {
  const CallWindow window = Call().window;
  EXPECT_EQ(Fields(CheckApplyingAt(window, I("2027-01-31T20:59:59Z"))),
            std::vector<std::string>{"opens_on:call_not_open"});
  EXPECT_TRUE(CheckApplyingAt(window, I("2027-03-16T04:59:59+08:00")).empty());
  const Problems late = CheckApplyingAt(window, I("2027-03-16T05:00:00+08:00"));
  EXPECT_EQ(Fields(late), std::vector<std::string>{"closes_on:call_closed"});
  EXPECT_NE(late[0].message.find("Europe/Istanbul"), std::string::npos) << late[0].message;
}

}  // namespace
}  // namespace amity::domain
