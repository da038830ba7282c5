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
  "$lerend" render "Templates/uitnodiging.$format" "$data" --each deelnemers --as deelnemer \
    -o uitvoer/uitnodigingen --name "uitnodiging {{ deelnemer.naam }}"
done
echo "voorbeelddocumenten staan in uitvoer/"
