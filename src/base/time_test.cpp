#include "base/time.h"

#include <gtest/gtest.h>

namespace amity {
namespace {

TEST(TimeTest, ParsesInstantsWithOffsetsToUtc) {
  struct Case {
    const char* text;
    const char* utc;
  } cases[] = {
      {"2027-01-05T10:00:00+08:00", "2027-01-05T02:00:00Z"},
      {"2026-11-10T10:00:00+03:00", "2026-11-10T07:00:00Z"},
      {"2026-11-10T07:00:00Z", "2026-11-10T07:00:00Z"},
      {"2026-11-10T07:00:00.123Z", "2026-11-10T07:00:00Z"},
      {"2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00Z"},
  };
  for (const Case& c : cases) {
    const auto instant = ParseInstant(c.text);
    ASSERT_TRUE(instant) << c.text;
    EXPECT_EQ(FormatInstant(*instant), c.utc) << c.text;
  }
}

TEST(TimeTest, RejectsMalformedInstants) {
  for (const char* text : {"", "2026-11-10", "2026-11-10T07:00:00", "2026-02-30T07:00:00Z",
                           "2026-11-10T24:00:00Z", "2026-11-10 07:00:00Z", "2026-11-10T07:00Z",
                           "2026-11-10T07:00:00+0300", "2026-11-10T07:00:00Zjunk"}) {
    EXPECT_FALSE(ParseInstant(text)) << text;
  }
}

TEST(TimeTest, SupportedRangeIs1900To2200) {
  for (const char* text : {"1900-01-01", "2027-01-05", "2200-12-31"}) {
    EXPECT_TRUE(InSupportedRange(*ParseDate(text))) << text;
  }
  for (const char* text : {"0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"}) {
    EXPECT_FALSE(InSupportedRange(*ParseDate(text))) << text;
  }
  EXPECT_TRUE(InSupportedRange(*ParseInstant("1900-01-01T00:00:00Z")));
  EXPECT_TRUE(InSupportedRange(*ParseInstant("2200-12-31T23:59:59Z")));
  // An instant counts by its date in UTC.
  EXPECT_FALSE(InSupportedRange(*ParseInstant("1900-01-01T07:00:00+08:00")));
  EXPECT_FALSE(InSupportedRange(*ParseInstant("2200-12-31T23:30:00-01:00")));
  EXPECT_FALSE(InSupportedRange(*ParseInstant("0000-01-01T00:00:00Z")));
}

TEST(TimeTest, ParsesDates) {
  for (const char* text : {"2028-02-29", "0001-01-01", "9999-12-31", "2026-11-09"}) {
    EXPECT_EQ(FormatDate(*ParseDate(text)), text);
  }
  EXPECT_EQ(FormatDate(Date{std::chrono::year{2026} / 11 / 24}), "2026-11-24");
  EXPECT_FALSE(ParseDate("2027-02-29"));
  EXPECT_FALSE(ParseDate("2027-1-05"));
  EXPECT_FALSE(ParseDate("2027-01-05T00:00:00Z"));
}

TEST(TimeTest, KnowsTheSystemTimeZones) {
  EXPECT_TRUE(IsTimeZone("Europe/Istanbul"));
  EXPECT_TRUE(IsTimeZone("Asia/Shanghai"));
  EXPECT_TRUE(IsTimeZone("Asia/Harbin"));  // an alias, still valid
  EXPECT_FALSE(IsTimeZone("Asia/Izmir"));
  EXPECT_FALSE(IsTimeZone(""));
  EXPECT_FALSE(IsTimeZone("../../etc/passwd"));
}

TEST(TimeTest, FormatsLocalTimeInBothCitiesFiveHoursApart) {
  const Instant instant = *ParseInstant("2027-01-05T02:00:00Z");
  EXPECT_EQ(FormatLocal(instant, "Asia/Shanghai"), "2027-01-05T10:00:00+08:00");
  EXPECT_EQ(FormatLocal(instant, "Europe/Istanbul"), "2027-01-05T05:00:00+03:00");
}

TEST(TimeTest, ReadsALocalClockInItsZone) {
  using std::chrono::hours;
  const Date day = *ParseDate("2027-01-05");
  EXPECT_EQ(FormatInstant(FromLocal(day, hours(9), "Asia/Shanghai")), "2027-01-05T01:00:00Z");
  EXPECT_EQ(FormatInstant(FromLocal(day, hours(9), "Europe/Istanbul")), "2027-01-05T06:00:00Z");
  // 02:30 on the day Berlin's clocks skip from 02:00 to 03:00 is read at its earliest meaning.
  EXPECT_EQ(FormatInstant(
                FromLocal(*ParseDate("2027-03-28"), std::chrono::minutes(150), "Europe/Berlin")),
            "2027-03-28T01:00:00Z");
}

}  // namespace
}  // namespace amity
