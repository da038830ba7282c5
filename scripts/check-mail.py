#!/usr/bin/env python3
"""Reads the .eml files that `lerend export --email` wrote with Python's own `email`
package and checks them against the network file: From the contact person, To one
participant (name and address), a Dutch subject, `X-Unsent: 1`, a unique Message-ID,
CRLF lines of at most 78 characters and headers in ASCII (RFC 2047 for the rest), a
text and an HTML alternative, and as attachments the invitation, the agenda and the
meeting request. The .ics is read with `icalendar`: METHOD:REQUEST, ORGANIZER the
contact person, one ATTENDEE per invited participant. The documents attached are
written into UITPAKMAP/odt and UITPAKMAP/docx (with a FILE.expect naming the
participant) for check-document; PDF attachments are checked to be PDF and, with
pdftotext, to name the participant.

    python3 scripts/check-mail.py samples/netwerken/kleinschalig-zuid.yaml uit/e-mails uitgepakt
"""
import email
import email.policy
import email.utils
import os
import re
import shutil
import subprocess
import sys

import icalendar
import yaml


def fail(path, message):
    print("%s: %s" % (path, message), file=sys.stderr)
    return 1


def main(network_path, folder, unpack):
    network = yaml.safe_load(open(network_path, encoding="utf-8"))
    contact = network["netwerk"]["contactpersoon"]
    participants = {p["email"].lower(): p for p in network.get("deelnemers", []) if p.get("email")}
    invited = {address for address in participants if address != contact["email"].lower()}
    problems = 0
    ids = set()
    names = sorted(name for name in os.listdir(folder) if name.endswith(".eml"))
    if not names:
        return fail(folder, "geen .eml-bestanden")
    for name in names:
        path = os.path.join(folder, name)
        raw = open(path, "rb").read()
        head = raw.split(b"\r\n\r\n", 1)[0]
        if b"\n" in raw.replace(b"\r\n", b""):
            problems += fail(path, "een regel eindigt niet op CRLF")
        long_lines = [line for line in raw.split(b"\r\n") if len(line) > 78]
        if long_lines:
            problems += fail(path, "%d regels langer dan 78 tekens: %r" % (len(long_lines), long_lines[0][:100]))
        if any(byte > 0x7F for byte in head):
            problems += fail(path, "de kopregels hebben tekens buiten ASCII (hoort RFC 2047)")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        if message.defects:
            problems += fail(path, "gebreken volgens email: %s" % message.defects)
        sender = message["From"].addresses
        if len(sender) != 1 or sender[0].addr_spec != contact["email"] or sender[0].display_name != contact["naam"]:
            problems += fail(path, "From is %s, niet de contactpersoon" % message["From"])
        to = message["To"].addresses
        if len(to) != 1 or to[0].addr_spec.lower() not in participants:
            problems += fail(path, "To is %s, geen deelnemer" % message["To"])
            continue
        participant = participants[to[0].addr_spec.lower()]
        if to[0].display_name != participant["naam"]:
            problems += fail(path, "To heet %r, niet %r" % (to[0].display_name, participant["naam"]))
        subject = str(message["Subject"])
        match = re.search(r"bijeenkomst (\d+)", subject)
        if not subject[:1].isupper() or not match or not subject.startswith("Uitnodiging"):
            problems += fail(path, "onderwerp %r" % subject)
        if message["X-Unsent"] != "1":
            problems += fail(path, "X-Unsent: 1 ontbreekt")
        if message["MIME-Version"] != "1.0" or email.utils.parsedate_to_datetime(message["Date"]) is None:
            problems += fail(path, "MIME-Version of Date ontbreekt")
        if message["Message-ID"] in ids:
            problems += fail(path, "Message-ID %s komt twee keer voor" % message["Message-ID"])
        ids.add(message["Message-ID"])
        plain = message.get_body(("plain",))
        html = message.get_body(("html",))
        if plain is None or html is None or participant.get("aanhef", "") not in plain.get_content():
            problems += fail(path, "de tekst of het HTML-alternatief ontbreekt, of de aanhef staat er niet in")
        else:
            greeting = participant.get("aanhef", "")
            formal = greeting.lower().startswith("geachte")
            text = plain.get_content()
            if formal != (" u " in text or " u," in text or " u." in text):
                problems += fail(path, "de aanspreekvorm past niet bij de aanhef %r" % greeting)
        attachments = list(message.iter_attachments())
        kinds = sorted(part.get_content_type() for part in attachments)
        calendars = [part for part in attachments if part.get_content_type() == "text/calendar"]
        documents = [part for part in attachments if part.get_content_type() != "text/calendar"]
        if len(calendars) != 1 or len(documents) != 2:
            problems += fail(path, "bijlagen %s: hoort uitnodiging, agenda en .ics" % kinds)
            continue
        part = calendars[0]
        if part.get_param("method") != "REQUEST" or (part.get_param("charset") or "").upper() != "UTF-8":
            problems += fail(path, "de .ics is geen text/calendar; method=REQUEST; charset=UTF-8")
        calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
        events = [component for component in calendar.walk("VEVENT")]
        attendees = set()
        for event in events:
            values = event.get("ATTENDEE", [])
            values = values if isinstance(values, list) else [values]
            attendees |= {str(value).lower().removeprefix("mailto:") for value in values}
        organizer = str(events[0].get("ORGANIZER", "")).lower() if events else ""
        if str(calendar.get("METHOD")) != "REQUEST" or len(events) != 1:
            problems += fail(path, "de .ics heeft geen METHOD:REQUEST met één bijeenkomst")
        elif organizer != "mailto:" + contact["email"].lower():
            problems += fail(path, "ORGANIZER is %s" % organizer)
        elif attendees != invited:
            problems += fail(path, "ATTENDEE %s, verwacht %s" % (sorted(attendees), sorted(invited)))
        elif match and ("bijeenkomst-%s@" % match.group(1)) not in str(events[0].get("UID")):
            problems += fail(path, "de .ics is van een andere bijeenkomst: %s" % events[0].get("UID"))
        for document in documents:
            filename = document.get_filename()
            extension = filename.rsplit(".", 1)[-1].lower()
            data = document.get_payload(decode=True)
            if extension == "pdf":
                if not data.startswith(b"%PDF-"):
                    problems += fail(path, "%s is geen PDF" % filename)
                elif filename.startswith("uitnodiging") and shutil.which("pdftotext"):
                    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True).stdout.decode()
                    if participant["naam"] not in " ".join(text.split()):
                        problems += fail(path, "de naam %r staat niet in %s" % (participant["naam"], filename))
                continue
            # One folder per format, so that check-document needs one LibreOffice run each;
            # the agenda of a meeting is the same file in each of its e-mails.
            target = os.path.join(unpack, extension)
            os.makedirs(target, exist_ok=True)
            with open(os.path.join(target, filename), "wb") as file:
                file.write(data)
            if filename.startswith("uitnodiging"):
                with open(os.path.join(target, filename + ".expect"), "w", encoding="utf-8") as file:
                    file.write(participant["naam"] + "\n")
    if problems:
        print("%d problemen in %s" % (problems, folder), file=sys.stderr)
        return 1
    print("%d e-mails in orde in %s (uitgepakt in %s)" % (len(names), folder, unpack))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
