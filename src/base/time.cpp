#include "base/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <stdexcept>

namespace amity {
namespace {

// Reads exactly `count` decimal digits at `pos`; returns -1 when any is not a digit.
int Digits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<date::year_month_day> ParseYmd(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::optional<Instant> ParseInstant(std::string_view text) {
  const auto ymd = ParseYmd(text);
  if (!ymd || text.size() < 20 || (text[10] != 'T' && text[10] != 't') || text[13] != ':' ||
      text[16] != ':') {
    return std::nullopt;
  }
  const int hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return std::nullopt;
  }
  size_t pos = 19;
  if (text[pos] == '.') {
    ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int off_hour = Digits(text, pos + 1, 2), off_minute = Digits(text, pos + 4, 2);
    if (off_hour < 0 || off_hour > 23 || off_minute < 0 || off_minute > 59 ||
        pos + 3 >= text.size() || text[pos + 3] != ':') {
      return std::nullopt;
    }
    offset_minutes = (off_hour * 60 + off_minute) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  const Instant local = date::sys_days{*ymd} + std::chrono::hours{hour} +
                        std::chrono::minutes{minute} + std::chrono::seconds{second};
  const Instant instant = local - std::chrono::minutes{offset_minutes};
  // Only what FormatInstant can write back: an offset must not carry the instant out of the
  // years 0000–9999 in UTC.
  if (instant < date::sys_days{date::year{0} / 1 / 1} ||
      instant >= date::sys_days{date::year{10000} / 1 / 1}) {
    return std::nullopt;
  }
  return instant;
}

namespace {

// Writes `value` as exactly `width` decimal digits at `out`.
void PutDigits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

// Formatted by hand: date::format goes through iostreams and locales, and these run for every
// log line, every record written and every dashboard.
std::string FormatInstant(Instant instant) {
  const date::sys_days day = std::chrono::floor<date::days>(instant);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{instant - day};
  std::string text = "0000-00-00T00:00:00Z";
  PutDigits(text.data(), static_cast<int>(ymd.year()), 4);
  PutDigits(text.data() + 5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  PutDigits(text.data() + 8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  PutDigits(text.data() + 11, static_cast<int>(time.hours().count()), 2);
  PutDigits(text.data() + 14, static_cast<int>(time.minutes().count()), 2);
  PutDigits(text.data() + 17, static_cast<int>(time.seconds().count()), 2);
  return text;
}

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  const auto ymd = ParseYmd(text);
  if (!ymd) return std::nullopt;
  return date::sys_days{*ymd};
}

std::string FormatDate(Date day) {
  const date::year_month_day ymd{day};
  std::string text = "0000-00-00";
  PutDigits(text.data(), static_cast<int>(ymd.year()), 4);
  PutDigits(text.data() + 5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  PutDigits(text.data() + 8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  return text;
}

bool InSupportedRange(Date date) {
  static const Date earliest = *ParseDate(kEarliestDate);
  static const Date latest = *ParseDate(kLatestDate);
  return date >= earliest && date <= latest;
}

bool InSupportedRange(Instant instant) { return InSupportedRange(DateOf(instant)); }

bool IsTimeZone(std::string_view name) {
  if (name.empty()) return false;
  try {
    date::locate_zone(name);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

std::string FormatLocal(Instant instant, std::string_view zone) {
  const date::zoned_seconds local{date::locate_zone(zone), instant};
  return date::format("%FT%T%Ez", local);
}

Instant FromLocal(Date date, std::chrono::seconds time_of_day, std::string_view zone) {
  const date::local_seconds local{date.time_since_epoch() + time_of_day};
  return date::locate_zone(zone)->to_sys(local, date::choose::earliest);
}

Date DateOf(Instant instant) { return std::chrono::floor<date::days>(instant); }

Instant Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace amity
