#include "domain/lead.h"

#include <gtest/gtest.h>

#include <vector>

namespace amity::domain {
namespace {

const Date kToday = *ParseDate("2027-06-20");

std::vector<std::string> Codes(const Problems& problems) {
  std::vector<std::string> codes;
  for (const Problem& problem : problems) codes.push_back(problem.field + ":" + problem.code);
  return codes;
}

TEST(LeadMoveTest, LeadsMoveForwardAndMaySkipSteps) {
  EXPECT_TRUE(CheckLeadMove("new", {.to = "contacted"}, kToday).empty());
  EXPECT_TRUE(CheckLeadMove("contacted", {.to = "sample_sent"}, kToday).empty());
  EXPECT_TRUE(CheckLeadMove("new", {.to = "negotiating"}, kToday).empty());
  EXPECT_EQ(Codes(CheckLeadMove("negotiating", {.to = "contacted"}, kToday)),
            std::vector<std::string>{"to:backward"});
  EXPECT_EQ(Codes(CheckLeadMove("contacted", {.to = "contacted"}, kToday)),
            std::vector<std::string>{"to:same_status"});
  EXPECT_EQ(Codes(CheckLeadMove("new", {.to = "signed"}, kToday)),
            std::vector<std::string>{"to:unknown_status"});
  EXPECT_EQ(Codes(CheckLeadMove("new", {.to = "new"}, kToday)),
            std::vector<std::string>{"to:same_status"});
}

TEST(LeadMoveTest, AWonLeadRecordsTheDealAndItsDate) {
  const DealValue deal{.hundredths = 12500050, .currency = "CNY"};
  EXPECT_TRUE(CheckLeadMove("negotiating",
                            {.to = "won", .deal = deal, .deal_date = *ParseDate("2027-06-18")},
                            kToday)
                  .empty());
  EXPECT_TRUE(
      CheckLeadMove("new", {.to = "won", .deal = deal, .deal_date = kToday}, kToday).empty());
  EXPECT_EQ(Codes(CheckLeadMove("negotiating", {.to = "won"}, kToday)),
            (std::vector<std::string>{"deal:required", "deal_date:required"}));
  EXPECT_EQ(Codes(CheckLeadMove("negotiating",
                                {.to = "won",
                                 .deal = DealValue{.hundredths = 0, .currency = "CNY"},
                                 .deal_date = *ParseDate("2027-06-21")},
                                kToday)),
            (std::vector<std::string>{"deal:not_positive", "deal_date:in_future"}));
}

TEST(LeadMoveTest, ALostLeadSaysWhy) {
  EXPECT_TRUE(CheckLeadMove("sample_sent", {.to = "lost", .lost_reason = "price"}, kToday).empty());
  EXPECT_EQ(Codes(CheckLeadMove("sample_sent", {.to = "lost"}, kToday)),
            std::vector<std::string>{"lost_reason:required"});
  EXPECT_EQ(Codes(CheckLeadMove("sample_sent", {.to = "lost", .lost_reason = "weather"}, kToday)),
            std::vector<std::string>{"lost_reason:unknown"});
  EXPECT_EQ(Codes(CheckLeadMove("sample_sent", {.to = "lost", .lost_reason = "other", .note = "  "},
                                kToday)),
            std::vector<std::string>{"note:required"});
  EXPECT_TRUE(CheckLeadMove("sample_sent",
                            {.to = "lost", .lost_reason = "other", .note = "The buyer closed."},
                            kToday)
                  .empty());
}

TEST(LeadMoveTest, NothingLeavesWonOrLost) {
  for (const char* closed : {"won", "lost"}) {
    for (const std::string_view to : kLeadStatuses) {
      EXPECT_EQ(Codes(CheckLeadMove(closed, {.to = to, .lost_reason = "price"}, kToday)),
                std::vector<std::string>{"to:closed"})
          << closed << " → " << to;
    }
    EXPECT_FALSE(IsOpenLead(closed));
  }
  EXPECT_TRUE(IsOpenLead("new"));
  EXPECT_TRUE(IsOpenLead("negotiating"));
  EXPECT_FALSE(IsOpenLead("unknown"));
}

TEST(AmountTest, AmountsAreExactHundredths) {
  EXPECT_EQ(ParseAmount("125000.50"), 12500050);
  EXPECT_EQ(ParseAmount("125000.5"), 12500050);
  EXPECT_EQ(ParseAmount("125000"), 12500000);
  EXPECT_EQ(ParseAmount("0.01"), 1);
  EXPECT_EQ(ParseAmount("10000000000000"), 1000000000000000);
  for (const char* bad : {"", "-1", "+1", "1.", ".5", "1.234", "1e5", "1,5", " 1", "12 000",
                          "10000000000001", "999999999999999"}) {
    EXPECT_EQ(ParseAmount(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(FormatAmount(12500050), "125000.50");
  EXPECT_EQ(FormatAmount(1), "0.01");
  EXPECT_EQ(FormatAmount(ParseAmount("7.5").value()), "7.50");
}

TEST(AmountTest, DealsAreSummedPerCurrencyNeverConverted) {
  const std::vector<DealValue> won = {{.hundredths = 100, .currency = "CNY"},
                                      {.hundredths = 250, .currency = "EUR"},
                                      {.hundredths = 50, .currency = "CNY"}};
  const std::map<std::string, std::int64_t> sums = DealsByCurrency(won);
  EXPECT_EQ(sums, (std::map<std::string, std::int64_t>{{"CNY", 150}, {"EUR", 250}}));
  EXPECT_TRUE(DealsByCurrency({}).empty());
}

}  // namespace
}  // namespace amity::domain
