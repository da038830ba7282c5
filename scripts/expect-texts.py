#!/usr/bin/env python3
"""Writes FILE.expect beside every document that `lerend export` made for a network: the
texts a reader must find in it (check-document reads them). The texts come from the
network file itself, read here with PyYAML, not from lerend.

    python3 scripts/expect-texts.py samples/netwerken/zorg-dichtbij.yaml uitvoer/export/zorg-dichtbij-odt
"""
import datetime
import os
import re
import sys

import yaml

DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def dutch(day):
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def agenda_titles(meeting, number, first_of_steps):
    if meeting.get("agenda"):
        return [item["titel"] for item in meeting["agenda"]]
    if number == 1 and first_of_steps:
        return ["Welke verwachtingen zijn er van het netwerk?", "Inventarisatierondje: wat kom je brengen, wat kom je halen?"]
    return ["Opening en vaststellen agenda", "Rondvraag", "Planning volgende bijeenkomst", "Sluiting"]


def main(network_path, folder):
    network = yaml.load(open(network_path, encoding="utf-8"), Loader=yaml.BaseLoader)
    meetings = sorted(network.get("bijeenkomsten") or [], key=lambda meeting: meeting["datum"])
    first_of_steps = network["netwerk"]["plugin"] == "waardigheid-en-trots"
    written = 0
    for root, _, files in os.walk(folder):
        for name in files:
            stem, extension = os.path.splitext(name)
            if extension not in (".odt", ".docx"):
                continue
            expected = []
            match = re.match(r"(uitnodiging|agenda) bijeenkomst (\d+) (.*)$", stem)
            if match:
                number = int(match.group(2))
                meeting = meetings[number - 1]
                day = datetime.date.fromisoformat(meeting["datum"])
                expected = [dutch(day)] + agenda_titles(meeting, number, first_of_steps)
                if match.group(1) == "uitnodiging":
                    expected.insert(0, match.group(3))
            elif stem.startswith("presentielijst"):
                # The network and every participant (a row each).
                expected = [network["netwerk"]["naam"], "Presentielijst"] + [
                    participant["naam"] for participant in network.get("deelnemers") or []
                ]
            elif stem.startswith("plan van aanpak"):
                expected = [network["netwerk"]["naam"]] + [organisation["naam"] for organisation in network["organisaties"]]
            if expected:
                with open(os.path.join(root, name + ".expect"), "w", encoding="utf-8") as out:
                    out.write("\n".join(expected) + "\n")
                written += 1
    print(f"{written} verwachtingen geschreven in {folder}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
