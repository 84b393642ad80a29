#include "export/ical.h"

#include <gtest/gtest.h>

namespace amity::exports {
namespace {

TEST(IcalTest, TimedItemsKeepTheirZoneAndAllDayItemsAreDates) {
  CalendarItem festival{.uid = "01a-festival@amity",
                        .summary = "Harbin Buz ve Kar Festivali",
                        .starts_at = ParseInstant("2027-01-05T10:00:00+08:00"),
                        .ends_at = ParseInstant("2027-01-05T18:00:00+08:00"),
                        .time_zone = "Asia/Shanghai",
                        .sequence = 3,
                        .stamp = *ParseInstant("2026-12-01T09:00:00Z")};
  CalendarItem due{.uid = "01b-commitment@amity",
                   .summary = "Due: 冰雪节 participation",
                   .day = ParseDate("2026-12-20"),
                   .cancelled = true,
                   .stamp = *ParseInstant("2026-12-01T09:00:00Z")};
  const std::string text = WriteCalendar("İzmir ↔ Harbin", {festival, due});
  EXPECT_NE(text.find("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DTSTART;TZID=Asia/Shanghai:20270105T100000\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DTEND;TZID=Asia/Shanghai:20270105T180000\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("SEQUENCE:3\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20261220\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DTEND;VALUE=DATE:20261221\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(text.find("X-WR-CALNAME:İzmir ↔ Harbin\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DTSTAMP:20261201T090000Z\r\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace amity::exports
