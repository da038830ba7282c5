#!/usr/bin/env bash
# Bouwt de standaardsjablonen in Templates/ (en het plan in 5 stappen van de plugin
# waardigheid-en-trots) uit hun bron (platte ODF, .fodt) met LibreOffice, als .odt en
# als .docx (Word 2007-365). Draai na elke wijziging in een
# bron: bash Templates/bron/bouw.sh
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The grey stand-in for the logo (logo-plaatshouder.png) goes into a source where it
# says @LOGO_PLAATSHOUDER@; the picture tag in its name replaces it in every document.
plaatshouder=$(base64 -w0 logo-plaatshouder.png)
for bron in *.fodt; do
  sed "s|@LOGO_PLAATSHOUDER@|$plaatshouder|g" "$bron" > "$out/$bron"
  soffice --headless --norestore --convert-to odt --outdir "$out" "$out/$bron" >/dev/null
  soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "$out/$bron" >/dev/null
  rm "$out/$bron"
done
# The plan in 5 steps belongs to the Waardigheid en trots plugin.
plugin=../../Plugins/waardigheid-en-trots/sjablonen
mkdir -p "$plugin"
for format in odt docx; do
  mv "$out/plan-van-aanpak-5-stappen.$format" "$plugin/plan-van-aanpak.$format"
done
cp "$out"/*.odt "$out"/*.docx ..
ls -l ../*.odt ../*.docx "$plugin"
