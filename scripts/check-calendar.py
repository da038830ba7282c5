#!/usr/bin/env python3
"""Reads an .ics file that `lerend calendar` wrote with an independent parser (the
icalendar package) and checks its events against the meetings of the network file.

    python3 scripts/check-calendar.py uitvoer/agenda/zorg-dichtbij.ics samples/netwerken/zorg-dichtbij.yaml
"""
import re
import sys
from datetime import date

import icalendar


def meeting_dates(network_path):
    """The `datum:` of every item under `bijeenkomsten:` (the samples write one per line)."""
    dates, inside = [], False
    for line in open(network_path, encoding="utf-8"):
        if re.match(r"^\S", line) and not line.startswith("#"):
            inside = line.startswith("bijeenkomsten:")
            continue
        match = re.match(r"^\s*-\s*datum:\s*(\d{4})-(\d{2})-(\d{2})", line)
        if inside and match:
            dates.append(date(*map(int, match.groups())))
    return sorted(dates)


def main(ics_path, network_path):
    calendar = icalendar.Calendar.from_ical(open(ics_path, "rb").read())
    events = [component for component in calendar.walk() if component.name == "VEVENT"]
    problems = []
    starts = sorted(event.decoded("DTSTART").date() for event in events)
    expected = meeting_dates(network_path)
    if starts != expected:
        problems.append(f"event dates {starts} differ from the meetings {expected}")
    uids = [str(event.get("UID")) for event in events]
    if len(set(uids)) != len(uids):
        problems.append(f"UIDs are not unique: {uids}")
    for event in events:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if start.tzinfo is None or "Amsterdam" not in str(start.tzinfo):
            problems.append(f"{event.get('UID')}: start {start} is not in Europe/Amsterdam")
        if end <= start:
            problems.append(f"{event.get('UID')}: ends before it starts")
        if not str(event.get("SUMMARY", "")):
            problems.append(f"{event.get('UID')}: no summary")
    for problem in problems:
        print(f"fout: {ics_path}: {problem}")
    if not problems:
        print(f"ok {ics_path}: {len(events)} afspraken gelezen door icalendar {icalendar.__version__}, "
              f"data gelijk aan {network_path}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
