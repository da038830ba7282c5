#!/usr/bin/env bash
# Runs an installed lerend as a user would, away from this checkout:
#
#   bash scripts/smoke-test.sh LEREND
#
# From a new empty folder, with LEREND_PLUGINS and LEREND_HOME unset, on a copy of
# each sample in samples/netwerken/: check, status, plan, calendar, export (odt and
# docx), export --email, and verstuur (which sends nothing without --ja). The program must find its plugins and templates by itself. Fails, naming the
# step, when a command fails or writes nothing.
set -euo pipefail

[ $# -eq 1 ] || { echo "gebruik: scripts/smoke-test.sh LEREND" >&2; exit 2; }
lerend=$1
case "$lerend" in
  */*) case "$lerend" in /*) ;; *) lerend="$PWD/$lerend" ;; esac ;;
  *) lerend=$(command -v "$lerend") || { echo "rooktest: $1 niet gevonden" >&2; exit 1; } ;;
esac
[ -x "$lerend" ] || { echo "rooktest: geen uitvoerbaar programma: $lerend" >&2; exit 1; }
repository=$(cd "$(dirname "$0")/.." && pwd)
# Every meeting of the samples lies after this date, so each gets its agenda and invitations.
date=2026-01-01

folder=$(mktemp -d "${TMPDIR:-/tmp}/lerend-rooktest.XXXXXX")
cd "$folder"
unset LEREND_PLUGINS LEREND_HOME

fail() {
  echo "rooktest mislukt: $1" >&2
  [ -n "${2:-}" ] && [ -s "$2" ] && sed 's/^/  | /' "$2" >&2
  echo "de map blijft staan: $folder" >&2
  exit 1
}

# Runs one step; its output goes to LOG, both streams.
step() {
  local name=$1 log=$2
  shift 2
  "$lerend" "$@" > "$log" 2>&1 || fail "$name (${*}) eindigde met code $?" "$log"
}

version=$("$lerend" --version 2>&1) || fail "lerend --version eindigde met een fout"
echo "rooktest van $lerend ($version) in $folder"

samples=("$repository"/samples/netwerken/*.yaml)
[ -e "${samples[0]}" ] || fail "geen voorbeeldnetwerken in $repository/samples/netwerken"
for sample in "${samples[@]}"; do
  name=$(basename "$sample" .yaml)
  cp "$sample" "$name.yaml"

  # check exits 1 when the network breaks a rule (kleinschalig-zuid does, on purpose);
  # it has loaded and checked when it prints its closing count. The count must then
  # agree with the exit status.
  set +e
  "$lerend" check "$name.yaml" --datum "$date" > "$name-check.txt" 2>&1
  status=$?
  set -e
  summary=$(grep -E '^[0-9]+ (fout|fouten), [0-9]+ (waarschuwing|waarschuwingen) en [0-9]+ (advies|adviezen)$' \
    "$name-check.txt" | tail -1 || true)
  [ -n "$summary" ] || fail "$name: check heeft het netwerk niet gecontroleerd (code $status)" "$name-check.txt"
  errors=${summary%% *}
  if [ "$errors" -eq 0 ]; then
    [ "$status" -eq 0 ] || fail "$name: check eindigde met code $status zonder fouten" "$name-check.txt"
  else
    [ "$status" -eq 1 ] || fail "$name: check eindigde met code $status bij $errors fouten" "$name-check.txt"
  fi

  step "$name: status" "$name-status.txt" status "$name.yaml" --datum "$date"
  grep -q "^Nu: " "$name-status.txt" || fail "$name: status noemt de huidige stap niet" "$name-status.txt"

  step "$name: plan" "$name-plan.txt" plan "$name.yaml" --datum "$date"
  [ -s "$name-plan.txt" ] || fail "$name: plan gaf geen uitvoer"

  step "$name: calendar" "$name-calendar.txt" calendar "$name.yaml" --datum "$date" -o "$name.ics"
  [ -s "$name.ics" ] || fail "$name: calendar schreef geen $name.ics" "$name-calendar.txt"
  events=$(grep -c '^BEGIN:VEVENT' "$name.ics" || true)
  [ "$events" -gt 0 ] || fail "$name: $name.ics heeft geen bijeenkomsten"

  counts=()
  for format in odt docx; do
    out="docs-$name-$format"
    step "$name: export --format $format" "$name-export-$format.txt" \
      export "$name.yaml" --datum "$date" --format "$format" -o "$out"
    [ -d "$out" ] || fail "$name: export --format $format maakte geen map $out" "$name-export-$format.txt"
    written=$(find "$out" -type f -name "*.$format" | wc -l)
    others=$(find "$out" -type f ! -name "*.$format" | wc -l)
    [ "$written" -gt 0 ] || fail "$name: export --format $format schreef geen documenten" "$name-export-$format.txt"
    [ "$others" -eq 0 ] || fail "$name: export --format $format liet andere bestanden achter in $out"
    for kind in "plan van aanpak" agenda uitnodiging; do
      find "$out" -type f -name "$kind*.$format" | grep -q . \
        || fail "$name: export --format $format schreef geen $kind" "$name-export-$format.txt"
    done
    # Each document is a zip package (it starts with "PK").
    while IFS= read -r -d '' document; do
      [ "$(head -c 2 "$document")" = PK ] || fail "$name: $document is geen zip-pakket"
    done < <(find "$out" -type f -print0)
    counts+=("$written $format")
  done
  # The e-mails of the invitations (the installed e-mail texts), and verstuur, which
  # without --ja and without a terminal sends nothing.
  out="mail-$name"
  step "$name: export --email" "$name-email.txt" \
    export "$name.yaml" --datum "$date" --document uitnodigingen --email -o "$out"
  mails=$(find "$out/e-mails" -type f -name '*.eml' | wc -l)
  invitations=$(find "$out/uitnodigingen" -type f -name '*.odt' | wc -l)
  [ "$mails" -gt 0 ] && [ "$mails" -eq "$invitations" ] \
    || fail "$name: export --email schreef $mails e-mails bij $invitations uitnodigingen" "$name-email.txt"
  printf 'host: localhost\npoort: 2525\nbeveiliging: geen\n' > mailserver-test.yaml
  if "$lerend" verstuur "$out/e-mails" --instellingen mailserver-test.yaml < /dev/null > "$name-verstuur.txt" 2>&1; then
    fail "$name: verstuur zonder --ja en zonder terminal verstuurde" "$name-verstuur.txt"
  fi
  grep -q "M117" "$name-verstuur.txt" || fail "$name: verstuur zonder --ja meldt geen M117" "$name-verstuur.txt"
  cmp -s "$sample" "$name.yaml" || fail "$name: het netwerkbestand is veranderd"

  echo "  $name: check ($summary), status, plan, calendar ($events bijeenkomsten), export (${counts[0]}, ${counts[1]}), $mails e-mails"
done

cd /
rm -rf "$folder"
echo "rooktest geslaagd"
