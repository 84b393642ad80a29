// iCalendar (RFC 5545) feeds, written with libical: each timed item in its own zone (TZID with a
// VTIMEZONE made from the tz database), all-day items as dates, stable UIDs, SEQUENCE from the
// record's version, cancelled items as STATUS:CANCELLED.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"

namespace amity::exports {

struct CalendarItem {
  std::string uid;  // stable across versions: the record's id and the server's domain
  std::string summary;
  std::string description;
  std::string location;
  std::string url;
  // Timed: start and end instants shown in `time_zone` (an IANA zone). All-day: `day` set.
  std::optional<Instant> starts_at;
  std::optional<Instant> ends_at;
  std::string time_zone;
  std::optional<Date> day;
  long long sequence = 0;  // bumped on every change
  bool cancelled = false;
  Instant stamp{};  // when the record last changed (DTSTAMP, LAST-MODIFIED)
};

// The calendar named `name` holding `items`, as iCalendar text (CRLF line ends, folded lines).
std::string WriteCalendar(const std::string& name, const std::vector<CalendarItem>& items);

}  // namespace amity::exports
