// Instants, calendar dates and IANA time zones. Instants are UTC seconds; every conversion to
// local time goes through the system tz database (/usr/share/zoneinfo).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace amity {

using Instant = std::chrono::sys_seconds;
using Date = std::chrono::sys_days;

// Parses RFC 3339 "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)". Fractions are truncated to
// seconds. Returns nullopt for any other form, an impossible date/time, or an instant outside
// the years 0000–9999 in UTC (which FormatInstant could not write).
std::optional<Instant> ParseInstant(std::string_view text);

// Formats as "YYYY-MM-DDTHH:MM:SSZ" (UTC). Text in this form sorts chronologically.
std::string FormatInstant(Instant instant);

// Parses a calendar date "YYYY-MM-DD"; nullopt when malformed or impossible (2027-02-30).
std::optional<Date> ParseDate(std::string_view text);
// "YYYY-MM-DD", for the years 0000–9999 (those ParseDate reads).
std::string FormatDate(Date date);

// The dates and instants records accept: 1900-01-01 to 2200-12-31, an instant by its date in
// UTC. Anything outside is a typing mistake ("0000-01-01", "2O27" read as 227) that would sort,
// count and show wrongly; twinning started in the 1920s and plans do not reach past 2200.
inline constexpr std::string_view kEarliestDate = "1900-01-01";
inline constexpr std::string_view kLatestDate = "2200-12-31";
bool InSupportedRange(Date date);
bool InSupportedRange(Instant instant);

// True when `name` is a zone (or link) in the system tz database, e.g. "Europe/Istanbul".
bool IsTimeZone(std::string_view name);

// The instant as local time in `zone` with its offset: "2027-01-05T10:00:00+08:00".
// Precondition: IsTimeZone(zone); throws std::runtime_error otherwise.
std::string FormatLocal(Instant instant, std::string_view zone);

// The instant at `time_of_day` on `date` as a clock in `zone` shows it; a time the clocks skip
// or show twice (a DST change) is taken at its earliest reading. Precondition: IsTimeZone(zone);
// throws std::runtime_error otherwise.
Instant FromLocal(Date date, std::chrono::seconds time_of_day, std::string_view zone);

// The calendar date of `instant` in UTC.
Date DateOf(Instant instant);

// Current time, truncated to seconds. The only clock read in the program: callers pass the
// result down so that rules stay testable.
Instant Now();

}  // namespace amity
