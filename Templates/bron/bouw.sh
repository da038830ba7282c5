#!/usr/bin/env bash
# Bouwt de standaardsjablonen in Templates/ uit hun bron (platte ODF, .fodt) met
# LibreOffice, als .odt en als .docx (Word 2007-365). Draai na elke wijziging in een
# bron: bash Templates/bron/bouw.sh
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for bron in *.fodt; do
  soffice --headless --norestore --convert-to odt --outdir "$out" "$bron" >/dev/null
  soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "$bron" >/dev/null
done
cp "$out"/*.odt "$out"/*.docx ..
ls -l ../*.odt ../*.docx
