#!/usr/bin/env bash
# Bouwt de standaardsjablonen in Templates/ (en het plan in 5 stappen van de plugin
# waardigheid-en-trots) uit hun bron (platte ODF, .fodt) met LibreOffice, als .odt en
# als .docx (Word 2007-365). Draai na elke wijziging in een
# bron: bash Templates/bron/bouw.sh
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for bron in *.fodt; do
  soffice --headless --norestore --convert-to odt --outdir "$out" "$bron" >/dev/null
  soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "$bron" >/dev/null
done
# The plan in 5 steps belongs to the Waardigheid en trots plugin.
plugin=../../Plugins/waardigheid-en-trots/sjablonen
mkdir -p "$plugin"
for format in odt docx; do
  mv "$out/plan-van-aanpak-5-stappen.$format" "$plugin/plan-van-aanpak.$format"
done
cp "$out"/*.odt "$out"/*.docx ..
ls -l ../*.odt ../*.docx "$plugin"
