"""Reads team calendars with the icalendar library and prints each event as one JSON line.

Usage: read_calendars.py FILE.ics...  Exit 1 when a file does not parse as RFC 5545.
"""
import json
import sys

from icalendar import Calendar

for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    for event in calendar.walk("VEVENT"):
        print(json.dumps({
            "file": path,
            "uid": str(event.get("UID")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS", "")),
            "summary": str(event.get("SUMMARY")),
            "start": event.decoded("DTSTART").isoformat(),
        }, ensure_ascii=False))
