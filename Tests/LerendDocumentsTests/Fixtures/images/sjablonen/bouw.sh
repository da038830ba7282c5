#!/usr/bin/env bash
# Builds the picture-tag test templates as LibreOffice writes them: beelden.odt and
# beelden.docx from beelden.fodt.in, with ../ander.png as the placeholder picture.
# Run after a change: bash Tests/LerendDocumentsTests/Fixtures/images/sjablonen/bouw.sh
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sed "s|@ANDER@|$(base64 -w0 ../ander.png)|g" beelden.fodt.in > "$out/beelden.fodt"
soffice --headless --norestore --convert-to odt --outdir "$out" "$out/beelden.fodt" >/dev/null
soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "$out/beelden.fodt" >/dev/null
cp "$out/beelden.odt" "$out/beelden.docx" .
