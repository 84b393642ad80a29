#include "domain/alerts.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

Date Day(const char* text) { return *ParseDate(text); }
Instant At(const char* text) { return *ParseInstant(text); }

TEST(Alerts, IsoWeekFollowsThursdays) {
  EXPECT_EQ(IsoWeek(Day("2026-12-07")), "2026-W50");
  EXPECT_EQ(IsoWeek(Day("2026-12-13")), "2026-W50");  // Sunday, same week
  EXPECT_EQ(IsoWeek(Day("2027-01-01")), "2026-W53");  // a Friday: last year's week
  EXPECT_EQ(IsoWeek(Day("2024-12-30")), "2025-W01");  // a Monday: next year's first week
  EXPECT_EQ(IsoWeek(Day("2026-01-05")), "2026-W02");
}

TEST(Alerts, DigestHoldsOpenCommitmentsDueSoonOrOverdue) {
  const Date today = Day("2026-12-07");
  struct Case {
    std::optional<Date> due;
    const char* status;
    bool in;
  } cases[] = {
      {Day("2026-11-01"), "in_progress", true},  // overdue
      {Day("2026-12-21"), "planned", true},      // due in 14 days: the last day in
      {Day("2026-12-22"), "planned", false},     // 15 days: not yet
      {Day("2026-11-01"), "done", false},       {Day("2026-11-01"), "dropped", false},
      {std::nullopt, "agreed", false},  // no due date
      {Day("2026-12-07"), "proposed", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(InDigest(today, c.due, c.status), c.in)
        << (c.due ? FormatDate(*c.due) : "none") << " " << c.status;
  }
}

TEST(Alerts, HealthAlertOnlyWhenTurningQuietOrDormant) {
  EXPECT_TRUE(HealthAlertNeeded(std::nullopt, "quiet"));
  EXPECT_TRUE(HealthAlertNeeded(std::string("active"), "quiet"));
  EXPECT_TRUE(HealthAlertNeeded(std::string("quiet"), "dormant"));
  EXPECT_TRUE(HealthAlertNeeded(std::string("at_risk"), "dormant"));
  EXPECT_FALSE(HealthAlertNeeded(std::string("quiet"), "quiet"));
  EXPECT_FALSE(HealthAlertNeeded(std::string("dormant"), "dormant"));
  EXPECT_FALSE(HealthAlertNeeded(std::string("quiet"), "active"));
  EXPECT_FALSE(HealthAlertNeeded(std::nullopt, "at_risk"));
}

TEST(Alerts, OfficersAndAdminsHearOfHealthAndEvents) {
  EXPECT_TRUE(ReceivesOfficerAlerts(Role::kOfficer));
  EXPECT_TRUE(ReceivesOfficerAlerts(Role::kAdmin));
  EXPECT_FALSE(ReceivesOfficerAlerts(Role::kContributor));
  EXPECT_FALSE(ReceivesOfficerAlerts(Role::kPartner));
  EXPECT_FALSE(ReceivesOfficerAlerts(Role::kViewer));
}

TEST(Alerts, EventReminderWithinThreeDaysOfAPlannedEvent) {
  const Instant now = At("2026-12-07T09:00:00Z");
  EXPECT_TRUE(EventReminderDue(now, At("2026-12-10T09:00:00Z"), "planned"));
  EXPECT_TRUE(EventReminderDue(now, At("2026-12-07T09:00:01Z"), "confirmed"));
  EXPECT_FALSE(EventReminderDue(now, At("2026-12-10T09:00:01Z"), "planned"));  // too far
  EXPECT_FALSE(EventReminderDue(now, At("2026-12-07T08:59:59Z"), "planned"));  // started
  EXPECT_FALSE(EventReminderDue(now, At("2026-12-08T09:00:00Z"), "cancelled"));
  EXPECT_FALSE(EventReminderDue(now, At("2026-12-08T09:00:00Z"), "idea"));
}

TEST(Alerts, TextsInEachLanguage) {
  const std::vector<DigestLine> lines = {
      {"Öğrenci değişimi", "İzmir – Harbin", Day("2026-11-30"), true},
      {"Buz festivali", "İzmir – Harbin", Day("2026-12-12"), false}};
  const Date today = Day("2026-12-07");
  EXPECT_EQ(DigestText("tr", today, lines).subject,
            "Haftalık özet: 1 gecikmiş, 1 yaklaşan taahhüt");
  EXPECT_EQ(DigestText("zh", today, lines).subject, "每周摘要：1 项逾期，1 项即将到期");
  const AlertText en = DigestText("en", today, lines);
  EXPECT_EQ(en.subject, "Weekly digest: 1 overdue, 1 due soon");
  EXPECT_NE(en.body.find("- overdue 2026-11-30 · Öğrenci değişimi (İzmir – Harbin)"),
            std::string::npos);
  EXPECT_EQ(HealthText("zh", "伊兹密尔 – 哈尔滨", "dormant", 7).subject,
            "伙伴关系已休眠：伊兹密尔 – 哈尔滨");
  EXPECT_EQ(HealthText("tr", "İzmir – Harbin", "quiet", 3).subject,
            "Ortaklık sessizleşti: İzmir – Harbin");
  EXPECT_EQ(EventReminderText("en", "Ice Festival", "İzmir – Harbin", "2027-01-05 10:00").subject,
            "Event coming up: Ice Festival");
  EXPECT_NE(MailFooter("tr", "digest", "http://x/a", "http://x/u").find("haftalık özet"),
            std::string::npos);
  EXPECT_EQ(UnsubscribeText("zh", "event_reminder").question, "不再接收活动提醒邮件？");
  EXPECT_EQ(AlertLanguage("de"), "en");
  EXPECT_EQ(AlertLanguage(""), "en");
  EXPECT_EQ(AlertLanguage("zh"), "zh");
}

}  // namespace
}  // namespace amity::domain
