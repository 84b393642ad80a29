#!/usr/bin/python3
"""Parses an iCalendar file with an independent parser (python3-icalendar) and prints its events
as JSON: uid, summary, start (ISO), tzid, all_day, status, sequence. Exits 1 when it does not
parse, or when an event lacks UID, DTSTAMP or DTSTART, or names a TZID with no VTIMEZONE."""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as stream:
    calendar = icalendar.Calendar.from_ical(stream.read())
zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
events = []
for event in calendar.walk("VEVENT"):
    for required in ("UID", "DTSTAMP", "DTSTART"):
        if required not in event:
            sys.exit(f"an event lacks {required}")
    start = event["DTSTART"]
    tzid = start.params.get("TZID")
    if tzid and tzid not in zones:
        sys.exit(f"TZID {tzid} has no VTIMEZONE")
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event.get("SUMMARY", "")),
        "start": start.dt.isoformat(),
        "tzid": tzid,
        "all_day": not hasattr(start.dt, "hour"),
        "status": str(event.get("STATUS", "")),
        "sequence": int(event.get("SEQUENCE", 0)),
    })
print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")), "events": events}))
