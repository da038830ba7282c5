#!/usr/bin/env bash
# Renders every sample document into uitvoer/ with the release build of lerend:
# the default templates in Templates/ with samples/uitnodiging/gegevens.yaml,
# one agenda and one invitation per participant, in both formats.
set -euo pipefail
cd "$(dirname "$0")/.."

lerend=.build/release/lerend
data=samples/uitnodiging/gegevens.yaml
rm -rf uitvoer
for format in odt docx; do
  "$lerend" render "Templates/agenda.$format" "$data" -o "uitvoer/agenda/agenda.$format"
  "$lerend" render "Templates/uitnodiging.$format" "$data" --per deelnemers --als deelnemer \
    -o uitvoer/uitnodigingen --naam "uitnodiging {{ deelnemer.naam }}"
  # All invitations in one document, each on a page of its own.
  "$lerend" render "Templates/uitnodiging.$format" "$data" --per deelnemers --als deelnemer \
    --één-document "uitvoer/samengevoegd/uitnodigingen.$format"
done

# What a reader must find in each document (check-document reads FILE.expect).
for format in odt docx; do
  printf '%s\n' "Joost van Dijk" "Anouk Bos-Ünal" "Peter de Wit" "Sanne Mulder" \
    > "uitvoer/samengevoegd/uitnodigingen.$format.expect"
  printf '%s\n' "Dagbesteding op maat" "dinsdag 10 maart 2026" "Rondleiding dagbesteding De Linde" \
    "Joost van Dijk, teamleider bij Zorggroep De Linde" > "uitvoer/agenda/agenda.$format.expect"
  for name in "Joost van Dijk" "Anouk Bos-Ünal" "Peter de Wit" "Sanne Mulder"; do
    printf '%s\n' "$name" "dinsdag 10 maart 2026" "13.30 tot 16.00 uur" "Casus: 'Meneer wil niet naar de activiteit'" \
      > "uitvoer/uitnodigingen/uitnodiging $name.$format.expect"
  done
done
# The sample networks: their findings, their status, a year plan and their calendar.
mkdir -p uitvoer/netwerken
for network in samples/netwerken/*.yaml; do
  name=$(basename "$network" .yaml)
  "$lerend" check "$network" > "uitvoer/netwerken/$name-controle.txt" || true
  "$lerend" status "$network" > "uitvoer/netwerken/$name-status.txt"
  "$lerend" plan "$network" > "uitvoer/netwerken/$name-plan.txt"
  "$lerend" calendar "$network" -o "uitvoer/netwerken/$name.ics"
done
# Every document of each sample network, in both formats: the plan, agendas, invitations
# and the attendance list of each year (presentielijst, a column loop per meeting). The
# reference dates put every meeting of the samples ahead, so that each gets its agenda
# and invitations.
for format in odt docx; do
  "$lerend" export samples/netwerken/zorg-dichtbij.yaml --datum 2026-01-05 --format "$format" \
    -o "uitvoer/export/zorg-dichtbij-$format"
  "$lerend" export samples/netwerken/kleinschalig-zuid.yaml --datum 2026-01-15 --format "$format" \
    -o "uitvoer/export/kleinschalig-zuid-$format"
  # The invitations of each meeting and all agendas, each in one document.
  "$lerend" export samples/netwerken/zorg-dichtbij.yaml --datum 2026-01-05 --format "$format" --samenvoegen \
    --document uitnodigingen -o "uitvoer/samengevoegd/zorg-dichtbij-$format"
done
# The attendance list alone, as an organiser asks for it.
for format in odt docx; do
  "$lerend" export samples/netwerken/zorg-dichtbij.yaml --datum 2026-01-05 --document presentielijst --format "$format" \
    -o "uitvoer/export/presentielijst-zorg-dichtbij-$format"
done
if python3 -c "import yaml" 2>/dev/null; then
  for folder in uitvoer/export/*; do
    python3 scripts/expect-texts.py "samples/netwerken/$(basename "$folder" | sed 's/-\(odt\|docx\)$//; s/^presentielijst-//').yaml" "$folder"
  done
fi
echo "voorbeelddocumenten staan in uitvoer/"
