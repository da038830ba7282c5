#!/usr/bin/env python3
"""Reads an .ics file that `lerend calendar` wrote with an independent parser (the
icalendar package) and checks its events against the meetings of the network file: a
meeting request (METHOD:REQUEST) from the contact person, with one ATTENDEE per
participant with an e-mail address other than the contact person, in every event.

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


def section(network_path, key):
    """The lines of the top-level section `key:` of the network file."""
    lines, inside = [], False
    for line in open(network_path, encoding="utf-8"):
        if re.match(r"^\S", line) and not line.startswith("#"):
            inside = line.startswith(key + ":")
            continue
        if inside:
            lines.append(line)
    return lines


def addresses(lines):
    """Every `email:` value in `lines` (block or flow style), lowercased."""
    return [match.lower() for line in lines for match in re.findall(r"\bemail:\s*['\"]?([^\s,}'\"]+)", line)]


def people(network_path):
    """The contact person's address and the addresses of the invited participants."""
    network = section(network_path, "netwerk")
    start = next((i for i, line in enumerate(network) if line.strip().startswith("contactpersoon:")), None)
    contact = None
    if start is not None:
        found = addresses(network[start:start + 6])
        contact = found[0] if found else None
    invited = [address for address in addresses(section(network_path, "deelnemers")) if address != contact]
    return contact, sorted(set(invited))


def mailto(value):
    return str(value).lower().removeprefix("mailto:")


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
    method = str(calendar.get("METHOD", ""))
    contact, invited = people(network_path)
    if contact and method != "REQUEST":
        problems.append(f"METHOD is {method!r}, not REQUEST")
    for event in events:
        uid = event.get("UID")
        organizer = event.get("ORGANIZER")
        if contact and (organizer is None or mailto(organizer) != contact):
            problems.append(f"{uid}: ORGANIZER {organizer} is not mailto:{contact}")
        elif contact and not organizer.params.get("CN"):
            problems.append(f"{uid}: ORGANIZER has no CN")
        attendees = event.get("ATTENDEE", [])
        attendees = attendees if isinstance(attendees, list) else [attendees]
        if sorted(mailto(attendee) for attendee in attendees) != invited:
            problems.append(f"{uid}: {len(attendees)} ATTENDEEs {[mailto(a) for a in attendees]}, expected {invited}")
        for attendee in attendees:
            if not attendee.params.get("CN") or attendee.params.get("RSVP") != "TRUE":
                problems.append(f"{uid}: ATTENDEE {attendee} without CN or RSVP=TRUE")
        if "SEQUENCE" not in event:
            problems.append(f"{uid}: no SEQUENCE")
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
        print(f"ok {ics_path}: {len(events)} afspraken ({method}, {len(invited)} genodigden per afspraak) gelezen door "
              f"icalendar {icalendar.__version__}, data gelijk aan {network_path}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
