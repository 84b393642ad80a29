#include "export/ical.h"

#include <libical/ical.h>

#include <memory>
#include <set>
#include <stdexcept>

namespace amity::exports {
namespace {

struct ComponentDeleter {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

// "2027-01-05T10:00:00+08:00" (FormatLocal) as a wall-clock icaltimetype without a zone.
icaltimetype WallClock(Instant instant, const std::string& zone) {
  std::string local = FormatLocal(instant, zone).substr(0, 19);  // YYYY-MM-DDTHH:MM:SS
  std::string compact;
  for (const char c : local) {
    if (c != '-' && c != ':') compact += c;
  }
  return icaltime_from_string(compact.c_str());
}

icaltimetype Utc(Instant instant) {
  return icaltime_from_timet_with_zone(
      std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count(), 0,
      icaltimezone_get_utc_timezone());
}

// A VTIMEZONE for `zone` from libical's copy of the tz database, with the IANA name as its TZID
// (what calendar programs match on); null when libical does not know the zone.
icalcomponent* TimeZoneComponent(const std::string& zone) {
  icaltimezone* builtin = icaltimezone_get_builtin_timezone(zone.c_str());
  if (builtin == nullptr) return nullptr;
  icalcomponent* component = icalcomponent_new_clone(icaltimezone_get_component(builtin));
  if (icalproperty* tzid = icalcomponent_get_first_property(component, ICAL_TZID_PROPERTY)) {
    icalproperty_set_tzid(tzid, zone.c_str());
  }
  return component;
}

void AddText(icalcomponent* event, icalproperty* property) {
  icalcomponent_add_property(event, property);
}

}  // namespace

std::string WriteCalendar(const std::string& name, const std::vector<CalendarItem>& items) {
  std::unique_ptr<icalcomponent, ComponentDeleter> calendar(icalcomponent_vanew(
      ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
      icalproperty_new_prodid("-//Amity//Sister-city partnerships//EN"),
      icalproperty_new_calscale("GREGORIAN"), icalproperty_new_method(ICAL_METHOD_PUBLISH),
      static_cast<void*>(nullptr)));
  icalproperty* calendar_name = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), calendar_name);
  std::set<std::string> zones;
  for (const CalendarItem& item : items) {
    if (item.starts_at && !item.time_zone.empty() && zones.insert(item.time_zone).second) {
      if (icalcomponent* zone = TimeZoneComponent(item.time_zone)) {
        icalcomponent_add_component(calendar.get(), zone);
      } else {
        zones.erase(item.time_zone);  // unknown to libical: the item is written in UTC
      }
    }
  }
  for (const CalendarItem& item : items) {
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    AddText(event, icalproperty_new_uid(item.uid.c_str()));
    AddText(event, icalproperty_new_dtstamp(Utc(item.stamp)));
    AddText(event, icalproperty_new_lastmodified(Utc(item.stamp)));
    AddText(event, icalproperty_new_sequence(static_cast<int>(item.sequence)));
    AddText(event, icalproperty_new_summary(item.summary.c_str()));
    if (!item.description.empty()) {
      AddText(event, icalproperty_new_description(item.description.c_str()));
    }
    if (!item.location.empty()) AddText(event, icalproperty_new_location(item.location.c_str()));
    if (!item.url.empty()) AddText(event, icalproperty_new_url(item.url.c_str()));
    AddText(event, icalproperty_new_status(item.cancelled ? ICAL_STATUS_CANCELLED
                                                          : ICAL_STATUS_CONFIRMED));
    if (item.day) {
      icaltimetype day = icaltime_from_string(FormatDate(*item.day).c_str());
      day.is_date = 1;
      AddText(event, icalproperty_new_dtstart(day));
      icaltime_adjust(&day, 1, 0, 0, 0);
      AddText(event, icalproperty_new_dtend(day));
    } else if (item.starts_at) {
      const Instant end = item.ends_at.value_or(*item.starts_at);
      if (zones.contains(item.time_zone)) {
        icalproperty* start = icalproperty_new_dtstart(WallClock(*item.starts_at, item.time_zone));
        icalproperty_add_parameter(start, icalparameter_new_tzid(item.time_zone.c_str()));
        AddText(event, start);
        icalproperty* finish = icalproperty_new_dtend(WallClock(end, item.time_zone));
        icalproperty_add_parameter(finish, icalparameter_new_tzid(item.time_zone.c_str()));
        AddText(event, finish);
      } else {
        AddText(event, icalproperty_new_dtstart(Utc(*item.starts_at)));
        AddText(event, icalproperty_new_dtend(Utc(end)));
      }
    }
    icalcomponent_add_component(calendar.get(), event);
  }
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string out(text);
  free(text);
  return out;
}

}  // namespace amity::exports
